package evaluate

import (
	"os"
	"testing"
)

// The engine's recorded TBAQ figures, in percent, less a margin. To raise
// them after improving the engine, run
//
//	go test ./internal/evaluate -run TestTBAQReport -v
//
// and set each floor to the figure it prints minus about 0.4, so that noise
// from unrelated changes does not fail the test but a real regression does.
// Never lower a floor to make a change pass without saying why in the
// commit message.
//
// Recorded on 2026-11-21 (strict 90.24, relaxed 95.15, value 83.33, type
// 90.99). The value floor was lowered from 83.6 that day: fiscal and ended
// quarters are now the calendar quarters they cover, where TBAQ gold writes
// the fiscal number (its "fiscal first quarter ended Sept. 30" is 1989-Q1).
const (
	floorStrictF1  = 89.85
	floorRelaxedF1 = 94.75
	floorValueF1   = 82.95
	floorTypeF1    = 90.6
)

// TestTBAQFloor fails when the engine's TBAQ figures drop below the floor.
func TestTBAQFloor(t *testing.T) {
	r, err := EvaluateDocs(loadTBAQ(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := r.Figures()
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"strict F1", f.StrictF1, floorStrictF1},
		{"relaxed F1", f.RelaxedF1, floorRelaxedF1},
		{"value F1", f.ValueF1, floorValueF1},
		{"type F1", f.TypeF1, floorTypeF1},
	} {
		if c.got < c.floor {
			t.Errorf("TBAQ %s = %.2f, below its floor %.2f", c.name, c.got, c.floor)
		}
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
