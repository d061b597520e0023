// Package sentences splits news text into paragraphs and sentences, the
// unit every later step of the service reasons about ("the same sentence",
// "an earlier sentence of the paragraph"). It is hand-written rather than a
// trained Punkt model: news needs only a few firm rules (abbreviations,
// initials, initialisms, quotes, line breaks), it keeps exact byte offsets,
// and it runs at memory speed.
//
// Junk found by a caller (a link preview glued into a sentence, a photo
// credit) never ends a sentence and is never part of one: a sentence with
// junk inside keeps it as holes, its Text leaves them out, and Run gives
// the clean verbatim run holding an offset. Offsets are byte offsets into
// the text given.
package sentences

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Sentence is one sentence of a text: a half-open byte range of it. Junk
// glued inside it (a link preview in mid-sentence) is a hole: the sentence
// stays one sentence, its Text leaves the holes out, and its quotes are
// the clean runs between them.
type Sentence struct {
	Start, End int
	// Para is the index of the paragraph it stands in (see Paragraphs).
	Para int
	// Holes are the junk inside [Start, End), sorted.
	Holes []Span
}

// Text returns the sentence with its holes left out.
func (s *Sentence) Text(article string) string {
	if len(s.Holes) == 0 {
		return article[s.Start:s.End]
	}
	var b strings.Builder
	b.Grow(s.End - s.Start)
	at := s.Start
	for _, h := range s.Holes {
		b.WriteString(article[at:h.Start])
		at = h.End
	}
	b.WriteString(article[at:s.End])
	return b.String()
}

// ToClean maps an offset of the text inside the sentence to an offset into
// its Text; an offset inside a hole maps to where the hole was.
func (s *Sentence) ToClean(off int) int {
	out := off - s.Start
	for _, h := range s.Holes {
		switch {
		case off >= h.End:
			out -= h.End - h.Start
		case off > h.Start:
			out -= off - h.Start
		}
	}
	return out
}

// Run returns the clean verbatim run of the sentence holding the text
// offset off, trimmed: the quote of an event dated there. With off < 0 it
// returns the longest run.
func (s *Sentence) Run(article string, off int) Span {
	var best Span
	at := s.Start
	for i := 0; i <= len(s.Holes); i++ {
		end := s.End
		if i < len(s.Holes) {
			end = s.Holes[i].Start
		}
		r := trimRun(article, at, end)
		if off >= 0 && off >= at && off < end {
			return r
		}
		if off < 0 && r.End-r.Start > best.End-best.Start {
			best = r
		}
		if i < len(s.Holes) {
			at = s.Holes[i].End
		}
	}
	if off >= 0 {
		return Span{s.Start, s.End}
	}
	return best
}

// trimRun shrinks [start, end) past white space and the punctuation a
// hole leaves at a run's edges.
func trimRun(text string, start, end int) Span {
	start, end = TrimSpan(text, start, end)
	for start < end && strings.IndexByte(",;:|", text[start]) >= 0 {
		start, end = TrimSpan(text, start+1, end)
	}
	for end > start && strings.IndexByte(",;:|", text[end-1]) >= 0 {
		start, end = TrimSpan(text, start, end-1)
	}
	return Span{start, end}
}

// MaxSentenceBytes bounds a sentence: longer runs are cut at a clause
// break or a space. News sentences stay well below it.
const MaxSentenceBytes = 1000

// cutPoint returns where to cut text[s:limit) that runs past the longest
// sentence: after the last comma or semicolon, else the last space, else
// at a rune boundary before limit.
func cutPoint(text string, s, limit int) int {
	if i := strings.LastIndexAny(text[s:limit], ",;"); i > (limit-s)/2 {
		return s + i + 1
	}
	if i := strings.LastIndexByte(text[s:limit], ' '); i > 0 {
		return s + i
	}
	for limit > s+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// abbreviations end with a period that does not end a sentence when a
// capitalised word follows ("Mr. Biden", "Jan. 26", "Gen. Milley").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cmdr": true, "adm": true, "sgt": true, "rep": true, "sen": true, "gov": true,
	"pres": true, "sec": true, "gov't": true, "amb": true, "rev": true, "hon": true, "st": true, "sr": true, "jr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true, "no": true, "nos": true,
	"vs": true, "v": true, "etc": true, "inc": true, "corp": true, "co": true, "ltd": true, "dept": true,
	"univ": true, "approx": true, "est": true, "fig": true, "vol": true, "ft": true, "mt": true, "ave": true,
	"blvd": true, "mo": true, "ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true,
	"del": true, "fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "ky": true, "la": true, "md": true,
	"mass": true, "mich": true, "minn": true, "miss": true, "neb": true, "nev": true, "okla": true, "ore": true,
	"pa": true, "tenn": true, "tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
}

// sentenceStarters are words that begin a new sentence after an initialism
// such as "U.S." ("... to the U.S. The ministry said").
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "But": true, "And": true, "This": true, "That": true, "These": true, "Those": true,
	"In": true, "On": true, "At": true, "His": true, "Her": true, "Their": true, "Its": true, "There": true,
	"However": true, "Meanwhile": true, "Earlier": true, "Later": true, "After": true, "When": true,
}

// Split splits text into sentences, never letting a sentence cross a
// paragraph break. junk must be sorted and not overlap; it never ends a
// sentence and is never part of one: a sentence with junk inside keeps it
// as holes.
func Split(text string, junk []Span) []Sentence {
	var out []Sentence
	for pi, p := range Paragraphs(text) {
		// The junk of this paragraph.
		lo := sort.Search(len(junk), func(i int) bool { return junk[i].End > p.Start })
		hi := lo
		for hi < len(junk) && junk[hi].Start < p.End {
			hi++
		}
		out = splitParagraph(text, p, pi, junk[lo:hi], out)
	}
	return out
}

