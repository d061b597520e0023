package dates

import (
	"fmt"
	"testing"
)

var testRef = Date{2021, 3, 22}

// TestRuleExamples runs the examples written beside each rule.
func TestRuleExamples(t *testing.T) {
	for _, ru := range rules {
		for _, ex := range ru.examples {
			t.Run(ru.name+"/"+ex.text, func(t *testing.T) {
				ms := Resolve(ex.text, Options{Reference: testRef})
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
