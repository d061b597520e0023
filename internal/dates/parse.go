package dates

import "time"

// Granularity is how fine a TIMEX3 calendar value is, coarsest first.
type Granularity int

// The granularities of calendar values.
const (
	GranNone Granularity = iota
	GranCentury
	GranDecade
	GranYear
	GranHalf
	GranSeason
	GranQuarter
	GranMonth
	GranWeek
	GranWeekend
	GranDay
	GranTime
)

var granNames = [...]string{"none", "century", "decade", "year", "half", "season", "quarter", "month", "week", "weekend", "day", "time"}

// String returns the granularity's name ("day").
func (g Granularity) String() string {
	if g < 0 || int(g) >= len(granNames) {
		return "unknown"
	}
	return granNames[g]
}

// Value is a TIMEX3 value taken apart by ParseValue. It is the engine's own
// reading, so that other packages need not re-parse values.
type Value struct{ p parsed }

// ParseValue reads a TIMEX3 value ("2021-03-17", "2021-W11-WE",
// "XXXX-03-17", "P5Y", "PAST_REF"); ok is false when ValidValue is.
func ParseValue(v string) (Value, bool) {
	p, ok := parseValue(v)
	return Value{p}, ok
}

// Granularity is the value's calendar granularity (GranNone for durations
// and references).
func (v Value) Granularity() Granularity {
	if v.p.dur || v.p.ref {
		return GranNone
	}
	return Granularity(v.p.gran)
}

// Year is the value's year (leading digits for decades and centuries), or
// -1 when written with X, 0 when absent.
func (v Value) Year() int { return v.p.year }

// Month is the value's month, -1 when written XX, 0 when absent (or the
// value is a week date).
func (v Value) Month() time.Month { return time.Month(v.p.month) }

// Day is the value's day of the month, -1 when written XX, 0 when absent.
func (v Value) Day() int { return v.p.day }

// BC reports a year before the common era ("BC0479").
func (v Value) BC() bool { return v.p.bc }

// Unknown reports an X somewhere in the calendar part ("XXXX-03-17").
func (v Value) Unknown() bool { return v.p.unknown }

// Duration reports a duration value ("P5Y").
func (v Value) Duration() bool { return v.p.dur }

// Reference reports PRESENT_REF, PAST_REF or FUTURE_REF.
func (v Value) Reference() bool { return v.p.ref }

// Interval is the inclusive calendar interval of a fully specified date
// value; ok is false for durations, references and values with X.
func (v Value) Interval() (start, end Date, ok bool) { return v.p.calendar() }
