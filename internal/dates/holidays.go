package dates

import (
	"strings"
	"time"
)

// This file holds the named days the engine knows (Christmas, New Year's
// Day, Thanksgiving, ...) and how their dates fall in a year. The rule that
// reads them is "holiday" in rules_named.go.

// holiday is a named day.
type holiday struct {
	// names are the ways the name is written, as the tokenizer cuts them:
	// lowercase words and punctuation separated by spaces, an apostrophe
	// and its "s" apart ("new year ' s day").
	names []string
	// name is the full name, for explanations.
	name string
	date func(y int) Date
	// common says the name starts with a common word ("new", "labor"):
	// outside colloquial text it names the day only when capitalised.
	common bool
	// capital says the name is the day only when capitalised, in any
	// text: "have a good friday" is a Friday, "Good Friday" a holiday.
	capital bool
}

// holidays are the named days the engine knows. Days of one country say
// which; a name shared by countries that keep it on different days
// ("Mother's Day", "Labour Day") takes the US date, as the US news the
// engine was first built for does. Days of lunar calendars (Hanukkah,
// Ramadan, Chinese New Year, Diwali) are not here: they need tables of
// their own.
var holidays = []holiday{
	{names: []string{"christmas day", "christmas", "xmas", "x ' mas"}, name: "Christmas Day", date: fixedDay(12, 25)},
	{names: []string{"christmas eve", "xmas eve"}, name: "Christmas Eve", date: fixedDay(12, 24)},
	{names: []string{"boxing day"}, name: "Boxing Day", date: fixedDay(12, 26), common: true},
	{names: []string{"new year ' s day", "new years day", "new year ' s", "new year", "new years", "new yrs", "new yr"}, name: "New Year's Day", date: fixedDay(1, 1), common: true},
	{names: []string{"new year ' s eve", "new years eve", "new yrs eve", "new yr ' s eve"}, name: "New Year's Eve", date: fixedDay(12, 31), common: true},
	{names: []string{"good friday"}, name: "Good Friday", date: func(y int) Date { return easter(y).AddDays(-2) }, common: true, capital: true},
	{names: []string{"easter sunday", "easter day", "easter"}, name: "Easter Sunday", date: easter},
	{names: []string{"easter monday"}, name: "Easter Monday", date: func(y int) Date { return easter(y).AddDays(1) }},
	{names: []string{"thanksgiving day", "thanksgiving"}, name: "Thanksgiving (US)", date: func(y int) Date { return nthWeekday(y, 11, 4, 4) }},
	// The shopping days after Thanksgiving; in lower case they are a
	// Friday and a Monday like any other ("a black friday for the market").
	{names: []string{"black friday"}, name: "Black Friday (US)", date: func(y int) Date { return nthWeekday(y, 11, 4, 4).AddDays(1) }, common: true, capital: true},
	{names: []string{"cyber monday"}, name: "Cyber Monday (US)", date: func(y int) Date { return nthWeekday(y, 11, 4, 4).AddDays(4) }, common: true, capital: true},
	{names: []string{"halloween"}, name: "Halloween", date: fixedDay(10, 31)},
	{names: []string{"valentine ' s day", "valentines day", "valentine day", "st. valentine ' s day", "saint valentine ' s day"}, name: "Valentine's Day", date: fixedDay(2, 14), common: true},
	{names: []string{"st. patrick ' s day", "saint patrick ' s day", "st patrick ' s day"}, name: "St. Patrick's Day", date: fixedDay(3, 17), common: true},
	{names: []string{"mother ' s day", "mothers day", "mothers ' day"}, name: "Mother's Day (US)", date: func(y int) Date { return nthWeekday(y, 5, 7, 2) }, common: true},
	{names: []string{"father ' s day", "fathers day", "fathers ' day"}, name: "Father's Day (US)", date: func(y int) Date { return nthWeekday(y, 6, 7, 3) }, common: true},
	{names: []string{"martin luther king day", "martin luther king jr. day", "martin luther king , jr. day", "mlk day"}, name: "Martin Luther King Jr. Day (US)", date: func(y int) Date { return nthWeekday(y, 1, 1, 3) }, common: true},
	{names: []string{"presidents ' day", "presidents day", "president ' s day"}, name: "Presidents' Day (US)", date: func(y int) Date { return nthWeekday(y, 2, 1, 3) }, common: true},
	{names: []string{"memorial day"}, name: "Memorial Day (US)", date: func(y int) Date { return nthWeekday(y, 5, 1, -1) }, common: true},
	{names: []string{"independence day", "fourth of july"}, name: "Independence Day (US)", date: fixedDay(7, 4), common: true},
	{names: []string{"labor day", "labour day"}, name: "Labor Day (US)", date: func(y int) Date { return nthWeekday(y, 9, 1, 1) }, common: true},
	{names: []string{"columbus day"}, name: "Columbus Day (US)", date: func(y int) Date { return nthWeekday(y, 10, 1, 2) }, common: true},
	{names: []string{"election day"}, name: "Election Day (US)", date: func(y int) Date { return nthWeekday(y, 11, 1, 1).AddDays(1) }, common: true},
	{names: []string{"veterans day", "veterans ' day", "veteran ' s day"}, name: "Veterans Day (US)", date: fixedDay(11, 11), common: true},
	{names: []string{"remembrance day", "armistice day"}, name: "Remembrance Day", date: fixedDay(11, 11), common: true},
	{names: []string{"bastille day"}, name: "Bastille Day (France)", date: fixedDay(7, 14), common: true},
	{names: []string{"canada day"}, name: "Canada Day", date: fixedDay(7, 1), common: true},
	{names: []string{"australia day"}, name: "Australia Day", date: fixedDay(1, 26), common: true},
	{names: []string{"anzac day"}, name: "Anzac Day", date: fixedDay(4, 25), common: true},
	{names: []string{"groundhog day"}, name: "Groundhog Day", date: fixedDay(2, 2), common: true},
	{names: []string{"earth day"}, name: "Earth Day", date: fixedDay(4, 22), common: true},
	{names: []string{"juneteenth"}, name: "Juneteenth (US)", date: fixedDay(6, 19)},
	{names: []string{"may day"}, name: "May Day", date: fixedDay(5, 1), common: true, capital: true},
}

