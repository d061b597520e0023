package dates

import "time"

// rangeRules are the rules of one kind (rules.go explains the table):
// ranges whose two ends share a month or a year written once ("3-4 June",
// "March 5-9, 1918", "31 May-1 June 1916", "1939-45"). TimeML tags each end
// as its own expression; the end that leaves out the month or the year
// takes it from the other.
var rangeRules = []rule{
	// "the 2011-12 season", "fiscal 2011-12", "the 2012-13 budget": a year
	// and the next one's last two digits joined by a dash or a slash
	// before a season's or a budget's noun, or after "fiscal", name one
	// period that straddles them, not a range of two years: one DATE,
	// valued (TimeML has no value for a year that does not start in
	// January) as the year it starts in. Written out in full ("the
	// 1975-1976 dry season") the years stay two, as WikiWars annotates
	// them and as "year range" reads any other range.
	{name: "season span", src: "FISCAL? YEAR -|/ DIGITS",
		build: func(r *run, m *match) bool {
			a, b := m.tok(1), m.tok(3)
			if b.end-b.start != 2 || b.flags&(fGrouped|fDecimal|fMoney) != 0 {
				return false
			}
			y1 := int(a.val)
			y2 := y1/100*100 + int(b.val)
			if y2 <= y1 {
				y2 += 100
			}
			if y2 != y1+1 || a.flags&fEra != 0 || !r.rangeDash(m) || m.tok(0) == nil && !r.seasonNounAfter(m.end) {
				return false
			}
			what := "a season"
			if m.tok(0) != nil {
				what = "a fiscal year"
			}
			return r.whole(m, TypeDate, yearValue(y1), "", TenseUnknown, explain("'%s' is %s from %d into %d, one period: the year it starts in", m.text(), what, y1, y2))
		},
		examples: []example{
			{"The 2011-12 season ended in June.", "2011-12", "2011"},
			{"He scored 30 goals in the 2011-12 Premier League season.", "2011-12", "2011"},
			{"the 1975-1976 dry season", "1976", "1976"},
			{"Parliament passed the 2012-13 budget.", "2012-13", "2012"},
			{"Sales rose 8% in fiscal 2011-12.", "fiscal 2011-12", "2011"},
			{"the 1999-00 season", "1999-00", "1999"},
			{"the 2011/12 academic year", "2011/12", "2011"},
			// Other years in a row are a range of two.
			{"The war lasted 2011-12 in the north.", "12", "2012"},
			{"the 2010-12 season", "12", "2012"},
		}},
	{name: "year range", src: "YEAR - YEAR|DIGITS",
		build: func(r *run, m *match) bool {
			a, b := m.tok(0), m.tok(2)
			// Two years joined by a dash are a range whatever the century
			// ("1861-1863"), unless the words around make them a count.
			if !r.rangeDash(m) || !r.yearShape(m, a) {
				return false
			}
			y1, y2 := int(a.val), int(b.val)
			if b.class&cYearNum == 0 {
				if a.flags&fEra != 0 {
					return false
				}
				// "1939-45", "1999-00": the second end's last two digits.
				if b.end-b.start != 2 || b.flags&(fGrouped|fDecimal|fMoney) != 0 {
					return false
				}
				y2 = y1/100*100 + y2
				if y2 <= y1 {
					y2 += 100
				}
			}
			// A range runs forward ("won 2000-1998" is a score).
			if y2 <= y1 || y2-y1 > 200 || y2 > MaxYear {
				return false
			}
			return r.emit(piece{from: m.start, to: m.start + 1, typ: TypeDate, value: yearValue(y1),
				expl: explain("'%s' is a year, the start of the range %s", m.word(a), m.text())}) &&
				r.emit(piece{from: m.at[2], to: m.at[2] + 1, typ: TypeDate, value: yearValue(y2),
					expl: explain("'%s' ends the range %s: %s", m.word(b), m.text(), yearName(y2))})
		},
		examples: []example{
			{"Eastern Theater 1861-1863 Because", "1861", "1861"},
			{"Eastern Theater 1861-1863 Because", "1863", "1863"},
			{"the war of 1939-45 ended", "45", "1945"},
			{"the war of 1939–1945 ended", "1945", "1945"},
			{"the Siege of Kut (1915-16)", "16", "1916"},
			{"the floods of 1999-00", "00", "2000"},
			{"in the years 1955 - 1957", "1957", "1957"},
			{"won 2000-1998", "", ""},
		}},
	{name: "day range month", src: "DAY -|to|through|and DAY ^MONTH ,? YEAR?",
		build: func(r *run, m *match) bool {
			if !r.rangeDash(m) {
				return false
			}
			mon := time.Month(m.tok(3).val)
			d1, d2 := int(m.tok(0).val), int(m.tok(2).val)
			if d1 >= d2 {
				return false
			}
			return r.rangeEnds(m, m.start, m.start+1, mon, d1, m.at[2], m.end, mon, d2, m.tok(5))
		},
		examples: []example{
			{"Sports Expo from 10-12 October in the hall", "10", "2020-10-10"},
			{"Sports Expo from 10-12 October in the hall", "12 October", "2020-10-12"},
			{"in the Battle of Mojkovac in 6-7 January 1916, but", "6", "1916-01-06"},
			{"held on 3-4 June 1944", "4 June 1944", "1944-06-04"},
			{"the talks of 12–14 March 1921 failed", "12", "1921-03-12"},
			{"From 15 to 22 February 1984, in Operation Dawn 5", "15", "1984-02-15"},
			{"between 3 and 5 May 1945 the army surrendered", "5 May 1945", "1945-05-05"},
		}},
	{name: "month day range", src: "^MONTH DAY - DAY ,? YEAR?",
		build: func(r *run, m *match) bool {
			if !r.rangeDash(m) {
				return false
			}
			mon := time.Month(m.tok(0).val)
			d1, d2 := int(m.tok(1).val), int(m.tok(3).val)
			if d1 >= d2 {
				return false
			}
			return r.rangeEnds(m, m.start, m.start+2, mon, d1, m.at[3], m.end, mon, d2, m.tok(5))
		},
		examples: []example{
			{"talks between March 5-9, 1918 on the withdrawal", "March 5", "1918-03-05"},
			{"talks between March 5-9, 1918 on the withdrawal", "9, 1918", "1918-03-09"},
			{"The festival runs Aug. 12-14 in the park.", "Aug. 12", "2021-08-12"},
		}},
	{name: "day month range", src: "DAY ^MONTH - DAY ^MONTH ,? YEAR",
		build: func(r *run, m *match) bool {
			if !r.rangeDash(m) {
				return false
			}
			return r.rangeEnds(m, m.start, m.start+2, time.Month(m.tok(1).val), int(m.tok(0).val),
				m.at[3], m.end, time.Month(m.tok(4).val), int(m.tok(3).val), m.tok(6))
		},
		examples: []example{
			{"It took place on 31 May-1 June 1916, in the North Sea", "31 May", "1916-05-31"},
			{"It took place on 31 May-1 June 1916, in the North Sea", "1 June 1916", "1916-06-01"},
		}},
	{name: "month day to month day year", src: "^MONTH DAY - ^MONTH DAY , YEAR",
		build: func(r *run, m *match) bool {
			if !r.rangeDash(m) {
				return false
			}
			return r.rangeEnds(m, m.start, m.start+2, time.Month(m.tok(0).val), int(m.tok(1).val),
				m.at[3], m.end, time.Month(m.tok(3).val), int(m.tok(4).val), m.tok(6))
		},
		examples: []example{
			{"the invasion phase (March 19 - April 30, 2003) cost", "March 19", "2003-03-19"},
		}},
	{name: "month and month year", src: "^MONTH and|or|to|through|- ^MONTH YEAR",
		build: func(r *run, m *match) bool {
			if m.tok(1).kind == kPunct && !r.rangeDash(m) {
				return false
			}
			y := int(m.tok(3).val)
			m1, m2 := time.Month(m.tok(0).val), time.Month(m.tok(2).val)
			if m1 >= m2 {
				return false // "December and January 1942" spans two years: leave the first open
			}
			return r.emit(piece{from: m.start, to: m.start + 1, typ: TypeDate, value: monthValue(y, m1),
				expl: explain("'%s' shares the year of '%s'", m.word(m.tok(0)), r.text[m.tok(2).start:m.tok(3).end])}) &&
				r.monthOf(&match{r: r, toks: m.toks, start: m.at[2], end: m.end}, m2, y, "")
		},
		examples: []example{
			{"at Tannenberg in August and September 1914. Russia", "August", "1914-08"},
			{"at Tannenberg in August and September 1914. Russia", "September 1914", "1914-09"},
			{"casualties between March and April 1918 were", "March", "1918-03"},
		}},
	{name: "month to month over a new year", src: "^MONTH to|through|until|till|- ^MONTH",
		build: func(r *run, m *match) bool {
			if m.tok(1).kind == kPunct && !r.rangeDash(m) {
				return false
			}
			m1, m2 := time.Month(m.tok(0).val), time.Month(m.tok(2).val)
			if n := m.after(1); m1 <= m2 || n != nil && n.class&(cYearNum|cDayNum) != 0 {
				return false // a range within a year, or a second end with its own day or year
			}
			y, why, ok := r.toldRange(m1, m2)
			if !ok {
				return false
			}
			return r.emit(piece{from: m.start, to: m.start + 1, typ: TypeDate, value: monthValue(y, m1),
				expl: explain("'%s' has no year: %s", m.word(m.tok(0)), why)}) &&
				r.emit(piece{from: m.at[2], to: m.end, typ: TypeDate, value: monthValue(y+1, m2),
					expl: explain("'%s' ends the range %s, in the year after its start", m.word(m.tok(2)), m.text())})
		},
		docType: Narrative,
		examples: []example{
			{"Manila fell in March 1945. The Japanese were beaten in Burma from October to March.", "October", "1944-10"},
			{"Manila fell in March 1945. The Japanese were beaten in Burma from October to March.", "March", "1945-03"},
			{"The siege began in June 1916; from November to February the lines held.", "November", "1916-11"},
			{"The siege began in June 1916; from November to February the lines held.", "February", "1917-02"},
		}},
}

