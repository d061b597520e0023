package dates

import (
	"strings"
	"time"
)

// quarterRules are the rules of one kind (rules.go explains the table): quarters, halves and the periods of financial reports.
var quarterRules = []rule{
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
			// "the first quarter of the fiscal year", "of its financial
			// year": a fiscal quarter.
			k := 3
			if !half && r.wordIs(u, "fiscal", "financial") {
				fiscal, u, k = true, m.after(4), 4
			}
			if !r.wordIs(u, "year") || rel.class&(cThis|cLast|cNext) == 0 && !r.wordIs(rel, "the") && !(k == 4 && r.wordIs(rel, "its", "their")) {
				return false
			}
			m.end += k
			if r.wordIs(rel, "the", "its", "their") {
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
			{"During the first quarter of the financial year Apple sold 21 million iPods.", "the first quarter of the financial year", "2021-QX"},
			{"Its profit doubled in the third quarter of its fiscal year.", "the third quarter of its fiscal year", "2021-QX"},
			{"Sales will rise in the second quarter of next fiscal year.", "the second quarter of next fiscal year", "2022-QX"},
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
	{name: "half of a year", src: "the? first|last|latter|former two? quarters|half of FISCAL? YEAR",
		build: func(r *run, m *match) bool {
			if m.is(3, "quarters") != (m.tok(2) != nil) {
				return false // "the first two halves", "the last quarters of"
			}
			h := 2
			if m.is(1, "first") || m.is(1, "former") {
				h = 1
			}
			y := int(m.tok(6).val)
			return r.whole(m, TypeDate, yearValue(y)+"-H"+string(rune('0'+h)), "", TenseUnknown, explain("'%s' is half %d of %d", m.text(), h, y))
		},
		examples: []example{{"losses through the first two quarters of 1990", "the first two quarters of 1990", "1990-H1"},
			{"attacks fell in the latter half of 2008", "the latter half of 2008", "2008-H2"},
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
	{name: "the quarter a year ago", src: "the corresponding|comparable|same? quarter|period a year ago|earlier",
		build: func(r *run, m *match) bool {
			return r.quarterBefore(m) || m.tok(1) != nil && r.yearBefore(m, false)
		},
		examples: []example{{"A third-quarter loss. For the quarter a year ago, it earned $5 million.", "the quarter a year ago", "2019-Q3"},
			// One expression: the period, a year before the one in view.
			{"Net profit in the first quarter rose 5% from the same quarter a year earlier.", "the same quarter a year earlier", "2020-Q1"},
			{"Sales rose 5% from the same period a year ago.", "the same period a year ago", "2020"}}},
	{name: "the same period last year", src: "the corresponding|comparable|same period|quarter of? the? LAST year",
		build: func(r *run, m *match) bool {
			return r.quarterBefore(m) || r.yearBefore(m, !m.is(5, "last") && !m.is(5, "past"))
		},
		examples: []example{{"Third-quarter net fell from $1.8 million for the corresponding period last year.", "the corresponding period last year", "2019-Q3"},
			{"Net profit in the first quarter rose 5% from the same period of the last year.", "the same period of the last year", "2020-Q1"},
			{"Exports rose 5% from the same period of last year.", "the same period of last year", "2020"},
			{"Exports in 2019 rose 5% from the same period of the previous year.", "the same period of the previous year", "2018"},
			{"Exports in 2019 rose 5% from the same period of last year.", "the same period of last year", "2020"}}},
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
	{name: "the fiscal year", src: "the|this|next|last current? FISCAL year",
		build: func(r *run, m *match) bool {
			if m.tok(1) != nil || !m.is(0, "the") {
				// "the current fiscal year", "this fiscal year", "last
				// fiscal year": the year (TimeML writes a fiscal year as
				// the calendar year it is named for).
				if m.tok(1) != nil && !m.is(0, "the") {
					return false
				}
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				n := step(m.tok(0).class)
				return r.whole(m, TypeDate, yearValue(a.Year+n), "", TenseUnknown, explain("'%s' -> the year %d from %s", m.text(), n, as))
			}
			return r.duration(m, m.start, m.end, 1, uYear)
		},
		examples: []example{{"in the fiscal year ended", "the fiscal year", "P1Y"}, {"sales in the current fiscal year", "the current fiscal year", "2021"},
			{"profit this fiscal year will rise", "this fiscal year", "2021"}, {"a loss last fiscal year", "last fiscal year", "2020"}}},
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
	{name: "the full year", src: "the full year",
		build: func(r *run, m *match) bool {
			return r.relUnit(m, uYear, 0, "of")
		},
		examples: []example{{"for the full year", "the full year", "2021"}}},
}
