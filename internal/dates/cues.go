package dates

import (
	"strings"
)

// This file reads the cues around a match that decide whether it is a time
// at all and what kind: an amount, a name, a rate, a verb of saying.

// pastVerbNear reports whether a past-tense verb stands among the four
// words before token i, within its clause.
func (r *run) pastVerbNear(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := &r.toks[k]
		if t.kind == kPunct && t.punct != '%' && t.punct != '$' {
			return false
		}
		if t.class&cTenseMark != 0 && t.tense == TensePast && !r.notVerb(k) {
			return true
		}
	}
	return false
}

// possessive reports whether the match is followed by "'s".
func (r *run) possessive(m *match) bool {
	a, b := m.after(1), m.after(2)
	return a != nil && b != nil && a.kind == kPunct && a.punct == '\'' && a.flags&fSpace == 0 && r.wordIs(b, "s") && b.flags&fSpace == 0
}

// willBefore reports whether "will", "'ll", "shall", "upcoming" or "ahead
// of" stands before token i in the sentence.
func (r *run) willBefore(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if r.wordIs(&r.toks[k], lookAheadWords...) {
			return true
		}
	}
	return false
}

// countedFromEvent reports whether a length counted back or on from an
// event follows the match ("at 6 a.m. ten days before the shooting", "at
// noon a day after the vote"): the day of the match is that event's, which
// the engine does not know, not the anchor's.
func (r *run) countedFromEvent(m *match) bool {
	n, u, w := m.after(1), m.after(2), m.after(3)
	return n != nil && u != nil && n.class&(cNumWord|cDigits|cIndef|cFew) != 0 && u.class&(cUnit|cUnits) != 0 &&
		r.wordIs(w, offsetWords...)
}

// wordAfter reports whether the k-th token after the match is a word.
func (r *run) wordAfter(m *match, k int) bool {
	t := m.after(k)
	return t != nil && t.kind == kWord
}

// payAfter reports whether the match measures pay rather than time: a
// length followed by "of" or a possessive and, after at most one
// adjective, a word of pay ("six months of base pay", "a year's salary",
// "three months' rent").
func (r *run) payAfter(m *match) bool {
	k := 1
	switch a := m.after(1); {
	case r.wordIs(a, "of"):
		k = 2
	case a != nil && a.kind == kPunct && a.punct == '\'':
		k = 2
		if r.wordIs(m.after(2), "s") {
			k = 3
		}
	default:
		return false
	}
	for n := 0; n < 2; n++ {
		t := m.after(k + n)
		if r.wordIs(t, payWords...) {
			return true
		}
		if t == nil || t.kind != kWord || t.class != 0 {
			return false
		}
	}
	return false
}

// amount reports whether t ends an amount: a number, "million", "percent",
// "%" and the like ("$500 million a year", "20% annually").
func (r *run) amount(t *token) bool {
	return t != nil && (t.kind == kNum || t.kind == kPunct && t.punct == '%' ||
		r.wordIs(t, amountWords...))
}

// comparedAmount reports whether the match stands right after an amount
// ("$33 million last year", "16 cents a share last year") or before one
// ("last year's $1.55 billion").
func (r *run) comparedAmount(m *match) bool {
	if p := m.before(1); p != nil && (p.kind == kNum || r.wordIs(p, comparedAmountWords...)) {
		return true
	}
	a, b, c := m.after(1), m.after(2), m.after(3)
	return a != nil && b != nil && c != nil && a.punct == '\'' && r.wordIs(b, "s") && (c.kind == kNum || c.punct == '$')
}

// yearLike reports whether a bare four-digit number reads as a year here:
// not money, not a count of something ("1500 troops"), not a percentage.
func (r *run) yearLike(m *match, t *token) bool {
	if t.flags&fEra != 0 {
		return true // "480 BC" is a year whatever its digits
	}
	if !r.yearShape(m, t) {
		return false
	}
	if t.val < 1900 && r.docType != Narrative {
		// News tells years of the past rarely and counts often; a
		// history is the other way round.
		p := m.before(1)
		return r.wordIs(p, yearPrepositions...) ||
			p != nil && p.kind == kPunct && p.punct == '('
	}
	return true
}

