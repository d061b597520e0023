package timeline

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelined/timelined/internal/dates"
)

// DateSource says how the date of an event was found.
type DateSource int

// The date sources, surest first.
const (
	// FromExpression: a temporal expression of the sentence dates it.
	FromExpression DateSource = iota + 1
	// FromContext: the sentence has no date; an earlier sentence of its
	// paragraph dates the events it goes on telling.
	FromContext
	// FromPublication: neither the sentence nor its paragraph has a date;
	// a past report tells of the publication day or just before, a
	// present statement holds on it.
	FromPublication
)

// String names the source as the explanation words it.
func (s DateSource) String() string {
	switch s {
	case FromExpression:
		return "expression"
	case FromContext:
		return "context"
	case FromPublication:
		return "publication date"
	}
	return "unknown"
}

// anchorContext is what the sentences of an article read so far tell the
// undated ones after them: the date of the last dated occurrence and the
// paragraph it stands in. News tells one development a paragraph: a
// sentence with no date of its own goes on telling the events of the
// paragraph's last dated sentence ("On Monday the ministry summoned the
// ambassador. It handed him a note."), and a paragraph with no date tells
// the news of the day the article appeared.
type anchorContext struct {
	has        bool
	para       int
	sent       int // the sentence that gave the date
	start, end dates.Date
	value      string
	expr       string // the expression, as written
	// news is the day of the lead's news: the day the lead dates its
	// event, when that is the publication day or the week before it.
	news     anchorDate
	leadDone bool
	// The publication day's value and the explanations undated reports
	// share, written once per article (or per context date).
	pubValue, pastExpl, presentExpl, newsExpl, contextExpl string
}

// anchorDate is a date some sentence gave, and how it was written.
type anchorDate struct {
	has        bool
	start, end dates.Date
	value      string
	expr       string
}

// set records the dated events of the sentence in paragraph para: the
// finest occurrence among them (not a reference to a known event, "the
// Oct. 23 slaying", nor a plan) dates what the paragraph says next.
func (ac *anchorContext) set(para, si int, text string, dated []event, pub dates.Date) {
	lead := !ac.leadDone
	ac.leadDone = true
	best := -1
	for i := range dated {
		c := &dated[i]
		if c.kind != Occurrence || c.refers || c.cit.Caption {
			continue
		}
		if best < 0 || c.days < dated[best].days {
			best = i
		}
	}
	// A statement of the present ("sales are up from a year ago") dates a
	// comparison, not events that later sentences go on telling.
	if best < 0 || sentenceTense(text) != tensePast {
		return
	}
	c := &dated[best]
	ac.has, ac.para, ac.sent = true, para, si
	ac.start, ac.end, ac.value, ac.expr = c.start, c.end, c.cit.Value, c.cit.Expression
	ac.contextExpl = ""
	if lead && c.days == 0 && !pub.IsZero() && !c.start.After(pub) && !c.start.Before(pub.AddDays(-newsDays)) {
		ac.news = anchorDate{true, c.start, c.end, c.cit.Value, c.cit.Expression}
		ac.newsExpl = ""
	}
}

// newsDays is how long before its publication an article's lead may date
// the news it reports ("Yesterday, ... Jobs unveiled").
const newsDays = 7

// continues reports whether a sentence opens by going on with what the
// sentence before it told: a pronoun or demonstrative standing for what
// it named ("He", "It", "This"), or a word of sequence ("Then", "Later").
func continues(text string) bool {
	w := firstWord(strings.TrimLeft(text, "“\"'‘(– "))
	w = strings.ToLower(strings.TrimRight(w, ",;:"))
	return continuationWords[w]
}

