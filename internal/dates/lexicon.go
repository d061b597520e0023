package dates

// This file holds the normalisation tables: every English word the engine
// knows, mapped to the token class the rules match on and a value. The
// tables are data; the engine (tokenize.go, match.go) never names a word.

// class is a bit set of the roles a token can play in a pattern.
type class uint64

// The token classes. A word can have several ("second" is an ordinal and a
// unit; "may" is a month only when the rules see a date around it).
const (
	cMonth       class = 1 << iota // january, jan., sept.; val 1..12
	cWeekday                       // monday, mon.; val 1..7 (ISO: Monday 1)
	cNumWord                       // one, twenty, dozen; val the number
	cOrdWord                       // first, twenty-first (after merging); val
	cUnit                          // day, week, month, ...; val a unit
	cUnits                         // the plural form of a unit
	cSeason                        // spring, summer, fall, autumn, winter
	cPOD                           // morning, afternoon, evening, night
	cDeictic                       // today, yesterday, tomorrow, tonight
	cRef                           // now, currently, recently, soon, ...
	cLast                          // last, past, previous, preceding
	cNext                          // next, coming, following, upcoming
	cThis                          // this, current
	cEarlyLate                     // early, mid, late (mod words)
	cApprox                        // about, nearly, over: a quantifier before a length
	cLit                           // a word that starts a rule as a literal ("right now")
	cForward                       // a word before a date that looks ahead ("payable", "effective")
	cPeriod                        // "period", "latest": words of financial periods
	cEdge                          // beginning, start, end, middle
	cDet                           // the
	cIndef                         // a, an
	cAgo                           // ago
	cEarlier                       // earlier, later, before, after
	cFew                           // few, several, some, many (vague counts)
	cAMPM                          // a.m., p.m., am, pm
	cZone                          // gmt, est, edt, utc, ...
	cSetWord                       // daily, weekly, monthly, annually, ...
	cEvery                         // every, each, per
	cDecadeWord                    // twenties .. nineties; val the decade's tens
	cHoliday                       // the first word of a holiday's name that names nothing else: christmas, thanksgiving
	cHolidayWord                   // the first word of a holiday's name that is a common word: new, good, labor
	cFiscal                        // fiscal
	cQuarterOrd                    // first..fourth as a quarter number
	cNoon                          // noon, midnight, midday
	cOf                            // of
	cOr                            // or, and, to, through (ranges and lists)
	cCentury                       // century
	cHalf                          // half
	cTenseMark                     // a word that sets the clause tense; val a Tense
	cNightWord                     // overnight: a night by itself

	// Classes computed for number tokens (tokenize.go).
	cDigits    // any plain number; val its value
	cDayNum    // 1..31 written with one or two digits, or "19th"
	cYearNum   // four digits 1000..2099
	cOrdNum    // 1st, 2nd, 21st
	cClock     // a clock time merged from h:mm; val minutes past midnight
	cDecadeNum // 1990s; val the decade (199)
)

// Units, as stored in lexicon values for cUnit and cUnits words.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// unitLetters is the TIMEX3 duration letter of each unit; time units take
// the "T" designator. Decades and centuries are E and C, as TimeML 1.2.1
// and the TimeBank corpus write them ("decades" PXE, "centuries" PXC);
// TIDES wrote DE and CE.
var unitLetters = [...]string{
	uSecond:  "S",
	uMinute:  "M",
	uHour:    "H",
	uDay:     "D",
	uWeek:    "W",
	uWeekend: "WE",
	uMonth:   "M",
	uQuarter: "Q",
	uYear:    "Y",
	uDecade:  "E",
	uCentury: "C",
}

// Parts of the day, as values of cPOD words: the TIMEX3 codes.
var podCodes = [...]string{1: "MO", 2: "AF", 3: "EV", 4: "NI", 5: "DT"}

// Seasons, as values of cSeason words: the TIMEX3 codes.
var seasonCodes = [...]string{1: "SP", 2: "SU", 3: "FA", 4: "WI"}

// Deictic days, as values of cDeictic words: offset in days from the anchor
// plus 10 (so that 0 is never a value); tonight is today with a night part.
const (
	dToday     = 10
	dYesterday = 9
	dTomorrow  = 11
	dTonight   = 20
)

