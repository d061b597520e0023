package dates

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// coreClasses are the classes that make a stretch of text date-like; every
// rule's match holds one within its first coreWindow tokens (a test checks
// the rule examples still pass through this filter).
const (
	coreClasses = cMonth | cWeekday | cUnit | cUnits | cSeason | cPOD | cDeictic | cRef | cLast | cNext |
		cSetWord | cDecadeNum | cYearNum | cClock | cHoliday | cNoon | cCentury | cDecadeWord | cAMPM |
		cEarlyLate | cEdge | cHalf | cPeriod
	coreWindow = 5
)

// maxSentence bounds the tokens held at once: the text is processed a
// sentence at a time, so memory stays flat however long the text is.
const maxSentence = 400

// ctxEvery is how many tokens resolve reads between looks at its context.
const ctxEvery = 4096

// run is the state of one Resolve call.
type run struct {
	text string
	opts Options
	// toks is the current sentence.
	toks []token
	out  []Mention
	// last is the most recent anchored mention (its interval start and
	// granularity): narrative text and event-relative expressions ("the day
	// before", "a year earlier") anchor to it.
	last     Date
	lastGran gran
	lastVal  string
	// lastSent is the sentence last was written in.
	lastSent int
	// day is the last day (or time on a day) told that is not the day of
	// a report ("the bomb went off Saturday, police said Monday": the
	// story's day is Saturday), and daySent and dayPara the sentence and
	// paragraph it was written in: a time or part of day with no day of its
	// own takes that day only when it is that close (recentDay).
	day              Date
	daySent, dayPara int
	// para counts the paragraphs begun.
	para     int
	at       [maxSlots]int
	m        matcher
	cands    []cand
	nextCore []int
	// lastEnd is the token after the last piece emitted.
	lastEnd int
	// quarter is the last quarter named in the text ("the third quarter"):
	// financial news compares with it ("a year earlier", "the quarter").
	quarter string
	// deriving is set while a mention computed from quarter is emitted.
	deriving bool
	// fiscal is 1 + the index in out of the last fiscal quarter named with
	// no end of its own ("the fiscal first quarter": an unknown quarter of
	// the calendar, QX), or 0, and fiscalSent the sentence it was named in:
	// "the quarter ended Sept. 30" soon after it tells its end, and dates it.
	fiscal, fiscalSent int
	// quarterEnd is the end told for the quarter in force ("the quarter
	// ended Oct. 31"), or zero.
	quarterEnd Date
	// sent counts the sentences begun; cumulative is the sentence in which
	// a cumulative reporting period ("the nine months", "the first half")
	// was last named after the last quarter, or 0. While it is in force (its
	// sentence and the next), "a year earlier" compares that period, so it
	// is the year before, not the quarter.
	sent, cumulative int
}

type cand struct {
	rule *rule
	end  int
	at   [maxSlots]int
}

func resolve(ctx context.Context, text string, opts Options) ([]Mention, error) {
	r := &run{text: text, opts: opts, toks: make([]token, 0, 64)}
	if opts.Reference.Year < MinYear || opts.Reference.Year > MaxYear {
		r.opts.Reference = Date{}
	}
	z := tokenizer{text: text}
	var t token
	// A period ends a sentence unless a comma or a lower-case word follows
	// it: then it closed an abbreviation ("Birmingham, Ala., killed",
	// "Acme Inc. said"), so the decision waits for the next token.
	period := false
	checked := 0
	for z.next(&t) {
		// A look at ctx every ctxEvery tokens (tens of microseconds of
		// work) keeps a cancelled call from tagging on, at no measurable cost.
		if checked++; checked == ctxEvery {
			checked = 0
			if err := ctx.Err(); err != nil {
				return r.out, err
			}
		}
		if period && !(t.kind == kPunct && (t.punct == ',' || t.punct == ';') || t.kind == kWord && t.flags&fCap == 0) {
			r.sentence()
		}
		period = false
		if t.flags&fBreak != 0 && len(r.toks) > 0 {
			r.sentence()
		}
		r.toks = append(r.toks, t)
		switch {
		case len(r.toks) >= maxSentence, t.kind == kPunct && (t.punct == '!' || t.punct == '?'):
			r.sentence()
		case t.kind == kPunct && t.punct == '.':
			period = true
		}
	}
	r.sentence()
	return r.out, nil
}

// sentence tags and resolves the tokens of one sentence, then drops them.
func (r *run) sentence() {
	if len(r.toks) == 0 {
		return
	}
	r.sent++
	if r.toks[0].flags&fBreak != 0 {
		r.para++
	}
	r.mergeNumbers()
	toks := r.toks
	// nextCore[i] is the first token at or after i with a core class: every
	// rule needs one within coreWindow tokens of its start, so most tokens
	// ("the", "a", numbers) are skipped without trying any rule.
	r.nextCore = r.nextCore[:0]
	for range toks {
		r.nextCore = append(r.nextCore, 0)
	}
	next := len(toks) + coreWindow
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].class&coreClasses != 0 {
			next = k
		}
		r.nextCore[k] = next
	}
	for i := 0; i < len(toks); {
		if toks[i].class&triggers == 0 || r.nextCore[i] >= i+coreWindow {
			i++
			continue
		}
		end := r.matchRules(i)
		if end > i {
			i = end
		} else {
			i++
		}
	}
	r.toks = r.toks[:0]
}

