package sentences

import (
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "Mr. Smith met Gen. Milley on Jan. 26 in Washington, D.C. on a Friday. He left.",
			[]string{"Mr. Smith met Gen. Milley on Jan. 26 in Washington, D.C. on a Friday.", "He left."}},
		{"initialism then sentence", "He flew to the U.S. The talks failed.",
			[]string{"He flew to the U.S.", "The talks failed."}},
		{"initialism in sentence", "The U.S. President spoke.", []string{"The U.S. President spoke."}},
		{"initials", "John F. Kennedy was shot. Then what?", []string{"John F. Kennedy was shot.", "Then what?"}},
		{"quotes", `"It was a bomb," he said. “We left.” She agreed.`,
			[]string{`"It was a bomb," he said.`, "“We left.”", "She agreed."}},
		{"paragraphs", "First line without stop\n\nSecond line.", []string{"First line without stop", "Second line."}},
		{"glued", "a new report.Asked if he agreed, he nodded.", []string{"a new report.", "Asked if he agreed, he nodded."}},
		{"lower after period", "It rose 3.5 percent. Then fell.", []string{"It rose 3.5 percent.", "Then fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tt.text, nil) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHoles(t *testing.T) {
	text := "Biden took a tougher line than Trump and a host of other namesJUNK HERE, agreeing last week that he was a killer.\n\nNext."
	js := strings.Index(text, "JUNK")
	junk := []Span{{js, js + len("JUNK HERE")}}
	ss := Split(text, junk)
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2 (junk inside a sentence does not split it)", len(ss))
	}
	s := &ss[0]
	if got, want := s.Text(text), "Biden took a tougher line than Trump and a host of other names, agreeing last week that he was a killer."; got != want {
		t.Errorf("Text\n got  %q\n want %q", got, want)
	}
	at := strings.Index(text, "last week")
	r := s.Run(text, at)
	if got, want := text[r.Start:r.End], "agreeing last week that he was a killer."; got != want {
		t.Errorf("Run holding the date\n got  %q\n want %q", got, want)
	}
	if got := s.ToClean(at); s.Text(text)[got:got+len("last week")] != "last week" {
		t.Errorf("ToClean(%d) = %d does not point at the date", at, got)
	}
	if r := s.Run(text, -1); text[r.Start:r.End] != "Biden took a tougher line than Trump and a host of other names" {
		t.Errorf("longest run %q", text[r.Start:r.End])
	}
	if ss[0].Para != 0 || ss[1].Para != 1 {
		t.Errorf("paragraphs %d, %d; want 0, 1", ss[0].Para, ss[1].Para)
	}
}

func TestParagraphs(t *testing.T) {
	text := "  First line \n\n\t\nSecond\r\nThird"
	var got []string
	for _, p := range Paragraphs(text) {
		got = append(got, text[p.Start:p.End])
	}
	if want := []string{"First line", "Second", "Third"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRunOnIsCut(t *testing.T) {
	unit := "Biden spoke on Friday, and aides met in the weekend, "
	text := strings.Repeat(unit, 3*MaxSentenceBytes/len(unit)) + "end."
	ss := Split(text, nil)
	if len(ss) < 3 {
		t.Fatalf("got %d pieces, want at least 3", len(ss))
	}
	for _, s := range ss {
		if s.End-s.Start > MaxSentenceBytes {
			t.Errorf("piece of %d bytes", s.End-s.Start)
		}
	}
}
