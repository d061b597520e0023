package timeline

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Summaries are the clause around the date, not the whole sentence: long
// enough to say who did what (minSummaryWords), short enough to read in a
// table (maxSummaryWords).
const (
	minSummaryWords = 12
	maxSummaryWords = 25
)

// isClauseWord reports whether w opens a subordinate or coordinate
// clause; a switch, as every word of every dated sentence is looked up.
func isClauseWord(w string) bool {
	switch w {
	case "that", "when", "after", "but", "while", "which", "because", "as":
		return true
	}
	return false
}

// clauseBreaks returns the places where a sentence divides into clauses:
// after ", ", "; ", ": ", around a dash between spaces, and around a
// clause word. It is a hand-written scanner: this runs for every dated
// event and a regular expression here cost a third of Build.
func clauseBreaks(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case (c == ',' || c == ';' || c == ':') && i+1 < len(s) && s[i+1] == ' ':
			out = append(out, [2]int{i, i + 2})
			i++
		case c == ' ':
			j := i + 1
			for j < len(s) && s[j] != ' ' {
				j++
			}
			if j >= len(s) {
				return out
			}
			w := s[i+1 : j]
			if w == "-" || w == "–" || w == "—" || isClauseWord(w) {
				out = append(out, [2]int{i, j + 1})
				i = j
			} else {
				// Inside the word only its last byte can open a break
				// (a comma before the space): go on from there.
				i = max(i, j-2)
			}
		}
	}
	return out
}

// leadConnective matches openers that tie a clause to its neighbours but
// say nothing on their own ("To recall,", "Earlier,", "that", "MOSCOW –").
var leadConnective = regexp.MustCompile(`^(?:(?:to recall|earlier|later|in response|at the same time|meanwhile|however|moreover|also|still|separately|in addition|on the other hand|besides|instead|then|so|thus)\s*,\s*|(?:that|and|but|which|while|when|as|because|so|or)\s+|[\p{Lu}][\p{Lu} .,]+\s*(?:\([^)]*\)\s*)?[–—-]+\s+|[\p{Lu}][\p{Lu} .]+\s*,\s*[\p{L} .]+\([^)]*\)\s*[–—_-]+\s+)`)

// clauseText is a text with its clause breaks and word starts, found once
// for the several dates and summaries a sentence has.
type clauseText struct {
	s      string
	breaks [][2]int
	words  offsets
}

// newClauseText reads the clauses and words of s.
func newClauseText(s string) *clauseText {
	return &clauseText{s: s, breaks: clauseBreaks(s), words: appendWordStarts(make(offsets, 0, len(s)/5+1), s)}
}

// splitBetween returns where the text divides between two dates, the
// first ending at a and the second starting at b: the start (start true)
// or the end of the last clause break in between; len(s) or 0 when
// there is none.
func (ct *clauseText) splitBetween(a, b int, start bool) int {
	at := -1
	for i, br := range ct.breaks {
		if br[0] >= a && br[1] <= b {
			at = i
		}
	}
	switch {
	case at < 0 && start:
		return len(ct.s)
	case at < 0:
		return 0
	case start:
		return ct.breaks[at][0]
	}
	return ct.breaks[at][1]
}

// count returns the number of words starting in [a, b).
func (ct *clauseText) count(a, b int) int { return ct.words.before(b) - ct.words.before(a) }

// around returns the byte range of the sentence text (offsets relative to
// ct.s) that a summary of the event dated at [ms, me) should cover: the
// clause holding the date, widened to the following clauses until it has
// minSummaryWords words, and starting at the sentence start when the date
// is in the first clause (the subject is there).
func (ct *clauseText) around(ms, me int) (int, int) {
	s, breaks, count := ct.s, ct.breaks, ct.count
	start, end := 0, len(s)
	prev := 0 // the start of the clause before start
	for _, b := range breaks {
		if b[1] <= ms {
			prev, start = start, b[1]
		}
	}
	// A participle clause (", agreeing with ...") has the subject of the
	// clause before it: start there.
	if start > 1 && s[start-2] == ',' && isParticiple(firstWord(s[start:])) {
		start = prev
	}
	// "..., Kenya, on Aug. 7 killed 258 people": a date phrase right
	// before the verb closes the subject, which starts the sentence.
	if start > 1 && s[start-2] == ',' && datePhraseBeforeVerb(s[start:ms], s[me:]) {
		start = 0
	}
	// Clause ends after the mention; widen while short. A "that" right
	// after the date opens what was said or asked: the event itself.
	for i, b := range breaks {
		if b[0] < me {
			continue
		}
		if s[b[0]:b[1]] == " that " && (i == 0 || breaks[i-1][0] < me) {
			continue
		}
		if count(start, b[0]) >= minSummaryWords {
			end = b[0]
			break
		}
	}
	// A short first clause is the sentence start; a short later clause
	// takes the clauses before it until it says enough.
	if count(0, start) <= 3 {
		start = 0
	}
	for i := len(breaks) - 1; i >= 0 && count(start, end) < minSummaryWords; i-- {
		if breaks[i][1] < start {
			start = breaks[i][1]
		}
	}
	if count(0, start) <= 3 {
		start = 0
	}
	return start, end
}

