package dates

import (
	"strings"
	"time"
)

// This file is the rule table: each rule is a token pattern (match.go
// explains the notation), a builder that turns the match into TIMEX3 values,
// and examples that the tests run (reference date Monday 2021-03-22). An
// example with an empty value says the text must yield no mention.

// rule is one pattern and what it means.
type rule struct {
	name     string
	src      string
	pat      pattern
	first    class
	need     class
	lead     int
	build    func(r *run, m *match) bool
	examples []example
}

// example is a text, the mention it must yield and its value.
type example struct {
	text, span, value string
}

// rules is the compiled rule table; triggers is the union of the classes
// a rule can start with. Both are built once and only read.
var rules, triggers = compileRules(ruleTable)

func compileRules(tab []rule) ([]*rule, class) {
	out := make([]*rule, 0, len(tab))
	var trig class
	for i := range tab {
		ru := tab[i]
		p, err := compilePattern(ru.src)
		if err != nil {
			panic(err) // the table is a program constant: a bad pattern is a bug
		}
		ru.pat = p
		ru.first = p.first()
		ru.need, ru.lead = p.need()
		trig |= ru.first
		out = append(out, &ru)
	}
	return out, trig
}

// derive emits the match as a DATE computed from an earlier mention; it does
// not become the quarter later expressions refer back to.
func (r *run) derive(m *match, value, expl string) bool {
	r.deriving = true
	ok := r.whole(m, TypeDate, value, "", TenseUnknown, expl)
	r.deriving = false
	return ok
}

// refersTo returns a build function that emits the whole match as the
// TIMEX3 reference value (PRESENT_REF, FUTURE_REF, PAST_REF); why follows
// the quoted text in the explanation.
func refersTo(value, why string) func(*run, *match) bool {
	return func(r *run, m *match) bool {
		return r.whole(m, TypeDate, value, "", TenseUnknown, explain("'%s' "+why, m.text()))
	}
}

// whole emits the match as one mention.
func (r *run) whole(m *match, typ Type, value, mod string, t Tense, expl string) bool {
	return r.emit(piece{from: m.start, to: m.end, typ: typ, value: value, mod: mod, tense: t, expl: expl})
}

// dayOf builds a month-day(-year) date; year 0 means "infer the year".
func (r *run) dayOf(m *match, from, to int, mon time.Month, day, year int) bool {
	q := r.text[r.toks[from].start:r.toks[to-1].end]
	if day < 1 || day > 31 {
		return false
	}
	if year > 0 {
		if day > daysIn(year, mon) {
			return false
		}
		return r.emit(piece{from: from, to: to, typ: TypeDate, value: dayValue(Date{year, mon, day}),
			expl: explain("'%s' is a full calendar date", q)})
	}
	a, as := r.anchor()
	if a.IsZero() {
		b := append([]byte("XXXX-"), pad(nil, int(mon), 2)...)
		b = append(append(b, '-'), pad(nil, day, 2)...)
		return r.emit(piece{from: from, to: to, typ: TypeDate, value: string(b),
			expl: explain("'%s' has no year and there is no reference date", q)})
	}
	t := r.tense(m.start, m.end)
	y, why := inferYear(a, as, mon, day, t, yearWindow)
	if from > 0 && r.wordIs(&r.toks[from-1], "ended") && monthDay(y, mon, day).After(a) {
		// "the quarter ended Oct. 31", written on Oct. 27: what ended is past.
		y, why = y-1, "a period that ended by "+as
	}
	if y < MinYear || y > MaxYear {
		return false
	}
	return r.emit(piece{from: from, to: to, typ: TypeDate, value: dayValue(Date{y, mon, day}), tense: t,
		expl: explain("'%s' has no year: %s", q, why)})
}

// yearWindow is how far (in days) a month-day without a year may lie on
// the "wrong" side of the reference for its clause's tense before the
// year moves: news dates cluster around publication, so "was extended to
// Nov. 20" in an article of Nov. 2 is this year's Nov. 20, but "was held on
// Sept. 30" in March is last year's.
const yearWindow = 31

// yearOf is the year of the day mon/day that match m names: the written
// year token when there is one, else the year inferred from the anchor and
// the clause's tense. ok is false when there is no year to be had or the
// day does not exist in it.
func (r *run) yearOf(m *match, year *token, mon time.Month, day int) (y int, ok bool) {
	if year != nil {
		y = int(year.val)
	} else {
		a, as := r.anchor()
		if a.IsZero() {
			return 0, false
		}
		y, _ = inferYear(a, as, mon, day, r.tense(m.start, m.end), yearWindow)
	}
	return y, day <= daysIn(y, mon)
}

// inferYear picks the year of a month and day (day 0: the whole month)
// written without one: of the three candidate years around the anchor, the
// one nearest the anchor, then moved back a year when the clause is past and
// the date lies more than window days after the anchor (forward when
// future and before it).
func inferYear(a Date, as string, mon time.Month, day int, t Tense, window int) (int, string) {
	probe := func(y int) (Date, Date) {
		if day == 0 {
			return Date{y, mon, 1}, lastOfMonth(y, mon)
		}
		d := day
		if dm := daysIn(y, mon); d > dm {
			d = dm
		}
		return Date{y, mon, d}, Date{y, mon, d}
	}
	dist := func(y int) int {
		s, e := probe(y)
		switch {
		case a.Before(s):
			return daysBetween(a, s)
		case e.Before(a):
			return -daysBetween(e, a)
		}
		return 0
	}
	best := a.Year
	for _, y := range []int{a.Year - 1, a.Year + 1} {
		if abs(dist(y)) < abs(dist(best)) {
			best = y
		}
	}
	why := "the nearest such date to " + as

	switch d := dist(best); {
	case t == TensePast && d > window:
		best--
		why = "the last such date before " + as + " (" + tenseWord(t) + ")"
	case t == TenseFuture && d < -window:
		best++
		why = "the next such date after " + as + " (" + tenseWord(t) + ")"
	}
	if day == 29 && mon == time.February {
		for k := 0; k < 8 && daysIn(best, mon) < 29; k++ {
			if t == TenseFuture {
				best++
			} else {
				best--
			}
		}
	}
	return best, why
}

func daysBetween(a, b Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pastVerbNear reports whether a past-tense verb stands among the four
// words before token i, within its clause.
func (r *run) pastVerbNear(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := &r.toks[k]
		if t.kind == kPunct && t.punct != '%' && t.punct != '$' {
			return false
		}
		if t.class&cTenseMark != 0 && t.tense == TensePast && !r.notVerb(k) {
			return true
		}
	}
	return false
}

// monthOf builds a month value; year 0 means "infer the year".
func (r *run) monthOf(m *match, mon time.Month, year int, mod string) bool {
	q := m.text()
	if year > 0 {
		return r.whole(m, TypeDate, monthValue(year, mon), mod, TenseUnknown, explain("'%s' names a month of %d", q, year))
	}
	a, as := r.anchor()
	if a.IsZero() {
		return r.whole(m, TypeDate, "XXXX-"+string(pad(nil, int(mon), 2)), mod, TenseUnknown,
			explain("'%s' has no year and there is no reference date", q))
	}
	t := r.tense(m.start, m.end)
	// A whole month after the anchor is last year's in a past clause
	// ("was released in April" in March); but when the past verb stands
	// away from it, the month mostly belongs to a noun that tells of a
	// coming thing ("told oil companies of a cutback in September",
	// "placed orders for November transactions"), and the month just
	// ahead is this year's.
	window := 0
	if t == TensePast && !r.pastVerbNear(m.start) {
		window = yearWindow
	}
	y, why := inferYear(a, as, mon, 0, t, window)
	return r.whole(m, TypeDate, monthValue(y, mon), mod, t, explain("'%s' has no year: %s", q, why))
}

// weekdayNames are the ISO weekdays' names, Monday first.
var weekdayNames = [...]string{1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday", 7: "Sunday"}

// weekdayOf resolves a weekday: how is "bare" (direction from the clause's
// tense), "last", "next" or "this".
func (r *run) weekdayOf(m *match, wd int, how string, pod string) bool {
	q := m.text()
	typ := TypeDate
	if pod != "" {
		typ = TypeTime
	}
	a, as := r.anchor()
	if a.IsZero() {
		v := "XXXX-WXX-" + string(rune('0'+wd))
		if pod != "" {
			v += "T" + pod
		}
		return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' is a weekday and there is no reference date", q))
	}
	t := r.tense(m.start, m.end)
	var d Date
	var why string
	switch how {
	case "last":
		d = weekdayFrom(a, wd, -1, true)
		why = "-> the last " + weekdayNames[wd] + " before " + as
	case "next":
		d = weekdayFrom(a, wd, 1, true)
		why = "-> the next " + weekdayNames[wd] + " after " + as
	case "this":
		mon := weekdayFrom(a, 1, -1, false)
		d = mon.AddDays(wd - 1)
		why = "-> the " + weekdayNames[wd] + " of the week of " + as
	default:
		if t == TenseFuture && r.possessive(m) && !r.willBefore(m.start) {
			// "get around Wednesday's ruling": the possessive names an event
			// that exists; only a plain future ("will be decided at
			// Tuesday's meeting") makes it a coming one.
			t = TensePast
		}
		if from, ok := r.wouldFrom(m); t == TenseFuture && ok {
			// "said Friday that he would leave on Saturday", written on
			// Monday: the future of a past day, counted from that day.
			d = weekdayFrom(from, wd, 1, false)
			why = "in a future told from " + from.String() + " ('would') -> the first " + weekdayNames[wd] + " on or after it"
		} else if t == TenseFuture {
			d = weekdayFrom(a, wd, 1, false)
			why = "in " + tenseWord(t) + " -> the first " + weekdayNames[wd] + " on or after " + as
		} else {
			d = weekdayFrom(a, wd, -1, false)
			why = "in " + tenseWord(t) + " -> the last " + weekdayNames[wd] + " on or before " + as
		}
	}
	v := dayValue(d)
	if pod != "" {
		v += "T" + pod
	}
	return r.whole(m, typ, v, "", t, explain("'%s' %s", q, why))
}

// pluralPOD reads a plural part of day after a weekday: right after it
// ("Tuesday nights", k = 1) or after "and"/"or" and another weekday
// ("Monday and Tuesday nights", k = 3). It returns the TIMEX3 code, or "".
func (r *run) pluralPOD(m *match) (string, int) {
	for _, k := range []int{1, 3} {
		if k == 3 && (!r.wordIs(m.after(1), "and", "or") || m.after(2) == nil || m.after(2).class&cWeekday == 0) {
			continue
		}
		t := m.after(k)
		if t == nil || t.kind != kWord {
			continue
		}
		switch strings.ToLower(m.word(t)) {
		case "mornings":
			return "MO", k
		case "afternoons":
			return "AF", k
		case "evenings":
			return "EV", k
		case "nights":
			return "NI", k
		}
	}
	return "", 0
}

// possessive reports whether the match is followed by "'s".
func (r *run) possessive(m *match) bool {
	a, b := m.after(1), m.after(2)
	return a != nil && b != nil && a.kind == kPunct && a.punct == '\'' && a.flags&fSpace == 0 && r.wordIs(b, "s") && b.flags&fSpace == 0
}

// willBefore reports whether "will", "'ll", "shall", "upcoming" or "ahead
// of" stands before token i in the sentence.
func (r *run) willBefore(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if r.wordIs(&r.toks[k], "will", "ll", "shall", "upcoming", "ahead") {
			return true
		}
	}
	return false
}

// wouldFrom reports the day a future in the past counts from: a day told
// before the reference earlier in the match's sentence, with "would" (not
// "will") between it and the match ("Officials said Friday that he would
// leave on Saturday").
func (r *run) wouldFrom(m *match) (Date, bool) {
	if len(r.out) == 0 || r.lastSent != r.sent || r.lastGran < gDay || !r.last.Before(r.opts.Reference) {
		return Date{}, false
	}
	end := r.out[len(r.out)-1].End
	for k := m.start - 1; k >= 0 && r.toks[k].start >= end; k-- {
		if r.wordIs(&r.toks[k], "will", "ll", "shall") {
			return Date{}, false
		}
		if r.wordIs(&r.toks[k], "would") {
			return r.last, true
		}
	}
	return Date{}, false
}

// relUnit resolves "last/this/next <unit>" against the anchor.
func (r *run) relUnit(m *match, unit, n int, word string) bool {
	q := m.text()
	a, as := r.anchorAt(unitGran(unit))
	if a.IsZero() {
		return r.whole(m, TypeDate, unknownValue(unit), "", TenseUnknown, explain("'%s' is relative and there is no date to count from", q))
	}
	if unit == uQuarter && n == 0 && r.quarter != "" && m.is(0, "this") && r.possessive(m) {
		// "This quarter's loss includes charges", after the third quarter's
		// results: the quarter reported, not the calendar one.
		return r.derive(m, r.quarter, explain("'%s' results -> the quarter reported (%s)", q, r.quarter))
	}
	d := shift(a, unit, n)
	if d.IsZero() {
		return false
	}
	v := unitValue(d, unit)
	if v == "" {
		return false
	}
	return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> the %s %s %s", q, unitNames[unit], word, as))
}

// saysThat are verbs of saying and thinking: a "that" after them opens a
// clause ("said that morning papers were late"), not "that morning".
var saysThat = []string{"said", "says", "say", "saying", "told", "tells", "added", "noted", "reported", "announced", "warned",
	"believe", "believes", "believed", "think", "thinks", "thought", "know", "knew", "knows", "hope", "hoped", "hopes",
	"insisted", "argued", "claimed", "feared", "agreed", "showed", "shows", "suggested", "suggests", "means", "meant", "so", "such"}

// recentPOD emits the match as part of day p of the day n days from the
// day last mentioned in this sentence or the one before ("On March 3 the
// bomb went off. That night ...", "the next morning", "the previous
// evening"). Without such a day the expression is left out: counted from
// the publication day it would date the event wrongly.
func (r *run) recentPOD(m *match, n int, p *token) bool {
	d, why, ok := r.recentDay(1)
	if !ok {
		return false
	}
	return r.whole(m, TypeTime, dayValue(d.AddDays(n))+"T"+podCodes[p.val], "", TenseUnknown,
		explain("'%s' -> part of the day %d day(s) from %s", m.text(), n, why))
}

// countedFromEvent reports whether a length counted back or on from an
// event follows the match ("at 6 a.m. ten days before the shooting", "at
// noon a day after the vote"): the day of the match is that event's, which
// the engine does not know, not the anchor's.
func (r *run) countedFromEvent(m *match) bool {
	n, u, w := m.after(1), m.after(2), m.after(3)
	return n != nil && u != nil && n.class&(cNumWord|cDigits|cIndef|cFew) != 0 && u.class&(cUnit|cUnits) != 0 &&
		r.wordIs(w, "before", "after", "earlier", "later")
}

// wordAfter reports whether the k-th token after the match is a word.
func (r *run) wordAfter(m *match, k int) bool {
	t := m.after(k)
	return t != nil && t.kind == kWord
}

// recentPeriod emits the match as quarter (or half) n of the year that
// makes it the most recent such period by the anchor, or the coming one in
// a future clause.
func (r *run) recentPeriod(m *match, n int, half bool) bool {
	a, as := r.anchor()
	if a.IsZero() {
		v := "XXXX-Q" + string(rune('0'+n))
		if half {
			v = "XXXX-H" + string(rune('0'+n))
		}
		return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' has no year and there is no reference date", m.text()))
	}
	y := a.Year
	startMonth := time.Month(3*(n-1) + 1)
	if half {
		startMonth = time.Month(6*(n-1) + 1)
	}
	t := r.tense(m.start, m.end)
	if startMonth > a.Month && t != TenseFuture {
		y--
	}
	v := quarterValue(y, n)
	if half {
		v = yearValue(y) + "-H" + string(rune('0'+n))
	}
	return r.whole(m, TypeDate, v, "", t, explain("'%s' -> the most recent such period by %s", m.text(), as))
}

// periodEnd reads the end a reporting period is given right after the
// match ("the quarter ended Sept. 30", "its fourth quarter ending June 30,
// 1990", "the fiscal year ended in March", "the quarter ended yesterday")
// and returns the period's last day. A period that "ended" lies before the
// anchor: a month-day without a year takes the year that puts it there.
func (r *run) periodEnd(m *match) (Date, bool) { return r.periodEndAt(m.start, m.end) }

