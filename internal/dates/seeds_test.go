package dates

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedArticles is the acceptance table of issue 2: every date
// expression of the five seed articles (published Monday 2021-03-22)
// resolves as a reader of the story would resolve it.
func TestSeedArticles(t *testing.T) {
	var manifest struct {
		Articles []struct {
			ID            string `json:"id"`
			File          string `json:"file"`
			PublishedDate string `json:"published_date"`
		} `json:"articles"`
	}
	dir := filepath.Join("..", "..", "testdata", "articles")
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Fatalf("parse manifest: %v", err)
	}
	got := map[string][]Mention{} // by article id prefix ("000")
	texts := map[string]string{}
	for _, a := range manifest.Articles {
		ref, err := ParseDate(a.PublishedDate)
		if err != nil {
			t.Fatalf("article %s: %v", a.ID, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatalf("read %s: %v", a.File, err)
		}
		got[a.ID[:3]] = Resolve(string(text), Options{Reference: ref})
		texts[a.ID[:3]] = string(text)
	}
	tests := []struct {
		article, text, value string
		typ                  Type
	}{
		{"000", "March 18", "2021-03-18", TypeDate},
		{"000", "March 22", "2021-03-22", TypeDate},
		{"000", "the weekend", "2021-W11-WE", TypeDate},
		{"000", "Friday, March 19", "2021-03-19", TypeDate},
		{"000", "Monday, March 22", "2021-03-22", TypeDate},
		{"000", "Friday", "2021-03-19", TypeDate},
		{"000", "January 26", "2021-01-26", TypeDate},
		{"000", "six days", "P6D", TypeDuration},
		{"001", "March 19", "2021-03-19", TypeDate},
		{"001", "22, 2021", "2021-03-22", TypeDate},
		{"001", "Friday", "2021-03-19", TypeDate},
		{"001", "last week", "2021-W11", TypeDate},
		{"001", "March 17", "2021-03-17", TypeDate},
		{"001", "2020", "2020", TypeDate},
		{"001", "Wednesday", "2021-03-17", TypeDate},
		{"001", "Sunday", "2021-03-21", TypeDate},
		{"001", "Jan. 26", "2021-01-26", TypeDate},
		{"001", "five years", "P5Y", TypeDuration},
		{"002", "Monday", "2021-03-22", TypeDate},
		{"002", "March 19", "2021-03-19", TypeDate},
		{"002", "22", "2021-03-22", TypeDate},
		{"002", "last week", "2021-W11", TypeDate},
		{"002", "Last Thursday", "2021-03-18", TypeDate},
		{"003", "December 19, 2019", "2019-12-19", TypeDate},
		{"003", "March 11, 2021", "2021-03-11", TypeDate},
		{"003", "March 17, 2021", "2021-03-17", TypeDate},
		{"003", "Monday", "2021-03-22", TypeDate},
		{"003", "last week", "2021-W11", TypeDate},
		{"003", "Friday", "2021-03-19", TypeDate},
		{"003", "Wednesday", "2021-03-17", TypeDate},
		{"004", "Sunday, March 21, 2021", "2021-03-21", TypeDate},
		{"004", "the weekend", "2021-W11-WE", TypeDate},
		{"004", "Monday", "2021-03-22", TypeDate},
		{"004", "last Wednesday", "2021-03-17", TypeDate},
		{"004", "Friday", "2021-03-19", TypeDate},
		{"004", "Thursday", "2021-03-18", TypeDate},
		{"004", "Last week", "2021-W11", TypeDate},
		{"004", "2014", "2014", TypeDate},
	}
	for _, tc := range tests {
		found := false
		for _, m := range got[tc.article] {
			if m.Text != tc.text {
				continue
			}
			found = true
			if m.Value != tc.value || m.Type != tc.typ {
				t.Errorf("article %s: %q = %s %s, want %s %s (%s)", tc.article, tc.text, m.Type, m.Value, tc.typ, tc.value, m.Explanation)
			}
		}
		if !found {
			t.Errorf("article %s: no mention %q", tc.article, tc.text)
		}
	}
	for id, ms := range got {
		for _, m := range ms {
			if strings.Contains(m.Text, "year-old") || strings.EqualFold(m.Text, "overnight") {
				t.Errorf("article %s: %q is not a date but got %s", id, m.Text, m.Value)
			}
			if m.Text != texts[id][m.Start:m.End] {
				t.Errorf("article %s: mention text %q does not match its span", id, m.Text)
			}
		}
	}
}
