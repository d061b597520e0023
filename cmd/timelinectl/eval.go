package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/evaluate"
)

func evalFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	verbose := fs.Bool("verbose", false, "list every error (missed, spurious, span, value, type) with its context")
	asJSON := fs.Bool("json", false, "print the counts and figures (and with --verbose the errors) as JSON")
	system := fs.String("system", "", "score the external system output in `FILE` (JSON, see internal/evaluate) instead of the engine")
	narrative := fs.Bool("narrative", false, "run the engine in narrative mode (anchor to the last date mentioned)")
	return fs, func(ctx context.Context, args []string) error {
		if len(args) != 1 {
			return usagef("want exactly one DIR of TimeML files, got %d arguments", len(args))
		}
		if *system != "" && *narrative {
			return usagef("--narrative runs the engine; it cannot apply to --system")
		}
		docs, err := evaluate.LoadDir(args[0])
		if err != nil {
			return usageError{err}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		name := "timelined date engine (internal/dates)"
		var report *evaluate.Report
		if *system == "" {
			opts := evaluate.Options{}
			if *narrative {
				opts.DocType = dates.Narrative
			}
			report, err = evaluate.EvaluateDocs(docs, opts)
		} else {
			report, name, err = scoreSystem(docs, *system)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return writeEvalJSON(stdout, args[0], name, report, *verbose)
		}
		if _, err := fmt.Fprintf(stdout, "corpus %s\nsystem %s\n\n", args[0], name); err != nil {
			return err
		}
		return report.Write(stdout, *verbose)
	}
}

// scoreSystem scores the external system output in path on docs.
func scoreSystem(docs []*evaluate.Document, path string) (*evaluate.Report, string, error) {
	out, err := evaluate.LoadSystem(path)
	if err != nil {
		return nil, "", usageError{err}
	}
	spans, err := out.Spans(docs)
	if err != nil {
		return nil, "", usageError{fmt.Errorf("%s: %w", path, err)}
	}
	report, err := evaluate.Score(docs, spans)
	if err != nil {
		return nil, "", err
	}
	name := path
	if out.System != "" {
		name = out.System + " (" + path + ")"
	}
	return report, name, nil
}

// evalJSON is what eval --json prints. Figures are percentages.
type evalJSON struct {
	Corpus        string         `json:"corpus"`
	System        string         `json:"system"`
	Documents     int            `json:"documents"`
	Counts        evalCounts     `json:"counts"`
	Figures       evalFigures    `json:"figures"`
	UnpaddedWeeks int            `json:"unpadded_weeks"`
	ErrorsByClass map[string]int `json:"errors_by_class"`
	Errors        []evalError    `json:"errors,omitempty"`
}

type evalCounts struct {
	Gold             int `json:"gold"`
	System           int `json:"system"`
	Strict           int `json:"strict"`
	Relaxed          int `json:"relaxed"`
	ValueCorrect     int `json:"value_correct"`
	TypeCorrect      int `json:"type_correct"`
	NormValueCorrect int `json:"normalized_value_correct"`
}

type evalFigures struct {
	StrictPrecision   float64 `json:"strict_precision"`
	StrictRecall      float64 `json:"strict_recall"`
	StrictF1          float64 `json:"strict_f1"`
	RelaxedPrecision  float64 `json:"relaxed_precision"`
	RelaxedRecall     float64 `json:"relaxed_recall"`
	RelaxedF1         float64 `json:"relaxed_f1"`
	ValueF1           float64 `json:"value_f1"`
	TypeF1            float64 `json:"type_f1"`
	ValueAccuracy     float64 `json:"value_accuracy"`
	TypeAccuracy      float64 `json:"type_accuracy"`
	NormalizedValueF1 float64 `json:"normalized_value_f1"`
}

type evalError struct {
	Class   string          `json:"class"`
	DocID   string          `json:"doc_id"`
	Gold    *evaluate.Timex `json:"gold,omitempty"`
	System  *evaluate.Timex `json:"system,omitempty"`
	Context string          `json:"context"`
}

func writeEvalJSON(w io.Writer, corpus, system string, r *evaluate.Report, verbose bool) error {
	f := r.Figures()
	out := evalJSON{
		Corpus:    corpus,
		System:    system,
		Documents: r.Docs,
		Counts: evalCounts{
			Gold: r.Gold, System: r.System, Strict: r.Strict, Relaxed: r.Relaxed,
			ValueCorrect: r.ValueCorrect, TypeCorrect: r.TypeCorrect, NormValueCorrect: r.NormValueCorrect,
		},
		Figures: evalFigures{
			StrictPrecision: f.StrictPrecision, StrictRecall: f.StrictRecall, StrictF1: f.StrictF1,
			RelaxedPrecision: f.RelaxedPrecision, RelaxedRecall: f.RelaxedRecall, RelaxedF1: f.RelaxedF1,
			ValueF1: f.ValueF1, TypeF1: f.TypeF1, ValueAccuracy: f.ValueAccuracy, TypeAccuracy: f.TypeAccuracy,
			NormalizedValueF1: f.NormalizedValueF1,
		},
		UnpaddedWeeks: r.UnpaddedWeeks,
		ErrorsByClass: make(map[string]int),
	}
	for _, e := range r.Errors {
		out.ErrorsByClass[e.Class.String()]++
		if verbose {
			out.Errors = append(out.Errors, evalError{
				Class: e.Class.String(), DocID: e.DocID, Gold: e.Gold, System: e.System, Context: e.Context,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