// matchRules tries every rule that can start at token i, builds the longest
// match a rule accepts, and returns the end of what was consumed (or i).
func (r *run) matchRules(i int) int {
	toks := r.toks
	r.cands = r.cands[:0]
	for _, ru := range rules {
		if toks[i].class&ru.first == 0 {
			continue
		}
		if ru.lead >= 0 {
			ok := false
			for k := i; k <= i+ru.lead && k < len(toks); k++ {
				if toks[k].class&ru.need != 0 {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		end, ok := r.m.matchAt(ru.pat, r.text, toks, i, r.at[:])
		if !ok {
			continue
		}
		c := cand{rule: ru, end: end}
		c.at = r.at
		r.cands = append(r.cands, c)
	}
	// Longest first; among equals, table order.
	for len(r.cands) > 0 {
		bi := 0
		for k, c := range r.cands {
			if c.end > r.cands[bi].end {
				bi = k
			}
		}
		c := r.cands[bi]
		m := match{r: r, toks: toks, start: i, end: c.end, at: c.at, n: len(c.rule.pat)}
		n := len(r.out)
		if c.rule.build(r, &m) && len(r.out) > n {
			return r.lastEnd
		}
		r.out = r.out[:n]
		r.cands = append(r.cands[:bi], r.cands[bi+1:]...)
	}
	return i
}

// mergeNumbers joins spelled-out numbers: "twenty four", "twenty-four",
// "twenty-first", "two hundred".
func (r *run) mergeNumbers() {
	toks := r.toks
	w := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.class&cNumWord != 0 && t.val >= 20 && t.val <= 90 && t.val%10 == 0 {
			j := i + 1
			if j+1 < len(toks) && toks[j].kind == kPunct && toks[j].punct == '-' && toks[j].flags&fSpace == 0 && toks[j+1].flags&fSpace == 0 {
				j++
			}
			if j < len(toks) && toks[j].val >= 1 && toks[j].val <= 9 && toks[j].class&(cNumWord|cOrdWord) != 0 {
				t.val += toks[j].val
				t.class = toks[j].class & (cNumWord | cOrdWord)
				t.end = toks[j].end
				i = j
			}
		}
		if t.class&cNumWord != 0 && t.val < 100 && i+1 < len(toks) && toks[i+1].class&cNumWord != 0 && (toks[i+1].val == 100 || toks[i+1].val == 1000) {
			t.val *= toks[i+1].val
			t.end = toks[i+1].end
			i++
		}
		// "2 1/2": a number and a half.
		if t.kind == kNum && t.class&cDigits != 0 && i+3 < len(toks) && toks[i+1].kind == kNum && toks[i+1].val == 1 &&
			toks[i+2].punct == '/' && toks[i+2].flags&fSpace == 0 && toks[i+3].val == 2 && toks[i+3].flags&fSpace == 0 && toks[i+3].kind == kNum {
			t.flags |= fHalf
			t.class = cDigits
			t.end = toks[i+3].end
			i += 3
		}
		// "nineteen ninety-six": a year said in words.
		if t.class&cNumWord != 0 && t.val >= 10 && t.val <= 20 && i+1 < len(toks) {
			if n := r.spelledTens(i + 1); n.ok {
				if y := t.val*100 + n.val; y >= 1000 && y <= 2099 {
					t.val = y
					t.class = cNumWord | cYearNum
					t.end = n.end
					i = n.last
				}
			}
		}
		toks[w] = t
		w++
	}
	r.toks = toks[:w]
}

type tens struct {
	val       int32
	end, last int
	ok        bool
}

// spelledTens reads a two-digit number in words at token i ("ninety-six",
// "ninety six", "eleven"), for years said in words.
func (r *run) spelledTens(i int) tens {
	toks := r.toks
	t := toks[i]
	if t.class&cNumWord == 0 || t.val < 10 || t.val > 90 {
		return tens{}
	}
	out := tens{val: t.val, end: t.end, last: i, ok: true}
	if t.val%10 == 0 && t.val >= 20 {
		j := i + 1
		if j+1 < len(toks) && toks[j].punct == '-' && toks[j].flags&fSpace == 0 {
			j++
		}
		if j < len(toks) && toks[j].class&cNumWord != 0 && toks[j].val >= 1 && toks[j].val <= 9 {
			out.val += toks[j].val
			out.end, out.last = toks[j].end, j
		}
	}
	return out
}

// match is a rule's match over the sentence's tokens.
type match struct {
	r          *run
	toks       []token
	start, end int
	at         [maxSlots]int
	n          int
}

// shiftSlots drops the first k slots, so that builders shared by a longer
// pattern index their slots as in the shorter one.
func (m *match) shiftSlots(k int) {
	copy(m.at[:], m.at[k:])
	m.n -= k
}

// tok returns the token of slot si, or nil when the slot was skipped.
func (m *match) tok(si int) *token {
	if si >= m.n || m.at[si] < 0 {
		return nil
	}
	return &m.toks[m.at[si]]
}

// find returns the first matched token with a class in c.
func (m *match) find(c class) *token {
	for k := m.start; k < m.end; k++ {
		if m.toks[k].class&c != 0 {
			return &m.toks[k]
		}
	}
	return nil
}

// word returns the text of t.
func (m *match) word(t *token) string { return m.r.text[t.start:t.end] }

// text returns the matched text.
func (m *match) text() string { return m.r.text[m.toks[m.start].start:m.toks[m.end-1].end] }

// is reports whether the matched text of slot si equals w (any case).
func (m *match) is(si int, w string) bool {
	t := m.tok(si)
	return t != nil && len(w) == t.end-t.start && equalFold(m.word(t), w)
}

// equalFold reports whether a and b are equal with ASCII letters compared
// in any case. The rules' words are ASCII: no Unicode folding is wanted
// (strings.EqualFold would let the Kelvin sign match "k").
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if isUpper(x) {
			x |= 0x20
		}
		if isUpper(y) {
			y |= 0x20
		}
		if x != y {
			return false
		}
	}
	return true
}

