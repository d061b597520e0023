package timeline

import (
	"context"
	"strings"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// TestSynonymClasses: every word of a class hashes to its class's id, a
// word outside every class keeps its own, and a phrasal verb takes its
// class only before its particle.
func TestSynonymClasses(t *testing.T) {
	h := func(w string) uint64 { return stemHash([]byte(w)) }
	for _, c := range synonymClasses {
		words := strings.Fields(c)
		for _, w := range words[1:] {
			if h(w) != h(words[0]) {
				t.Errorf("%q is not in the class of %q", w, words[0])
			}
		}
	}
	for _, same := range [][2]string{{"resigned", "quit"}, {"unveiled", "presented"}, {"deplored", "condemns"}, {"bought", "acquisition"}} {
		if h(same[0]) != h(same[1]) {
			t.Errorf("%q and %q tell other deeds", same[0], same[1])
		}
	}
	for _, other := range [][2]string{{"resigned", "introduced"}, {"fired", "dismissed"}, {"released", "launched"}, {"sold", "bought"}} {
		if h(other[0]) == h(other[1]) {
			t.Errorf("%q and %q are one class", other[0], other[1])
		}
	}
	for _, tt := range []struct {
		verb, rest string
		want       string
	}{
		{"stepped", " down as chairman", "resign"},
		{"stepping", " Down.", "resign"},
		{"step", " downstairs", "step"},
		{"step", "", "step"},
		{"passed", " away on Sunday", "die"},
		{"passed", " the bill", "passed"},
	} {
		if got := phrasalID(h(tt.verb), tt.rest); got != h(tt.want) {
			t.Errorf("phrasalID(%q, %q) is not %q", tt.verb, tt.rest, tt.want)
		}
	}
}

// TestSynonymousDeedsMerge: one deed told in other words by two articles
// ("resigned", "stepped down") is one entry: a coarse report of it ("last
// week") is placed on the day another article gives, not on another deed
// of that week.
func TestSynonymousDeedsMerge(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2019, 5, 13),
		"Maria Lindqvist resigned as chairwoman of Globex on Tuesday. She opened a bakery in Uppsala on Thursday.",
		"Last week Maria Lindqvist stepped down from Globex.")
	e := entryOf(r, "Maria Lindqvist resigned")
	if e == nil || entryOf(r, "Last week Maria Lindqvist") != e {
		t.Fatalf("the resignation told two ways is two entries: %+v", entryOf(r, "Last week Maria Lindqvist"))
	}
	if entryOf(r, "She opened a bakery") == e {
		t.Errorf("the bakery joined the resignation: %+v", e)
	}
}

// TestPronounAgents: a sentence whose actor is "he" or "she" takes the
// agents of the last sentence before it that named its actor.
func TestPronounAgents(t *testing.T) {
	text := "Olsen joined Initrode in March. He had previously worked for Vandelay for ten years."
	an, err := Analyze(context.Background(), Article{ID: "a", Text: text, Published: dates.NewDate(2020, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range an.events {
		if !strings.HasPrefix(c.cit.Quote, "He had previously") {
			continue
		}
		found = true
		if got := frameWordsOf("Olsen joined Initrode", c.frame.agents()); len(got) == 0 || got[0] != "olsen" {
			t.Errorf("the agents of %q are %v, want olsen", c.cit.Quote, got)
		}
	}
	if !found {
		t.Fatal("no event for the second sentence")
	}
}

// TestOtherActorsStayApart: an undated report of one person's deed does
// not join the same deed another person did earlier ("Cook held positions
// at IBM", "[Papermaster] had held a position with IBM").
func TestOtherActorsStayApart(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2012, 3, 5),
		"Olsen joined Initrode in February 2012. He had previously held a senior position at Vandelay Industries.",
		"Before his post at Initrode, Kramer had held positions at Vandelay Industries.")
	if e := entryOf(r, "Before his post"); e == nil || len(e.Citations) != 1 {
		t.Errorf("Kramer's career joined Olsen's: %+v", e)
	}
}

// TestOldReportsNeedLookingBack: an undated report in the simple past
// tells its article's news, not the same deed a year before; one that
// looks back ("when ... first") may tell it.
func TestOldReportsNeedLookingBack(t *testing.T) {
	as := []Article{
		{ID: "old", Published: dates.NewDate(2010, 6, 8), Text: "On June 7, Moreau introduced the Zephyr tablet at the Lyon trade fair."},
		{ID: "new", Published: dates.NewDate(2011, 6, 8), Text: "At the Lyon trade fair, Moreau introduced the Zephyr tablet's successor."},
		{ID: "back", Published: dates.NewDate(2011, 6, 9), Text: "When Moreau first introduced the Zephyr tablet at the Lyon trade fair, he praised its battery."},
	}
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := entryOf(r, "On June 7, Moreau")
	if e := entryOf(r, "At the Lyon trade fair, Moreau"); e == old {
		t.Errorf("this year's introduction joined last year's: %+v", e)
	}
	if e := entryOf(r, "When Moreau first"); e != old {
		t.Errorf("the look back is not on last year's introduction: %+v", e)
	}
}
