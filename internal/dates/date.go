package dates

import (
	"fmt"
	"time"
)

// Date is a proleptic Gregorian calendar day with no time zone. The zero
// Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MinYear and MaxYear bound the years the engine accepts and gives as
// calendar dates: TIMEX3 values have four-digit years.
const (
	MinYear = 1
	MaxYear = 9999
)

// minYear is the earliest year the engine reasons about: 9999 BC, in
// astronomical numbering (1 BC is year 0). Dates before the era have values
// ("BC0480") but no calendar Date outside the engine.
const minYear = -9998

// NewDate returns the given day, normalised the way time.Date normalises
// (March 32 is April 1).
func NewDate(year int, month time.Month, day int) Date {
	return FromTime(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// FromTime returns the calendar day of t in t's location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses YYYY-MM-DD strictly (the day must exist).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD: %w", s, err)
	}
	if t.Year() < MinYear {
		return Date{}, fmt.Errorf("date %q: year must be %d to %d", s, MinYear, MaxYear)
	}
	return FromTime(t), nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved n days.
func (d Date) AddDays(n int) Date { return FromTime(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp3(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp3(int(d.Month), int(e.Month))
	default:
		return cmp3(d.Day, e.Day)
	}
}

func cmp3(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String formats d as YYYY-MM-DD, or "" for the zero Date; a year before
// the era (astronomical: 0 is 1 BC) is written as TimeML writes it,
// BC0480-08-01.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 1 && d.Year >= minYear {
		return "BC" + Date{1 - d.Year, d.Month, d.Day}.String()
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// By hand: fmt was a twentieth of a cached BuildTimeline call.
	y, m := d.Year, int(d.Month)
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10),
	}
	return string(b[:])
}
