package dates

import (
	"strings"
	"time"
)

// clockRules are the rules of one kind (rules.go explains the table): clock times and parts of day.
var clockRules = []rule{
	{name: "clock time", src: "CLOCK|DIGITS|NOON AMPM? ZONE? local? time? ,? on? WEEKDAY|DEICTIC?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(0), m.tok(1))
			if !ok {
				return false
			}
			if m.tok(0).class&cNoon != 0 && r.wordIs(m.before(1), "high") {
				return false // "high noon": the decisive moment, an idiom
			}
			a, as := r.anchor()
			day := a
			why := "on " + as
			if d := m.tok(7); d != nil {
				if a.IsZero() {
					return false
				}
				if d.class&cWeekday != 0 {
					tn := r.tense(m.start, m.end)
					if tn == TenseFuture {
						day = weekdayFrom(a, int(d.val), 1, false)
					} else {
						day = weekdayFrom(a, int(d.val), -1, false)
					}
					why = "on the " + m.word(d) + " nearest " + as + " in " + tenseWord(tn)
				} else {
					off := int(d.val) - dToday
					if d.val == dTonight {
						off = 0 // "7pm tonight": tonight is today
					}
					day = a.AddDays(off)
					why = m.word(d) + " from " + as
				}
			}
			if p := m.before(2); m.tok(7) == nil && r.docType == Colloquial && r.wordIs(m.before(1), "at") && p != nil && p.class&(cDeictic|cWeekday) != 0 {
				if d, w, ok := r.recentDay(0); ok {
					day, why = d, "on "+w // "tomorrow at 12pm"
				}
			}
			if d, w, ok := r.weekdayInParens(m, a); ok && m.tok(7) == nil {
				day, why = d, w
			} else if m.tok(7) == nil && r.countedFromEvent(m) {
				day, why = Date{}, "on a day counted from an event ('"+r.text[m.after(1).start:m.after(3).end]+"')"
			} else if d, w, ok := r.pastClockDay(m); ok && m.tok(7) == nil {
				day, why = d, "on "+w
			}
			v := "XXXX-XX-XXT" + hhmm(mins)
			if !day.IsZero() {
				v = dayValue(day) + "T" + hhmm(mins)
			}
			return r.whole(m, TypeTime, v, "", TenseUnknown, explain("'%s' is a clock time %s", m.text(), why))
		},
		examples: []example{{"For Poland, high noon comes today.", "noon", ""},
			{"at 3 p.m. the", "3 p.m.", "2021-03-22T15:00"}, {"Event starts at 430pm at Vivo", "430pm", "2021-03-22T16:30"}, {"He left camp at 5+am and came back.", "5+am", "2021-03-22T05:00"},
			{"at 15:00 GMT Saturday the", "15:00 GMT Saturday", "2021-03-20T15:00"},
			{"happened at 5:30 p.m. local time on Saturday.", "5:30 p.m. local time on Saturday", "2021-03-20T17:30"},
			{"a score of 3-1", "", ""},
			{"The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.", "10:35 a.m.", "2021-03-19T10:35"},
			{"He was killed on March 3. He was shot at 10 p.m. as he stood in his kitchen.", "10 p.m.", "2021-03-03T22:00"},
			{"A jogger spotted his car at 6 a.m. ten days before the shooting.", "6 a.m.", "XXXX-XX-XXT06:00"},
			{"On Friday, police said, he was shot at 10 p.m. in his kitchen.", "10 p.m.", "2021-03-19T22:00"},
			{"He was killed on March 3.\n\nHe was shot at 10 p.m. as he stood in his kitchen.", "10 p.m.", "2021-03-22T22:00"},
			{"The trial opens on March 30. He was shot at 10 p.m. in his kitchen.", "10 p.m.", "2021-03-22T22:00"},
			{"He was killed on March 3. Police will hold a briefing at 10 a.m.", "10 a.m.", "2021-03-22T10:00"},
			{"The deadline is midnight Friday.", "midnight Friday", "2021-03-26T24:00"},
			{"The deadline was midnight Friday.", "midnight Friday", "2021-03-19T24:00"},
			{"Doors open at 7pm tonight.", "7pm tonight", "2021-03-22T19:00"},
			{"The train left at 7.30 p.m. on Friday.", "7.30 p.m. on Friday", "2021-03-19T19:30"}, {"It rose 7.30 percent.", "", ""},
			{"Yoga on May 10, 2014 2pm at the studio.", "May 10, 2014 2pm", "2014-05-10T14:00"},
		}},

	{name: "weekday at time", src: "WEEKDAY|DEICTIC POD? at|,? CLOCK|DIGITS|NOON AMPM? ZONE?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(3), m.tok(4))
			if !ok {
				return false
			}
			if r.docType == Colloquial && r.wordIs(m.tok(2), "at") {
				// "today at 9am" in a post: two expressions, as TimeML keeps
				// a preposition out of one; the clock takes the day (below).
				return false
			}
			d := m.tok(0)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			var day Date
			var why string
			if d.class&cWeekday != 0 {
				tn := r.tense(m.start, m.end)
				if tn == TenseFuture {
					day = weekdayFrom(a, int(d.val), 1, false)
				} else {
					day = weekdayFrom(a, int(d.val), -1, false)
				}
				why = "the " + m.word(d) + " nearest " + as + " in " + tenseWord(tn)
			} else {
				if d.val > dTomorrow {
					return false
				}
				day = a.AddDays(int(d.val) - dToday)
				why = m.word(d) + " from " + as
			}
			return r.whole(m, TypeTime, dayValue(day)+"T"+hhmm(mins), "", TenseUnknown, explain("'%s' is a clock time on %s", m.text(), why))
		},
		examples: []example{{"He spoke Tuesday at 3 p.m. in", "Tuesday at 3 p.m.", "2021-03-16T15:00"}, {"He will land tomorrow at 10:30 a.m. ET", "tomorrow at 10:30 a.m. ET", "2021-03-23T10:30"}},
		posts: []example{{"coming up tomorrow at 12pm!", "tomorrow", "2021-03-23"}, {"coming up tomorrow at 12pm!", "12pm", "2021-03-23T12:00"},
			{"class with Ole today at 9am at Options", "9am", "2021-03-22T09:00"}}},
	{name: "mid part of day", src: "EARLY ~-? POD DEICTIC?",
		build: func(r *run, m *match) bool {
			if !r.wordIs(m.tok(0), "mid", "early", "late") {
				return false
			}
			if m.tok(3) == nil && (r.wordIs(m.after(1), "of") || r.wordIs(m.after(1), "hours") && r.wordIs(m.after(2), "of")) {
				return false // "the early morning hours of 30 April": the day's rule reads it
			}
			off := 0
			if t := m.tok(3); t != nil {
				if t.val > dTomorrow {
					return false
				}
				off = int(t.val) - dToday
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			pod := podCodes[m.tok(2).val]
			return r.whole(m, TypeTime, dayValue(a.AddDays(off))+"T"+pod, modNames[m.tok(0).val], TenseUnknown,
				explain("'%s' -> part of the %s %d day(s) from %s", m.text(), strings.ToLower(m.word(m.tok(2))), off, as))
		},
		examples: []example{{"at mid-afternoon yesterday, shares rose", "mid-afternoon yesterday", "2021-03-21TAF"},
			{"By mid afternoon, the operation was over", "mid afternoon", "2021-03-22TAF"}}},
	{name: "early/late day", src: "EARLY|EARLIER DEICTIC|WEEKDAY",
		build: func(r *run, m *match) bool {
			t := m.tok(1)
			if n := m.after(1); n != nil && n.class&cPOD != 0 {
				return false // "early Friday morning": the part of day says when
			}
			if t.class&cWeekday != 0 {
				return r.weekdayOf(m, int(t.val), "", "")
			}
			a, as := r.anchor()
			if a.IsZero() || t.val > dTomorrow {
				return false
			}
			return r.whole(m, TypeDate, dayValue(a.AddDays(int(t.val)-dToday)), "", TenseUnknown, explain("'%s' -> part of the day %d day(s) from %s", m.text(), t.val-dToday, as))
		},
		examples: []example{{"weren't available late yesterday", "late yesterday", "2021-03-21"}, {"Earlier Sunday, police", "Earlier Sunday", "2021-03-21"},
			{"The commemorations began early Friday morning.", "Friday morning", "2021-03-19TMO"}}},
	{name: "clock time and date", src: "CLOCK|DIGITS|NOON AMPM? ZONE? ,? on? MONTH DAY ,? YEAR?",
		build: func(r *run, m *match) bool {
			mins, ok := clockMinutes(m.tok(0), m.tok(1))
			if !ok {
				return false
			}
			mon, day := time.Month(m.tok(5).val), int(m.tok(6).val)
			y, ok := r.yearOf(m, m.tok(8), mon, day)
			if !ok {
				return false
			}
			return r.whole(m, TypeTime, dayValue(Date{y, mon, day})+"T"+hhmm(mins), "", TenseUnknown, explain("'%s' is a clock time on a date", m.text()))
		},
		examples: []example{{"until 5 p.m. EST, Nov. 9, 2021.", "5 p.m. EST, Nov. 9, 2021", "2021-11-09T17:00"}}},
	{name: "hour in the morning", src: "DIGITS|NUMW o'clock? in the POD",
		build: func(r *run, m *match) bool {
			h := int(m.tok(0).val)
			if h < 1 || h > 12 {
				return false
			}
			switch podCodes[m.tok(4).val] {
			case "AF", "EV":
				if h < 12 {
					h += 12
				}
			case "NI":
				if h >= 6 && h < 12 {
					h += 12
				}
			case "MO":
				h %= 12
			}
			a, as := r.anchor()
			day, why := a, "on "+as
			if d, w, ok := r.weekdayInParens(m, a); ok {
				day, why = d, w
			} else if d, w, ok := r.pastClockDay(m); ok {
				day, why = d, "on "+w
			}
			v := "XXXX-XX-XXT" + hhmm(h*60)
			if !day.IsZero() {
				v = dayValue(day) + "T" + hhmm(h*60)
			}
			return r.whole(m, TypeTime, v, "", TenseUnknown, explain("'%s' is a clock time %s", m.text(), why))
		},
		examples: []example{{"will leave at 4 in the morning", "4 in the morning", "2021-03-22T04:00"},
			{"He will leave at 4 in the morning (4 a.m. EDT Thursday).", "4 in the morning", "2021-03-25T04:00"},
			{"The bomb went off on March 3. It exploded at 4 in the morning.", "4 in the morning", "2021-03-03T04:00"}}},
}
