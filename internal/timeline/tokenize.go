package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one content word of an event description: the hash of its stem
// and its weight (names count double: they say who, which decides whether
// two reports tell the same event).
type token struct {
	id     uint64
	weight float32
	name   bool // capitalised inside a sentence
	// key marks a word (not a name) specific enough to tell one event:
	// the word a year names (event.head). Those rare among the reports of
	// a merge are marked in the merge's candidates (candidate.key).
	key bool
	// clause marks a word of the clause that tells the event (see
	// eventTokens): its participants and what happened to them.
	clause bool
}

// nameWeight is the weight of a capitalised word inside a clause.
const nameWeight = 2

// tokenize returns the weighted content-word stems of s, deduplicated and
// sorted by id.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/8+1)
	eachToken(s, func(id uint64, name bool, _, _ int) { out = append(out, newToken(id, name)) })
	return sortTokens(out)
}

// newToken returns the token of a word, a name or not.
func newToken(id uint64, name bool) token {
	weight := float32(1)
	if name {
		weight = nameWeight
	}
	return token{id: id, weight: weight, name: name}
}

// sortTokens sorts tokens by id and keeps the heaviest of each id.
func sortTokens(out []token) []token {
	slices.SortFunc(out, func(a, b token) int {
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return int(b.weight - a.weight)
	})
	return slices.CompactFunc(out, func(a, b token) bool { return a.id == b.id })
}

// eachToken calls f with the stem hash of each content word of s, whether
// it is a name (capitalised, not first in its sentence) and the bounds of
// the run of letters, digits and hyphens it stands in. Words are
// lower-cased and stemmed in a stack buffer: this runs for every sentence
// and clause, and a string per word was a fifth of Build.
func eachToken(s string, f func(id uint64, name bool, start, end int)) {
	var buf, prevBuf [64]byte
	prev, prevEnd := prevBuf[:0], -2 // the last name read, lower case, and where it ended
	first := true
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '“' || r == '"' || r == ':' {
				first = true
			}
			i += n
			continue
		}
		// The run, ASCII byte by byte; parts split at hyphens.
		j := i
		ascii := true
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if !isASCIIWordByte(c) && c != '-' || c == '_' {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			ascii = false
			j += n
		}
		name := unicode.IsUpper(r) && !first || innerCapital(s[i:j])
		if model := isNumber(s[i:j]); model && prevEnd == i-1 && s[prevEnd] == ' ' && len(prev) > 0 {
			// A number right after a name is part of it: "iPhone 4",
			// "Boeing 747", "Windows 7".
			f(modelHash(prev, s[i:j]), true, i, j)
		}
		prev, prevEnd = prev[:0], -2
		for k := i; k <= j; {
			e := k + strings.IndexByte(s[k:j], '-')
			if e < k {
				e = j
			}
			part := s[k:e]
			var w []byte
			if ascii {
				w = lowerASCII(buf[:0], part)
			} else {
				w = appendLower(buf[:0], part)
			}
			if len(w) >= 2 && !isStopWord(w) && !isNumber(part) {
				if name && e == j && len(w) <= cap(prev) {
					prev, prevEnd = append(prev[:0], w...), j
				}
				id := stemHash(w)
				if e == j && !name {
					id = phrasalID(id, s[j:]) // "step down"
				}
				f(id, name, i, j)
			}
			k = e + 1
		}
		first = false
		i = j
	}
}

// isWordRune reports whether r is a letter or digit, ASCII first.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendLower appends strings.ToLower(w) to b, without a string for ASCII.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(b[:0], strings.ToLower(w)...)
		}
	}
	return lowerASCII(b, w)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// eventTokens returns a copy of a sentence's tokens with those of its
