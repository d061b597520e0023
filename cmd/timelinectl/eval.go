package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/timelined/timelined/internal/evaluate"
)

func evalFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	verbose := fs.Bool("verbose", false, "list every error (missed, spurious, span, value, type) with its context")
	asJSON := fs.Bool("json", false, "print the counts and figures (and with --verbose the errors) as JSON")
	system := fs.String("system", "", "score the external system output in `FILE` (JSON, see internal/evaluate) instead of the engine")
	var doc docTypeFlags
	doc.register(fs)
	canonical := fs.Bool("canonical", false, "compare values after rewriting corpus-specific spellings to TimeML's on both sides\n(\"2011-11-26-WXX-6\" -> \"2011-11-26\", \"2014-XX-XX\" -> \"2014\", \"2013-10-W41\" -> \"2013-W41\", zero padding), as the SynTime tweets need")
	return fs, func(ctx context.Context, args []string) error {
		if len(args) != 1 {
			return usagef("want exactly one DIR of TimeML files, got %d arguments", len(args))
		}
		_, docType, err := doc.get()
		if err != nil {
			return err
		}
		if *system != "" && doc.set() {
			return usagef("--doc-type runs the engine; it cannot apply to --system")
		}
		docs, err := evaluate.LoadDir(args[0])
		if err != nil {
			return usageError{err}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		name := "timelined date engine (internal/dates)"
		var spans map[string][]evaluate.Timex
		if *system == "" {
			spans = evaluate.ResolveAll(docs, evaluate.Options{DocType: docType})
		} else if spans, name, err = systemSpans(docs, *system); err != nil {
			return err
		}
		if *canonical {
			evaluate.Canonicalize(docs, spans)
			name += ", canonical values"
		}
		report, err := evaluate.Score(docs, spans)
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

// systemSpans reads the external system output in path for docs, and the
// system's name.
func systemSpans(docs []*evaluate.Document, path string) (map[string][]evaluate.Timex, string, error) {
	out, err := evaluate.LoadSystem(path)
	if err != nil {
		return nil, "", usageError{err}
	}
	spans, err := out.Spans(docs)
	if err != nil {
		return nil, "", usageError{fmt.Errorf("%s: %w", path, err)}
	}
	name := path
	if out.System != "" {
		name = out.System + " (" + path + ")"
	}
	return spans, name, nil
}

// evalJSON is what eval --json prints. Figures are percentages.
type evalJSON struct {
	Corpus        string           `json:"corpus"`
	System        string           `json:"system"`
	Documents     int              `json:"documents"`
	Counts        evaluate.Counts  `json:"counts"`
	Figures       evaluate.Figures `json:"figures"`
	UnpaddedWeeks int              `json:"unpadded_weeks"`
	ErrorsByClass map[string]int   `json:"errors_by_class"`
	Errors        []evaluate.Error `json:"errors,omitempty"` // with --verbose
}

func writeEvalJSON(w io.Writer, corpus, system string, r *evaluate.Report, verbose bool) error {
	out := evalJSON{
		Corpus:        corpus,
		System:        system,
		Documents:     r.Docs,
		Counts:        r.Counts,
		Figures:       r.Figures(),
		UnpaddedWeeks: r.UnpaddedWeeks,
		ErrorsByClass: r.ErrorCounts(),
	}
	if verbose {
		out.Errors = r.Errors
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