// rangeDash reports whether the match's dash (its first '-' token) joins
// two ends of a range: a hyphen or en dash, written tight or spaced alike
// on both sides ("3-4", "3 - 4", not "3 -4").
func (r *run) rangeDash(m *match) bool {
	for k := m.start + 1; k < m.end; k++ {
		if t := &m.toks[k]; t.kind == kPunct && t.punct == '-' {
			next := &m.toks[k+1]
			return t.flags&fSpace == next.flags&fSpace
		}
	}
	return true
}

// seasonNounAfter reports whether a noun of a season or a budget year
// follows token k, at most two words on ("season", "NBA season", "budget",
// "school year", "fiscal year").
func (r *run) seasonNounAfter(k int) bool {
	for j := k; j < len(r.toks) && j < k+3; j++ {
		t := &r.toks[j]
		if t.kind != kWord {
			return false
		}
		if r.wordIs(t, seasonNouns...) {
			return true
		}
	}
	return false
}

// rangeEnds emits the two ends of a day range: tokens [f1, t1) naming day
// d1 of month m1 and [f2, t2) naming d2 of m2, with the year written after
// the second end (or nil: the year the second end takes, as a lone date
// would). The first end takes that year too, or the one before when its
// month lies after the second's ("30 December-2 January 1942").
func (r *run) rangeEnds(m *match, f1, t1 int, m1 time.Month, d1 int, f2, t2 int, m2 time.Month, d2 int, year *token) bool {
	if d1 < 1 || d2 < 1 {
		return false
	}
	whole := &match{r: r, toks: m.toks, start: f2, end: t2}
	y2, ok := r.yearOf(whole, year, m2, d2)
	if !ok || y2 < MinYear {
		return false
	}
	y1 := y2
	if m1 > m2 {
		y1--
	}
	if y1 < MinYear || d1 > daysIn(y1, m1) {
		return false
	}
	q := r.text[r.toks[f1].start:r.toks[t1-1].end]
	if !r.emit(piece{from: f1, to: t1, typ: TypeDate, value: dayValue(Date{y1, m1, d1}),
		expl: explain("'%s' starts the range %s", q, m.text())}) {
		return false
	}
	if year != nil {
		return r.emit(piece{from: f2, to: t2, typ: TypeDate, value: dayValue(Date{y2, m2, d2}),
			expl: explain("'%s' is a full calendar date, the end of the range %s", r.text[r.toks[f2].start:r.toks[t2-1].end], m.text())})
	}
	return r.dayOf(whole, f2, t2, m2, d2, y2)
}
