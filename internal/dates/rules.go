package dates

import (
	"slices"
)

// This file is the rule table: each rule is a token pattern (match.go
// explains the notation), a builder that turns the match into TIMEX3 values,
// and examples that the tests run (reference date Monday 2021-03-22). An
// example with an empty value says the text must yield no mention.

// rule is one pattern and what it means.
type rule struct {
	name     string
	src      string
	pat      pattern
	first    class
	need     class
	lead     int
	build    func(r *run, m *match) bool
	examples []example
	// docType is the document type the examples are read as (News when
	// unset): a rule of one kind of text shows its examples in that kind.
	docType DocType
	// only says the rule applies to documents of docType only.
	only bool
	// posts are more examples, read as Colloquial: how a rule of all
	// kinds of text reads a post.
	posts []example
}

// example is a text, the mention it must yield and its value.
type example struct {
	text, span, value string
}

// rules is the compiled rule table; triggers is the union of the classes
// a rule can start with. Both are built once and only read.
var rules, triggers = compileRules(ruleTable)

// docRules are, for each document type, the rules that apply to it, in
// table order.
var docRules = func() (out [Colloquial + 1][]*rule) {
	for d := range out {
		for _, ru := range rules {
			if !ru.only || ru.docType == DocType(d) {
				out[d] = append(out[d], ru)
			}
		}
	}
	return out
}()

func compileRules(tab []rule) ([]*rule, class) {
	out := make([]*rule, 0, len(tab))
	var trig class
	for i := range tab {
		ru := tab[i]
		p, err := compilePattern(ru.src)
		if err != nil {
			panic(err) // the table is a program constant: a bad pattern is a bug
		}
		ru.pat = p
		ru.first = p.first()
		ru.need, ru.lead = p.need()
		trig |= ru.first
		out = append(out, &ru)
	}
	return out, trig
}

// derive emits the match as a DATE computed from an earlier mention; it does
// not become the quarter later expressions refer back to.
func (r *run) derive(m *match, value, expl string) bool {
	r.deriving = true
	ok := r.whole(m, TypeDate, value, "", TenseUnknown, expl)
	r.deriving = false
	return ok
}

// refersTo returns a build function that emits the whole match as the
// TIMEX3 reference value (PRESENT_REF, FUTURE_REF, PAST_REF); why follows
// the quoted text in the explanation.
func refersTo(value, why string) func(*run, *match) bool {
	return func(r *run, m *match) bool {
		return r.whole(m, TypeDate, value, "", TenseUnknown, explain("'%s' "+why, m.text()))
	}
}

// whole emits the match as one mention.
func (r *run) whole(m *match, typ Type, value, mod string, t Tense, expl string) bool {
	return r.emit(piece{from: m.start, to: m.end, typ: typ, value: value, mod: mod, tense: t, expl: expl})
}

// ruleTable is every rule, in the order ties between matches of equal
// length are broken: the first rule in this order that accepts a match wins.
var ruleTable = slices.Concat(absoluteRules, rangeRules, quarterRules, relativeRules, durationRules, clockRules, setRules, namedRules, referenceRules, colloquialRules)

// step is the units a LAST, THIS or NEXT word moves from the anchor: -1,
// 0 or 1 ("the" and other words: 0).
func step(c class) int {
	switch {
	case c&cNext != 0:
		return 1
	case c&cLast != 0:
		return -1
	}
	return 0
}