// holidayName is one way of writing a holiday's name, cut into its
// tokens' texts.
type holidayName struct {
	h     *holiday
	words []string
}

// holidayNames are the names of holidays by their first word.
var holidayNames = func() map[string][]holidayName {
	out := map[string][]holidayName{}
	for i := range holidays {
		for _, n := range holidays[i].names {
			w := strings.Fields(n)
			out[w[0]] = append(out[w[0]], holidayName{&holidays[i], w})
		}
	}
	return out
}()

// holidayFirst is the first word of a holiday name: the lexicon marks it.
func holidayFirst(name string) string { return strings.Fields(name)[0] }

func fixedDay(m time.Month, d int) func(int) Date {
	return func(y int) Date { return Date{y, m, d} }
}

// nthWeekday returns the n-th ISO weekday wd of month m in year y (n < 0
// counts from the month's end).
func nthWeekday(y int, m time.Month, wd, n int) Date {
	if n < 0 {
		return weekdayFrom(lastOfMonth(y, m), wd, -1, false).AddDays(7 * (n + 1))
	}
	return weekdayFrom(Date{y, m, 1}, wd, 1, false).AddDays(7 * (n - 1))
}

// easter returns Easter Sunday of year y (Gregorian computus).
func easter(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{y, time.Month(month), day}
}

// holidayAt finds the longest holiday name written from token i: the
// holiday and the token after its name; ok is false when none is there.
func (r *run) holidayAt(i int) (h *holiday, end int, ok bool) {
	t := &r.toks[i]
	var buf [maxWord]byte
	w := buf[:0]
	for k := t.start; k < t.end && len(w) < maxWord; k++ {
		w = append(w, r.text[k]|0x20*btoi(isUpper(r.text[k])))
	}
	for _, n := range holidayNames[string(w)] {
		if k := i + len(n.words); k <= len(r.toks) && k > end && r.tokensAre(i, n.words) {
			h, end, ok = n.h, k, true
		}
	}
	return h, end, ok
}

// tokensAre reports whether the tokens from i are the words ws: words
// compared in any case, punctuation by its byte.
func (r *run) tokensAre(i int, ws []string) bool {
	for k, w := range ws {
		t := &r.toks[i+k]
		if len(w) == 1 && !isLetter(w[0]) {
			if t.kind != kPunct || t.punct != w[0] {
				return false
			}
			continue
		}
		if t.kind != kWord || !equalFold(r.text[t.start:t.end], w) {
			return false
		}
	}
	return true
}
