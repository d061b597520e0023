package timeline

import (
	"regexp"
	"strings"
	"testing"
)

// The hand-written scanners must give what the expressions and library
// calls they replace give.

func TestJoinWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\u00a0d ", "one, two; three: four", "x y z,;: w", "α β  γ", "a b c, d", "a b c,, d e"} {
		for max := 1; max < 6; max++ {
			words := strings.Fields(s)
			if len(words) > max {
				words = words[:max]
				words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",;:") + " …"
			}
			if got, want := joinWords(s, max), strings.Join(words, " "); got != want {
				t.Errorf("joinWords(%q, %d) = %q, want %q", s, max, got, want)
			}
		}
	}
}

func TestWordList(t *testing.T) {
	texts := []string{"", "He said so.", "SAID", "unsaid words", "said_x", "x said", "the proposals were",
		"a counter-offer", "Planned", "plan9", "iſſued a statement", "the \u212aelvin said", "é said é", "saidé"}
	for _, tt := range []struct {
		alternatives string
		fold         bool
	}{
		{reportingVerbs, false},
		{reportingVerbs + `|is|are|has|have`, true},
		{`proposal|proposals|offer|offered|plan|planned`, true},
	} {
		l := newWordList(tt.alternatives, tt.fold)
		flags := ""
		if tt.fold {
			flags = "(?i)"
		}
		re := regexp.MustCompile(flags + `\b(?:` + tt.alternatives + `)\b`)
		for _, s := range texts {
			want := re.FindStringIndex(s)
			i, j := l.index(s)
			if (want == nil) != (i < 0) || want != nil && (want[0] != i || want[1] != j) {
				t.Errorf("index(%q) = %d, %d, want %v (%s)", s, i, j, want, re)
			}
		}
	}
}

func TestEndsWithThe(t *testing.T) {
	for _, s := range []string{"", "the", "The", "THE", "x the", "xthe", "at The", "he", " the", "é the", "éthe"} {
		lower := strings.ToLower(s)
		if got, want := endsWithThe(s), lower == "the" || strings.HasSuffix(lower, " the"); got != want {
			t.Errorf("endsWithThe(%q) = %v, want %v", s, got, want)
		}
	}
}
