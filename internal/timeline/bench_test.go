package timeline

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// tbaqDir is the TimeBank+AQUAINT corpus, relative to this package.
const tbaqDir = "../../../shared/data/timeml/tbaq"

var (
	tmlText = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	tmlDCT  = regexp.MustCompile(`(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})`)
	tmlTag  = regexp.MustCompile(`<[^>]*>`)
)

// loadTBAQ reads the corpus documents as articles: the <TEXT> with tags
// stripped, the <DCT> as publication date. It returns nil when the corpus
// is absent.
func loadTBAQ(tb testing.TB) []Article {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(tbaqDir, "*", "*.tml"))
	sort.Strings(files)
	var out []Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		m := tmlText.FindSubmatch(raw)
		if m == nil {
			continue
		}
		a := Article{ID: filepath.Base(f), Text: html.UnescapeString(tmlTag.ReplaceAllString(string(m[1]), ""))}
		if d := tmlDCT.FindSubmatch(raw); d != nil {
			a.Published, _ = dates.ParseDate(string(d[1]))
		}
		out = append(out, a)
	}
	return out
}

// benchArticles returns n articles: the TBAQ texts (or, without ../shared,
// the seeds) repeated with distinct ids.
func benchArticles(b *testing.B, n int) []Article {
	src := loadTBAQ(b)
	if len(src) == 0 {
		b.Log("../shared/data/timeml/tbaq is absent: benchmarking the seed articles repeated")
		src = loadStory(b, "articles")
	}
	out := make([]Article, n)
	for i := range out {
		out[i] = src[i%len(src)]
		out[i].ID = fmt.Sprintf("%s#%d", out[i].ID, i)
	}
	return out
}

// BenchmarkBuildSeeds is one BuildTimeline call on the five seed
// articles, the request the load test sends: analysed anew (cold), and
// with their analysis in a Cache from an earlier call (cached).
func BenchmarkBuildSeeds(b *testing.B) {
	as := loadStory(b, "articles")
	for _, bc := range []struct {
		name  string
		cache *Cache
	}{{"cold", nil}, {"cached", NewCache(64 << 20)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(context.Background(), as, Options{Cache: bc.cache}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			as := benchArticles(b, n)
			var bytes int64
			for _, a := range as {
				bytes += int64(len(a.Text))
			}
			b.SetBytes(bytes)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Build(context.Background(), as, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// storyArticles returns the n articles of a benchmark story as
// bench/stories and internal/story make them: the TBAQ texts (or the
// seeds) repeated, each copy with its own id, a closing sentence of its
// own and its publication date moved a day per round, so that every copy
// is dated anew and the story has many events a day, as a developing story
// followed for months has.
func storyArticles(b testing.TB, n int) []Article {
	src := loadTBAQ(b)
	if len(src) == 0 {
		src = loadStory(b, "articles")
	}
	out := make([]Article, n)
	for i := range out {
		a := src[i%len(src)]
		round := i / len(src)
		a.ID = fmt.Sprintf("a%06d", i)
		a.Text += fmt.Sprintf("\n\nThis is copy %d of the report.", round)
		if !a.Published.IsZero() {
			a.Published = a.Published.AddDays(round % 365)
		}
		out[i] = a
	}
	return out
}

// BenchmarkMergeStory builds a story's chronology from the analyses of
// its articles, held in a Cache: what a story service does at every write.
func BenchmarkMergeStory(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			as := storyArticles(b, n)
			c := NewCache(1 << 62)
			if _, err := Build(context.Background(), as, Options{Cache: c}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Build(context.Background(), as, Options{Cache: c}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
