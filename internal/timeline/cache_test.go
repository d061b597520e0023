package timeline

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// TestCacheSameChronology builds every reviewed story, with and without
// publication dates, three ways: without a cache, filling one, and from
// it with other ids in reverse order. The chronologies must be equal.
func TestCacheSameChronology(t *testing.T) {
	ctx := context.Background()
	for _, st := range storyTests {
		for _, inferred := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/inferred=%v", st.name, inferred), func(t *testing.T) {
				as := loadStory(t, st.dir)
				if inferred {
					as = withoutDates(as)
				}
				want, err := Build(ctx, as, Options{})
				if err != nil {
					t.Fatal(err)
				}
				c := NewCache(64 << 20)
				cold, err := Build(ctx, as, Options{Cache: c})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(want, cold) {
					t.Fatalf("filling the cache changes the chronology:\n%s", lineDiff(render(want, true), render(cold, true)))
				}
				if s := c.Stats(); s.Hits != 0 || s.Misses != uint64(len(as)) || s.Articles != len(as) {
					t.Fatalf("after the first build: %+v", s)
				}

				// The same articles under other ids, in reverse order.
				renamed := slices.Clone(as)
				slices.Reverse(renamed)
				for i := range renamed {
					renamed[i].ID = "again-" + renamed[i].ID
				}
				want2, err := Build(ctx, renamed, Options{})
				if err != nil {
					t.Fatal(err)
				}
				warm, err := Build(ctx, renamed, Options{Cache: c})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(want2, warm) {
					t.Fatalf("the cached analysis changes the chronology:\n%s", lineDiff(render(want2, true), render(warm, true)))
				}
				if s := c.Stats(); s.Hits != uint64(len(as)) {
					t.Fatalf("after the second build: %+v, want %d hits", s, len(as))
				}
			})
		}
	}
}

// TestCacheStaleReference: an article without a date whose text fixes no
// year borrows its publication from the others, so the same text can be
// dated against another day in another collection. Its cached events are
// then not used.
func TestCacheStaleReference(t *testing.T) {
	ctx := context.Background()
	as := withoutDates(loadStory(t, "tbaq/embassy-bombings-1998"))
	seeds := loadStory(t, "articles")
	c := NewCache(64 << 20)
	var refs []string
	for _, coll := range [][]Article{
		append(slices.Clone(as), seeds[0]),
		append(slices.Clone(as), seeds[1:]...),
		as,
	} {
		want, err := Build(ctx, coll, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(ctx, coll, Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("cached build differs:\n%s", lineDiff(render(want, true), render(got, true)))
		}
		refs = append(refs, got.Articles[0].Date.String())
	}
	if refs[0] == refs[2] {
		t.Fatalf("the test needs %s dated differently in two collections: %v", as[0].ID, refs)
	}
	if c.Stats().Hits == 0 {
		t.Fatal("no article was served from the cache")
	}
}

// TestCacheBudget: the cache never holds more than its budget, evicting
// the least recently used articles, and skips an article over all of it.
func TestCacheBudget(t *testing.T) {
	ctx := context.Background()
	as := loadStory(t, "articles")
	// Measure one build's footprint, then allow about two articles.
	probe := NewCache(64 << 20)
	if _, err := Build(ctx, as, Options{Cache: probe}); err != nil {
		t.Fatal(err)
	}
	full := probe.Stats().Bytes
	budget := full * 2 / int64(len(as))
	c := NewCache(budget)
	for range 3 {
		if _, err := Build(ctx, as, Options{Cache: c}); err != nil {
			t.Fatal(err)
		}
		if s := c.Stats(); s.Bytes > budget || s.Articles >= len(as) {
			t.Fatalf("over budget %d: %+v", budget, s)
		}
	}
	if s := c.Stats(); s.Evictions == 0 {
		t.Fatalf("no evictions: %+v", s)
	}

	tiny := NewCache(100)
	if _, err := Build(ctx, as, Options{Cache: tiny}); err != nil {
		t.Fatal(err)
	}
	if s := tiny.Stats(); s.Articles != 0 || s.Bytes != 0 {
		t.Fatalf("articles over the whole budget were kept: %+v", s)
	}
	if NewCache(0) != nil || NewCache(-1) != nil {
		t.Fatal("a cache with no budget should be nil (no cache)")
	}
	if s := (*Cache)(nil).Stats(); s != (CacheStats{}) {
		t.Fatalf("nil cache stats: %+v", s)
	}
}

// TestCacheConcurrent shares one cache among concurrent builds of
// overlapping collections (run with -race).
func TestCacheConcurrent(t *testing.T) {
	ctx := context.Background()
	as := loadStory(t, "articles")
	want, err := Build(ctx, as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(64 << 20)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for range 5 {
				coll := as
				switch w % 4 {
				case 1:
					coll = as[:3] // a different collection sharing articles
				case 2:
					coll = withoutDates(as) // inferred publication dates
				}
				got, err := Build(ctx, coll, Options{Cache: c})
				if err != nil {
					t.Error(err)
					return
				}
				if w%4 == 0 && !reflect.DeepEqual(want, got) {
					t.Error("a concurrent cached build differs")
				}
			}
		})
	}
	wg.Wait()
}