// Reference words, as values of cRef words.
const (
	refPresent = iota + 1
	refPast
	refFuture
)

// Mod words, as values of cEarlyLate and cEdge words.
const (
	modStart = iota + 1
	modMid
	modEnd
)

// Quantifier mods, as values of cApprox words.
const (
	modApprox = iota + 10
	modMoreThan
	modLessThan
	modEqualOrMore
	modEqualOrLess
	modOnOrAfter
	modOnOrBefore
)

var modNames = [...]string{modStart: "START", modMid: "MID", modEnd: "END",
	modApprox: "APPROX", modMoreThan: "MORE_THAN", modLessThan: "LESS_THAN",
	modEqualOrMore: "EQUAL_OR_MORE", modEqualOrLess: "EQUAL_OR_LESS",
	modOnOrAfter: "ON_OR_AFTER", modOnOrBefore: "ON_OR_BEFORE"}

// Month and weekday words that are also common words: ambiguousLower ones
// are calendar words only when capitalised or where a date stands ("may",
// "march", "sat"), ambiguousAlways ones in any case only where a date
// stands ("The Sun said", "SAT scores"). settleAmbiguous decides.
const (
	ambiguousLower = iota + 1
	ambiguousAlways
)

var ambiguousCalendar = map[string]int{
	"may": ambiguousLower, "march": ambiguousLower, "mar": ambiguousLower, "mar.": ambiguousLower,
	"august": ambiguousLower, "jan": ambiguousLower,
	"sat.": ambiguousLower, "sun.": ambiguousLower, "wed.": ambiguousLower, "mon.": ambiguousLower,
	"sat": ambiguousAlways, "sun": ambiguousAlways, "wed": ambiguousAlways, "mon": ambiguousAlways,
}

// entry is one word of the lexicon.
type entry struct {
	class class
	val   int32
	// tense is the clause tense the word signals (cTenseMark words).
	tense Tense
}

// lexicon maps a lowercased word (abbreviations with their period) to its
// classes and value. It is built once and only read.
var lexicon = buildLexicon()