// summarySpec is how an event is summarised from its sentence's clean
// text: the date at [ms, me) (both 0 for an undated report), the part
// [lo, hi) of a sentence that reports two events (split), and whether the
// event is a plan, summarised from the planning word on. Summaries are
// written only for the wordings an entry may show: most reports never
// need one.
type summarySpec struct {
	ms, me, lo, hi int32
	plan, split    bool
}

// of writes the summary of the event in its sentence's clean text.
func (sp summarySpec) of(text string) string {
	ms, me := int(sp.ms), int(sp.me)
	if sp.plan {
		if from := planStart(text, ms); from > 0 {
			return summarize(text[from:], ms-from, me-from)
		}
		return summarize(text, ms, me)
	}
	if sp.split {
		lo, hi := int(sp.lo), int(sp.hi)
		return summarize(text[lo:hi], ms-lo, me-lo)
	}
	return summarize(text, ms, me)
}

// summarize writes the one-line summary of the event a sentence dates.
func summarize(s string, ms, me int) string { return summarizeText(newClauseText(s), ms, me) }

// summarizeText is summarize on a read text.
func summarizeText(ct *clauseText, ms, me int) string {
	s := ct.s
	// A date inside a fronted phrase dates the main clause after it.
	if r := introEnd(s); r > 0 && me <= r {
		s, ms, me = s[r:], 0, 0
		ct = newClauseText(s)
	}
	// Asides go, unless the date is in one; so does an apposition to the
	// opening name ("Slepian, a 52-year-old obstetrician ..., was shot").
	var asides [][]int
	if strings.Contains(s, ", wh") {
		asides = aside.FindAllStringIndex(s, -1)
	}
	if mayOpenApposition(s) {
		if m := apposition.FindStringSubmatchIndex(s); m != nil && m[3] <= ms &&
			(len(asides) == 0 || asides[0][0] >= m[3]) {
			asides = append([][]int{{m[2], m[3]}}, asides...)
		}
	}
	if len(asides) == 0 {
		return summarizeClause(ct, ms, me)
	}
	for _, m := range asides {
		if me <= m[0] {
			break
		}
		if ms >= m[1] {
			continue
		}
		return summarizeClause(ct, ms, me)
	}
	var b strings.Builder
	shift := 0
	last := 0
	for _, m := range asides {
		b.WriteString(s[last:m[0]])
		if m[1] <= ms {
			shift += m[1] - m[0]
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return summarizeClause(newClauseText(b.String()), ms-shift, me-shift)
}

// mayOpenApposition reports whether apposition can match s: it needs a
// capital first and ", a ", ", an " or ", the ".
func mayOpenApposition(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) &&
		(strings.Contains(s, ", a ") || strings.Contains(s, ", an ") || strings.Contains(s, ", the "))
}

// summarizeClause writes the summary of the clause around [ms, me) of ct.
func summarizeClause(ct *clauseText, ms, me int) string {
	s := ct.s
	start, end := 0, len(s)
	if len(ct.words) > maxSummaryWords {
		if out, ok := attributed(ct, ms); ok {
			return out
		}
		start, end = ct.around(ms, me)
	}
	text := s[start:end]
	for mayLeadConnective(text) {
		loc := leadConnective.FindStringIndex(strings.ToLower(text[:min(len(text), 80)]))
		if loc == nil || loc[1] == 0 {
			// Upper-case datelines need the original case.
			if loc = leadConnective.FindStringIndex(text[:min(len(text), 80)]); loc == nil || loc[1] == 0 {
				break
			}
		}
		text = text[loc[1]:]
	}
	out := joinWords(text, maxSummaryWords)
	out = strings.TrimRight(out, ",;: –—-")
	out = strings.Trim(out, " ")
	// Drop an unmatched opening quote or a dangling closing one.
	out = balanceQuotes(out)
	if r, n := utf8.DecodeRuneInString(out); unicode.IsLower(r) {
		out = string(unicode.ToUpper(r)) + out[n:]
	}
	return out
}

// mayLeadConnective reports whether leadConnective can match text, in
// lower case or as written: it opens with one of its words, or with a
// capital and holds a dash. Most clauses do neither, and the two regular
// expression runs cost more than the rest of a summary.
func mayLeadConnective(text string) bool {
	if text == "" {
		return false
	}
	if c := text[0]; c >= utf8.RuneSelf {
		return true // leave non-ASCII case to the expression
	} else if !isASCIILetter(c) {
		return false
	}
	j := 0
	for j < len(text) && isASCIILetter(text[j]) {
		j++
	}
	var buf [16]byte
	if j <= len(buf) && connectiveFirstWords[string(lowerASCII(buf[:0], text[:j]))] {
		return true
	}
	// The dateline openers: two capitals (or a capital and a space, period
	// or comma), then a dash.
	if len(text) < 2 || !isASCIIUpper(text[0]) {
		return false
	}
	c := text[1]
	return (c >= utf8.RuneSelf || isASCIIUpper(c) || c == ' ' || c == '.' || c == ',') &&
		strings.ContainsAny(text[:min(len(text), 80)], "–—_-")
}

// joinWords returns the white-space separated words of s joined by single
// spaces, as strings.Join(strings.Fields(s), " ") does, keeping at most max
// words; a cut text's last word loses its trailing ",;:" and gains " …".
func joinWords(s string, max int) string {
	b := make([]byte, 0, len(s)+len(" …"))
	n, last := 0, 0
	for i := skipSpace(s, 0); i < len(s); i = skipSpace(s, i) {
		if n == max {
			k := len(b)
			for k > last && (b[k-1] == ',' || b[k-1] == ';' || b[k-1] == ':') {
				k--
			}
			b = append(b[:k], " …"...)
			break
		}
		j := wordEnd(s, i)
		if n > 0 {
			b = append(b, ' ')
		}
		last = len(b)
		b = append(b, s[i:j]...)
		n++
		i = j
	}
	return string(b)
}

// attributionVerb finds a reporting verb in a trailing attribution.
var attributionVerb = newWordList(reportingVerbs, false)

// attributed summarises a long sentence whose date stands in a trailing
// attribution ("..., Prime Minister Orban said here Friday."): the
// attribution first, then the start of what was said.
func attributed(ct *clauseText, ms int) (string, bool) {
	s, breaks := ct.s, ct.breaks
	if len(breaks) == 0 {
		return "", false
	}
	last := breaks[len(breaks)-1]
	tail := strings.TrimRight(s[last[1]:], " .")
	if ms < last[1] || countWords(tail) > 10 || !attributionVerb.match(tail) {
		return "", false
	}
	said := summarizeClause(newClauseText(s[:last[0]]), 0, 0)
	said = strings.TrimSuffix(said, " …")
	words := strings.Fields(said)
	if n := maxSummaryWords - countWords(tail); len(words) > n {
		words = append(words[:n], "…")
	}
	if len(words) == 0 {
		return "", false
	}
	r, n := utf8.DecodeRuneInString(tail)
	return string(unicode.ToUpper(r)) + tail[n:] + ": " + strings.Join(words, " "), true
}

// balanceQuotes removes quotation marks a cut clause left unpaired.
func balanceQuotes(s string) string {
	open := strings.Count(s, "“") + strings.Count(s, "\"")%2
	closeQ := strings.Count(s, "”")
	if open == closeQ && strings.Count(s, "\"")%2 == 0 {
		return s
	}
	return strings.NewReplacer("“", "", "”", "", "\"", "").Replace(s)
}

// countWords counts white-space separated words, as strings.Fields
// splits them, without allocating: summaries count words often.
func countWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		i = skipSpace(s, i)
		if i < len(s) {
			n++
			i = wordEnd(s, i)
		}
	}
	return n
}