// before returns the token before the match, or nil.
func (m *match) before(k int) *token {
	if m.start-k < 0 {
		return nil
	}
	return &m.toks[m.start-k]
}

// after returns the k-th token after the match (1 is the next), or nil.
func (m *match) after(k int) *token {
	if m.end+k-1 >= len(m.toks) {
		return nil
	}
	return &m.toks[m.end+k-1]
}

// wordIs reports whether t is one of the words ws (any case).
func (r *run) wordIs(t *token, ws ...string) bool {
	if t == nil || t.kind != kWord {
		return false
	}
	for _, w := range ws {
		if equalFold(r.text[t.start:t.end], w) {
			return true
		}
	}
	return false
}

// piece is one resolved mention a rule emits, before it becomes a Mention.
type piece struct {
	from, to int // token range [from, to)
	typ      Type
	value    string
	mod      string
	tense    Tense
	expl     string
	// start and end are the interval of a duration whose end is told
	// ("the year ended June 30"); zero otherwise.
	start, end Date
}

// emit appends a mention for tokens [p.from, p.to) unless the value is not
// well-formed (years beyond 9999 and the like), which drops it.
func (r *run) emit(p piece) bool {
	pv, ok := parseValue(p.value) // parsed once: the interval below needs it too
	if !ok || p.from >= p.to {
		return false
	}
	// Optional slots can leave a comma or "of" at the end: not part of it.
	for p.to-1 > p.from && (r.toks[p.to-1].kind == kPunct || r.wordIs(&r.toks[p.to-1], "of", "or", "and", "to")) {
		p.to--
	}
	// "the next year or so", "1994 or later", "1990 and beyond": an
	// approximation or an open end that belongs to it.
	if p.to+1 < len(r.toks) && r.wordIs(&r.toks[p.to], "or", "and") {
		mod := 0
		switch a, b := &r.toks[p.to], &r.toks[p.to+1]; {
		case r.wordIs(a, "or") && r.wordIs(b, "so"):
			mod = modApprox
		// ("October 1984 and later served": "and later" joins a verb.)
		case p.typ == TypeDate && (r.wordIs(a, "or") && r.wordIs(b, "later") || r.wordIs(a, "and") && r.wordIs(b, "beyond")):
			mod = modOnOrAfter
		case p.typ == TypeDate && r.wordIs(a, "or") && r.wordIs(b, "earlier", "sooner"):
			mod = modOnOrBefore
		}
		if mod != 0 {
			p.to += 2
			if p.mod == "" {
				p.mod = modNames[mod]
			}
		}
	}
	// "a year or two", "weeks or months", "two or three weeks": a length
	// given as a choice is one approximate length (TimeML: the first with
	// mod APPROX, as TBAQ writes "weeks or months").
	if p.typ == TypeDuration {
		n := r.orLength(p.to)
		p.to += n
		if f := p.from; f >= 2 && r.wordIs(&r.toks[f-1], "or") && r.countWord(f-2) && r.countWord(f) {
			p.from, n = p.from-2, n+2
		}
		if n > 0 && p.mod == "" {
			p.mod = modNames[modApprox]
		}
	}
	// A quantifier before a length ("nearly two years", "more than four
	// decades ago") belongs to the expression and sets its mod.
	if first := &r.toks[p.from]; (p.typ == TypeDuration || r.wordIs(&r.toks[p.to-1], "ago")) && first.class&(cNumWord|cDigits|cIndef|cFew) != 0 {
		for {
			mod, n := r.quantifierBefore(p.from)
			if n == 0 {
				break
			}
			p.from -= n
			if p.mod == "" {
				p.mod = mod
			}
		}
	}
	// "around Nov. 1", "about 7:15 p.m.": an approximate date or time.
	if (p.typ == TypeDate || p.typ == TypeTime) && p.from > 0 && r.wordIs(&r.toks[p.from-1], "around", "about", "approximately", "roughly") && !r.aboutIsTopic(p.from-1) &&
		r.toks[p.from].class&(cMonth|cClock|cDigits) != 0 {
		p.from--
		if p.mod == "" {
			p.mod = modNames[modApprox]
		}
	}
	if r.titleCase(p.from, p.to) {
		return false
	}
	if p.tense == TenseUnknown {
		p.tense = r.tense(p.from, p.to)
	}
	ms := Mention{
		Start: r.toks[p.from].start, End: r.toks[p.to-1].end,
		Type: p.typ, Value: p.value, Mod: p.mod, Tense: p.tense, Explanation: p.expl,
	}
	ms.Text = r.text[ms.Start:ms.End]
	if s, e, ok := pv.calendar(); ok && p.typ != TypeDuration && p.typ != TypeSet {
		ms.StartDate, ms.EndDate = s, e
		r.last, r.lastGran, r.lastVal = s, pv.gran, p.value
		r.lastSent = r.sent
		if pv.gran >= gDay && !r.reportDay(p.from, p.to) {
			r.day, r.daySent, r.dayPara = s, r.sent, r.para
		}
		switch {
		case pv.gran == gQuarter && !r.deriving && r.reportable(s, e, p.tense, p.from, p.to):
			r.quarter, r.cumulative, r.quarterEnd = p.value, 0, Date{}
		case pv.gran == gHalf:
			r.cumulative = r.sent
		}
	} else if pv.gran == gQuarter && pv.year > 0 && !r.deriving {
		// A fiscal quarter: the quarter reported, though not on the calendar.
		r.quarter, r.cumulative, r.quarterEnd = p.value, 0, Date{}
		r.fiscal, r.fiscalSent = len(r.out)+1, r.sent
	} else if p.typ == TypeDuration && r.cumulativePeriod(p) {
		r.cumulative = r.sent
	}
	if p.typ == TypeDuration && !p.start.IsZero() {
		ms.StartDate, ms.EndDate = p.start, p.end
	}
	r.out = append(r.out, ms)
	r.lastEnd = p.to
	return true
}

