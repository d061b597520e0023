package evaluate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Counts are the tallies a Report's figures come from, summed over all
// documents (micro-averaging).
type Counts struct {
	// Gold and System count the annotations of each side.
	Gold   int `json:"gold"`
	System int `json:"system"`
	// Strict counts matched pairs with identical spans; Relaxed counts all
	// matched pairs (overlapping spans), strict ones included.
	Strict  int `json:"strict"`
	Relaxed int `json:"relaxed"`
	// ValueCorrect and TypeCorrect count relaxed matches whose TIMEX3 value
	// (compared as exact strings) or type agree.
	ValueCorrect int `json:"value_correct"`
	TypeCorrect  int `json:"type_correct"`
	// NormValueCorrect counts relaxed matches whose values agree once ISO
	// week numbers are zero-padded on both sides ("2000-W8" = "2000-W08").
	NormValueCorrect int `json:"normalized_value_correct"`
}

// ErrorClass is a kind of scoring error.
type ErrorClass int

// The error classes. A relaxed match can be in several of SpanMismatch,
// WrongValue and WrongType at once.
const (
	// Missed is a gold annotation no system annotation overlaps (a false
	// negative).
	Missed ErrorClass = iota + 1
	// Spurious is a system annotation no gold annotation overlaps (a false
	// positive).
	Spurious
	// SpanMismatch is a relaxed match whose spans differ.
	SpanMismatch
	// WrongValue is a relaxed match whose values differ.
	WrongValue
	// WrongType is a relaxed match whose types differ.
	WrongType
)

// errorClasses lists the classes in report order.
var errorClasses = [...]ErrorClass{Missed, Spurious, SpanMismatch, WrongValue, WrongType}

// String returns the class's name as reports print it.
func (c ErrorClass) String() string {
	switch c {
	case Missed:
		return "missed"
	case Spurious:
		return "spurious"
	case SpanMismatch:
		return "span"
	case WrongValue:
		return "value"
	case WrongType:
		return "type"
	}
	return fmt.Sprintf("ErrorClass(%d)", int(c))
}

// MarshalText encodes c as its name, so JSON shows "missed", not 1.
func (c ErrorClass) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Error is one scoring error.
type Error struct {
	Class ErrorClass `json:"class"`
	// DocID and DCT (the creation-time value) identify the document.
	DocID string `json:"doc_id"`
	DCT   string `json:"dct"`
	// Gold and System are the annotations involved; Gold is nil for
	// Spurious and System is nil for Missed.
	Gold   *Timex `json:"gold,omitempty"`
	System *Timex `json:"system,omitempty"`
	// Context is the text around the error, the gold span (or the system
	// span when there is no gold) in [brackets], whitespace collapsed.
	Context string `json:"context"`
}

// Report is the result of scoring a system against gold annotations.
type Report struct {
	// Docs is the number of documents scored.
	Docs int `json:"documents"`
	Counts
	// UnpaddedWeeks counts gold values with a one-digit ISO week
	// ("2000-W8", an AQUAINT quirk); exact-string value scoring counts a
	// system's "2000-W08" for them as wrong, as the official scorer does.
	UnpaddedWeeks int `json:"unpadded_weeks"`
	// Errors lists every error, by document and then by position.
	Errors []Error `json:"errors,omitempty"`
}