// periodEndAt is periodEnd for the expression of tokens [from, to).
func (r *run) periodEndAt(from, to int) (Date, bool) {
	after := func(k int) *token {
		if to+k-1 >= len(r.toks) {
			return nil
		}
		return &r.toks[to+k-1]
	}
	e := after(1)
	if !r.wordIs(e, "ended", "ending") {
		return Date{}, false
	}
	a, _ := r.anchor()
	if a.IsZero() {
		return Date{}, false
	}
	k := 2
	if r.wordIs(after(k), "in") {
		k++
	}
	t := after(k)
	switch {
	case t == nil:
		return Date{}, false
	case t.class&cDeictic != 0 && t.val != dTonight:
		d := a.AddDays(int(t.val) - dToday)
		return d, d.Year >= MinYear && d.Year <= MaxYear
	case t.class&cMonth == 0:
		return Date{}, false
	}
	mon, day, year := time.Month(t.val), 0, 0
	n := after(k + 1)
	if n != nil && n.class&cDayNum != 0 && n.flags&fSpace != 0 {
		day, k = int(n.val), k+1
		if n = after(k + 1); n != nil && n.kind == kPunct && n.punct == ',' {
			n = after(k + 2)
		}
	}
	past := r.wordIs(e, "ended")
	if n != nil && n.class&cYearNum != 0 {
		year = int(n.val)
	} else {
		tense := TensePast
		if !past {
			tense = r.tense(from, to)
		}
		year, _ = inferYear(a, "", mon, day, tense, yearWindow)
		if past && monthDay(year, mon, day).After(a) {
			year--
		}
	}
	if year < MinYear || year > MaxYear || day > daysIn(year, mon) {
		return Date{}, false
	}
	return monthDay(year, mon, day), true
}

// monthDay is the day mon/day of year y, or the month's last day when day
// is 0 (the end of a period that "ended in March"); a day past the month's
// end is its last day.
func monthDay(y int, mon time.Month, day int) Date {
	if day == 0 || day > daysIn(y, mon) {
		return lastOfMonth(y, mon)
	}
	return Date{y, mon, day}
}

// endedQuarter emits the match, a quarter that ends on end, as the calendar
// quarter holding most of its three months (the one its middle day falls
// in: "the quarter ended July 31", May to July, is the second): a fiscal
// quarter's number says nothing of its months ("the fiscal first quarter
// ended Sept. 29" is July to September, not January to March). "The
// quarter ended ..." (named false) within two sentences of a fiscal quarter
// named with no end, and no other quarter between, tells that quarter's
// end: it dates that earlier mention too.
func (r *run) endedQuarter(m *match, end Date, named bool) bool {
	mid := end.AddDays(-45)
	if mid.Year < MinYear {
		return false
	}
	v := quarterValue(mid.Year, (int(mid.Month)-1)/3+1)
	f := r.fiscal
	if named || f == 0 || f > len(r.out) || r.sent-r.fiscalSent > 2 || r.out[f-1].Value != r.quarter {
		f = 0
	}
	if !r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' ends %s: the calendar quarter holding most of its three months", m.text(), end)) {
		return false
	}
	if r.quarter == v {
		r.quarterEnd = end
	}
	if f > 0 {
		fm := &r.out[f-1]
		fm.Value = v
		fm.StartDate, fm.EndDate, _ = Interval(v)
		fm.Explanation = explain("'%s' is a fiscal quarter that ends %s, as a later sentence tells: the calendar quarter holding most of its three months", fm.Text, end)
		r.fiscal = 0
	}
	return true
}

// fiscalQuarter emits the match, a fiscal quarter with no end told ("the
// fiscal first quarter"), as an unknown quarter (QX) of year y, or of the
// anchor's year when y is 0. A fiscal year can begin in any month, so the
// number says nothing of the calendar: "the fiscal first quarter" of a
// company whose year begins in July is July to September, and the calendar
// quarter of that number would date its events six months wrong. TimeML has
// no fiscal values; an unknown quarter of the year (TBAQ writes QX for
// such quarters) leaves the mention unanchored, so no event is dated by it,
// until "the quarter ended ..." tells its end (endedQuarter).
func (r *run) fiscalQuarter(m *match, y int) bool {
	if y == 0 {
		a, _ := r.anchor()
		if a.IsZero() {
			return false
		}
		y = a.Year
	}
	return r.whole(m, TypeDate, quarterValue(y, 0), "", TenseUnknown, explain("'%s' is a fiscal quarter: its months are not told", m.text()))
}

// decadeWord is the decade a decade word ("nineties", "'80s") names: the
// most recent such decade by the anchor, with the anchor's description.
func (r *run) decadeWord(t *token) (int, string, bool) {
	a, as := r.anchor()
	if a.IsZero() {
		return 0, as, false
	}
	d := (a.Year/100)*10 + int(t.val)
	if d*10 > a.Year {
		d -= 10 // the most recent such decade
	}
	return d, as, d >= 1
}

// pastClockDay is the day of a clock time written with no day of its own
// in a past clause: the day last mentioned in its paragraph, when that day
// is not after the reference ("He was killed on Oct. 23. ... He was shot at
// 10 p.m. in his kitchen"). Without one the time stays on the anchor day.
func (r *run) pastClockDay(m *match) (Date, string, bool) {
	if r.tense(m.start, m.end) != TensePast {
		return Date{}, "", false
	}
	d, why, ok := r.recentDay(-1)
	if !ok || !r.opts.Reference.IsZero() && d.After(r.opts.Reference) {
		return Date{}, "", false
	}
	return d, why, true
}

// weekdayInParens reads the day of a clock time from a weekday in the
// parenthesis right after it, or right after that parenthesis: "at 10:35
// a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)".
// The weekday resolves from anchor a as a bare weekday in the clause would.
func (r *run) weekdayInParens(m *match, a Date) (Date, string, bool) {
	if p := m.after(1); a.IsZero() || p == nil || p.kind != kPunct || p.punct != '(' {
		return Date{}, "", false
	}
	for k := 2; k <= 12; k++ {
		t := m.after(k)
		if t == nil {
			break
		}
		if t.kind == kPunct && t.punct == ')' {
			if n := m.after(k + 1); n == nil || n.class&cWeekday == 0 {
				break
			}
			continue
		}
		if t.class&cWeekday == 0 {
			continue
		}
		tn := r.tense(m.start, m.end)
		dir := -1
		if tn == TenseFuture {
			dir = 1
		}
		return weekdayFrom(a, int(t.val), dir, false), "on the " + weekdayNames[t.val] + " it is given beside, nearest " + a.String() + " in " + tenseWord(tn), true
	}
	return Date{}, "", false
}

// payAfter reports whether the match measures pay rather than time: a
// length followed by "of" or a possessive and, after at most one
// adjective, a word of pay ("six months of base pay", "a year's salary",
// "three months' rent").
func (r *run) payAfter(m *match) bool {
	k := 1
	switch a := m.after(1); {
	case r.wordIs(a, "of"):
		k = 2
	case a != nil && a.kind == kPunct && a.punct == '\'':
		k = 2
		if r.wordIs(m.after(2), "s") {
			k = 3
		}
	default:
		return false
	}
	for n := 0; n < 2; n++ {
		t := m.after(k + n)
		if r.wordIs(t, "pay", "salary", "salaries", "wages", "wage", "rent", "severance", "income") {
			return true
		}
		if t == nil || t.kind != kWord || t.class != 0 {
			return false
		}
	}
	return false
}

// amount reports whether t ends an amount: a number, "million", "percent",
// "%" and the like ("$500 million a year", "20% annually").
func (r *run) amount(t *token) bool {
	return t != nil && (t.kind == kNum || t.kind == kPunct && t.punct == '%' ||
		r.wordIs(t, "million", "billion", "thousand", "hundred", "trillion", "percent", "cents", "dollars"))
}

// comparedAmount reports whether the match stands right after an amount
// ("$33 million last year", "16 cents a share last year") or before one
// ("last year's $1.55 billion").
func (r *run) comparedAmount(m *match) bool {
	if p := m.before(1); p != nil && (p.kind == kNum || r.wordIs(p, "million", "billion", "cents", "share")) {
		return true
	}
	a, b, c := m.after(1), m.after(2), m.after(3)
	return a != nil && b != nil && c != nil && a.punct == '\'' && r.wordIs(b, "s") && (c.kind == kNum || c.punct == '$')
}

// quarterBefore emits the match as the quarter last named, a year before
// ("the corresponding period last year", "last year's quarter"), or fails
// when no quarter is in force.
func (r *run) quarterBefore(m *match) bool {
	if r.quarter == "" || r.periodYear() {
		return false
	}
	pv, _ := parseValue(r.quarter)
	if pv.year <= 1 {
		return false
	}
	return r.derive(m, quarterValue(pv.year-1, pv.quarter), explain("'%s' -> the quarter last named (%s), a year before", m.text(), r.quarter))
}

// num returns the number a token stands for ("a" is 1), or -1.
func num(t *token) int {
	if t == nil {
		return -1
	}
	switch {
	case t.class&(cNumWord|cDigits) != 0 && t.flags&(fGrouped|fDecimal|fMoney) == 0:
		return int(t.val)
	case t.class&cIndef != 0:
		return 1
	}
	return -1
}

// unitOf returns the unit of a unit word.
func unitOf(t *token) int {
	if t == nil || t.class&(cUnit|cUnits) == 0 {
		return 0
	}
	return int(t.val)
}

// duration emits n units as a DURATION (n < 0: an unknown number).
func (r *run) duration(m *match, from, to, n, unit int) bool {
	if unit == uWeekend {
		return false
	}
	v := durationValue(n, unit)
	switch {
	case unit == uDecade && n > 0:
		v = durationValue(10*n, uYear)
	case unit == uCentury && n > 0:
		v = durationValue(100*n, uYear)
	}
	q := r.text[r.toks[from].start:r.toks[to-1].end]
	p := piece{from: from, to: to, typ: TypeDuration, value: v, expl: explain("'%s' is a length of time, not a date", q)}
	if end, ok := r.periodEndAt(from, to); ok && n > 0 && n <= 1000 && unit >= uDay && unit != uWeekend && unit <= uYear && periodStart(end, n, unit).Year >= MinYear {
		// "the year ended June 30", "the nine months ended Sept. 30": a
		// length told by its end (TimeML's endPoint) covers the days up to
		// it, July 1 to June 30; the value stays the length.
		p.start, p.end = periodStart(end, n, unit), end
		p.expl = explain("'%s' is a length of time that ends %s: %s to %s", q, end, p.start, end)
	}
	return r.emit(p)
}

// periodStart is the first day of the n units that end on end.
func periodStart(end Date, n, unit int) Date {
	t := end.AddDays(1).Time()
	switch unit {
	case uDay:
		t = t.AddDate(0, 0, -n)
	case uWeek:
		t = t.AddDate(0, 0, -7*n)
	case uMonth:
		t = t.AddDate(0, -n, 0)
	case uQuarter:
		t = t.AddDate(0, -3*n, 0)
	case uYear:
		t = t.AddDate(-n, 0, 0)
	}
	return FromTime(t)
}

// yearLike reports whether a bare four-digit number reads as a year here:
// not money, not a count of something ("1500 troops"), not a percentage.
func (r *run) yearLike(m *match, t *token) bool {
	if t.flags&(fMoney|fGrouped|fDecimal) != 0 {
		return false
	}
	if n := m.after(1); n != nil {
		if n.kind == kPunct && (n.punct == '%' || (n.punct == '-' && n.flags&fSpace == 0)) {
			return false
		}
		if n.kind == kWord {
			w := strings.ToLower(m.word(n))
			if w == "percent" || w == "per" || (len(w) > 3 && w[len(w)-1] == 's' && n.flags&fCap == 0 && n.class&(cUnits|cUnit) == 0 && !strings.HasSuffix(w, "ss") && w != "elections" && w != "games" && w != "olympics") {
				return false
			}
		}
		if n.kind == kNum {
			return false
		}
	}
	if p := m.before(1); p != nil {
		if p.kind == kPunct && (p.punct == '$' || p.punct == '#' || (p.punct == '-' && p.flags&fSpace == 0) || p.punct == '/' || p.punct == '.') {
			return false
		}
		if p.kind == kNum {
			return false
		}
		if r.wordIs(p, "no.", "page", "pages", "flight", "route", "room", "number", "no", "model", "windows", "about", "some", "nearly", "almost", "over", "than") {
			return false
		}
	}
	if t.val < 1900 {
		p := m.before(1)
		return r.wordIs(p, "in", "since", "of", "by", "until", "from", "year", "fiscal", "before", "after", "during", "between", "and", "early", "late", "mid", "the", "to")
	}
	return true
}

// ambiguousMonth reports whether a capitalised month word needs a date
// around it to be read as a month: "May" (the verb), "March" (the noun).
func (r *run) ambiguousMonth(t *token) bool {
	return r.wordIs(t, "may", "march", "mar", "jun", "jan", "dec", "aug", "sep", "oct", "nov", "apr", "jul", "feb", "sept")
}

// monthContext reports whether the words before a bare month make it one.
// A capitalised month between a determiner and a common noun is one too
// ("The March accession", "the May elections"; "the march drew" is not
// capitalised, "the March on Washington" is a name).
func (r *run) monthContext(m *match) bool {
	p := m.before(1)
	if r.wordIs(p, "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "mid", "late", "during", "from", "through", "before", "after", "since", "on", "to", "between") {
		return true
	}
	t, n := m.tok(0), m.after(1)
	return t.flags&fCap != 0 && r.wordIs(p, determiners...) && n != nil && n.kind == kWord && n.flags&fCap == 0 && n.class&(cTenseMark|cOf|cOr) == 0 &&
		!r.wordIs(n, "on", "for", "in", "at", "against", "with", "from", "by")
}

// genericNouns are the classes after "today's" that make it "these days".
var genericNouns = []string{"world", "youth", "society", "generation", "children", "kids", "young",
	"teenagers", "culture", "standards", "technology", "economy", "families", "computers", "consumers",
	"students", "workers", "workplace", "media", "politics"}

