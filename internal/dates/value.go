package dates

import (
	"strconv"
	"strings"
	"time"
)

// This file formats TIMEX3 values, checks them (ValidValue) and turns an
// anchored value into the calendar interval it covers (Interval). One parser
// serves both, so a value the engine writes is a value it can read.

// gran is the granularity of a calendar value.
type gran int

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gSeason
	gQuarter
	gMonth
	gWeek
	gWeekend
	gDay
	gTime
)

func pad(b []byte, v, width int) []byte {
	var tmp [8]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Years before the common era are astronomical inside the engine (1 BC is
// year 0, 480 BC is -479), so that counting across eras is plain
// arithmetic; values write them as TimeML does, "BC" and the year as
// written: BC0480.

// padYear appends year y at width digits, the way values write it.
func padYear(b []byte, y, width int) []byte {
	if y < 1 {
		return pad(append(b, 'B', 'C'), 1-y, width)
	}
	return pad(b, y, width)
}

func yearValue(y int) string { return string(padYear(nil, y, 4)) }

// yearName is year y as a person writes it: 1940, 480 BC.
func yearName(y int) string {
	if y < 1 {
		return strconv.Itoa(1-y) + " BC"
	}
	return strconv.Itoa(y)
}

// decadeValue and centuryValue write the decade and the century of year
// y: 194 and 19 for 1940; BC048 and BC04 for 480 BC (the decade of years
// written 480-489 BC).
func decadeValue(y int) string {
	if y < 1 {
		return "BC" + string(pad(nil, (1-y)/10, 3))
	}
	return string(pad(nil, y/10, 3))
}

func centuryValue(y int) string {
	if y < 1 {
		return "BC" + string(pad(nil, (1-y)/100, 2))
	}
	return string(pad(nil, y/100, 2))
}

func monthValue(y int, m time.Month) string {
	b := padYear(make([]byte, 0, 9), y, 4)
	b = append(b, '-')
	return string(pad(b, int(m), 2))
}

func dayValue(d Date) string { return d.String() }

func weekValue(d Date) string {
	y, w := d.Time().ISOWeek()
	b := padYear(make([]byte, 0, 13), y, 4)
	b = append(b, '-', 'W')
	return string(pad(b, w, 2))
}

func weekendValue(d Date) string { return weekValue(d) + "-WE" }

// quarterValue formats quarter q of year y; a q outside 1..4 is an unknown
// quarter of the year (QX), as a fiscal quarter is on the calendar.
func quarterValue(y, q int) string {
	if q < 1 || q > 4 {
		return yearValue(y) + "-QX"
	}
	return yearValue(y) + "-Q" + strconv.Itoa(q)
}

// durationValue formats n units: P5Y, PT24H, P10Y for a decade is left to
// the caller (TimeML writes "a decade" as P1E or P10Y).
func durationValue(n int, unit int) string {
	b := make([]byte, 0, 8)
	b = append(b, 'P')
	if unit <= uHour {
		b = append(b, 'T')
	}
	if n < 0 {
		b = append(b, 'X')
	} else {
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return string(append(b, unitLetters[unit]...))
}

// parsed is a TIMEX3 value taken apart.
type parsed struct {
	gran gran
	// year is the full year, or the leading digits for decades and
	// centuries; -1 when written with X.
	year    int
	month   int // 1..12, -1 for XX, 0 absent
	day     int
	week    int
	quarter int // 1..4, -1 for QX
	half    int
	season  int
	// wday is the ISO weekday of a week date (-1 for X, 0 absent).
	wday int
	// bc reports a year before the era, written "BC0480"; year keeps the
	// digits as written.
	bc bool
	// unknown reports an X somewhere in the date part.
	unknown bool
	ref     bool // PRESENT_REF, PAST_REF, FUTURE_REF
	dur     bool // a duration (or set period) value
}

// ValidValue reports whether v is a well-formed TIMEX3 value of the kinds
// this engine (and TimeML 1.2.1 news annotation) uses: calendar dates at
// any granularity with optional X placeholders, week dates, quarters,
// halves, seasons, parts of day and clock times, durations, and the
// PRESENT_REF, PAST_REF and FUTURE_REF tokens.
func ValidValue(v string) bool {
	_, ok := parseValue(v)
	return ok
}

// Interval returns the inclusive calendar interval a fully specified TIMEX3
// date value covers ("2021-W11" -> 2021-03-15..2021-03-21), or false for
// durations, references, values with X and malformed values.
func Interval(v string) (start, end Date, ok bool) {
	p, ok := parseValue(v)
	if !ok {
		return Date{}, Date{}, false
	}
	return p.calendar()
}

// calendar is Interval on a parsed value: dates before the era have no
// calendar Date outside the engine.
func (p parsed) calendar() (start, end Date, ok bool) {
	if p.bc {
		return Date{}, Date{}, false
	}
	return p.told()
}

// told is the interval of a fully specified value, years before the era
// included (astronomical: 480 BC is -479).
func (p parsed) told() (start, end Date, ok bool) {
	if p.unknown || p.ref || p.dur || p.gran == gNone {
		return Date{}, Date{}, false
	}
	return p.interval()
}

func (p parsed) interval() (Date, Date, bool) {
	y := p.year
	if p.bc {
		// The decade BC048 is the years written 489..480 BC; the century
		// BC04, 499..400 BC.
		switch p.gran {
		case gCentury:
			return Date{1 - (y*100 + 99), 1, 1}, Date{1 - y*100, 12, 31}, true
		case gDecade:
			return Date{1 - (y*10 + 9), 1, 1}, Date{1 - y*10, 12, 31}, true
		}
		y = 1 - y
	}
	var s, e Date
	switch p.gran {
	case gCentury:
		s, e = Date{y * 100, 1, 1}, Date{y*100 + 99, 12, 31}
	case gDecade:
		s, e = Date{y * 10, 1, 1}, Date{y*10 + 9, 12, 31}
	case gYear:
		s, e = Date{y, 1, 1}, Date{y, 12, 31}
	case gHalf:
		m := time.Month(6*(p.half-1) + 1)
		s, e = Date{y, m, 1}, lastOfMonth(y, m+5)
	case gQuarter:
		m := time.Month(3*(p.quarter-1) + 1)
		s, e = Date{y, m, 1}, lastOfMonth(y, m+2)
	case gSeason:
		// Meteorological seasons; winter runs December to February and
		// is named for the year of its January (1942-WI begins in
		// December 1941).
		m := time.Month(3 * p.season)
		if p.season == 4 {
			s, e = Date{y - 1, time.December, 1}, lastOfMonth(y, time.February)
			break
		}
		s = Date{y, m, 1}
		e = lastOfMonth(y, m+2)
	case gMonth:
		s, e = Date{y, time.Month(p.month), 1}, lastOfMonth(y, time.Month(p.month))
	case gWeek, gWeekend:
		mon := isoWeekStart(y, p.week)
		s, e = mon, mon.AddDays(6)
		if p.gran == gWeekend {
			s = mon.AddDays(5)
		}
	case gDay, gTime:
		if p.week > 0 {
			s = isoWeekStart(y, p.week).AddDays(p.wday - 1)
		} else {
			s = Date{y, time.Month(p.month), p.day}
		}
		e = s
	default:
		return Date{}, Date{}, false
	}
	if s.Year < MinYear && !p.bc {
		s = Date{MinYear, 1, 1}
	}
	if e.Year > MaxYear {
		e = Date{MaxYear, 12, 31}
	}
	return s, e, true
}

func lastOfMonth(y int, m time.Month) Date {
	if m > 12 {
		y, m = y+1, m-12
	}
	return Date{y, m, daysIn(y, m)}
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) Date {
	// January 4 is always in week 1.
	jan4 := Date{y, 1, 4}
	wd := int(jan4.Weekday()+6)%7 + 1
	return jan4.AddDays(-(wd - 1) + 7*(w-1))
}

// isoWeeks returns the number of ISO weeks of year y (52 or 53).
func isoWeeks(y int) int {
	_, w := Date{y, 12, 28}.Time().ISOWeek()
	return w
}

// digitsOrX reads n characters that are all digits (value) or all X (-1).
func digitsOrX(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	if s[i] == 'X' {
		for k := i; k < i+n; k++ {
			if s[k] != 'X' {
				return 0, false
			}
		}
		return -1, true
	}
	v := 0
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return 0, false
		}
		v = v*10 + int(s[k]-'0')
	}
	return v, true
}

func parseValue(v string) (parsed, bool) {
	var p parsed
	switch v {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		p.ref = true
		return p, true
	case "":
		return p, false
	}
	if v[0] == 'P' {
		p.dur = true
		return p, validDuration(v)
	}
	if len(v) > 2 && v[0] == 'B' && v[1] == 'C' {
		p.bc = true
		v = v[2:]
	}
	// Year part: 2 (century), 3 (decade) or 4 digits.
	n := 0
	for n < len(v) && n < 4 && (isDigit(v[n]) || v[n] == 'X') {
		n++
	}
	if n < 2 {
		return p, false
	}
	y, ok := digitsOrX(v, 0, n)
	if !ok {
		// Mixed digits and X ("199X"): a year with an unknown part.
		for k := 0; k < n; k++ {
			if !isDigit(v[k]) && v[k] != 'X' {
				return p, false
			}
		}
		y, p.unknown = -1, true
	}
	if y < 0 {
		p.unknown = true
	}
	p.year = y
	switch n {
	case 2:
		p.gran = gCentury
	case 3:
		p.gran = gDecade
	default:
		p.gran = gYear
		if y == 0 {
			return p, false
		}
	}
	rest := v[n:]
	if rest == "" {
		return p, true
	}
	if n != 4 || rest[0] != '-' || len(rest) < 2 {
		return p, false
	}
	rest = rest[1:]
	switch rest {
	case "SP", "SU", "FA", "WI":
		p.gran = gSeason
		p.season = strings.Index("SPSUFAWI", rest)/2 + 1
		return p, true
	}
	switch rest[0] {
	case 'W':
		if len(rest) >= 3 && rest[1:3] == "XX" {
			p.week, p.unknown = -1, true
		} else {
			w, ok := digitsOrX(rest, 1, 2)
			if !ok || w < 1 || w > 53 || (y > 0 && w > isoWeeks(y)) {
				return p, false
			}
			p.week = w
		}
		p.gran = gWeek
		rest = rest[3:]
		if rest == "" {
			return p, true
		}
		if rest == "-WE" {
			p.gran = gWeekend
			return p, true
		}
		if len(rest) < 2 || rest[0] != '-' {
			return p, false
		}
		if rest[1] == 'X' {
			p.wday, p.unknown = -1, true
		} else if rest[1] >= '1' && rest[1] <= '7' {
			p.wday = int(rest[1] - '0')
		} else {
			return p, false
		}
		p.gran = gDay
		return p, validTime(&p, rest[2:])
	case 'Q':
		p.gran = gQuarter
		if rest == "QX" {
			p.quarter, p.unknown = -1, true
			return p, true
		}
		if len(rest) != 2 || rest[1] < '1' || rest[1] > '4' {
			return p, false
		}
		p.quarter = int(rest[1] - '0')
		return p, true
	case 'H':
		if rest == "HX" {
			p.unknown = true
		} else if len(rest) != 2 || rest[1] < '1' || rest[1] > '2' {
			return p, false
		}
		p.gran, p.half = gHalf, int(rest[1]-'0')
		return p, true
	}
	m, ok := digitsOrX(rest, 0, 2)
	if !ok || (m >= 0 && (m < 1 || m > 12)) {
		return p, false
	}
	if m < 0 {
		p.unknown = true
	}
	p.month, p.gran = m, gMonth
	rest = rest[2:]
	if rest == "" {
		return p, true
	}
	if rest[0] != '-' {
		return p, false
	}
	d, ok := digitsOrX(rest, 1, 2)
	if !ok {
		return p, false
	}
	if d < 0 {
		p.unknown = true
	} else {
		lim := 31
		if m > 0 && y > 0 {
			yy := y
			if p.bc {
				yy = 1 - y
			}
			lim = daysIn(yy, time.Month(m))
		}
		if d < 1 || d > lim {
			return p, false
		}
	}
	p.day, p.gran = d, gDay
	return p, validTime(&p, rest[3:])
}

// validTime checks the time part after a day: "", "TMO"/"TAF"/"TEV"/"TNI"/
// "TDT", or "Thh", "Thh:mm", "Thh:mm:ss".
func validTime(p *parsed, s string) bool {
	if s == "" {
		return true
	}
	if s[0] != 'T' {
		return false
	}
	p.gran = gTime
	s = s[1:]
	switch s {
	case "MO", "AF", "EV", "NI", "DT":
		return true
	}
	h, ok := digitsOrX(s, 0, 2)
	if !ok || h > 24 {
		return false
	}
	s = s[2:]
	for k := 0; k < 2 && s != ""; k++ {
		if s[0] != ':' {
			return false
		}
		m, ok := digitsOrX(s, 1, 2)
		if !ok || m > 59 {
			return false
		}
		s = s[3:]
	}
	return s == ""
}

// validDuration checks P[n]Y[n]M[n]W[n]D(E|C|L|DE|CE|ML|Q|WE)[T[n]H[n]M[n]S], where n
// is digits (optionally with one decimal part) or X.
func validDuration(v string) bool {
	s := v[1:]
	if s == "" {
		return false
	}
	inTime := false
	comps := 0
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return false
			}
			inTime = true
			s = s[1:]
			continue
		}
		k := 0
		if s[0] == 'X' {
			k = 1
		} else {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if k > 0 && k < len(s) && s[k] == '.' {
				k++
				j := k
				for k < len(s) && isDigit(s[k]) {
					k++
				}
				if j == k {
					return false
				}
			}
		}
		if k == 0 || k >= len(s) {
			return false
		}
		s = s[k:]
		var unit string
		switch {
		case len(s) >= 2 && (s[:2] == "DE" || s[:2] == "CE" || s[:2] == "ML" || s[:2] == "WE"):
			unit = s[:2]
		default:
			unit = s[:1]
		}
		if inTime {
			if unit != "H" && unit != "M" && unit != "S" {
				return false
			}
		} else {
			switch unit {
			case "Y", "M", "W", "D", "E", "C", "L", "DE", "CE", "ML", "Q", "WE":
			default:
				return false
			}
		}
		s = s[len(unit):]
		comps++
	}
	return comps > 0
}
