// Command requests writes the request bodies of the load test
// (scripts/load.sh), so ghz sends exactly the contract's messages: a
// BuildTimelineRequest holding every article found at PATH and a
// ResolveDatesRequest holding the first of them. They are protojson, or
// the binary wire format with -binary, which ghz decodes for each call
// with much less work than JSON (the client shares the server's cores).
// It prints the number of articles and the size of the BuildTimelineRequest.
//
// Usage:
//
//	go run ./bench/requests [-binary] -build build.bin -resolve resolve.bin testdata/articles
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/timeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "requests:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("requests", flag.ContinueOnError)
	fs.SetOutput(stderr)
	build := fs.String("build", "", "write the BuildTimelineRequest here")
	resolve := fs.String("resolve", "", "write the ResolveDatesRequest (first article) here")
	binary := fs.Bool("binary", false, "write the binary wire format, not protojson")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 || (*build == "" && *resolve == "") {
		return errors.New("usage: requests [-binary] [-build FILE] [-resolve FILE] PATH...")
	}
	articles, err := timeline.LoadArticles(fs.Args()...)
	if err != nil {
		return err
	}
	if len(articles) == 0 {
		return errors.New("no articles found")
	}
	req := &timelinev1.BuildTimelineRequest{}
	for _, a := range articles {
		req.Articles = append(req.Articles, server.ArticleToProto(a))
	}
	if *build != "" {
		if err := write(*build, req, *binary); err != nil {
			return err
		}
	}
	if *resolve != "" {
		if err := write(*resolve, &timelinev1.ResolveDatesRequest{Article: req.Articles[0]}, *binary); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%d articles, %d bytes\n", len(articles), proto.Size(req))
	return nil
}

// write encodes m to path as protojson, or in the wire format when binary.
func write(path string, m proto.Message, binary bool) error {
	marshal := protojson.Marshal
	if binary {
		marshal = proto.Marshal
	}
	data, err := marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write request: %w", err)
	}
	return nil
}
