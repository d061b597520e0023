package dates

import (
	"fmt"
	"testing"
)

var testRef = Date{2021, 3, 22}

// TestRuleExamples runs the examples written beside each rule.
func TestRuleExamples(t *testing.T) {
	type docExample struct {
		example
		doc DocType
	}
	for _, ru := range rules {
		exs := make([]docExample, 0, len(ru.examples)+len(ru.posts))
		for _, ex := range ru.examples {
			exs = append(exs, docExample{ex, ru.docType})
		}
		for _, ex := range ru.posts {
			exs = append(exs, docExample{ex, Colloquial})
		}
		for _, ex := range exs {
			t.Run(ru.name+"/"+ex.text, func(t *testing.T) {
				ms := Resolve(ex.text, Options{Reference: testRef, DocType: ex.doc})
				if ex.value == "" {
					for _, m := range ms {
						if ex.span == "" || m.Text == ex.span {
							t.Errorf("Resolve(%q) = %s, want no mention", ex.text, dump(ms))
						}
					}
					return
				}
				for _, m := range ms {
					if m.Text == ex.span {
						if m.Value != ex.value {
							t.Errorf("Resolve(%q): %q = %s, want %s (%s)", ex.text, m.Text, m.Value, ex.value, m.Explanation)
						}
						return
					}
				}
				t.Errorf("Resolve(%q) = %s, want %q = %s", ex.text, dump(ms), ex.span, ex.value)
			})
		}
	}
}

func dump(ms []Mention) string {
	s := "["
	for i, m := range ms {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q=%s %s", m.Text, m.Value, m.Type)
	}
	return s + "]"
}

// TestRuleLiteralsInLexicon checks that every literal word a rule can start
// with is in the lexicon: the engine only tries rules at lexicon words.
func TestRuleLiteralsInLexicon(t *testing.T) {
	for _, ru := range rules {
		for _, s := range ru.pat {
			for _, w := range s.words {
				if lexicon[w].class == 0 {
					t.Errorf("rule %q starts with %q, which is not in the lexicon", ru.name, w)
				}
			}
			if !s.optional {
				break
			}
		}
	}
}

// TestNarrative checks that narrative text anchors relative expressions to
// the last date mentioned, and news text to the reference.
func TestNarrative(t *testing.T) {
	text := "The treaty was signed on June 3, 1998. Two days later the parliament met; the next day it voted. Last week the museum opened."
	tests := []struct {
		doc  DocType
		want map[string]string
	}{
		{Narrative, map[string]string{"June 3, 1998": "1998-06-03", "Two days later": "1998-06-05", "the next day": "1998-06-06", "Last week": "1998-W22"}},
		{News, map[string]string{"June 3, 1998": "1998-06-03", "Two days later": "1998-06-05", "the next day": "1998-06-06", "Last week": "2021-W11"}},
	}
	coarse := "In 1998 the war began. The next year it ended. Two days later the army left."
	ms := Resolve(coarse, Options{Reference: testRef, DocType: Narrative})
	want := map[string]string{"1998": "1998", "The next year": "1999", "Two days later": "1999-XX-XX"}
	for _, m := range ms {
		if w, ok := want[m.Text]; ok && m.Value != w {
			t.Errorf("narrative %q = %s, want %s (%s)", m.Text, m.Value, w, m.Explanation)
		}
		delete(want, m.Text)
	}
	if len(want) > 0 {
		t.Errorf("narrative: missing %v in %s", want, dump(ms))
	}
	for _, tc := range tests {
		ms := Resolve(text, Options{Reference: testRef, DocType: tc.doc})
		got := map[string]string{}
		for _, m := range ms {
			got[m.Text] = m.Value
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("doc type %d: %q = %q, want %q (all: %s)", tc.doc, k, got[k], v, dump(ms))
			}
		}
	}
}

// TestNotDates lists words and numbers that look like dates and are not:
// a false date poisons a timeline.
func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"He may resign.",
		"May I ask a question?",
		"They march on the capital.",
		"The march drew thousands.",
		"She sat down.",
		"He came second in the race.",
		"Prices could fall further.",
		"The attack killed 105 children.",
		"The deal is worth $8bn.",
		"Only 1/2 of the votes were counted.",
		"See page 12 for details.",
		"The final score was 3-1.",
		"Some 2,000 people gathered.",
		"the 78-year-old Biden",
		"He bought 1500 shares.",
		"It rose 2.5 percent.",
		"Room 1204 was empty.",
		"Call 555-1234 now or later.",
	} {
		for _, m := range Resolve(text, Options{Reference: testRef}) {
			if m.Value != "PRESENT_REF" { // "now" is a time
				t.Errorf("Resolve(%q): %q = %s, want no date", text, m.Text, m.Value)
			}
		}
	}
}

