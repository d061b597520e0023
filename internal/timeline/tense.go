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
	var prev, prev2 string
	var buf [32]byte
	for i := 0; i < len(s); {
		// The next word: ASCII letters and apostrophes; anything else
		// separates. Capitalised words inside the sentence are names.
		for i < len(s) && !isASCIILetter(s[i]) {
			i++
		}
		j := i
		for j < len(s) && (isASCIILetter(s[j]) || s[j] == '\'' || (s[j] == 0xE2 && strings.HasPrefix(s[j:], "’"))) {
			if s[j] == 0xE2 {
				j += len("’")
				continue
			}
			j++
		}
		if j == i {
			break
		}
		raw := s[i:j]
		hyphen := j < len(s) && s[j] == '-' || i > 0 && s[i-1] == '-'
		i = j
		if len(raw) > len(buf) {
			prev2, prev = prev, ""
			continue
		}
		w := string(lowerASCII(buf[:0], strings.ReplaceAll(raw, "’", "'")))
		name := isASCIIUpper(raw[0]) && prev != "" && w != "i"
		var t tense
		switch {
		case name || hyphen:
		case pastReporting[w]:
			return tensePast
		case strings.HasSuffix(w, "'ll") || futureWords[w]:
			t = tenseFuture
		case (w == "to" && futureBeforeTo[prev]) || (w == "to" && prev == "going" && beForms[prev2]):
			t = tenseFuture
		case pastAux[w] || irregularPast[w]:
			t = tensePast
		case isPastEd(w) && !determiners[prev]:
			t = tensePast // a simple past, a perfect ("has moved") or a passive ("was moved")
		case presentAux[w]:
			t = tensePresent
		}
		if first == tensePresent && firstHave && (t == tensePast || w == "been") {
			first = tensePast // a perfect: "has died", "have been"
		}
		firstHave = false
		if first == tenseNone && t != tenseNone {
			first = t
			firstHave = w == "has" || w == "have"
		}
		prev2, prev = prev, w
	}
	if first == tenseNone {
		return tensePresent
	}
	return first
}

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
