package dates

import (
	"strings"
	"time"
)

// This file infers what a mention leaves out: the year of a month or day,
// the day a weekday, a part of day or a clock time falls on.

// dayOf builds a month-day(-year) date; year 0 means "infer the year".
func (r *run) dayOf(m *match, from, to int, mon time.Month, day, year int) bool {
	q := r.text[r.toks[from].start:r.toks[to-1].end]
	if day < 1 || day > 31 {
		return false
	}
	if year != 0 { // 0 is no year: 1 BC, astronomical 0, is not written with one
		if day > daysIn(year, mon) {
			return false
		}
		return r.emit(piece{from: from, to: to, typ: TypeDate, value: dayValue(Date{year, mon, day}),
			expl: explain("'%s' is a full calendar date", q)})
	}
	if y, why, ok := r.toldYear(mon, day, r.looksBackTo(from)); ok && day <= daysIn(y, mon) {
		return r.emit(piece{from: from, to: to, typ: TypeDate, value: dayValue(Date{y, mon, day}),
			expl: explain("'%s' has no year: %s", q, why)})
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

// yearAhead is, in narrative text, the year written a few words after
// token to in the same sentence, which a season with no year of its own
// belongs to: "their summer offensive ... in June 1942", "the spring and
// early summer of 1943", "the Winter Offensive (early 1951)". (A month
// does not look ahead: "By June, ... since 1943" is more often the
// story's June; measured on WikiWars train, months lost by it.)
func (r *run) yearAhead(to int) (int, string, bool) {
	if r.docType != Narrative {
		return 0, "", false
	}
	for k := to; k < len(r.toks) && k < to+yearAheadWords; k++ {
		t := &r.toks[k]
		if t.kind == kPunct && (t.punct == ';' || t.punct == ':') {
			break
		}
		if t.class&cYearNum != 0 && t.flags&(fGrouped|fDecimal|fMoney) == 0 || t.flags&fEra != 0 {
			return int(t.val), "the year written after it in the sentence, " + yearName(int(t.val)), true
		}
	}
	return 0, "", false
}

// yearAheadWords is how far yearAhead looks.
const yearAheadWords = 8

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
	} else if ty, _, ok := r.toldYear(mon, day, r.looksBackTo(m.start)); ok {
		y = ty
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

// monthOf builds a month value; year 0 means "infer the year".
func (r *run) monthOf(m *match, mon time.Month, year int, mod string) bool {
	q := m.text()
	if year != 0 {
		return r.whole(m, TypeDate, monthValue(year, mon), mod, TenseUnknown, explain("'%s' names a month of %s", q, yearName(year)))
	}
	if y, why, ok := r.toldYear(mon, 0, r.looksBackTo(m.start)); ok {
		return r.whole(m, TypeDate, monthValue(y, mon), mod, TenseUnknown, explain("'%s' has no year: %s", q, why))
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
		} else if cue := r.chatAhead(m.start); cue != "" && !r.pastVerbNear(m.start) && r.docType == Colloquial {
			d = weekdayFrom(a, wd, 1, false)
			why = "after '" + cue + "' in a post -> the first " + weekdayNames[wd] + " on or after " + as
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

// chatAhead returns the cue among the six words before token i, in its
// clause, that makes a post's weekday a coming one: a proposal ("how
// about", "what about"), a parting ("see you"), looking forward ("can't
// wait for") or a present progressive of leaving ("flying out on"); "" when
// none stands there.
func (r *run) chatAhead(i int) string {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := &r.toks[k]
		if t.kind == kPunct && t.punct != ',' && t.punct != '\'' {
			return ""
		}
		var n *token
		if k+1 < i {
			n = &r.toks[k+1]
		}
		switch {
		case r.wordIs(t, "how", "what") && r.wordIs(n, "about", "abt", "bout"),
			r.wordIs(t, "see") && r.wordIs(n, "you", "u", "ya", "yall"),
			r.wordIs(t, "wait") && r.wordIs(n, "for", "till", "til", "until"),
			r.wordIs(t, "forward") && r.wordIs(n, "to"),
			r.wordIs(t, leavingVerbs...):
			return r.text[t.start:t.end]
		}
	}
	return ""
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

// monthDay is the day mon/day of year y, or the month's last day when day
// is 0 (the end of a period that "ended in March"); a day past the month's
// end is its last day.
func monthDay(y int, mon time.Month, day int) Date {
	if day == 0 || day > daysIn(y, mon) {
		return lastOfMonth(y, mon)
	}
	return Date{y, mon, day}
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
		if ap != nil && t.kind == kNum && t.flags&(fGrouped|fDecimal|fMoney) == 0 && (t.end-t.start == 3 || t.end-t.start == 4) &&
			t.val/100 >= 1 && t.val/100 <= 12 && t.val%100 < 60 {
			// "430pm", "1130am": the clock written without its colon.
			mins = int(t.val/100)%12*60 + int(t.val%100)
			if ap.val == 2 {
				mins += 12 * 60
			}
			return mins, true
		}
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
