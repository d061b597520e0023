// Command protovalidateproto writes buf/validate/validate.proto, the
// schema of protovalidate's rules, from the file descriptor that the Go
// module buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go
// carries, so that buf (and clients that read .proto files) can compile
// timeline.proto's buf.validate annotations without the Buf Schema
// Registry, which this build cannot reach. The file is written, never
// committed: `make generate` and .ci/run make it under
// third_party/protovalidate.
//
// The schema is whole (every message, field, enum and extension) but the
// options on its own fields are left out: they attach the CEL expression
// of each standard rule, which the protovalidate libraries carry and
// apply themselves, and the descriptor prints them as list literals that
// protobufjs (grpc-js's proto-loader) cannot parse. Comments are not in a
// descriptor, so the file has none.
//
// Usage (from the repository root):
//
//	(cd tools && go run ./protovalidateproto ../third_party/protovalidate)
package main

import (
	"fmt"
	"os"
	"path/filepath"

	validate "buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go/buf/validate"
	"github.com/jhump/protoreflect/desc"
	"github.com/jhump/protoreflect/desc/protoprint"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/types/descriptorpb"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "protovalidateproto:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: protovalidateproto OUTDIR")
	}
	src := validate.File_buf_validate_validate_proto
	fdp := protodesc.ToFileDescriptorProto(src)
	for _, m := range fdp.GetMessageType() {
		dropFieldOptions(m)
	}
	var deps []*desc.FileDescriptor
	for i := range src.Imports().Len() {
		d, err := desc.WrapFile(src.Imports().Get(i).FileDescriptor)
		if err != nil {
			return err
		}
		deps = append(deps, d)
	}
	fd, err := desc.CreateFileDescriptor(fdp, deps...)
	if err != nil {
		return err
	}
	p := &protoprint.Printer{}
	path := filepath.Join(args[0], fd.GetName())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "// Written by tools/protovalidateproto from the descriptor in the Go module")
	fmt.Fprintln(f, "// buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go (Apache-2.0,")
	fmt.Fprintln(f, "// github.com/bufbuild/protovalidate), without the options of its own fields")
	fmt.Fprintln(f, "// (the standard rules' CEL expressions): not edited, not committed.")
	if err := p.PrintProtoFile(fd, f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// dropFieldOptions removes the options of m's fields and of its nested
// messages' fields.
func dropFieldOptions(m *descriptorpb.DescriptorProto) {
	for _, f := range m.GetField() {
		f.Options = nil
	}
	for _, n := range m.GetNestedType() {
		dropFieldOptions(n)
	}
}