// countWord reports whether token i is a plain count ("two", "3"), not an
// amount of money or a year.
func (r *run) countWord(i int) bool {
	t := &r.toks[i]
	return t.class&(cNumWord|cDigits) != 0 && t.flags&(fMoney|fGrouped|fDecimal) == 0 && t.class&cYearNum == 0
}

// orLength returns how many tokens after j continue a length as another
// choice: "or two" before a stop ("in a year or two, ..."), "or months",
// "or 10 years"; 0 when none does ("three years or $5 million", "two years
// or more", "a day or two later", which is a date).
func (r *run) orLength(j int) int {
	if j+1 >= len(r.toks) || !r.wordIs(&r.toks[j], "or") {
		return 0
	}
	b := &r.toks[j+1]
	if b.class&cUnits != 0 {
		return 2
	}
	if !r.countWord(j + 1) {
		return 0
	}
	if j+2 >= len(r.toks) {
		return 2
	}
	switch c := &r.toks[j+2]; {
	case c.class&cUnits != 0:
		return 3
	case c.kind == kPunct || r.wordIs(c, "of", "in", "to", "and", "before", "after", "for"):
		return 2
	}
	return 0
}

// titleCase reports whether tokens [i, j) are a name in title case, not
// a time: a unit, part of day, "noon" or "today" capitalised inside a
// sentence (ABC's "This Week", CBS's "60 Minutes", the film "High Noon",
// "USA Today"), or a year that ends or continues a name: right after a
// capitalised word that is not the sentence's first and knows no date
// role, and not before a common noun (the company "Orion 1980").
// Holidays ("Election Day") are names of days and stay.
func (r *run) titleCase(i, j int) bool {
	if t := &r.toks[i]; j-i == 1 && t.class&cYearNum != 0 && i >= 2 {
		p, n := &r.toks[i-1], (*token)(nil)
		if j < len(r.toks) {
			n = &r.toks[j]
		}
		// ("the US 2020 election", "the Clinton 1996 campaign": a year
		// before a common noun or after an acronym is a date.)
		if p.kind == kWord && p.flags&fCap != 0 && p.class == 0 && p.end-p.start > 1 && !isUpper(r.text[p.start+1]) &&
			r.toks[i-2].kind == kWord && (n == nil || n.kind != kWord || n.flags&fCap != 0) {
			return true
		}
	}
	title := false
	for k := i; k < j; k++ {
		t := &r.toks[k]
		if t.class&cHoliday != 0 {
			return false
		}
		if t.class&(cUnit|cUnits|cNoon|cPOD|cDeictic) == 0 || t.flags&fCap == 0 || t.end-t.start < 2 || isUpper(r.text[t.start+1]) {
			continue
		}
		if k > i {
			title = true
			continue
		}
		if k > 0 {
			// (A quote opens a title but also a quoted sentence: "Today we
			// vote" is a day.)
			if p := &r.toks[k-1]; p.kind == kWord && p.flags&fCap != 0 || t.class&cDeictic == 0 && p.kind == kPunct && (p.punct == '`' || p.punct == '"' || p.punct == '\'') {
				title = true
			}
		}
	}
	return title
}