// TestTense checks the clause tense read around a mention, which decides
// the direction of bare weekdays and dates without a year.
func TestTense(t *testing.T) {
	tests := []struct {
		text string
		want Tense
	}{
		{"Biden was busy on Friday.", TensePast},
		{"The Russian Foreign Ministry said Monday that", TensePast},
		{"The talks will resume on Thursday.", TenseFuture},
		{"The summit is scheduled for Thursday.", TenseFuture},
		{"Protesters were planning a march on Saturday.", TenseFuture},
		{"The team planned to leave on Thursday.", TenseFuture},
		{"Trading is to resume Tuesday.", TenseFuture},
		{"The dividend is payable Dec. 7.", TenseFuture},
		{"Until Thursday, they had not called him a suspect.", TensePast},
		{"A bomb ripped through a building next to the embassy on Friday.", TensePast},
		{"The case is heard in May.", TensePresent},
		{"He died on Friday.", TensePast},
		{"The company is continuing to try to sell itself, under a June agreement with a shareholder group.", TensePresent},
		{"On Friday, when she set aside vacation plans for the hastily planned trip, the department lifted a warning.", TensePast},
	}
	for _, tc := range tests {
		ms := Resolve(tc.text, Options{Reference: testRef})
		if len(ms) != 1 {
			t.Errorf("Resolve(%q) = %s, want one mention", tc.text, dump(ms))
			continue
		}
		if ms[0].Tense != tc.want {
			t.Errorf("Resolve(%q): tense of %q = %d, want %d (%s)", tc.text, ms[0].Text, ms[0].Tense, tc.want, ms[0].Explanation)
		}
	}
}

// TestPeriodIntervals checks the interval a reporting period gets from its
// told end, or the lack of one: what a timeline dates its events by.
func TestPeriodIntervals(t *testing.T) {
	for _, c := range []struct {
		text, span, value string
		start, end        Date // zero: not anchored
	}{
		// A fiscal quarter's months come from its end, not its number.
		{"Sun earned $5 million in the fiscal first quarter. It had sales of $538 million for the quarter ended Sept. 29.",
			"the fiscal first quarter", "2020-Q3", Date{2020, 7, 1}, Date{2020, 9, 30}},
		{"Sun lost $20 million for its fourth quarter ended June 30.", "fourth quarter", "2020-Q2", Date{2020, 4, 1}, Date{2020, 6, 30}},
		{"Delta's earnings soared in the fiscal first quarter.", "the fiscal first quarter", "2021-QX", Date{}, Date{}},
		// A length told by its end covers the days up to it (TimeML endPoint).
		{"For the year ended Sept. 30, Ralston earned $422 million.", "the year", "P1Y", Date{2019, 10, 1}, Date{2020, 9, 30}},
		{"In the fiscal year ended in January, sales rose.", "the fiscal year", "P1Y", Date{2020, 2, 1}, Date{2021, 1, 31}},
		{"Net for the nine months ended Sept. 30 rose.", "the nine months", "P9M", Date{2020, 1, 1}, Date{2020, 9, 30}},
		{"It expects a loss in the year ending June 30, 2021.", "the year", "P1Y", Date{2020, 7, 1}, Date{2021, 6, 30}},
		{"Sales rose for the nine months.", "the nine months", "P9M", Date{}, Date{}},
	} {
		ms := Resolve(c.text, Options{Reference: testRef})
		found := false
		for _, m := range ms {
			if m.Text != c.span {
				continue
			}
			found = true
			if m.Value != c.value || m.StartDate != c.start || m.EndDate != c.end {
				t.Errorf("Resolve(%q): %q = %s %s..%s, want %s %s..%s (%s)", c.text, m.Text, m.Value, m.StartDate, m.EndDate, c.value, c.start, c.end, m.Explanation)
			}
		}
		if !found {
			t.Errorf("Resolve(%q) = %s, want %q", c.text, dump(ms), c.span)
		}
	}
}

// TestPeriodEdges checks that ends told at the edges of the calendar yield
// well-formed values and intervals inside years 1..9999, or nothing.
func TestPeriodEdges(t *testing.T) {
	for _, ref := range []Date{{1, 1, 1}, {1, 2, 10}, {9999, 12, 31}} {
		for _, s := range []string{"the quarter ended yesterday", "the year ended Jan. 1", "the year ended yesterday",
			"the fiscal first quarter. The quarter ended tomorrow", "the 9999 years ended Jan. 1", "its fourth quarter ended Dec. 31", "the year ending tomorrow"} {
			for _, m := range Resolve(s, Options{Reference: ref}) {
				if !ValidValue(m.Value) || m.Anchored() && (m.StartDate.Year < MinYear || m.EndDate.Year > MaxYear || m.EndDate.Before(m.StartDate)) {
					t.Errorf("reference %s, %q: %q = %s %s..%s", ref, s, m.Text, m.Value, m.StartDate, m.EndDate)
				}
			}
		}
	}
}