// skipSpace returns the offset of the first character from i on that is
// not white space.
func skipSpace(s string, i int) int {
	for i < len(s) {
		space, w := spaceAt(s, i)
		if !space {
			break
		}
		i += w
	}
	return i
}

// wordEnd returns the offset of the first white space from i on; plain
// ASCII is skipped byte by byte.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c > ' ' && c < utf8.RuneSelf {
			i++
			continue
		}
		space, w := spaceAt(s, i)
		if space {
			break
		}
		i += w
	}
	return i
}

// asciiSpace marks the ASCII white space unicode.IsSpace knows.
var asciiSpace = [128]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt reports whether the character at s[i] is white space, as
// strings.Fields reads it, and its width; ASCII is read byte by byte.
func spaceAt(s string, i int) (bool, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return asciiSpace[b], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}

// introEnd returns where the main clause starts after a fronted
// adverbial phrase ("Last Thursday, in response to ..., Psaki said"), or 0
// when there is none or the main clause is too short to stand alone.
func introEnd(s string) int {
	var buf [32]byte
	first, _, _ := strings.Cut(s, " ")
	if !introOpeners[string(appendLower(buf[:0], first))] {
		return 0
	}
	for off := 0; ; {
		i := strings.Index(s[off:], ", ")
		if i < 0 {
			return 0
		}
		rest := s[off+i+2:]
		r, _ := utf8.DecodeRuneInString(rest)
		next, _, _ := strings.Cut(rest, " ")
		lower := appendLower(buf[:0], strings.Trim(next, ".,"))
		if (unicode.IsUpper(r) && !introOpeners[string(lower)] && !stopWords[string(lower)]) ||
			string(lower) == "the" || string(lower) == "a" || string(lower) == "an" {
			if countWords(rest) >= 8 {
				return off + i + 2
			}
			return 0
		}
		off += i + 2
	}
}