// undated returns the event of sentence s, which has no date of its
// own, or false when it reports no event: a question, a fragment, a plan
// with no date. A past report takes the date of its paragraph's context,
// else the publication date (on or before which it happened); a present
// statement takes the publication date.
//
// A report in the present (present, see reportDated) is made on the
// publication day, whatever tense the words it reports are in.
func (ac *anchorContext) undated(a *Article, s *Sentence, st *sentText, si int, pub dates.Date, present bool) (event, bool) {
	t := sentenceTense(st.text)
	if present && t != tenseNone {
		t = tensePresent
	}
	ac.leadDone = true
	if t == tenseNone || t == tenseFuture || inQuotation(st.text) || stative(st.text) {
		return event{}, false
	}
	// The sentence goes on with the one before, whose date it takes, or
	// tells more of the news the lead dates.
	inContext := t == tensePast && ac.has && ac.para == s.Para && ac.sent == si-1 && continues(st.text)
	news := t == tensePast && !inContext && ac.news.has
	if !inContext && !news && pub.IsZero() {
		return event{}, false
	}
	if ac.pubValue == "" {
		ac.pubValue = pub.String()
	}
	m := dates.Mention{Value: ac.pubValue, StartDate: pub, EndDate: pub}
	src := FromPublication
	var expl *string
	switch {
	case inContext:
		m = dates.Mention{Value: ac.value, StartDate: ac.start, EndDate: ac.end}
		src = FromContext
		ac.sent = si // and the next may go on with it
		if expl = &ac.contextExpl; *expl == "" {
			*expl = fmt.Sprintf("no date in the sentence: it goes on telling the events of the sentence before, which dates them %s (%q)", ac.value, ac.expr)
		}
	case news:
		m = dates.Mention{Value: ac.news.value, StartDate: ac.news.start, EndDate: ac.news.end}
		src = FromContext
		if expl = &ac.newsExpl; *expl == "" {
			*expl = fmt.Sprintf("no date in the sentence or the one before: a report in the past tense of the article's news, which its lead dates %s (%q)", ac.news.value, ac.news.expr)
		}
	case t == tensePast:
		if expl = &ac.pastExpl; *expl == "" {
			*expl = fmt.Sprintf("no date in the sentence or its paragraph: a report in the past tense, of the publication day %s or just before", pub)
		}
	default:
		if expl = &ac.presentExpl; *expl == "" {
			*expl = fmt.Sprintf("no date in the sentence or its paragraph: a statement in the present tense, true on the publication day %s", pub)
		}
	}
	c := newEvent(a, s, st, si, -1, -1, m, Occurrence)
	c.cit.Expression, c.cit.Source, c.cit.Explanation = "", src, *expl
	c.weak, c.past = true, t == tensePast
	c.back = c.past && hasWordOf(st.text, backWords)
	return c, true
}

