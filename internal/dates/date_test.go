package dates

import (
	"fmt"
	"testing"
	"time"
)

func TestDateString(t *testing.T) {
	for _, d := range []Date{
		{1, time.January, 1}, {999, time.December, 31}, {2021, time.March, 22},
		{9999, time.December, 31}, {2024, time.February, 29}, {10000, time.January, 1}, {-5, time.May, 3},
	} {
		want := fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		if d.Year < 1 { // before the era, as TimeML writes it: -5 is 6 BC
			want = fmt.Sprintf("BC%04d-%02d-%02d", 1-d.Year, int(d.Month), d.Day)
		}
		if got := d.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
		if _, err := ParseDate(d.String()); (err == nil) != (d.Year >= MinYear && d.Year <= MaxYear) {
			t.Errorf("ParseDate(%q): %v", d.String(), err)
		}
	}
	if s := (Date{}).String(); s != "" {
		t.Errorf("zero Date = %q, want empty", s)
	}
}
