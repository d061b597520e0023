package dates

import "time"

// This file holds the engine's memory of what the text has told so far:
// the dates, days and quarters that later expressions refer back to, and
// the anchors they resolve against.

// memory is what the text has told so far. Each anchored mention updates
// it (record); rules read it to resolve what refers back: narrative text
// and event-relative expressions ("the day before", "a year earlier")
// anchor to the last date told, a part of day or clock time to the last
// day told nearby, financial comparisons to the quarter in force.
type memory struct {
	// ref is the reference date (zero for none) and docType the document
	// type, as the call's Options give them.
	ref     Date
	docType DocType
	// last is the most recent anchored mention (its interval start and
	// granularity) and lastVal its value; lastSent is the sentence it was
	// written in.
	last     Date
	lastGran gran
	lastVal  string
	lastSent int
	// line is the last date told finer than a year (a season, month, day
	// or time), the story line of a narrative, with its granularity and
	// value; aside reports that the last date told since is a year or
	// coarser standing inside a sentence rather than opening it ("forces
	// for a planned campaign in 1976", "declassified in 2005"). A day of
	// the line's month told within a few sentences (lineSentences) goes on
	// from line, not from the aside
	// ("On 10 March 1975 ... a planned campaign in 1976 ... collapsed on 11
	// March" is 1975's); another month takes the year told ("the fighting
	// in 1917, 'The 25th of August ...'"), and so does anything after a
	// year that opens its sentence ("In 1941, ...").
	line     Date
	lineGran gran
	lineVal  string
	lineSent int
	aside    bool
	// passed is the value of the last date told in passing since last
	// (written in parentheses, or a glance back: run.record), which the
	// story does not take up, or "".
	passed string
	// day is the last day (or time on a day) told that is not the day of
	// a report ("the bomb went off Saturday, police said Monday": the
	// story's day is Saturday), and daySent and dayPara the sentence and
	// paragraph it was written in: a time or part of day with no day of its
	// own takes that day only when it is that close (recentDay).
	day              Date
	daySent, dayPara int
	// sent and para count the sentences and paragraphs begun; paraSent is
	// the sentence the paragraph began with.
	sent, para, paraSent int
	// quarter is the last quarter named in the text ("the third quarter"):
	// financial news compares with it ("a year earlier", "the quarter").
	quarter string
	// fiscal is 1 + the index in out of the last fiscal quarter named with
	// no end of its own ("the fiscal first quarter": an unknown quarter of
	// the calendar, QX), or 0, and fiscalSent the sentence it was named in:
	// "the quarter ended Sept. 30" soon after it tells its end, and dates it.
	fiscal, fiscalSent int
	// quarterEnd is the end told for the quarter in force ("the quarter
	// ended Oct. 31"), or zero.
	quarterEnd Date
	// cumulative is the sentence in which a cumulative reporting period
	// ("the nine months", "the first half") was last named after the last
	// quarter, or 0. While it is in force (its sentence and the next), "a
	// year earlier" compares that period, so it is the year before, not the
	// quarter.
	cumulative int
}

// lineSentences is how many sentences after the story line's date a year
// told in passing may stand and still be an aside from it.
const lineSentences = 3

// anchor is the date relative expressions resolve against: the reference,
// or in narrative text the last date mentioned.
func (r *memory) anchor() (Date, string) { return r.anchorAt(gDay) }

