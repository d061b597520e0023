package evaluate

import (
	"os"
	"testing"
)

// The engine's recorded figures on each development set, in percent, less
// a margin. To raise them after improving the engine, run
//
//	go run ./cmd/timelinectl eval-dev
//
// and set each floor to the figure it prints minus about 0.4, so that noise
// from unrelated changes does not fail the test but a real regression does.
// Never lower a floor to make a change pass without saying why in the
// commit message.
//
// TBAQ recorded on 2026-11-21 (strict 90.24, relaxed 95.15, value 83.33, type
// 90.99). The value floor was lowered from 83.6 that day: fiscal and ended
// quarters are now the calendar quarters they cover, where TBAQ gold writes
// the fiscal number (its "fiscal first quarter ended Sept. 30" is 1989-Q1).
// WikiWars train (narrative) and tweets train (colloquial, canonical
// values) recorded on 2026-12-07 (WikiWars: strict 87.30, relaxed 93.18,
// recall 88.13, value 87.10, type 84.38; tweets: strict 84.76, relaxed
// 93.79, recall 93.16, value 82.17, type 88.60). Where the figure the issue
// asks for (HeidelTime's value F1 + 3, relaxed recall >= max(85,
// HeidelTime's)) is closer than the margin, the floor is that target:
// WikiWars value 87.01 and recall 87.10. The tweets' relaxed floors were
// lowered the same day (relaxed F1 93.4 -> 92.65, recall 92.75 -> 91.4):
// a unit alone no longer stands for a phrase the other rules passed over
// ("the first day" read as "day", "7Days" as "Days"), which overlapped
// twelve gold spans with the wrong value; value F1 rose.
// WikiWars value floor raised to 88.2 by the narrative story-line changes
// (value 88.63: ranges over a new year, dates told in passing, past-perfect
// look-backs); the other WikiWars figures moved by less than the margin.
// Tweets floors raised by the colloquial2 changes (strict 88.23, relaxed
// 94.74, recall 92.94, value 85.03, type 90.97: a clock after a day, '7.30am',
// hashtags and glued codes, hours ago, 'N+ units', chat spellings).
var devFloors = map[string]struct{ strict, relaxed, recall, value, typ float64 }{
	"tbaq":           {strict: 89.85, relaxed: 94.75, recall: 96.4, value: 82.95, typ: 90.6},
	"wikiwars-train": {strict: 86.9, relaxed: 92.8, recall: 87.1, value: 88.2, typ: 84.0},
	"tweets-train":   {strict: 87.8, relaxed: 94.3, recall: 92.5, value: 84.6, typ: 90.5},
}

// TestDevFloors fails when the engine's figures on a development set drop
// below its floor; it skips a set whose corpus is not beside the
// repository.
func TestDevFloors(t *testing.T) {
	for _, set := range DevSets(sharedDir) {
		t.Run(set.Name, func(t *testing.T) {
			if _, err := os.Stat(set.Dir); err != nil {
				t.Skipf("%s not found at %s (expected beside the repository, in ../shared): %v", set.Name, set.Dir, err)
			}
			floor, ok := devFloors[set.Name]
			if !ok {
				t.Fatalf("no floors recorded for %s", set.Name)
			}
			res, err := RunDevSet(set)
			if err != nil {
				t.Fatal(err)
			}
			f := res.Engine.Figures()
			t.Logf("%s: strict F1 %.2f, relaxed F1 %.2f (R %.2f), value F1 %.2f, type F1 %.2f", set.Name, f.StrictF1, f.RelaxedF1, f.RelaxedRecall, f.ValueF1, f.TypeF1)
			for _, c := range []struct {
				name       string
				got, floor float64
			}{
				{"strict F1", f.StrictF1, floor.strict},
				{"relaxed F1", f.RelaxedF1, floor.relaxed},
				{"relaxed recall", f.RelaxedRecall, floor.recall},
				{"value F1", f.ValueF1, floor.value},
				{"type F1", f.TypeF1, floor.typ},
			} {
				if c.got < c.floor {
					t.Errorf("%s %s = %.2f, below its floor %.2f", set.Name, c.name, c.got, c.floor)
				}
			}
		})
	}
}

// TestTBAQReport prints the engine's TBAQ report with every error when
// run with -v.
func TestTBAQReport(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("prints the TBAQ report; run with -v")
	}
	r, err := EvaluateDocs(loadTBAQ(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Write(os.Stdout, true); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkTBAQEvaluate measures running and scoring the engine on the
// loaded corpus; SetBytes counts the plain text.
func BenchmarkTBAQEvaluate(b *testing.B) {
	docs := loadTBAQ(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluateDocs(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadTBAQ measures reading the corpus.
func BenchmarkLoadTBAQ(b *testing.B) {
	loadTBAQ(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDir(tbaqDir); err != nil {
			b.Fatal(err)
		}
	}
}
