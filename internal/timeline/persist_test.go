package timeline

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestCacheRestoreRoundTrip: every reviewed story (and, when ../shared is
// there, 300 TBAQ documents), with and without publication dates, built
// from analyses that went through Encode and Restore into a fresh cache,
// equals the build without a cache, and reuses every analysis.
func TestCacheRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	sets := map[string][]Article{}
	for _, st := range storyTests {
		sets[st.name] = loadStory(t, st.dir)
	}
	if tb := loadTBAQ(t); len(tb) > 0 {
		sets["tbaq"] = tb[:min(300, len(tb))]
	}
	for name, as := range sets {
		for _, inferred := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/inferred=%v", name, inferred), func(t *testing.T) {
				if inferred {
					as = withoutDates(as)
				}
				want, err := Build(ctx, as, Options{})
				if err != nil {
					t.Fatal(err)
				}
				c := NewCache(1 << 30)
				if _, err := Build(ctx, as, Options{Cache: c}); err != nil {
					t.Fatal(err)
				}
				fresh := NewCache(1 << 30)
				for i := range as {
					data := c.Encode(&as[i])
					if data == nil {
						t.Fatalf("article %s: no analysis to encode", as[i].ID)
					}
					if err := fresh.Restore(&as[i], data); err != nil {
						t.Fatal(err)
					}
				}
				got, err := Build(ctx, as, Options{Cache: fresh})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(want, got) {
					t.Fatalf("restored analyses change the chronology:\n%s", lineDiff(render(want, true), render(got, true)))
				}
				if s := fresh.Stats(); s.Misses != 0 || s.Hits != uint64(len(as)) {
					t.Fatalf("restored cache: %+v, want %d hits and no miss", s, len(as))
				}
			})
		}
	}
}

// TestRestoreRefuses: data of another version, cut short, or of another
// text is refused with an error, never a panic, and nothing is cached.
func TestRestoreRefuses(t *testing.T) {
	as := loadStory(t, "articles")
	c := NewCache(1 << 20)
	if _, err := Build(context.Background(), as, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	data := c.Encode(&as[0])
	other := as[0]
	other.Text = "short"
	fresh := NewCache(1 << 20)
	if err := fresh.Restore(&as[0], append([]byte{AnalysisVersion + 1}, data[1:]...)); !errors.Is(err, ErrAnalysisVersion) {
		t.Errorf("another version: %v, want ErrAnalysisVersion", err)
	}
	for n := range len(data) {
		if err := fresh.Restore(&as[0], data[:n]); err == nil {
			t.Fatalf("data cut to %d of %d bytes restored", n, len(data))
		}
	}
	if err := fresh.Restore(&other, data); err == nil {
		t.Error("an analysis of another text restored")
	}
	if s := fresh.Stats(); s.Articles != 0 {
		t.Errorf("refused analyses cached: %+v", s)
	}
	c.Forget(&as[0])
	if c.Encode(&as[0]) != nil {
		t.Error("Forget kept the analysis")
	}
}

// TestCheckRefusesUnsortedWords: a stored event whose word list is out of
// order or names a word twice is refused (merging walks the lists side by
// side and ranks them as distinct keys).
func TestCheckRefusesUnsortedWords(t *testing.T) {
	an, err := Analyze(context.Background(), loadStory(t, "articles")[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := an.check(); err != nil {
		t.Fatalf("a fresh analysis refused: %v", err)
	}
	i := slices.IndexFunc(an.events, func(e event) bool { return len(e.tokens) > 1 })
	if i < 0 {
		t.Fatal("no event with two words")
	}
	e := &an.events[i]
	for name, ts := range map[string][]token{
		"a word twice": {e.tokens[0], e.tokens[0]},
		"out of order": {e.tokens[1], e.tokens[0]},
	} {
		saved := e.tokens
		e.tokens = ts
		if err := an.check(); err == nil {
			t.Errorf("%s: not refused", name)
		}
		e.tokens = saved
	}
}

// FuzzRestore: no input makes Restore panic or hang.
func FuzzRestore(f *testing.F) {
	as := loadStory(f, "articles")
	c := NewCache(1 << 20)
	if _, err := Build(context.Background(), as, Options{Cache: c}); err != nil {
		f.Fatal(err)
	}
	f.Add(c.Encode(&as[1]))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = NewCache(1<<20).Restore(&as[1], data)
	})
}
