package timeline

import (
	"bytes"
	"github.com/timelined/timelined/internal/sentences"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleaned is what cleaning learnt about one text. It never rewrites the
// text: junk and captions are ranges over the original bytes, so every
// later offset still points into Article.Text.
type cleaned struct {
	junk     []span // sorted, non-overlapping: never quoted, never dated
	captions []span // paragraphs that caption a photo
}

// inJunk reports whether [start, end) overlaps junk.
func (c *cleaned) inJunk(start, end int) bool { return overlapsAny(c.junk, start, end) }

// inCaption reports whether [start, end) overlaps a caption.
func (c *cleaned) inCaption(start, end int) bool { return overlapsAny(c.captions, start, end) }

func overlapsAny(spans []span, start, end int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > start })
	return i < len(spans) && spans[i].Start < end
}

var (
	// junkLine starts lines that point elsewhere rather than tell the story.
	junkLine = regexp.MustCompile(`(?i)^(?:also read|read also|read more|related(?: articles?| stories| coverage)?|see also|click here|subscribe|sign up|follow us|advertisement)\b\s*[:|-]?`)

	// slashCredit ends a paragraph with a photo credit: "MANDEL NGAN,
	// Alexander NEMENOV / AFP".
	slashCredit = regexp.MustCompile(`(?:[\p{Lu}][\p{L}.'’-]*\s+)*[\p{Lu}][\p{L}.'’-]*(?:\s*,\s*(?:[\p{Lu}][\p{L}.'’-]*\s+)*[\p{Lu}][\p{L}.'’-]*)*\s*/\s*[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,2}\s*$`)

	// captionStart and captionCues mark a paragraph as a photo caption.
	captionStart = regexp.MustCompile(`(?i)^(?:in this (?:\w+ )?(?:photo|image|picture|file)|this (?:\w+ )?(?:photo|image|picture)|file photo|file\s+[-–—]|photo:)`)
	captionCues  = []string{"(l)", "(r)", "(c)", "(left)", "(right)", "(centre)", "(center)", " pictured", "file photo",
		"photo made available", "photo released", "photo taken", "photo provided"}

	// agencies are the names a parenthesised credit must hold when it has
	// no "photo"/"via" word: without them "(Biden)" would be junk.
	agencies = map[string]bool{"AFP": true, "AP": true, "Reuters": true, "Xinhua": true, "Sputnik": true,
		"TASS": true, "EPA": true, "Getty": true, "Bloomberg": true, "UPI": true, "DPA": true, "ANSA": true,
		"Kyodo": true, "Yonhap": true, "IANS": true, "PTI": true, "ANI": true, "NYT": true, "CNN": true}
)

// clean finds the junk and captions of an article body. title is the
// headline, so that a body line repeating it is not read as news.
func clean(title, text string) cleaned {
	var c cleaned
	normTitle := strings.ToLower(strings.TrimSpace(title))
	var lower []byte // a paragraph in lower case, reused
	for _, p := range sentences.Paragraphs(text) {
		line := text[p.Start:p.End]
		switch {
		case mayStartJunkLine(line) && junkLine.MatchString(line),
			normTitle != "" && strings.EqualFold(line, normTitle) && strings.ToLower(line) == normTitle,
			isLabelLine(line):
			c.junk = append(c.junk, p)
			continue
		}
		var caption bool
		caption, lower = isCaptionBuf(line, lower)
		// Credits inside the paragraph; a paragraph ending in one is a caption.
		for _, m := range parenthesized(line) {
			if !isCredit(line[m.Start+1 : m.End-1]) {
				continue
			}
			c.junk = append(c.junk, span{Start: p.Start + m.Start, End: p.Start + m.End})
			if strings.TrimSpace(strings.TrimRight(line[m.End:], " .()")) == "" || creditTail(line[m.End:]) {
				caption = true
			}
		}
		// A slash credit ends the paragraph; look only at its tail, after
		// the last sentence end.
		if slash := strings.LastIndexByte(line, '/'); slash >= 0 && len(line)-slash < 40 {
			from := max(0, slash-100)
			if i := strings.LastIndexAny(line[from:slash], ".!?”\""); i >= 0 {
				from += i + 1
			}
			if m := slashCredit.FindStringIndex(line[from:]); m != nil {
				s, e := sentences.TrimSpan(text, p.Start+from+m[0], p.Start+from+m[1])
				c.junk = append(c.junk, span{Start: s, End: e})
				caption = true
			}
		}
		c.junk = append(c.junk, linkJunk(text, p)...)
		if caption {
			c.captions = append(c.captions, p)
		}
	}
	c.junk = mergeSpans(c.junk)
	return c
}

// isCaptionBuf reports whether a paragraph reads as a photo caption. lower
// is a buffer for the lower-case paragraph, returned for reuse.
func isCaptionBuf(line string, lower []byte) (bool, []byte) {
	if head := line[:min(len(line), 40)]; mayStartCaption(head) && captionStart.MatchString(head) {
		return true, lower
	}
	// The cues are ASCII: ASCII lower case finds them where
	// strings.ToLower does, unless a capital İ or a Kelvin sign K lowers
	// to an ASCII letter.
	if strings.Contains(line, "İ") || strings.Contains(line, "\u212a") {
		l := strings.ToLower(line)
		for _, cue := range captionCues {
			if strings.Contains(l, cue) {
				return true, lower
			}
		}
		return false, lower
	}
	lower = lowerASCII(lower[:0], line)
	// Every cue holds "(", "pictured" or "photo": most paragraphs need
	// none of the cues looked for.
	if bytes.IndexByte(lower, '(') < 0 && !bytes.Contains(lower, []byte("pictured")) && !bytes.Contains(lower, []byte("photo")) {
		return false, lower
	}
	for _, cue := range captionCues {
		if bytes.Contains(lower, []byte(cue)) {
			return true, lower
		}
	}
	return false, lower
}

