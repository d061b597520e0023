package story_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
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
