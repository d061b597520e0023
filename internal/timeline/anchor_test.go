package timeline

import (
	"context"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

func TestSentenceTense(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want tense
	}{
		{"The carmaker announced a recall of 40,000 vehicles.", tensePast},
		{"Jobs, born in 1955, has built the most valuable company.", tensePast},
		{"The co-founder has died at the age of 56.", tensePast},
		{"The phone has two cameras.", tensePresent},
		{"The iPhone 4 will use iOS 4.", tenseFuture},
		{"The device will cost $199, Apple said.", tensePast},
		{"Is this the end?", tenseNone},
		{"The proposed deal is off.", tensePresent},
		// An aside in parentheses decides nothing, and a reporting verb
		// after a determiner is an adjective.
		{"Though it now runs the faster chip (first fitted to the tablet), the phone has a claimed ten hours of battery.", tensePresent},
		{"The tablet (released in May) weighs less than a book.", tensePresent},
		{"The firm sold the unit (its biggest) last year.", tensePast},
	} {
		if got := sentenceTense(tt.s); got != tt.want {
			t.Errorf("sentenceTense(%q) = %s, want %s", tt.s, got, tt.want)
		}
	}
}

// TestAnchoring checks how sentences with no date of their own are dated:
// the sentence before when they go on with it, the lead's news day, the
// publication day; and that each citation says how.
func TestAnchoring(t *testing.T) {
	pub := dates.NewDate(2010, 6, 8)
	a := Article{ID: "a", Published: pub, Text: "Yesterday, the company unveiled a new phone at its conference. " +
		"In April, a blog obtained a prototype of the phone. It published details online. " +
		"While introducing the phone, the chief executive praised its design. " +
		"The phone has two cameras. The phone will ship in July."}
	r, err := Build(context.Background(), []Article{a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]struct {
		value  string
		source DateSource
	}{}
	for _, es := range [][]Entry{r.Entries, r.Background} {
		for _, e := range es {
			for _, c := range e.Citations {
				got[c.Quote] = struct {
					value  string
					source DateSource
				}{c.Value, c.Source}
				if c.Source != FromExpression && (c.Expression != "" || c.Explanation == "") {
					t.Errorf("%q: expression %q, explanation %q", c.Quote, c.Expression, c.Explanation)
				}
			}
		}
	}
	for quote, want := range map[string]struct {
		value  string
		source DateSource
	}{
		"It published details online.":                                         {"2010-04", FromContext},
		"While introducing the phone, the chief executive praised its design.": {"2010-06-07", FromContext},
		"The phone has two cameras.":                                           {"2010-06-08", FromPublication},
	} {
		if g, ok := got[quote]; !ok || g != want {
			t.Errorf("%q: got %v (found %v), want %v", quote, g, ok, want)
		}
	}
	for _, e := range append(r.Entries, r.Background...) {
		if e.Citations[0].Quote == "The phone will ship in July." && e.Kind != Planned {
			t.Errorf("the plan is an entry of kind %d", e.Kind)
		}
	}
}

// TestFocus checks that an entity timeline keeps the sentences naming the
// entity by name, short form or reference back, and marks the entries.
func TestFocus(t *testing.T) {
	pub := dates.NewDate(2021, 3, 22)
	as := []Article{{ID: "a", Published: pub, Text: "CEO Elon Musk unveiled the car on Monday. " +
		"He said deliveries start soon. Rival Ford cut prices on Monday. " +
		"Apple Inc. reported results on Tuesday."}}
	r, err := Build(context.Background(), as, Options{Focus: []string{"Elon Musk"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(r.Entries, r.Background...) {
		for _, c := range e.Citations {
			switch c.Quote {
			case "CEO Elon Musk unveiled the car on Monday.", "He said deliveries start soon.":
			default:
				t.Errorf("cites %q, which does not involve Elon Musk", c.Quote)
			}
		}
		if len(e.Focus) != 1 || e.Focus[0] != "Elon Musk" {
			t.Errorf("entry %s focus %q", e.Value, e.Focus)
		}
	}
	if len(r.Entries)+len(r.Background) == 0 {
		t.Error("no entry for Elon Musk")
	}
}
