package dates

import (
	"time"
)

// This file does calendar arithmetic in the units expressions count in.

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
		return decadeValue(d.Year)
	case uCentury:
		return centuryValue(d.Year)
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
		y, mi := total/12, total%12
		if mi < 0 { // floor division: years before the era are negative
			y, mi = y-1, mi+12
		}
		m := time.Month(mi + 1)
		if y < minYear {
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
