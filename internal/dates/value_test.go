package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestValidValue(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"2021-03-17", true}, {"2021-03", true}, {"2021", true}, {"202", true}, {"19", true},
		{"2021-W11", true}, {"2021-W11-WE", true}, {"2021-W11-3", true}, {"2020-W53", true},
		{"2021-W53", false}, {"2021-Q1", true}, {"2021-QX", true}, {"2021-H2", true},
		{"2021-SU", true}, {"2021-WI", true}, {"2021-03-17TMO", true}, {"2021-03-17T15:00", true},
		{"2021-03-17T15:00:30", true}, {"2021-03-17T24", true}, {"P5Y", true}, {"PT24H", true},
		{"P2Y6M", true}, {"PT5H30M", true}, {"P1DE", true}, {"PXE", true}, {"PXC", true}, {"P2L", true}, {"PXY", true}, {"PTXM", true},
		{"P2.5Y", true}, {"PRESENT_REF", true}, {"PAST_REF", true}, {"FUTURE_REF", true},
		{"XXXX-WXX-5", true}, {"XXXX-XX-XX", true}, {"XXXX-03-06", true}, {"1988-QX", true},
		{"199X", true}, {"2024-02-29", true},
		{"", false}, {"2023-02-29", false}, {"2021-13", false}, {"2021-00-10", false},
		{"2021-03-32", false}, {"0000", false}, {"P", false}, {"PY", false}, {"P5", false},
		{"PT5Y", false}, {"P5H", false}, {"2021-Q5", false}, {"2021-W00", false},
		{"2021-03-17T25:00", false}, {"2021-03-17T10:61", false}, {"2021-03-17X", false},
		{"NOW", false}, {"2021-W11-8", false}, {"12345", false}, {"2021-", false},
	}
	for _, tc := range tests {
		if got := ValidValue(tc.v); got != tc.want {
			t.Errorf("ValidValue(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		v          string
		start, end string
	}{
		{"2021-03-17", "2021-03-17", "2021-03-17"},
		{"2021-W11", "2021-03-15", "2021-03-21"},
		{"2021-W11-WE", "2021-03-20", "2021-03-21"},
		{"2020-W53", "2020-12-28", "2021-01-03"},
		{"2021-03", "2021-03-01", "2021-03-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2021-Q1", "2021-01-01", "2021-03-31"},
		{"2021-H2", "2021-07-01", "2021-12-31"},
		{"2020-WI", "2019-12-01", "2020-02-29"}, // named for its January
		{"2021", "2021-01-01", "2021-12-31"},
		{"199", "1990-01-01", "1999-12-31"},
		{"19", "1900-01-01", "1999-12-31"},
		{"2021-03-17TNI", "2021-03-17", "2021-03-17"},
		{"2021-W11-5", "2021-03-19", "2021-03-19"},
		{"9999-WI", "9998-12-01", "9999-02-28"}, {"0001-WI", "0001-01-01", "0001-02-28"},
		{"P5Y", "", ""}, {"PAST_REF", "", ""}, {"XXXX-WXX-5", "", ""},
	}
	for _, tc := range tests {
		s, e, ok := Interval(tc.v)
		if ok != (tc.start != "") || s.String() != tc.start || e.String() != tc.end {
			t.Errorf("Interval(%q) = %s, %s, %v; want %s, %s", tc.v, s, e, ok, tc.start, tc.end)
		}
	}
}

// TestEdgeCases checks that odd inputs and references at the calendar's
// edges give well-formed output and never panic.
func TestEdgeCases(t *testing.T) {
	long := strings.Repeat("On Friday, March 19 the talks began last week. ", 110000) // ~5 MB on one line
	tests := []struct {
		name string
		text string
		ref  Date
	}{
		{"empty", "", testRef},
		{"invalid utf-8", "\xff\xfe on Friday \xc3 last week \xe2\x80", testRef},
		{"year 1", "last year, yesterday, last week, a year ago, the 1990s, last Monday", Date{1, 1, 1}},
		{"year 9999", "next year, tomorrow, next week, next Monday, next month, in 100 years", Date{9999, 12, 31}},
		{"feb 29", "on Feb. 29 and a year later and last year", Date{2024, 2, 29}},
		{"week 53", "last week, this week, next week, the weekend", Date{2021, 1, 1}},
		{"year end weekdays", "on Friday, next Tuesday, last Sunday, this Saturday", Date{2020, 12, 31}},
		{"no reference", "on Friday, last week, March 3, yesterday, the weekend, 3 p.m.", Date{}},
		{"bad reference", "on Friday", Date{Year: 20000, Month: 1, Day: 1}},
		{"long line", long, testRef},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := Resolve(tc.text, Options{Reference: tc.ref})
			checkMentions(t, tc.text, ms)
		})
	}
	// Specific values at the edges.
	ms := Resolve("It happened last week.", Options{Reference: Date{2021, 1, 8}})
	if len(ms) != 1 || ms[0].Value != "2020-W53" {
		t.Errorf("last week from 2021-01-08 = %s, want 2020-W53", dump(ms))
	}
	ms = Resolve("They met on Feb. 29.", Options{Reference: Date{2023, 3, 1}})
	if len(ms) != 1 || ms[0].Value != "2020-02-29" {
		t.Errorf("Feb. 29 from 2023-03-01 = %s, want 2020-02-29", dump(ms))
	}
	ms = Resolve("He left on Friday.", Options{Reference: Date{2021, 1, 2}})
	if len(ms) != 1 || ms[0].Value != "2021-01-01" {
		t.Errorf("Friday from Saturday 2021-01-02 = %s, want 2021-01-01", dump(ms))
	}
}