// splitParagraph appends the sentences of paragraph p, whose junk is junk.
func splitParagraph(text string, p Span, para int, junk []Span, out []Sentence) []Sentence {
	// within returns the junk overlapping [s, e).
	within := func(s, e int) []Span {
		i := sort.Search(len(junk), func(i int) bool { return junk[i].End > s })
		k := i
		for k < len(junk) && junk[k].Start < e {
			k++
		}
		return junk[i:k]
	}
	emitOne := func(s, e int) {
		// Junk and the punctuation it leaves never open or close a sentence.
		for {
			r := trimRun(text, s, e)
			s, e = r.Start, r.End
			moved := false
			for _, j := range within(s, e) {
				if j.Start <= s && s < j.End {
					s, moved = j.End, true
				}
				if j.Start < e && e <= j.End {
					e, moved = j.Start, true
				}
			}
			if !moved || s >= e {
				break
			}
		}
		if s >= e {
			return
		}
		st := Sentence{Start: s, End: e, Para: para}
		for _, j := range within(s, e) {
			if j.Start >= s && j.End <= e {
				h := j
				// Take one of two spaces around the hole along.
				if h.Start > s && h.End < e && text[h.Start-1] == ' ' && text[h.End] == ' ' {
					h.End++
				}
				st.Holes = append(st.Holes, h)
			}
		}
		if hasLetters(st.Text(text), 2) {
			out = append(out, st)
		}
	}
	emit := func(s, e int) {
		// No real sentence is this long: cut the rest of a run-on line
		// (a table, a list, an attack) so that work per date stays bounded.
		for e-s > MaxSentenceBytes {
			cut := cutPoint(text, s, s+MaxSentenceBytes)
			for _, j := range within(cut, cut+1) {
				if j.Start > s {
					cut = j.Start // never inside junk
				} else {
					cut = j.End
				}
			}
			emitOne(s, cut)
			s = cut
		}
		emitOne(s, e)
	}
	s, end := p.Start, p.End
	ji := 0
	for i := p.Start; i < end; i++ {
		for ji < len(junk) && junk[ji].End <= i {
			ji++
		}
		if ji < len(junk) && junk[ji].Start <= i {
			i = junk[ji].End - 1 // no sentence ends inside junk
			continue
		}
		b := text[i]
		if b != '.' && b != '!' && b != '?' {
			continue
		}
		// Take closing quotes and brackets with the sentence.
		j := i + 1
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '.' || r == '!' || r == '?' {
				j += n
				continue
			}
			break
		}
		if j >= end {
			break
		}
		if !boundary(text, s, i, j, end) {
			continue
		}
		emit(s, j)
		s = j
		i = j - 1
	}
	emit(s, end)
	return out
}

// boundary decides whether the terminator at text[i] (the sentence running
// to j, after closing quotes) ends the sentence that began at s.
func boundary(text string, s, i, j, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:end])
	glued := !unicode.IsSpace(r)
	// The next word, past white space and opening quotes.
	k := j
	for k < end {
		r, n := utf8.DecodeRuneInString(text[k:end])
		if unicode.IsSpace(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '–' || r == '—' {
			k += n
			continue
		}
		break
	}
	if k >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[k:end])
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
		return false
	}
	word := wordBefore(text, s, i)
	nextWord := wordAt(text, k, end)
	if text[i] == '.' {
		if glued {
			// "report.Asked": a scraper dropped the space. Require a plain
			// lower-case word before and a capitalised word after, so that
			// "U.S." and "Node.js" stay whole.
			return j == i+1 && len(word) >= 3 && isLowerWord(word) && len(nextWord) >= 2 && isLowerWord(nextWord[1:])
		}
		switch {
		case abbreviations[strings.ToLower(word)]:
			return false
		case len(word) == 1 && unicode.IsUpper(rune(word[0])):
			return false // an initial: "John F. Kennedy"
		case strings.Contains(word, "."):
			// An initialism ("U.S.", "D.C."): a sentence ends only when a
			// typical sentence opener follows.
			return sentenceStarters[nextWord]
		}
	}
	return true
}

// wordBefore returns the word ending at text[i] (exclusive), not before s,
// including inner periods ("U.S").
func wordBefore(text string, s, i int) string {
	k := i
	for k > s {
		r, n := utf8.DecodeLastRuneInString(text[s:k])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' {
			break
		}
		k -= n
	}
	return strings.TrimLeft(text[k:i], ".")
}

// wordAt returns the letters starting at text[k].
func wordAt(text string, k, end int) string {
	e := k
	for e < end {
		r, n := utf8.DecodeRuneInString(text[e:end])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	return text[k:e]
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// hasLetters reports whether s holds at least n letters.
func hasLetters(s string, n int) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			n--
			if n <= 0 {
				return true
			}
		}
	}
	return false
}

// Paragraphs returns the non-blank lines of text: scraped news puts one
// paragraph per line, and a line break always ends a sentence.
func Paragraphs(text string) []Span {
	var out []Span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := TrimSpan(text, start, end)
		if s < e {
			out = append(out, Span{s, e})
		}
		start = end + 1
	}
	return out
}

// TrimSpan shrinks [start, end) past surrounding white space.
func TrimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}
