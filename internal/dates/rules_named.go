package dates

import (
	"strings"
	"time"
)

// namedRules are the rules of one kind (rules.go explains the table): named days and seasons.
var namedRules = []rule{
	{name: "season", src: "this|the? LAST|NEXT|THIS|the|EARLY SEASON of? YEAR?",
		build: func(r *run, m *match) bool {
			if m.is(0, "this") && m.tok(1).class&(cLast|cNext) == 0 {
				return false // "this" only in "this past spring", "this coming fall"
			}
			if m.is(0, "the") && m.tok(1).class&cEarlyLate == 0 {
				return false // "the" leads only "the early summer", as "the summer"
			}
			m.shiftSlots(1)
			return r.season(m, m.tok(0), m.tok(1), m.tok(3))
		},
		examples: []example{{"last fall", "last fall", "2020-FA"}, {"this summer", "this summer", "2021-SU"}, {"prices may fall", "", ""},
			{"it began last winter", "last winter", "2021-WI"}, {"He will leave this winter.", "this winter", "2022-WI"}, {"next spring", "next spring", "2022-SP"},
			{"closed this past spring", "this past spring", "2020-SP"},
			{"orders rose from the low levels of the early summer", "the early summer", "2020-SU"},
			{"after the fall of Budapest in February", "the fall", ""}, {"in the fall of 1944 the", "the fall of 1944", "1944-FA"}}},
	{name: "year season", src: "YEAR SEASON",
		build: func(r *run, m *match) bool {
			if !r.yearLike(m, m.tok(0)) || r.wordIs(m.tok(1), "fall") {
				return false
			}
			return r.whole(m, TypeDate, yearValue(int(m.tok(0).val))+"-"+seasonCodes[m.tok(1).val], "", TenseUnknown, explain("'%s' is a season", m.text()))
		},
		examples: []example{{"After the failure of their 1982 summer offensives", "1982 summer", "1982-SU"}, {"the 1998 fall season", "1998", "1998"}}},
	{name: "season year", src: "SEASON YEAR",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeDate, yearValue(int(m.tok(1).val))+"-"+seasonCodes[m.tok(0).val], "", TenseUnknown, explain("'%s' is a season", m.text()))
		},
		examples: []example{{"in spring 1998", "spring 1998", "1998-SP"}}},
	// A season named alone is a time too ("in winter", "the summer
	// offensive", "Spring colors"), as the other rules read it; "fall" alone
	// is the verb, and a season after "to" or a modal is one too ("to
	// spring into action").
	{name: "season alone", src: "SEASON of? YEAR?",
		build: func(r *run, m *match) bool {
			st := m.tok(0)
			if m.tok(1) != nil && m.tok(2) == nil || m.tok(1) == nil && m.tok(2) != nil {
				return false // "spring of life"; "summer 1998" is the season year rule's
			}
			if m.tok(2) == nil && (r.wordIs(st, "fall") || r.wordIs(m.before(1), seasonVerbCues...)) {
				return false
			}
			return r.season(m, nil, st, m.tok(2))
		},
		examples: []example{{"a white winter, even here", "winter", "2021-WI"}, {"in winter, the army rested", "winter", "2021-WI"},
			{"shoes in Spring colors", "Spring", "2021-SP"}, {"in spring of 1920", "spring of 1920", "1920-SP"},
			{"prices fall sharply", "", ""}, {"they will spring into action", "", ""}}},

	// "9/11" written alone names the day of the 2001 attacks ("since 9/11",
	// "the 9/11 attacks", "post-9/11"), not September 11 of the year in
	// view; a full date ("9/11/2012", "12/9/11") is the numeric dates'.
	{name: "9/11", src: "HOLIDAY ~/ ~DAY",
		build: func(r *run, m *match) bool {
			if m.text() != "9/11" {
				return false
			}
			return r.whole(m, TypeDate, "2001-09-11", "", TenseUnknown, explain("'%s' names the day of the September 11, 2001 attacks", m.text()))
		},
		examples: []example{{"Security has tightened since 9/11.", "9/11", "2001-09-11"}, {"the 9/11 attacks killed nearly 3,000 people", "9/11", "2001-09-11"},
			{"a post-9/11 law", "9/11", "2001-09-11"}, {"on 9/11/2012 the embassy", "9/11/2012", "2012-09-11"}, {"dated 12/9/11 and", "", ""}, {"he went 9/12 from the line", "", ""}}},
	{name: "holiday", src: "LAST|NEXT|THIS? HOLIDAY",
		build: func(r *run, m *match) bool {
			var rel class
			if t := m.tok(0); t != nil {
				rel = t.class & (cLast | cNext | cThis)
			}
			h, k, ok := r.holidayAt(m.at[1])
			if !ok || (h.capital || h.common && r.docType != Colloquial) && r.toks[m.at[1]].flags&fCap == 0 {
				return false // "a good friday", "labor day" in edited text: not the holiday's name
			}
			// "Christmas Eve" and "New Year's Eve" are names of their own;
			// a one-word name takes "eve" too ("Easter eve").
			eve := len(strings.Fields(h.names[0])) <= 2 && k < len(r.toks) && r.wordIs(&r.toks[k], "eve") && !strings.HasSuffix(h.name, "Eve")
			if eve {
				k++
			}
			// "Easter week" is the ISO week the day falls in.
			week := k < len(r.toks) && r.wordIs(&r.toks[k], "week")
			if week {
				k++
			}
			var yt *token
			if j := k; j < len(r.toks) {
				if r.toks[j].kind == kPunct && r.toks[j].punct == ',' {
					j++
				}
				if j < len(r.toks) && r.toks[j].class&cYearNum != 0 {
					yt, k = &r.toks[j], j+1
				}
			}
			m.end = k
			value := dayValue
			if week {
				value = weekValue
			}
			day := func(y int) Date {
				d := h.date(y)
				if eve {
					d = d.AddDays(-1)
				}
				return d
			}
			if yt != nil {
				return r.whole(m, TypeDate, value(day(int(yt.val))), "", TenseUnknown, explain("'%s' is %s of %s", m.text(), h.name, yearName(int(yt.val))))
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			t := r.tense(m.start, m.end)
			d := day(a.Year)
			// The week of the holiday counts as past (future) while it has
			// begun (not ended) by the anchor.
			first, end := d, d
			if week {
				first = weekdayFrom(d, 1, -1, false)
				end = first.AddDays(6)
			}
			switch {
			case rel == 0 && t == TensePast && r.docType == Colloquial && !first.After(a.AddDays(31)) && r.holidayModifier(k):
				// A holiday's name before a noun, in a post in the weeks
				// before it, names this one's season: "after a day of
				// christmas shopping", written December 22.
			case rel&cLast != 0 || rel == 0 && t == TensePast:
				if first.After(a) || rel != 0 && d == a {
					d = day(a.Year - 1)
				}
			case rel&cNext != 0 || rel == 0 && t == TenseFuture:
				if end.Before(a) || rel != 0 && d == a {
					d = day(a.Year + 1)
				}
			}
			name := h.name
			if week {
				name = "the week of " + name
			}
			return r.whole(m, TypeDate, value(d), "", t, explain("'%s' is %s; in %s -> the one nearest %s in that direction", m.text(), name, tenseWord(t), as))
		},
		examples: []example{{"before Christmas", "Christmas", "2021-12-25"}, {"they met on Thanksgiving Day", "Thanksgiving Day", "2020-11-26"},
			{"they met on New Year's Day", "New Year's Day", "2021-01-01"}, {"we met at the New Year's Eve party", "New Year's Eve", "2020-12-31"},
			{"they prayed on Good Friday", "Good Friday", "2020-04-10"}, {"have a good friday everyone", "friday", "2021-03-19"},
			{"merry xmas!", "xmas", "2021-12-25"}, {"we called her on Mother's Day", "Mother's Day", "2020-05-10"}, {"the St. Patrick's Day parade", "St. Patrick's Day", "2021-03-17"},
			{"on Martin Luther King Day he", "Martin Luther King Day", "2021-01-18"}, {"the Independence Day 2019 fireworks", "Independence Day 2019", "2019-07-04"},
			{"Prices fell at the labor day sale, the company said.", "", ""},
			{"they met on Christmas Eve", "Christmas Eve", "2020-12-24"}, {"the vote on Election Day", "Election Day", "2021-11-02"},
			{"the election results", "", ""}, {"found last Thanksgiving", "last Thanksgiving", "2020-11-26"},
			{"at Christmas 2019 the", "Christmas 2019", "2019-12-25"}, {"it was held on Easter", "Easter", "2020-04-12"}, {"on Valentine's Day", "Valentine's Day", "2021-02-14"},
			{"protesters prayed as Easter week began", "Easter week", "2020-W15"},
			{"Black Friday sales rose 5 percent.", "Black Friday", "2020-11-27"}, {"Online sales jumped 20% on Cyber Monday.", "Cyber Monday", "2020-11-30"},
			{"Retailers hope Black Friday will be strong.", "Black Friday", "2021-11-26"}},
		posts: []example{{"finally home after a day of easter shopping and totally shagged", "easter", "2021-04-04"},
			{"we went to church on easter", "easter", "2020-04-12"},
			{"happy new yrs everyone!", "new yrs", "2021-01-01"}}},
}