// checkMentions asserts the invariants every Resolve result keeps.
func checkMentions(t testing.TB, text string, ms []Mention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("mention %q at [%d,%d) out of order or bounds (prev end %d)", m.Text, m.Start, m.End, prev)
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention text %q != text[%d:%d]", m.Text, m.Start, m.End)
		}
		if !ValidValue(m.Value) {
			t.Fatalf("mention %q: invalid value %q", m.Text, m.Value)
		}
		if m.Explanation == "" {
			t.Fatalf("mention %q: no explanation", m.Text)
		}
		if m.Type < TypeDate || m.Type > TypeSet {
			t.Fatalf("mention %q: bad type %d", m.Text, m.Type)
		}
		if m.Anchored() && m.EndDate.Before(m.StartDate) {
			t.Fatalf("mention %q: interval %s..%s reversed", m.Text, m.StartDate, m.EndDate)
		}
		prev = m.End
	}
}

// FuzzResolve feeds arbitrary bytes and reference dates to Resolve:
//
//	go test ./internal/dates -run '^$' -fuzz FuzzResolve -fuzztime 3m
//
// The corpus starts from the seed articles and every rule example.
func FuzzResolve(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b), 2021, 3, 22, false)
		}
	}
	for _, ru := range rules {
		for _, ex := range ru.examples {
			f.Add(ex.text, 2021, 3, 22, false)
		}
	}
	f.Add("last week on Friday", 1, 1, 1, true)
	f.Add("next year", 9999, 12, 31, false)
	f.Add("\xff March 19 or 22, 2021", 2020, 2, 29, false)
	f.Fuzz(func(t *testing.T, text string, y, m, d int, narrative bool) {
		ref := Date{}
		if y >= MinYear && y <= MaxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, time.Month(m)) {
			ref = Date{y, time.Month(m), d}
		}
		// narrative selects Narrative; otherwise the day's parity picks
		// News or Colloquial, so that every document type is fuzzed
		// without changing the corpus's signature.
		opts := Options{Reference: ref}
		switch {
		case narrative:
			opts.DocType = Narrative
		case d%2 != 0:
			opts.DocType = Colloquial
		}
		checkMentions(t, text, Resolve(text, opts))
	})
}

func TestParseValue(t *testing.T) {
	for _, c := range []struct {
		v          string
		g          Granularity
		year, day  int
		month      time.Month
		unknown    bool
		start, end string
	}{
		{"2021-03-17", GranDay, 2021, 17, 3, false, "2021-03-17", "2021-03-17"},
		{"2021-W11-WE", GranWeekend, 2021, 0, 0, false, "2021-03-20", "2021-03-21"},
		{"XXXX-03-17", GranDay, -1, 17, 3, true, "", ""},
		{"2010-05", GranMonth, 2010, 0, 5, false, "2010-05-01", "2010-05-31"},
		{"P5Y", GranNone, 0, 0, 0, false, "", ""},
		{"PAST_REF", GranNone, 0, 0, 0, false, "", ""},
	} {
		v, ok := ParseValue(c.v)
		if !ok {
			t.Fatalf("ParseValue(%q) failed", c.v)
		}
		if v.Granularity() != c.g || v.Year() != c.year || v.Month() != c.month || v.Day() != c.day || v.Unknown() != c.unknown {
			t.Errorf("ParseValue(%q) = %v %d-%d-%d unknown=%v", c.v, v.Granularity(), v.Year(), v.Month(), v.Day(), v.Unknown())
		}
		s, e, ok := v.Interval()
		if got := ""; ok {
			got = s.String()
			if got != c.start || e.String() != c.end {
				t.Errorf("%q interval %s..%s, want %s..%s", c.v, s, e, c.start, c.end)
			}
		} else if c.start != "" {
			t.Errorf("%q has no interval", c.v)
		}
	}
	if _, ok := ParseValue("2021-13"); ok {
		t.Error("2021-13 parsed")
	}
	if v, ok := ParseValue("BC0479-06"); !ok || !v.BC() || v.Year() != 479 {
		t.Errorf("BC0479-06: BC %v, year %d", v.BC(), v.Year())
	}
	if v, _ := ParseValue("0479-06"); v.BC() {
		t.Error("0479-06 is BC")
	}
}
