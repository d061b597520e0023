package dates

import (
	"strings"
	"time"
)

// relativeRules are the rules of one kind (rules.go explains the table): days, weeks, months and years told relative to the anchor or to an event.
var relativeRules = []rule{
	{name: "deictic", src: "DEICTIC POD?",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			a, as := r.anchor()
			off := int(t.val) - dToday
			pod := ""
			switch int(t.val) {
			case dTonight:
				off, pod = 0, "NI"
			}
			if p := m.tok(1); p != nil {
				pod = podCodes[p.val]
			}
			typ := TypeDate
			if pod != "" {
				typ = TypeTime
			}
			if a.IsZero() {
				if off == 0 && pod == "" && r.docType == Narrative {
					// A history's "today" with no day told is its own present.
					return r.whole(m, TypeDate, "PRESENT_REF", "", TenseUnknown, explain("'%s' in a narrative with no day told is the present", m.text()))
				}
				v := "XXXX-XX-XX"
				if pod != "" {
					v += "T" + pod
				}
				return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			if off == 0 && pod == "" && r.possessive(m) && (r.wordIs(m.after(3), genericNouns...) || r.wordIs(m.after(4), genericNouns...)) {
				// "today's youth", "today's personal computers": these days.
				return r.whole(m, TypeDate, "PRESENT_REF", "", TenseUnknown, explain("'%s' before a class of people or things means these days", m.text()))
			}
			// "the people of tomorrow", "the Russia of today": an age, not a
			// day ("the events of yesterday" stays the day before).
			if off >= 0 && pod == "" && r.wordIs(m.before(1), "of") && !r.possessive(m) {
				if n := m.before(2); n != nil && n.kind == kWord && n.class == 0 {
					v := "PRESENT_REF"
					if off > 0 {
						v = "FUTURE_REF"
					}
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'of %s' after a noun names an age, not a day", m.text()))
				}
			}
			v := dayValue(a.AddDays(off))
			if pod != "" {
				v += "T" + pod
			}
			return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' -> %d day(s) from %s", m.text(), off, as))
		},
		examples: []example{
			{"He said today that", "today", "2021-03-22"},
			// Informal spellings.
			{"Feels like taking MC tmr", "tmr", "2021-03-23"}, {"going out tmrw night!", "tmrw night", "2021-03-23TNI"},
			{"tdy is so hot", "tdy", "2021-03-22"}, {"see u 2nite", "2nite", "2021-03-22TNI"}, {"party tonite", "tonite", "2021-03-22TNI"},
			{"The case is for today's youth what the blockade was", "today", "PRESENT_REF"},
			{"the chips of choice in many of today's personal computers", "today", "PRESENT_REF"},
			{"in today's editions", "today", "2021-03-22"},
			{"If I were choosing the people of tomorrow, I would", "tomorrow", "FUTURE_REF"},
			{"the Russia of today is", "today", "PRESENT_REF"},
			{"the agenda of tomorrow's meeting", "tomorrow", "2021-03-23"},
			{"the attacks of yesterday", "yesterday", "2021-03-21"},
			{"Yesterday, the", "Yesterday", "2021-03-21"},
			{"will speak tonight", "tonight", "2021-03-22TNI"},
			{"yesterday afternoon", "yesterday afternoon", "2021-03-21TAF"},
			{"leaving for Crewe tomo morning.", "tomo morning", "2021-03-23TMO"}, {"tonights show was great", "tonights", "2021-03-22TNI"},
		}},
	{name: "last night / this morning", src: "LAST|THIS|THE POD",
		build: func(r *run, m *match) bool {
			w := strings.ToLower(m.word(m.tok(0)))
			pod := podCodes[m.tok(1).val]
			a, as := r.anchor()
			off := 0
			switch w {
			case "last", "past", "previous":
				if pod != "NI" && pod != "EV" {
					return false
				}
				off = -1
			case "this":
			case "the":
				n := m.after(1)
				clause := n != nil && n.kind == kWord && !r.wordIs(n, "and", "or", "but")
				// "On Friday, prices fell. Dealers bought in the morning to
				// start ...": the morning of the day just told, when a
				// preposition of time brings it in a clause that is not
				// future ("he will leave in the morning" looks ahead from
				// now) and no "of" or clause says which morning.
				if d, why, ok := r.recentDay(1); ok && r.wordIs(m.before(1), duringPrepositions...) && r.tense(m.start, m.end) != TenseFuture &&
					(!clause || !r.wordIs(n, whichClauseWords...)) {
					return r.whole(m, TypeTime, dayValue(d)+"T"+pod, "", TenseUnknown, explain("'%s' -> part of %s", m.text(), why))
				}
				if clause {
					return false // "the night of Oct. 23", "the night the plane went down"
				}
			default:
				return false
			}
			if a.IsZero() {
				return r.whole(m, TypeTime, "XXXX-XX-XXT"+pod, "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			return r.whole(m, TypeTime, dayValue(a.AddDays(off))+"T"+pod, "", TenseUnknown, explain("'%s' -> part of the day %s", m.text(), as))
		},
		examples: []example{{"attack last night", "last night", "2021-03-21TNI"}, {"said this morning", "this morning", "2021-03-22TMO"}, {"so cold this mornin", "this mornin", "2021-03-22TMO"},
			{"Shares fell on Friday. Dealers placed buy orders in the morning to start the month.", "the morning", "2021-03-19TMO"},
			{"He was shot on Friday. He died during the night.", "the night", "2021-03-19TNI"},
			{"He was arrested on Friday. He will appear in court in the morning.", "the morning", "2021-03-22TMO"},
			{"Dealers placed buy orders in the morning to start the month.", "the morning", ""},
			{"He was shot on Friday. He died during the night of the storm.", "the night", ""}}},
	{name: "overnight", src: "OVERNIGHT",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			if t.end-t.start > 1 && isUpper(r.text[t.start+1]) {
				return false // "OVERNIGHT" in a headline or link-preview junk
			}
			if r.wordIs(m.before(1), "an", "a", "the") || r.wordIs(m.after(1), "bag", "bags", "success", "sensation", "star") {
				return false // "an overnight stay", "an overnight success": a kind, not a night
			}
			// TimeBank tags "overnight" as the night (TIME ...TNI). Told of
			// a past event, or before a noun ("overnight losses in New
			// York"), it is the night before the day told, else before the
			// publication day; told of the present or the future ("will
			// patrol overnight", "staying overnight") it is that day's night.
			d, as, ok := r.recentDay(1)
			if !ok {
				d, as = r.anchor()
			}
			if d.IsZero() {
				return r.whole(m, TypeTime, "XXXX-XX-XXTNI", "", TenseUnknown, explain("'%s' is a night and there is no reference date", m.text()))
			}
			n, p := m.after(1), m.before(1)
			noun := n != nil && n.kind == kWord && n.flags&fCap == 0 && n.class == 0 && !r.wordIs(n, clauseWords...) && !r.wordIs(n, overnightFollowers...)
			ing := p != nil && p.kind == kWord && strings.HasSuffix(strings.ToLower(m.word(p)), "ing")
			t2 := r.tense(m.start, m.end)
			if noun || !ing && t2 == TensePast {
				return r.whole(m, TypeTime, dayValue(d.AddDays(-1))+"TNI", "", TenseUnknown, explain("'%s' told of a past event -> the night before %s", m.text(), as))
			}
			return r.whole(m, TypeTime, dayValue(d)+"TNI", "", TenseUnknown, explain("'%s' -> the night of %s", m.text(), as))
		},
		examples: []example{
			{"London share prices closed lower Friday. Shares were depressed by overnight losses in New York.", "overnight", "2021-03-18TNI"},
			{"Officials linked the sites struck overnight with the bombings.", "overnight", "2021-03-21TNI"},
			{"Stocks fell overnight in Tokyo.", "overnight", "2021-03-21TNI"},
			{"Police will patrol the park overnight.", "overnight", "2021-03-22TNI"},
			{"He booked an overnight stay in Paris.", "", ""}, {"The band was an overnight success.", "", ""},
			{"OVERNIGHT DEALS YOU CANT MISS", "", ""},
		},
		posts: []example{{"great fun staying overnight at the airport", "overnight", "2021-03-22TNI"}}},
	{name: "weekday", src: "WEEKDAY POD?",
		build: func(r *run, m *match) bool {
			t := m.tok(0)
			pod := ""
			if p := m.tok(1); p != nil {
				pod = podCodes[p.val]
			} else if code, k := r.pluralPOD(m); code != "" {
				// "Tuesday nights", "on Monday and Tuesday nights": every
				// such part of that weekday.
				to := m.end
				if k == 1 {
					to++
				}
				return r.emit(piece{from: m.start, to: to, typ: TypeSet, value: "XXXX-WXX-" + string(rune('0'+t.val)) + "T" + code,
					expl: explain("'%s' with a plural part of day repeats weekly", m.text())})
			}
			return r.weekdayOf(m, int(t.val), "", pod)
		},
		examples: []example{
			// Weekday names in any case; a short form that is also a
			// word ("sat", "sun", "wed") only where a day stands.
			{"we went to the beach on sunday", "sunday", "2021-03-21"}, {"it was a FRIDAY", "FRIDAY", "2021-03-19"},
			{"the match on sat night was fun", "sat night", "2021-03-20TNI"}, {"he sat down", "", ""},
			{"lying in the sun", "", ""}, {"The Sun said it", "", ""}, {"till wed then", "wed", "2021-03-24"},
			{"Tues was long", "Tues", "2021-03-16"},
			// A future told from a past day counts from that day.
			{"Officials said Friday that he would leave on Saturday.", "Saturday", "2021-03-20"},
			{"Officials said Friday that he will leave on Saturday.", "Saturday", "2021-03-27"},
			{"He said he would return Saturday.", "Saturday", "2021-03-27"},
			{"Police said Friday that he would be charged Friday.", "Friday", "2021-03-19"},
			{"White House spokeswoman Jen Psaki said Biden was busy on Friday", "Friday", "2021-03-19"},
			{"the ambassador returned to Russia on Sunday.", "Sunday", "2021-03-21"},
			{"The Russian Foreign Ministry said Monday that", "Monday", "2021-03-22"},
			{"The talks will resume on Thursday.", "Thursday", "2021-03-25"},
			{"Biden spoke Friday afternoon", "Friday afternoon", "2021-03-19TAF"},
			{"He left Sunday night", "Sunday night", "2021-03-21TNI"},
			{"flights would leave on Monday and Tuesday nights from March 30", "Tuesday nights", "XXXX-WXX-2TNI"},
			{"flights would leave on Monday and Tuesday nights from March 30", "Monday", "XXXX-WXX-1TNI"},
			{"The offer had been due to expire Friday.", "Friday", "2021-03-19"},
			{"The offensive began as previously planned Saturday night.", "Saturday night", "2021-03-20TNI"},
			{"Extremists bombed two towns to undermine the peace process, set to resume Tuesday in Belfast.", "Tuesday", "2021-03-23"},
			{"Talks have stalled since Tuesday.", "Tuesday", "2021-03-16"},
			{"They said they would look for ways to get around Wednesday's ruling.", "Wednesday", "2021-03-17"},
			{"The bill will be decided at Thursday's session.", "Thursday", "2021-03-25"},
			{"Officials postponed until Tuesday any action on the permit.", "Tuesday", "2021-03-23"},
			{"Officials said they did not plan to remove him on Thursday.", "Thursday", "2021-03-25"},
			{"On Friday, her vacation plans for the trip fell through.", "Friday", "2021-03-19"},
			// The present of a scheduled start is a coming day.
			{"The trial begins Thursday in Boston.", "Thursday", "2021-03-25"},
			{"The trial, which began Monday, resumes Thursday.", "Thursday", "2021-03-25"},
			{"On Saturday, the festival opens to the public.", "Saturday", "2021-03-27"},
			{"The new rules go into effect on Friday.", "Friday", "2021-03-26"},
			{"The new rules went into effect on Friday.", "Friday", "2021-03-19"},
			// So is the present of any scheduled event, and a day that
			// "is" when a thing takes place; a past or a present perfect
			// points back.
			{"The team plays Saturday against Leeds.", "Saturday", "2021-03-27"},
			{"The team played Saturday against Leeds.", "Saturday", "2021-03-20"},
			{"The team has played well since Saturday.", "Saturday", "2021-03-20"},
			{"The vote is Tuesday.", "Tuesday", "2021-03-23"}, {"The vote was Tuesday.", "Tuesday", "2021-03-16"},
			{"The Jets, who lost Sunday, play Thursday in Miami.", "Thursday", "2021-03-25"},
			{"The Senate votes Tuesday on the bill.", "Tuesday", "2021-03-23"},
			{"He did not play Saturday.", "Saturday", "2021-03-20"},
			{"She filed tax returns Friday.", "Friday", "2021-03-19"},
			{"In a close vote Tuesday, the Senate passed the bill.", "Tuesday", "2021-03-16"},
			{"The company began raising its stake on Friday, and holds 14.6%.", "Friday", "2021-03-19"},
			{"The shop opens Sat-Sun only.", "Sat", "2021-03-27"}, {"The men sat-sun bathing.", "", ""},
		},
		posts: []example{{"Happy #Friday all!!", "", ""}, {"reserve a table because, #Friday drinks!", "", ""},
			{"we open sat-sun only", "sun", "2021-03-21"}, {"I work mon-fri", "mon", "2021-03-22"},
			// A proposal, a parting, a wait or a plan to leave looks ahead.
			{"how about thurs night or sat?", "sat", "2021-03-27"}, {"how about thurs night or sat?", "thurs night", "2021-03-25TNI"},
			{"ok see you friday!", "friday", "2021-03-26"}, {"can't wait for saturday", "saturday", "2021-03-27"},
			{"we're flying out on wednesday, so excited", "wednesday", "2021-03-24"},
			{"what a day sunday was", "sunday", "2021-03-21"}, {"we flew out on wednesday", "wednesday", "2021-03-17"}}},
	{name: "last/next/this weekday", src: "the|this? LAST|NEXT|THIS WEEKDAY POD? ,? MONTH? DAY|ORDNUM|ORDW?",
		build: func(r *run, m *match) bool {
			if m.is(0, "the") && !m.is(1, "previous") && !m.is(1, "following") {
				return false
			}
			if m.is(0, "this") && m.tok(1).class&(cNext|cLast) == 0 {
				return false
			}
			// "this coming Sunday, March eighth": the date in apposition
			// says which day; without one the match ends at the weekday.
			if mt, d := m.tok(5), m.tok(6); mt != nil && d != nil && m.tok(3) == nil {
				return r.dayOf(m, m.start, m.end, time.Month(mt.val), int(d.val), 0)
			}
			for k := 4; k < 7; k++ {
				if m.tok(k) != nil {
					m.end = m.at[k]
					break
				}
			}
			how := "last"
			switch m.tok(1).class & (cLast | cNext | cThis) {
			case cNext:
				how = "next"
			case cThis:
				how = "this"
			}
			if m.tok(1).class&cLast != 0 && !m.is(1, "last") && !m.is(1, "past") && !m.is(1, "previous") {
				return false
			}
			pod := ""
			if p := m.tok(3); p != nil {
				pod = podCodes[p.val]
			}
			if m.is(1, "previous") || m.is(1, "following") {
				// "the previous Friday" counts from the date last mentioned.
				a, as := r.eventAnchor(gDay)
				if a.IsZero() {
					return false
				}
				d := weekdayFrom(a, int(m.tok(2).val), map[string]int{"previous": -1, "following": 1}[strings.ToLower(m.word(m.tok(1)))], true)
				v := dayValue(d)
				if pod != "" {
					v += "T" + pod
				}
				return r.derive(m, v, explain("'%s' -> counted from %s", m.text(), as))
			}
			return r.weekdayOf(m, int(m.tok(2).val), how, pod)
		},
		examples: []example{
			{"In an interview broadcast last Wednesday, Biden", "last Wednesday", "2021-03-17"},
			{"Women's Day is this coming Sunday, March 28.", "this coming Sunday, March 28", "2021-03-28"},
			{"Last Thursday, March organizers said", "Last Thursday", "2021-03-18"},
			{"Last Thursday, in response", "Last Thursday", "2021-03-18"},
			{"next Tuesday", "next Tuesday", "2021-03-23"},
			{"this Thursday", "this Thursday", "2021-03-25"},
			{"this coming Sunday", "this coming Sunday", "2021-03-28"},
		},
		posts: []example{{"judging SDD Vol. 4 this Sat, 7pm at Kallang Theatre.", "this Sat, 7pm", "2021-03-27T19:00"},
			{"votes close this Fri night, 10pm!!", "this Fri night, 10pm", "2021-03-26T22:00"}}},
	{name: "that weekday", src: "that WEEKDAY POD?",
		build: func(r *run, m *match) bool {
			if r.wordIs(m.before(1), saysThat...) {
				return false // "He said that Friday was the deadline": a clause
			}
			a, why, ok := r.recentDay(1)
			if !ok {
				return false // the bare weekday rule takes the weekday alone
			}
			wd := int(m.tok(1).val)
			d := weekdayFrom(a, 1, -1, false).AddDays(wd - 1)
			typ, v := TypeDate, dayValue(d)
			if p := m.tok(2); p != nil {
				typ, v = TypeTime, v+"T"+podCodes[p.val]
			}
			return r.whole(m, typ, v, "", TenseUnknown, explain("'%s' -> the %s of the week of %s", m.text(), weekdayNames[wd], why))
		},
		examples: []example{
			{"The bomb exploded on Oct. 12, 1998. That Friday, he appeared in court.", "That Friday", "1998-10-16"},
			{"He was arrested on Tuesday, March 2. That Friday night he was freed.", "That Friday night", "2021-03-05TNI"},
			{"That Friday, he appeared in court.", "Friday", "2021-03-19"},
			{"He was arrested on March 2. He said that Friday was the deadline.", "Friday", "2021-03-19"},
		}},
	{name: "the day before a weekday", src: "the day before|after LAST|NEXT|THIS? WEEKDAY",
		build: func(r *run, m *match) bool {
			how := ""
			if t := m.tok(3); t != nil {
				switch {
				case t.class&cNext != 0:
					how = "next"
				case t.class&cThis != 0:
					how = "this"
				case m.is(3, "last"):
					how = "last"
				default:
					return false
				}
			}
			n := len(r.out)
			if !r.weekdayOf(m, int(m.tok(4).val), how, "") || len(r.out) == n {
				return false
			}
			ms := &r.out[n]
			if !ms.Anchored() {
				return true
			}
			off := -1
			if m.is(2, "after") {
				off = 1
			}
			d := ms.StartDate.AddDays(off)
			if d.Year < MinYear || d.Year > MaxYear {
				r.out = r.out[:n]
				return false
			}
			ms.Value, ms.StartDate, ms.EndDate = dayValue(d), d, d
			ms.Explanation += explain(", and one day %s it: %s", strings.ToLower(m.word(m.tok(2))), d)
			r.last = d
			return true
		},
		examples: []example{{"The day before last Tuesday's hearing, he went home.", "The day before last Tuesday", "2021-03-15"}}},
	{name: "last/next/this unit", src: "LAST|NEXT|THIS UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u < uDay {
				return false
			}
			n := step(m.tok(0).class)
			word := [...]string{"before", "of", "after"}[n+1]
			if u == uDay {
				if n == 0 && r.docType != Narrative {
					return false // "on this day in 1945": an anniversary, not a day
				}
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				if n == 0 {
					// A narrative's "this day" is the day it just told.
					return r.whole(m, TypeDate, dayValue(a), "", TenseUnknown, explain("'%s' -> %s", m.text(), as))
				}
				return r.whole(m, TypeDate, dayValue(a.AddDays(n)), "", TenseUnknown, explain("'%s' -> one day from %s", m.text(), as))
			}
			if u == uWeekend && n == 0 {
				a, as := r.anchor()
				if a.IsZero() {
					return r.whole(m, TypeDate, "XXXX-WXX-WE", "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
				}
				return r.whole(m, TypeDate, weekendValue(a), "", TenseUnknown, explain("'%s' -> the weekend of the week of %s", m.text(), as))
			}
			// "earnings of $33 million last year", "from last year's $1.55
			// billion", with a quarter in force: the figure compared is
			// that quarter's, a year before.
			if u == uYear && n == -1 && r.comparedAmount(m) && r.quarterBefore(m) {
				return true
			}
			return r.relUnit(m, u, n, word)
		},
		examples: []example{
			{"a television anchor's question last week that", "last week", "2021-W11"},
			{"Third-quarter profit was $24 million, compared with a loss of $3 million last year.", "last year", "2019-Q3"},
			{"The market had sales of about $1.4 billion last year.", "last year", "2020"},
			{"this week", "this week", "2021-W12"},
			{"Third-quarter net fell. This quarter's loss includes charges.", "This quarter", "2020-Q3"},
			{"Third-quarter net fell. Sales this quarter will rise.", "this quarter", "2021-Q1"},
			{"Baker said on ABC's \"This Week\" that", "This Week", ""},
			{"This is VOA Today.", "Today", ""},
			{"a joint venture called Orion 1980, making parts", "1980", ""},
			{"Netanyahu told his ministers. That 1978 resolution calls for", "1978", "1978"},
			{"to undermine his candidacy in the US 2020 election", "2020", "2020"},
			{"aides of the Clinton 1996 campaign", "1996", "1996"},
			{"Animation and Digital Arts Winter Show 2012 : Live Streaming", "2012", "2012"},
			{"ASUS Wins Nine Prestigious 2015 Red Dot Awards", "2015", "2015"},
			{"a plan dubbed Vision 2030 was shelved", "2030", ""},
			{"He said, \"Today we vote.\"", "Today", "2021-03-22"},
			{"next month", "next month", "2021-04"},
			{"last year", "last year", "2020"},
			{"this year's budget", "this year", "2021"},
			{"last weekend", "last weekend", "2021-W11-WE"},
			{"in the next decade", "the next decade", "203"},
		}},
	{name: "the weekend", src: "the|this weekend",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return r.whole(m, TypeDate, "XXXX-WXX-WE", "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			t := r.tense(m.start, m.end)
			var d Date
			why := ""
			switch {
			case t == TenseFuture:
				d = weekdayFrom(a, 6, 1, false)
				if a.Weekday() == time.Sunday {
					d = a
				}
				why = "the coming weekend (" + tenseWord(t) + ")"
			default:
				d = weekdayFrom(a, 6, -1, false)
				why = "the last weekend on or before " + as + " (" + tenseWord(t) + ")"
			}
			return r.whole(m, TypeDate, weekendValue(d), "", t, explain("'%s' -> %s", m.text(), why))
		},
		examples: []example{{"flying to Siberia over the weekend but", "the weekend", "2021-W11-WE"}}},
	{name: "earlier this unit", src: "EARLIER|EARLY|LAST THIS|LAST|NEXT UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if u < uWeek || u == uWeekend {
				return false
			}
			n := step(m.tok(1).class)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			mod := ""
			switch strings.ToLower(m.word(m.tok(0))) {
			case "early":
				mod = "START"
			case "late":
				mod = "END"
			case "earlier", "later":
			default:
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), mod, TenseUnknown, explain("'%s' -> part of the %s relative to %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"earlier this month", "earlier this month", "2021-03"}, {"early next year", "early next year", "2022"}}},
	{name: "units ago", src: "a? NUM|A|FEW UNIT|UNITS or? so? AGO|earlier|later|before|after|hence",
		build: func(r *run, m *match) bool {
			if m.tok(0) != nil && m.tok(1).class&cFew == 0 {
				return false // "a" only before "few"
			}
			m.shiftSlots(1)
			n := num(m.tok(0))
			if m.tok(0).class&cFew != 0 {
				n = -1
			}
			u := unitOf(m.tok(1))
			var mod string
			switch {
			case m.tok(2) != nil && m.tok(3) != nil:
				mod = modNames[modApprox] // "a week or so ago"
			case m.tok(2) != nil || m.tok(3) != nil:
				return r.duration(m, m.start, m.at[1]+1, n, u) // "two days or later"
			}
			dir := m.toks[m.end-1]
			w := strings.ToLower(m.word(&dir))
			if (w == "before" || w == "after") && (r.docType != Narrative || n < 0 || u < uDay) {
				// "six days after the inauguration": in news the length is
				// what is said (TimeML); the anchor is an event, not a date.
				// A narrative tells its events in order, so there the
				// event is the one whose date was last told ("on April 12,
				// 1861 ... eight days after Fort Sumter" is April 20).
				return r.duration(m, m.start, m.at[1]+1, n, u)
			}
			if n < 0 || u < uDay {
				if u < uDay && w == "ago" {
					// "an hour ago", "a few mins ago": a time of the day
					// written, which is all the reference tells.
					a, as := r.anchorAt(gDay)
					if a.IsZero() || u < uMinute {
						return false
					}
					return r.whole(m, TypeDate, dayValue(a), "", TenseUnknown, explain("'%s' -> some time on %s, hours or minutes before", m.text(), as))
				}
				if u < uDay {
					return false
				}
				a, as := r.anchor()
				if w == "ago" && u == uYear && !a.IsZero() && a.Year >= 10 {
					// "a few years ago": some year of the decade before.
					v := string(pad(nil, (a.Year-3)/10, 3)) + "X"
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> an unspecified year a few years before %s", m.text(), as))
				}
				if w == "later" || w == "hence" {
					return r.whole(m, TypeDate, "FUTURE_REF", "", TenseUnknown, explain("'%s' is an unspecified time after", m.text()))
				}
				return r.whole(m, TypeDate, "PAST_REF", "", TenseUnknown, explain("'%s' is an unspecified time before", m.text()))
			}
			sign := -1
			if w == "later" || w == "hence" || w == "after" {
				sign = 1
			}
			if (w == "before" || w == "after") && r.appositive(m.start) {
				// "On 27 June 1950, two days after the KPA invaded": the
				// phrase dates the day just told, from an event.
				prev := r.out[len(r.out)-1]
				return r.whole(m, TypeDate, prev.Value, "", TenseUnknown, explain("'%s' in apposition to %s is that date", m.text(), prev.Text))
			}
			var a Date
			var as string
			if w == "ago" {
				a, as = r.anchorAt(unitGran(u))
			} else {
				a, as = r.eventAnchor(unitGran(u))
			}
			if a.IsZero() {
				if v, ok := r.dayOfToldYear(u, sign*n); ok && w != "ago" {
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> a %s in the year of the last date told, %s", m.text(), unitNames[u], r.lastVal))
				}
				return r.whole(m, TypeDate, unknownValue(u), "", TenseUnknown, explain("'%s' is relative and there is no reference date", m.text()))
			}
			d := shift(a, u, sign*n)
			if d.IsZero() {
				return false
			}
			v := unitValue(d, u)
			if u == uYear && n == 1 && r.quarter != "" {
				// "profit rose from $5 million a year earlier", after "the
				// third quarter": the same quarter a year before; after "for
				// the nine months", the year before.
				pv, _ := parseValue(r.quarter)
				if pv.year > 0 && r.periodYear() {
					return r.derive(m, yearValue(pv.year+sign), explain("'%s' -> the year of the period last named, a year away", m.text()))
				}
				if pv.year > 0 {
					return r.derive(m, quarterValue(pv.year+sign, pv.quarter), explain("'%s' -> the quarter last named (%s), a year away", m.text(), r.quarter))
				}
			}
			return r.whole(m, TypeDate, v, mod, TenseUnknown, explain("'%s' -> %d %s(s) from %s", m.text(), sign*n, unitNames[u], as))
		},
		examples: []example{
			{"two days ago", "two days ago", "2021-03-20"},
			{"The company said an hour ago that it would close.", "an hour ago", "2021-03-22"}, {"left a few mins ago", "a few mins ago", "2021-03-22"},
			{"Then, a week or so ago, he picked the date.", "a week or so ago", "2021-W11"},
			{"a year ago", "a year ago", "2020"},
			{"six days after the inauguration", "six days", "P6D"},
			{"A few days after the vote, he left.", "A few days", "PXD"},
			{"removed a few years ago", "a few years ago", "201X"},
			{"Third-quarter net fell from $5 million a year earlier.", "a year earlier", "2019-Q3"},
			{"Third-quarter net fell. For the nine months, net was $9 million, up from $8 million a year earlier.", "a year earlier", "2019"},
			{"Third-quarter net fell. Analysts expect the slump to continue into the second quarter. Sales fell from a year earlier.", "a year earlier", "2019-Q3"},
		}},
	{name: "units around an event", src: "the? UNITS before|after|later|earlier|following|leading|prior",
		build: func(r *run, m *match) bool {
			// "in the weeks before the shooting", "days after a sniper
			// killed ...", "hours later": a time told around an event is a
			// DATE of the event's month (TimeML, TBAQ), not a length. The
			// event's date is the one told earlier for the same event
			// ("the Oct. 23 sniper shooting"), else an apposition ("On
			// March 3, days after the vote"), else the day told in the
			// paragraph or, in a narrative, the last date told, else the
			// publication date.
			u := unitOf(m.tok(1))
			if u < uHour || u > uMonth || u == uWeekend {
				return false
			}
			stretch := m.tok(0) != nil
			dir := m.tok(2)
			k := m.at[2]
			next := m.after(1)
			event := next != nil && next.kind != kPunct
			switch {
			case r.wordIs(dir, "leading") && !r.wordIs(next, "up"), r.wordIs(dir, "prior") && !r.wordIs(next, "to"),
				r.wordIs(dir, "following", "leading", "prior") && !stretch,
				stretch && r.wordIs(dir, "later", "earlier"),
				!stretch && r.wordIs(m.before(1), lengthPrepositions...),
				!stretch && r.wordIs(m.before(1), "of", "first", "last", "final", "early", "more", "many", "few", "several", "some"),
				stretch && !r.wordIs(m.before(1), periodPrepositions...) && !r.wordIs(m.before(1), "within"):
				return false
			}
			from, to := m.at[1], m.end
			if event && !r.wordIs(dir, "later", "earlier") {
				to = m.at[1] + 1 // the event is not part of the time
			}
			var keys [8]string
			at, g, v, as := Date{}, gNone, "", ""
			if ms, ok := r.eventDate(r.eventKeys(k, keys[:0]), r.toks[m.start].start); ok && event {
				pv, _ := parseValue(ms.Value)
				at, g, v, as = ms.StartDate, pv.gran, ms.Value, "the date told for the event, "+ms.Text+" ("+ms.Value+")"
			} else if !stretch && r.appositive(m.start) {
				prev := r.out[len(r.out)-1]
				return r.whole(m, TypeDate, prev.Value, "", TenseUnknown, explain("'%s' in apposition to %s is that date", m.text(), prev.Text))
			} else if d, why, ok := r.recentDay(-1); ok && r.docType != Narrative {
				at, g, as = d, gDay, why
			} else if r.docType == Narrative && !r.last.IsZero() {
				at, g, v, as = r.last, r.lastGran, r.lastVal, r.lastMentioned()
			} else {
				at, g, as = r.ref, gDay, "the publication date, "+r.ref.String()
			}
			val, ok := aroundEvent(at, g, v, u, stretch)
			if !ok {
				return false
			}
			if r.docType == Narrative && !stretch {
				// A narrative's "days later", "weeks later" leave the day
				// or week unknown (WikiWars: XXXX-XX-XX, XXXX-WXX); hours
				// stay on the day told, at an unknown hour.
				// A story before the era keeps its era ("weeks later" in
				// 489 BC is BCXXXX-WXX, as WikiWars writes it).
				val = unknownValue(u)
				if u == uHour {
					val = "XXXX-XX-XXTXX"
					if g >= gDay {
						val = dayValue(at) + "TXX"
					}
				}
				if at.Year <= 0 && !at.IsZero() && strings.HasPrefix(val, "X") {
					val = "BC" + val
				}
			}
			return r.emit(piece{from: from, to: to, typ: TypeDate, value: val,
				expl: explain("'%s' -> %s around %s", m.text(), unitNames[u]+"s", as)})
		},
		examples: []example{
			{"He was shot on Oct. 23. His car was seen in the neighborhood in the weeks before the shooting.", "weeks", "2020-10"},
			{"A sniper killed the doctor last fall. Investigators said Friday the car was seen in the days before the slaying.", "days", "2020-FA"},
			{"The antiabortion activist wanted in last month's shooting death was seen crossing the border days after a sniper killed the doctor.", "days", "2021-02-XX"},
			{"The vote was held on March 3. Days after the vote, the minister resigned.", "Days", "2021-03-XX"},
			{"The bomb went off on Friday, March 5. Hours later, police arrested two men.", "Hours later", "2021-03-05"},
			{"Prices rose in the weeks before the election.", "weeks", "2021-03"},
			{"The market fell for days after the crash.", "", ""},
			{"It is just a matter of days before the boy goes home.", "", ""},
			{"In the first days after the president spoke, prices rose.", "", ""},
			{"In the years before the war the economy grew.", "", ""},
		}},
	{name: "the unit before/after", src: "the UNIT|POD before|after|earlier|later",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			pod := m.tok(1).class&cPOD != 0
			if !pod && (u < uDay || u == uWeekend) {
				return false
			}
			n := -1
			if m.is(2, "after") || m.is(2, "later") {
				n = 1
			}
			// "the day before returning home", "the day before police
			// issued a warrant": "before" joins a clause; the day is the
			// one of the clause, not the day before the last date.
			if m.is(2, "before") || m.is(2, "after") {
				if x := m.after(1); x != nil && x.kind == kWord && x.flags&fCap == 0 {
					w := m.word(x)
					if strings.HasSuffix(w, "ing") && len(w) > 4 {
						return false
					}
					if y := m.after(2); y != nil && y.class&cTenseMark != 0 && y.tense == TensePast && x.class&(cDet|cIndef|cMonth|cWeekday|cDeictic) == 0 {
						return false
					}
				}
			}
			if pod {
				// "The bomb went off Friday. The night before, police ...":
				// a clause or a noun after it ("the night before the
				// election") names another day.
				if x := m.after(1); x != nil && x.kind == kWord {
					return false
				}
				return r.recentPOD(m, n, m.tok(1))
			}
			// "after Oct. 12, the day before the stock market plunge": an
			// apposition that says what the date was, not a day earlier.
			if k := m.start; (m.is(2, "before") || m.is(2, "after")) && k >= 2 && r.toks[k-1].kind == kPunct && r.toks[k-1].punct == ',' &&
				len(r.out) > 0 && r.out[len(r.out)-1].End == r.toks[k-2].end && r.lastGran == unitGran(u) {
				return r.emit(piece{from: k, to: k + 2, typ: TypeDate, value: r.lastVal,
					expl: explain("'%s' in apposition to %s is that %s", r.text[r.toks[k].start:r.toks[k+1].end], r.lastVal, unitNames[u])})
			}
			a, as := r.eventAnchor(unitGran(u))
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), "", TenseUnknown, explain("'%s' -> one %s from %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"On March 3 they met. The day before, he", "The day before", "2021-03-02"},
			{"On March 3 they met, later in the day before returning home.", "the day before", ""},
			{"He was last seen March 3, the day before authorities issued a warrant.", "the day before", ""},
			{"Eight trading days after March 3, the day before the plunge, the index rose.", "the day", "2021-03-03"},
			{"The bomb went off on Friday, March 5. The night before, police had a warning.", "The night before", "2021-03-04TNI"},
			{"The bomb went off on Friday, March 5. The morning after, crowds gathered.", "The morning after", "2021-03-06TMO"},
			{"The bomb went off on Friday, March 5. The night before the election, he spoke.", "The night before", ""},
			{"The night before, police had a warning.", "The night before", ""}}},
	{name: "the next/previous unit", src: "the NEXT|previous|prior|preceding UNIT|POD",
		build: func(r *run, m *match) bool {
			if p := m.tok(2); p.class&cPOD != 0 {
				n := 1
				switch {
				case m.tok(1).class&cLast != 0:
					n = -1
				case !m.is(1, "next") && !m.is(1, "following"):
					return false // "the coming night" looks ahead from now, not from an event
				}
				return r.recentPOD(m, n, p)
			}
			u := unitOf(m.tok(2))
			if u < uDay || u == uWeekend {
				return false
			}
			n := 1
			if m.tok(1).class&cLast != 0 {
				n = -1
			}
			if n > 0 && r.wordIs(m.before(1), "for") {
				// "Fighting continued for the next year": how long, not
				// which. ("Closed over the next year" is when; "a total
				// of 26,496 for the previous year" is which.)
				return r.duration(m, m.start, m.end, 1, u)
			}
			a, as := r.eventAnchor(unitGran(u))
			if a.IsZero() {
				if v, ok := r.dayOfToldYear(u, n); ok && r.sent-r.lastSent <= 1 {
					return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' -> a %s in the year of the last date told, %s", m.text(), unitNames[u], r.lastVal))
				}
				return false
			}
			if u != uDay && r.last.IsZero() {
				return r.relUnit(m, u, n, "from")
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), "", TenseUnknown, explain("'%s' -> one %s from %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"They met on March 3. The next day, he", "The next day", "2021-03-04"},
			{"He was released on Feb. 21. He appeared in court the next morning.", "the next morning", "2021-02-22TMO"},
			{"The bomb went off on March 3, 2020. The following night, crowds gathered.", "The following night", "2020-03-04TNI"},
			{"He was arrested on March 3. The previous evening he had been seen downtown.", "The previous evening", "2021-03-02TEV"},
			{"He appeared in court the next morning.", "", ""},
			{"Fighting went on for the next year.", "the next year", "P1Y"},
			{"He was arrested on March 3. Police searched his home. Neighbors talked. He appeared in court the next morning.", "the next morning", ""}}},
	{name: "the week/month/year", src: "the UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(1))
			if u != uYear && u != uMonth && u != uWeek && u != uQuarter {
				return false
			}
			if u == uYear && r.wordIs(m.after(1), endedWords...) {
				// "the year ended June 30": a fiscal period, told by its length.
				return r.duration(m, m.start, m.end, 1, u)
			}
			if n := m.after(1); n != nil && n.kind == kPunct && n.punct == '-' && n.flags&fSpace == 0 {
				return false // "the quarter-to-quarter comparison"
			}
			if u == uQuarter {
				// "the quarter ended Sept. 29" is the quarter that ends
				// there, whatever quarter was named before.
				if end, ok := r.periodEnd(m); ok {
					return r.endedQuarter(m, end, false)
				}
				if r.quarter != "" {
					return r.derive(m, r.quarter, explain("'%s' -> the quarter last mentioned", m.text()))
				}
				a, as := r.anchor()
				if a.IsZero() {
					return false
				}
				return r.whole(m, TypeDate, unitValue(shift(a, uQuarter, -1), uQuarter), "", TenseUnknown, explain("'%s' -> the last full quarter before %s", m.text(), as))
			}
			if u == uWeek || u == uMonth {
				// "the week ended May 10", "the month ending Friday": the
				// week (month) that holds most of its days, whatever the
				// publication date's.
				if end, ok := r.periodEnd(m); ok {
					d, span := end.AddDays(-3), "week"
					if u == uMonth {
						d, span = end.AddDays(-14), "month"
					}
					return r.whole(m, TypeDate, unitValue(d, u), "", TenseUnknown, explain("'%s' ends %s: the calendar %s holding most of its days", m.text(), end, span))
				}
			}
			if n := m.after(1); n != nil && (r.wordIs(n, afterUnitCues...) || n.kind == kNum) {
				// "a high for the year of $42.875": "of" brings an amount.
				if a := m.after(2); !r.wordIs(n, "of") || a == nil || a.kind != kNum && !(a.kind == kPunct && a.punct == '$') {
					return false
				}
			}
			if p := m.before(1); p == nil || !r.wordIs(p, periodOfPrepositions...) {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(a, u), "", TenseUnknown, explain("'%s' -> the %s of %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"profits for the year rose", "the year", "2021"}, {"net for the year ended June 30", "the year", "P1Y"},
			{"Net rose in the year ending tomorrow.", "the year", "P1Y"},
			{"rising to a high for the year of $42.875 a share", "the year", "2021"},
			{"profit in the quarter rose", "the quarter", "2020-Q4"},
			{"In the quarter ended July 31, it had 5.6 million shares", "the quarter", "2020-Q2"},
			{"Net fell for the quarter ended Nov. 2.", "the quarter", "2020-Q3"},
			{"Sales rose in the quarter ended in March.", "the quarter", "2020-Q1"},
			{"Net rose for the quarter ended yesterday.", "the quarter", "2021-Q1"},
			{"Profit fell for the quarter ended March 31, 2019.", "the quarter", "2019-Q1"},
			{"Third-quarter net rose. Fourth-quarter sales fell. Net for the quarter ended Sept. 30 rose.", "the quarter", "2020-Q3"},
			{"Sun earned $5 million in the fiscal first quarter. It had sales of $538 million for the quarter ended Sept. 29.", "the quarter", "2020-Q3"},
			{"Jobless claims fell in the week ended March 13.", "the week", "2021-W10"},
			{"Mortgage rates rose for the week ending Thursday.", "the week", "2021-W11"},
			{"Retail sales rose 2% in the month ended Feb. 28.", "the month", "2021-02"}}},

	{name: "day after tomorrow", src: "the day after|before tomorrow|yesterday",
		build: func(r *run, m *match) bool {
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			off := 2
			if m.is(2, "before") {
				off = -2
			}
			if m.is(2, "after") != m.is(3, "tomorrow") {
				return false
			}
			return r.whole(m, TypeDate, dayValue(a.AddDays(off)), "", TenseUnknown, explain("'%s' -> %d days from %s", m.text(), off, as))
		},
		examples: []example{{"due the day after tomorrow", "the day after tomorrow", "2021-03-24"}, {"the day before yesterday", "the day before yesterday", "2021-03-20"}}},
	{name: "units from now", src: "NUM|A UNIT|UNITS from now|today",
		build: func(r *run, m *match) bool {
			n, u := num(m.tok(0)), unitOf(m.tok(1))
			if n < 0 || u < uDay || u == uWeekend {
				return false
			}
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			d := shift(a, u, n)
			if d.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(d, u), "", TenseFuture, explain("'%s' -> %d %s(s) after %s", m.text(), n, unitNames[u], as))
		},
		examples: []example{{"two weeks from now", "two weeks from now", "2021-W14"}}},

	{name: "the current unit", src: "the current|same UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(2))
			if m.is(1, "same") {
				if u > uYear || u == uQuarter {
					return false // "the same quarter", "the same period": a comparison, read by the quarter rules
				}
				return r.toldUnit(m) // "on the same day", "in the same year"
			}
			if u < uWeek {
				return false
			}
			return r.relUnit(m, u, 0, "of")
		},
		examples: []example{{"in the current year", "the current year", "2021"},
			{"Thieu resigned on 21 April 1975; on the same day he left.", "the same day", "1975-04-21"},
			{"In August 1964 the ship was attacked. In the same month, Johnson spoke.", "the same month", "1964-08"}}},

	{name: "that unit", src: "EARLY|EARLIER? that same? UNIT|POD",
		build: func(r *run, m *match) bool { return r.toldUnit(m) },
		examples: []example{{"He left on March 3, 2020. Later that year he", "Later that year", "2020"},
			{"He left on March 3, 2020. Earlier that day, he", "Earlier that day", "2020-03-03"},
			{"He was killed last October. His name was crossed out that same day.", "that same day", "2020-10-XX"},
			{"He left in 2019. That day, he", "That day", "2019-XX-XX"},
			{"He left in 2019. Later that week, he", "Later that week", ""},
			{"It lost money in the second quarter ended Oct. 31, 2020. Results for that quarter included a charge.", "that quarter", "2020-Q3"},
			{"The bomb went off on March 3. That night, crowds gathered.", "That night", "2021-03-03TNI"},
			{"The bomb went off Saturday, police said Monday. That night, crowds gathered.", "That night", "2021-03-20TNI"},
			{"He was shot on Friday and died later that night.", "later that night", "2021-03-19TNI"},
			{"The bomb went off on March 3. He said that morning papers were late.", "that morning", ""},
			{"Crowds gathered that night.", "", ""}}},
	{name: "edge of unit", src: "the EDGE of THIS|the|last|next UNIT",
		build: func(r *run, m *match) bool {
			u := unitOf(m.tok(4))
			if u < uWeek || u == uWeekend {
				return false
			}
			n := step(m.tok(3).class)
			a, as := r.anchor()
			if a.IsZero() {
				return false
			}
			return r.whole(m, TypeDate, unitValue(shift(a, u, n), u), modNames[m.tok(1).val], TenseUnknown, explain("'%s' -> part of the %s relative to %s", m.text(), unitNames[u], as))
		},
		examples: []example{{"by the end of the year", "the end of the year", "2021"}, {"at the start of next month", "the start of next month", "2021-04"}}},
}