// aside matches a non-restrictive relative clause or apposition set off by
// commas (", who has been accused of ...,").
var aside = regexp.MustCompile(`, (?:who|which|whose|where)\b[^,;:“”"]{3,120},`)

// apposition matches a sentence that opens with a name followed by an
// apposition set off by commas ("Slepian, a 52-year-old obstetrician who
// ..., was shot"); its group is the apposition.
var apposition = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(, (?:a|an|the) [^,;:“”"]{3,150},)`)

// isParticiple reports whether w looks like a present participle.
func isParticiple(w string) bool {
	w = strings.ToLower(w)
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !nonParticiples[w]
}

// firstWord returns the first white-space separated word of s.
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimLeft(s, " "), " ")
	return w
}

// coreClause returns the byte range of sentence text s (offsets relative
// to s) of the clause that tells the event dated at [ms, me): bounded by
// the subordinating words, semicolons, colons and dashes around the date,
// not by commas, so that an apposition or a fronted time stays in it
// ("Last week, X, the ambassador, was summoned"). A fronted phrase holding
// the date gives way to the main clause after it.
func coreClause(s string, ms, me int) (int, int) {
	start, end := 0, len(s)
	if r := introEnd(s); r > 0 && me <= r {
		start = r
	}
	for i := 0; i < len(s); i++ {
		brk, next := -1, i+1
		switch c := s[i]; {
		case (c == ';' || c == ':') && i+1 < len(s) && s[i+1] == ' ':
			brk = i
		case c == ' ':
			j := i + 1
			for j < len(s) && s[j] != ' ' {
				j++
			}
			w := strings.TrimRight(s[i+1:j], ",")
			if w == "-" || w == "–" || w == "—" || coreBreakWords[strings.ToLower(w)] && j+1 != ms {
				// A break word just before the date is its preposition
				// ("on medical leave since January"), no clause of its own.
				brk, next = i, min(j+1, len(s))
			}
		}
		if brk < 0 {
			continue
		}
		if next <= ms && next > start {
			start = next
		}
		if brk >= me {
			end = brk
			break
		}
	}
	return start, max(start, end)
}

// offsets are sorted byte offsets.
type offsets []int

// appendWordStarts appends to out where the white-space separated words
// of s start: with them, the words of any range are counted in O(log n).
func appendWordStarts(out offsets, s string) offsets {
	for i := 0; i < len(s); {
		i = skipSpace(s, i)
		if i < len(s) {
			out = append(out, i)
			i = wordEnd(s, i)
		}
	}
	return out
}

// before returns how many offsets lie before i.
func (o offsets) before(i int) int {
	n, _ := slices.BinarySearch(o, i)
	return n
}

// datePhraseBeforeVerb reports whether a clause is only a preposition and
// a date (before is the clause up to the date) followed by a verb (after):
// "on Aug. 7 | killed 258 people".
func datePhraseBeforeVerb(before, after string) bool {
	switch strings.TrimSpace(strings.ToLower(before)) {
	case "on", "in", "at", "":
	default:
		return false
	}
	w := firstWord(after)
	return after != "" && after[0] == ' ' && w != "" && isASCIILower(w[0]) && !stopWords[w] &&
		(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s"))
}