// onlyDates reports whether the sentence s, whose clean text is text, says
// nothing but its dates in (a dateline: "June 8, 2010").
func onlyDates(text string, s *Sentence, in []dates.Mention) bool {
	if len(in) == 0 {
		return false
	}
	letters, at := 0, 0
	count := func(part string) {
		for _, r := range part {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	for _, m := range in {
		ms, me := s.ToClean(m.Start), s.ToClean(m.End)
		if ms > at {
			count(text[at:ms])
		}
		at = max(at, me)
	}
	count(text[min(at, len(text)):])
	return letters < 2
}

// inQuotation reports whether a sentence is a quotation and nothing else
// ("“I wish him good health.”") or the inside of one that an earlier
// sentence opened ("I would say ‘stay healthy.’" after "“I am saying
// this without irony,” Putin said. “I ..."): the words of a report, whose
// event the sentence with the attribution tells.
//
// A sentence that opens and ends with quotation marks but attributes the
// quotation in between ("“One more opportunity ...,” the ministry said,
// adding that “...”") is a report, not a quotation.
func inQuotation(s string) bool {
	s = strings.TrimSpace(s)
	open, n := utf8.DecodeRuneInString(s)
	if open != '“' && open != '"' {
		return false
	}
	i := strings.IndexAny(s[n:], "”\"")
	if i < 0 {
		return false
	}
	rest := s[n+i:]
	_, w := utf8.DecodeRuneInString(rest)
	return !strings.ContainsFunc(rest[w:], unicode.IsLetter)
}

// reportDated reports whether a sentence with dates (in) holds a report
// whose own date none of them gives: the first reporting verb ("said",
// "announced", "claims") comes before every date, none of which stands
// right after it ("said Monday", "announced on Friday", "said last
// week") or names the day of the report ("today"). present says the verb
// is in the present ("The company claims that a deal reached in 1991 was
// broken"): the report is made on the publication day, whatever the date
// of what it tells.
func reportDated(text string, s *Sentence, in []dates.Mention) (dated, present bool) {
	at := -1
	// What the word before says: it ends a subject (a name, "he", a noun
	// after a determiner or possessive: "the mayor", "Apple's lawyer"), it
	// is a determiner or possessive.
	var subject, prevDet bool
	for i, j := nextWord(text, 0); i < len(text); i, j = nextWord(text, j) {
		w := strings.ToLower(text[i:j])
		if pastReporting[w] {
			at = j
			break
		}
		// A present form is lower case (not "States") after its
		// subject: not a plural noun ("the claims", "45 states",
		// "following reports that").
		if presentReporting[w] && isASCIILower(text[i]) && subject {
			at, present = j, true
			break
		}
		// A word with only a space before the next (not "hack,
		// reports", "In 45 states") may end a subject; the first
		// word is capitalised whatever it is.
		det := determiners[w] || w == "s" && i > 0 && text[i-1] == '\''
		plain := j+1 < len(text) && text[j] == ' ' && isASCIILetter(text[j+1])
		subject = plain && !det && (isASCIIUpper(text[i]) && i > 0 || w == "he" || w == "she" || w == "it" || prevDet)
		prevDet = det
	}
	if at < 0 {
		return false, false
	}
	for _, m := range in {
		ms := s.ToClean(m.Start)
		if ms < at {
			return false, false // "Jobs on Friday said": the date is the report's
		}
		// "said Monday", "told reporters on Friday": the date stands in
		// the report's own phrase, before any "that" opens what was said.
		between := strings.Fields(text[at:ms])
		if len(between) <= 3 && !slices.Contains(between, "that") {
			return false, false
		}
	}
	return true, present
}

// presentReporting are reporting verbs in the present, third person: a
// report made at the time of writing ("X claims that ...", "Y says").
var presentReporting = wordSet(`says claims states reports announces confirms denies adds explains notes
	writes insists argues acknowledges admits reveals discloses warns alleges maintains contends asserts`)

// stative reports whether a sentence only describes: its first verb is a
// form of "be" before no participle ("He was one of three doctors", "The
// announcement was long-awaited"), a state that holds around the events
// told, not an event of its own to place on a day.
func stative(s string) bool {
	var buf, nextBuf [32]byte
	word := func(i int, buf []byte) (w []byte, next int) {
		// The next white-space separated word, lower case, without the
		// punctuation around it; words over 32 bytes are cut (none of
		// those looked up is that long).
		for i < len(s) && s[i] < utf8.RuneSelf && asciiSpace[s[i]] {
			i++
		}
		j := i
		for j < len(s) && !(s[j] < utf8.RuneSelf && asciiSpace[s[j]]) {
			j++
		}
		f := strings.Trim(s[i:j], ",.;:“”\"'")
		return lowerASCII(buf[:0], f[:min(len(f), len(buf))]), j
	}
	for i := 0; i < len(s); {
		w, j := word(i, buf[:])
		i = j
		fl := tenseFlags.get(w)
		if fl&(tensePastAux|tenseIrregularPast|tensePresentAux|tensePastReporting) == 0 && !isPastEd(string(w)) {
			continue
		}
		switch string(w) {
		case "was", "were", "is", "are":
		default:
			return false
		}
		next, _ := word(i, nextBuf[:])
		if len(next) == 0 {
			return true
		}
		n := string(next)
		return !isPastEd(n) && !irregularPast[n] && !strings.HasSuffix(n, "ing") && !strings.HasSuffix(n, "en") && n != "not"
	}
	return false
}
