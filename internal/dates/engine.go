package dates

import (
	"context"
	"fmt"

	"github.com/timelined/timelined/internal/sentences"
)

// coreClasses are the classes that make a stretch of text date-like; every
// rule's match holds one within its first coreWindow tokens (a test checks
// the rule examples still pass through this filter).
const (
	coreClasses = cMonth | cWeekday | cUnit | cUnits | cSeason | cPOD | cDeictic | cRef | cLast | cNext |
		cSetWord | cDecadeNum | cYearNum | cClock | cHoliday | cNoon | cCentury | cDecadeWord | cAMPM |
		cEarlyLate | cEdge | cHalf | cPeriod | cOrdNum | cNightWord
	coreWindow = 5
)

// maxSentence bounds the tokens held at once: the text is processed a
// sentence at a time, so memory stays flat however long the text is.
const maxSentence = 400

// ctxEvery is how many tokens resolve reads between looks at its context.
const ctxEvery = 4096

// run is the state of one Resolve call: the text, the mentions found, the
// matcher's scratch space and the memory of what the text has told.
type run struct {
	text string
	opts Options
	// toks is the current sentence.
	toks []token
	out  []Mention
	memory
	at       [maxSlots]int
	m        matcher
	cands    []cand
	nextCore []int
	// lastEnd is the token after the last piece emitted in the sentence:
	// a span may not reach back before it.
	lastEnd int
	// deriving is set while a mention computed from quarter is emitted.
	deriving bool
	// sents are the text's sentences (eventDate looks back into them).
	sents []sentences.Sentence
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
	if r.opts.DocType < News || r.opts.DocType > Colloquial {
		r.opts.DocType = News // a type the engine does not know reads as news
	}
	if r.opts.DocType == News && looksColloquial(text) {
		r.opts.DocType = Colloquial // a post sent as news: read it as the post it is
	}
	r.ref, r.docType = r.opts.Reference, r.opts.DocType
	z := tokenizer{text: text}
	var t token
	// Sentences are the service's (package sentences): the timeline
	// reasons about the same ones.
	sents := sentences.Split(text, nil)
	r.sents = sents
	si, para := 0, -1
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
		for si < len(sents) && t.start >= sents[si].End {
			r.sentence()
			si++
		}
		t.flags &^= fBreak
		if si < len(sents) && sents[si].Para != para && t.start >= sents[si].Start {
			para = sents[si].Para
			if para > 0 {
				t.flags |= fBreak
			}
		}
		r.toks = append(r.toks, t)
		if len(r.toks) >= maxSentence {
			r.sentence()
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
	r.lastEnd = 0
	if r.toks[0].flags&fBreak != 0 {
		r.para++
		r.paraSent = r.sent
	}
	r.mergeNumbers()
	r.settleAmbiguous()
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
	for _, ru := range docRules[r.docType] {
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
		// "480 BC", "AD 70": a year with its era, of any number of digits.
		if e := r.eraAt(toks, i, t); e != 0 {
			if e < 0 { // the era written first: "AD 70"
				t = toks[i+1]
				t.start = toks[i].start
				i++
			} else {
				t.end = toks[i+1].end
				i++
			}
			n := int32(t.val)
			if abs(int(e)) == eraBC {
				t.val = 1 - n
			}
			t.class, t.flags = cDigits|cYearNum, t.flags|fEra
			// "499-493 BC", "496 and 495 BC", "from 218 to 201 BC": the
			// first end of a range takes the era written after the second.
			if e > 0 && w >= 2 && plainNumber(&toks[w-2]) && r.rangeWord(&toks[w-1]) {
				if f := toks[w-2].val; (e == eraBC && f > n && f-n <= 200) || (e == eraAD && f < n && n-f <= 200) {
					toks[w-2].class, toks[w-2].flags = cDigits|cYearNum, toks[w-2].flags|fEra
					if e == eraBC {
						toks[w-2].val = 1 - f
					}
				}
			}
		}
		toks[w] = t
		w++
	}
	r.toks = toks[:w]
}

// settleAmbiguous keeps the calendar class of a word marked fAmbig ("may",
// "march", "sat", "sun") only where a date stands: a weekday after a word
// that introduces a day ("this sat", "on sun", "till wed") or before a part
// of day, a clock time or a day number ("sat night", "sun 3pm"); a month
// next to a day number or a year ("may 5", "5th march", "march 2014") or
// after "in", "early", "late", "mid" ("in march"). Elsewhere they are the
// verb, the noun or the name they also are ("you may", "he sat", "the sun").
func (r *run) settleAmbiguous() {
	toks := r.toks
	for i := range toks {
		t := &toks[i]
		if t.flags&fAmbig == 0 {
			continue
		}
		var prev, next *token
		if i > 0 {
			prev = &toks[i-1]
		}
		if i+1 < len(toks) {
			next = &toks[i+1]
		}
		keep := false
		if t.class&cWeekday != 0 {
			keep = r.wordIs(prev, dayIntroducers...) ||
				next != nil && (next.class&(cPOD|cClock|cDayNum|cOrdNum|cNoon) != 0 || next.kind == kNum && r.ampmAfter(i+1)) ||
				r.weekdayRange(i) || r.weekdayListed(i)
		} else {
			keep = prev != nil && prev.class&(cDayNum|cOrdNum) != 0 && prev.kind == kNum ||
				next != nil && next.kind == kNum && next.class&(cDayNum|cOrdNum|cYearNum) != 0 ||
				r.wordIs(prev, monthIntroducers...)
		}
		if !keep {
			t.class &^= cMonth | cWeekday
		}
	}
}

// weekdayRange reports whether the weekday word at token i is one end of a
// range of weekdays joined by a hyphen: "mon-fri", "Sat-Sun".
func (r *run) weekdayRange(i int) bool {
	toks := r.toks
	// The other end is a weekday word; an ambiguous one ("Sat-Sun") only
	// when the hyphen touches both.
	end := func(d, k int) bool {
		if k < 0 || k >= len(toks) || toks[d].kind != kPunct || toks[d].punct != '-' || toks[k].class&cWeekday == 0 {
			return false
		}
		return toks[k].flags&fAmbig == 0 || toks[d].flags&fSpace == 0 && toks[max(d, k)].flags&fSpace == 0 &&
			(r.docType == Colloquial || toks[i].flags&toks[k].flags&fCap != 0)
	}
	return i+2 < len(toks) && end(i+1, i+2) || i >= 2 && end(i-1, i-2)
}

// weekdayListed reports whether the weekday word at token i follows
// another day, or a day's part, in a list ("friday night or sat", "mon
// and wed"), or a proposal ("how about sat").
func (r *run) weekdayListed(i int) bool {
	toks := r.toks
	if i < 2 {
		return false
	}
	if r.wordIs(&toks[i-1], "about", "abt") && r.wordIs(&toks[i-2], "how", "what") {
		return true
	}
	if !r.wordIs(&toks[i-1], "or", "and", "&") && !(toks[i-1].kind == kPunct && toks[i-1].punct == ',') {
		return false
	}
	p := &toks[i-2]
	return p.class&cWeekday != 0 || p.class&cPOD != 0 && i >= 3 && toks[i-3].class&cWeekday != 0
}

// ampmAfter reports whether the number at token k has "am" or "pm" after it.
func (r *run) ampmAfter(k int) bool {
	return k+1 < len(r.toks) && r.toks[k+1].class&cAMPM != 0
}

// Eras a year is written with.
const (
	eraBC = 1
	eraAD = 2
)

// eraAt reports whether toks[i] is a year with its era next to it: eraBC
// or eraAD for the era written after the number ("480 BC", "70 AD"), the
// negative for the era written before it ("AD 70"), 0 for neither. Era
// words count only in capitals: "bc" and "ad" are words of their own
// ("2 bc I said so", "an ad").
func (r *run) eraAt(toks []token, i int, t token) int {
	if i+1 >= len(toks) {
		return 0
	}
	// Most tokens are neither a number before a capitalised word nor a
	// capitalised word before a number: out early.
	n := &toks[i+1]
	if !(t.kind == kNum && n.kind == kWord && n.flags&fCap != 0 || t.kind == kWord && t.flags&fCap != 0 && n.kind == kNum) {
		return 0
	}
	// A whole word each: "Yg2BC6O" in a link is no year.
	if i > 0 && t.flags&fSpace == 0 && toks[i-1].kind != kPunct {
		return 0
	}
	if i+2 < len(toks) && toks[i+2].flags&fSpace == 0 && toks[i+2].kind != kPunct {
		return 0
	}
	if plainNumber(&t) && t.val >= 1 && t.val <= 9999 {
		if e := r.era(&toks[i+1]); e != 0 && !(e == eraBC && t.val == 1) {
			return e
		}
		return 0
	}
	if plainNumber(n) && n.val >= 1 && n.val <= 9999 && n.flags&fSpace != 0 && r.era(&t) == eraAD {
		return -eraAD
	}
	return 0
}

// era is the era the word t names, or 0.
func (r *run) era(t *token) int {
	if t.kind != kWord || t.flags&fCap == 0 {
		return 0
	}
	switch r.text[t.start:t.end] {
	case "BC", "B.C.", "B.C", "BCE", "B.C.E.":
		return eraBC
	case "AD", "A.D.", "A.D", "CE", "C.E.":
		return eraAD
	}
	return 0
}

// eraBC reports whether the era "BC" follows the match ("the 5th century
// BC"), and if so takes it into the match.
func (r *run) eraBC(m *match) bool {
	if t := m.after(1); t != nil && r.era(t) == eraBC {
		m.end++
		return true
	}
	return false
}

// plainNumber reports whether t is a whole number written in digits and
// nothing else: no money, grouping, decimals, clock or suffix.
func plainNumber(t *token) bool {
	return t.kind == kNum && t.class&^(cDigits|cDayNum|cYearNum) == 0 && t.class&cDigits != 0 &&
		t.flags&(fMoney|fGrouped|fDecimal|fHalf|fEra) == 0 && t.end-t.start <= 4
}

// rangeWord reports whether t joins the two ends of a range: a dash,
// "to", "and", "or", "until", "through".
func (r *run) rangeWord(t *token) bool {
	return t.kind == kPunct && t.punct == '-' || r.wordIs(t, rangeJoiners...)
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

// next returns the token after t in the sentence, or nil.
func (r *run) next(t *token) *token {
	for k := range r.toks {
		if r.toks[k].start == t.start && k+1 < len(r.toks) {
			return &r.toks[k+1]
		}
	}
	return nil
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
// well-formed (years beyond 9999 and the like) or the words are a name, not
// a time: it settles the span (extend), then records the mention (record).
func (r *run) emit(p piece) bool {
	pv, ok := parseValue(p.value) // parsed once: the interval needs it too
	if !ok || p.from >= p.to {
		return false
	}
	r.extend(&p)
	if r.titleCase(p.from, p.to) {
		return false
	}
	if p.tense == TenseUnknown {
		p.tense = r.tense(p.from, p.to)
	}
	r.record(p, pv)
	return true
}

// extend settles the span of p: it drops a trailing comma or "of" that an
// optional slot left, and takes in the words around it that belong to the
// expression and set its mod ("or so", "a year or two", "nearly", "around").
func (r *run) extend(p *piece) {
	// Optional slots can leave a comma or "of" at the end: not part of it.
	for p.to-1 > p.from && (r.toks[p.to-1].kind == kPunct || r.wordIs(&r.toks[p.to-1], trailingJoiners...)) {
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
		if f := p.from; f-2 >= r.lastEnd && r.wordIs(&r.toks[f-1], "or") && r.countWord(f-2) && r.countWord(f) {
			p.from, n = p.from-2, n+2
		}
		if n > 0 && p.mod == "" {
			p.mod = modNames[modApprox]
		}
	}
	if p.typ == TypeDuration && r.toks[p.from].flags&fPlus != 0 && p.mod == "" {
		p.mod = modNames[modEqualOrMore] // "4+ hours"
	}
	// A quantifier before a length ("nearly two years", "more than four
	// decades ago") belongs to the expression and sets its mod.
	if first := &r.toks[p.from]; (p.typ == TypeDuration || r.wordIs(&r.toks[p.to-1], "ago")) && first.class&(cNumWord|cDigits|cIndef|cFew) != 0 {
		for {
			mod, n := r.quantifierBefore(p.from)
			if n == 0 || p.from-n < r.lastEnd {
				break
			}
			p.from -= n
			if p.mod == "" {
				p.mod = mod
			}
		}
	}
	// "the night of April 18, 1775", "early in the morning of 29 April":
	// a part of a day told keeps it.
	if p.typ == TypeDate && len(p.value) == len("2006-01-02") {
		if from, pod, mod, ok := r.partOfDayOf(p.from); ok {
			p.from, p.typ, p.value = from, TypeTime, p.value+"T"+podCodes[pod]
			if p.mod == "" {
				p.mod = mod
			}
		}
	}
	// "this Sat, 7pm", "May 10, 2014 2pm": a clock right after a day
	// tells the time of that day.
	if v := p.value; (p.typ == TypeDate && len(v) == 10 || p.typ == TypeTime && len(v) == 13 && v[10] == 'T') && isDigit(v[0]) && isDigit(v[9]) {
		k := p.to
		if k < len(r.toks) && r.toks[k].kind == kPunct && r.toks[k].punct == ',' {
			k++
		}
		if k < len(r.toks) && r.toks[k].class&(cClock|cDigits) != 0 {
			var ap *token
			if k+1 < len(r.toks) && r.toks[k+1].class&cAMPM != 0 {
				ap = &r.toks[k+1]
			}
			if mins, ok := clockMinutes(&r.toks[k], ap); ok && (ap != nil || r.toks[k].class&cClock != 0) {
				p.to = k + 1
				if ap != nil {
					p.to++
				}
				if p.to < len(r.toks) && r.toks[p.to].class&cZone != 0 {
					p.to++
				}
				p.typ, p.value = TypeTime, v[:10]+"T"+hhmm(mins)
			}
		}
	}
	// "around Nov. 1", "about 7:15 p.m.": an approximate date or time.
	if (p.typ == TypeDate || p.typ == TypeTime) && p.from > r.lastEnd && r.wordIs(&r.toks[p.from-1], approximators...) && !r.aboutIsTopic(p.from-1) &&
		r.toks[p.from].class&(cMonth|cClock|cDigits) != 0 {
		p.from--
		if p.mod == "" {
			p.mod = modNames[modApprox]
		}
	}
}

// partOfDayOf reads "the POD of", "the early POD hours of" or "early in the
// POD of" ending just before token i: the first token, the part of day and
// the mod of its EARLY word; ok is false when they are not there or reach
// back into the mention before.
func (r *run) partOfDayOf(i int) (from int, pod int32, mod string, ok bool) {
	k := i - 2
	if k < r.lastEnd || !r.wordIs(&r.toks[i-1], "of") {
		return 0, 0, "", false
	}
	if r.wordIs(&r.toks[k], "hours") && k > r.lastEnd {
		k--
	}
	t := &r.toks[k]
	if t.class&cPOD == 0 || t.flags&fCap != 0 && k > 0 {
		return 0, 0, "", false
	}
	from, pod = k, t.val
	if from > r.lastEnd && r.toks[from-1].class&cEarlyLate != 0 {
		from--
		mod = modNames[r.toks[from].val]
	}
	if from > r.lastEnd && r.wordIs(&r.toks[from-1], "the") {
		from--
		if from-2 >= r.lastEnd && r.wordIs(&r.toks[from-1], "in") && r.toks[from-2].class&cEarlyLate != 0 {
			from -= 2
			mod = modNames[r.toks[from].val]
		}
	}
	return from, pod, mod, true
}

// opensSentence reports whether token i opens its sentence: nothing
// before it but a preposition or an adverb of time ("In 1941, ...",
// "During 1863", "Early in 1942", "But by 1944"), or it heads its paragraph.
func (r *run) opensSentence(i int) bool {
	if i > 3 {
		return false
	}
	for k := 0; k < i; k++ {
		t := &r.toks[k]
		if t.kind == kPunct {
			continue
		}
		if !r.wordIs(t, openers...) && t.class&(cEarlyLate|cEdge|cDet|cOf) == 0 {
			return false
		}
	}
	return true
}

// looksBack reports whether tokens [from, to) count back from the story's
// time ("the previous year", "two years earlier", "a decade before") or
// name the point a state has lasted since ("had not met since 1614"): a
// glance back that a narrative returns from, so it does not move the
// story ("early January 1942 ... during the previous year ... in January"
// is 1942's January).
func (r *run) looksBack(from, to int) bool {
	if from > 0 && r.wordIs(&r.toks[from-1], "since") {
		return true
	}
	for k := from; k < to; k++ {
		t := &r.toks[k]
		if t.class&cLast != 0 || t.class&cAgo != 0 || r.wordIs(t, "earlier", "before", "previously") {
			return true
		}
	}
	return false
}

// recalls reports whether a date starting on s, at token i, recalls the
// year before the story's date from inside a sentence ("On 28 March 1918
// ... The Council had been created on 5 November 1917", "surpassing the May
// 2007 high"): the story stands on a date finer than a year, and the date
// neither opens its sentence nor the paragraph, which is where a story
// steps back to take up another thread ("In Asia, the war was stalemated by
// 1940. In August of that year ..."). A date further back is the story
// going back, mostly from a glance ahead ("Italy joined in May 1915.
// Fifteen months later ... (1916) ... The attack began in 1915").
func (r *run) recalls(s Date, i int) bool {
	return r.lastGran > gYear && !r.last.IsZero() && s.Year == r.last.Year-1 &&
		r.sent != r.paraSent && !r.opensSentence(i)
}

// limits reports whether a date starting on s, of granularity g, at token
// i, is the limit of a stretch the sentence tells ("the siege lasted until
// the fall of Budapest in February 1945", "went on until March 1921") or a
// year it sums up by ("most powder was imported by the end of 1776", "by
// 1945 the island was a base"): it lies after the story's date, and
// "until" or "till" governs it from inside the sentence, or "by" right
// before a year. The story does not jump to the limit; it goes on from
// where it stood. ("by" before a finer date is not a limit: "by the middle
// of summer the Red Army was larger" is the story's own time; measured on
// WikiWars train, as many dates lost as won.)
func (r *run) limits(s Date, g gran, i int) bool {
	if r.last.IsZero() || !r.last.Before(s) || r.opensSentence(i) {
		return false
	}
	if g <= gYear && i > 0 && r.wordIs(&r.toks[i-1], "by") {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-limitWords; k-- {
		t := &r.toks[k]
		if t.kind == kPunct {
			return false
		}
		if r.wordIs(t, "until", "till") {
			return true
		}
	}
	return false
}

// limitWords is how many words before a date limits looks for its
// "until": "until the fall of the city of Budapest in".
const limitWords = 8

// inParens reports whether token i stands inside parentheses opened
// earlier in its sentence.
func (r *run) inParens(i int) bool {
	depth := 0
	for k := 0; k < i; k++ {
		if t := &r.toks[k]; t.kind == kPunct {
			switch t.punct {
			case '(':
				depth++
			case ')':
				if depth > 0 {
					depth--
				}
			}
		}
	}
	return depth > 0
}

// record appends p as a Mention and updates the memory: the last date
// told, the story's day (not a report's), the quarter in force.
func (r *run) record(p piece, pv parsed) {
	ms := Mention{
		Start: r.toks[p.from].start, End: r.toks[p.to-1].end,
		Type: p.typ, Value: p.value, Mod: p.mod, Tense: p.tense, Explanation: p.expl,
	}
	ms.Text = r.text[ms.Start:ms.End]
	if s, e, ok := pv.told(); ok && p.typ != TypeDuration && p.typ != TypeSet {
		if !pv.bc {
			ms.StartDate, ms.EndDate = s, e
		}
		if r.docType == Narrative && (s.Before(r.last) && r.looksBack(p.from, p.to) || r.inParens(p.from) || r.recalls(s, p.from) || r.limits(s, pv.gran, p.from)) {
			// A glance back, a date in parentheses ("the Civil
			// Constitution of the Clergy (1790)", "(as of December 5,
			// 2006)") or one recalled from the year before is told in
			// passing: the story goes on from where it stood.
			r.pass(p.value)
		} else {
			r.tell(s, pv.gran, p.value, r.opensSentence(p.from))
		}
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
}

func explain(format string, args ...any) string { return fmt.Sprintf(format, args...) }
