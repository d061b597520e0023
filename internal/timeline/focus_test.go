package timeline

import (
	"context"
	"slices"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// TestFocusMentions checks, sentence by sentence, which sentences of an
// article an entity takes part in: each case is one rule of focus.go,
// with the sentences that show it.
func TestFocusMentions(t *testing.T) {
	for _, tc := range []struct {
		rule   string
		entity string
		// others are sentences of other articles of the collection,
		// read for what the entity is called and its models.
		others []string
		text   []string
		want   []bool
	}{
		{
			rule:   "a name a chunk reads is judged there, not again as lower-case words",
			entity: "Zorb 7",
			text:   []string{"Acme unveiled the Zorb 7 on Monday.", "Zorb 7 users complained about the battery."},
			want:   []bool{true, false},
		},
		{
			rule:   "more name words after the name make another name",
			entity: "Zorb",
			text:   []string{"Acme released the Zorb in 2004.", "The Zorb Mini followed a year later.", "Zorb Inc. was sold."},
			want:   []bool{true, false, true},
		},
		{
			rule:   "a word written capitalised after the name elsewhere makes a model",
			entity: "Zorb",
			others: []string{"Reviewers liked the Zorb Flex."},
			text:   []string{"Acme released the Zorb in 2004.", "The Zorb flex has a bendable screen.", "The Zorb sold well."},
			want:   []bool{true, false, true},
		},
		{
			rule:   "the name's words in another order",
			entity: "Phone 5G",
			text:   []string{"Acme shipped the 5G Phone on Monday."},
			want:   []bool{true},
		},
		{
			rule:   "a thing's plural",
			entity: "Zorb",
			text:   []string{"Zorbs sold in Spain are cheaper.", "Acme makes Zorbes."},
			want:   []bool{true, false},
		},
		{
			rule:   "a code ending in S is no plural",
			entity: "Zorb 3G",
			text:   []string{"Acme sold the Zorb 3G.", "The 3GS was faster."},
			want:   []bool{true, false},
		},
		{
			rule:   "a short form holds the head: the owner's or family's name alone is not the entity",
			entity: "Rivers Harbor Records",
			text: []string{"The Rivers' label Harbor Records sued Acme Records on Monday.",
				"Harbor Records lost the case.", "The Rivers played in Oslo.", "Acme appealed."},
			want: []bool{true, true, false, false},
		},
		{
			rule:   "a versioned name's family is no short form, but 'the new' family name just after is a reference",
			entity: "Zorb 7",
			text: []string{"Acme unveiled the Zorb 7 on Monday.", "The new Zorb was praised by critics.",
				"Acme said sales were strong.", "Acme said prices were low.", "The original Zorb was slower."},
			want: []bool{true, true, false, false, false},
		},
		{
			rule:   "a person goes by a first name alone",
			entity: "Ada Vance",
			text:   []string{"CEO Ada Vance resigned on Monday.", "Ada built the company."},
			want:   []bool{true, true},
		},
		{
			rule:   "a name that qualifies people or a range is in passing",
			entity: "Zorb",
			text:   []string{"The Zorb launched on Monday.", "Zorb owners praised it.", "The Zorb range grew.", "Zorb sales rose."},
			want:   []bool{true, false, false, true},
		},
		{
			rule:   "a possessor is in passing unless it owns an event",
			entity: "Ada Vance",
			text: []string{"Ada Vance spoke on Monday.", "Critics described Ada Vance's health.",
				"Critics praised Ada Vance's resignation.", "Critics read Ada Vance's email."},
			want: []bool{true, false, true, true},
		},
		{
			rule:   "a reference that owns a thing is in passing",
			entity: "Zorb 7",
			text:   []string{"Acme unveiled the Zorb 7 on Monday.", "Critics liked the device's screen.", "The device has two cameras."},
			want:   []bool{true, false, true},
		},
		{
			rule:   "a name that places a person is in passing",
			entity: "Harbor Records",
			text:   []string{"Harbor Records sued Acme.", "\"We are glad,\" said Bo Lind, manager of Harbor Records."},
			want:   []bool{true, false},
		},
		{
			rule:   "a name after a preposition of place or medium is where the event happens",
			entity: "Quix Store",
			text: []string{"Acme opened the Quix Store on Monday.", "Films will be sold via the online Quix Store.",
				"Songs are on the Quix Store.", "In 2004 the Quix Store sold a billion songs."},
			want: []bool{true, false, false, true},
		},
		{
			rule:   "a pronoun after a place's preposition and a year takes part",
			entity: "Ada Vance",
			text:   []string{"CEO Ada Vance founded Acme.", "In 1986 she bought Quix."},
			want:   []bool{true, true},
		},
		{
			rule:   "a pronoun is checked when the sentence names the entity only in passing",
			entity: "Ada Vance",
			text:   []string{"Ada Vance spoke on Monday.", "She left Bo Lind in charge during Ada Vance's absences."},
			want:   []bool{true, true},
		},
		{
			rule:   "a reference noun is one the articles call the entity by, when they call it by any",
			entity: "Zorb",
			others: []string{"Acme makes the Zorb music player."},
			text: []string{"Acme launched the Zorb and the Quix Store on Monday.", "The store sold songs.",
				"The player sold well."},
			want: []bool{true, false, true},
		},
		{
			rule:   "a noun of another name is that name's",
			entity: "Zorb",
			text:   []string{"Acme launched the Zorb and the Quix Store on Monday.", "The store sold songs."},
			want:   []bool{true, false},
		},
		{
			rule:   "a modifier before a reference noun makes a new description",
			entity: "Harbor Records",
			text:   []string{"Harbor Records sued Acme.", "The music business was surprised.", "The company won."},
			want:   []bool{true, false, true},
		},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			focus := []focusEntity{newFocusEntity(tc.entity)}
			learnFocus([][]string{tc.text, tc.others}, focus)
			masks, _ := focusMasks(tc.text, focus)
			for i, want := range tc.want {
				if got := masks[i] != 0; got != want {
					t.Errorf("%q: takes part %v, want %v", tc.text[i], got, want)
				}
			}
		})
	}
}

// TestFocusClauses checks that a sentence telling events of two dates
// gives each entity the date of its own side.
func TestFocusClauses(t *testing.T) {
	pub := dates.NewDate(2011, 10, 6)
	as := []Article{{ID: "a", Published: pub, Text: "Acme Corp was founded by Ada Vance in 1976, " +
		"and launched the Zorb Store in 2003. The Zorb Store was renamed in 2006, replacing the 1999 agreement."}}
	for entity, want := range map[string][]string{
		"Ada Vance":  {"1976"},
		"Zorb Store": {"2003", "2006"},
	} {
		r, err := Build(context.Background(), as, Options{Focus: []string{entity}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range append(r.Entries, r.Background...) {
			got = append(got, e.Value)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: entries %v, want %v", entity, got, want)
		}
	}
}
