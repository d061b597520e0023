package dates

// colloquialRules are the rules of one kind (rules.go explains the table):
// the words informal writing uses alone for the time it is written in. They
// apply to Colloquial documents only: edited news says "this morning" or
// "on Friday night", and a bare "night" or "day" there is seldom a time.
var colloquialRules = []rule{
	{name: "part of day alone", src: "the? POD",
		build: func(r *run, m *match) bool {
			if r.toks[m.end-1].flags&fCap != 0 && m.end-1 > 0 && r.toks[m.end-2].flags&fCap != 0 && m.tok(0) == nil {
				return false // "Good Night Moon": a title
			}
			if r.wordIs(m.after(1), "of", "hours") || r.wordIs(m.before(1), "early", "late", "mid") {
				return false // "the morning of 30 April", "early morning hours": other rules read them
			}
			a, as := r.anchor()
			pod := podCodes[m.tok(1).val]
			if a.IsZero() {
				return r.whole(m, TypeTime, "XXXX-XX-XXT"+pod, "", TenseUnknown, explain("'%s' is a part of some day", m.text()))
			}
			return r.whole(m, TypeTime, dayValue(a)+"T"+pod, "", TenseUnknown, explain("'%s' in informal writing -> part of the day it was written, %s", m.text(), as))
		},
		docType: Colloquial, only: true,
		examples: []example{{"good morning all!", "morning", "2021-03-22TMO"}, {"what a night", "night", "2021-03-22TNI"},
			{"drive slowly at night please", "night", "2021-03-22TNI"}, {"see the Good Night Moon show", "", ""},
			{"in the early morning hours of April 30, 1975, the", "the early morning hours of April 30, 1975", "1975-04-30TMO"}}},
	{name: "last nights", src: "last nights",
		build: func(r *run, m *match) bool {
			// "last nights game": chat drops the apostrophe of "last
			// night's"; a noun must follow ("the last nights of summer"
			// are nights).
			n := m.after(1)
			if r.wordIs(m.before(1), "the", "those", "these", "few", "two", "three") || n == nil || n.kind != kWord || r.wordIs(n, "of", "in", "at", "and", "or", "were", "was") {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeTime, dayValue(a.AddDays(-1))+"TNI", "", TenseUnknown, explain("'%s' is last night's -> the night before %s", m.text(), as))
		},
		docType: Colloquial, only: true,
		examples: []example{{"photos from last nights gig", "last nights", "2021-03-21TNI"}, {"the last nights were cold", "", ""},
			{"we spent our last nights in Rome", "", ""}}},
	{name: "unit alone", src: "the|this? UNIT|UNITS",
		build: func(r *run, m *match) bool {
			t := m.tok(1)
			u := unitOf(t)
			if u == uQuarter || u == uDecade || u == uCentury || u == uSecond {
				return false
			}
			if m.tok(0) == nil && r.wordIs(t, shortUnits...) {
				return false // "lee min ho", "just yr presence", "#HWW1HR": a short form needs a number
			}
			// A unit the longer rules passed over is not a time alone
			// either: a count or a determiner before it ("six months of
			// base pay", "over the years of war", "his first day in
			// office"), a hyphen around it ("the 78-year-old"), pay after
			// it ("a year's salary").
			if m.tok(0) == nil {
				if p := m.before(1); p != nil && (p.class&(cNumWord|cDigits|cOrdWord|cOrdNum|cIndef|cDet|cThis|cLast|cNext|cEvery|cFew|cPOD) != 0 ||
					p.kind == kPunct && p.punct == '-' && t.flags&fSpace == 0) {
					return false
				}
			}
			if n := m.after(1); n != nil && n.kind == kPunct && n.punct == '-' && n.flags&fSpace == 0 || r.payAfter(m) {
				return false
			}
			a, as := r.anchor()
			if u == uWeekend {
				if t.class&cUnits != 0 {
					return r.whole(m, TypeSet, "XXXX-WXX-WE", "", TenseUnknown, explain("'%s' recur every week", m.text()))
				}
				if a.IsZero() {
					return false
				}
				return r.whole(m, TypeDate, weekValue(a)+"-WE", "", TenseUnknown, explain("'%s' in informal writing -> the weekend of the week of %s", m.text(), as))
			}
			if m.tok(0) != nil && t.class&cUnit != 0 && u >= uDay && u <= uYear && !a.IsZero() {
				// "the day", "this week": the one written in.
				return r.whole(m, TypeDate, unitValue(a, u), "", TenseUnknown, explain("'%s' in informal writing -> the %s of %s", m.text(), unitNames[u], as))
			}
			if m.tok(0) != nil {
				return false
			}
			n := 1
			if t.class&cUnits != 0 {
				n = -1
			}
			return r.duration(m, m.start, m.end, n, u)
		},
		docType: Colloquial, only: true,
		examples: []example{{"home after a very long day", "day", "P1D"}, {"hate school days like this", "days", "PXD"},
			{"it's wee hours here", "hours", "PTXH"}, {"got through the day", "the day", "2021-03-22"},
			{"long weekend over", "weekend", "2021-W12-WE"}, {"work on weekends", "weekends", "XXXX-WXX-WE"},
			{"the 78-year-old Biden", "", ""}, {"a bonus equal to six months of base pay", "", ""}, {"he was paid a year's salary", "", ""},
			{"over the years of war", "", ""}, {"on his first day in office", "", ""},
			{"another close-up of lee min ho", "", ""}, {"good to be realistic abt yr injury", "", ""}, {"this yr was long", "this yr", "2021"}}},
}
