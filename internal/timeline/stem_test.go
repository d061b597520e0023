package timeline

import "testing"

// TestStem checks that the forms one event is told with meet, and that
// words that differ stay apart.
func TestStem(t *testing.T) {
	stem := func(w string) string { return string(stemBytes([]byte(w))) }
	for _, group := range [][]string{
		{"refused", "refuses", "refusal", "refuse"},
		{"russian", "russia", "russians"},
		{"explosion", "explode", "explodes", "exploded"},
		{"decision", "decide", "decisions"},
		{"invasion", "invade", "invaded"},
		{"announced", "announces", "announce"},
		{"introduced", "introducing", "introduces"},
		{"talks", "talk"},
		{"companies", "company"},
		{"ambassador's", "ambassador"},
		{"sanctions", "sanction"},
	} {
		for _, w := range group[1:] {
			if a, b := stem(group[0]), stem(w); a != b {
				t.Errorf("%q -> %q but %q -> %q: want one stem", group[0], a, w, b)
			}
		}
	}
	for _, pair := range [][2]string{{"press", "pres"}, {"bus", "bu"}, {"union", "unit"}} {
		if a, b := stem(pair[0]), stem(pair[1]); a == b {
			t.Errorf("%q and %q both -> %q: want them apart", pair[0], pair[1], a)
		}
	}
	// Short words keep their endings: "is" is not "i", "bed" not "b".
	for _, w := range []string{"is", "bed", "gas", "red"} {
		if got := stem(w); got != w {
			t.Errorf("%q -> %q, want it unchanged", w, got)
		}
	}
}
