package dates

import (
	"fmt"
	"strings"
)

// This file compiles rule patterns (rules.go) and matches them over the
// tokens of a sentence. A pattern is a space-separated list of slots:
//
//	MONTH         a token class (see classNames)
//	last          a literal word, matched case-insensitively
//	,             a literal punctuation byte
//	MONTH|the     alternatives
//	X?            the slot may be skipped
//	~X            the token must touch the previous one (no space): "1990s", "mid-March"
//	^X            the word must be capitalised

var classNames = map[string]class{
	"MONTH": cMonth, "WEEKDAY": cWeekday, "NUMW": cNumWord, "ORDW": cOrdWord,
	"UNIT": cUnit, "UNITS": cUnits, "SEASON": cSeason, "POD": cPOD, "DEICTIC": cDeictic,
	"REF": cRef, "LAST": cLast, "NEXT": cNext, "THIS": cThis, "EARLY": cEarlyLate,
	"EDGE": cEdge, "THE": cDet, "A": cIndef, "AGO": cAgo, "EARLIER": cEarlier, "FEW": cFew,
	"AMPM": cAMPM, "ZONE": cZone, "SETW": cSetWord, "EVERY": cEvery, "DECADEW": cDecadeWord,
	"HOLIDAY": cHoliday | cHolidayWord, "FISCAL": cFiscal, "QORD": cQuarterOrd, "NOON": cNoon, "OF": cOf,
	"OR": cOr, "DIGITS": cDigits, "DAY": cDayNum, "YEAR": cYearNum, "ORDNUM": cOrdNum,
	"CLOCK": cClock, "DECADE": cDecadeNum, "CENTURY": cCentury, "HALF": cHalf, "OVERNIGHT": cNightWord,
	// Composite classes.
	"NUM": cNumWord | cDigits, "ORD": cOrdWord | cOrdNum, "ANYUNIT": cUnit | cUnits,
}

// slot is one compiled pattern position.
type slot struct {
	cls      class
	words    []string
	punct    string
	optional bool
	attached bool
	capital  bool
}

func (s *slot) matches(text string, t *token, prev *token) bool {
	if s.attached && (t.flags&fSpace != 0 || prev == nil) {
		return false
	}
	if s.capital && t.flags&fCap == 0 {
		return false
	}
	if t.class&s.cls != 0 {
		return true
	}
	if t.kind == kPunct && strings.IndexByte(s.punct, t.punct) >= 0 {
		return true
	}
	if t.kind == kWord {
		w := text[t.start:t.end]
		for _, x := range s.words {
			if strings.EqualFold(w, x) {
				return true
			}
		}
	}
	return false
}

// pattern is a compiled pattern.
type pattern []slot

// first returns the classes a match of p can start with: those of the
// leading optional slots and of the first required one (literal words count
// with their lexicon classes, so every literal that can start a rule must be
// in the lexicon).
func (p pattern) first() class {
	var c class
	for _, s := range p {
		c |= s.cls
		for _, w := range s.words {
			c |= lexicon[w].class
		}
		if !s.optional {
			break
		}
	}
	return c
}

func compilePattern(src string) (pattern, error) {
	var p pattern
	for _, f := range strings.Fields(src) {
		var s slot
		if strings.HasSuffix(f, "?") && len(f) > 1 {
			s.optional = true
			f = f[:len(f)-1]
		}
		for len(f) > 1 && (f[0] == '~' || f[0] == '^') {
			if f[0] == '~' {
				s.attached = true
			} else {
				s.capital = true
			}
			f = f[1:]
		}
		for _, alt := range strings.Split(f, "|") {
			switch {
			case alt == "":
				return nil, fmt.Errorf("pattern %q: empty alternative", src)
			case classNames[alt] != 0:
				s.cls |= classNames[alt]
			case isLetter(alt[0]) && strings.ToLower(alt) == alt:
				s.words = append(s.words, alt)
			case len(alt) == 1 && !isLetter(alt[0]) && !isDigit(alt[0]):
				s.punct += alt
			default:
				return nil, fmt.Errorf("pattern %q: unknown slot %q", src, alt)
			}
		}
		p = append(p, s)
	}
	if len(p) == 0 || len(p) > maxSlots {
		return nil, fmt.Errorf("pattern %q: must have 1 to %d slots", src, maxSlots)
	}
	for _, s := range p {
		if !s.optional {
			return p, nil
		}
	}
	return nil, fmt.Errorf("pattern %q: needs a required slot", src)
}

// matcher finds the longest match of a pattern; it is reused across calls
// so matching allocates nothing.
type matcher struct {
	text   string
	toks   []token
	p      pattern
	at     [maxSlots]int
	best   int
	bestAt [maxSlots]int
}

// matchAt tries p at toks[i:] and returns the token index of each slot
// (-1 when skipped) for the longest match, its end, and whether it matched.
func (mt *matcher) matchAt(p pattern, text string, toks []token, i int, at []int) (end int, ok bool) {
	mt.text, mt.toks, mt.p, mt.best = text, toks, p, -1
	mt.walk(0, i)
	if mt.best < 0 {
		return 0, false
	}
	copy(at, mt.bestAt[:len(p)])
	return mt.best, true
}

func (mt *matcher) walk(si, ti int) {
	p := mt.p
	if si == len(p) {
		if ti > mt.best {
			mt.best = ti
			mt.bestAt = mt.at
		}
		return
	}
	s := &p[si]
	if ti < len(mt.toks) {
		var prev *token
		if ti > 0 {
			prev = &mt.toks[ti-1]
		}
		if s.matches(mt.text, &mt.toks[ti], prev) {
			mt.at[si] = ti
			mt.walk(si+1, ti+1)
		}
	}
	if s.optional {
		mt.at[si] = -1
		mt.walk(si+1, ti)
	}
}

// need returns, for a quick test before matching, the classes of the first
// required slot and how many optional slots precede it: a match at token i
// needs a token with one of those classes within toks[i : i+lead+1].
func (p pattern) need() (class, int) {
	for k, s := range p {
		if !s.optional {
			c := s.cls
			for _, w := range s.words {
				c |= lexicon[w].class
			}
			if len(s.words) > 0 && c == 0 || s.punct != "" {
				return 0, -1 // literal words or punctuation outside the lexicon: no quick test
			}
			return c, k
		}
	}
	return 0, -1
}

// maxSlots bounds pattern length.
const maxSlots = 12