// Score matches system annotations against the gold annotations of docs and
// counts agreement by the TempEval-3 Task A definitions. system maps a
// DOCID to that document's annotations, with byte offsets into
// Document.Text; a document missing from it has no system annotations.
// System annotations need no Text (it is taken from the document).
//
// Matching is one-to-one within each document, in two greedy passes: first
// every gold annotation takes a system annotation with the identical span,
// then each still unmatched gold annotation, in text order, takes the first
// (leftmost) unmatched system annotation that overlaps it. Exact matches
// go first so that a looser overlap cannot take a system annotation from the
// gold annotation it matches exactly.
func Score(docs []*Document, system map[string][]Timex) (*Report, error) {
	known := make(map[string]bool, len(docs))
	for _, d := range docs {
		known[d.ID] = true
	}
	for id := range system {
		if !known[id] {
			return nil, fmt.Errorf("score: system output has document %q, which is not in the gold set", id)
		}
	}
	r := &Report{Docs: len(docs)}
	for _, d := range docs {
		if err := r.scoreDoc(d, system[d.ID]); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Report) scoreDoc(d *Document, sysIn []Timex) error {
	sys := make([]Timex, len(sysIn))
	for i, s := range sysIn {
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			return fmt.Errorf("score: document %s: system span [%d,%d) is not inside the text (%d bytes)", d.ID, s.Start, s.End, len(d.Text))
		}
		s.Text = d.Text[s.Start:s.End]
		sys[i] = s
	}
	slices.SortStableFunc(sys, func(a, b Timex) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	gold := d.Timexes

	r.Gold += len(gold)
	r.System += len(sys)
	for _, g := range gold {
		if isUnpaddedWeek(g.Value) {
			r.UnpaddedWeeks++
		}
	}

	// match[i] is the system annotation gold[i] is matched with, or -1.
	match := make([]int, len(gold))
	taken := make([]bool, len(sys))
	for i, g := range gold {
		match[i] = -1
		for j, s := range sys {
			if !taken[j] && s.Start == g.Start && s.End == g.End {
				match[i], taken[j] = j, true
				break
			}
		}
	}
	for i, g := range gold {
		if match[i] >= 0 {
			continue
		}
		for j, s := range sys {
			if !taken[j] && s.Start < g.End && g.Start < s.End {
				match[i], taken[j] = j, true
				break
			}
		}
	}

	var errs []Error
	add := func(c ErrorClass, g, s *Timex) {
		at := g
		if at == nil {
			at = s
		}
		errs = append(errs, Error{
			Class: c, DocID: d.ID, DCT: d.DCTValue, Gold: g, System: s,
			Context: context(d.Text, at.Start, at.End),
		})
	}
	for i := range gold {
		g := &gold[i]
		if match[i] < 0 {
			add(Missed, g, nil)
			continue
		}
		s := &sys[match[i]]
		r.Relaxed++
		if s.Start == g.Start && s.End == g.End {
			r.Strict++
		} else {
			add(SpanMismatch, g, s)
		}
		if s.Value == g.Value {
			r.ValueCorrect++
		} else {
			add(WrongValue, g, s)
		}
		if normalizeValue(s.Value) == normalizeValue(g.Value) {
			r.NormValueCorrect++
		}
		if s.Type == g.Type {
			r.TypeCorrect++
		} else {
			add(WrongType, g, s)
		}
	}
	for j := range sys {
		if !taken[j] {
			add(Spurious, nil, &sys[j])
		}
	}
	slices.SortStableFunc(errs, func(a, b Error) int {
		return cmp.Or(cmp.Compare(errPos(a), errPos(b)), cmp.Compare(a.Class, b.Class))
	})
	r.Errors = append(r.Errors, errs...)
	return nil
}

func errPos(e Error) int {
	if e.Gold != nil {
		return e.Gold.Start
	}
	return e.System.Start
}

// isUnpaddedWeek reports whether v names an ISO week with one digit
// ("2000-W8", "2000-W8-WE").
func isUnpaddedWeek(v string) bool {
	return normalizeValue(v) != v
}

// normalizeValue zero-pads a one-digit ISO week number in a TIMEX3 value;
// any other value is returned unchanged.
func normalizeValue(v string) string {
	i := strings.Index(v, "-W")
	if i < 0 || i+2 >= len(v) || !isDigit(v[i+2]) {
		return v
	}
	if i+3 < len(v) && isDigit(v[i+3]) {
		return v
	}
	return v[:i+2] + "0" + v[i+2:]
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// contextBytes is how much text Error.Context shows on each side.
const contextBytes = 50

// context returns the text around text[start:end] with that span in
// brackets and whitespace runs collapsed to one space.
func context(text string, start, end int) string {
	from := max(0, start-contextBytes)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	to := min(len(text), end+contextBytes)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(squash(text[from:start]))
	b.WriteString("[")
	b.WriteString(squash(text[start:end]))
	b.WriteString("]")
	b.WriteString(squash(text[end:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// squash collapses each run of whitespace in s to one space.
func squash(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
