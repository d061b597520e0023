package story_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelined/timelined/internal/store/storetest"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

func seeds(t testing.TB) []timeline.Article {
	t.Helper()
	as, err := timeline.LoadArticles(filepath.Join("..", "..", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func newService(t testing.TB, st story.Store, l story.Limits) *story.Service {
	t.Helper()
	svc, err := story.New(story.Config{Store: st, Limits: l})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	return svc
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// strip is the chronology without ids, as Build returns it.
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

func wrap(as []timeline.Article) []story.Article {
	out := make([]story.Article, len(as))
	for i, a := range as {
		out[i] = story.Article{Article: a}
	}
	return out
}

// TestGrowsLikeBuild adds the seed articles one by one, then corrects and
// removes some: after each step the chronology (from memory, from the
// store, and from a fresh service that loads the story) equals Build over
// the same articles, the version grows by one, and an entry keeps its id
// while its event is the same.
func TestGrowsLikeBuild(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		ctx := ctxT(t)
		loc := k.Location(t)
		store := storetest.Open(t, loc)
		svc := newService(t, store, story.Limits{})
		if _, err := svc.CreateStory(ctx, story.Story{ID: "biden-putin", Title: "Biden and Putin"}); err != nil {
			t.Fatal(err)
		}
		as := seeds(t)
		check := func(step string, want []timeline.Article, version int64) *story.Chronology {
			t.Helper()
			_, chron, err := svc.Timeline(ctx, "biden-putin")
			if err != nil {
				t.Fatal(err)
			}
			if chron.Version != version {
				t.Fatalf("%s: version %d, want %d", step, chron.Version, version)
			}
			built, err := timeline.Build(ctx, want, timeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(strip(chron), built) {
				t.Fatalf("%s: the chronology differs from Build over the same articles", step)
			}
			_, stored, err := store.Chronology(ctx, "biden-putin")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(stored, chron) {
				t.Fatalf("%s: the stored chronology differs from the one in memory", step)
			}
			fresh := newService(t, storetest.Open(t, loc), story.Limits{})
			if _, err := fresh.AddArticles(ctx, "biden-putin", wrap(want[:1])); err != nil { // a no-op that loads
				t.Fatal(err)
			}
			_, again, err := fresh.Timeline(ctx, "biden-putin")
			if err != nil || !reflect.DeepEqual(again, chron) {
				t.Fatalf("%s: a fresh service reads another chronology (%v)", step, err)
			}
			return chron
		}
		// An entry keeps the id of a previous entry it shares a citation
		// with: an event keeps its id while articles join it, two entries
		// that merge keep one of theirs, and an entry that splits keeps
		// its id on one of its parts.
		ids := map[string]string{} // citation -> the id of the entry that cited it
		for i := range as {
			res, err := svc.AddArticles(ctx, "biden-putin", wrap(as[i:i+1]))
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != 1 || res.Version != int64(i+1) {
				t.Fatalf("add %d: %+v", i, res)
			}
			chron := check(fmt.Sprintf("after %d articles", i+1), as[:i+1], int64(i+1))
			next := map[string]string{}
			held := map[string]bool{}
			for _, e := range append(chron.Entries, chron.Background...) {
				held[e.ID] = true
			}
			for _, e := range append(chron.Entries, chron.Background...) {
				var before []string
				for _, c := range e.Citations {
					key := c.ArticleID + "|" + c.Quote + "|" + c.Expression + "|" + c.Value
					if old, ok := ids[key]; ok {
						before = append(before, old)
					}
					next[key] = e.ID
				}
				if len(before) > 0 && !slices.Contains(before, e.ID) && !slices.ContainsFunc(before, func(id string) bool { return held[id] }) {
					t.Errorf("after %d articles: an entry citing what %v cited has a new id %s (%q)", i+1, before, e.ID, e.Summary)
				}
			}
			ids = next
		}
		// The same articles again: nothing changes.
		res, err := svc.AddArticles(ctx, "biden-putin", wrap(as))
		if err != nil || res.Unchanged != len(as) || res.Added+res.Replaced != 0 || res.Version != int64(len(as)) {
			t.Fatalf("re-adding: %+v, %v", res, err)
		}
		// A correction replaces an article in its place.
		fixed := slices.Clone(as)
		fixed[1].Text = strings.Replace(fixed[1].Text, "Biden", "President Biden", 1)
		res, err = svc.AddArticles(ctx, "biden-putin", wrap(fixed[1:2]))
		if err != nil || res.Replaced != 1 || res.Version != int64(len(as)+1) {
			t.Fatalf("correcting: %+v, %v", res, err)
		}
		check("after a correction", fixed, int64(len(as)+1))
		// Removing.
		rr, err := svc.RemoveArticles(ctx, "biden-putin", []string{fixed[0].ID, "no-such-article"})
		if err != nil || rr.Removed != 1 || rr.Absent != 1 {
			t.Fatalf("removing: %+v, %v", rr, err)
		}
		check("after a removal", fixed[1:], int64(len(as)+2))
		st, err := svc.GetStory(ctx, "biden-putin")
		if err != nil || st.ArticleCount != len(as)-1 || st.Version != int64(len(as)+2) || st.Title != "Biden and Putin" {
			t.Fatalf("story: %+v, %v", st, err)
		}
	})
}

// TestWatchResumes: a watcher from 0 gets the whole chronology, then one
// batch per version; one that comes back with its last version gets the
// batches it missed; applying the batches gives the chronology.
// TestFocus: a story's focus shapes its chronology as BuildTimeline's
// focus does, and a new focus (or none) rebuilds it at a new version.
func TestFocus(t *testing.T) {
	ctx := ctxT(t)
	svc := newService(t, storetest.Open(t, storetest.Kinds()[0].Location(t)), story.Limits{})
	as := seeds(t)
	if _, err := svc.CreateStory(ctx, story.Story{ID: "putin", Focus: []string{"Putin"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddArticles(ctx, "putin", wrap(as)); err != nil {
		t.Fatal(err)
	}
	same := func(step string, focus []string) int64 {
		t.Helper()
		_, chron, err := svc.Timeline(ctx, "putin")
		if err != nil {
			t.Fatal(err)
		}
		built, err := timeline.Build(ctx, as, timeline.Options{Focus: focus})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(strip(chron), built) {
			t.Fatalf("%s: the chronology differs from Build with focus %q", step, focus)
		}
		return chron.Version
	}
	v := same("focus Putin", []string{"Putin"})
	_, focused, _ := svc.Timeline(ctx, "putin")
	for _, e := range focused.Entries {
		if !slices.Equal(e.Focus, []string{"Putin"}) {
			t.Errorf("entry %s %q: focus %q, want [Putin]", e.Value, e.Summary, e.Focus)
		}
	}
	none := []string{}
	if _, err := svc.UpdateStory(ctx, "putin", story.Update{Focus: &none}); err != nil {
		t.Fatal(err)
	}
	if w := same("no focus", nil); w != v+1 {
		t.Errorf("version %d after the focus was dropped, want %d", w, v+1)
	}
	_, whole, _ := svc.Timeline(ctx, "putin")
	if len(whole.Entries) <= len(focused.Entries) {
		t.Errorf("%d entries without focus, %d with: the focus should leave some out", len(whole.Entries), len(focused.Entries))
	}
}

func TestWatchResumes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		ctx := ctxT(t)
		svc := newService(t, storetest.Open(t, k.Location(t)), story.Limits{})
		if _, err := svc.CreateStory(ctx, story.Story{ID: "s"}); err != nil {
			t.Fatal(err)
		}
		as := seeds(t)
		if _, err := svc.AddArticles(ctx, "s", wrap(as[:2])); err != nil {
			t.Fatal(err)
		}
		got := make(chan *story.Batch, 100)
		wctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- svc.Watch(wctx, "s", 0, func(b *story.Batch) error { got <- b; return nil }) }()
		first := <-got
		if !first.Reset || first.Version != 1 {
			t.Fatalf("first batch: reset %v version %d", first.Reset, first.Version)
		}
		model := apply(nil, first)
		if _, err := svc.AddArticles(ctx, "s", wrap(as[2:3])); err != nil {
			t.Fatal(err)
		}
		b := <-got
		if b.Version != 2 || b.Reset {
			t.Fatalf("second batch: version %d reset %v", b.Version, b.Reset)
		}
		model = apply(model, b)
		stop()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("watch ended with %v", err)
		}
		// Missed while away.
		for i := 3; i < len(as); i++ {
			if _, err := svc.AddArticles(ctx, "s", wrap(as[i:i+1])); err != nil {
				t.Fatal(err)
			}
		}
		wctx, stop = context.WithCancel(ctx)
		defer stop()
		go func() { done <- svc.Watch(wctx, "s", 2, func(b *story.Batch) error { got <- b; return nil }) }()
		for v := int64(3); v <= int64(len(as)-1); v++ {
			b := <-got
			if b.Version != v || b.Reset {
				t.Fatalf("resumed batch: version %d reset %v, want %d", b.Version, b.Reset, v)
			}
			model = apply(model, b)
		}
		_, chron, err := svc.Timeline(ctx, "s")
		if err != nil {
			t.Fatal(err)
		}
		if want := ids(chron); !reflect.DeepEqual(model, want) {
			t.Fatalf("the batches applied give\n%v\nthe chronology is\n%v", model, want)
		}
		if err := svc.Watch(ctx, "s", 99, func(*story.Batch) error { return nil }); !errors.Is(err, story.ErrVersionAhead) {
			t.Fatalf("watch from a future version: %v", err)
		}
		// Deleting ends the watch with ErrNotFound.
		if err := svc.DeleteStory(ctx, "s"); err != nil {
			t.Fatal(err)
		}
		if err := <-done; !errors.Is(err, story.ErrNotFound) {
			t.Fatalf("watch of a deleted story ended with %v", err)
		}
	})
}

// apply applies a batch to a model of the chronology: id -> summary.
func apply(m map[string]string, b *story.Batch) map[string]string {
	if m == nil || b.Reset {
		m = map[string]string{}
	}
	for _, c := range b.Changes {
		if c.Type == story.Removed {
			delete(m, c.Entry.ID)
		} else {
			m[c.Entry.ID] = fmt.Sprintf("%v %s %d", c.Background, c.Entry.Summary, len(c.Entry.Citations))
		}
	}
	return m
}

func ids(c *story.Chronology) map[string]string {
	m := map[string]string{}
	for _, e := range c.Entries {
		m[e.ID] = fmt.Sprintf("%v %s %d", false, e.Summary, len(e.Citations))
	}
	for _, e := range c.Background {
		m[e.ID] = fmt.Sprintf("%v %s %d", true, e.Summary, len(e.Citations))
	}
	return m
}

// TestWatchResetsWhenHistoryIsGone: a watcher further behind than the
// versions kept gets the whole chronology again.
func TestWatchResetsWhenHistoryIsGone(t *testing.T) {
	ctx := ctxT(t)
	svc := newService(t, storetest.Open(t, storetest.Kinds()[0].Location(t)), story.Limits{KeepVersions: 2})
	if _, err := svc.CreateStory(ctx, story.Story{ID: "s"}); err != nil {
		t.Fatal(err)
	}
	as := seeds(t)
	for i := range as {
		if _, err := svc.AddArticles(ctx, "s", wrap(as[i:i+1])); err != nil {
			t.Fatal(err)
		}
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	got := make(chan *story.Batch, 10)
	go svc.Watch(wctx, "s", 1, func(b *story.Batch) error { got <- b; return nil })
	if b := <-got; !b.Reset || b.Version != int64(len(as)) {
		t.Fatalf("got version %d reset %v, want a reset at %d", b.Version, b.Reset, len(as))
	}
}

// TestReplicas: two services on one store serve the same story; a write
// through one is seen by a watch on the other, and concurrent writes
// through both lose nothing.
func TestReplicas(t *testing.T) {
	ctx := ctxT(t)
	loc := storetest.PostgresDatabase(t)
	a := newService(t, storetest.Open(t, loc), story.Limits{})
	b := newService(t, storetest.Open(t, loc), story.Limits{})
	if _, err := a.CreateStory(ctx, story.Story{ID: "shared"}); err != nil {
		t.Fatal(err)
	}
	got := make(chan *story.Batch, 100)
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	go b.Watch(wctx, "shared", 0, func(x *story.Batch) error { got <- x; return nil })
	<-got // the empty chronology
	as := seeds(t)
	if _, err := a.AddArticles(ctx, "shared", wrap(as[:1])); err != nil {
		t.Fatal(err)
	}
	select {
	case x := <-got:
		if x.Version != 1 {
			t.Fatalf("watch on the other replica: version %d", x.Version)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a watch on one replica did not see a write through the other")
	}
	var wg sync.WaitGroup
	for i, svc := range []*story.Service{a, b, a, b} {
		wg.Go(func() {
			if _, err := svc.AddArticles(ctx, "shared", wrap(as[1+i:2+i])); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	_, chron, err := b.Timeline(ctx, "shared")
	if err != nil {
		t.Fatal(err)
	}
	if chron.Version != 5 || len(chron.Articles) != 5 {
		t.Fatalf("after concurrent writes through two replicas: version %d, %d articles", chron.Version, len(chron.Articles))
	}
	var order []timeline.Article
	for _, p := range chron.Articles {
		for _, x := range as {
			if x.ID == p.ArticleID {
				order = append(order, x)
			}
		}
	}
	built, err := timeline.Build(ctx, order, timeline.Options{})
	if err != nil || !reflect.DeepEqual(strip(chron), built) {
		t.Fatalf("the chronology differs from Build (%v)", err)
	}
	for v := int64(2); v <= 5; v++ {
		select {
		case x := <-got:
			if x.Version != v {
				t.Fatalf("watch saw version %d, want %d", x.Version, v)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("watch did not see version %d", v)
		}
	}
}

// TestLimits: each limit refuses the write that would pass it, naming it,
// and changes nothing.
func TestLimits(t *testing.T) {
	ctx := ctxT(t)
	svc := newService(t, storetest.Open(t, storetest.Kinds()[0].Location(t)),
		story.Limits{MaxStories: 2, MaxArticlesPerStory: 3, MaxWatchers: 1})
	for _, id := range []string{"a", "b"} {
		if _, err := svc.CreateStory(ctx, story.Story{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	var de *story.Error
	if _, err := svc.CreateStory(ctx, story.Story{ID: "c"}); !errors.As(err, &de) || de.Limit != "max stories" {
		t.Fatalf("a third story: %v", err)
	}
	if _, err := svc.CreateStory(ctx, story.Story{ID: "a"}); !errors.Is(err, story.ErrAlreadyExists) {
		t.Fatalf("an existing id: %v", err)
	}
	as := seeds(t)
	if _, err := svc.AddArticles(ctx, "a", wrap(as[:4])); !errors.As(err, &de) || de.Field != "articles" || de.Limit != "max articles per story" {
		t.Fatalf("four articles: %v", err)
	}
	if st, _ := svc.GetStory(ctx, "a"); st.Version != 0 || st.ArticleCount != 0 {
		t.Fatalf("a refused write changed the story: %+v", st)
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	started := make(chan struct{})
	go svc.Watch(wctx, "a", 0, func(*story.Batch) error { close(started); return nil })
	<-started
	if err := svc.Watch(ctx, "b", 0, func(*story.Batch) error { return nil }); !errors.As(err, &de) || de.Limit != "max watchers" {
		t.Fatalf("a second watcher: %v", err)
	}
	if _, err := svc.AddArticles(ctx, "nope", wrap(as[:1])); !errors.Is(err, story.ErrNotFound) {
		t.Fatalf("an unknown story: %v", err)
	}
}

// TestTextLimit: a story holds at most MaxTextBytesPerStory of article
// text; an add over it is refused and changes nothing, and a correction
// that does not grow the text still goes through.
func TestTextLimit(t *testing.T) {
	ctx := ctxT(t)
	as := seeds(t)
	size := func(as []timeline.Article) int64 {
		var n int64
		for _, a := range as {
			n += int64(len(a.Title) + len(a.Text))
		}
		return n
	}
	svc := newService(t, storetest.Open(t, storetest.Kinds()[0].Location(t)),
		story.Limits{MaxTextBytesPerStory: size(as[:2])})
	if _, err := svc.CreateStory(ctx, story.Story{ID: "a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddArticles(ctx, "a", wrap(as[:2])); err != nil {
		t.Fatalf("two articles, at the limit: %v", err)
	}
	var de *story.Error
	_, err := svc.AddArticles(ctx, "a", wrap(as[2:3]))
	if !errors.As(err, &de) || de.Field != "articles" || de.Limit != "max text bytes per story" ||
		!strings.Contains(de.Msg, "max text bytes per story") {
		t.Fatalf("a third article over the limit: %v", err)
	}
	if st, _ := svc.GetStory(ctx, "a"); st.Version != 1 || st.ArticleCount != 2 {
		t.Fatalf("a refused write changed the story: %+v", st)
	}
	fix := as[1]
	fix.Text = fix.Text[:len(fix.Text)/2] // a correction that shortens
	if r, err := svc.AddArticles(ctx, "a", wrap([]timeline.Article{fix})); err != nil || r.Replaced != 1 {
		t.Fatalf("a shorter correction: %+v, %v", r, err)
	}
	if story.TextBytesForMemory(1<<30) != story.DefaultMaxTextBytesPerStory {
		t.Errorf("the default (%d) is not what a 1 GiB budget gives (%d)", story.DefaultMaxTextBytesPerStory, story.TextBytesForMemory(1<<30))
	}
}

// TestNoReanalysisAfterRestart: a service started on a stored story loads
// every article's analysis and analyses nothing again; only the new
// article of the next write is analysed.
func TestNoReanalysisAfterRestart(t *testing.T) {
	ctx := ctxT(t)
	loc := storetest.Kinds()[0].Location(t)
	first := newService(t, storetest.Open(t, loc), story.Limits{})
	if _, err := first.CreateStory(ctx, story.Story{ID: "s"}); err != nil {
		t.Fatal(err)
	}
	as := seeds(t)
	if _, err := first.AddArticles(ctx, "s", wrap(as[:4])); err != nil {
		t.Fatal(err)
	}
	if st := first.Stats(); st.Analysed != 4 || st.Reanalysed != 0 {
		t.Fatalf("first service: %+v", st)
	}
	again := newService(t, storetest.Open(t, loc), story.Limits{})
	if _, err := again.AddArticles(ctx, "s", wrap(as[4:])); err != nil {
		t.Fatal(err)
	}
	if st := again.Stats(); st.Analysed != 1 || st.Restored != 4 || st.Reanalysed != 0 {
		t.Fatalf("after the restart: %+v, want 1 analysed, 4 restored, none again", st)
	}
}
