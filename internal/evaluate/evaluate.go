package evaluate

import (
	"fmt"

	"github.com/timelined/timelined/internal/dates"
)

// Options control Evaluate.
type Options struct {
	// DocType is the document type the engine is run with; the zero value
	// is dates.News, right for TimeBank and AQUAINT.
	DocType dates.DocType
}

// Evaluate loads the TimeML files below dir, runs the engine
// (dates.Resolve) on each document with its creation date as reference and
// scores the result against the gold annotations.
func Evaluate(dir string, opts Options) (*Report, error) {
	docs, err := LoadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	return EvaluateDocs(docs, opts)
}

// EvaluateDocs runs the engine on docs and scores it, like Evaluate on
// documents already loaded.
func EvaluateDocs(docs []*Document, opts Options) (*Report, error) {
	r, err := Score(docs, ResolveAll(docs, opts))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	return r, nil
}

// ResolveAll runs the engine on every document, with its creation date as
// reference, and returns the system annotations by DOCID.
func ResolveAll(docs []*Document, opts Options) map[string][]Timex {
	out := make(map[string][]Timex, len(docs))
	for _, d := range docs {
		out[d.ID] = FromMentions(dates.Resolve(d.Text, dates.Options{Reference: d.DCT, DocType: opts.DocType}))
	}
	return out
}

// FromMentions converts the engine's mentions to annotations.
func FromMentions(ms []dates.Mention) []Timex {
	out := make([]Timex, len(ms))
	for i, m := range ms {
		out[i] = Timex{
			ID:    fmt.Sprintf("t%d", i+1),
			Start: m.Start, End: m.End, Text: m.Text,
			Type: m.Type.String(), Value: m.Value, Mod: m.Mod,
		}
	}
	return out
}