// season resolves a season word st with its modifier t0 ("last", "next",
// "this", "early"; nil for none) and its year y (nil for none).
func (r *run) season(m *match, t0, st, yt *token) bool {
	if yt == nil && r.wordIs(st, "fall") && r.wordIs(r.next(st), "of") {
		return false // "the fall of Budapest": an event, not the autumn
	}
	s := int(st.val)
	code := seasonCodes[s]
	mod := ""
	a, as := r.anchor()
	if yt != nil {
		return r.whole(m, TypeDate, yearValue(int(yt.val))+"-"+code, "", TenseUnknown, explain("'%s' is a season of %s", m.text(), yearName(int(yt.val))))
	}
	var rel class
	if t0 != nil {
		rel = t0.class & (cLast | cNext | cThis)
	}
	if rel == 0 {
		y, why, ok := r.yearAhead(m.end)
		if !ok {
			y, why, ok = r.toldSeasonYear(s, r.looksBackTo(m.start))
		}
		if ok {
			if t0 != nil && t0.class&cEarlyLate != 0 {
				mod = modNames[t0.val]
			}
			return r.whole(m, TypeDate, yearValue(y)+"-"+code, mod, TenseUnknown, explain("'%s' has no year: %s", m.text(), why))
		}
	} else if a.IsZero() && r.docType == Narrative && r.lastGran >= gYear {
		a, as = r.last, "the last date told, "+r.lastVal // "The next spring" of the story
	}
	if a.IsZero() {
		return r.whole(m, TypeDate, "XXXX-"+code, "", TenseUnknown, explain("'%s' has no year and there is no reference date", m.text()))
	}
	// Number season instances in order (year*4 + season-1, a winter
	// counted in the year it starts in) and walk from the anchor's;
	// the value names a winter by the year of its January, as
	// TimeML corpora write it (winter 1941-42 is 1942-WI).
	curY, curS := a.Year, (int(a.Month)%12)/3 // 0 winter .. 3 fall
	if curS == 0 {
		curS = 4
		if a.Month < 3 {
			curY--
		}
	}
	cur := curY*4 + curS - 1
	inst := func(dir int, strict bool) int {
		k := cur
		if strict {
			k += dir
		}
		for k%4 != s-1 {
			k += dir
		}
		return k
	}
	var k int
	switch {
	case rel&cNext != 0:
		k = inst(1, true)
	case rel&cLast != 0:
		k = inst(-1, true)
	case rel&cThis != 0:
		k = a.Year*4 + s - 1
		if s == 4 {
			k = thisWinter(a, r.tense(m.start, m.end))
		}
	default:
		if t0 != nil && t0.class&cEarlyLate != 0 {
			mod = modNames[t0.val]
		}
		switch r.tense(m.start, m.end) {
		case TensePast:
			k = inst(-1, false)
		case TenseFuture:
			k = inst(1, false)
		default:
			k = a.Year*4 + s - 1
			if s == 4 {
				k = thisWinter(a, TenseUnknown)
			}
		}
	}
	y := k / 4
	if s == 4 {
		y++
	}
	return r.whole(m, TypeDate, yearValue(y)+"-"+code, mod, TenseUnknown, explain("'%s' -> the season relative to %s", m.text(), as))
}

// thisWinter numbers (as season does) the winter "this winter" names on
// day a: the one under way in January and February; in a future clause
// the next one, in a past clause the last one; otherwise the nearer, the
// one just ended until June and the coming one from July.
func thisWinter(a Date, t Tense) int {
	k := a.Year*4 + 3 // the winter that begins in December of a's year
	switch {
	case a.Month <= time.February:
		return k - 4
	case t == TenseFuture:
		return k
	case t == TensePast || a.Month <= time.June:
		return k - 4
	}
	return k
}

// holidayModifier reports whether the word at token k, right after a
// holiday's name, is a noun the name modifies ("christmas shopping",
// "Halloween show", "Xmas dinner"), not a word of the clause.
func (r *run) holidayModifier(k int) bool {
	if k >= len(r.toks) {
		return false
	}
	t := &r.toks[k]
	return t.kind == kWord && t.class == 0 && t.flags&fSpace != 0 && !r.wordIs(t, clauseWords...)
}
