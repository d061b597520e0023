package timeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/timelined/timelined/internal/dates"
)

// basisGiven is the Basis of a publication date the caller gave.
const basisGiven = "given"

// evidence is what one article's text says about when it was published.
type evidence struct {
	header    dates.Date // a "date YYYY-MM-DD" line
	explicit  []datedText
	monthDays []monthDay
	// latestYear is the latest year the text writes out for something
	// past, not planned ("the 2020 election"): the publication is no
	// earlier. Zero when none.
	latestYear int
	// reportDay is the weekday of the first reporting verb dated by a bare
	// weekday ("said Monday"), -1 when there is none; reportText quotes it.
	reportDay  time.Weekday
	reportText string
}

// datedText is a full date with a year and the words that gave it.
type datedText struct {
	date    dates.Date
	text    string
	planned bool
}

// monthDay is a month and day written without a year, with the weekday
// written beside it (-1 when none).
type monthDay struct {
	month   time.Month
	day     int
	weekday time.Weekday
	text    string
}

// hasYear reports whether the text itself fixes the year.
func (ev *evidence) hasYear() bool { return !ev.header.IsZero() || len(ev.explicit) > 0 }

var (
	// headerLine matches a "date YYYY-MM-DD" header line, as some scrapers
	// write it (" date 2021-03-22 ."); LoadArticles reads it off a file's
	// top, and inference finds it in a text.
	headerLine = regexp.MustCompile(`(?m)^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\.?\s*$`)
	yearInText = regexp.MustCompile(`\b\d{4}\b`)
	// verbBefore and verbAfter find a reporting verb right before a weekday
	// ("said Monday", "told reporters on Friday") or right after it
	// ("Monday expressed", "Saturday strongly condemned").
	verbBefore   = regexp.MustCompile(`(?i)\b(?:` + reportingVerbs + `)(?:\s+[\p{L}]+){0,2}\s+(?:on\s+)?$`)
	verbAfter    = regexp.MustCompile(`(?i)^\s+(?:[\p{L}]+ly\s+)?(?:` + reportingVerbs + `)\b`)
	weekdayNames = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}
)

// reportingWeekday returns the words that make the weekday at
// text[start:end] the day of a report ("said Monday"), or "".
func reportingWeekday(text string, start, end int) string {
	before := text[max(0, start-40):start]
	if loc := verbBefore.FindStringIndex(before); loc != nil {
		return strings.Join(strings.Fields(before[loc[0]:]+text[start:end]), " ")
	}
	after := text[end:min(len(text), end+40)]
	if loc := verbAfter.FindStringIndex(after); loc != nil {
		return strings.Join(strings.Fields(text[start:end]+after[:loc[1]]), " ")
	}
	return ""
}

// weekdayIn returns the weekday named in s, or -1.
func weekdayIn(s string) time.Weekday {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if d, ok := weekdayNames[w]; ok {
			return d
		}
	}
	return -1
}

// gatherEvidence reads the publication evidence of text from its mentions
// resolved without a reference date (so relative expressions stay open).
func gatherEvidence(text string, ms []dates.Mention) evidence {
	ev := evidence{reportDay: -1}
	if m := headerLine.FindStringSubmatch(text); m != nil {
		if d, err := dates.ParseDate(m[1]); err == nil {
			ev.header = d
		}
	}
	for i, m := range ms {
		wd := weekdayIn(m.Text)
		if wd < 0 && i > 0 && rangeJoin.MatchString(text[ms[i-1].End:m.Start]) {
			wd = weekdayIn(ms[i-1].Text) // "Friday, March 19" as two mentions
		}
		before := text[wordStart(text, m.Start, 12):m.Start]
		planned := hasPlanCue(before) || m.Tense == dates.TenseFuture
		if y, ok := writtenYear(m); ok && !planned && y > ev.latestYear {
			ev.latestYear = y
		}
		// A day with its year written ("March 17, 2021"), or a month and
		// day with none ("XXXX-03-17").
		v, ok := dates.ParseValue(m.Value)
		day := ok && !v.Duration() && !v.Reference() && !v.BC() && v.Month() > 0 && v.Day() > 0
		if day && v.Year() > 0 && yearInText.MatchString(m.Text) {
			ev.explicit = append(ev.explicit, datedText{dates.NewDate(v.Year(), v.Month(), v.Day()), m.Text, planned})
			continue
		}
		if day && v.Year() < 0 {
			ev.monthDays = append(ev.monthDays, monthDay{v.Month(), v.Day(), wd, m.Text})
			continue
		}
		// A bare weekday dating a reporting verb: "said Monday",
		// "on Monday expressed regret".
		if ev.reportDay < 0 && wd >= 0 && !planned && isBareWeekday(m.Text) {
			if q := reportingWeekday(text, m.Start, m.End); q != "" {
				ev.reportDay, ev.reportText = wd, q
			}
		}
	}
	return ev
}

// isBareWeekday reports whether s is a weekday with at most a preposition
// ("Monday", "on Monday"), not "last Monday" or "next Monday".
func isBareWeekday(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 2 && f[0] == "on" {
		f = f[1:]
	}
	return len(f) == 1
}

