// Command protovalidateproto writes buf/validate/validate.proto, the
// schema of protovalidate's rules, from the file descriptor that the Go
// module buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go
// carries, so that buf can compile timeline.proto's buf.validate
// annotations without the Buf Schema Registry (which this build cannot
// reach). The file is written, never committed: `make generate` and
// .ci/run make it under third_party/protovalidate.
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
	fd, err := desc.WrapFile(validate.File_buf_validate_validate_proto)
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
	fmt.Fprintln(f, "// github.com/bufbuild/protovalidate): not edited, not committed.")
	if err := p.PrintProtoFile(fd, f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
