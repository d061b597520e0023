package server

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/encoding"
	protocodec "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// A request that cannot be decoded is the client's fault, but grpc-go
// answers it with INTERNAL, a server-fault code, before any handler or
// interceptor sees it, whatever the codec's error says. decodeCodec is the
// proto codec with one difference: when a message does not decode, it
// notes why, keyed by the message, and reports success; the first
// interceptor (unary) or the stream's RecvMsg (streams) then takes the
// note and refuses the call with INVALID_ARGUMENT, naming the field when a
// string is not valid UTF-8. The half-decoded message is never used.
type decodeCodec struct {
	inner encoding.CodecV2

	failures sync.Map // message (pointer) -> error
	pending  atomic.Int64
}

func newDecodeCodec() *decodeCodec {
	return &decodeCodec{inner: encoding.GetCodecV2(protocodec.Name)}
}

// Name is the proto codec's name, so that clients need not know.
func (c *decodeCodec) Name() string { return protocodec.Name }

// Marshal marshals as the proto codec does.
func (c *decodeCodec) Marshal(v any) (mem.BufferSlice, error) { return c.inner.Marshal(v) }

// Unmarshal unmarshals as the proto codec does; a failure is noted for
// take, and the call goes on to be refused there.
func (c *decodeCodec) Unmarshal(data mem.BufferSlice, v any) error {
	err := c.inner.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	m, ok := v.(proto.Message)
	if !ok {
		return err
	}
	c.failures.Store(v, describeDecodeError(data.Materialize(), m, err))
	c.pending.Add(1)
	return nil
}

// take returns the noted decode failure of message v, if any, and forgets it.
func (c *decodeCodec) take(v any) error {
	if c.pending.Load() == 0 {
		return nil
	}
	if e, ok := c.failures.LoadAndDelete(v); ok {
		c.pending.Add(-1)
		return e.(error)
	}
	return nil
}

// unary refuses a call whose request did not decode. It must run first.
func (c *decodeCodec) unary(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if err := c.take(req); err != nil {
		return nil, err
	}
	return handler(ctx, req)
}

// stream makes a stream's RecvMsg fail with the decode failure of the
// message it received, if any.
func (c *decodeCodec) stream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, &decodeCheckedStream{ServerStream: ss, c: c})
}

type decodeCheckedStream struct {
	grpc.ServerStream
	c *decodeCodec
}

func (s *decodeCheckedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	return s.c.take(m)
}

// describeDecodeError is INVALID_ARGUMENT for a message b of m's type that
// did not decode: with a google.rpc.BadRequest naming the field when a
// string field holds invalid UTF-8, as the in-process checks do.
func describeDecodeError(b []byte, m proto.Message, err error) error {
	md := m.ProtoReflect().Descriptor()
	if field, at, ok := findInvalidUTF8(b, md, ""); ok {
		desc := fmt.Sprintf("invalid UTF-8 at byte %d", at)
		st := status.New(codes.InvalidArgument, fmt.Sprintf("invalid %s: %s: %s", md.Name(), field, desc))
		if d, derr := st.WithDetails(&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{
			{Field: field, Description: desc},
		}}); derr == nil {
			return d.Err()
		}
		return st.Err()
	}
	return status.Errorf(codes.InvalidArgument, "the request is not a valid %s message: %v", md.FullName(), err)
}

// findInvalidUTF8 walks the wire form b of a message of type md and returns
// the path of the first string field (in the request's field names:
// "articles[2].text") whose value is not valid UTF-8, and the byte offset
// of the first bad byte within that value.
func findInvalidUTF8(b []byte, md protoreflect.MessageDescriptor, prefix string) (string, int, bool) {
	counts := map[protowire.Number]int{}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return "", 0, false
		}
		b = b[n:]
		fd := md.Fields().ByNumber(num)
		if typ != protowire.BytesType || fd == nil {
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return "", 0, false
			}
			b = b[n:]
			continue
		}
		v, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return "", 0, false
		}
		b = b[n:]
		name := prefix + string(fd.Name())
		if fd.IsList() {
			name += "[" + strconv.Itoa(counts[num]) + "]"
			counts[num]++
		}
		switch fd.Kind() {
		case protoreflect.StringKind:
			if !utf8.Valid(v) {
				return name, invalidUTF8At(string(v)), true
			}
		case protoreflect.MessageKind:
			if fd.IsMap() {
				continue
			}
			if f, at, ok := findInvalidUTF8(v, fd.Message(), name+"."); ok {
				return f, at, true
			}
		}
	}
	return "", 0, false
}