// reportable reports whether a quarter from s to e, named by tokens [i, j)
// in a clause of tense t, can be the period a results story reports, which
// later comparisons ("a year earlier", "the year-ago period") refer to:
// not one that has not begun by the reference date ("losses through the
// third quarter of 1990"), nor an unfinished one spoken of in the future
// ("expect the trend to continue into the fourth quarter"; "expects to
// report a third-quarter loss" after the quarter ended is a report), nor
// one that is the head of an indefinite noun phrase ("after a flat second
// quarter"), which is an aside ("a third-quarter loss" is a loss of the
// quarter reported).
func (r *run) reportable(s, e Date, t Tense, i, j int) bool {
	if ref := r.opts.Reference; !ref.IsZero() && (ref.Before(s) || t == TenseFuture && ref.Before(e)) {
		return false
	}
	if j-i < 2 || r.toks[j-2].kind == kPunct {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if r.wordIs(&r.toks[k], "a", "an") {
			return false
		}
		if r.toks[k].kind != kWord {
			break
		}
	}
	return true
}

// cumulativePeriod reports whether duration p names a reporting period
// longer than a quarter and shorter than a year, with a definite article:
// "the nine months", "the first nine months", "in the latest six months".
func (r *run) cumulativePeriod(p piece) bool {
	v := p.value
	if len(v) < 3 || v[len(v)-1] != 'M' || v[1] == 'T' {
		return false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || n <= 3 || n >= 12 {
		return false
	}
	for k := p.from; k >= 0 && k >= p.from-2; k-- {
		if r.wordIs(&r.toks[k], "the") {
			return true
		}
	}
	return false
}

// periodYear reports whether a cumulative period is in force: the
// comparison "a year earlier" then means the year before, not a quarter.
func (r *run) periodYear() bool {
	return r.cumulative > 0 && r.sent-r.cumulative <= 1
}

// quantifierBefore reports the quantifier that ends just before token i
// and how many tokens it takes.
func (r *run) quantifierBefore(i int) (string, int) {
	if i >= 2 && r.toks[i-1].kind == kWord && r.toks[i-2].kind == kWord {
		a, b := &r.toks[i-2], &r.toks[i-1]
		// "no more than sixty days" is at most sixty, "no less than" at
		// least: the negation belongs to the quantifier.
		not := i >= 3 && r.wordIs(&r.toks[i-3], "no", "not")
		switch {
		case r.wordIs(a, "more", "greater") && r.wordIs(b, "than"):
			if not {
				return modNames[modEqualOrLess], 3
			}
			return modNames[modMoreThan], 2
		case r.wordIs(a, "less", "fewer") && r.wordIs(b, "than"):
			if not {
				return modNames[modEqualOrMore], 3
			}
			return modNames[modLessThan], 2
		case r.wordIs(a, "at") && r.wordIs(b, "least"):
			return modNames[modEqualOrMore], 2
		case r.wordIs(a, "at") && r.wordIs(b, "most"), r.wordIs(a, "up") && r.wordIs(b, "to"):
			return modNames[modEqualOrLess], 2
		}
	}
	if i >= 1 && r.toks[i-1].class&cApprox != 0 {
		if i >= 2 && r.wordIs(&r.toks[i-1], "over") && r.overIsDuring(i-2) || r.aboutIsTopic(i-1) {
			return "", 0
		}
		return modNames[r.toks[i-1].val], 1
	}
	return "", 0
}

// aboutIsTopic reports whether token k is an "about" that a verb or noun
// before it governs ("talking about three days", "worried about next
// week", "questions about 1990"): it names a topic, it does not
// approximate the time after it.
func (r *run) aboutIsTopic(k int) bool {
	return k >= 1 && r.wordIs(&r.toks[k], "about") && r.wordIs(&r.toks[k-1], "talk", "talks", "talking", "talked", "think", "thinking",
		"thought", "speak", "speaking", "spoke", "ask", "asked", "asking", "worry", "worried", "worrying", "concerned", "care", "cares",
		"know", "knew", "learn", "learned", "wrote", "write", "writing", "said", "say", "questions", "question", "concern", "concerns")
}

// overIsDuring reports whether "over" after token k means "during", not
// "more than": after a regular past participle ("evolved over several
// years", "can be used over three years"), but not after a verb of
// lasting or spending ("lasted over a week", "waited over an hour") nor
// after an irregular one ("spent over a week", "was over a year").
func (r *run) overIsDuring(k int) bool {
	t := &r.toks[k]
	if t.kind != kWord || r.wordIs(t, "lasted", "waited", "stayed", "remained", "served", "needed", "required", "delayed", "extended") {
		return false
	}
	w := r.text[t.start:t.end]
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}

// anchor is the date relative expressions resolve against: the reference,
// or in narrative text the last date mentioned.
func (r *run) anchor() (Date, string) { return r.anchorAt(gDay) }

// relativeYear is the year that "this", "last" or "next" (the token t)
// names relative to the anchor, and the anchor's description; ok is false
// when there is no anchor.
func (r *run) relativeYear(t *token) (year int, anchor string, ok bool) {
	a, as := r.anchor()
	if a.IsZero() {
		return 0, as, false
	}
	switch {
	case t.class&cNext != 0:
		return a.Year + 1, as, true
	case t.class&cThis == 0:
		return a.Year - 1, as, true
	}
	return a.Year, as, true
}

// anchorAt is the anchor for an expression of granularity g: in narrative
// text the last date mentioned, when it is at least that fine ("the next
// day" after "in 1998" has no day to count from: zero, so the expression
// stays unanchored), else the reference.
func (r *run) anchorAt(g gran) (Date, string) {
	if r.opts.DocType == Narrative && !r.last.IsZero() {
		if r.lastGran >= g {
			return r.last, "the last date mentioned, " + r.last.String()
		}
		return Date{}, "the last date mentioned, " + r.lastVal
	}
	return r.opts.Reference, r.opts.Reference.String()
}

// eventAnchor is the date an event-relative expression of granularity g
// ("the day before", "a year earlier") counts from: the last date
// mentioned when it is at least that fine, else the anchor.
func (r *run) eventAnchor(g gran) (Date, string) {
	if !r.last.IsZero() && r.lastGran >= g {
		return r.last, "the last date mentioned, " + r.last.String()
	}
	return r.anchorAt(g)
}

// recentDay is the day last told (day: not the day of a report) when it
// was written close by: at most sentences sentences back, or with a
// negative count anywhere in the same paragraph. It is the
// narrative anchor inside news: "He was killed on Oct. 23. ... He was shot
// at 10 p.m.", "The bomb went off March 3. The next morning ...".
func (r *run) recentDay(sentences int) (Date, string, bool) {
	if r.day.IsZero() {
		return Date{}, "", false
	}
	if sentences < 0 && r.dayPara != r.para || sentences >= 0 && r.sent-r.daySent > sentences {
		return Date{}, "", false
	}
	return r.day, "the day last told, " + r.day.String(), true
}

// reportDay reports whether tokens [i, j) date a report, not the story:
// a reporting verb right before ("said Monday", "said on Monday") or right
// after ("Monday said") them.
func (r *run) reportDay(i, j int) bool {
	if j < len(r.toks) && r.wordIs(&r.toks[j], reportingVerbs...) {
		return true
	}
	k := i - 1
	if k >= 0 && r.wordIs(&r.toks[k], "on") {
		k--
	}
	return k >= 0 && r.wordIs(&r.toks[k], reportingVerbs...)
}

// reportingVerbs are the past and present forms that report speech.
var reportingVerbs = []string{"said", "says", "told", "added", "announced", "reported"}

// unitGran is the granularity of a unit's values.
func unitGran(unit int) gran {
	switch unit {
	case uDay:
		return gDay
	case uWeek, uWeekend:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gTime
}

// tense reads the orientation of the clause around tokens [i, j): the
// nearest tense-marking word in the sentence (auxiliaries, past-tense verbs,
// "will", "next"), preferring the left side on a tie. A verb governed by a
// future modal or an infinitive ("will be held", "plans to meet") is future.
func (r *run) tense(i, j int) Tense {
	left, right := TenseUnknown, TenseUnknown
	ld, rd := 1<<30, 1<<30
	for k := i - 1; k >= 0; k-- {
		if t := &r.toks[k]; t.class&cTenseMark != 0 && t.tense != TenseUnknown && !r.notVerb(k) {
			left, ld = r.governed(k, t.tense), i-k
			break
		}
	}
	comma := j > 0 && r.toks[j-1].kind == kPunct && r.toks[j-1].punct == ','
	for k := j; k < len(r.toks); k++ {
		if r.toks[k].kind == kPunct && r.toks[k].punct == ',' {
			comma = true
		}
		if t := &r.toks[k]; t.class&cTenseMark != 0 && t.tense != TenseUnknown && !r.notVerb(k) {
			// "... in early March, an official said": a reporting verb
			// after a comma tells when it was said, not when the reported
			// thing happens; the clause's own verb decides.
			if comma && left != TenseUnknown && r.wordIs(t, reportingVerbs...) {
				break
			}
			right, rd = r.governed(k, t.tense), k-j+1
			// "were planning", "is expected": the verb after the auxiliary
			// decides.
			// ("announced plans" is a past verb and its object).
			if k+1 < len(r.toks) && r.toks[k+1].tense == TenseFuture && r.toks[k+1].class&cDeictic == 0 &&
				r.wordIs(t, "was", "were", "is", "are", "am", "had", "has", "have", "did") {
				right = TenseFuture
			}
			break
		}
	}
	// "postponed until Tuesday", "extended to Nov. 16": a delay moves a
	// thing to a later date, whatever the tense.
	if i > 1 && r.wordIs(&r.toks[i-1], "until", "till", "to") &&
		r.wordIs(&r.toks[i-2], "postponed", "delayed", "deferred", "adjourned", "extended", "rescheduled", "off") {
		return TenseFuture
	}
	// "since March", "since shortly after the Oct. 23 slaying": always
	// before.
	for k := i - 1; k >= 0 && k >= i-4 && r.toks[k].kind == kWord; k-- {
		if r.wordIs(&r.toks[k], "since") {
			return TensePast
		}
	}
	// "payable Dec. 7", "effective Feb. 1": a coming date, unless a past
	// verb stands right beside it ("until Thursday, they had not") or the
	// plan is told in the past perfect ("it had been due to expire
	// Friday": the date has passed).
	// "loans through January" is a term still running; "this year through
	// August" is a range whose start decides.
	if i > 0 && r.toks[i-1].class&cForward != 0 || i > 1 && r.toks[i-2].class&cForward != 0 && r.toks[i-1].kind == kWord && r.toks[i-1].class&cOf == 0 {
		f := i - 1
		if r.toks[f].class&cForward == 0 {
			f--
		}
		if !(left == TensePast && ld <= 3 || right == TensePast && rd <= 3 || r.pastPerfectBefore(i) ||
			r.wordIs(&r.toks[f], "through") && f > 0 && len(r.out) > 0 && r.out[len(r.out)-1].End == r.toks[f-1].end) {
			return TenseFuture
		}
	}
	// "as soon as Tuesday", "as early as next week".
	if i > 1 && r.wordIs(&r.toks[i-1], "as") && r.wordIs(&r.toks[i-2], "soon", "early") {
		return TenseFuture
	}
	if left == TensePresent && r.infinitiveBetween(i-ld, i, false) || left == TensePast && r.infinitiveBetween(i-ld, i, true) {
		left = TenseFuture // "is to resume trading Tuesday", "agreed to buy it in February"
	}
	if left != TenseUnknown && ld <= rd+leftBias {
		return left
	}
	if right != TenseUnknown {
		return right
	}
	return left
}

// pastPerfectBefore reports whether "had" stands among the six words
// before token i.
func (r *run) pastPerfectBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if r.wordIs(&r.toks[k], "had") {
			return true
		}
	}
	return false
}

