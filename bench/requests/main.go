// Command requests writes the request bodies of the load test
// (scripts/load.sh) as protojson, so ghz sends exactly the contract's
// messages: a BuildTimelineRequest holding every article found at PATH and a
// ResolveDatesRequest holding the first of them.
//
// Usage:
//
//	go run ./bench/requests -build build.json -resolve resolve.json testdata/articles
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
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "requests:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("requests", flag.ContinueOnError)
	fs.SetOutput(stderr)
	build := fs.String("build", "", "write the BuildTimelineRequest here")
	resolve := fs.String("resolve", "", "write the ResolveDatesRequest (first article) here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 || (*build == "" && *resolve == "") {
		return errors.New("usage: requests [-build FILE] [-resolve FILE] PATH...")
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
		if err := write(*build, req); err != nil {
			return err
		}
	}
	if *resolve != "" {
		if err := write(*resolve, &timelinev1.ResolveDatesRequest{Article: req.Articles[0]}); err != nil {
			return err
		}
	}
	return nil
}

func write(path string, m proto.Message) error {
	data, err := protojson.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write request: %w", err)
	}
	return nil
}
