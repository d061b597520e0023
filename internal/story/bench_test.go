package story_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/store/storetest"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

// benchSource returns the texts benchmark articles are made of: TBAQ's,
// or the seeds when ../shared is absent.
func benchSource(b testing.TB) []timeline.Article {
	docs, err := evaluate.LoadDir(filepath.Join("..", "..", "..", "shared", "data", "timeml", "tbaq"))
	if err == nil && len(docs) > 0 {
		out := make([]timeline.Article, len(docs))
		for i, d := range docs {
			out[i] = timeline.Article{ID: d.ID, Text: d.Text, Published: d.DCT}
		}
		return out
	}
	b.Log("../shared/data/timeml/tbaq is absent: the seed articles, repeated")
	return seeds(b)
}

// benchArticle is the n-th article of a benchmark story: a source text
// with its own id, closing sentence and publication day.
func benchArticle(src []timeline.Article, n int) story.Article {
	a := src[n%len(src)]
	round := n / len(src)
	a.ID = fmt.Sprintf("a%06d", n)
	a.Text += fmt.Sprintf("\n\nThis is copy %d of the report.", round)
	if !a.Published.IsZero() {
		a.Published = a.Published.AddDays(round % 365)
	}
	return story.Article{Article: a}
}

// BenchmarkAddOne adds one new article to a story of 1,000 (on SQLite,
// and on PostgreSQL when TIMELINED_TEST_POSTGRES is set): the chronology
// rebuilt from the stored analyses, its changes found and committed. It
// reports the median and 90th percentile besides the mean.
func BenchmarkAddOne(b *testing.B) {
	for _, k := range storetest.Kinds() {
		b.Run(k.Name, func(b *testing.B) {
			ctx := context.Background()
			svc := newService(b, storetest.Open(b, k.Location(b)), story.Limits{})
			if _, err := svc.CreateStory(ctx, story.Story{ID: "bench"}); err != nil {
				b.Fatal(err)
			}
			src := benchSource(b)
			const size = 1000
			var batch []story.Article
			for i := range size {
				batch = append(batch, benchArticle(src, i))
			}
			if _, err := svc.AddArticles(ctx, "bench", batch); err != nil {
				b.Fatal(err)
			}
			var times []time.Duration
			n := size
			for b.Loop() {
				t0 := time.Now()
				if _, err := svc.AddArticles(ctx, "bench", []story.Article{benchArticle(src, n)}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
				n++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
		})
	}
}

// BenchmarkWritePeak measures the heap one write holds: a story of 10,000
// articles is stored, a new Service (a restart) adds one article to it,
// then another, and a sampler notes the largest live heap while the
// collector runs at GOGC=10, so that the heap in use stays near what is
// live. It reports the peak and the resting heap per byte of the story's
// text (titles and texts): what BytesPerStoryTextByte must cover.
func BenchmarkWritePeak(b *testing.B) {
	const size = 10000
	ctx := context.Background()
	loc := storetest.Kinds()[0].Location(b)
	src := benchSource(b)
	text := fillStory(b, loc, src, size)
	limits := story.Limits{MaxArticlesPerStory: 2 * size, MaxTextBytesPerStory: 1 << 40}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	next := size
	for b.Loop() {
		svc := newService(b, storetest.Open(b, loc), limits)
		runtime.GC()
		var peak atomic.Uint64
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			var m runtime.MemStats
			for {
				select {
				case <-stop:
					return
				case <-time.After(2 * time.Millisecond):
				}
				runtime.ReadMemStats(&m)
				peak.Store(max(peak.Load(), m.HeapAlloc))
			}
		}()
		for range 2 {
			// The first add loads and restores the story, the second finds
			// it loaded; both merge the whole story.
			a := benchArticle(src, next)
			next++
			if _, err := svc.AddArticles(ctx, "peak", []story.Article{a}); err != nil {
				b.Fatal(err)
			}
		}
		close(stop)
		<-stopped
		runtime.GC()
		var rest runtime.MemStats
		runtime.ReadMemStats(&rest)
		b.ReportMetric(float64(peak.Load())/float64(text), "peak-B/text-B")
		b.ReportMetric(float64(rest.HeapAlloc)/float64(text), "rest-B/text-B")
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-MiB")
		svc.Close()
	}
}

// fillStory stores a story "peak" of n benchmark articles at loc, through a
// Service it closes, and returns the bytes of its text.
func fillStory(b *testing.B, loc string, src []timeline.Article, n int) int {
	ctx := context.Background()
	svc, err := story.New(story.Config{Store: storetest.Open(b, loc), Limits: story.Limits{MaxArticlesPerStory: 2 * n, MaxTextBytesPerStory: 1 << 40}})
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.CreateStory(ctx, story.Story{ID: "peak"}); err != nil {
		b.Fatal(err)
	}
	text := 0
	for lo := 0; lo < n; lo += 1000 {
		var batch []story.Article
		for i := lo; i < min(lo+1000, n); i++ {
			a := benchArticle(src, i)
			text += len(a.Title) + len(a.Text)
			batch = append(batch, a)
		}
		if _, err := svc.AddArticles(ctx, "peak", batch); err != nil {
			b.Fatal(err)
		}
	}
	return text
}