// InferPublication infers the publication date of one article from its text.
// A given date is returned as is with Basis "given".
func InferPublication(a Article) Publication {
	if !a.Published.IsZero() {
		return Publication{ArticleID: a.ID, Date: a.Published, Basis: basisGiven}
	}
	ev := gatherEvidence(a.Text, dates.Resolve(a.Text, dates.Options{DocType: dates.News}))
	return inferFrom(a.ID, &ev, dates.Date{})
}

// inferFrom decides a publication date from evidence. borrowed is the
// publication date of the other articles of the collection (zero when
// none); it supplies the year when the text has none. The result never
// depends on the clock: weekday and date agreement ("Friday, March 19")
// recurs every few years, so it picks the earliest agreeing year from the
// latest year the text writes out (a report is no older than the past it
// tells, and the nearest such year is the likeliest); without any written
// year it infers nothing and says so.
func inferFrom(id string, ev *evidence, borrowed dates.Date) Publication {
	p := Publication{ArticleID: id, Inferred: true}
	if !ev.header.IsZero() {
		p.Date, p.Basis = ev.header, fmt.Sprintf("date header %s", ev.header)
		return p
	}
	var latest dates.Date
	var basis string
	switch {
	case len(ev.explicit) > 0:
		// Plans may lie in the future of the report; use them only when
		// nothing else is dated.
		plannedOnly := true
		for _, e := range ev.explicit {
			if !e.planned {
				plannedOnly = false
			}
		}
		for _, e := range ev.explicit {
			if (e.planned && !plannedOnly) || !e.date.After(latest) {
				continue
			}
			latest, basis = e.date, fmt.Sprintf("the latest full date in the text is %s (%q)", e.date, e.text)
		}
	case !borrowed.IsZero():
		year := borrowed.Year
		for _, md := range ev.monthDays {
			d := dates.NewDate(year, md.month, md.day)
			if d.After(borrowed.AddDays(7)) {
				d = dates.NewDate(year-1, md.month, md.day)
			}
			if d.After(latest) {
				latest, basis = d, fmt.Sprintf("the latest date in the text is %s (%q, year of the other articles)", d, md.text)
			}
		}
		if latest.IsZero() {
			if ev.reportDay >= 0 {
				// The reporting weekday nearest the other articles' date.
				d := borrowed.AddDays(-3)
				for d.Weekday() != ev.reportDay {
					d = d.AddDays(1)
				}
				p.Date, p.Basis = d, fmt.Sprintf("%q is the %s nearest the other articles' date %s", ev.reportText, ev.reportDay, borrowed)
				return p
			}
			p.Date, p.Basis = borrowed, fmt.Sprintf("no date in the text; the other articles' date %s", borrowed)
			return p
		}
	default:
		if ev.latestYear == 0 {
			p.Inferred = false
			p.Basis = "no year evidence in the text"
			if len(ev.monthDays) > 0 {
				p.Basis = "no year evidence in the text: months and days alone fit many years"
			}
			return p
		}
		y, md, ok := agreeingYear(ev.monthDays, ev.latestYear)
		if !ok {
			p.Inferred = false
			p.Basis = fmt.Sprintf("no weekday written beside a date fixes a year from %d on", ev.latestYear)
			return p
		}
		for _, m := range ev.monthDays {
			if d := dates.NewDate(y, m.month, m.day); d.After(latest) {
				latest = d
			}
		}
		basis = fmt.Sprintf("%q fixes the year %d, the first from the latest written year %d; the latest date is %s",
			md.text, y, ev.latestYear, latest)
	}
	p.Date, p.Basis = latest, basis
	if ev.reportDay >= 0 {
		d := latest
		for d.Weekday() != ev.reportDay {
			d = d.AddDays(1)
		}
		p.Date = d
		p.Basis = fmt.Sprintf("%s; %q makes it the next %s, %s", basis, ev.reportText, ev.reportDay, d)
	}
	return p
}

// agreeingYear returns the earliest year from floor on in which every
// month and day written with a weekday falls on that weekday. The calendar
// repeats every 28 years, so looking further finds nothing new.
func agreeingYear(mds []monthDay, floor int) (int, monthDay, bool) {
	var with []monthDay
	for _, m := range mds {
		if m.weekday >= 0 {
			with = append(with, m)
		}
	}
	if len(with) == 0 {
		return 0, monthDay{}, false
	}
	for y := floor; y < floor+28; y++ {
		ok := true
		for _, m := range with {
			d := dates.NewDate(y, m.month, m.day)
			if d.Month != m.month || d.Day != m.day || d.Weekday() != m.weekday {
				ok = false
				break
			}
		}
		if ok {
			return y, with[0], true
		}
	}
	return 0, monthDay{}, false
}

// writtenYear returns the year a mention writes out in digits ("2020",
// "March 17, 2021"), if any.
func writtenYear(m dates.Mention) (int, bool) {
	if len(m.Value) < 4 || !yearInText.MatchString(m.Text) {
		return 0, false
	}
	y, err := strconv.Atoi(m.Value[:4])
	return y, err == nil
}
