package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

func TestRequests(t *testing.T) {
	dir := t.TempDir()
	build, resolve := filepath.Join(dir, "build.json"), filepath.Join(dir, "resolve.json")
	if err := run([]string{"-build", build, "-resolve", resolve, "../../testdata/articles"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	var b timelinev1.BuildTimelineRequest
	read(t, build, &b)
	if len(b.Articles) != 5 {
		t.Fatalf("BuildTimelineRequest has %d articles, want the 5 seeds", len(b.Articles))
	}
	for _, a := range b.Articles {
		if a.Id == "" || a.Text == "" || a.PublishedDate != "2021-03-22" {
			t.Errorf("article %q: want an id, a text and published_date 2021-03-22, got %q", a.Id, a.PublishedDate)
		}
	}
	var r timelinev1.ResolveDatesRequest
	read(t, resolve, &r)
	if r.Article.GetId() != b.Articles[0].Id || r.Article.GetText() != b.Articles[0].Text {
		t.Errorf("ResolveDatesRequest holds %q, want the first article %q", r.Article.GetId(), b.Articles[0].Id)
	}
}

func read(t *testing.T, path string, m proto.Message) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := protojson.Unmarshal(data, m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"testdata"}, {"-build", "x.json"}} {
		if err := run(args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q): want a usage error", args)
		}
	}
}