// notVerb reports whether the tense word at k is not a verb here: "plans"
// without an infinitive is a noun ("set aside vacation plans for the
// trip"; "plans to meet" is a verb or a plan, future either way), and an
// -ed word after an article, a possessive or "still" modifies a noun
// rather than telling a past event ("on a still unspecified date", "the
// proposed merger", "its restated results"), as does one after a
// determiner and an -ly adverb ("the hastily planned trip"). Other -ed
// words the lexicon knows are left alone.
func (r *run) notVerb(k int) bool {
	t := &r.toks[k]
	if r.wordIs(t, "plans") {
		return k+1 >= len(r.toks) || !r.wordIs(&r.toks[k+1], "to")
	}
	if k == 0 || t.kind != kWord {
		return false
	}
	w := r.text[t.start:t.end]
	if len(w) < 4 || w[len(w)-2:] != "ed" {
		return false
	}
	// "the hastily planned trip": an -ly adverb between a determiner and
	// the -ed word makes it an adjective, even one the lexicon knows.
	if p := &r.toks[k-1]; k >= 2 && p.kind == kWord && strings.HasSuffix(strings.ToLower(r.text[p.start:p.end]), "ly") &&
		r.wordIs(&r.toks[k-2], determiners...) {
		return true
	}
	if t.tense != TensePast {
		return false
	}
	if _, ok := lexicon[strings.ToLower(w)]; ok {
		return false
	}
	return r.wordIs(&r.toks[k-1], append(determiners, "still", "newly")...)
}

