package evaluate

import "testing"

func TestCanonicalValue(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2011-11-26-WXX-6", "2011-11-26"},
		{"2014-04-26-WXX-6T16:30", "2014-04-26T16:30"},
		{"2012-06-15-WXX-5TNI", "2012-06-15TNI"},
		{"2014-XX-XX", "2014"},
		{"2013-11-3", "2013-11-03"},
		{"2013-10-W41", "2013-W41"},
		{"2014-07-W27", "2014-W27"},
		{"2012-05-15T:07:30", "2012-05-15T07:30"},
		{"2013-03-20T7:30", "2013-03-20T07:30"},
		{"XXXX-WE", "XXXX-WXX-WE"},
		// Already canonical, or not a calendar value: unchanged.
		{"2021-03-17", "2021-03-17"},
		{"2021-W11-WE", "2021-W11-WE"},
		{"XXXX-WXX-5", "XXXX-WXX-5"},
		{"XXXX-XX-XX", "XXXX-XX-XX"},
		{"1990-XX", "1990-XX"},
		{"P1D", "P1D"},
		{"PRESENT_REF", "PRESENT_REF"},
		{"2014 INTERSECT P1D", "2014 INTERSECT P1D"},
		{"2013-03-20T22:00+0730", "2013-03-20T22:00+0730"},
	} {
		if got := CanonicalValue(c.in); got != c.want {
			t.Errorf("CanonicalValue(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := CanonicalValue(c.want); got != c.want {
			t.Errorf("CanonicalValue(%q) = %q, not idempotent", c.want, got)
		}
	}
}
