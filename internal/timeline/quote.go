package timeline

import (
	"strings"
	"unicode"
)

// quoteRun says whether a sentence stands in a quotation of several
// sentences ("“One more opportunity has been missed ... Washington.
// Responsibility for this lies entirely with the United States,” the
// statement reads."): its first and last sentence, and the one that
// attributes it (the last when words follow its closing mark, the first
// when a reporting verb comes before its opening mark), or -1.
type quoteRun struct {
	inside                   bool
	first, last, attribution int
}

// quotations finds the quotations of several sentences of an article. Only
// double quotation marks count: single ones are also apostrophes.
func quotations(text string, sents []Sentence) []quoteRun {
	out := make([]quoteRun, len(sents))
	open := false
	start := -1
	for si := range sents {
		s := &sents[si]
		body := text[s.Start:s.End]
		if open && s.Para != paraOf(sents, si-1) {
			// A paragraph starts outside any quotation unless it opens
			// one (news repeats the opening mark on each paragraph of a
			// long quotation): what the last paragraph left open is words
			// without an attribution.
			for k := max(start, 0); start >= 0 && k < si; k++ {
				out[k] = quoteRun{inside: true, first: start, last: si - 1, attribution: -1}
			}
			open, start = false, -1
		}
		before := open
		firstOpen, lastClose := -1, -1
		for i, r := range body {
			switch r {
			case '“':
				open = true
				if firstOpen < 0 {
					firstOpen = i
				}
			case '”':
				open = false
				lastClose = i + len("”")
			case '"':
				if open {
					lastClose = i + 1
				} else if firstOpen < 0 {
					firstOpen = i
				}
				open = !open
			}
		}
		if !before && lastClose >= 0 && (firstOpen < 0 || firstOpen > lastClose) && start < 0 {
			// A closing mark with no opening one: the quotation began
			// unmarked at the paragraph's start, or after the last
			// quotation the paragraph closed ("“What would I tell him?” I
			// would say ... I am saying this without irony,” Putin said.").
			from := si
			for from > 0 && sents[from-1].Para == s.Para && !closesQuote(text, &sents[from-1]) {
				from--
			}
			if from < si {
				attr := -1
				if strings.ContainsFunc(body[lastClose:], unicode.IsLetter) {
					attr = si
				}
				for k := from; k <= si; k++ {
					out[k] = quoteRun{inside: true, first: from, last: si, attribution: attr}
				}
			}
			continue
		}
		switch {
		case !before && open:
			start = si
			if firstOpen < 0 {
				firstOpen = 0
			}
			out[si].attribution = -1
			if strings.ContainsFunc(body[:firstOpen], unicode.IsLetter) && hasReportingWord(body[:firstOpen]) {
				out[si].attribution = si
			}
		case before && !open && start >= 0:
			attr := out[start].attribution
			if lastClose >= 0 && strings.ContainsFunc(body[lastClose:], unicode.IsLetter) {
				attr = si
			}
			for k := start; k <= si; k++ {
				out[k] = quoteRun{inside: true, first: start, last: si, attribution: attr}
			}
			start = -1
		}
	}
	// A quotation left open at the end is words without an attribution.
	if start >= 0 {
		for k := start; k < len(sents); k++ {
			out[k] = quoteRun{inside: true, first: start, last: len(sents) - 1, attribution: -1}
		}
	}
	return out
}

// paraOf returns the paragraph of sentence i, or -1 when there is none.
func paraOf(sents []Sentence, i int) int {
	if i < 0 || i >= len(sents) {
		return -1
	}
	return sents[i].Para
}

// hasReportingWord reports whether s holds a reporting verb.
func hasReportingWord(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if reportingWords[w] {
			return true
		}
	}
	return false
}

// quoting makes c, the report that attributes a quotation of several
// sentences, tell all of it: its words, names and frame are those of the
// whole quotation with its attribution; its quote and summary stay its own
// sentence's.
func (c *event) quoting(text string, run []Sentence) {
	var b strings.Builder
	for i := range run {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(run[i].Text(text))
	}
	st := read(b.String())
	c.tokens = st.eventTokens(0, len(st.text))
	c.frame = frameOf(st.frameWords(), 0, len(st.text))
	c.names = st.names
	c.sig = signature(c.tokens)
}

// closesQuote reports whether sentence s holds a closing quotation mark.
func closesQuote(text string, s *Sentence) bool {
	return strings.ContainsAny(text[s.Start:s.End], "”\"")
}