// determiners are the words before which an -ed word modifies a noun.
var determiners = []string{"a", "an", "the", "its", "their", "his", "her", "our"}

// infinitiveBetween reports whether "to" and a verb-like word stand between
// tokens a and b (a plan: "is to resume", "are set to meet"). After a past
// verb, only an infinitive of intent counts ("agreed to buy it in
// February", "was set to resume Monday"): in "shot to death last Oct. 23"
// or "extended their offers to acquire it Friday" the date is the past
// verb's.
func (r *run) infinitiveBetween(a, b int, intent bool) bool {
	// A comma and a preposition after the infinitive start an adjunct of
	// the clause, not of the infinitive: "is continuing to try to sell
	// itself, under a June agreement" names an existing agreement.
	for k := b - 1; k > a; k-- {
		if r.toks[k].kind == kPunct && r.toks[k].punct == ',' && k+1 < b &&
			r.wordIs(&r.toks[k+1], "under", "in", "on", "at", "with", "after", "before", "during", "since", "despite") {
			a = k
			break
		}
	}
	for k := a + 1; k+1 < b; k++ {
		if r.wordIs(&r.toks[k], "to") && r.toks[k+1].kind == kWord && r.toks[k+1].flags&fCap == 0 && r.toks[k+1].class&(cDet|cIndef) == 0 &&
			(!intent || r.intentBefore(k)) {
			return true
		}
	}
	return false
}

// intentBefore reports whether a word of intent governs the "to" at k:
// right before it ("agreed to") or before its object ("subpoenaed
// 6-year-old Elian to testify", "ordered them to leave").
func (r *run) intentBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		t := &r.toks[b]
		if t.kind == kPunct && t.punct != '-' {
			return false
		}
		if intentWords[strings.ToLower(r.text[t.start:t.end])] {
			return true
		}
		if t.class&cTenseMark != 0 || r.wordIs(t, "for", "of", "in", "on", "at", "with", "by", "from") {
			return false // "voted for an Arab force to protect it": the force's purpose
		}
	}
	return false
}

