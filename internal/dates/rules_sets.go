package dates

// setRules are the rules of one kind (rules.go explains the table): sets: frequencies and repeated times.
var setRules = []rule{
	{name: "set word", src: "SETW",
		build: func(r *run, m *match) bool {
			u := int(m.tok(0).val)
			if n := m.after(1); u == uQuarter && n != nil && n.kind == kWord {
				return false // "quarterly dividend": an adjective of kind, not a time
			}
			// "to rise 8.5% annually", "$17.9 million annually", "10,000
			// units annually": an amount per unit of time is a rate, as "$5
			// a day" is; "held here annually" repeats an event.
			if p := m.before(1); r.amount(p) || p != nil && p.kind == kWord && m.start >= 2 && r.amount(m.before(2)) {
				return false
			}
			return r.whole(m, TypeSet, durationValue(1, u), "", TenseUnknown, explain("'%s' repeats every %s", m.text(), unitNames[u]))
		},
		examples: []example{{"published daily", "daily", "P1D"}, {"paid annually", "annually", "P1Y"},
			{"revenue to increase by 20% annually", "", ""}, {"produce about 10,000 units annually", "", ""},
			{"payments of C$17.9 million annually", "", ""}}},
	{name: "every unit", src: "EVERY NUM? UNIT|UNITS",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if u == uWeekend {
				return false
			}
			n := 1
			if t := m.tok(1); t != nil {
				n = num(t)
			}
			if n < 1 {
				return false
			}
			return r.whole(m, TypeSet, durationValue(n, u), "", TenseUnknown, explain("'%s' repeats every %d %s(s)", m.text(), n, unitNames[u]))
		},
		examples: []example{{"meets every week", "every week", "P1W"}, {"each year", "each year", "P1Y"}}},
	{name: "every weekday", src: "EVERY WEEKDAY",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeSet, "XXXX-WXX-"+string(rune('0'+m.tok(1).val)), "", TenseUnknown, explain("'%s' repeats weekly", m.text()))
		},
		examples: []example{{"each Thursday", "each Thursday", "XXXX-WXX-4"}, {"we play every mon", "every mon", "XXXX-WXX-1"}}},

	{name: "every month name", src: "EVERY MONTH",
		build: func(r *run, m *match) bool {
			return r.whole(m, TypeSet, "XXXX-"+string(pad(nil, int(m.tok(1).val), 2)), "", TenseUnknown, explain("'%s' repeats yearly", m.text()))
		},
		examples: []example{{"march each July from", "each July", "XXXX-07"}}},
}
