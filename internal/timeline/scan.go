package timeline

import (
	"regexp"
	"strings"
)

// Hand-written scanners for the hot regular expressions of the pipeline.
// Each one gives exactly what its regular expression gives: where the
// expression folds case ((?i)), the long s 'ſ' and the Kelvin sign 'K'
// fold to ASCII letters, so a text holding either is left to the
// expression.

// wordList is a set of ASCII words, the alternatives of a
// `\b(?:a|b|...)\b` expression.
type wordList struct {
	words map[string]bool
	fold  bool           // compare case-insensitively, as (?i)
	re    *regexp.Regexp // the same test, for texts an ASCII scan cannot read
}

// newWordList returns the list of the words of alternatives ("a|b|c").
func newWordList(alternatives string, fold bool) *wordList {
	l := &wordList{words: map[string]bool{}, fold: fold}
	for _, w := range strings.Split(alternatives, "|") {
		l.words[w] = true
	}
	flags := ""
	if fold {
		flags = "(?i)"
	}
	l.re = regexp.MustCompile(flags + `\b(?:` + alternatives + `)\b`)
	return l
}

// index returns the start and end of the first word of s in the list, as
// the expression's FindStringIndex would, or -1, -1.
func (l *wordList) index(s string) (int, int) {
	if l.fold && foldsToASCII(s) {
		if loc := l.re.FindStringIndex(s); loc != nil {
			return loc[0], loc[1]
		}
		return -1, -1
	}
	var buf [32]byte
	for i := 0; i < len(s); {
		if !isASCIIWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIIWordByte(s[j]) {
			j++
		}
		w := s[i:j]
		if l.fold && j-i <= len(buf) {
			if l.words[string(lowerASCII(buf[:0], w))] {
				return i, j
			}
		} else if l.words[w] {
			return i, j
		}
		i = j
	}
	return -1, -1
}

// match reports whether s holds a word of the list.
func (l *wordList) match(s string) bool {
	i, _ := l.index(s)
	return i >= 0
}

// isASCIIWordByte reports whether b is a word character of \b.
func isASCIIWordByte(b byte) bool {
	return isASCIILetter(b) || b >= '0' && b <= '9' || b == '_'
}

// foldsToASCII reports whether s holds a character that case folding
// matches to an ASCII letter: 'ſ' (s), 'K' (k).
func foldsToASCII(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

// hasPrefixFoldASCII reports whether s starts with the lower-case ASCII
// prefix, ignoring ASCII case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isASCIIUpper(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// lowerASCII appends s to b with ASCII letters lower-cased; other bytes are
// kept.
func lowerASCII(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		if c := b[i]; isASCIIUpper(c) {
			b[i] = c + ('a' - 'A')
		}
	}
	return b
}
