package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/timeline"
)

// backend is the timeline service the commands call, in-process or remote.
type backend interface {
	ResolveDates(context.Context, *timelinev1.ResolveDatesRequest) (*timelinev1.ResolveDatesResponse, error)
	BuildTimeline(context.Context, *timelinev1.BuildTimelineRequest) (*timelinev1.BuildTimelineResponse, error)
}

// connFlags say where the service runs.
type connFlags struct {
	addr     string
	tls      bool
	tlsFiles client.TLSFiles
	timeout  time.Duration
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.addr, "addr", "", "call the timelined server at `HOST:PORT` instead of running in-process")
	fs.BoolVar(&c.tls, "tls", false, "with --addr, connect over TLS (system roots unless --tls-ca-file) instead of plaintext")
	fs.StringVar(&c.tlsFiles.CAFile, "tls-ca-file", "", "with --addr, connect over TLS and trust the server certificates of the authorities in this PEM `file`")
	fs.StringVar(&c.tlsFiles.CertFile, "tls-cert-file", "", "with --addr, connect over TLS and present the client certificate in this PEM `file` (mutual TLS; needs --tls-key-file)")
	fs.StringVar(&c.tlsFiles.KeyFile, "tls-key-file", "", "the private key of --tls-cert-file, a PEM `file`")
	fs.StringVar(&c.tlsFiles.ServerName, "tls-server-name", "", "with TLS, the `name` the server's certificate must bear when it is not the host of --addr")
	fs.DurationVar(&c.timeout, "timeout", time.Minute, "give up after this `duration` (0: no limit)")
}

// useTLS says whether any TLS flag was given.
func (c *connFlags) useTLS() bool {
	return c.tls || c.tlsFiles != client.TLSFiles{}
}

// with runs f with the backend the flags name and ctx bounded by --timeout,
// and releases the backend afterwards.
func (c *connFlags) with(ctx context.Context, f func(context.Context, backend) error) error {
	var svc backend
	release := func() {}
	switch {
	case c.addr != "":
		var err error
		if svc, release, err = dial(c.addr, c.useTLS(), c.tlsFiles); err != nil {
			return err
		}
	case c.useTLS():
		return usagef("--tls needs --addr (so do the --tls-* flags)")
	default:
		// The server's own Service: the same validation, limits and
		// proto mapping as over the wire.
		svc = server.NewService(server.DefaultLimits(), nil)
	}
	defer release()
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	return f(ctx, svc)
}

// callError turns a service error into a CLI error: rejected input is a
// usage error listing each bad field; anything else fails the command.
func callError(err error) error {
	if err == nil {
		return nil
	}
	st, ok := status.FromError(err)
	if !ok {
		return err
	}
	// The BadRequest details list every bad field; the message repeats only
	// the first few, so print the list when there is one.
	var fields []string
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				fields = append(fields, fmt.Sprintf("\n  %s: %s", v.GetField(), v.GetDescription()))
			}
		}
	}
	msg := st.Message()
	if len(fields) > 0 {
		msg = "the request has bad fields:" + strings.Join(fields, "")
	}
	err = fmt.Errorf("%s: %s", codeName(st.Code()), msg)
	switch st.Code() {
	case codes.InvalidArgument, codes.ResourceExhausted, codes.OutOfRange:
		return usageError{err}
	}
	return err
}

func codeName(c codes.Code) string {
	// codes.Code.String gives "InvalidArgument"; people read the canonical
	// upper-case names in logs and docs.
	var b strings.Builder
	for i, r := range c.String() {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

// input is one article to send, with what the TimeML output needs.
type input struct {
	article *timelinev1.Article
	// dct is the document creation time as written in a TimeML source, or "".
	dct string
}

// loadInputs reads the articles named by paths: text files, folders of
// them, manifests, and TimeML files or folders. Unreadable or empty inputs
// are usage errors.
func loadInputs(paths []string) ([]input, error) {
	if len(paths) == 0 {
		return nil, usagef("no PATH given")
	}
	var out []input
	seen := make(map[string]string)
	for _, p := range paths {
		in, err := loadPath(p)
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("%s: no such file or folder", pe.Path)
		}
		if err != nil {
			return nil, usageError{err}
		}
		if len(in) == 0 {
			return nil, usagef("%s: no articles (want *.txt, manifest.json or *.tml)", p)
		}
		for _, a := range in {
			id := a.article.GetId()
			if prev, ok := seen[id]; ok {
				return nil, usagef("article id %q comes from both %s and %s", id, prev, p)
			}
			seen[id] = p
		}
		out = append(out, in...)
	}
	return out, nil
}

func loadPath(p string) ([]input, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	isTimeML := strings.EqualFold(filepath.Ext(p), ".tml")
	if fi.IsDir() {
		isTimeML, err = timeMLFolder(p)
		if err != nil {
			return nil, err
		}
	}
	if isTimeML {
		var docs []*evaluate.Document
		if fi.IsDir() {
			docs, err = evaluate.LoadDir(p)
		} else {
			var d *evaluate.Document
			d, err = evaluate.ReadTimeMLFile(p)
			docs = []*evaluate.Document{d}
		}
		if err != nil {
			return nil, err
		}
		out := make([]input, len(docs))
		for i, d := range docs {
			out[i] = input{
				article: &timelinev1.Article{Id: d.ID, Text: d.Text, PublishedDate: d.DCT.String()},
				dct:     d.DCTValue,
			}
		}
		return out, nil
	}
	as, err := timeline.LoadArticles(p)
	if err != nil {
		return nil, err
	}
	out := make([]input, len(as))
	for i, a := range as {
		out[i] = input{article: server.ArticleToProto(a)}
	}
	return out, nil
}

// timeMLFolder reports whether dir is a TimeML corpus rather than a folder of
// articles: it holds no manifest.json, and .tml files lie somewhere below
// it. (Corpora carry README.txt files, so *.txt beside them say nothing.)
func timeMLFolder(dir string) (bool, error) {
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		return false, nil
	}
	found := false
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tml") {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found, err
}

// writeJSON writes msgs as one indented JSON value: the message itself, or
// an array when list is set. protojson deliberately varies its whitespace
// between runs; re-indenting makes the output stable.
func writeJSON(w io.Writer, list bool, msgs ...proto.Message) error {
	var all [][]byte
	for _, m := range msgs {
		b, err := protojson.Marshal(m)
		if err != nil {
			return fmt.Errorf("marshal %s: %w", m.ProtoReflect().Descriptor().FullName(), err)
		}
		all = append(all, b)
	}
	raw := bytes.Join(all, []byte(","))
	if list {
		raw = append(append([]byte("["), raw...), ']')
	} else if len(all) != 1 {
		return errors.New("writeJSON: want exactly one message")
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return fmt.Errorf("indent JSON: %w", err)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}
