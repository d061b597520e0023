package errtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	long := strings.Repeat("é", 100) // two bytes each: 64 falls between characters
	got := Clip(long)
	if !strings.HasSuffix(got, `"...`) || !utf8.ValidString(got) || len(got) > 80 {
		t.Errorf("Clip(long) = %q", got)
	}
	if got := Clip("x"); got != `"x"` {
		t.Errorf(`Clip("x") = %s`, got)
	}
	if got := Clip("a\nb"); got != `"a\nb"` {
		t.Errorf(`Clip("a\nb") = %s`, got)
	}
}
