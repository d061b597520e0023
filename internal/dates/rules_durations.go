package dates

// durationRules are the rules of one kind (rules.go explains the table): lengths of time.
var durationRules = []rule{
	{name: "the past n units", src: "the? LAST|NEXT|first|latest NUM|FEW UNITS|UNIT",
		build: func(r *run, m *match) bool {
			if m.tok(0) == nil && !m.tok(1).has(cLast) && !m.is(1, "next") {
				return false
			}
			n := num(m.tok(2))
			if m.tok(2).class&cFew != 0 {
				n = -1
			}
			return r.duration(m, m.start, m.end, n, unitOf(m.tok(3)))
		},
		examples: []example{
			{"over the past two years", "the past two years", "P2Y"},
			{"In the last twenty four hours, the", "the last twenty four hours", "PT24H"},
			{"the first nine months", "the first nine months", "P9M"},
			{"45% of its business in the latest nine months", "the latest nine months", "P9M"},
		}},
	{name: "the past unit", src: "the LAST|NEXT UNIT",
		build: func(r *run, m *match) bool {
			if m.tok(1).class&cLast != 0 && !m.is(1, "past") && !m.is(1, "last") {
				return false
			}
			if m.tok(1).class&cNext != 0 && unitOf(m.tok(2)) == uDay && !r.wordIs(m.before(1), lengthPrepositions...) {
				return false // "The following day the war ended": a day, when one can be found
			}
			return r.duration(m, m.start, m.end, 1, unitOf(m.tok(2)))
		},
		examples: []example{{"over the past year", "the past year", "P1Y"}, {"for the next day, aircraft attacked", "the next day", "P1D"}}},
	{name: "n to m units", src: "the? NEXT|LAST? NUM to NUM UNITS",
		build: func(r *run, m *match) bool {
			lo, hi, u := num(m.tok(2)), num(m.tok(4)), unitOf(m.tok(5))
			if lo <= 0 || hi <= lo || u == 0 || u == uWeekend || m.tok(2).class&cYearNum != 0 {
				return false
			}
			// A range of lengths has no single TIMEX3 value: say what it
			// is at least ("within two to three weeks").
			v := durationValue(lo, u)
			switch {
			case u == uDecade:
				v = durationValue(10*lo, uYear)
			case u == uCentury:
				v = durationValue(100*lo, uYear)
			}
			return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: v, mod: modNames[modEqualOrMore],
				expl: explain("'%s' is a length of time of at least %d %s(s)", m.text(), lo, unitNames[u])})
		},
		examples: []example{
			{"will resume shipments within two to three weeks", "two to three weeks", "P2W"},
			{"acquisitions to be made during the next 12 to 18 months", "the next 12 to 18 months", "P12M"},
			{"sales rose 5 to 6 percent", "", ""},
		}},
	{name: "n units", src: "the? NUM|A ~-? UNIT|UNITS",
		build: func(r *run, m *match) bool {
			n := num(m.tok(1))
			u := unitOf(m.tok(3))
			if t := m.tok(1); n < 0 && u != 0 && u != uWeekend && t.kind == kNum && t.flags&(fDecimal|fGrouped|fMoney) == fDecimal && m.tok(2) == nil {
				// "2.5 hours": ISO 8601 writes the fraction on the unit, PT2.5H.
				v := durationValue(0, u)
				v = v[:len(v)-len(unitLetters[u])-1] + m.word(t) + unitLetters[u]
				return r.emit(piece{from: m.at[1], to: m.end, typ: TypeDuration, value: v, expl: explain("'%s' is a length of time, not a date", m.text())})
			}
			if n < 0 || u == 0 {
				return false
			}
			if b := m.before(1); m.tok(0) == nil && b != nil && b.kind == kPunct && b.punct == '/' && m.tok(1).flags&fSpace == 0 {
				return false // "1/2 day": half of one, not two
			}
			// "78-year-old" is an age, not a time; "a year-earlier loss" is
			// read by the year-earlier rule.
			if a := m.after(1); a != nil && a.kind == kPunct && a.punct == '-' && a.flags&fSpace == 0 {
				if b := m.after(2); r.wordIs(b, "old", "earlier", "ago") {
					return false
				}
				// "on a year-on-year basis", "a day-to-day struggle": a
				// comparison or a manner, not a length.
				if b, c, d := m.after(2), m.after(3), m.after(4); r.wordIs(b, "on", "over", "to", "by", "for") && b.flags&fSpace == 0 &&
					c != nil && c.kind == kPunct && c.punct == '-' && c.flags&fSpace == 0 && d != nil && d.class&cUnit != 0 && d.flags&fSpace == 0 {
					return false
				}
			}
			if m.tok(1).class&cIndef != 0 && m.tok(0) != nil {
				return false
			}
			// "a year" after a count of times is a frequency.
			if m.tok(1).class&cIndef != 0 {
				if p := m.before(1); r.wordIs(p, countsOfTimes...) {
					return r.whole(m, TypeSet, durationValue(1, u), "", TenseUnknown, explain("'%s' is a frequency", m.text()))
				}
			}
			if m.tok(1).kind == kNum && m.tok(1).val == 0 {
				return false
			}
			if u == uQuarter && r.wordIs(m.after(1), "of") {
				return false // "three-quarters of its food": a fraction
			}
			if r.wordIs(m.after(1), "old", "older", "younger") {
				return false // "52 years old": an age
			}
			if r.payAfter(m) {
				return false // "a bonus equal to six months of base pay": an amount of money
			}
			if m.tok(1).class&cIndef != 0 {
				// "four flights a week", "$5 a day", "24 hours a day": a rate.
				if p := m.before(1); r.amount(p) || p != nil && p.kind == kWord && p.flags&fCap == 0 && len(r.text[p.start:p.end]) > 3 && r.text[p.end-1] == 's' && p.class&(cUnits|cTenseMark) == 0 ||
					p != nil && p.class&cUnits != 0 && r.amount(m.before(2)) {
					return false
				}
			}
			if m.tok(1).flags&fHalf != 0 {
				v := halfDuration(n, u)
				if v == "" {
					return false
				}
				return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: v, expl: explain("'%s' is a length of time, not a date", m.text())})
			}
			if m.tok(1).class&cYearNum != 0 && u != uYear {
				return false // "the 1988 quarter" is a quarter, not 1988 of them
			}
			from := m.start
			if m.tok(2) != nil || n > 1 && m.tok(3).class&cUnits == 0 {
				// "the 30-day period", "the two day rally": a length used as
				// an adjective; "the" belongs to the noun.
				from = m.at[1]
			}
			// "would be redeemed in five years": the point that far ahead,
			// not a length (TIDES); "the smallest gain in a year" stays one.
			if m.tok(0) == nil && m.tok(2) == nil && n > 0 && u >= uDay && u != uWeekend && r.wordIs(m.before(1), "in") &&
				m.tok(3).class&cUnits != 0 && r.tense(m.start, m.end) == TenseFuture {
				if a, as := r.anchorAt(unitGran(u)); !a.IsZero() {
					if d := shift(a, u, n); !d.IsZero() {
						return r.whole(m, TypeDate, unitValue(d, u), "", TenseFuture, explain("'in %s' in a future clause -> %d %s(s) after %s", m.text(), n, unitNames[u], as))
					}
				}
			}
			// "Islam will one day be ...": some day to come, not a length.
			if u == uDay && n == 1 && m.is(1, "one") && m.tok(0) == nil && r.wordIs(m.before(1), modals...) {
				return r.whole(m, TypeDate, "FUTURE_REF", "", TenseFuture, explain("'%s' after a modal is some day to come", m.text()))
			}
			// "two years and three months", "1 hr 30 mins", "1 week 1 day":
			// one length in two units, unless the second counts from an
			// event ("a year and two months ago" is read from "ago").
			if m.tok(2) == nil && m.tok(1).flags&fHalf == 0 {
				k := 1
				if r.wordIs(m.after(1), "and") {
					k = 2
				}
				if c, w := m.after(k), m.after(k+1); c != nil && w != nil && c.kind != kPunct && c.flags&(fHalf|fDecimal|fGrouped|fMoney) == 0 && c.class&cYearNum == 0 && !r.wordIs(m.after(k+2), afterLengthCues...) {
					if v := compoundDuration(n, u, num(c), unitOf(w)); v != "" && num(c) > 0 {
						return r.emit(piece{from: from, to: m.end + k + 1, typ: TypeDuration, value: v, expl: explain("'%s' is one length of time in two units", r.text[r.toks[from].start:w.end])})
					}
				}
			}
			// "a minute and a half", "two years and a half".
			if r.wordIs(m.after(1), "and") && r.wordIs(m.after(2), "a") && r.wordIs(m.after(3), "half") {
				if v := halfDuration(n, u); v != "" {
					return r.emit(piece{from: from, to: m.end + 3, typ: TypeDuration, value: v, expl: explain("'%s and a half' is a length of time, not a date", m.text())})
				}
			}
			return r.duration(m, from, m.end, n, u)
		},
		examples: []example{
			// Short forms of units, glued to the number or not.
			{"waited 2hrs for it", "2hrs", "PT2H"}, {"Survived 7Days in Thailand", "7Days", "P7D"}, {"only 10 mins more", "10 mins", "PT10M"}, {"2.5 HRS of fun", "2.5 HRS", "PT2.5H"},
			{"in 3 yrs", "3 yrs", "P3Y"},
			// A compound of comparison or manner is no length.
			{"Exports rose on a year-on-year basis.", "", ""}, {"It was a day-to-day struggle.", "", ""}, {"a week-by-week count", "", ""},
			// A length given as a choice is one approximate length.
			{"You may, in a year or two, save lives.", "a year or two", "P1Y"},
			{"He died within weeks or months of his capture.", "weeks or months", "PXW"},
			{"It took two or three weeks.", "two or three weeks", "P3W"},
			{"He paid three years or $5 million.", "three years", "P3Y"},
			{"Iraq would open the sites for no more than sixty days.", "no more than sixty days", "P60D"},
			{"to extend the treaty for five years", "five years", "P5Y"},
			{"outside every home and office, 24 hours a day, let it be done", "a day", ""},
			{"a retirement bonus equal to six months of base pay", "", ""},
			{"he was paid a year's salary", "", ""}, {"owed three months' rent", "", ""},
			{"after six months of talks", "six months", "P6M"},
			{"in 100 days", "100 days", "P100D"},
			{"within 24 hours", "24 hours", "PT24H"},
			{"a five-year low", "five-year", "P5Y"},
			{"gathered for the two day rally", "two day", "P2D"},
			{"The stock would be redeemed in five years.", "five years", "2026"},
			{"It was the smallest gain in five years.", "five years", "P5Y"},
			{"the system has evolved over several years", "several years", "PXY"},
			{"the strike lasted over a week", "over a week", "P1W"},
			{"the rest can be used over three years", "three years", "P3Y"},
			{"he spent over a week in Nairobi", "over a week", "P1W"},
			{"they waited over an hour", "over an hour", "PT1H"},
			{"closed over the next two years or so", "the next two years or so", "P2Y"},
			{"the 78-year-old Biden", "", ""},
			{"for a decade", "a decade", "P10Y"},
			{"105 children", "", ""},
			{"for 2 1/2 years", "2 1/2 years", "P2Y6M"},
			{"about 5 1/2 hours", "about 5 1/2 hours", "PT5H30M"},
			{"''I am talking about three days'' more or less, he said.", "three days", "P3D"},
			{"the answer is coming up in just a few minutes.", "a few minutes", "PTXM"},
			{"a minute and a half later, a pilot calls", "a minute and a half", "PT1M30S"},
			{"The flight took an hour and a half.", "an hour and a half", "PT1H30M"},
			{"He served two years and three months in prison.", "two years and three months", "P2Y3M"},
			{"The ceasefire lasted 3 days and 12 hours.", "3 days and 12 hours", "P3DT12H"},
			{"He left two years and three months ago.", "three months ago", "2020-12"},
			{"He was in office for three years and 2009 was the worst.", "three years", "P3Y"},
			{"It took two weeks and two months more.", "two weeks", "P2W"},
			{"Islam will one day be the second largest religion", "one day", "FUTURE_REF"},
			{"Gonzalez said on CBS's ''60 Minutes.''", "60 Minutes", ""},
			{"700 seats a week", "", ""},
			{"about three-quarters of its food", "", ""},
			{"the nine months", "the nine months", "P9M"},
			{"Paid respects after 4+ hours of queuing.", "4+ hours", "PT4H"}, {"he was on 1/2 day leave", "2 day", ""},
		},
		posts: []example{{"queued 1 hr 30 mins for the ride", "1 hr 30 mins", "PT1H30M"}, {"only 1 week 1 day to go", "1 week 1 day", "P8D"},
			{"AN HOUR TWENTY MINUTES IN TRAFFIC", "AN HOUR TWENTY MINUTES", "PT1H20M"}}},
	{name: "n business days", src: "NUM trading|business|working|calendar UNIT|UNITS",
		build: func(r *run, m *match) bool {
			n, u := num(m.tok(0)), unitOf(m.tok(2))
			if n <= 0 || u != uDay && u != uWeek {
				return false
			}
			return r.duration(m, m.start, m.end, n, u)
		},
		examples: []example{{"Eight trading days after Oct. 12, the index", "Eight trading days", "P8D"}, {"within five business days", "five business days", "P5D"}}},
	{name: "few units", src: "a? FEW UNITS",
		build: func(r *run, m *match) bool {
			return r.duration(m, m.start, m.end, -1, unitOf(m.tok(2)))
		},
		examples: []example{{"for several years", "several years", "PXY"}, {"in a few days", "a few days", "PXD"}}},
	{name: "bare plural units", src: "UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(0))
			if u < uDay || u == uWeekend || u == uQuarter {
				return false
			}
			if p := m.before(1); !r.wordIs(p, lengthPrepositions...) {
				return false
			}
			if n := m.after(1); r.wordIs(m.before(1), "in") && n != nil && n.kind != kPunct {
				return false // "in years past", "in weeks of talks"
			}
			if n := m.after(1); r.wordIs(n, afterLengthCues...) {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"for years", "years", "PXY"}, {"within weeks", "weeks", "PXW"}, {"the worst in decades.", "decades", "PXE"}, {"ruled from Moscow for centuries", "centuries", "PXC"}}},
	{name: "nth day of", src: "the? ORDW day of",
		build: func(r *run, m *match) bool {
			// "It's the second day of an offensive", "today is the eighth
			// day of Desert Shield": the day it is now, counted from the
			// start of an event. Without "is" the count needs the event's
			// start ("on his first day in office").
			p, q := m.before(1), m.before(2)
			if !r.wordIs(p, "is") && !(r.wordIs(p, "s") && q != nil && q.kind == kPunct && q.punct == '\'') {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.emit(piece{from: m.start, to: m.end - 1, typ: TypeDate, value: dayValue(a), tense: TensePresent,
				expl: explain("'it is %s of ...' names the day it is: %s", m.text(), as)})
		},
		examples: []example{{"It's the second day of an offensive by the police.", "the second day", "2021-03-22"},
			{"In Saudi Arabia, today is the eighth day of Desert Shield.", "the eighth day", "2021-03-22"},
			{"he would do so on his first day in office", "", ""}}},
	{name: "the years", src: "the EARLY? UNITS",
		build: func(r *run, m *match) bool {
			// "over the years", "in the years that followed", "in the
			// early years": an unnamed stretch of years. Days and weeks
			// before an event are a date, not a length ("in the weeks
			// before the shooting").
			u := unitOf(m.tok(2))
			if u < uYear || !r.wordIs(m.before(1), periodPrepositions...) {
				return false
			}
			if n := m.after(1); r.wordIs(n, aheadCues...) ||
				!r.wordIs(m.before(1), "over") && n != nil && n.kind != kPunct && !r.wordIs(n, "that", "since", "following") {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"and over the years many more patients", "the years", "PXY"}, {"over the years of war", "", ""},
			{"In the years that followed, the guerrillas waged war", "the years", "PXY"}, {"in the years before the war", "", ""},
			{"you don't save as many lives in the early years, by a small fraction", "the early years", "PXY"}}},
	{name: "recent units", src: "recent|coming|past UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u < uDay {
				return false
			}
			return r.duration(m, m.start, m.end, -1, u)
		},
		examples: []example{{"in recent years", "recent years", "PXY"}}},

	{name: "more units", src: "the? A|NUM couple? of? more|additional|extra|further UNIT|UNITS ahead?",
		build: func(r *run, m *match) bool {
			n := num(m.tok(1))
			if m.tok(2) != nil {
				if m.tok(3) == nil || m.tok(1).class&cIndef == 0 {
					return false
				}
				n = 2 // "a couple of"
			} else if m.tok(3) != nil {
				return false
			}
			if n < 1 {
				return false
			}
			return r.duration(m, m.start, m.end, n, unitOf(m.tok(5)))
		},
		examples: []example{{"for at least two more weeks", "at least two more weeks", "P2W"}, {"for an additional year", "an additional year", "P1Y"}}},
	{name: "a couple of units", src: "the? NEXT|LAST? a? couple of UNITS",
		build: func(r *run, m *match) bool {
			if m.tok(2) == nil && m.tok(1) == nil {
				return false
			}
			return r.emit(piece{from: m.start, to: m.end, typ: TypeDuration, value: durationValue(2, unitOf(m.tok(5))), mod: "APPROX",
				expl: explain("'%s' is about two %ss", m.text(), unitNames[unitOf(m.tok(5))])})
		},
		examples: []example{{"for a couple of years.", "a couple of years", "P2Y"}, {"over the next couple of years we", "the next couple of years", "P2Y"}}},
	{name: "the units ahead", src: "the UNITS ahead",
		build: func(r *run, m *match) bool {
			return r.duration(m, m.start, m.end, -1, unitOf(m.tok(1)))
		},
		examples: []example{{"in the weeks ahead.", "the weeks ahead", "PXW"}}},
	{name: "unit-long", src: "NUM|A? -? UNIT|UNITS ~- ~long",
		build: func(r *run, m *match) bool {
			u := m.tok(2)
			n, from := -1, m.start
			if u.class&cUnit != 0 {
				n = 1 // "day-long"
			}
			if t := m.tok(0); t != nil {
				if t.class&cIndef != 0 {
					from = m.at[2] // "a decades-long battle": "a" belongs to the noun
				} else {
					n = num(t)
				}
			}
			return r.duration(m, from, m.end, n, unitOf(u))
		},
		examples: []example{{"a decades-long battle", "decades-long", "PXE"}, {"their day-long meeting", "day-long", "P1D"}}},
}
