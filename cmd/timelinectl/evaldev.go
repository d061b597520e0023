package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/evaluate"
)

func evalDevFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("eval-dev", flag.ContinueOnError)
	shared := fs.String("shared", "../shared", "the shared data `DIR` (holding data/timeml and data/heideltime)")
	asJSON := fs.Bool("json", false, "print each set's counts and figures, the engine's and HeidelTime's, as JSON")
	return fs, func(ctx context.Context, args []string) error {
		if len(args) != 0 {
			return usagef("takes no arguments (the sets are found under --shared), got %d", len(args))
		}
		if _, err := os.Stat(*shared); err != nil {
			return usageError{fmt.Errorf("--shared: %w", err)}
		}
		var results []*evaluate.DevResult
		for _, set := range evaluate.DevSets(*shared) {
			if err := ctx.Err(); err != nil {
				return err
			}
			res, err := evaluate.RunDevSet(set)
			if err != nil {
				return err
			}
			results = append(results, res)
		}
		if *asJSON {
			return writeDevJSON(stdout, results)
		}
		return writeDevTable(stdout, results)
	}
}

// devTarget is what the engine must reach on a development set: value F1
// at least HeidelTime's plus three points, relaxed recall at least 85 and
// at least HeidelTime's.
func devTarget(ht evaluate.Figures) (value, recall float64) {
	return ht.ValueF1 + 3, max(85, ht.RelaxedRecall)
}

func writeDevTable(w io.Writer, results []*evaluate.DevResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tkind\tdocs\tgold\tvalue F1\tHeidelTime\ttarget\trelaxed R\tHeidelTime\ttarget\tstrict F1\ttype F1\t")
	for _, r := range results {
		f := r.Engine.Figures()
		htValue, htRecall, tv, tr := "-", "-", "-", "-"
		met := ""
		if r.HeidelTime != nil {
			h := r.HeidelTime.Figures()
			v, rc := devTarget(h)
			htValue, htRecall = fmt.Sprintf("%.2f", h.ValueF1), fmt.Sprintf("%.2f", h.RelaxedRecall)
			tv, tr = fmt.Sprintf("%.2f", v), fmt.Sprintf("%.2f", rc)
			if f.ValueF1 < v || f.RelaxedRecall < rc {
				met = " (below target)"
			}
		}
		name := r.Set.Name
		if r.Set.Canonical {
			name += "*"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f\t%s\t%s\t%.2f\t%s\t%s\t%.2f\t%.2f\t%s\n", name, r.Set.Kind, r.Engine.Docs, r.Engine.Gold,
			f.ValueF1, htValue, tv, f.RelaxedRecall, htRecall, tr, f.StrictF1, f.TypeF1, met)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\n* values canonicalized on both sides (timelinectl eval --canonical).\nEach set is read as its kind of text: --doc-type narrative for narratives, colloquial for tweets.\ntarget: value F1 >= HeidelTime's + 3, relaxed recall >= max(85, HeidelTime's).")
	return err
}

type devJSON struct {
	Set        string            `json:"set"`
	Kind       string            `json:"kind"`
	DocType    string            `json:"doc_type"`
	Narrative  bool              `json:"narrative"`
	Canonical  bool              `json:"canonical"`
	Documents  int               `json:"documents"`
	Counts     evaluate.Counts   `json:"counts"`
	Figures    evaluate.Figures  `json:"figures"`
	HeidelTime *evaluate.Figures `json:"heideltime,omitempty"`
}

func writeDevJSON(w io.Writer, results []*evaluate.DevResult) error {
	out := make([]devJSON, 0, len(results))
	for _, r := range results {
		d := devJSON{Set: r.Set.Name, Kind: r.Set.Kind, DocType: r.Set.DocType.String(), Narrative: r.Set.DocType == dates.Narrative, Canonical: r.Set.Canonical,
			Documents: r.Engine.Docs, Counts: r.Engine.Counts, Figures: r.Engine.Figures()}
		if r.HeidelTime != nil {
			h := r.HeidelTime.Figures()
			d.HeidelTime = &h
		}
		out = append(out, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
