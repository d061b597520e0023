package main

import (
	"context"
	"os"
	"testing"

	"github.com/timelined/timelined/internal/evaluate/chronology"
	"github.com/timelined/timelined/internal/server"
)

// trialDir is the SemEval-2015 Task 4 trial collection, the development
// set of the chronology measures.
const trialDir = "../../../shared/data/semeval15-trial"

// Floors of the chronology measures on the trial collection, in percent,
// as `go run ./cmd/timelinectl eval-chronology ../shared/data/semeval15-trial`
// prints them less about half a point: entity F1 66.47 (53.20 for issue
// 12; then entity timelines kept only the sentences the entity takes part
// in, and reported events and "since its launch" got their own dates),
// date recall 82.79 (one item is 0.82), merge recall 83.33 (5 of 6
// events; one event less is 66.67). The issue asks for 50, 60 and 60.
var chronologyFloors = struct{ entityF1, dateRecall, mergeRecall float64 }{66.0, 82.3, 80}

// TestChronologyFloors runs the command's evaluation through the in-process
// service and fails when a measure drops below its floor.
func TestChronologyFloors(t *testing.T) {
	if _, err := os.Stat(trialDir); err != nil {
		t.Skipf("the SemEval-2015 trial collection is not at %s (expected beside the repository, in ../shared): %v", trialDir, err)
	}
	c, err := chronology.Load(trialDir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := chronology.Evaluate(context.Background(), c, serviceBuilder(server.NewService(server.DefaultLimits(), nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entity P %.2f R %.2f F1 %.2f; date recall %.2f; merge recall %.2f",
		r.Entity.Precision(), r.Entity.Recall(), r.Entity.F1(), r.Dates.Recall(), r.Merges.Recall())
	for _, m := range []struct {
		name       string
		got, floor float64
	}{
		{"entity F1", r.Entity.F1(), chronologyFloors.entityF1},
		{"date recall", r.Dates.Recall(), chronologyFloors.dateRecall},
		{"merge recall", r.Merges.Recall(), chronologyFloors.mergeRecall},
	} {
		if m.got < m.floor {
			t.Errorf("%s = %.2f, below its floor %.2f", m.name, m.got, m.floor)
		}
	}
}