// relativeYear is the year that "this", "last" or "next" (the token t)
// names relative to the anchor, and the anchor's description; ok is false
// when there is no anchor.
func (r *memory) relativeYear(t *token) (year int, anchor string, ok bool) {
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
func (r *memory) anchorAt(g gran) (Date, string) {
	if r.docType == Narrative && !r.last.IsZero() {
		if r.lastGran >= g {
			return r.last, r.lastMentioned()
		}
		if r.lineGran >= g && !r.line.IsZero() && r.lastGran < gYear {
			// "Hitler's 1930s aggressions ... twenty years earlier": a
			// decade told in passing; count from the story's last date.
			return r.line, "the story's last date, " + r.line.String()
		}
		return Date{}, "the last date mentioned, " + r.lastVal
	}
	return r.ref, r.ref.String()
}

// eventAnchor is the date an event-relative expression of granularity g
// ("the day before", "a year earlier") counts from: the last date
// mentioned when it is at least that fine, else the anchor.
func (r *memory) eventAnchor(g gran) (Date, string) {
	if !r.last.IsZero() && r.lastGran >= g {
		return r.last, r.lastMentioned()
	}
	return r.anchorAt(g)
}

// recentDay is the day last told (day: not the day of a report) when it
// was written close by: at most sentences sentences back, or with a
// negative count anywhere in the same paragraph. It is the
// narrative anchor inside news: "He was killed on Oct. 23. ... He was shot
// at 10 p.m.", "The bomb went off March 3. The next morning ...".
func (r *memory) recentDay(sentences int) (Date, string, bool) {
	if r.day.IsZero() {
		return Date{}, "", false
	}
	if sentences < 0 && r.dayPara != r.para || sentences >= 0 && r.sent-r.daySent > sentences {
		return Date{}, "", false
	}
	return r.day, "the day last told, " + r.day.String(), true
}

// toldYear is the year a month (day 0) or a month and day written without
// a year takes in narrative text, where the story's order, not the
// publication date, places it: the year of the last date told, at any
// granularity down from a year ("In late May 1940 ... on June 4" is
// 1940-06-04, "During 1863 ... in July" is 1863-07). A month before the
// last told one continues the story into the next year when it lies
// nearer ahead than behind ("December 7, 1941 ... In January" is 1942-01,
// "In September 1940 ... in June" goes back to 1940-06). ok is false
// outside narrative text or before any date at least a year fine is told.
//
// back reports a clause in the past perfect ("Yudenich, who had spent the
// spring and summer organizing an army", told after December 1919): it
// looks back from the story, so a month before the story's does not move on
// into the next year (run.looksBackTo).
func (r *memory) toldYear(mon time.Month, day int, back bool) (y int, why string, ok bool) {
	last, lastGran, lastVal, ok := r.storyDate(mon)
	if !ok {
		return 0, "", false
	}
	y = last.Year
	why = "the year of the last date told, " + lastVal + r.passing()
	if last != r.last {
		why = "the year of the story's last date, " + lastVal + " (" + r.lastVal + " was told in passing)"
	}
	if lastGran == gYear {
		return y, why, true
	}
	lm, ld := last.Month, last.Day
	if lastGran < gDay {
		ld = 0
	}
	if mon > lm || mon == lm && (day == 0 || ld == 0 || day >= ld) {
		return y, why, true
	}
	behind := int(lm - mon)
	if behind == 0 {
		behind = 1 // an earlier day of the same month
	}
	if 12-behind < behind {
		if back {
			return y, why + ": a clause in the past perfect looks back", true
		}
		return y + 1, "the year after the last date told, " + lastVal + ": the story moves on to the next " + mon.String(), true
	}
	return y, why, true
}

// storyDate is the date a month mon told without a year is placed from in
// narrative text, with its granularity and value: the last date told, or
// the story line's date when that was told in passing (memory.aside). ok is
// false outside narrative text or before any date at least a year fine is
// told.
func (r *memory) storyDate(mon time.Month) (d Date, g gran, val string, ok bool) {
	if r.docType != Narrative || r.last.IsZero() || r.lastGran < gYear {
		return Date{}, gNone, "", false
	}
	if r.aside && r.lineGran >= gMonth && r.sent-r.lineSent <= lineSentences && mon == r.line.Month {
		return r.line, r.lineGran, r.lineVal, true
	}
	return r.last, r.lastGran, r.lastVal, true
}

// toldRange is, in narrative text, the year of the first end of a range of
// two months written without a year whose second month comes earlier in
// the calendar than the first ("from October to March"): the range runs
// over a new year, so its second end lies in the year after. A story tells
// such a range around the date it stands in when one of its placements
// holds that date ("Manila fell in March 1945 ... from October to March"
// is October 1944 to March 1945); else the first month takes the year
// toldYear gives it. ok is false where toldYear has no year.
func (r *memory) toldRange(m1, m2 time.Month) (y int, why string, ok bool) {
	d, g, val, ok := r.storyDate(m1)
	if !ok {
		return 0, "", false
	}
	if g > gYear {
		switch {
		case d.Month <= m2:
			return d.Year - 1, "the range runs over a new year and holds the last date told, " + val, true
		case d.Month >= m1:
			return d.Year, "the range runs over a new year and holds the last date told, " + val, true
		}
	}
	return r.toldYear(m1, 0, false)
}

// tell records an anchored mention starting on s at granularity g as the
// last date told. A year told again after a finer date of that year keeps
// the finer one ("on December 7, 1941 ... in 1941 ... In January": the
// story stands in December 1941, so January is 1942's).
//
// topic reports that the mention opens its sentence: a year told inside a
// sentence after a finer date is an aside from the story line (memory.line).
func (r *memory) tell(s Date, g gran, value string, topic bool) {
	r.lastSent = r.sent
	r.passed = ""
	if g <= gYear && g != gNone && r.lastGran > g && !r.last.IsZero() && containsDay(s, g, r.last) {
		return
	}
	r.last, r.lastGran, r.lastVal = s, g, value
	switch {
	case g > gYear:
		r.line, r.lineGran, r.lineVal, r.lineSent, r.aside = s, g, value, r.sent, false
	case g != gNone:
		r.aside = !topic && !r.line.IsZero()
	}
}

// pass records a date told in passing (value v): the story does not take
// it up, but an explanation that counts from the last date told says so.
func (r *memory) pass(v string) { r.passed = v }

// passing is what an explanation adds after the last date told when a
// date was told in passing since: " (V was told in passing)", or "".
func (r *memory) passing() string {
	if r.passed == "" {
		return ""
	}
	return " (" + r.passed + " was told in passing)"
}

// lastMentioned describes last as an anchor: the last date mentioned, or
// the last date told with the date told in passing since.
func (r *memory) lastMentioned() string {
	if r.passed == "" {
		return "the last date mentioned, " + r.last.String()
	}
	return "the last date told, " + r.last.String() + r.passing()
}

// containsDay reports whether the period of granularity g (a year or
// coarser) starting on s holds day d.
func containsDay(s Date, g gran, d Date) bool {
	switch g {
	case gYear:
		return d.Year == s.Year
	case gDecade:
		return d.Year/10 == s.Year/10
	case gCentury:
		return d.Year/100 == s.Year/100
	}
	return false
}

// toldSeasonYear is the year a season named without one takes in narrative
// text ("During 1941 ... the summer" is 1941-SU), as toldYear finds it for
// the season's first month. A winter is named for the year of its January
// (TimeML's corpora: the winter of 1777-78 is 1778-WI): the one that
// follows the story's date, or the one it stands in during January or
// February.
func (r *memory) toldSeasonYear(season int, back bool) (int, string, bool) {
	y, why, ok := r.toldYear(time.Month(3*season), 0, back)
	if ok && season == 4 && !(r.lastGran > gYear && r.last.Month <= time.February && y == r.last.Year) {
		y++ // the winter that begins in December y is named for its January
	}
	return y, why, ok
}
