package timeline

import (
	"context"
	"slices"
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

// sentenceDates analyses text published on pub and returns, for each
// sentence that opens with one of the keys, the values of its events and
// how each was dated ("2015 expression").
func sentenceDates(t *testing.T, pub dates.Date, text string) map[int][]string {
	t.Helper()
	an, err := Analyze(context.Background(), Article{ID: "a", Published: pub, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	for _, e := range an.Events() {
		got[e.Sentence] = append(got[e.Sentence], e.Citation.Value+" "+e.Citation.Source.String())
	}
	return got
}

// TestReportDates checks how a sentence reporting dated speech is dated:
// the report on its own day, what it reports on the reported dates.
func TestReportDates(t *testing.T) {
	for _, tt := range []struct {
		name string
		pub  dates.Date
		text string
		want map[int][]string
	}{{
		// A report in the present is made on the publication day.
		name: "present report",
		pub:  dates.NewDate(2021, 3, 10),
		text: "The union claims that the carmaker broke a contract signed in 2015. " +
			"The mayor says the bridge built in 1990 is unsafe.",
		want: map[int][]string{
			0: {"2015 expression", "2021-03-10 publication date"},
			1: {"1990 expression", "2021-03-10 publication date"},
		},
	}, {
		// A plural noun is no report ("the claims"), nor a name ("States").
		name: "not reports",
		pub:  dates.NewDate(2021, 3, 10),
		text: "The claims of the union reached the court in 2015. The United States signed the treaty in 1990.",
		want: map[int][]string{0: {"2015 expression"}, 1: {"1990 expression"}},
	}, {
		// A past report takes the date of the sentence before it goes on
		// with, not of the dates it reports.
		name: "report in context",
		pub:  dates.NewDate(2010, 10, 23),
		text: "In a Wednesday event, the firm released new laptops. " +
			"Its chief announced today that a new system will ship next summer. " +
			"He said that the store will open to users of the older system within 90 days, and that programs can be submitted starting next month.",
		want: map[int][]string{
			0: {"2010-10-20 expression"},
			1: {"2010-10-23 expression", "2011-SU expression"},
			2: {"2010-11 expression", "2010-10-23 context"},
		},
	}, {
		// A reported lead dates the article's news, its report too.
		name: "reported lead",
		pub:  dates.NewDate(2021, 3, 22),
		text: "Police said that a gunman shot five people on Sunday. The gunman was arrested at a bus station.",
		want: map[int][]string{
			0: {"2021-03-21 expression", "2021-03-21 context"},
			1: {"2021-03-21 context"},
		},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceDates(t, tt.pub, tt.text)
			for si, want := range tt.want {
				if !slices.Equal(got[si], want) {
					t.Errorf("sentence %d: got %q, want %q", si, got[si], want)
				}
			}
		})
	}
}

// TestPresentReport checks which present forms are reporting verbs after
// their subject, and which are plural nouns.
func TestPresentReport(t *testing.T) {
	for _, tt := range []struct {
		s       string
		present bool
	}{
		{"The union claims that the carmaker broke a contract signed in 2015.", true},
		{"The carmaker's lawyer says the contract signed in 2015 is void.", true},
		{"He says the contract signed in 2015 is void.", true},
		{"Union leader Ann Lee states that the contract signed in 2015 is void.", true},
		{"In 45 states, the number of clinics fell between 1982 and 1992.", false},
		{"Police are hunting him following reports that he was seen in 2015.", false},
		{"They discussed the hack, reports of bribes and the 2020 election.", false},
		{"The claims of the union reached the court in 2015.", false},
	} {
		var s Sentence
		s.End = len(tt.s)
		ms := dates.Resolve(tt.s, dates.Options{Reference: dates.NewDate(2021, 3, 10)})
		_, present := reportDated(tt.s, &s, ms)
		if present != tt.present {
			t.Errorf("reportDated(%q): present %v, want %v", tt.s, present, tt.present)
		}
	}
}

// TestSincePoint checks that a sentence counting from an event the article
// dates elsewhere ("since its launch") takes that event's date.
func TestSincePoint(t *testing.T) {
	pub := dates.NewDate(2021, 3, 10)
	got := sentenceDates(t, pub, "The bakery chain opened its first shop on May 4, 2012. "+
		"Since its opening the chain has sold ten million loaves. "+
		"The app was introduced in June 2019 by the city. "+
		"More than a million riders have used the app since it was introduced. "+
		"Since the merger the firm has cut 300 jobs.")
	for si, want := range map[int][]string{
		1: {"2012-05-04 context"},
		3: {"2019-06 context"},
		4: {"2021-03-10 publication date"}, // no merger dated: the publication day
	} {
		if !slices.Equal(got[si], want) {
			t.Errorf("sentence %d: got %q, want %q", si, got[si], want)
		}
	}
	for _, tt := range []struct{ s, want string }{
		{"Since its launch the store has sold 3 billion songs.", "launch"},
		{"Sales have doubled since it was introduced.", "introduced"},
		{"Since then the firm has grown.", ""},
		{"The firm has grown since the 1990s.", ""},
		{"Since the company has grown, it hired more staff.", ""},
		{"It has traded since its merger with a rival.", "merger"},
	} {
		if got := sincePoint(tt.s); got != tt.want {
			t.Errorf("sincePoint(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// TestDatesJoinedByAnd checks that "in March and June" dates two events and
// "between March and June" one range.
func TestDatesJoinedByAnd(t *testing.T) {
	got := sentenceDates(t, dates.NewDate(2021, 8, 25), "The minister visited the plant in March and June. "+
		"The plant was shut between March and June.")
	for si, want := range map[int][]string{
		0: {"2021-03 expression", "2021-06 expression"},
		1: {"2021-03 expression"},
	} {
		if !slices.Equal(got[si], want) {
			t.Errorf("sentence %d: got %q, want %q", si, got[si], want)
		}
	}
}