// intentWords are the verbs and nouns of intent whose infinitive looks
// ahead even in a past clause: "decided to admit them in March".
var intentWords = map[string]bool{
	"agreed": true, "decided": true, "voted": true, "promised": true, "pledged": true, "vowed": true,
	"arranged": true, "set": true, "slated": true, "poised": true, "subpoenaed": true, "summoned": true,
	"agreement": true, "ordered": true, "prepared": true,
	// Base forms after "did" or "did not": "did not plan to remove him on
	// Thursday morning".
	"plan": true, "intend": true, "agree": true, "decide": true, "promise": true, "vow": true,
}

// leftBias is how much nearer a tense word after a date must be to win
// over one before it: the verb that governs a date mostly precedes it
// ("was busy on Friday", "will meet Bush on Thursday").
const leftBias = 4

// governed returns the tense of the verb at k given the three words before
// it: a future modal or "to" there makes it future.
func (r *run) governed(k int, t Tense) Tense {
	if t == TenseFuture {
		// "had been scheduled to expire Friday", "as previously planned
		// Saturday night": a plan told as past is a past date.
		if r.wordIs(&r.toks[k], "scheduled", "planned", "expected") {
			for b := k - 1; b >= 0 && b >= k-2 && r.toks[b].kind == kWord; b-- {
				if r.wordIs(&r.toks[b], "had", "previously", "originally") {
					return TensePast
				}
			}
		}
		return t
	}
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		x := &r.toks[b]
		if x.kind != kWord {
			break
		}
		if b == k-1 && t == TensePast && x.tense == TensePresent {
			return TensePresent // "is heard": a passive, not a past
		}
		if x.tense == TenseFuture && x.class&(cNext|cDeictic) == 0 || r.wordIs(x, "to") {
			return TenseFuture
		}
	}
	return t
}

// weekdayFrom returns the weekday wd (ISO 1..7) nearest d in direction dir:
// dir < 0 on or before d, dir > 0 on or after d. strict excludes d itself.
func weekdayFrom(d Date, wd int, dir int, strict bool) Date {
	cur := int(d.Weekday()+6)%7 + 1
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if back == 0 && strict {
			back = 7
		}
		return d.AddDays(-back)
	}
	fwd := (wd - cur + 7) % 7
	if fwd == 0 && strict {
		fwd = 7
	}
	return d.AddDays(fwd)
}

// unitValue formats d at the granularity of unit.
func unitValue(d Date, unit int) string {
	switch unit {
	case uDay:
		return dayValue(d)
	case uWeek:
		return weekValue(d)
	case uWeekend:
		return weekendValue(d)
	case uMonth:
		return monthValue(d.Year, d.Month)
	case uQuarter:
		return quarterValue(d.Year, (int(d.Month)-1)/3+1)
	case uYear:
		return yearValue(d.Year)
	case uDecade:
		return string(pad(nil, d.Year/10, 3))
	case uCentury:
		return string(pad(nil, d.Year/100, 2))
	}
	return ""
}

// unknownValue is the unanchored value at the granularity of unit.
func unknownValue(unit int) string {
	switch unit {
	case uDay:
		return "XXXX-XX-XX"
	case uWeek:
		return "XXXX-WXX"
	case uWeekend:
		return "XXXX-WXX-WE"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uDecade:
		return "XXX"
	case uCentury:
		return "XX"
	}
	return "XXXX"
}

// monthsIn is the length of the calendar units in months.
var monthsIn = [...]int{uMonth: 1, uQuarter: 3, uYear: 12, uDecade: 120, uCentury: 1200}

// shift moves d by n units, clamping the day for months ("a month before
// March 31" is February 28).
func shift(d Date, unit, n int) Date {
	switch unit {
	case uDay:
		return d.AddDays(n)
	case uWeek, uWeekend:
		return d.AddDays(7 * n)
	case uMonth, uQuarter, uYear, uDecade, uCentury:
		months := n * monthsIn[unit]
		total := d.Year*12 + int(d.Month) - 1 + months
		y, m := total/12, time.Month(total%12+1)
		if total < 0 {
			return Date{}
		}
		day := d.Day
		if dm := daysIn(y, m); day > dm {
			day = dm
		}
		return Date{y, m, day}
	}
	return d
}

var unitNames = [...]string{uSecond: "second", uMinute: "minute", uHour: "hour", uDay: "day",
	uWeek: "week", uWeekend: "weekend", uMonth: "month", uQuarter: "quarter", uYear: "year",
	uDecade: "decade", uCentury: "century"}

func tenseWord(t Tense) string {
	switch t {
	case TensePast:
		return "a past-tense clause"
	case TenseFuture:
		return "a future clause"
	case TensePresent:
		return "a present-tense clause"
	}
	return "a clause of unknown tense"
}

func explain(format string, args ...any) string { return fmt.Sprintf(format, args...) }
