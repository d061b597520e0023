package dates

import (
	"strconv"
	"time"
)

// This file builds periods: quarters, halves, and lengths of time with or
// without a told end.

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
	case t.class&cWeekday != 0:
		// "the week ended Friday": the last such day; "ending Friday" by
		// the clause.
		dir := -1
		if !r.wordIs(e, "ended") && r.tense(from, to) == TenseFuture {
			dir = 1
		}
		return weekdayFrom(a, int(t.val), dir, false), true
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

// yearBefore emits the match as the year before the one in view when no
// quarter is ("the same period last year", "the same period a year ago"):
// the year before the anchor, or with told (the "previous" or "prior"
// year) the year before the year last told in this or the previous
// sentence ("exports in 2019 rose from the same period of the previous
// year").
func (r *run) yearBefore(m *match, told bool) bool {
	if told && !r.last.IsZero() && r.lastGran >= gYear && r.sent-r.lastSent <= 1 {
		return r.whole(m, TypeDate, yearValue(r.last.Year-1), "", TenseUnknown, explain("'%s' -> the year before the last date told, %s", m.text(), r.lastVal))
	}
	a, as := r.anchor()
	if a.IsZero() {
		return false
	}
	return r.whole(m, TypeDate, yearValue(a.Year-1), "", TenseUnknown, explain("'%s' -> the year before %s", m.text(), as))
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

// compoundDuration is the length of n units and n2 finer units told
// together ("two years and three months" P2Y3M, "1 hr 30 mins" PT1H30M);
// weeks, which ISO 8601 does not combine with other units, count as days
// ("1 week 1 day" P8D). It is "" when the two do not make one length: the
// second unit not finer, or one of them a weekend, a quarter or longer
// than a year.
func compoundDuration(n, u, n2, u2 int) string {
	if u2 >= u || u2 < uSecond || u > uYear || u == uQuarter || u == uWeekend || u2 == uQuarter || u2 == uWeekend || n <= 0 || n2 <= 0 {
		return ""
	}
	var amt [uCentury + 1]int
	amt[u] += n
	amt[u2] += n2
	amt[uDay] += 7 * amt[uWeek]
	amt[uWeek] = 0
	b := []byte{'P'}
	for _, x := range [...]int{uYear, uMonth, uDay} {
		if amt[x] > 0 {
			b = append(strconv.AppendInt(b, int64(amt[x]), 10), unitLetters[x]...)
		}
	}
	if amt[uHour]+amt[uMinute]+amt[uSecond] > 0 {
		b = append(b, 'T')
		for _, x := range [...]int{uHour, uMinute, uSecond} {
			if amt[x] > 0 {
				b = append(strconv.AppendInt(b, int64(amt[x]), 10), unitLetters[x]...)
			}
		}
	}
	return string(b)
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
