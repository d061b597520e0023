package evaluate

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Figures are a Report's scores, in percent (0 to 100).
type Figures struct {
	StrictPrecision  float64 `json:"strict_precision"`
	StrictRecall     float64 `json:"strict_recall"`
	StrictF1         float64 `json:"strict_f1"`
	RelaxedPrecision float64 `json:"relaxed_precision"`
	RelaxedRecall    float64 `json:"relaxed_recall"`
	RelaxedF1        float64 `json:"relaxed_f1"`
	// ValueF1 and TypeF1 are the TempEval-3 attribute scores: the share of
	// relaxed matches with the right attribute (ValueAccuracy,
	// TypeAccuracy) times RelaxedF1.
	ValueF1       float64 `json:"value_f1"`
	TypeF1        float64 `json:"type_f1"`
	ValueAccuracy float64 `json:"value_accuracy"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	// NormalizedValueF1 is ValueF1 with ISO weeks zero-padded on both
	// sides; it is not a TempEval-3 figure.
	NormalizedValueF1 float64 `json:"normalized_value_f1"`
}

// Figures computes the scores from the counts.
func (r *Report) Figures() Figures {
	var f Figures
	f.StrictPrecision = percent(r.Strict, r.System)
	f.StrictRecall = percent(r.Strict, r.Gold)
	f.StrictF1 = f1(f.StrictPrecision, f.StrictRecall)
	f.RelaxedPrecision = percent(r.Relaxed, r.System)
	f.RelaxedRecall = percent(r.Relaxed, r.Gold)
	f.RelaxedF1 = f1(f.RelaxedPrecision, f.RelaxedRecall)
	f.ValueAccuracy = percent(r.ValueCorrect, r.Relaxed)
	f.TypeAccuracy = percent(r.TypeCorrect, r.Relaxed)
	f.ValueF1 = f.ValueAccuracy * f.RelaxedF1 / 100
	f.TypeF1 = f.TypeAccuracy * f.RelaxedF1 / 100
	f.NormalizedValueF1 = percent(r.NormValueCorrect, r.Relaxed) * f.RelaxedF1 / 100
	return f
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ErrorCounts returns the number of errors of each class, keyed by the
// class's name ("missed"), every class present.
func (r *Report) ErrorCounts() map[string]int {
	m := make(map[string]int, len(errorClasses))
	for _, c := range errorClasses {
		m[c.String()] = 0
	}
	for _, e := range r.Errors {
		m[e.Class.String()]++
	}
	return m
}

// ErrorCount returns the number of errors of class c.
func (r *Report) ErrorCount(c ErrorClass) int {
	n := 0
	for _, e := range r.Errors {
		if e.Class == c {
			n++
		}
	}
	return n
}

// Write prints a summary of r to w: counts, the figures and the number of
// errors of each class by TIMEX3 type. When verbose, it goes on with every
// error grouped by class, each class headed by its most frequent texts.
func (r *Report) Write(w io.Writer, verbose bool) error {
	p := &printer{w: w}
	f := r.Figures()
	p.printf("TempEval-3 Task A, %d documents, micro-averaged\n", r.Docs)
	p.printf("gold %d  system %d  strict %d  relaxed %d  value-correct %d  type-correct %d\n\n",
		r.Gold, r.System, r.Strict, r.Relaxed, r.ValueCorrect, r.TypeCorrect)
	p.printf("%-9s %7s %7s %7s\n", "", "P", "R", "F1")
	p.printf("%-9s %7.2f %7.2f %7.2f\n", "strict", f.StrictPrecision, f.StrictRecall, f.StrictF1)
	p.printf("%-9s %7.2f %7.2f %7.2f\n", "relaxed", f.RelaxedPrecision, f.RelaxedRecall, f.RelaxedF1)
	p.printf("%-9s %23.2f  (%.2f%% of relaxed matches)\n", "value", f.ValueF1, f.ValueAccuracy)
	p.printf("%-9s %23.2f  (%.2f%% of relaxed matches)\n", "type", f.TypeF1, f.TypeAccuracy)
	p.printf("%-9s %23.2f  (not TempEval-3: ISO weeks zero-padded; %d gold values have one-digit weeks)\n",
		"value*", f.NormalizedValueF1, r.UnpaddedWeeks)

	p.printf("\nerrors by class (by gold type; spurious by system type):\n")
	byClass := r.errorsByClass()
	for _, c := range errorClasses {
		errs := byClass[c]
		line := fmt.Sprintf("  %-9s %5d  %s", c, len(errs), countList(errs, func(e Error) string { return subject(e).Type }, 0))
		p.printf("%s\n", strings.TrimRight(line, " "))
	}
	if !verbose {
		return p.err
	}
	for _, c := range errorClasses {
		errs := byClass[c]
		if len(errs) == 0 {
			continue
		}
		p.printf("\n== %s (%d) ==\n", c, len(errs))
		p.printf("most frequent: %s\n", countList(errs, func(e Error) string {
			return strings.ToLower(squash(subject(e).Text))
		}, 15))
		switch c {
		case WrongValue:
			p.printf("by shape, gold -> system: %s\n", countList(errs, func(e Error) string {
				return shape(e.Gold.Value) + " -> " + shape(e.System.Value)
			}, 15))
		case WrongType:
			p.printf("gold -> system: %s\n", countList(errs, func(e Error) string {
				return e.Gold.Type + " -> " + e.System.Type
			}, 15))
		}
		for _, e := range errs {
			p.printf("%s\n", e.line())
		}
	}
	return p.err
}

// errorsByClass groups r.Errors by class, keeping their order.
func (r *Report) errorsByClass() map[ErrorClass][]Error {
	m := make(map[ErrorClass][]Error, len(errorClasses))
	for _, e := range r.Errors {
		m[e.Class] = append(m[e.Class], e)
	}
	return m
}

// subject is the annotation an error is counted under: the gold one, or
// the system one for spurious errors.
func subject(e Error) *Timex {
	if e.Gold != nil {
		return e.Gold
	}
	return e.System
}

// countList returns "k1 n1, k2 n2, ..." for the keys of errs, most frequent
// first (ties in key order), at most limit entries when limit > 0.
func countList(errs []Error, key func(Error) string, limit int) string {
	n := map[string]int{}
	for _, e := range errs {
		n[key(e)]++
	}
	keys := slices.SortedFunc(maps.Keys(n), func(a, b string) int {
		return cmp.Or(cmp.Compare(n[b], n[a]), cmp.Compare(a, b))
	})
	if limit > 0 && len(keys) > limit {
		keys = keys[:limit]
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, n[k])
		if limit > 0 {
			parts[i] = fmt.Sprintf("%q %d", k, n[k])
		}
	}
	return strings.Join(parts, ", ")
}

// shape returns v with every digit replaced by 9, so that values of one
// kind ("1998-08-07", "2021-03-17") count together.
func shape(v string) string {
	b := []byte(v)
	for i, c := range b {
		if isDigit(c) {
			b[i] = '9'
		}
	}
	return string(b)
}

// line formats e on one line for the verbose listing.
func (e Error) line() string {
	var what string
	switch e.Class {
	case Missed:
		what = fmt.Sprintf("gold %s", e.Gold.describe())
	case Spurious:
		what = fmt.Sprintf("system %s", e.System.describe())
	case SpanMismatch:
		what = fmt.Sprintf("gold %q  system %q", e.Gold.Text, e.System.Text)
	case WrongValue:
		what = fmt.Sprintf("%q  gold %s  system %s", e.Gold.Text, valueMod(e.Gold), valueMod(e.System))
	case WrongType:
		what = fmt.Sprintf("%q  gold %s  system %s", e.Gold.Text, e.Gold.Type, e.System.Type)
	}
	return fmt.Sprintf("%s (DCT %s)  %s  | %s", e.DocID, e.DCT, what, e.Context)
}

func (t *Timex) describe() string {
	return fmt.Sprintf("%q %s %s", t.Text, t.Type, valueMod(t))
}

func valueMod(t *Timex) string {
	if t.Mod == "" {
		return t.Value
	}
	return t.Value + " mod=" + t.Mod
}

// printer keeps the first write error so Write can print without checking
// every line.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
