package timeline

import (
	"strings"
)

// tense is the orientation of a sentence with no date of its own, which
// decides where its event is placed in time.
type tense int

const (
	// tenseNone: a question or a fragment; it reports no event.
	tenseNone tense = iota
	// tensePast: a report of something done (simple past, perfect, or a
	// report in the past: "X said the deal is off"). It happened on the
	// date the context gives, else on or just before the publication.
	tensePast
	// tensePresent: a statement that holds at the time of writing ("The
	// phone has two cameras"): the publication date.
	tensePresent
	// tenseFuture: a plan or forecast with no date: no occurrence.
	tenseFuture
)

func (t tense) String() string {
	switch t {
	case tensePast:
		return "past"
	case tensePresent:
		return "present"
	case tenseFuture:
		return "future"
	}
	return "none"
}

// sentenceTense reads the tense of a sentence from its verbs, without a
// part-of-speech tagger: a reporting verb in the past ("said", "told")
// makes the sentence a past report whatever it reports; otherwise the
// first tense marker decides: "will", "shall", "'ll", "is expected to"
// a future; "was", "had", "did", an irregular past form or an -ed verb
// (not after an article: "the proposed deal") a past; "has" or "have"
// before a past participle a perfect, which is past too. A sentence with
// no marker states something present. Questions report nothing.
func sentenceTense(s string) tense {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(strings.TrimRight(s, `"”’')`), "?") {
		return tenseNone
	}
	first := tenseNone
	firstHave := false // the first marker is "has" or "have", just read
	// What the words before say: there is one, it announces a plan before
	// "to", it is "going", the one before it is a form of "be", it is a
	// determiner.
	var prevAny, prevPlan, prevGoing, prev2Be, prevBe, prevDet bool
	var buf [32]byte
	paren := 0 // depth of parentheses: an aside ("(first used in 2010)") decides nothing
	for i := 0; i < len(s); {
		// The next word: ASCII letters and apostrophes; anything else
		// separates. Capitalised words inside the sentence are names.
		for i < len(s) && !isASCIILetter(s[i]) {
			switch s[i] {
			case '(':
				paren++
			case ')':
				paren = max(0, paren-1)
			}
			i++
		}
		j := i
		w := buf[:0]
		long := false
		for j < len(s) && (isASCIILetter(s[j]) || s[j] == '\'' || (s[j] == 0xE2 && strings.HasPrefix(s[j:], "’"))) {
			c := s[j]
			if c == 0xE2 {
				c = '\''
				j += len("’") - 1
			}
			if len(w) == len(buf) {
				long = true
			} else {
				if isASCIIUpper(c) {
					c += 'a' - 'A'
				}
				w = append(w, c)
			}
			j++
		}
		if j == i {
			break
		}
		raw := s[i:j]
		hyphen := j < len(s) && s[j] == '-' || i > 0 && s[i-1] == '-'
		i = j
		if paren > 0 {
			continue
		}
		if long {
			prev2Be, prevBe = prevBe, false
			prevAny, prevPlan, prevGoing, prevDet = false, false, false, false
			continue
		}
		fl := tenseFlags.get(w)
		name := isASCIIUpper(raw[0]) && prevAny && string(w) != "i"
		var t tense
		switch {
		case name || hyphen:
		case fl&tensePastReporting != 0 && !prevDet:
			return tensePast // not after a determiner: "a claimed seven hours" is no report
		case hasSuffix(w, "'ll") || fl&tenseFutureWord != 0:
			t = tenseFuture
		case string(w) == "to" && (prevPlan || prevGoing && prev2Be):
			t = tenseFuture
		case fl&(tensePastAux|tenseIrregularPast) != 0:
			t = tensePast
		case isPastEd(string(w)) && !prevDet:
			t = tensePast // a simple past, a perfect ("has moved") or a passive ("was moved")
		case fl&tensePresentAux != 0:
			t = tensePresent
		}
		if first == tensePresent && firstHave && (t == tensePast || string(w) == "been") {
			first = tensePast // a perfect: "has died", "have been"
		}
		firstHave = false
		if first == tenseNone && t != tenseNone {
			first = t
			firstHave = string(w) == "has" || string(w) == "have"
		}
		prev2Be, prevBe = prevBe, fl&tenseBe != 0
		prevAny, prevPlan, prevGoing, prevDet = true, fl&tenseBeforeTo != 0, string(w) == "going", fl&tenseDeterminer != 0
	}
	if first == tenseNone {
		return tensePresent
	}
	return first
}

// Tense flags of words: the lists sentenceTense reads, looked up at once.
const (
	tensePastReporting uint8 = 1 << iota
	tenseFutureWord
	tenseBeforeTo
	tensePastAux
	tenseIrregularPast
	tensePresentAux
	tenseBe
	tenseDeterminer
)

// tenseFlags holds the tense flags of the listed words.
var tenseFlags = flagTable(
	flagList[uint8]{pastReporting, tensePastReporting}, flagList[uint8]{futureWords, tenseFutureWord},
	flagList[uint8]{futureBeforeTo, tenseBeforeTo}, flagList[uint8]{pastAux, tensePastAux},
	flagList[uint8]{irregularPast, tenseIrregularPast}, flagList[uint8]{presentAux, tensePresentAux},
	flagList[uint8]{beForms, tenseBe}, flagList[uint8]{determiners, tenseDeterminer},
)

// isPastEd reports whether w looks like a regular past form or participle:
// an -ed ending after a consonant or "i" ("moved", "tried", "agreed" is
// listed), long enough not to be a short word ("red", "bed"), and not one
// of the adjectives and nouns that end so.
func isPastEd(w string) bool {
	n := len(w)
	if n < 4 || !strings.HasSuffix(w, "ed") || notPastEd[w] {
		return false
	}
	return w[n-3] != 'e' || edAfterE[w]
}