// clause that holds the date counting clauseWeight times as much: the
// clause says what happened on that date, the rest of the sentence gives
// context that still tells one report from another.
func eventTokens(sentence []token, clause []uint64) []token {
	all := slices.Clone(sentence)
	j := 0
	for i := range all {
		for j < len(clause) && clause[j] < all[i].id {
			j++
		}
		if j < len(clause) && clause[j] == all[i].id {
			all[i].weight *= clauseWeight
			all[i].clause = true
		}
	}
	return all
}

// placedID is a token id and the run of the sentence it was read from.
type placedID struct {
	id         uint64
	name       bool
	start, end int
}

// clauseIDs appends to buf the sorted ids eachToken gives for text[a:b]:
// the ids of the sentence's runs inside [a, b), read once per sentence,
// unless a or b splits a run, which is then read anew.
func clauseIDs(buf []uint64, text string, placed []placedID, a, b int) []uint64 {
	if splitsRun(text, a) || splitsRun(text, b) {
		eachToken(text[a:b], func(id uint64, _ bool, _, _ int) { buf = append(buf, id) })
	} else {
		for _, p := range placed {
			if p.start >= a && p.end <= b {
				buf = append(buf, p.id)
			}
		}
	}
	slices.Sort(buf)
	return buf
}

// splitsRun reports whether offset i of s may fall inside a run of
// letters, digits and hyphens (both neighbours belong to one).
func splitsRun(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return (before == '-' || isWordRune(before)) && (after == '-' || isWordRune(after))
}

// clauseWeight is how much more a word of the dated clause counts.
const clauseWeight = 2

// names returns the stems of the capitalised words of s that are not stop
// words, the sentence's first word included ("Iran condemned"). Words are
// runs of letters and hyphens.
func names(s string) []uint64 {
	var out []uint64
	var buf [64]byte
	for i, field := 0, 0; i < len(s); field++ {
		// Skip to the next word; plain ASCII byte by byte.
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && !isASCIILetter(c) && c != '-' {
				i++
				continue
			}
			ok, n := nameRuneAt(s, i)
			if ok {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) {
			if c := s[j]; isASCIILetter(c) || c == '-' {
				j++
				continue
			}
			ok, n := nameRuneAt(s, j)
			if !ok {
				break
			}
			j += n
		}
		f := s[i:j]
		i = j
		if c := f[0]; c < utf8.RuneSelf {
			if !isASCIIUpper(c) && !innerCapital(f) {
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) && !innerCapital(f) {
			continue
		}
		w := appendLower(buf[:0], f)
		if isStopWord(w) || len(w) < 2 {
			continue
		}
		// A capitalised verb or adverb opening the text is no name
		// ("Asked by reporters", "Speaking on Monday").
		if field == 0 && (hasSuffix(w, "ed") || hasSuffix(w, "ing") || hasSuffix(w, "ly")) {
			continue
		}
		out = append(out, stemHash(w))
		if k := j + 1; k < len(s) && s[j] == ' ' && s[k] >= '0' && s[k] <= '9' {
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k == len(s) || !isWordRune(rune(s[k])) {
				out = append(out, modelHash(w, s[j+1:k]))
			}
		}
	}
	return out
}

// modelHash is the token of a name and the number after it ("iPhone 4"):
// the name's lower-case form with the digits appended. name is stemmed in
// place.
func modelHash(name []byte, digits string) uint64 {
	var buf [80]byte
	w := append(append(buf[:0], name...), digits...)
	return stemHash(w)
}

// nameRuneAt reports whether the character at s[i] belongs to a word names
// reads (a letter or a hyphen), and its width; ASCII is read byte by byte.
func nameRuneAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIILetter(c) || c == '-', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r), n
}

// innerCapital reports whether w, which starts with a lower-case letter,
// holds a capital after it: a name written in mixed case ("iPhone",
// "eBay", "iOS").
func innerCapital(w string) bool {
	if w == "" || !isASCIILower(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; isASCIIUpper(c) {
			return true
		} else if c == '-' {
			return false
		}
	}
	return false
}