// mayStartCaption reports whether captionStart can match head: it opens
// with "in this ", "this ", "file" or "photo:".
func mayStartCaption(head string) bool {
	return head[0] >= utf8.RuneSelf || foldsToASCII(head) || hasPrefixFoldASCII(head, "in this ") ||
		hasPrefixFoldASCII(head, "this ") || hasPrefixFoldASCII(head, "file") || hasPrefixFoldASCII(head, "photo:")
}

// mayStartJunkLine reports whether junkLine can match line: its words
// start with a, r, s, c or f.
func mayStartJunkLine(line string) bool {
	c := line[0]
	return c >= utf8.RuneSelf || strings.IndexByte("aArRsScCfF", c) >= 0
}

// parenthesized returns the ranges of the innermost parentheses of s,
// brackets included.
func parenthesized(s string) []span {
	var out []span
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open = i
		case ')':
			if open >= 0 {
				out = append(out, span{Start: open, End: i + 1})
				open = -1
			}
		}
	}
	return out
}

// creditTail reports whether rest, after one credit, holds only more credits.
func creditTail(rest string) bool {
	rest = strings.TrimSpace(rest)
	for rest != "" {
		ps := parenthesized(rest)
		if len(ps) == 0 || ps[0].Start != 0 || !isCredit(rest[1:ps[0].End-1]) {
			return false
		}
		rest = strings.TrimSpace(strings.TrimLeft(rest[ps[0].End:], " ."))
	}
	return true
}

// isCredit reports whether the inside of a parenthesis is a photo or agency
// credit rather than an aside.
func isCredit(inner string) bool {
	lower := strings.ToLower(inner)
	if strings.Contains(lower, "photo") || strings.Contains(lower, "via ") || strings.Contains(lower, "getty") {
		return true
	}
	for _, f := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if agencies[f] {
			return true
		}
	}
	return false
}

// isLabelLine reports whether a paragraph is a label rather than prose: a
// tag line ("Biden, Putin, USA, Russia"), a byline or dateline credit ("AFP,
// Moscow"): at most eight words, every word capitalised, no sentence end.
func isLabelLine(line string) bool {
	if strings.ContainsAny(line[len(line)-1:], ".!?\"”:") {
		return false
	}
	// The words, as strings.FieldsFunc would split them; most lines are
	// prose and fail at their first lower-case word.
	words := 0
	in := false
	for _, r := range line {
		if r == ',' || r == '|' || r == '/' || unicode.IsSpace(r) {
			in = false
			continue
		}
		if in {
			continue
		}
		in = true
		if words++; words > 8 {
			return false
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' && r != '-' && r != '_' && r != '–' {
			return false
		}
	}
	if words == 0 {
		return false
	}
	// A single capitalised phrase with no separator may be a subheading
	// with a date; keep labels to lists and credits.
	return strings.ContainsAny(line, ",|/(") || words <= 3
}

// linkJunk finds link previews glued into a sentence, as scrapers leave
// them: a linked name whose preview follows without a space
// ("President BidenJoe BidenChinese apps could face ... MORE"). The junk
// runs from the glued capital to the closing "MORE".
func linkJunk(text string, p span) []span {
	var out []span
	line := text[p.Start:p.End]
	for i := 1; i < len(line); i++ {
		if !isASCIIUpper(line[i]) || !isASCIILower(line[i-1]) {
			continue
		}
		ws := i - 1
		for ws > 0 && isASCIILetter(line[ws-1]) {
			ws--
		}
		prefix := line[ws:i]
		if !isASCIIUpper(line[ws]) || len(prefix) < 3 || gluedNamePrefix[prefix] {
			continue
		}
		more := indexWord(line[i:], "MORE", 700)
		if more < 0 {
			continue
		}
		body := line[i : i+more]
		// A preview repeats the linked name in full, or strings headlines
		// with separators; either way it ends in MORE.
		if !strings.Contains(body[:min(len(body), 60)], prefix) && strings.Count(body, "|") == 0 && strings.Count(body, ":") == 0 {
			continue
		}
		end := i + more + len("MORE")
		out = append(out, span{Start: p.Start + i, End: p.Start + end})
		i = end
	}
	return out
}

// indexWord returns the index of word as a whole word in s within limit
// bytes, or -1.
func indexWord(s, word string, limit int) int {
	if len(s) > limit {
		s = s[:limit]
	}
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !isASCIILetter(s[i-1])
		after := i+len(word) == len(s) || !isASCIILetter(s[i+len(word)])
		if before && after {
			return i
		}
		off = i + len(word)
	}
}

func isASCIIUpper(b byte) bool  { return b >= 'A' && b <= 'Z' }
func isASCIILower(b byte) bool  { return b >= 'a' && b <= 'z' }
func isASCIILetter(b byte) bool { return isASCIIUpper(b) || isASCIILower(b) }

// nextWord returns the bounds of the first run of ASCII letters at or
// after i in s; start is len(s) when there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) && !isASCIILetter(s[i]) {
		i++
	}
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return i, j
}

// mergeSpans sorts spans and joins overlapping ones.
func mergeSpans(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// span is a half-open byte range of an article's text.
type span = sentences.Span

// splitSentences splits text into sentences around the junk c found, and
// marks those of captions.
func splitSentences(text string, c *cleaned) []Sentence {
	ss := sentences.Split(text, c.junk)
	out := make([]Sentence, len(ss))
	for i, s := range ss {
		out[i] = Sentence{Sentence: s, Caption: c.inCaption(s.Start, s.End)}
	}
	return out
}