func buildLexicon() map[string]entry {
	m := make(map[string]entry, 512)
	add := func(c class, val int, words ...string) {
		for _, w := range words {
			e := m[w]
			e.class |= c
			if val != 0 && e.val == 0 { // the first class listed gives the value
				e.val = int32(val)
			}
			m[w] = e
		}
	}
	months := [][]string{
		{"january", "jan", "jan."},
		{"february", "feb", "feb."},
		{"march", "mar", "mar."},
		{"april", "apr", "apr."},
		{"may"},
		{"june", "jun", "jun."},
		{"july", "jul", "jul."},
		{"august", "aug", "aug."},
		{"september", "sep", "sep.", "sept", "sept."},
		{"october", "oct", "oct."},
		{"november", "nov", "nov."},
		{"december", "dec", "dec."},
	}
	for i, ws := range months {
		add(cMonth, i+1, ws...)
	}
	weekdays := [][]string{
		{"monday", "mon.", "mon"},
		{"tuesday", "tue.", "tues.", "tue", "tues"},
		{"wednesday", "wed.", "wed", "weds"},
		{"thursday", "thu.", "thur.", "thurs.", "thu", "thur", "thurs"},
		{"friday", "fri.", "fri"},
		{"saturday", "sat.", "sat"},
		{"sunday", "sun.", "sun"},
	}
	for i, ws := range weekdays {
		add(cWeekday, i+1, ws...)
	}
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	for i, w := range ones {
		if i > 0 {
			add(cNumWord, i, w)
		}
	}
	tens := []string{2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
	for i, w := range tens {
		if w != "" {
			add(cNumWord, i*10, w)
		}
	}
	add(cNumWord, 100, "hundred")
	add(cNumWord, 1000, "thousand")
	add(cNumWord, 12, "dozen")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		if i > 0 {
			add(cOrdWord, i, w)
		}
	}
	add(cOrdWord, 30, "thirtieth")
	for i := 1; i <= 4; i++ {
		add(cQuarterOrd, i, ords[i])
	}
	units := []struct {
		u          int
		sing, plur []string
	}{
		// The short forms of informal writing ("2 hrs", "10 mins", "3 yrs")
		// count too; "sec" and "min" only after a number, as every rule
		// that reads a unit's short form has one.
		{uSecond, []string{"sec"}, []string{"seconds", "secs"}},
		{uMinute, []string{"minute", "min"}, []string{"minutes", "mins"}},
		{uHour, []string{"hour", "hr"}, []string{"hours", "hrs"}},
		{uDay, []string{"day"}, []string{"days"}},
		{uWeek, []string{"week", "wk"}, []string{"weeks", "wks"}},
		{uWeekend, []string{"weekend", "wkend", "wknd"}, []string{"weekends"}},
		{uMonth, []string{"month", "mth"}, []string{"months", "mths"}},
		{uQuarter, []string{"quarter"}, []string{"quarters"}},
		{uYear, []string{"year", "yr"}, []string{"years", "yrs"}},
		{uDecade, []string{"decade"}, []string{"decades"}},
		{uCentury, []string{"century"}, []string{"centuries"}},
	}
	for _, u := range units {
		add(cUnit, u.u, u.sing...)
		add(cUnits, u.u, u.plur...)
	}
	add(cCentury, 0, "century")
	add(cHalf, 0, "half")
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter")
	// Informal spellings ("tmr", "2nite", "arvo") are listed beside the
	// words they stand for: none of them is another English word.
	add(cPOD, 1, "morning", "mornin")
	add(cPOD, 2, "afternoon", "arvo")
	add(cPOD, 3, "evening")
	add(cPOD, 4, "night", "nite")
	add(cDeictic, dToday, "today", "tdy", "2day", "todays")
	add(cDeictic, dYesterday, "yesterday", "yday", "ytday")
	add(cDeictic, dTomorrow, "tomorrow", "tmr", "tmrw", "tmw", "tmro", "tmrow", "tmrrw", "trmw", "2moro", "2morrow", "2mrw", "tomoz", "tomolo", "tomorow", "tomo")
	add(cDeictic, dTonight, "tonight", "tonite", "2nite", "2night", "tnite", "tonyt", "tonights")
	// Words TimeML annotates as PRESENT_REF, PAST_REF and FUTURE_REF. Vaguer
	// ones ("once", "previously", "formerly", "eventually") are not temporal
	// expressions in TimeML news annotation and are left out: "formerly"
	// (like "former") says a role has ended, not when.
	add(cRef, refPresent, "now", "currently", "current", "nowadays", "rn", "atm")
	add(cRef, refPast, "recently", "recent", "lately")
	add(cRef, refFuture, "soon", "future")
	add(cLast, 0, "last", "past", "previous", "preceding", "prior")
	add(cNext, 0, "next", "coming", "following", "upcoming", "nxt")
	add(cThis, 0, "this", "current")
	add(cEarlyLate, modStart, "early", "earlier")
	add(cEarlyLate, modMid, "mid", "middle")
	add(cEarlyLate, modEnd, "late", "later")
	add(cEdge, modStart, "beginning", "start")
	add(cEdge, modMid, "middle")
	add(cEdge, modEnd, "end", "close")
	add(cDet, 0, "the")
	add(cIndef, 1, "a", "an", "one")
	add(cAgo, 0, "ago")
	add(cEarlier, 0, "earlier", "later")
	add(cFew, 0, "few", "several", "some", "many", "couple")
	add(cAMPM, 1, "a.m.", "am", "a.m")
	add(cAMPM, 2, "p.m.", "pm", "p.m")
	add(cZone, 0, "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
		"et", "ct", "mt", "pt", "msk", "ist", "jst", "sgt", "hkt", "kst", "pht", "aest", "aedt")
	add(cPeriod, 0, "q", "h", "fy")
	add(cSetWord, uDay, "daily", "nightly")
	add(cSetWord, uWeek, "weekly")
	add(cSetWord, uMonth, "monthly")
	add(cSetWord, uQuarter, "quarterly")
	add(cSetWord, uYear, "annually", "yearly")
	add(cSetWord, uHour, "hourly")
	add(cEvery, 0, "every", "each", "per")
	decades := []string{2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties", 7: "seventies", 8: "eighties", 9: "nineties"}
	for i, w := range decades {
		if w != "" {
			add(cDecadeWord, i, w)
		}
	}
	// A common word that starts a holiday's name ("New Year's Day", "Good
	// Friday") is not date-like by itself: the rest of the name is (a unit,
	// a weekday), and marking "new" date-like would send the rules to
	// every sentence that has it.
	for _, h := range holidays {
		for _, n := range h.names {
			c := cHoliday
			if h.common {
				c = cHolidayWord
			}
			add(c, 0, holidayFirst(n))
		}
	}
	// Titles and "vs." take their period (they never end a sentence), so
	// that "Mr. Smith said" or "Roe vs. Wade" does not cut a sentence in
	// two and hide its verb from the dates before it.
	add(0, 0, "mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "sgt.",
		"capt.", "rev.", "prof.", "adm.", "vs.")
	add(cFiscal, 0, "fiscal")
	add(cNightWord, 0, "overnight")
	add(cLit, 0, "right", "as", "year", "the", "that", "these", "couple", "corresponding", "comparable", "post", "pre", "latter", "former")
	add(cPeriod, 0, "period", "latest", "term")
	add(cNoon, 12*60, "noon", "midday")
	add(cNoon, 24*60, "midnight")
	add(cOf, 0, "of")
	add(cOr, 0, "or", "and", "to", "through", "until")
	setTense := func(t Tense, words ...string) {
		for _, w := range words {
			e := m[w]
			e.class |= cTenseMark
			e.tense = t
			m[w] = e
		}
	}
	setTense(TensePast, "was", "were", "had", "did", "said", "told", "met", "made", "took", "came",
		"went", "gave", "got", "left", "began", "sent", "held", "fell", "rose", "won", "lost", "saw",
		"spoke", "wrote", "became", "brought", "bought", "sold", "paid", "led", "ran", "found",
		"felt", "kept", "heard", "thought", "knew", "stood", "struck", "broke", "chose", "drew",
		"flew", "grew", "hung", "shot", "sought", "taught", "threw", "wore", "ago", "yesterday",
		"earlier", "previously", "wasn", "weren", "didn", "hadn")
	// The tokenizer splits at apostrophes: "we'll" is "we" "'" "ll".
	setTense(TenseFuture, "will", "ll", "shall", "tomorrow", "upcoming", "scheduled",
		"plans", "planned", "planning", "expected", "expects", "expect", "intends", "intend",
		"anticipate", "anticipates", "would")
	// Words just before a date that make it a coming date: "payable Dec. 7",
	// "effective Feb. 1", "expires Nov. 21", "until March 6".
	// "takes effect Jan. 1", "goes into effect Monday" ("took effect
	// Monday": the past verb beside the date wins).
	add(cForward, 0, "payable", "effective", "expire", "expires", "until", "till", "through", "due", "record", "starting", "effect")
	setTense(TensePresent, "is", "are", "am", "says", "isn", "aren")
	// Not "just": it says only or merely ("just a few minutes", "just a
	// decade ago"), not that the length is approximate.
	add(cApprox, modApprox, "about", "around", "nearly", "almost", "approximately", "roughly", "some")
	add(cApprox, modMoreThan, "over")
	add(cApprox, modLessThan, "under")
	return m
}

// notPast lists -ed words that are not past-tense verbs.
var notPast = map[string]bool{
	"need": true, "speed": true, "red": true, "bed": true, "united": true, "indeed": true,
	"hundred": true, "seed": true, "feed": true, "breed": true, "shed": true, "wed": true,
	"proceed": true, "succeed": true, "exceed": true, "limited": true, "based": true,
	"related": true, "interested": true, "concerned": true, "expected": true, "scheduled": true,
	"planned": true, "supposed": true, "used": true, "fled": true, "sled": true, "naked": true,
	"wicked": true, "sacred": true, "rugged": true, "crooked": true, "ragged": true,
	"alleged": true, "advanced": true, "detailed": true, "experienced": true, "armed": true,
	"unprecedented": true, "embed": true, "hatred": true, "kindred": true,
	"deed": true, "heed": true, "weed": true, "reed": true, "greed": true, "creed": true,
}
