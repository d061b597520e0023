package story_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/timelined/timelined/internal/store/sqlite"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

func openSQLite(t *testing.T) story.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "stories.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func seeds(t *testing.T) []timeline.Article {
	t.Helper()
	as, err := timeline.LoadArticles(filepath.Join("..", "..", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	store := openSQLite(t)
	svc, err := story.New(story.Config{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.CreateStory(ctx, story.Story{ID: "biden-putin", Title: "Biden and Putin"}); err != nil {
		t.Fatal(err)
	}
	as := seeds(t)
	for i, a := range as {
		res, err := svc.AddArticles(ctx, "biden-putin", []story.Article{{Article: a}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 1 || res.Version != int64(i+1) {
			t.Fatalf("add %d: %+v", i, res)
		}
		_, chron, err := svc.Timeline(ctx, "biden-putin")
		if err != nil {
			t.Fatal(err)
		}
		want, err := timeline.Build(ctx, as[:i+1], timeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := strip(chron)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after %d articles: chronology differs from Build", i+1)
		}
		_, stored, err := store.Chronology(ctx, "biden-putin")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stored, chron) {
			t.Fatalf("stored chronology differs from memory")
		}
	}
}

func strip(c *story.Chronology) *timeline.Result {
	r := &timeline.Result{Articles: c.Articles, WindowStart: c.WindowStart, WindowEnd: c.WindowEnd}
	for _, e := range c.Entries {
		r.Entries = append(r.Entries, e.Entry)
	}
	for _, e := range c.Background {
		r.Background = append(r.Background, e.Entry)
	}
	return r
}
