package timeline

import (
	"context"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// TestSameDayOtherDeeds: two articles of one day whose leads name the same
// person but tell other deeds of hers are two entries; the same deed told
// in other words ("quit") stays one.
func TestSameDayOtherDeeds(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2019, 5, 14),
		"Maria Lindqvist resigned as chairman.",
		"Maria Lindqvist opened a bakery.")
	if a, b := entryOf(r, "Maria Lindqvist resigned"), entryOf(r, "Maria Lindqvist opened"); a == nil || a == b {
		t.Errorf("two deeds of one day are one entry: %+v", a)
	}
	r = buildTexts(t, dates.NewDate(2019, 5, 14),
		"Maria Lindqvist resigned as chairman.",
		"Maria Lindqvist quit as chairman.")
	if a, b := entryOf(r, "Maria Lindqvist resigned"), entryOf(r, "Maria Lindqvist quit"); a == nil || a != b {
		t.Errorf("one deed told two ways is two entries: %+v, %+v", a, b)
	}
}

// TestSameDayOtherActors: the same deed done to the same thing on one day
// by other actors ("Cyprus condemned", "Iran condemned") is two events;
// one told by two actors of whom one sentence names the other ("Apple
// announced", "Jobs said Apple will") stays one.
func TestSameDayOtherActors(t *testing.T) {
	r := buildTexts(t, dates.NewDate(1998, 8, 9),
		"The Cypriot government Saturday strongly condemned two bomb attacks in Zambia and Malawi, calling them an atrocious crime. Police in Lusaka made no arrests.",
		"Iran Saturday condemned the bombing of embassies in Zambia and Malawi, and expressed sympathy for the families of the victims. A spokesman said that Iran condemns any such acts.")
	if a, b := entryOf(r, "The Cypriot"), entryOf(r, "Iran"); a == nil || a == b {
		t.Errorf("two actors' statements are one entry: %+v", a)
	}
	r = buildTexts(t, dates.NewDate(2010, 7, 17),
		"Globex announced on Friday that it will give owners of the Zephyr phone a free case.",
		"Jobs said on Friday that Globex will offer a free case to every owner of the Zephyr phone.")
	if a, b := entryOf(r, "Globex announced"), entryOf(r, "Jobs said"); a == nil || a != b {
		t.Errorf("one announcement told with two speakers is two entries: %+v, %+v", a, b)
	}
}

// TestOtherActors checks the actor comparison on frames of sentences.
func TestOtherActors(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Cyprus condemned the attacks.", "Iran condemned the bombing.", true},
		{"Cyprus condemned the attacks.", "Cyprus denounced the bombing.", false},
		{"Globex announced a free case.", "Jobs said Globex will offer a free case.", false},
		{"Globex announced a free case.", "The company will offer a free case.", false}, // no actor named
	} {
		a, b := frameCandidate(tt.a), frameCandidate(tt.b)
		if got := otherActors(a, b, nil); got != tt.want {
			t.Errorf("otherActors(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestOtherDeeds checks the deed comparison on frames of sentences.
func TestOtherDeeds(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Lindqvist resigned as chairman.", "Lindqvist opened a bakery.", true},
		{"Lindqvist resigned as chairman.", "Lindqvist quit the board.", false},         // one class
		{"Lindqvist resigned as chairman.", "Her resignation surprised Globex.", false}, // the noun of the deed
		{"Lindqvist resigned as chairman.", "The chairman of Globex is Lindqvist.", false},
	} {
		a, b := frameCandidate(tt.a), frameCandidate(tt.b)
		if got := otherDeeds(a, b); got != tt.want {
			t.Errorf("otherDeeds(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// frameCandidate returns a candidate told by the whole of text: its frame,
// names and tokens.
func frameCandidate(text string) *candidate {
	ws := readFrameWords(nil, text)
	toks := tokenize(text)
	for i := range toks {
		toks[i].clause = true
	}
	var names []uint64
	for _, w := range ws {
		if w.name {
			names = append(names, w.id)
		}
	}
	return &candidate{event: &event{frame: frameOf(ws, 0, len(text)), tokens: toks, names: names}}
}

// TestSinceMonthOnDay: "on medical leave since January" in a later
// article is placed on the day another article tells the leave began,
// though that article tells the day's event in several entries of its
// own ("announced Monday", "Monday's memo"), and though the two articles
// share only a few of their many names.
func TestSinceMonthOnDay(t *testing.T) {
	as := []Article{
		{ID: "a", Published: dates.NewDate(2011, 1, 17), Text: "Anna Berg, the chief executive of Globex Corp., announced Monday in a memo to staff that she would go on medical leave. " +
			"Monday's memo marked the second time that Berg has taken medical leave. " +
			"Berg said Peter Holm would run the company from Frankfurt while she is away. " +
			"Globex shares fell in Tokyo and London after the news."},
		{ID: "b", Published: dates.NewDate(2011, 8, 25), Text: "Anna Berg has stepped down as chief executive of Globex Corp., the company said on Thursday. " +
			"Berg has been on medical leave since January of this year. " +
			"Peter Holm, who ran the company in her absence, will succeed her. " +
			"Analysts in New York, Boston, Chicago and Zurich said Holm, a former Siemens and Bosch manager, was a safe choice for Frankfurt."},
	}
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := entryOf(r, "Anna Berg, the chief"), entryOf(r, "Berg has been on medical leave"); a == nil || a != b {
		t.Errorf("the leave since January is not on the day it began: %+v, %+v", a, b)
	}
}