// yearShape reports whether nothing around a four-digit number t (the
// match m) makes it a count, an amount or a code: "1500 troops", "$2019",
// "2000-1998", "page 1990".
func (r *run) yearShape(m *match, t *token) bool {
	if t.flags&(fMoney|fGrouped|fDecimal) != 0 {
		return false
	}
	if n := m.after(1); n != nil {
		if n.kind == kPunct && (n.punct == '%' || (n.punct == '-' && n.flags&fSpace == 0)) {
			return false
		}
		if n.kind == kWord {
			w := strings.ToLower(m.word(n))
			if w == "percent" || w == "per" {
				return false
			}
			// "(1850 GMT)", "at 2000 UTC": a 24-hour clock time.
			if n.class&cZone != 0 && t.val%100 < 60 && t.val < 2400 {
				return false
			}
			// "1500 troops" is a count; "its 2006 highs", "the 1777
			// campaigns", "of 1913 levels" are years used as modifiers:
			// a count of a thousand or more is written with a comma.
			if len(w) > 3 && w[len(w)-1] == 's' && n.flags&fCap == 0 && n.class&(cUnits|cUnit) == 0 && !strings.HasSuffix(w, "ss") && w != "elections" && w != "games" && w != "olympics" &&
				!r.wordIs(m.before(1), determiners...) && !r.wordIs(m.before(1), modifierOpeners...) {
				return false
			}
		}
		if n.kind == kNum {
			return false
		}
	}
	if p := m.before(1); p != nil {
		if p.kind == kPunct && (p.punct == '$' || p.punct == '#' || (p.punct == '-' && p.flags&fSpace == 0) || p.punct == '/' || p.punct == '.') {
			return false
		}
		if p.kind == kNum {
			return false
		}
		if r.wordIs(p, numberLabels...) {
			return false
		}
	}
	return true
}

// ambiguousMonth reports whether a capitalised month word needs a date
// around it to be read as a month: "May" (the verb), "March" (the noun).
func (r *run) ambiguousMonth(t *token) bool {
	return r.wordIs(t, ambiguousMonthWords...)
}

// monthContext reports whether the words before a bare month make it one.
// A capitalised month between a determiner and a common noun is one too
// ("The March accession", "the May elections"; "the march drew" is not
// capitalised, "the March on Washington" is a name).
func (r *run) monthContext(m *match) bool {
	p := m.before(1)
	if r.wordIs(p, monthOpeners...) {
		return true
	}
	// "January-March": the end of a range of months.
	if p != nil && (p.kind == kPunct && p.punct == '-' || p.kind == kOther) && m.before(2) != nil && m.before(2).class&cMonth != 0 {
		return true
	}
	t, n := m.tok(0), m.after(1)
	return t.flags&fCap != 0 && r.wordIs(p, determiners...) && n != nil && n.kind == kWord && n.flags&fCap == 0 && n.class&(cTenseMark|cOf|cOr) == 0 &&
		!r.wordIs(n, nameFollowers...)
}

// reportDay reports whether tokens [i, j) date a report, not the story:
// a reporting verb right before ("said Monday", "said on Monday") or right
// after ("Monday said") them.
func (r *run) reportDay(i, j int) bool {
	if j < len(r.toks) && r.wordIs(&r.toks[j], reportingVerbs...) {
		return true
	}
	k := i - 1
	if k >= 0 && r.wordIs(&r.toks[k], "on") {
		k--
	}
	return k >= 0 && r.wordIs(&r.toks[k], reportingVerbs...)
}

// appositive reports whether token i follows an anchored mention with only
// a comma between, as an apposition that restates it ("On 27 June 1950, two
// days after the invasion").
func (r *run) appositive(i int) bool {
	if len(r.out) == 0 || i < 2 || r.toks[i-1].kind != kPunct || r.toks[i-1].punct != ',' {
		return false
	}
	prev := &r.out[len(r.out)-1]
	return prev.End == r.toks[i-2].end && prev.Anchored() && prev.Type == TypeDate
}