var ruleTable = []rule{
	// ---- Absolute dates ----
	{name: "weekday month day year", src: "WEEKDAY ,? MONTH DAY|ORDNUM ,? YEAR",
		build: func(r *run, m *match) bool {
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(2).val), int(m.tok(3).val), int(m.tok(5).val))
		},
		examples: []example{{"photo made available on Sunday, March 21, 2021, shows", "Sunday, March 21, 2021", "2021-03-21"}}},
	{name: "weekday month day", src: "WEEKDAY ,? MONTH DAY|ORDNUM",
		build: func(r *run, m *match) bool {
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(2).val), int(m.tok(3).val), 0)
		},
		examples: []example{{"on his free days - Friday, March 19, or Monday", "Friday, March 19", "2021-03-19"}}},
	{name: "month day year", src: "MONTH DAY|ORDNUM ,? YEAR",
		build: func(r *run, m *match) bool {
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(0).val), int(m.tok(1).val), int(m.tok(3).val))
		},
		examples: []example{
			{"in Moscow on December 19, 2019, and", "December 19, 2019", "2019-12-19"},
			{"Washington, DC on March 11, 2021.", "March 11, 2021", "2021-03-11"},
			{"reported Aug. 7, 1998 that", "Aug. 7, 1998", "1998-08-07"},
		}},
	{name: "month day", src: "MONTH DAY|ORDNUM",
		build: func(r *run, m *match) bool {
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(0).val), int(m.tok(1).val), 0)
		},
		examples: []example{
			{"In the March 17 interview with ABC News", "March 17", "2021-03-17"},
			{"Biden and Putin previously spoke on Jan. 26, the first call", "Jan. 26", "2021-01-26"},
			{"their first phone conversation on January 26, six days after", "January 26", "2021-01-26"},
			{"The summit will be held on Sept. 30.", "Sept. 30", "2021-09-30"},
			{"Police have hunted him since shortly after the May 3 slaying.", "May 3", "2020-05-03"},
			{"He said he subpoenaed 6-year-old Elian to testify before the committee on May 10.", "May 10", "2021-05-10"},
			{"The summit was held on Sept. 30.", "Sept. 30", "2020-09-30"},
			{"The vote was held around March 3.", "around March 3", "2021-03-03"},
			{"Reporters asked about March 3 and the vote.", "March 3", "2021-03-03"},
			{"May 5th was sunny", "May 5th", "2020-05-05"},
			{"Net fell in the quarter ended March 31.", "March 31", "2020-03-31"},
			{"Net fell in the quarter ended March 3.", "March 3", "2021-03-03"},
		}},
	{name: "month day or day, year", src: "MONTH DAY OR DAY ,? YEAR",
		build: func(r *run, m *match) bool {
			mon, y := time.Month(m.tok(0).val), int(m.tok(5).val)
			return r.dayOf(m, m.start, m.start+2, mon, int(m.tok(1).val), y) &&
				r.dayOf(m, m.at[3], m.end, mon, int(m.tok(3).val), y)
		},
		examples: []example{{"a live discussion on March 19 or 22, 2021, on", "March 19", "2021-03-19"},
			{"a live discussion on March 19 or 22, 2021, on", "22, 2021", "2021-03-22"}}},
	{name: "month day or day", src: "MONTH DAY OR DAY",
		build: func(r *run, m *match) bool {
			mon := time.Month(m.tok(0).val)
			return r.dayOf(m, m.start, m.start+2, mon, int(m.tok(1).val), 0) &&
				r.dayOf(m, m.at[3], m.end, mon, int(m.tok(3).val), 0)
		},
		examples: []example{{"talks between the presidents on March 19 or 22.", "22", "2021-03-22"}}},
	{name: "month ordinal word", src: "MONTH ORDW ,? YEAR?",
		build: func(r *run, m *match) bool {
			// "March eighth", as spoken in broadcasts; the month must be a
			// name ("we may first ask" is a verb).
			mt, d := m.tok(0), int(m.tok(1).val)
			if mt.flags&fCap == 0 || d < 1 || d > 31 {
				return false
			}
			y := 0
			if t := m.tok(3); t != nil {
				y = int(t.val)
			}
			return r.dayOf(m, m.start, m.end, time.Month(mt.val), d, y)
		},
		examples: []example{{"Women's Day falls on March eighth.", "March eighth", "2021-03-08"},
			{"on March twenty-first, 2020", "March twenty-first, 2020", "2020-03-21"}, {"we may first ask", "", ""}}},
	{name: "day month year", src: "DAY|ORDNUM of? MONTH ,? YEAR?",
		build: func(r *run, m *match) bool {
			y := 0
			if t := m.tok(4); t != nil {
				y = int(t.val)
			}
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(2).val), int(m.tok(0).val), y)
		},
		examples: []example{{"on 17 March 2021 the", "17 March 2021", "2021-03-17"}, {"by 5 May it", "5 May", "2021-05-05"}}},
	{name: "the ordinal of month", src: "the ORD of MONTH ,? YEAR?",
		build: func(r *run, m *match) bool {
			y := 0
			if t := m.tok(5); t != nil {
				y = int(t.val)
			}
			return r.dayOf(m, m.start, m.end, time.Month(m.tok(3).val), int(m.tok(1).val), y)
		},
		examples: []example{{"on the 19th of March the", "the 19th of March", "2021-03-19"}}},
	{name: "iso date", src: "YEAR ~- ~DIGITS ~- ~DIGITS",
		build: func(r *run, m *match) bool {
			mo, d := int(m.tok(2).val), int(m.tok(4).val)
			if mo < 1 || mo > 12 || m.tok(2).end-m.tok(2).start != 2 || m.tok(4).end-m.tok(4).start != 2 {
				return false
			}
			return r.dayOf(m, m.start, m.end, time.Month(mo), d, int(m.tok(0).val))
		},
		examples: []example{{"published 2021-03-22 in", "2021-03-22", "2021-03-22"}}},
	{name: "us numeric date", src: "DAY ~/ ~DAY ~/ ~YEAR",
		build: func(r *run, m *match) bool {
			mo, d := int(m.tok(0).val), int(m.tok(2).val)
			if mo > 12 {
				// 22/03/2021 can only be day first.
				mo, d = d, mo
			}
			if mo > 12 {
				return false
			}
			return r.dayOf(m, m.start, m.end, time.Month(mo), d, int(m.tok(4).val))
		},
		examples: []example{{"dated 3/22/2021 and", "3/22/2021", "2021-03-22"}, {"half: 1/2 of them", "", ""},
			{"dated 22/03/2021 and", "22/03/2021", "2021-03-22"}}},
	{name: "slashed iso date", src: "YEAR ~/ ~DAY ~/ ~DAY",
		build: func(r *run, m *match) bool {
			mo := int(m.tok(2).val)
			if mo > 12 {
				return false
			}
			return r.dayOf(m, m.start, m.end, time.Month(mo), int(m.tok(4).val), int(m.tok(0).val))
		},
		examples: []example{{"on 2021/03/22 the", "2021/03/22", "2021-03-22"}}},
	{name: "Q3 2021", src: "^q|h|fy ~DIGITS|YEAR ,? YEAR?",
		build: func(r *run, m *match) bool {
			n := int(m.tok(1).val)
			kind := strings.ToLower(m.word(m.tok(0)))
			if kind == "fy" {
				if m.tok(3) != nil || m.tok(1).class&cYearNum == 0 {
					return false
				}
				return r.whole(m, TypeDate, yearValue(n), "", TenseUnknown, explain("'%s' is a fiscal year", m.text()))
			}
			if kind == "q" && (n < 1 || n > 4) || kind == "h" && (n < 1 || n > 2) || m.tok(1).end-m.tok(1).start != 1 {
				return false
			}
			code := strings.ToUpper(kind) + string(rune('0'+n))
			if y := m.tok(3); y != nil {
				return r.whole(m, TypeDate, yearValue(int(y.val))+"-"+code, "", TenseUnknown, explain("'%s' names a part of %d", m.text(), y.val))
			}
			a, as := r.anchor()
			if a.IsZero() {
				return r.whole(m, TypeDate, "XXXX-"+code, "", TenseUnknown, explain("'%s' has no year and there is no reference date", m.text()))
			}
			y := a.Year
			start := time.Month(3*(n-1) + 1)
			if kind == "h" {
				start = time.Month(6*(n-1) + 1)
			}
			t := r.tense(m.start, m.end)
			if start > a.Month && t != TenseFuture {
				y--
			}
			return r.whole(m, TypeDate, yearValue(y)+"-"+code, "", t, explain("'%s' -> the most recent such period by %s", m.text(), as))
		},
		examples: []example{{"results for Q3 2020 were", "Q3 2020", "2020-Q3"}, {"in H1 2021,", "H1 2021", "2021-H1"}, {"in FY2020 sales", "FY2020", "2020"},
			{"Q4 revenue fell", "Q4", "2020-Q4"}}},
	{name: "month year", src: "MONTH ,? YEAR",
		build: func(r *run, m *match) bool {
			return r.monthOf(m, time.Month(m.tok(0).val), int(m.tok(2).val), "")
		},
		examples: []example{{"since May 2010 the", "May 2010", "2010-05"}, {"in March 2021,", "March 2021", "2021-03"}}},
	{name: "month of year", src: "MONTH of YEAR",
		build: func(r *run, m *match) bool {
			return r.monthOf(m, time.Month(m.tok(0).val), int(m.tok(2).val), "")
		},
		examples: []example{{"in March of 2020", "March of 2020", "2020-03"}}},
	{name: "mod month", src: "EARLY|the -? EDGE? of? last|this|next? MONTH ,? YEAR?",
		build: func(r *run, m *match) bool {
			mt := m.tok(5)
			var mod string
			if t := m.tok(0); t.class&cEarlyLate != 0 {
				mod = modNames[t.val]
			} else if e := m.tok(2); e != nil && m.tok(3) != nil {
				mod = modNames[e.val]
			} else {
				return false
			}
			y := 0
			if t := m.tok(7); t != nil {
				y = int(t.val)
			} else if a, b := m.after(1), m.after(2); m.tok(4) == nil && a != nil && a.class&(cThis|cLast|cNext) != 0 && r.wordIs(b, "year") {
				// "in early October this year" is one expression, as
				// "February this year" is.
				ry, _, ok := r.relativeYear(a)
				if !ok {
					return false
				}
				y = ry
				m.end += 2
			} else if m.tok(4) != nil {
				a, _ := r.anchor()
				if a.IsZero() {
					return false
				}
				switch strings.ToLower(m.word(m.tok(4))) {
				case "last":
					y = a.Year
					if time.Month(mt.val) >= a.Month {
						y--
					}
				case "next":
					y = a.Year
					if time.Month(mt.val) <= a.Month {
						y++
					}
				default:
					y = a.Year
				}
			}
			return r.monthOf(m, time.Month(mt.val), y, mod)
		},
		examples: []example{
			{"NATO has decided to admit them in early May, an official said on Wednesday.", "early May", "2021-05"},
			{"by mid-March the", "mid-March", "2021-03"},
			{"talks began in early December", "early December", "2020-12"},
			{"it happened in late last July", "late last July", "2020-07"},
			{"approved the move in early October this year.", "early October this year", "2021-10"},
			{"due in late June next year.", "late June next year", "2022-06"},
			{"it was over by the end of November", "the end of November", "2020-11"},
		}},
	{name: "bare month", src: "MONTH",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			if r.ambiguousMonth(t) && !r.monthContext(m) {
				return false
			}
			return r.monthOf(m, time.Month(t.val), 0, "")
		},
		examples: []example{
			{"Sales rose in January.", "January", "2021-01"},
			{"The summit is on April 24. The March accession will enable them to attend.", "March", "2021-03"},
			{"The march drew thousands.", "", ""},
			{"He spoke at the March on Washington.", "", ""},
			{"The summit is planned for June.", "June", "2021-06"},
			{"The report was released in April.", "April", "2020-04"},
			{"Sales rose 5% in April.", "April", "2020-04"},
			{"Saudi Arabia told oil companies of a cutback in its oil supply in April.", "April", "2021-04"},
			{"Dealers placed orders to start the first trading day for April transactions.", "April", "2021-04"},
			{"Officials told of the attack in May.", "May", "2020-05"},
			{"Lenders have extended it $90 million in revolving loans through June.", "June", "2021-06"},
			{"Sales in 2020 through June fell 5%.", "June", "2020-06"},
			{"The split would be paid on a still unspecified date in May.", "May", "2021-05"},
			{"The carrier has been on patrol since May.", "May", "2020-05"},
			{"It agreed to buy the unit for $22 million in May.", "May", "2021-05"},
			{"Arab nations voted for a force to protect the kingdom, with troops arriving in May.", "May", "2020-05"},
			{"In May, it announced plans to buy a fruit business.", "May", "2020-05"},
			{"In May, a week after the anniversary of Roe vs. Wade, a bomb in Birmingham, Ala., killed a guard.", "May", "2020-05"},
			{"He may go.", "", ""},
			{"March organizers said", "", ""},
			{"the march on Washington", "", ""},
		}},
	{name: "last/next/this month name", src: "LAST|NEXT|THIS MONTH",
		build: func(r *run, m *match) bool {
			mt := m.tok(1)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			if n := m.after(1); n != nil && n.class&(cDayNum|cYearNum) != 0 {
				return false // "last Oct. 23": the date rule reads it
			}
			mon := time.Month(mt.val)
			y := a.Year
			why := "the nearest such month in that direction from "
			// The month next to the anchor's has its own name, "last month"
			// or "next month": "last February" said in March is a year
			// earlier, "next April" said in March a year later.
			switch w := strings.ToLower(m.word(m.tok(0))); {
			case w == "next" || w == "coming" || w == "upcoming" || w == "following":
				if mon <= a.Month {
					y++
				}
				if w == "next" && int(mon) == int(a.Month)%12+1 {
					y++
					why = "the one after the coming month (that is 'next month') from "
				}
			case w == "this" || w == "current":
			default:
				if mon >= a.Month {
					y--
				}
				if w == "last" && int(a.Month) == int(mon)%12+1 {
					y--
					why = "the one before the month just ended (that is 'last month') from "
				}
			}
			return r.whole(m, TypeDate, monthValue(y, mon), "", TenseUnknown, explain("'%s' -> %s%s", m.text(), why, as))
		},
		examples: []example{{"it began last November", "last November", "2020-11"}, {"last April", "last April", "2020-04"},
			{"the helicopters crashed last February", "last February", "2020-02"}, {"since last January", "last January", "2021-01"},
			{"the vote next April", "next April", "2022-04"}, {"the vote next May", "next May", "2021-05"}}},
	{name: "year", src: "YEAR",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			if !r.yearLike(m, t) {
				return false
			}
			return r.whole(m, TypeDate, yearValue(int(t.val)), "", TenseUnknown, explain("'%s' is a year", m.text()))
		},
		examples: []example{
			{"interfere in the 2020 election", "2020", "2020"},
			{"it would not be profitable until 1994 or later", "1994 or later", "1994"},
			{"earnings for 1990 and beyond", "1990 and beyond", "1990"},
			{"flew in 1984 and later served", "1984", "1984"},
			{"after Moscow's 2014 annexation", "2014", "2014"},
			{"sent 1500 troops", "", ""},
			{"paid $2019 in", "", ""},
			{"crowds of 2,000 people", "", ""},
			{"won 2000-1998", "", ""},
		}},
	{name: "pre/post year", src: "pre|post ~- ~YEAR",
		build: func(r *run, m *match) bool {
			mod, side := "AFTER", "after"
			if m.is(0, "pre") {
				mod, side = "BEFORE", "before"
			}
			return r.whole(m, TypeDate, yearValue(int(m.tok(2).val)), mod, TenseUnknown, explain("'%s' is the time %s the year", m.text(), side))
		},
		examples: []example{
			{"but the post-1959 politics have split families", "post-1959", "1959"},
			{"in pre-1990 prices", "pre-1990", "1990"},
			{"the pre 1990 level", "1990", "1990"},
		}},
	{name: "mod year", src: "EARLY|the -? EDGE? of? YEAR",
		build: func(r *run, m *match) bool {
			var mod string
			if t := m.tok(0); t.class&cEarlyLate != 0 {
				mod = modNames[t.val]
			} else if e := m.tok(2); e != nil && m.tok(3) != nil {
				mod = modNames[e.val]
			} else {
				return false
			}
			return r.whole(m, TypeDate, yearValue(int(m.tok(4).val)), mod, TenseUnknown, explain("'%s' is part of a year", m.text()))
		},
		examples: []example{{"in early 2021 the", "early 2021", "2021"}, {"by mid-1998", "mid-1998", "1998"}, {"at the end of 1998", "the end of 1998", "1998"}}},
	{name: "fiscal year", src: "FISCAL YEAR",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeDate, yearValue(int(m.tok(1).val)), "", TenseUnknown, explain("'%s' is a fiscal year", m.text()))
		},
		examples: []example{{"profit in fiscal 1998 rose", "fiscal 1998", "1998"}}},
	// A determiner is part of a decade's extent, as of any temporal noun
	// phrase (TimeML, TIDES): "the late 1970s", "the nineties".
	{name: "decade", src: "the? EARLY? -? DECADE",
		build: func(r *run, m *match) bool {
			var mod string
			if t := m.tok(1); t != nil {
				mod = modNames[t.val]
			}
			v := string(pad(nil, int(m.tok(3).val), 3))
			return r.whole(m, TypeDate, v, mod, TenseUnknown, explain("'%s' is a decade", m.text()))
		},
		examples: []example{{"in the 1990s the", "the 1990s", "199"}, {"by the mid-1980s", "the mid-1980s", "198"}, {"in early 1990s", "early 1990s", "199"}}},
	{name: "decade word", src: "the? EARLY? -? '? DECADEW",
		build: func(r *run, m *match) bool {
			if m.tok(3) == nil && m.tok(0) == nil && m.tok(1) == nil {
				return false // "nineties" alone is also an age
			}
			d, as, ok := r.decadeWord(m.tok(4))
			if !ok {
				return false
			}
			var mod string
			if t := m.tok(1); t != nil {
				mod = modNames[t.val]
			}
			return r.emit(piece{from: m.start, to: m.end, typ: TypeDate, value: string(pad(nil, d, 3)), mod: mod,
				expl: explain("'%s' -> the most recent such decade by %s", m.text(), as)})
		},
		examples: []example{{"in the nineties", "the nineties", "199"}, {"since the early '80s", "the early '80s", "198"}, {"in the '90s", "the '90s", "199"},
			{"in the 2020s", "the 2020s", "202"}, {"he is in his nineties", "", ""}}},
	{name: "half of a decade", src: "the? first|second|last half of the '? DECADE|DECADEW",
		build: func(r *run, m *match) bool {
			t := m.tok(6)
			d, why := int(t.val), "a decade"
			if t.class&cDecadeWord != 0 {
				var ok bool
				if d, why, ok = r.decadeWord(t); !ok {
					return false
				}
				why = "the most recent such decade by " + why
			}
			mod, part := "END", "second"
			if m.is(1, "first") {
				mod, part = "START", "first"
			}
			return r.whole(m, TypeDate, string(pad(nil, d, 3)), mod, TenseUnknown, explain("'%s' is the %s half of %s", m.text(), part, why))
		},
		examples: []example{{"the trend of the last half of the '80s", "the last half of the '80s", "198"},
			{"sales fell in the first half of the 1990s", "the first half of the 1990s", "199"}}},
	{name: "century", src: "the? EARLY? -? ORD CENTURY",
		build: func(r *run, m *match) bool {
			n := int(m.tok(3).val)
			if n < 1 || n > 100 {
				return false
			}
			var mod string
			if t := m.tok(1); t != nil {
				mod = modNames[t.val]
			}
			return r.whole(m, TypeDate, string(pad(nil, n-1, 2)), mod, TenseUnknown, explain("'%s' is the century %02d00-%02d99", m.text(), n-1, n-1))
		},
		examples: []example{{"in the 20th century", "the 20th century", "19"}, {"the twenty-first century", "the twenty-first century", "20"}}},

	// ---- Quarters and halves ----
	{name: "quarter", src: "the? FISCAL? ~-? QORD ~-? quarter|half of? FISCAL? YEAR?",
		build: func(r *run, m *match) bool {
			n := int(m.tok(3).val)
			half := strings.EqualFold(m.word(m.tok(5)), "half")
			if m.tok(4) != nil && m.tok(0) != nil {
				m.start = m.at[1] // "the third-quarter loss": "the" belongs to the noun
				if m.start < 0 {
					m.start = m.at[3]
				}
			}
			if half && n > 2 {
				return false
			}
			if !half {
				// "its fourth quarter ended June 30" is April to June.
				if end, ok := r.periodEnd(m); ok {
					return r.endedQuarter(m, end, true)
				}
			}
			// A fiscal quarter's number names no calendar months: with no end
			// told it is an unknown quarter of its year.
			fiscal := !half && (m.tok(1) != nil || m.tok(7) != nil)
			recent := func() bool {
				if fiscal {
					return r.fiscalQuarter(m, 0)
				}
				return r.recentPeriod(m, n, half)
			}
			of := func(y int, why string) bool {
				if fiscal {
					return r.fiscalQuarter(m, y)
				}
				v := quarterValue(y, n)
				if half {
					v = yearValue(y) + "-H" + string(rune('0'+n))
				}
				return r.whole(m, TypeDate, v, "", TenseUnknown, why)
			}
			if t := m.tok(8); t != nil {
				return of(int(t.val), explain("'%s' names a quarter", m.text()))
			}
			if m.tok(6) == nil && !(r.wordIs(m.after(1), "of") && r.wordAfter(m, 2)) {
				return recent()
			}
			// "the first half of this year" is that year's; "the first half
			// of the game" or "of the decade" is no calendar half; "the third
			// quarter of $226 million" brings an amount.
			if m.tok(6) != nil {
				m.end = m.at[6]
			}
			if !r.wordAfter(m, 2) {
				return recent()
			}
			rel, u := m.after(2), m.after(3)
			if !r.wordIs(u, "year") || rel.class&(cThis|cLast|cNext) == 0 && !r.wordIs(rel, "the") {
				return false
			}
			m.end += 3
			if r.wordIs(rel, "the") {
				return recent() // "the fourth quarter of the year": the year in view
			}
			y, as, ok := r.relativeYear(rel)
			if !ok {
				return false
			}
			return of(y, explain("'%s' -> of the year %d, from %s", m.text(), y, as))
		},
		examples: []example{
			{"profit in the third quarter fell", "the third quarter", "2020-Q3"},
			{"third-quarter profit", "third-quarter", "2020-Q3"},
			{"in the first quarter of 1998", "the first quarter of 1998", "1998-Q1"},
			{"the first half", "the first half", "2021-H1"},
			{"Sales will rise in the first quarter of next year.", "the first quarter of next year", "2022-Q1"},
			{"Profit rose in the first half of last year.", "the first half of last year", "2020-H1"},
			{"He scored in the first half of the game.", "the first half", ""},
			{"It grew in the second half of the decade.", "the second half", ""},
			{"Profit fell in the first quarter of the year.", "the first quarter of the year", "2021-Q1"},
			{"net income for the third quarter of $226.3 million", "the third quarter", "2020-Q3"},
			// A quarter with its own end is the calendar quarter that ends
			// there, whatever its number.
			{"It lost $20 million for its fourth quarter ended June 30.", "fourth quarter", "2020-Q2"},
			{"Net was $4 million for the fiscal-first quarter ended Sept. 30.", "the fiscal-first quarter", "2020-Q3"},
			{"UniFirst earned $3 million for the fourth quarter ended Aug. 26.", "the fourth quarter", "2020-Q3"},
			{"It earned $5 million for its fourth quarter ended yesterday.", "fourth quarter", "2021-Q1"},
			// A fiscal quarter with no end told is no known calendar quarter,
			// until "the quarter ended ..." soon after it tells its end.
			{"Delta's earnings soared in the fiscal first quarter.", "the fiscal first quarter", "2021-QX"},
			{"Net rose in the fiscal second-quarter of 1990.", "fiscal second-quarter of 1990", "1990-QX"},
			{"Sun earned $5 million in the fiscal first quarter. It had sales of $538 million for the quarter ended Sept. 29.", "the fiscal first quarter", "2020-Q3"},
			{"Delta's earnings soared in the fiscal first quarter. The airline cited traffic. For the quarter ended Sept. 30, it earned $133 million.", "the fiscal first quarter", "2020-Q3"},
			{"Sun earned $5 million in the fiscal first quarter. It lost money in its fourth quarter ended June 30.", "the fiscal first quarter", "2021-QX"},
		}},
	{name: "half of a year", src: "the? first|last two? quarters|half of FISCAL? YEAR",
		build: func(r *run, m *match) bool {
			if m.is(3, "quarters") != (m.tok(2) != nil) {
				return false // "the first two halves", "the last quarters of"
			}
			h := 2
			if m.is(1, "first") {
				h = 1
			}
			y := int(m.tok(6).val)
			return r.whole(m, TypeDate, yearValue(y)+"-H"+string(rune('0'+h)), "", TenseUnknown, explain("'%s' is half %d of %d", m.text(), h, y))
		},
		examples: []example{{"losses through the first two quarters of 1990", "the first two quarters of 1990", "1990-H1"},
			{"earnings for the last half of 1989", "the last half of 1989", "1989-H2"}}},
	{name: "the latest quarter", src: "the LAST|NEXT|THIS|latest|current|same quarter|period",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			if m.is(2, "period") {
				// "the latest period" in a results story is the quarter reported.
				if !m.is(1, "latest") && !m.is(1, "same") || r.quarter == "" {
					return false
				}
				return r.derive(m, r.quarter, explain("'%s' -> the quarter last mentioned", m.text()))
			}
			n := 0
			switch strings.ToLower(m.word(m.tok(1))) {
			case "next", "coming", "following", "upcoming":
				n = 1
			case "this", "current":
			case "same":
				if r.quarter != "" {
					return r.derive(m, r.quarter, explain("'%s' -> the quarter last mentioned", m.text()))
				}
				return false
			default:
				n = -1
			}
			v := unitValue(shift(a, uQuarter, n), uQuarter)
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> the quarter relative to %s", m.text(), as))
		},
		examples: []example{{"earnings for the latest quarter", "the latest quarter", "2020-Q4"},
			{"third-quarter net rose; in the latest period, sales", "the latest period", "2020-Q3"}}},

	// ---- Relative days ----
	{name: "deictic", src: "DEICTIC POD?",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			a, as := r.anchor()
			off := int(t.val) - dToday
			pod := ""
			switch int(t.val) {
			case dTonight:
				off, pod = 0, "NI"
			}
			if p := m.tok(1); p != nil {
				pod = podCodes[p.val]
			}
			typ := TypeDate
			if pod != "" {
				typ = TypeTime
			}
			if a.IsZero() {
				v := "XXXX-XX-XX"
				if pod != "" {
					v += "T" + pod
				}
				return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			if off == 0 && pod == "" && r.possessive(m) && (r.wordIs(m.after(3), genericNouns...) || r.wordIs(m.after(4), genericNouns...)) {
				// "today's youth", "today's personal computers": these days.
				return r.whole(m, TypeDate, "PRESENT_REF", "", TenseUnknown, explain("'%s' before a class of people or things means these days", m.text()))
			}
			// "the people of tomorrow", "the Russia of today": an age, not a
			// day ("the events of yesterday" stays the day before).
			if off >= 0 && pod == "" && r.wordIs(m.before(1), "of") && !r.possessive(m) {
				if n := m.before(2); n != nil && n.kind == kWord && n.class == 0 {
					v := "PRESENT_REF"
					if off > 0 {
						v = "FUTURE_REF"
					}
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'of %s' after a noun names an age, not a day", m.text()))
				}
			}
			v := dayValue(a.AddDays(off))
			if pod != "" {
				v += "T" + pod
			}
			return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' -> %d day(s) from %s", m.text(), off, as))
		},
		examples: []example{
			{"He said today that", "today", "2021-03-22"},
			{"The case is for today's youth what the blockade was", "today", "PRESENT_REF"},
			{"the chips of choice in many of today's personal computers", "today", "PRESENT_REF"},
			{"in today's editions", "today", "2021-03-22"},
			{"If I were choosing the people of tomorrow, I would", "tomorrow", "FUTURE_REF"},
			{"the Russia of today is", "today", "PRESENT_REF"},
			{"the agenda of tomorrow's meeting", "tomorrow", "2021-03-23"},
			{"the attacks of yesterday", "yesterday", "2021-03-21"},
			{"Yesterday, the", "Yesterday", "2021-03-21"},
			{"will speak tonight", "tonight", "2021-03-22TNI"},
			{"yesterday afternoon", "yesterday afternoon", "2021-03-21TAF"},
		}},
	{name: "last night / this morning", src: "LAST|THIS|THE POD",
		build: func(r *run, m *match) bool {
			w := strings.ToLower(m.word(m.tok(0)))
			pod := podCodes[m.tok(1).val]
			a, as := r.anchor()
			off := 0
			switch w {
			case "last", "past", "previous":
				if pod != "NI" && pod != "EV" {
					return false
				}
				off = -1
			case "this":
			case "the":
				n := m.after(1)
				clause := n != nil && n.kind == kWord && !r.wordIs(n, "and", "or", "but")
				// "On Friday, prices fell. Dealers bought in the morning to
				// start ...": the morning of the day just told, when a
				// preposition of time brings it in a clause that is not
				// future ("he will leave in the morning" looks ahead from
				// now) and no "of" or clause says which morning.
				if d, why, ok := r.recentDay(1); ok && r.wordIs(m.before(1), "in", "during", "through", "throughout") && r.tense(m.start, m.end) != TenseFuture &&
					(!clause || !r.wordIs(n, "of", "that", "when", "before", "after", "following", "preceding", "which", "where")) {
					return r.whole(m, TypeTime, dayValue(d)+"T"+pod, "", TenseUnknown, explain("'%s' -> part of %s", m.text(), why))
				}
				if clause {
					return false // "the night of Oct. 23", "the night the plane went down"
				}
			default:
				return false
			}
			if a.IsZero() {
				return r.whole(m, TypeTime, "XXXX-XX-XXT"+pod, "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			return r.whole(m, TypeTime, dayValue(a.AddDays(off))+"T"+pod, "", TenseUnknown, explain("'%s' -> part of the day %s", m.text(), as))
		},
		examples: []example{{"attack last night", "last night", "2021-03-21TNI"}, {"said this morning", "this morning", "2021-03-22TMO"},
			{"Shares fell on Friday. Dealers placed buy orders in the morning to start the month.", "the morning", "2021-03-19TMO"},
			{"He was shot on Friday. He died during the night.", "the night", "2021-03-19TNI"},
			{"He was arrested on Friday. He will appear in court in the morning.", "the morning", "2021-03-22TMO"},
			{"Dealers placed buy orders in the morning to start the month.", "the morning", ""},
			{"He was shot on Friday. He died during the night of the storm.", "the night", ""}}},
	{name: "weekday", src: "WEEKDAY POD?",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			pod := ""
			if p := m.tok(1); p != nil {
				pod = podCodes[p.val]
			} else if code, k := r.pluralPOD(m); code != "" {
				// "Tuesday nights", "on Monday and Tuesday nights": every
				// such part of that weekday.
				to := m.end
				if k == 1 {
					to++
				}
				return r.emit(piece{from: m.start, to: to, typ: TypeSet, value: "XXXX-WXX-" + string(rune('0'+t.val)) + "T" + code,
					expl: explain("'%s' with a plural part of day repeats weekly", m.text())})
			}
			return r.weekdayOf(m, int(t.val), "", pod)
		},
		examples: []example{
			// A future told from a past day counts from that day.
			{"Officials said Friday that he would leave on Saturday.", "Saturday", "2021-03-20"},
			{"Officials said Friday that he will leave on Saturday.", "Saturday", "2021-03-27"},
			{"He said he would return Saturday.", "Saturday", "2021-03-27"},
			{"Police said Friday that he would be charged Friday.", "Friday", "2021-03-19"},
			{"White House spokeswoman Jen Psaki said Biden was busy on Friday", "Friday", "2021-03-19"},
			{"the ambassador returned to Russia on Sunday.", "Sunday", "2021-03-21"},
			{"The Russian Foreign Ministry said Monday that", "Monday", "2021-03-22"},
			{"The talks will resume on Thursday.", "Thursday", "2021-03-25"},
			{"Biden spoke Friday afternoon", "Friday afternoon", "2021-03-19TAF"},
			{"He left Sunday night", "Sunday night", "2021-03-21TNI"},
			{"flights would leave on Monday and Tuesday nights from March 30", "Tuesday nights", "XXXX-WXX-2TNI"},
			{"flights would leave on Monday and Tuesday nights from March 30", "Monday", "XXXX-WXX-1TNI"},
			{"The offer had been due to expire Friday.", "Friday", "2021-03-19"},
			{"The offensive began as previously planned Saturday night.", "Saturday night", "2021-03-20TNI"},
			{"Extremists bombed two towns to undermine the peace process, set to resume Tuesday in Belfast.", "Tuesday", "2021-03-23"},
			{"Talks have stalled since Tuesday.", "Tuesday", "2021-03-16"},
			{"They said they would look for ways to get around Wednesday's ruling.", "Wednesday", "2021-03-17"},
			{"The bill will be decided at Thursday's session.", "Thursday", "2021-03-25"},
			{"Officials postponed until Tuesday any action on the permit.", "Tuesday", "2021-03-23"},
			{"Officials said they did not plan to remove him on Thursday.", "Thursday", "2021-03-25"},
			{"On Friday, her vacation plans for the trip fell through.", "Friday", "2021-03-19"},
		}},
	{name: "last/next/this weekday", src: "the|this? LAST|NEXT|THIS WEEKDAY POD? ,? MONTH? DAY|ORDNUM|ORDW?",
		build: func(r *run, m *match) bool {
			if m.is(0, "the") && !m.is(1, "previous") && !m.is(1, "following") {
				return false
			}
			if m.is(0, "this") && m.tok(1).class&(cNext|cLast) == 0 {
				return false
			}
			// "this coming Sunday, March eighth": the date in apposition
			// says which day; without one the match ends at the weekday.
			if mt, d := m.tok(5), m.tok(6); mt != nil && d != nil && m.tok(3) == nil {
				return r.dayOf(m, m.start, m.end, time.Month(mt.val), int(d.val), 0)
			}
			for k := 4; k < 7; k++ {
				if m.tok(k) != nil {
					m.end = m.at[k]
					break
				}
			}
			how := "last"
			switch m.tok(1).class & (cLast | cNext | cThis) {
			case cNext:
				how = "next"
			case cThis:
				how = "this"
			}
			if m.tok(1).class&cLast != 0 && !m.is(1, "last") && !m.is(1, "past") && !m.is(1, "previous") {
				return false
			}
			pod := ""
			if p := m.tok(3); p != nil {
				pod = podCodes[p.val]
			}
			if m.is(1, "previous") || m.is(1, "following") {
				// "the previous Friday" counts from the date last mentioned.
				a, as := r.eventAnchor(gDay)
				if a.IsZero() {
					return false
				}
				d := weekdayFrom(a, int(m.tok(2).val), map[string]int{"previous": -1, "following": 1}[strings.ToLower(m.word(m.tok(1)))], true)
				v := dayValue(d)
				if pod != "" {
					v += "T" + pod
				}
				return r.derive(m, v, explain("'%s' -> counted from %s", m.text(), as))
			}
			return r.weekdayOf(m, int(m.tok(2).val), how, pod)
		},
		examples: []example{
			{"In an interview broadcast last Wednesday, Biden", "last Wednesday", "2021-03-17"},
			{"Women's Day is this coming Sunday, March 28.", "this coming Sunday, March 28", "2021-03-28"},
			{"Last Thursday, March organizers said", "Last Thursday", "2021-03-18"},
			{"Last Thursday, in response", "Last Thursday", "2021-03-18"},
			{"next Tuesday", "next Tuesday", "2021-03-23"},
			{"this Thursday", "this Thursday", "2021-03-25"},
			{"this coming Sunday", "this coming Sunday", "2021-03-28"},
		}},
	{name: "that weekday", src: "that WEEKDAY POD?",
		build: func(r *run, m *match) bool {
			if r.wordIs(m.before(1), saysThat...) {
				return false // "He said that Friday was the deadline": a clause
			}
			a, why, ok := r.recentDay(1)
			if !ok {
				return false // the bare weekday rule takes the weekday alone
			}
			wd := int(m.tok(1).val)
			d := weekdayFrom(a, 1, -1, false).AddDays(wd - 1)
			typ, v := TypeDate, dayValue(d)
			if p := m.tok(2); p != nil {
				typ, v = TypeTime, v+"T"+podCodes[p.val]
			}
			return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' -> the %s of the week of %s", m.text(), weekdayNames[wd], why))
		},
		examples: []example{
			{"The bomb exploded on Oct. 12, 1998. That Friday, he appeared in court.", "That Friday", "1998-10-16"},
			{"He was arrested on Tuesday, March 2. That Friday night he was freed.", "That Friday night", "2021-03-05TNI"},
			{"That Friday, he appeared in court.", "Friday", "2021-03-19"},
			{"He was arrested on March 2. He said that Friday was the deadline.", "Friday", "2021-03-19"},
		}},
	{name: "the day before a weekday", src: "the day before|after LAST|NEXT|THIS? WEEKDAY",
		build: func(r *run, m *match) bool {
			how := ""
			if t := m.tok(3); t != nil {
				switch {
				case t.class&cNext != 0:
					how = "next"
				case t.class&cThis != 0:
					how = "this"
				case m.is(3, "last"):
					how = "last"
				default:
					return false
				}
			}
			n := len(r.out)
			if !r.weekdayOf(m, int(m.tok(4).val), how, "") || len(r.out) == n {
				return false
			}
			ms := &r.out[n]
			if !ms.Anchored() {
				return true
			}
			off := -1
			if m.is(2, "after") {
				off = 1
			}
			d := ms.StartDate.AddDays(off)
			if d.Year < MinYear || d.Year > MaxYear {
				r.out = r.out[:n]
				return false
			}
			ms.Value, ms.StartDate, ms.EndDate = dayValue(d), d, d
			ms.Explanation += explain(", and one day %s it: %s", strings.ToLower(m.word(m.tok(2))), d)
			r.last = d
			return true
		},
		examples: []example{{"The day before last Tuesday's hearing, he went home.", "The day before last Tuesday", "2021-03-15"}}},
	{name: "last/next/this unit", src: "LAST|NEXT|THIS UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u < uDay {
				return false
			}
			n := step(m.tok(0).class)
			word := [...]string{"before", "of", "after"}[n+1]
			if u == uDay {
				if n == 0 {
					return false
				}
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				_ = as
				return r.whole(m, TypeDate, dayValue(a.AddDays(n)), "", TenseUnknown, explain("'%s' -> one day from %s", m.text(), as))
			}
			if u == uWeekend && n == 0 {
				a, as := r.anchor()
				if a.IsZero() {
					return r.whole(m, TypeDate, "XXXX-WXX-WE", "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
				}
				return r.whole(m, TypeDate, weekendValue(a), "", TenseUnknown, explain("'%s' -> the weekend of the week of %s", m.text(), as))
			}
			// "earnings of $33 million last year", "from last year's $1.55
			// billion", with a quarter in force: the figure compared is
			// that quarter's, a year before.
			if u == uYear && n == -1 && r.comparedAmount(m) && r.quarterBefore(m) {
				return true
			}
			return r.relUnit(m, u, n, word)
		},
		examples: []example{
			{"a television anchor's question last week that", "last week", "2021-W11"},
			{"Third-quarter profit was $24 million, compared with a loss of $3 million last year.", "last year", "2019-Q3"},
			{"The market had sales of about $1.4 billion last year.", "last year", "2020"},
			{"this week", "this week", "2021-W12"},
			{"Third-quarter net fell. This quarter's loss includes charges.", "This quarter", "2020-Q3"},
			{"Third-quarter net fell. Sales this quarter will rise.", "this quarter", "2021-Q1"},
			{"Baker said on ABC's \"This Week\" that", "This Week", ""},
			{"This is VOA Today.", "Today", ""},
			{"a joint venture called Orion 1980, making parts", "1980", ""},
			{"Netanyahu told his ministers. That 1978 resolution calls for", "1978", "1978"},
			{"to undermine his candidacy in the US 2020 election", "2020", "2020"},
			{"aides of the Clinton 1996 campaign", "1996", "1996"},
			{"He said, \"Today we vote.\"", "Today", "2021-03-22"},
			{"next month", "next month", "2021-04"},
			{"last year", "last year", "2020"},
			{"this year's budget", "this year", "2021"},
			{"last weekend", "last weekend", "2021-W11-WE"},
			{"in the next decade", "the next decade", "203"},
		}},
	{name: "the weekend", src: "the|this weekend",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return r.whole(m, TypeDate, "XXXX-WXX-WE", "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			t := r.tense(m.start, m.end)
			var d Date
			why := ""
			switch {
			case t == TenseFuture:
				d = weekdayFrom(a, 6, 1, false)
				if a.Weekday() == time.Sunday {
					d = a
				}
				why = "the coming weekend (" + tenseWord(t) + ")"
			default:
				d = weekdayFrom(a, 6, -1, false)
				why = "the last weekend on or before " + as + " (" + tenseWord(t) + ")"
			}
			return r.whole(m, TypeDate, weekendValue(d), "", t, explain("'%s' -> %s", m.text(), why))
		},
		examples: []example{{"flying to Siberia over the weekend but", "the weekend", "2021-W11-WE"}}},
	{name: "earlier this unit", src: "EARLIER|EARLY|LAST THIS|LAST|NEXT UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if u < uWeek || u == uWeekend {
				return false
			}
			n := step(m.tok(1).class)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			mod := ""
			switch strings.ToLower(m.word(m.tok(0))) {
			case "early":
				mod = "START"
			case "late":
				mod = "END"
			case "earlier", "later":
			default:
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), mod, TenseUnknown, explain("'%s' -> part of the %s relative to %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"earlier this month", "earlier this month", "2021-03"}, {"early next year", "early next year", "2022"}}},
	{name: "units ago", src: "a? NUM|A|FEW UNIT|UNITS or? so? AGO|earlier|later|before|after|hence",
		build: func(r *run, m *match) bool {
			if m.tok(0) != nil && m.tok(1).class&cFew == 0 {
				return false // "a" only before "few"
			}
			m.shiftSlots(1)
			n := num(m.tok(0))
			if m.tok(0).class&cFew != 0 {
				n = -1
			}
			u := unitOf(m.tok(1))
			var mod string
			switch {
			case m.tok(2) != nil && m.tok(3) != nil:
				mod = modNames[modApprox] // "a week or so ago"
			case m.tok(2) != nil || m.tok(3) != nil:
				return r.duration(m, m.start, m.at[1]+1, n, u) // "two days or later"
			}
			dir := m.toks[m.end-1]
			w := strings.ToLower(m.word(&dir))
			if w == "before" || w == "after" {
				// "six days after the inauguration": the length is what is
				// said; the anchor is an event, not a date.
				return r.duration(m, m.start, m.at[1]+1, n, u)
			}
			if n < 0 || u < uDay {
				if u < uDay {
					return false
				}
				a, as := r.anchor()
				if w == "ago" && u == uYear && !a.IsZero() && a.Year >= 10 {
					// "a few years ago": some year of the decade before.
					v := string(pad(nil, (a.Year-3)/10, 3)) + "X"
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> an unspecified year a few years before %s", m.text(), as))
				}
				return r.whole(m, TypeDate, "PAST_REF", "", TenseUnknown, explain("'%s' is an unspecified time before", m.text()))
			}
			sign := -1
			if w == "later" || w == "hence" {
				sign = 1
			}
			var a Date
			var as string
			if w == "ago" {
				a, as = r.anchorAt(unitGran(u))
			} else {
				a, as = r.eventAnchor(unitGran(u))
			}
			if a.IsZero() {
				return r.whole(m, TypeDate, unknownValue(u), "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			d := shift(a, u, sign*n)
			if d.IsZero() {
				return false
			}
			v := unitValue(d, u)
			if u == uYear && n == 1 && r.quarter != "" {
				// "profit rose from $5 million a year earlier", after "the
				// third quarter": the same quarter a year before; after "for
				// the nine months", the year before.
				pv, _ := parseValue(r.quarter)
				if pv.year > 0 && r.periodYear() {
					return r.derive(m, yearValue(pv.year+sign), explain("'%s' -> the year of the period last named, a year away", m.text()))
				}
				if pv.year > 0 {
					return r.derive(m, quarterValue(pv.year+sign, pv.quarter), explain("'%s' -> the quarter last named (%s), a year away", m.text(), r.quarter))
				}
			}
			return r.whole(m, TypeDate, v, mod, TenseUnknown, explain("'%s' -> %d %s(s) from %s", m.text(), sign*n, unitNames[u], as))
		},
		examples: []example{
			{"two days ago", "two days ago", "2021-03-20"},
			{"Then, a week or so ago, he picked the date.", "a week or so ago", "2021-W11"},
			{"a year ago", "a year ago", "2020"},
			{"six days after the inauguration", "six days", "P6D"},
			{"A few days after the vote, he left.", "A few days", "PXD"},
			{"removed a few years ago", "a few years ago", "201X"},
			{"Third-quarter net fell from $5 million a year earlier.", "a year earlier", "2019-Q3"},
			{"Third-quarter net fell. For the nine months, net was $9 million, up from $8 million a year earlier.", "a year earlier", "2019"},
			{"Third-quarter net fell. Analysts expect the slump to continue into the second quarter. Sales fell from a year earlier.", "a year earlier", "2019-Q3"},
		}},
	{name: "the unit before/after", src: "the UNIT|POD before|after|earlier|later",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			pod := m.tok(1).class&cPOD != 0
			if !pod && (u < uDay || u == uWeekend) {
				return false
			}
			n := -1
			if m.is(2, "after") || m.is(2, "later") {
				n = 1
			}
			// "the day before returning home", "the day before police
			// issued a warrant": "before" joins a clause; the day is the
			// one of the clause, not the day before the last date.
			if m.is(2, "before") || m.is(2, "after") {
				if x := m.after(1); x != nil && x.kind == kWord && x.flags&fCap == 0 {
					w := m.word(x)
					if strings.HasSuffix(w, "ing") && len(w) > 4 {
						return false
					}
					if y := m.after(2); y != nil && y.class&cTenseMark != 0 && y.tense == TensePast && x.class&(cDet|cIndef|cMonth|cWeekday|cDeictic) == 0 {
						return false
					}
				}
			}
			if pod {
				// "The bomb went off Friday. The night before, police ...":
				// a clause or a noun after it ("the night before the
				// election") names another day.
				if x := m.after(1); x != nil && x.kind == kWord {
					return false
				}
				return r.recentPOD(m, n, m.tok(1))
			}
			// "after Oct. 12, the day before the stock market plunge": an
			// apposition that says what the date was, not a day earlier.
			if k := m.start; (m.is(2, "before") || m.is(2, "after")) && k >= 2 && r.toks[k-1].kind == kPunct && r.toks[k-1].punct == ',' &&
				len(r.out) > 0 && r.out[len(r.out)-1].End == r.toks[k-2].end && r.lastGran == unitGran(u) {
				return r.emit(piece{from: k, to: k + 2, typ: TypeDate, value: r.lastVal,
					expl: explain("'%s' in apposition to %s is that %s", r.text[r.toks[k].start:r.toks[k+1].end], r.lastVal, unitNames[u])})
			}
			a, as := r.eventAnchor(unitGran(u))
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), "", TenseUnknown, explain("'%s' -> one %s from %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"On March 3 they met. The day before, he", "The day before", "2021-03-02"},
			{"On March 3 they met, later in the day before returning home.", "the day before", ""},
			{"He was last seen March 3, the day before authorities issued a warrant.", "the day before", ""},
			{"Eight trading days after March 3, the day before the plunge, the index rose.", "the day", "2021-03-03"},
			{"The bomb went off on Friday, March 5. The night before, police had a warning.", "The night before", "2021-03-04TNI"},
			{"The bomb went off on Friday, March 5. The morning after, crowds gathered.", "The morning after", "2021-03-06TMO"},
			{"The bomb went off on Friday, March 5. The night before the election, he spoke.", "The night before", ""},
			{"The night before, police had a warning.", "The night before", ""}}},
	{name: "the next/previous unit", src: "the NEXT|previous|prior|preceding UNIT|POD",
		build: func(r *run, m *match) bool {
			if p := m.tok(2); p.class&cPOD != 0 {
				n := 1
				switch {
				case m.tok(1).class&cLast != 0:
					n = -1
				case !m.is(1, "next") && !m.is(1, "following"):
					return false // "the coming night" looks ahead from now, not from an event
				}
				return r.recentPOD(m, n, p)
			}
			u := unitOf(m.tok(2))
			if u < uDay || u == uWeekend {
				return false
			}
			n := 1
			if m.tok(1).class&cLast != 0 {
				n = -1
			}
			a, as := r.eventAnchor(unitGran(u))
			if a.IsZero() {
				return false
			}
			if u != uDay && r.last.IsZero() {
				return r.relUnit(m, u, n, "from")
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), "", TenseUnknown, explain("'%s' -> one %s from %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"They met on March 3. The next day, he", "The next day", "2021-03-04"},
			{"He was released on Feb. 21. He appeared in court the next morning.", "the next morning", "2021-02-22TMO"},
			{"The bomb went off on March 3, 2020. The following night, crowds gathered.", "The following night", "2020-03-04TNI"},
			{"He was arrested on March 3. The previous evening he had been seen downtown.", "The previous evening", "2021-03-02TEV"},
			{"He appeared in court the next morning.", "", ""},
			{"He was arrested on March 3. Police searched his home. Neighbors talked. He appeared in court the next morning.", "the next morning", ""}}},
	{name: "the week/month/year", src: "the UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u != uYear && u != uMonth && u != uWeek && u != uQuarter {
				return false
			}
			if u == uYear && r.wordIs(m.after(1), "ended", "ending", "ends", "through") {
				// "the year ended June 30": a fiscal period, told by its length.
				return r.duration(m, m.start, m.end, 1, u)
			}
			if n := m.after(1); n != nil && n.kind == kPunct && n.punct == '-' && n.flags&fSpace == 0 {
				return false // "the quarter-to-quarter comparison"
			}
			if u == uQuarter {
				// "the quarter ended Sept. 29" is the quarter that ends
				// there, whatever quarter was named before.
				if end, ok := r.periodEnd(m); ok {
					return r.endedQuarter(m, end, false)
				}
				if r.quarter != "" {
					return r.derive(m, r.quarter, explain("'%s' -> the quarter last mentioned", m.text()))
				}
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				return r.whole(m, TypeDate, unitValue(shift(a, uQuarter, -1), uQuarter), "", TenseUnknown, explain("'%s' -> the last full quarter before %s", m.text(), as))
			}
			if n := m.after(1); n != nil && (r.wordIs(n, "before", "after", "earlier", "later", "of", "ago", "when", "in", "that") || n.kind == kNum) {
				// "a high for the year of $42.875": "of" brings an amount.
				if a := m.after(2); !r.wordIs(n, "of") || a == nil || a.kind != kNum && !(a.kind == kPunct && a.punct == '$') {
					return false
				}
			}
			if p := m.before(1); p == nil || !r.wordIs(p, "for", "during", "in", "over", "through", "throughout", "of") {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(a, u), "", TenseUnknown, explain("'%s' -> the %s of %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"profits for the year rose", "the year", "2021"}, {"net for the year ended June 30", "the year", "P1Y"},
			{"Net rose in the year ending tomorrow.", "the year", "P1Y"},
			{"rising to a high for the year of $42.875 a share", "the year", "2021"},
			{"profit in the quarter rose", "the quarter", "2020-Q4"},
			{"In the quarter ended July 31, it had 5.6 million shares", "the quarter", "2020-Q2"},
			{"Net fell for the quarter ended Nov. 2.", "the quarter", "2020-Q3"},
			{"Sales rose in the quarter ended in March.", "the quarter", "2020-Q1"},
			{"Net rose for the quarter ended yesterday.", "the quarter", "2021-Q1"},
			{"Profit fell for the quarter ended March 31, 2019.", "the quarter", "2019-Q1"},
			{"Third-quarter net rose. Fourth-quarter sales fell. Net for the quarter ended Sept. 30 rose.", "the quarter", "2020-Q3"},
			{"Sun earned $5 million in the fiscal first quarter. It had sales of $538 million for the quarter ended Sept. 29.", "the quarter", "2020-Q3"}}},

	// ---- Durations ----
	{name: "the past n units", src: "the? LAST|NEXT|first|latest NUM|FEW UNITS|UNIT",
		build: func(r *run, m *match) bool {
			if m.tok(0) == nil && !m.tok(1).has(cLast) && !m.is(1, "next") {
				return false
			}
			n := num(m.tok(2))
			if m.tok(2).class&cFew != 0 {
				n = -1
			}
			return r.duration(m, m.start, m.end, n, unitOf(m.tok(3)))
		},
		examples: []example{
			{"over the past two years", "the past two years", "P2Y"},
			{"In the last twenty four hours, the", "the last twenty four hours", "PT24H"},
			{"the first nine months", "the first nine months", "P9M"},
			{"45% of its business in the latest nine months", "the latest nine months", "P9M"},
		}},
	{name: "the past unit", src: "the LAST|NEXT UNIT",
		build: func(r *run, m *match) bool {
			if m.tok(1).class&cLast != 0 && !m.is(1, "past") && !m.is(1, "last") {
				return false
			}
			return r.duration(m, m.start, m.end, 1, unitOf(m.tok(2)))
		},
		examples: []example{{"over the past year", "the past year", "P1Y"}}},
	{name: "n to m units", src: "the? NEXT|LAST? NUM to NUM UNITS",
		build: func(r *run, m *match) bool {
			lo, hi, u := num(m.tok(2)), num(m.tok(4)), unitOf(m.tok(5))
			if lo <= 0 || hi <= lo || u == 0 || u == uWeekend || m.tok(2).class&cYearNum != 0 {
				return false
			}
			// A range of lengths has no single TIMEX3 value: say what it
			// is at least ("within two to three weeks").
			v := durationValue(lo, u)
			switch {
			case u == uDecade:
				v = durationValue(10*lo, uYear)
			case u == uCentury:
				v = durationValue(100*lo, uYear)
			}
			return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: v, mod: modNames[modEqualOrMore],
				expl: explain("'%s' is a length of time of at least %d %s(s)", m.text(), lo, unitNames[u])})
		},
		examples: []example{
			{"will resume shipments within two to three weeks", "two to three weeks", "P2W"},
			{"acquisitions to be made during the next 12 to 18 months", "the next 12 to 18 months", "P12M"},
			{"sales rose 5 to 6 percent", "", ""},
		}},
	{name: "n units", src: "the? NUM|A ~-? UNIT|UNITS",
		build: func(r *run, m *match) bool {
			n := num(m.tok(1))
			u := unitOf(m.tok(3))
			if n < 0 || u == 0 {
				return false
			}
			// "78-year-old" is an age, not a time; "a year-earlier loss" is
			// read by the year-earlier rule.
			if a := m.after(1); a != nil && a.kind == kPunct && a.punct == '-' && a.flags&fSpace == 0 {
				if b := m.after(2); r.wordIs(b, "old", "earlier", "ago") {
					return false
				}
			}
			if m.tok(1).class&cIndef != 0 && m.tok(0) != nil {
				return false
			}
			// "a year" after a count of times is a frequency.
			if m.tok(1).class&cIndef != 0 {
				if p := m.before(1); r.wordIs(p, "times", "twice", "once", "thrice") {
					return r.whole(m, TypeSet, durationValue(1, u), "", TenseUnknown, explain("'%s' is a frequency", m.text()))
				}
			}
			if m.tok(1).kind == kNum && m.tok(1).val == 0 {
				return false
			}
			if u == uQuarter && r.wordIs(m.after(1), "of") {
				return false // "three-quarters of its food": a fraction
			}
			if r.wordIs(m.after(1), "old", "older", "younger") {
				return false // "52 years old": an age
			}
			if r.payAfter(m) {
				return false // "a bonus equal to six months of base pay": an amount of money
			}
			if m.tok(1).class&cIndef != 0 {
				// "four flights a week", "$5 a day", "24 hours a day": a rate.
				if p := m.before(1); r.amount(p) || p != nil && p.kind == kWord && p.flags&fCap == 0 && len(r.text[p.start:p.end]) > 3 && r.text[p.end-1] == 's' && p.class&(cUnits|cTenseMark) == 0 ||
					p != nil && p.class&cUnits != 0 && r.amount(m.before(2)) {
					return false
				}
			}
			if m.tok(1).flags&fHalf != 0 {
				v := halfDuration(n, u)
				if v == "" {
					return false
				}
				return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: v, expl: explain("'%s' is a length of time, not a date", m.text())})
			}
			if m.tok(1).class&cYearNum != 0 && u != uYear {
				return false // "the 1988 quarter" is a quarter, not 1988 of them
			}
			from := m.start
			if m.tok(2) != nil || n > 1 && m.tok(3).class&cUnits == 0 {
				// "the 30-day period", "the two day rally": a length used as
				// an adjective; "the" belongs to the noun.
				from = m.at[1]
			}
			// "would be redeemed in five years": the point that far ahead,
			// not a length (TIDES); "the smallest gain in a year" stays one.
			if m.tok(0) == nil && m.tok(2) == nil && n > 0 && u >= uDay && u != uWeekend && r.wordIs(m.before(1), "in") &&
				m.tok(3).class&cUnits != 0 && r.tense(m.start, m.end) == TenseFuture {
				if a, as := r.anchorAt(unitGran(u)); !a.IsZero() {
					if d := shift(a, u, n); !d.IsZero() {
						return r.whole(m, TypeDate, unitValue(d, u), "", TenseFuture, explain("'in %s' in a future clause -> %d %s(s) after %s", m.text(), n, unitNames[u], as))
					}
				}
			}
			// "Islam will one day be ...": some day to come, not a length.
			if u == uDay && n == 1 && m.is(1, "one") && m.tok(0) == nil && r.wordIs(m.before(1), "will", "ll", "would", "could", "might", "may", "can", "shall") {
				return r.whole(m, TypeDate, "FUTURE_REF", "", TenseFuture, explain("'%s' after a modal is some day to come", m.text()))
			}
			// "a minute and a half", "two years and a half".
			if r.wordIs(m.after(1), "and") && r.wordIs(m.after(2), "a") && r.wordIs(m.after(3), "half") {
				if v := halfDuration(n, u); v != "" {
					return r.emit(piece{from: from, to: m.end + 3, typ: TypeDuration, value: v, expl: explain("'%s and a half' is a length of time, not a date", m.text())})
				}
			}
			return r.duration(m, from, m.end, n, u)
		},
		examples: []example{
			// A length given as a choice is one approximate length.
			{"You may, in a year or two, save lives.", "a year or two", "P1Y"},
			{"He died within weeks or months of his capture.", "weeks or months", "PXW"},
			{"It took two or three weeks.", "two or three weeks", "P3W"},
			{"He paid three years or $5 million.", "three years", "P3Y"},
			{"Iraq would open the sites for no more than sixty days.", "no more than sixty days", "P60D"},
			{"to extend the treaty for five years", "five years", "P5Y"},
			{"outside every home and office, 24 hours a day, let it be done", "a day", ""},
			{"a retirement bonus equal to six months of base pay", "", ""},
			{"he was paid a year's salary", "", ""}, {"owed three months' rent", "", ""},
			{"after six months of talks", "six months", "P6M"},
			{"in 100 days", "100 days", "P100D"},
			{"within 24 hours", "24 hours", "PT24H"},
			{"a five-year low", "five-year", "P5Y"},
			{"gathered for the two day rally", "two day", "P2D"},
			{"The stock would be redeemed in five years.", "five years", "2026"},
			{"It was the smallest gain in five years.", "five years", "P5Y"},
			{"the system has evolved over several years", "several years", "PXY"},
			{"the strike lasted over a week", "over a week", "P1W"},
			{"the rest can be used over three years", "three years", "P3Y"},
			{"he spent over a week in Nairobi", "over a week", "P1W"},
			{"they waited over an hour", "over an hour", "PT1H"},
			{"closed over the next two years or so", "the next two years or so", "P2Y"},
			{"the 78-year-old Biden", "", ""},
			{"for a decade", "a decade", "P10Y"},
			{"105 children", "", ""},
			{"for 2 1/2 years", "2 1/2 years", "P2Y6M"},
			{"about 5 1/2 hours", "about 5 1/2 hours", "PT5H30M"},
			{"''I am talking about three days'' more or less, he said.", "three days", "P3D"},
			{"the answer is coming up in just a few minutes.", "a few minutes", "PTXM"},
			{"a minute and a half later, a pilot calls", "a minute and a half", "PT1M30S"},
			{"Islam will one day be the second largest religion", "one day", "FUTURE_REF"},
			{"Gonzalez said on CBS's ''60 Minutes.''", "60 Minutes", ""},
			{"700 seats a week", "", ""},
			{"about three-quarters of its food", "", ""},
			{"the nine months", "the nine months", "P9M"},
		}},
	{name: "n business days", src: "NUM trading|business|working|calendar UNIT|UNITS",
		build: func(r *run, m *match) bool {
			n, u := num(m.tok(0)), unitOf(m.tok(2))
			if n <= 0 || u != uDay && u != uWeek {
				return false
			}
			return r.duration(m, m.start, m.end, n, u)
		},
		examples: []example{{"Eight trading days after Oct. 12, the index", "Eight trading days", "P8D"}, {"within five business days", "five business days", "P5D"}}},
	{name: "few units", src: "a? FEW UNITS",
		build: func(r *run, m *match) bool {
			return r.duration(m, m.start, m.end, -1, unitOf(m.tok(2)))
		},
		examples: []example{{"for several years", "several years", "PXY"}, {"in a few days", "a few days", "PXD"}}},
	{name: "bare plural units", src: "UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(0))
			if u < uDay || u == uWeekend || u == uQuarter {
				return false
			}
			if p := m.before(1); !r.wordIs(p, "for", "within", "over", "in") {
				return false
			}
			if n := m.after(1); r.wordIs(m.before(1), "in") && n != nil && n.kind != kPunct {
				return false // "in years past", "in weeks of talks"
			}
			if n := m.after(1); r.wordIs(n, "of", "ago", "before", "after", "earlier", "later") {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"for years", "years", "PXY"}, {"within weeks", "weeks", "PXW"}, {"the worst in decades.", "decades", "PXE"}, {"ruled from Moscow for centuries", "centuries", "PXC"}}},
	{name: "nth day of", src: "the? ORDW day of",
		build: func(r *run, m *match) bool {
			// "It's the second day of an offensive", "today is the eighth
			// day of Desert Shield": the day it is now, counted from the
			// start of an event. Without "is" the count needs the event's
			// start ("on his first day in office").
			p, q := m.before(1), m.before(2)
			if !r.wordIs(p, "is") && !(r.wordIs(p, "s") && q != nil && q.kind == kPunct && q.punct == '\'') {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.emit(piece{from: m.start, to: m.end - 1, typ: TypeDate, value: dayValue(a), tense: TensePresent,
				expl: explain("'it is %s of ...' names the day it is: %s", m.text(), as)})
		},
		examples: []example{{"It's the second day of an offensive by the police.", "the second day", "2021-03-22"},
			{"In Saudi Arabia, today is the eighth day of Desert Shield.", "the eighth day", "2021-03-22"},
			{"he would do so on his first day in office", "", ""}}},
	{name: "the years", src: "the EARLY? UNITS",
		build: func(r *run, m *match) bool {
			// "over the years", "in the years that followed", "in the
			// early years": an unnamed stretch of years. Days and weeks
			// before an event are a date, not a length ("in the weeks
			// before the shooting").
			u := unitOf(m.tok(2))
			if u < uYear || !r.wordIs(m.before(1), "over", "in", "during", "through", "throughout") {
				return false
			}
			if n := m.after(1); r.wordIs(n, "of", "before", "after", "ahead") ||
				!r.wordIs(m.before(1), "over") && n != nil && n.kind != kPunct && !r.wordIs(n, "that", "since", "following") {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"and over the years many more patients", "the years", "PXY"}, {"over the years of war", "", ""},
			{"In the years that followed, the guerrillas waged war", "the years", "PXY"}, {"in the years before the war", "", ""},
			{"you don't save as many lives in the early years, by a small fraction", "the early years", "PXY"}}},
	{name: "recent units", src: "recent|coming|past UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u < uDay {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"in recent years", "recent years", "PXY"}}},

	// ---- Sets ----
	{name: "set word", src: "SETW",
		build: func(r *run, m *match) bool {
			u := int(m.tok(0).val)
			if n := m.after(1); u == uQuarter && n != nil && n.kind == kWord {
				return false // "quarterly dividend": an adjective of kind, not a time
			}
			// "to rise 8.5% annually", "$17.9 million annually", "10,000
			// units annually": an amount per unit of time is a rate, as "$5
			// a day" is; "held here annually" repeats an event.
			if p := m.before(1); r.amount(p) || p != nil && p.kind == kWord && m.start >= 2 && r.amount(m.before(2)) {
				return false
			}
			return r.whole(m, TypeSet, durationValue(1, u), "", TenseUnknown, explain("'%s' repeats every %s", m.text(), unitNames[u]))
		},
		examples: []example{{"published daily", "daily", "P1D"}, {"paid annually", "annually", "P1Y"},
			{"revenue to increase by 20% annually", "", ""}, {"produce about 10,000 units annually", "", ""},
			{"payments of C$17.9 million annually", "", ""}}},
	{name: "every unit", src: "EVERY NUM? UNIT|UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if u == uWeekend {
				return false
			}
			n := 1
			if t := m.tok(1); t != nil {
				n = num(t)
			}
			if n < 1 {
				return false
			}
			return r.whole(m, TypeSet, durationValue(n, u), "", TenseUnknown, explain("'%s' repeats every %d %s(s)", m.text(), n, unitNames[u]))
		},
		examples: []example{{"meets every week", "every week", "P1W"}, {"each year", "each year", "P1Y"}}},
	{name: "every weekday", src: "EVERY WEEKDAY",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeSet, "XXXX-WXX-"+string(rune('0'+m.tok(1).val)), "", TenseUnknown, explain("'%s' repeats weekly", m.text()))
		},
		examples: []example{{"each Thursday", "each Thursday", "XXXX-WXX-4"}}},

	// ---- Clock times ----
	{name: "clock time", src: "CLOCK|DIGITS|NOON AMPM? ZONE? local? time? ,? on? WEEKDAY|DEICTIC?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(0), m.tok(1))
			if !ok {
				return false
			}
			if m.tok(0).class&cNoon != 0 && r.wordIs(m.before(1), "high") {
				return false // "high noon": the decisive moment, an idiom
			}
			a, as := r.anchor()
			day := a
			why := "on " + as
			if d := m.tok(7); d != nil {
				if a.IsZero() {
					return false
				}
				if d.class&cWeekday != 0 {
					tn := r.tense(m.start, m.end)
					if tn == TenseFuture {
						day = weekdayFrom(a, int(d.val), 1, false)
					} else {
						day = weekdayFrom(a, int(d.val), -1, false)
					}
					why = "on the " + m.word(d) + " nearest " + as + " in " + tenseWord(tn)
				} else {
					day = a.AddDays(int(d.val) - dToday)
					why = m.word(d) + " from " + as
				}
			}
			if d, w, ok := r.weekdayInParens(m, a); ok && m.tok(7) == nil {
				day, why = d, w
			} else if m.tok(7) == nil && r.countedFromEvent(m) {
				day, why = Date{}, "on a day counted from an event ('"+r.text[m.after(1).start:m.after(3).end]+"')"
			} else if d, w, ok := r.pastClockDay(m); ok && m.tok(7) == nil {
				day, why = d, "on "+w
			}
			v := "XXXX-XX-XXT" + hhmm(mins)
			if !day.IsZero() {
				v = dayValue(day) + "T" + hhmm(mins)
			}
			return r.whole(m, TypeTime, v, "", TenseUnknown, explain("'%s' is a clock time %s", m.text(), why))
		},
		examples: []example{{"For Poland, high noon comes today.", "noon", ""},
			{"at 3 p.m. the", "3 p.m.", "2021-03-22T15:00"},
			{"at 15:00 GMT Saturday the", "15:00 GMT Saturday", "2021-03-20T15:00"},
			{"happened at 5:30 p.m. local time on Saturday.", "5:30 p.m. local time on Saturday", "2021-03-20T17:30"},
			{"a score of 3-1", "", ""},
			{"The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.", "10:35 a.m.", "2021-03-19T10:35"},
			{"He was killed on March 3. He was shot at 10 p.m. as he stood in his kitchen.", "10 p.m.", "2021-03-03T22:00"},
			{"A jogger spotted his car at 6 a.m. ten days before the shooting.", "6 a.m.", "XXXX-XX-XXT06:00"},
			{"On Friday, police said, he was shot at 10 p.m. in his kitchen.", "10 p.m.", "2021-03-19T22:00"},
			{"He was killed on March 3.\n\nHe was shot at 10 p.m. as he stood in his kitchen.", "10 p.m.", "2021-03-22T22:00"},
			{"The trial opens on March 30. He was shot at 10 p.m. in his kitchen.", "10 p.m.", "2021-03-22T22:00"},
			{"He was killed on March 3. Police will hold a briefing at 10 a.m.", "10 a.m.", "2021-03-22T10:00"},
		}},

	{name: "weekday at time", src: "WEEKDAY|DEICTIC POD? at|,? CLOCK|DIGITS|NOON AMPM? ZONE?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(3), m.tok(4))
			if !ok {
				return false
			}
			d := m.tok(0)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			var day Date
			var why string
			if d.class&cWeekday != 0 {
				tn := r.tense(m.start, m.end)
				if tn == TenseFuture {
					day = weekdayFrom(a, int(d.val), 1, false)
				} else {
					day = weekdayFrom(a, int(d.val), -1, false)
				}
				why = "the " + m.word(d) + " nearest " + as + " in " + tenseWord(tn)
			} else {
				if d.val > dTomorrow {
					return false
				}
				day = a.AddDays(int(d.val) - dToday)
				why = m.word(d) + " from " + as
			}
			return r.whole(m, TypeTime, dayValue(day)+"T"+hhmm(mins), "", TenseUnknown, explain("'%s' is a clock time on %s", m.text(), why))
		},
		examples: []example{{"He spoke Tuesday at 3 p.m. in", "Tuesday at 3 p.m.", "2021-03-16T15:00"}, {"will land tomorrow at 10:30 a.m. ET", "tomorrow at 10:30 a.m. ET", "2021-03-23T10:30"}}},
	{name: "day after tomorrow", src: "the day after|before tomorrow|yesterday",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			off := 2
			if m.is(2, "before") {
				off = -2
			}
			if m.is(2, "after") != m.is(3, "tomorrow") {
				return false
			}
			return r.whole(m, TypeDate, dayValue(a.AddDays(off)), "", TenseUnknown, explain("'%s' -> %d days from %s", m.text(), off, as))
		},
		examples: []example{{"due the day after tomorrow", "the day after tomorrow", "2021-03-24"}, {"the day before yesterday", "the day before yesterday", "2021-03-20"}}},
	{name: "units from now", src: "NUM|A UNIT|UNITS from now|today",
		build: func(r *run, m *match) bool {
			n, u := num(m.tok(0)), unitOf(m.tok(1))
			if n < 0 || u < uDay || u == uWeekend {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			d := shift(a, u, n)
			if d.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(d, u), "", TenseFuture, explain("'%s' -> %d %s(s) after %s", m.text(), n, unitNames[u], as))
		},
		examples: []example{{"two weeks from now", "two weeks from now", "2021-W14"}}},

	// ---- Seasons ----
	{name: "season", src: "this|the? LAST|NEXT|THIS|the|EARLY SEASON of? YEAR?",
		build: func(r *run, m *match) bool {
			if m.is(0, "this") && m.tok(1).class&(cLast|cNext) == 0 {
				return false // "this" only in "this past spring", "this coming fall"
			}
			if m.is(0, "the") && m.tok(1).class&cEarlyLate == 0 {
				return false // "the" leads only "the early summer", as "the summer"
			}
			m.shiftSlots(1)
			s := int(m.tok(1).val)
			code := seasonCodes[s]
			mod := ""
			a, as := r.anchor()
			if y := m.tok(3); y != nil {
				return r.whole(m, TypeDate, yearValue(int(y.val))+"-"+code, "", TenseUnknown, explain("'%s' is a season of %d", m.text(), y.val))
			}
			if a.IsZero() {
				return r.whole(m, TypeDate, "XXXX-"+code, "", TenseUnknown, explain("'%s' has no year and there is no reference date", m.text()))
			}
			// Number season instances in order (year*4 + season-1; winter
			// takes the year it starts in) and walk from the anchor's.
			curY, curS := a.Year, (int(a.Month)%12)/3 // 0 winter .. 3 fall
			if curS == 0 {
				curS = 4
				if a.Month < 3 {
					curY--
				}
			}
			cur := curY*4 + curS - 1
			inst := func(dir int, strict bool) int {
				k := cur
				if strict {
					k += dir
				}
				for k%4 != s-1 {
					k += dir
				}
				return k
			}
			var k int
			t0 := m.tok(0)
			switch {
			case t0.class&cNext != 0:
				k = inst(1, true)
			case t0.class&cLast != 0:
				k = inst(-1, true)
			case t0.class&cThis != 0:
				k = a.Year*4 + s - 1
				if s == 4 && a.Month < 3 {
					k -= 4
				}
			default:
				if t0.class&cEarlyLate != 0 {
					mod = modNames[t0.val]
				}
				switch r.tense(m.start, m.end) {
				case TensePast:
					k = inst(-1, false)
				case TenseFuture:
					k = inst(1, false)
				default:
					k = a.Year*4 + s - 1
				}
			}
			y := k / 4
			return r.whole(m, TypeDate, yearValue(y)+"-"+code, mod, TenseUnknown, explain("'%s' -> the season relative to %s", m.text(), as))
		},
		examples: []example{{"last fall", "last fall", "2020-FA"}, {"this summer", "this summer", "2021-SU"}, {"prices may fall", "", ""},
			{"it began last winter", "last winter", "2020-WI"}, {"next spring", "next spring", "2022-SP"},
			{"closed this past spring", "this past spring", "2020-SP"},
			{"orders rose from the low levels of the early summer", "the early summer", "2020-SU"}}},
	{name: "season year", src: "SEASON YEAR",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeDate, yearValue(int(m.tok(1).val))+"-"+seasonCodes[m.tok(0).val], "", TenseUnknown, explain("'%s' is a season", m.text()))
		},
		examples: []example{{"in spring 1998", "spring 1998", "1998-SP"}}},

	// ---- Financial periods ----
	{name: "year-earlier period", src: "the? comparable|corresponding? year ~- ~earlier|ago QORD? ~-? quarter|period|NUM? UNITS?",
		build: func(r *run, m *match) bool {
			// "the comparable year-ago quarter": the adjective is part of
			// the expression; drop its slot so the others keep their place.
			the := m.at[0]
			m.shiftSlots(1)
			m.at[0] = the
			if t := m.tok(7); t != nil && m.tok(6) != nil {
				// "the year-earlier nine months": a length.
				return r.duration(m, m.start, m.end, num(m.tok(6)), unitOf(t))
			}
			if m.tok(0) != nil && m.tok(6) == nil && m.tok(7) == nil {
				// "the year-ago results": an adjective; the article is the
				// head noun's, not the time's.
				m.start = m.at[1]
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			quarter := r.quarter != ""
			if q := m.tok(4); q != nil {
				y := a.Year - 1
				if time.Month(3*(q.val-1)+1) > a.Month {
					y--
				}
				return r.whole(m, TypeDate, quarterValue(y, int(q.val)), "", TenseUnknown, explain("'%s' -> that quarter a year before %s", m.text(), as))
			}
			if quarter {
				pv, _ := parseValue(r.quarter)
				if pv.year > 0 && r.periodYear() {
					return r.derive(m, yearValue(pv.year-1), explain("'%s' -> the year of the period last named, a year before", m.text()))
				}
				if pv.year > 0 {
					return r.derive(m, quarterValue(pv.year-1, pv.quarter), explain("'%s' -> the quarter last named (%s), a year before", m.text(), r.quarter))
				}
			}
			if m.tok(6) != nil && strings.EqualFold(m.word(m.tok(6)), "quarter") {
				return r.whole(m, TypeDate, unitValue(shift(a, uQuarter, -5), uQuarter), "", TenseUnknown, explain("'%s' -> the last full quarter before %s, a year earlier", m.text(), as))
			}
			return r.whole(m, TypeDate, yearValue(a.Year-1), "", TenseUnknown, explain("'%s' -> the year before %s", m.text(), as))
		},
		examples: []example{{"net in the year-earlier quarter", "the year-earlier quarter", "2019-Q4"},
			{"profit in the third quarter fell from the year-ago quarter", "the year-ago quarter", "2019-Q3"},
			{"Third-quarter net rose. After a flat second quarter, sales grew. Charges in the year-earlier period hurt.", "the year-earlier period", "2019-Q3"},
			{"Net rose 5%. The year-ago results included a charge.", "year-ago", "2020"},
			{"Third-quarter net rose. In the comparable year-ago quarter, it lost money.", "the comparable year-ago quarter", "2019-Q3"}}},
	{name: "the quarter a year ago", src: "the quarter|period a year ago|earlier",
		build: func(r *run, m *match) bool {
			return r.quarterBefore(m)
		},
		examples: []example{{"A third-quarter loss. For the quarter a year ago, it earned $5 million.", "the quarter a year ago", "2019-Q3"}}},
	{name: "the same period last year", src: "the corresponding|comparable|same period|quarter last year",
		build: func(r *run, m *match) bool {
			return r.quarterBefore(m)
		},
		examples: []example{{"Third-quarter net fell from $1.8 million for the corresponding period last year.", "the corresponding period last year", "2019-Q3"}}},
	{name: "last year's quarter", src: "last year ~' ~s period|quarter",
		build: func(r *run, m *match) bool {
			return r.quarterBefore(m)
		},
		examples: []example{{"Third-quarter sales fell. Sales for last year's quarter were $3 million.", "last year's quarter", "2019-Q3"}}},
	{name: "this year's quarter", src: "THIS|LAST|NEXT year ~' ~s FISCAL? QORD ~-? quarter|half",
		build: func(r *run, m *match) bool {
			y, as, ok := r.relativeYear(m.tok(0))
			if !ok {
				return false
			}
			n := int(m.tok(5).val)
			v := quarterValue(y, n)
			if strings.EqualFold(m.word(m.tok(7)), "half") {
				if n > 2 {
					return false
				}
				v = yearValue(y) + "-H" + string(rune('0'+n))
			}
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> a quarter of the year relative to %s", m.text(), as))
		},
		examples: []example{{"sales for this year's third quarter", "this year's third quarter", "2021-Q3"}, {"next year's first quarter", "next year's first quarter", "2022-Q1"}}},
	{name: "year quarter", src: "the? YEAR FISCAL? QORD? ~-? quarter|period|half",
		build: func(r *run, m *match) bool {
			y := int(m.tok(1).val)
			if q := m.tok(3); q != nil {
				v := quarterValue(y, int(q.val))
				if strings.EqualFold(m.word(m.tok(5)), "half") {
					if q.val > 2 {
						return false
					}
					v = yearValue(y) + "-H" + string(rune('0'+q.val))
				}
				return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' names a quarter", m.text()))
			}
			if r.quarter != "" && !strings.EqualFold(m.word(m.tok(5)), "half") && !r.periodYear() {
				pv, _ := parseValue(r.quarter)
				return r.derive(m, quarterValue(y, pv.quarter), explain("'%s' -> the quarter last named (%s) in %d", m.text(), r.quarter, y))
			}
			return r.whole(m, TypeDate, yearValue(y), "", TenseUnknown, explain("'%s' is a period of %d", m.text(), y))
		},
		examples: []example{{"in the 1988 third quarter", "the 1988 third quarter", "1988-Q3"}, {"in the 1988 period", "the 1988 period", "1988"},
			{"Third-quarter net rose. In the first nine months, net was $3 million, against $2 million in the 2019 period.", "the 2019 period", "2019"}}},
	{name: "the fiscal year", src: "the current? FISCAL year",
		build: func(r *run, m *match) bool {
			if m.tok(1) != nil {
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				return r.whole(m, TypeDate, yearValue(a.Year), "", TenseUnknown, explain("'%s' -> the year of %s", m.text(), as))
			}
			return r.duration(m, m.start, m.end, 1, uYear)
		},
		examples: []example{{"in the fiscal year ended", "the fiscal year", "P1Y"}, {"sales in the current fiscal year", "the current fiscal year", "2021"}}},
	{name: "the current unit", src: "the current|same UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if u < uWeek {
				return false
			}
			if m.is(1, "same") {
				return false
			}
			return r.relUnit(m, u, 0, "of")
		},
		examples: []example{{"in the current year", "the current year", "2021"}}},

	{name: "that unit", src: "EARLY|EARLIER? that same? UNIT|POD",
		build: func(r *run, m *match) bool {
			if p := m.find(cPOD); p != nil {
				// "He said that morning papers ...": a bare "that" after a
				// verb of saying or thinking opens a clause.
				if m.tok(0) == nil && r.wordIs(m.before(1), saysThat...) {
					return false
				}
				return r.recentPOD(m, 0, p)
			}
			u := unitOf(m.find(cUnit))
			if u < uDay || u == uWeekend || r.last.IsZero() {
				return false
			}
			if u == uQuarter && r.quarter != "" && r.last == r.quarterEnd {
				// "the second quarter ended Oct. 31 ... Results for that
				// quarter": the quarter, not the one its end day falls in.
				return r.derive(m, r.quarter, explain("'%s' -> the quarter last named, %s, which ended %s", m.text(), r.quarter, r.quarterEnd))
			}
			g := map[int]gran{uDay: gDay, uWeek: gWeek, uMonth: gMonth, uQuarter: gQuarter, uYear: gYear, uDecade: gDecade, uCentury: gCentury}[u]
			if r.lastGran < g {
				// "killed last October. His name was crossed out that same
				// day": a day of that month (1998-10-XX), unanchored; only
				// right after the month or year, and only for a day.
				if u == uDay && r.sent-r.lastSent <= 1 && (r.lastGran == gMonth || r.lastGran == gYear) {
					v := yearValue(r.last.Year) + "-XX-XX"
					if r.lastGran == gMonth {
						v = monthValue(r.last.Year, r.last.Month) + "-XX"
					}
					return r.derive(m, v, explain("'%s' -> a day of the last date mentioned, %s", m.text(), r.lastVal))
				}
				return false // "that week" after "in 1998": no week to point at
			}
			return r.derive(m, unitValue(r.last, u), explain("'%s' -> the %s of the last date mentioned, %s", m.text(), unitNames[u], r.last))
		},
		examples: []example{{"He left on March 3, 2020. Later that year he", "Later that year", "2020"},
			{"He left on March 3, 2020. Earlier that day, he", "Earlier that day", "2020-03-03"},
			{"He was killed last October. His name was crossed out that same day.", "that same day", "2020-10-XX"},
			{"He left in 2019. That day, he", "That day", "2019-XX-XX"},
			{"He left in 2019. Later that week, he", "Later that week", ""},
			{"It lost money in the second quarter ended Oct. 31, 2020. Results for that quarter included a charge.", "that quarter", "2020-Q3"},
			{"The bomb went off on March 3. That night, crowds gathered.", "That night", "2021-03-03TNI"},
			{"The bomb went off Saturday, police said Monday. That night, crowds gathered.", "That night", "2021-03-20TNI"},
			{"He was shot on Friday and died later that night.", "later that night", "2021-03-19TNI"},
			{"The bomb went off on March 3. He said that morning papers were late.", "that morning", ""},
			{"Crowds gathered that night.", "", ""}}},
	{name: "year-end", src: "LAST|THIS? year -|'? ~s? end",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			y := a.Year
			why := "the end of the year of " + as
			if t := m.tok(0); t != nil && t.class&cLast != 0 {
				y--
			} else if t == nil && r.wordIs(m.before(1), "since") {
				// "the change since year-end": the last one passed.
				y--
				why = "the last year-end before " + as
			}
			return r.whole(m, TypeDate, yearValue(y), "END", TenseUnknown, explain("'%s' -> %s", m.text(), why))
		},
		examples: []example{{"before year-end", "year-end", "2021"}, {"by year's end", "year's end", "2021"}, {"by year end.", "year end", "2021"},
			{"The percentage change is since year-end.", "year-end", "2020"}}},
	{name: "more units", src: "the? A|NUM couple? of? more|additional|extra|further UNIT|UNITS ahead?",
		build: func(r *run, m *match) bool {
			n := num(m.tok(1))
			if m.tok(2) != nil {
				if m.tok(3) == nil || m.tok(1).class&cIndef == 0 {
					return false
				}
				n = 2 // "a couple of"
			} else if m.tok(3) != nil {
				return false
			}
			if n < 1 {
				return false
			}
			return r.duration(m, m.start, m.end, n, unitOf(m.tok(5)))
		},
		examples: []example{{"for at least two more weeks", "at least two more weeks", "P2W"}, {"for an additional year", "an additional year", "P1Y"}}},
	{name: "a couple of units", src: "the? NEXT|LAST? a? couple of UNITS",
		build: func(r *run, m *match) bool {
			if m.tok(2) == nil && m.tok(1) == nil {
				return false
			}
			return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: durationValue(2, unitOf(m.tok(5))), mod: "APPROX",
				expl: explain("'%s' is about two %ss", m.text(), unitNames[unitOf(m.tok(5))])})
		},
		examples: []example{{"for a couple of years.", "a couple of years", "P2Y"}, {"over the next couple of years we", "the next couple of years", "P2Y"}}},
	{name: "the units ahead", src: "the UNITS ahead",
		build: func(r *run, m *match) bool {
			return r.duration(m, m.start, m.end, -1, unitOf(m.tok(1)))
		},
		examples: []example{{"in the weeks ahead.", "the weeks ahead", "PXW"}}},
	{name: "unit-long", src: "NUM|A? -? UNIT|UNITS ~- ~long",
		build: func(r *run, m *match) bool {
			u := m.tok(2)
			n, from := -1, m.start
			if u.class&cUnit != 0 {
				n = 1 // "day-long"
			}
			if t := m.tok(0); t != nil {
				if t.class&cIndef != 0 {
					from = m.at[2] // "a decades-long battle": "a" belongs to the noun
				} else {
					n = num(t)
				}
			}
			return r.duration(m, from, m.end, n, unitOf(u))
		},
		examples: []example{{"a decades-long battle", "decades-long", "PXE"}, {"their day-long meeting", "day-long", "P1D"}}},
	{name: "these days", src: "these days",
		build:    refersTo("PRESENT_REF", "refers to the present"),
		examples: []example{{"more painfully these days.", "these days", "PRESENT_REF"}}},
	{name: "the near term", src: "the near|short|long term",
		build:    refersTo("FUTURE_REF", "refers to the future"),
		examples: []example{{"the challenges of the near term.", "the near term", "FUTURE_REF"}}},
	{name: "the full year", src: "the full year",
		build: func(r *run, m *match) bool {
			return r.relUnit(m, uYear, 0, "of")
		},
		examples: []example{{"for the full year", "the full year", "2021"}}},

	// ---- More days and times ----
	{name: "mid part of day", src: "EARLY ~-? POD DEICTIC?",
		build: func(r *run, m *match) bool {
			if !r.wordIs(m.tok(0), "mid", "early", "late") {
				return false
			}
			off := 0
			if t := m.tok(3); t != nil {
				if t.val > dTomorrow {
					return false
				}
				off = int(t.val) - dToday
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			pod := podCodes[m.tok(2).val]
			return r.whole(m, TypeTime, dayValue(a.AddDays(off))+"T"+pod, modNames[m.tok(0).val], TenseUnknown,
				explain("'%s' -> part of the %s %d day(s) from %s", m.text(), strings.ToLower(m.word(m.tok(2))), off, as))
		},
		examples: []example{{"at mid-afternoon yesterday, shares rose", "mid-afternoon yesterday", "2021-03-21TAF"},
			{"By mid afternoon, the operation was over", "mid afternoon", "2021-03-22TAF"}}},
	{name: "early/late day", src: "EARLY|EARLIER DEICTIC|WEEKDAY",
		build: func(r *run, m *match) bool {
			t := m.tok(1)
			if n := m.after(1); n != nil && n.class&cPOD != 0 {
				return false // "early Friday morning": the part of day says when
			}
			if t.class&cWeekday != 0 {
				return r.weekdayOf(m, int(t.val), "", "")
			}
			a, as := r.anchor()
			if a.IsZero() || t.val > dTomorrow {
				return false
			}
			return r.whole(m, TypeDate, dayValue(a.AddDays(int(t.val)-dToday)), "", TenseUnknown, explain("'%s' -> part of the day %d day(s) from %s", m.text(), t.val-dToday, as))
		},
		examples: []example{{"weren't available late yesterday", "late yesterday", "2021-03-21"}, {"Earlier Sunday, police", "Earlier Sunday", "2021-03-21"},
			{"The commemorations began early Friday morning.", "Friday morning", "2021-03-19TMO"}}},
	{name: "right now", src: "right now",
		build:    refersTo("PRESENT_REF", "refers to the present"),
		examples: []example{{"not happy right now", "right now", "PRESENT_REF"}}},
	{name: "as soon as possible", src: "as soon as possible",
		build:    refersTo("FUTURE_REF", "refers to the future"),
		examples: []example{{"to sell it as soon as possible.", "as soon as possible", "FUTURE_REF"}, {"as soon as he arrives", "", ""}}},
	{name: "a later date", src: "a later date",
		build:    refersTo("FUTURE_REF", "is an unnamed time to come"),
		examples: []example{{"financed by offerings at a later date.", "a later date", "FUTURE_REF"}}},
	{name: "the week of", src: "the week of MONTH DAY ,? YEAR?",
		build: func(r *run, m *match) bool {
			mon, day := time.Month(m.tok(3).val), int(m.tok(4).val)
			y, ok := r.yearOf(m, m.tok(6), mon, day)
			if !ok {
				return false
			}
			return r.whole(m, TypeDate, weekValue(Date{y, mon, day}), "", TenseUnknown, explain("'%s' -> the ISO week holding that day", m.text()))
		},
		examples: []example{{"a hearing the week of March 6, 2000.", "the week of March 6, 2000", "2000-W10"}}},
	{name: "clock time and date", src: "CLOCK|DIGITS|NOON AMPM? ZONE? ,? on? MONTH DAY ,? YEAR?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(0), m.tok(1))
			if !ok {
				return false
			}
			mon, day := time.Month(m.tok(5).val), int(m.tok(6).val)
			y, ok := r.yearOf(m, m.tok(8), mon, day)
			if !ok {
				return false
			}
			return r.whole(m, TypeTime, dayValue(Date{y, mon, day})+"T"+hhmm(mins), "", TenseUnknown, explain("'%s' is a clock time on a date", m.text()))
		},
		examples: []example{{"until 5 p.m. EST, Nov. 9, 2021.", "5 p.m. EST, Nov. 9, 2021", "2021-11-09T17:00"}}},
	{name: "hour in the morning", src: "DIGITS|NUMW o'clock? in the POD",
		build: func(r *run, m *match) bool {
			h := int(m.tok(0).val)
			if h < 1 || h > 12 {
				return false
			}
			switch podCodes[m.tok(4).val] {
			case "AF", "EV":
				if h < 12 {
					h += 12
				}
			case "NI":
				if h >= 6 && h < 12 {
					h += 12
				}
			case "MO":
				h %= 12
			}
			a, as := r.anchor()
			day, why := a, "on "+as
			if d, w, ok := r.weekdayInParens(m, a); ok {
				day, why = d, w
			} else if d, w, ok := r.pastClockDay(m); ok {
				day, why = d, "on "+w
			}
			v := "XXXX-XX-XXT" + hhmm(h*60)
			if !day.IsZero() {
				v = dayValue(day) + "T" + hhmm(h*60)
			}
			return r.whole(m, TypeTime, v, "", TenseUnknown, explain("'%s' is a clock time %s", m.text(), why))
		},
		examples: []example{{"will leave at 4 in the morning", "4 in the morning", "2021-03-22T04:00"},
			{"He will leave at 4 in the morning (4 a.m. EDT Thursday).", "4 in the morning", "2021-03-25T04:00"},
			{"The bomb went off on March 3. It exploded at 4 in the morning.", "4 in the morning", "2021-03-03T04:00"}}},
	{name: "every month name", src: "EVERY MONTH",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeSet, "XXXX-"+string(pad(nil, int(m.tok(1).val), 2)), "", TenseUnknown, explain("'%s' repeats yearly", m.text()))
		},
		examples: []example{{"march each July from", "each July", "XXXX-07"}}},
	{name: "month this year", src: "MONTH THIS|LAST|NEXT year",
		build: func(r *run, m *match) bool {
			y, as, ok := r.relativeYear(m.tok(1))
			if !ok {
				return false
			}
			return r.whole(m, TypeDate, monthValue(y, time.Month(m.tok(0).val)), "", TenseUnknown, explain("'%s' -> that month in the year relative to %s", m.text(), as))
		},
		examples: []example{{"In January this year, British", "January this year", "2021-01"}, {"in June last year", "June last year", "2020-06"}}},

	// ---- Holidays ----
	{name: "holiday", src: "LAST|NEXT|THIS? ^HOLIDAY ~'? ~s? ^day|eve? week? ,? YEAR?",
		build: func(r *run, m *match) bool {
			var rel class
			if t := m.tok(0); t != nil {
				rel = t.class & (cLast | cNext | cThis)
			}
			m.shiftSlots(1)
			h := holidays[m.tok(0).val]
			last := m.tok(3)
			if h.next != "" && (last == nil || !m.is(3, h.next)) {
				return false // "election" alone is not Election Day
			}
			eve := m.is(3, "eve")
			// "Easter week" is the ISO week the day falls in.
			week := m.tok(4) != nil
			value := dayValue
			if week {
				value = weekValue
			}
			if y := m.tok(6); y != nil {
				d := h.date(int(y.val))
				if eve {
					d = d.AddDays(-1)
				}
				return r.whole(m, TypeDate, value(d), "", TenseUnknown, explain("'%s' is %s of %d", m.text(), h.name, y.val))
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			t := r.tense(m.start, m.end)
			day := func(y int) Date {
				d := h.date(y)
				if eve {
					d = d.AddDays(-1)
				}
				return d
			}
			d := day(a.Year)
			// The week of the holiday counts as past (future) while it has
			// begun (not ended) by the anchor.
			first, end := d, d
			if week {
				first = weekdayFrom(d, 1, -1, false)
				end = first.AddDays(6)
			}
			switch {
			case rel&cLast != 0 || rel == 0 && t == TensePast:
				if first.After(a) || rel != 0 && d == a {
					d = day(a.Year - 1)
				}
			case rel&cNext != 0 || rel == 0 && t == TenseFuture:
				if end.Before(a) || rel != 0 && d == a {
					d = day(a.Year + 1)
				}
			}
			name := h.name
			if week {
				name = "the week of " + name
			}
			return r.whole(m, TypeDate, value(d), "", t, explain("'%s' is %s; in %s -> the one nearest %s in that direction", m.text(), name, tenseWord(t), as))
		},
		examples: []example{{"before Christmas", "Christmas", "2021-12-25"}, {"they met on Thanksgiving Day", "Thanksgiving Day", "2020-11-26"},
			{"they met on Christmas Eve", "Christmas Eve", "2020-12-24"}, {"the vote on Election Day", "Election Day", "2021-11-02"},
			{"the election results", "", ""}, {"found last Thanksgiving", "last Thanksgiving", "2020-11-26"},
			{"at Christmas 2019 the", "Christmas 2019", "2019-12-25"}, {"it was held on Easter", "Easter", "2020-04-12"}, {"on Valentine's Day", "Valentine's Day", "2021-02-14"},
			{"protesters prayed as Easter week began", "Easter week", "2020-W15"}}},

	// ---- References ----
	{name: "reference word", src: "REF",
		build: func(r *run, m *match) bool {
			v := [...]string{refPresent: "PRESENT_REF", refPast: "PAST_REF", refFuture: "FUTURE_REF"}[m.tok(0).val]
			if m.is(0, "soon") && (r.wordIs(m.before(1), "as") || r.wordIs(m.after(1), "after", "afterward", "afterwards", "thereafter")) {
				return false // "as soon as", "soon after": relative to an event
			}
			if m.is(0, "future") {
				// "future earnings" is a kind, "the foreseeable future" an idiom;
				// "in the future" and "the near future" are times.
				if n := m.after(1); n != nil && n.kind == kWord && !r.wordIs(n, "and", "or", "but", "as", "is", "was", "will", "to", "of", "that") {
					return false
				}
				if r.wordIs(m.before(1), "foreseeable", "a") {
					return false
				}
			}
			if v == "PRESENT_REF" && m.is(0, "current") && r.wordIs(m.before(1), "then") {
				// "the then current price": the present of a past time.
				return r.emit(piece{from: m.start - 1, to: m.end, typ: TypeDate, value: "PAST_REF", expl: explain("'then %s' is the present of a past time", m.text())})
			}
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' refers to the %s without a date", m.text(), strings.ToLower(strings.TrimSuffix(v, "_REF"))))
		},
		examples: []example{{"is now the", "now", "PRESENT_REF"}, {"said recently", "recently", "PAST_REF"}, {"will soon", "soon", "FUTURE_REF"},
			{"at 50% of the then current market price", "then current", "PAST_REF"},
			{"cut future earnings", "", ""}, {"for the foreseeable future.", "", ""},
			{"Robert F. Angelo, formerly Phoenix's senior vice president", "", ""}}},
	{name: "the past/future", src: "the near|distant|recent? past|future",
		build: func(r *run, m *match) bool {
			if n := m.after(1); n != nil && (n.class&(cUnit|cUnits|cNumWord|cFew|cDigits) != 0 || n.kind == kWord && !r.wordIs(n, "and", "or", "but", "as", "is", "was", "will", "to", "of", "that", "it", "he", "she", "they", "we", "i", "you", "there",
				"if", "unless", "when", "while", "because", "than")) && n.kind != kPunct {
				return false
			}
			v := "PAST_REF"
			if m.is(m.n-1, "future") {
				v = "FUTURE_REF"
			}
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' is an unspecified time", m.text()))
		},
		examples: []example{{"in the past, he", "the past", "PAST_REF"}, {"in the past it considered a merger", "the past", "PAST_REF"}, {"in the future.", "the future", "FUTURE_REF"},
			{"in the near future.", "the near future", "FUTURE_REF"},
			{"strikes to continue well into the future if he does not stop", "the future", "FUTURE_REF"}}},
	{name: "the year in words", src: "the year NUM",
		build: func(r *run, m *match) bool {
			y := m.tok(2).val
			if y < 1000 || y > 2099 || m.tok(2).flags&(fGrouped|fDecimal|fMoney) != 0 {
				return false
			}
			return r.whole(m, TypeDate, yearValue(int(y)), "", TenseUnknown, explain("'%s' names a year", m.text()))
		},
		examples: []example{{"the approach of the year two thousand has", "the year two thousand", "2000"}}},
	{name: "edge of unit", src: "the EDGE of THIS|the|last|next UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(4))
			if u < uWeek || u == uWeekend {
				return false
			}
			n := step(m.tok(3).class)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), modNames[m.tok(1).val], TenseUnknown, explain("'%s' -> part of the %s relative to %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"by the end of the year", "the end of the year", "2021"}, {"at the start of next month", "the start of next month", "2021-04"}}},
}

// step is the units a LAST, THIS or NEXT word moves from the anchor: -1,
// 0 or 1 ("the" and other words: 0).
func step(c class) int {
	switch {
	case c&cNext != 0:
		return 1
	case c&cLast != 0:
		return -1
	}
	return 0
}

// clockMinutes reads a clock time: "15:00", "3 p.m.", "noon" (with its
// a.m./p.m. token, or nil), as minutes past midnight.
func clockMinutes(t, ap *token) (int, bool) {
	mins := int(t.val)
	switch {
	case t.class&cNoon != 0:
	case t.class&cClock != 0:
		if ap != nil && ap.val == 2 && mins < 12*60 {
			mins += 12 * 60
		} else if ap != nil && ap.val == 1 && mins >= 12*60 && mins < 13*60 {
			mins -= 12 * 60
		}
	default:
		if ap == nil || t.kind != kNum || t.val < 1 || t.val > 12 || t.end-t.start > 2 {
			return 0, false
		}
		mins = int(t.val) % 12 * 60
		if ap.val == 2 {
			mins += 12 * 60
		}
	}
	return mins, mins <= 24*60
}

// hhmm formats minutes past midnight as hh:mm.
func hhmm(mins int) string {
	b := pad(make([]byte, 0, 5), mins/60, 2)
	b = append(b, ':')
	return string(pad(b, mins%60, 2))
}

// halfDuration writes n and a half units in whole smaller units ("2 1/2
// years" is P2Y6M), or "" where no smaller unit divides evenly.
func halfDuration(n, unit int) string {
	half := map[int]struct {
		unit, n int
	}{uYear: {uMonth, 6}, uMonth: {uDay, 15}, uDay: {uHour, 12}, uHour: {uMinute, 30}, uMinute: {uSecond, 30}, uDecade: {uYear, 5}}[unit]
	if half.unit == 0 {
		return ""
	}
	if unit == uDecade {
		return durationValue(10*n+5, uYear)
	}
	big := durationValue(n, unit)
	small := durationValue(half.n, half.unit)
	switch {
	case unit <= uHour: // both time units: PT5H + 30M
		return big + small[2:]
	case half.unit <= uHour: // P2D + T12H
		return big + small[1:]
	}
	return big + small[1:]
}
