package dates

import (
	"strings"
	"testing"
)

// TestLooksColloquial checks which texts sent as news are read as posts.
func TestLooksColloquial(t *testing.T) {
	for _, c := range []struct {
		text string
		post bool
	}{
		{"Had a fun day at Changi with @jane #volunteer", true},
		{"feels good to be home after a very long day in school.", true},
		{"Catch us this Sat, 430pm at Vivo!! Free entry.", true},
		{"Olivia Briggs Wins 2012 Jane Chambers Award http://t.co/Mx1", true},
		{"Mr Bean pancake for breakfast made my day :)", true},
		{"HAPPY FRIDAY NIGHT EVERYONE GO OUT", true},
		{"Feels like taking MC tmr... At least for once", true},
		// Edited news, however short, and any text longer than a post.
		{"The ministry said Monday that Biden refused talks on Friday.", false},
		{"Note: Paris talks resume Friday.", false},
		{"Write to press@example.com by March 3.", false},
		{"U.S. OFFICIALS MET.", false},
		{"lol " + strings.Repeat("The talks resumed on Friday. ", 30), false},
	} {
		if got := looksColloquial(c.text); got != c.post {
			t.Errorf("looksColloquial(%q) = %v, want %v", c.text, got, c.post)
		}
	}
	// A post sent as news is read as one: "what a night" is that night.
	ms := Resolve("what a night, see u all tmr!", Options{Reference: testRef})
	if len(ms) == 0 || ms[0].Text != "night" || ms[0].Value != "2021-03-22TNI" {
		t.Errorf("a post sent as news: %s, want night = 2021-03-22TNI", dump(ms))
	}
}
