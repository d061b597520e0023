package dates

import (
	"strings"
	"time"
)

// absoluteRules are the rules of one kind (rules.go explains the table): absolute dates: calendar days, months, years, decades and centuries written out, with or without a year.
var absoluteRules = []rule{
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
			// A part of the day told keeps it.
			{"On the night of April 18, 1775, Gage sent men", "the night of April 18, 1775", "1775-04-18TNI"},
			{"He announced early in the morning of April 29, 1975 the evacuation", "early in the morning of April 29, 1975", "1975-04-29TMO"},
			{"in the early morning hours of April 30, 1975, the", "the early morning hours of April 30, 1975", "1975-04-30TMO"},
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
			// "takes effect", "goes into effect": a coming date.
			{"The tax cut takes effect Jan. 1.", "Jan. 1", "2022-01-01"}, {"The tax cut took effect Jan. 1.", "Jan. 1", "2021-01-01"},
			// Month names in any case; "may" and "march" only next to a day.
			{"the show will be on november 3rd", "november 3rd", "2021-11-03"}, {"see you may 5", "may 5", "2021-05-05"},
			{"you may go", "", ""}, {"the march was long", "", ""},
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
		examples: []example{{"on 17 March 2021 the", "17 March 2021", "2021-03-17"}, {"by 5 May it", "5 May", "2021-05-05"},
			{"on 5 march we met", "5 march", "2021-03-05"}}},
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
				if m.tok(3) != nil {
					return false
				}
				if t := m.tok(1); t.class&cYearNum == 0 {
					// "FY13": the century nearest the reference (or 20xx).
					if t.end-t.start != 2 {
						return false
					}
					c := 2000
					if a, _ := r.anchor(); !a.IsZero() {
						c = a.Year / 100 * 100
						if c+n > a.Year+20 {
							c -= 100
						}
					}
					n += c
				}
				return r.whole(m, TypeDate, yearValue(n), "", TenseUnknown, explain("'%s' is a fiscal year", m.text()))
			}
			if kind == "q" && (n < 1 || n > 4) || kind == "h" && (n < 1 || n > 2) || m.tok(1).end-m.tok(1).start != 1 {
				return false
			}
			code := strings.ToUpper(kind) + string(rune('0'+n))
			if y := m.tok(3); y != nil {
				return r.whole(m, TypeDate, yearValue(int(y.val))+"-"+code, "", TenseUnknown, explain("'%s' names a part of %s", m.text(), yearName(int(y.val))))
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
		examples: []example{{"results for Q3 2020 were", "Q3 2020", "2020-Q3"}, {"in H1 2021,", "H1 2021", "2021-H1"}, {"in FY2020 sales", "FY2020", "2020"}, {"Revenue in FY13 rose.", "FY13", "2013"}, {"the FY99 budget", "FY99", "1999"},
			{"Q4 revenue fell", "Q4", "2020-Q4"}}},
	// "May '12", "Sept. '08": a year's last two digits after an
	// apostrophe, in the century that puts it nearest the reference.
	{name: "month apostrophe year", src: "MONTH DAY|ORDNUM? ,? ' ~DIGITS",
		build: func(r *run, m *match) bool {
			t := m.tok(4)
			if t.end-t.start != 2 || t.flags&(fGrouped|fDecimal|fMoney) != 0 {
				return false
			}
			if n := m.after(1); n != nil && n.flags&fSpace == 0 && (n.kind == kWord || n.kind == kNum) {
				return false // "May '12s"
			}
			y := shortYear(r, int(t.val))
			if d := m.tok(1); d != nil {
				return r.dayOf(m, m.start, m.end, time.Month(m.tok(0).val), int(d.val), y)
			}
			return r.monthOf(m, time.Month(m.tok(0).val), y, "")
		},
		examples: []example{{"The company went public in May '12.", "May '12", "2012-05"}, {"Prices peaked in Sept. '08.", "Sept. '08", "2008-09"},
			{"Prices peaked in Sept. ’08.", "Sept. ’08", "2008-09"}, {"a show on June 5, '99 in Boston", "June 5, '99", "1999-06-05"}}},
	// "5/20", "20/5": a month and a day with a slash, where a preposition
	// of dates leads them ("on 5/20", "by 5/20"); a fraction ("3/4 of
	// the votes"), a score or "24/7" is none.
	{name: "slashed month day", src: "DAY ~/ ~DAY",
		build: func(r *run, m *match) bool {
			a, b := m.tok(0), m.tok(2)
			if !r.wordIs(m.before(1), datePrepositions...) || m.text() == "9/11" {
				return false // "9/11" is the attacks' day (rules_named.go)
			}
			if a.flags&(fGrouped|fDecimal|fMoney) != 0 || b.flags&(fGrouped|fDecimal|fMoney) != 0 || a.end-a.start > 2 || b.end-b.start > 2 {
				return false
			}
			if n := m.after(1); n != nil && (n.flags&fSpace == 0 && n.kind != kPunct || n.kind == kPunct && (n.punct == '/' || n.punct == '-') ||
				n.class&(cUnit|cUnits) != 0 || r.wordIs(n, "of", "percent", "inch", "inches", "mile", "miles", "cup", "cups", "pound", "pounds")) {
				return false // "5/20/2012" is the full date's; "3/4 of", "3/4 inch", "1/2 day" are fractions
			}
			mo, d := int(a.val), int(b.val)
			if mo > 12 {
				mo, d = d, mo // 20/5 can only be day first
			}
			if mo < 1 || mo > 12 || d < 1 || d > 31 || d > daysIn(2000, time.Month(mo)) {
				return false
			}
			return r.dayOf(m, m.start, m.end, time.Month(mo), d, 0)
		},
		examples: []example{{"The vote on 5/20 was close.", "5/20", "2020-05-20"}, {"The vote on 20/5 was close.", "20/5", "2020-05-20"},
			{"The vote on 5/20/2012 was close.", "5/20/2012", "2012-05-20"},
			{"He won on 3/4 of the votes.", "", ""}, {"The store is open 24/7.", "", ""}, {"The score was 3/4.", "", ""},
			{"He went 9/12 from the line on 3/4 shooting", "", ""},
			{"He was on 1/2 day leave.", "1/2", ""}}},
	// "on the 15th": a day of the month told in the sentence or the one
	// before, else of the reference's month (moved a month by the
	// clause's tense, as a month name is by a year).
	{name: "the ordinal day", src: "the ORDNUM",
		build: func(r *run, m *match) bool {
			if !r.wordIs(m.before(1), datePrepositions...) {
				return false
			}
			d := int(m.tok(1).val)
			if d < 1 || d > 31 {
				return false
			}
			if n := m.after(1); n != nil && n.kind == kWord && !r.wordIs(n, "and", "or", "but", "at", "in", "when", "to", "of", "as", "after", "before", "so", "because", "while") ||
				n != nil && n.kind == kNum || r.wordIs(n, "of") && m.after(2) != nil && m.after(2).class&cMonth != 0 {
				return false // "the 15th floor", "the 15th century"; "the 15th of May" is the month's rule
			}
			for k := 1; k <= 6; k++ {
				if n := m.after(k); n == nil || n.kind == kPunct && n.punct == '.' {
					break
				} else if n.class&cMonth != 0 {
					return false // "from the 13th to the 19th of October": the range's
				}
			}
			a, as := r.anchor()
			if a.IsZero() {
				return r.whole(m, TypeDate, "XXXX-XX-"+string(pad(nil, d, 2)), "", TenseUnknown, explain("'%s' is a day of an unknown month", m.text()))
			}
			if mon, y, ok := r.toldMonth(); ok && d <= daysIn(y, mon) {
				return r.whole(m, TypeDate, dayValue(Date{y, mon, d}), "", TenseUnknown, explain("'%s' -> that day of the month last told, %s", m.text(), r.lastVal))
			}
			day := Date{a.Year, a.Month, d}
			t := r.tense(m.start, m.end)
			why := "that day of the month of " + as
			switch {
			case t == TenseFuture && d < a.Day:
				day = addMonth(a, 1, d)
				why = "that day of the month after " + as + " (" + tenseWord(t) + ")"
			case t == TensePast && d > a.Day:
				day = addMonth(a, -1, d)
				why = "that day of the month before " + as + " (" + tenseWord(t) + ")"
			}
			if d > daysIn(day.Year, day.Month) {
				return false
			}
			return r.whole(m, TypeDate, dayValue(day), "", t, explain("'%s' -> %s", m.text(), why))
		},
		examples: []example{{"Payment is due on the 15th.", "the 15th", "2021-04-15"}, {"He was arrested on the 15th.", "the 15th", "2021-03-15"},
			{"He was arrested on the 25th.", "the 25th", "2021-02-25"}, {"The vote will be held on the 25th.", "the 25th", "2021-03-25"},
			{"Talks opened on May 3, and ended on the 15th.", "the 15th", "2020-05-15"},
			{"He lives on the 15th floor.", "", ""}, {"He was there from the 13th to the 19th of October 1950.", "the 13th", ""}, {"It was built before the 15th century.", "the 15th", ""}}},
	{name: "month year", src: "MONTH ,? YEAR",
		build: func(r *run, m *match) bool {
			return r.monthOf(m, time.Month(m.tok(0).val), int(m.tok(2).val), "")
		},
		examples: []example{{"since May 2010 the", "May 2010", "2010-05"}, {"in March 2021,", "March 2021", "2021-03"}}},
	{name: "month of year", src: "MONTH DAY|ORDNUM? of YEAR",
		build: func(r *run, m *match) bool {
			if d := m.tok(1); d != nil {
				return r.dayOf(m, m.start, m.end, time.Month(m.tok(0).val), int(d.val), int(m.tok(3).val))
			}
			return r.monthOf(m, time.Month(m.tok(0).val), int(m.tok(3).val), "")
		},
		examples: []example{{"in March of 2020", "March of 2020", "2020-03"}, {"On June 20 of 1792, women marched", "June 20 of 1792", "1792-06-20"}}},
	// "In August of that year", "on January 24 of the same year": the year
	// of the date last told.
	{name: "month of that year", src: "MONTH DAY|ORDNUM? of that|the same? year",
		build: func(r *run, m *match) bool {
			if m.is(3, "the") && m.tok(4) == nil {
				return false // "March of the year": no year pointed at
			}
			a, as := r.eventAnchor(gYear)
			if a.IsZero() {
				return false
			}
			mon := time.Month(m.tok(0).val)
			if d := m.tok(1); d != nil {
				if int(d.val) > daysIn(a.Year, mon) {
					return false
				}
				return r.whole(m, TypeDate, dayValue(Date{a.Year, mon, int(d.val)}), "", TenseUnknown, explain("'%s' -> that day in the year of %s", m.text(), as))
			}
			return r.whole(m, TypeDate, monthValue(a.Year, mon), "", TenseUnknown, explain("'%s' -> that month in the year of %s", m.text(), as))
		},
		examples: []example{{"The war stalled by 1940. In August of that year, the communists attacked.", "August of that year", "1940-08"},
			{"The crisis began in 1955. On January 24 of the same year, Congress voted.", "January 24 of the same year", "1955-01-24"}}},
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
			// "to" before a month is a preposition, not an infinitive.
			{"Figures for the year to March showed growth.", "March", "2021-03"},
			{"Exports for the six months to September showed a gain.", "September", "2020-09"},
			{"The museum, closed since 2019, reopens in February.", "February", "2022-02"},
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
			{"Exports rose 4% in January-March.", "March", "2021-03"}, {"Sales fell in the Feb.–May period.", "May", "2020-05"},
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
			// A year used as a modifier, after a determiner: a count of a
			// thousand or more is written with a comma.
			{"violence had fallen from its 2006 highs", "2006", "2006"}, {"output was 53% of 1913 levels", "1913", "1913"},
			{"the 1614 rules differed", "1614", "1614"}, {"a 2014 survey found", "2014", "2014"},
			{"the Civil Constitution of the Clergy (1790) and", "1790", "1790"},
			{"paid $2019 in", "", ""},
			{"crowds of 2,000 people", "", ""},
			{"won 2000-1998", "", ""},
			// A 24-hour clock time with its zone: "(1850 GMT)".
			{"The blast came at 2:50 p.m. (1850 GMT).", "2:50 p.m.", "2021-03-22T14:50"}, {"Trading closed at 2000 UTC.", "", ""},
			// Digits glued to a name are part of it.
			{"Collected my SCMS2014 race pack", "", ""}, {"Revenue in FY2014 rose.", "FY2014", "2014"},
		},
		posts: []example{{"the Dutch knew that! #olympics2014 http://t.co/x", "", ""}}},
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
			d := int(m.tok(3).val)
			v := string(pad(nil, d, 3))
			if r.eraBC(m) { // "the 470s BC": the years written 479..470 BC
				v = decadeValue(1 - d*10)
			}
			return r.whole(m, TypeDate, v, mod, TenseUnknown, explain("'%s' is a decade", m.text()))
		},
		examples: []example{{"in the 1990s the", "the 1990s", "199"}, {"by the mid-1980s", "the mid-1980s", "198"}, {"in early 1990s", "early 1990s", "199"},
			{"In the 470s BC Athens rose", "the 470s BC", "BC047"}, {"in the 980s the kingdom", "the 980s", "098"},
			// The apostrophe spelling of a decade, after a word that leads one.
			{"In the late 1980's Apple added audio recording", "the late 1980's", "198"}, {"Rents doubled in the 1970’s.", "the 1970’s", "197"},
			{"The mid-1960's saw", "The mid-1960's", "196"}, {"In 1990's budget, taxes rose.", "1990", "1990"}}},
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
			{"in the 2020s", "the 2020s", "202"}, {"he is in his nineties", "", ""}, {"since the early '80's", "the early '80's", "198"}}},
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
			if r.eraBC(m) { // "the 5th century BC": the years written 499..400 BC
				return r.whole(m, TypeDate, "BC"+string(pad(nil, n-1, 2)), mod, TenseUnknown, explain("'%s' is the century %d99-%d00 BC", m.text(), n-1, n-1))
			}
			return r.whole(m, TypeDate, string(pad(nil, n-1, 2)), mod, TenseUnknown, explain("'%s' is the century %02d00-%02d99", m.text(), n-1, n-1))
		},
		examples: []example{{"in the 20th century", "the 20th century", "19"}, {"the twenty-first century", "the twenty-first century", "20"},
			{"In the 5th century BC Athens rose", "the 5th century BC", "BC04"}, {"Proto-GIFs of the 19th Century put", "the 19th Century", "18"}, {"the first century B.C.", "the first century B.C.", "BC00"}}},

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
	{name: "month this year", src: "MONTH THIS|LAST|NEXT year",
		build: func(r *run, m *match) bool {
			y, as, ok := r.relativeYear(m.tok(1))
			if !ok {
				return false
			}
			return r.whole(m, TypeDate, monthValue(y, time.Month(m.tok(0).val)), "", TenseUnknown, explain("'%s' -> that month in the year relative to %s", m.text(), as))
		},
		examples: []example{{"In January this year, British", "January this year", "2021-01"}, {"in June last year", "June last year", "2020-06"}}},

	{name: "the year in words", src: "the year NUM",
		build: func(r *run, m *match) bool {
			y := m.tok(2).val
			if y < 1000 || y > 2099 || m.tok(2).flags&(fGrouped|fDecimal|fMoney) != 0 {
				return false
			}
			return r.whole(m, TypeDate, yearValue(int(y)), "", TenseUnknown, explain("'%s' names a year", m.text()))
		},
		examples: []example{{"the approach of the year two thousand has", "the year two thousand", "2000"}}},
}

// shortYear reads a year written with two digits ("'12", "FY13") in the
// century that puts it at most 20 years after the reference (20xx without
// one).
func shortYear(r *run, n int) int {
	c := 2000
	if a, _ := r.anchor(); !a.IsZero() {
		c = a.Year / 100 * 100
		if c+n > a.Year+20 {
			c -= 100
		}
	}
	return c + n
}

// addMonth is day d of the month n months from a's.
func addMonth(a Date, n, d int) Date {
	m := int(a.Month) - 1 + n
	y := a.Year + m/12
	if m%12 < 0 {
		y--
	}
	return Date{y, time.Month((m%12+12)%12 + 1), d}
}

// toldMonth is the month of the date last told, when it was told at a
// month's granularity or finer in this sentence or the one before.
func (r *run) toldMonth() (time.Month, int, bool) {
	if r.last.IsZero() || r.lastGran < gMonth || r.sent-r.lastSent > 1 {
		return 0, 0, false
	}
	return r.last.Month, r.last.Year, true
}
