package dates

import (
	"strings"
)

// This file decides what belongs to a mention's span: quantifiers before a
// length ("nearly two years"), choices ("a year or two"), and names that
// only look like times ("USA Today").

// countWord reports whether token i is a plain count ("two", "3"), not an
// amount of money or a year.
func (r *run) countWord(i int) bool {
	t := &r.toks[i]
	return t.class&(cNumWord|cDigits) != 0 && t.flags&(fMoney|fGrouped|fDecimal) == 0 && t.class&cYearNum == 0
}

// orLength returns how many tokens after j continue a length as another
// choice: "or two" before a stop ("in a year or two, ..."), "or months",
// "or 10 years"; 0 when none does ("three years or $5 million", "two years
// or more", "a day or two later", which is a date).
func (r *run) orLength(j int) int {
	if j+1 >= len(r.toks) || !r.wordIs(&r.toks[j], "or") {
		return 0
	}
	b := &r.toks[j+1]
	if b.class&cUnits != 0 {
		return 2
	}
	if !r.countWord(j + 1) {
		return 0
	}
	if j+2 >= len(r.toks) {
		return 2
	}
	switch c := &r.toks[j+2]; {
	case c.class&cUnits != 0:
		return 3
	case c.kind == kPunct || r.wordIs(c, choiceFollowers...):
		return 2
	}
	return 0
}

// titleCase reports whether tokens [i, j) are a name in title case, not
// a time: a unit, part of day, "noon" or "today" capitalised inside a
// sentence (ABC's "This Week", CBS's "60 Minutes", the film "High Noon",
// "USA Today"), or a year that ends a name a verb of naming introduces
// (namedYear: a venture "called Orion 1980").
// Holidays ("Election Day") are names of days and stay.
func (r *run) titleCase(i, j int) bool {
	if t := &r.toks[i]; j-i == 1 && t.class&cYearNum != 0 && i >= 2 && r.namedYear(i) {
		return true
	}
	title := false
	for k := i; k < j; k++ {
		t := &r.toks[k]
		if t.class&(cHoliday|cHolidayWord) != 0 {
			return false
		}
		if t.class&(cUnit|cUnits|cNoon|cPOD|cDeictic) == 0 || t.flags&fCap == 0 || t.end-t.start < 2 || isUpper(r.text[t.start+1]) {
			continue
		}
		if t.class&cCentury != 0 && k > i && r.toks[k-1].class&(cOrdNum|cOrdWord) != 0 {
			continue // "the 20th Century": a numbered century is a time in any case
		}
		if k > i && t.flags&fSpace == 0 && r.toks[k-1].kind == kNum {
			continue // "7Days": a unit glued to its number is no name
		}
		if k > i {
			title = true
			continue
		}
		if k > 0 {
			// (A quote opens a title but also a quoted sentence: "Today we
			// vote" is a day.)
			if p := &r.toks[k-1]; p.kind == kWord && p.flags&fCap != 0 || t.class&cDeictic == 0 && p.kind == kPunct && (p.punct == '`' || p.punct == '"' || p.punct == '\'') {
				title = true
			}
		}
	}
	return title
}

// namedYear reports whether the year at token i ends a name that a verb of
// naming introduces: "a joint venture called Orion 1980", "a plan dubbed
// Vision 2030". A year after any other capitalised words is a date: "Winter
// Show 2012", "Red Dot 2015 Awards", "the Clinton 1996 campaign".
func (r *run) namedYear(i int) bool {
	k := i - 1
	for k >= 0 && i-k <= 4 && r.toks[k].kind == kWord && r.toks[k].flags&fCap != 0 && r.toks[k].class == 0 {
		k--
	}
	return k < i-1 && k >= 0 && r.wordIs(&r.toks[k], namingVerbs...)
}

// quantifierBefore reports the quantifier that ends just before token i
// and how many tokens it takes.
func (r *run) quantifierBefore(i int) (string, int) {
	if i >= 2 && r.toks[i-1].kind == kWord && r.toks[i-2].kind == kWord {
		a, b := &r.toks[i-2], &r.toks[i-1]
		// "no more than sixty days" is at most sixty, "no less than" at
		// least: the negation belongs to the quantifier.
		not := i >= 3 && r.wordIs(&r.toks[i-3], "no", "not")
		switch {
		case r.wordIs(a, "more", "greater") && r.wordIs(b, "than"):
			if not {
				return modNames[modEqualOrLess], 3
			}
			return modNames[modMoreThan], 2
		case r.wordIs(a, "less", "fewer") && r.wordIs(b, "than"):
			if not {
				return modNames[modEqualOrMore], 3
			}
			return modNames[modLessThan], 2
		case r.wordIs(a, "at") && r.wordIs(b, "least"):
			return modNames[modEqualOrMore], 2
		case r.wordIs(a, "at") && r.wordIs(b, "most"), r.wordIs(a, "up") && r.wordIs(b, "to"):
			return modNames[modEqualOrLess], 2
		}
	}
	if i >= 1 && r.toks[i-1].class&cApprox != 0 {
		if i >= 2 && r.wordIs(&r.toks[i-1], "over") && r.overIsDuring(i-2) || r.aboutIsTopic(i-1) {
			return "", 0
		}
		return modNames[r.toks[i-1].val], 1
	}
	return "", 0
}

// aboutIsTopic reports whether token k is an "about" that a verb or noun
// before it governs ("talking about three days", "worried about next
// week", "questions about 1990"): it names a topic, it does not
// approximate the time after it.
func (r *run) aboutIsTopic(k int) bool {
	return k >= 1 && r.wordIs(&r.toks[k], "about") && r.wordIs(&r.toks[k-1], topicGovernors...)
}

// overIsDuring reports whether "over" after token k means "during", not
// "more than": after a regular past participle ("evolved over several
// years", "can be used over three years"), but not after a verb of
// lasting or spending ("lasted over a week", "waited over an hour") nor
// after an irregular one ("spent over a week", "was over a year").
func (r *run) overIsDuring(k int) bool {
	t := &r.toks[k]
	if t.kind != kWord || r.wordIs(t, lastingVerbs...) {
		return false
	}
	w := r.text[t.start:t.end]
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}