// toldUnit emits a unit or part of day that points back at the date last
// told ("that year", "that same day", "the same month", "that night").
func (r *run) toldUnit(m *match) bool {
	if p := m.find(cPOD); p != nil {
		// "He said that morning papers ...": a bare "that" after a
		// verb of saying or thinking opens a clause.
		if m.tok(0) == nil && r.wordIs(m.before(1), saysThat...) {
			return false
		}
		return r.recentPOD(m, 0, p)
	}
	u := unitOf(m.find(cUnit))
	if u < uDay || u == uWeekend || r.last.IsZero() {
		return false
	}
	if u == uQuarter && r.quarter != "" && r.last == r.quarterEnd {
		// "the second quarter ended Oct. 31 ... Results for that
		// quarter": the quarter, not the one its end day falls in.
		return r.derive(m, r.quarter, explain("'%s' -> the quarter last named, %s, which ended %s", m.text(), r.quarter, r.quarterEnd))
	}
	if r.lastGran < unitGran(u) {
		// "killed last October. His name was crossed out that same
		// day": a day of that month (1998-10-XX), unanchored; only
		// right after the month or year, and only for a day.
		if u == uDay && r.sent-r.lastSent <= 1 && (r.lastGran == gMonth || r.lastGran == gYear) {
			v := yearValue(r.last.Year) + "-XX-XX"
			if r.lastGran == gMonth {
				v = monthValue(r.last.Year, r.last.Month) + "-XX"
			}
			return r.derive(m, v, explain("'%s' -> a day of the last date mentioned, %s", m.text(), r.lastVal))
		}
		return false // "that week" after "in 1998": no week to point at
	}
	return r.derive(m, unitValue(r.last, u), explain("'%s' -> the %s of the last date mentioned, %s", m.text(), unitNames[u], r.last))
}

// dayOfToldYear is the value of a day or week n units (at most two weeks)
// from the last date told when that is a month or a year: the year is
// known, the day not ("The attack began in October 1915; four days later"
// is 1915-XX-XX). ok is false when the count could leave the year (from
// December on, back from January) or the unit is not a day or week.
func (r *run) dayOfToldYear(u, n int) (string, bool) {
	days := abs(n)
	if u == uWeek {
		days *= 7
	}
	if (r.lastGran == gWeek || r.lastGran == gWeekend) && u == uDay && days <= 14 && r.last.Month != time.December && r.last.Month != time.January {
		return yearValue(r.last.Year) + "-XX-XX", true // "Three weeks after the landing ... Two days after the treaty"
	}
	switch {
	case u != uDay && u != uWeek, n == 0, days > 14, r.last.IsZero(), r.lastGran != gYear && r.lastGran != gMonth,
		r.lastGran == gMonth && (n > 0 && r.last.Month == time.December || n < 0 && r.last.Month == time.January):
		return "", false
	}
	if u == uWeek {
		return yearValue(r.last.Year) + "-WXX", true
	}
	return yearValue(r.last.Year) + "-XX-XX", true
}
