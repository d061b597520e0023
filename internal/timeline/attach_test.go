package timeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// buildStory builds invented articles, one text per publication day.
func buildStory(t *testing.T, pubs []dates.Date, texts []string) *Result {
	t.Helper()
	var as []Article
	for i, text := range texts {
		as = append(as, Article{ID: fmt.Sprintf("a%d", i), Published: pubs[i], Text: text})
	}
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, as, r)
	return r
}

// TestUndatedReportOnYear: an undated past report ("while she
// underwent kidney transplant surgery", dated only by its publication
// day) joins the event a related article dates with a year ("later
// disclosing that she had undergone a kidney transplant", in a sentence
// that dates two events), and so with a month: the same deed to the same
// rare thing. The entry keeps the year (month), the date written nearest
// before the deed.
func TestUndatedReportOnYear(t *testing.T) {
	day := dates.NewDate
	for _, tc := range []struct{ when, value string }{{"in 2008", "2008"}, {"in March 2008", "2008-03"}} {
		r := buildStory(t, []dates.Date{day(2010, 3, 2), day(2010, 9, 14)}, []string{
			"Mira Castell, the founder of Vantor, said on Monday that Oskar Lind would run Vantor for a while. " +
				"Castell fought a rare anemia in 2007 and stayed away from Vantor " + tc.when + ", later disclosing that she had undergone a kidney transplant.",
			"Mira Castell stepped down as chief of Vantor on Tuesday. " +
				"Her deputy stood in for her while she underwent kidney transplant surgery.",
		})
		a, b := entryOf(r, "Castell fought a rare anemia"), entryOf(r, "Her deputy stood in")
		if b == nil || b.Value != tc.value {
			t.Fatalf("%s: the undated transplant report is not on the %s event: %+v (year-dated entry: %+v)", tc.when, tc.value, b, a)
		}
		if len(b.Citations) != 2 {
			t.Errorf("%s: the %s entry cites %d quotes, want the two articles': %+v", tc.when, tc.value, len(b.Citations), b.Citations)
		}
	}
}

// TestUndatedReportNotOnYear: undated past reports stay off year-dated
// events of related articles when the deed recurs (a yearly conference,
// told as "annual", or told with each year's date by several articles,
// so that its words are not rare) or is another deed done to the same
// thing (chargers recalled in 2009, replaced now).
func TestUndatedReportNotOnYear(t *testing.T) {
	day := dates.NewDate
	for _, tc := range []struct {
		name   string
		pubs   []dates.Date
		texts  []string
		report string // the undated report, of the last article
	}{
		{
			name: "annual conference",
			pubs: []dates.Date{day(2010, 2, 1), day(2011, 6, 10)},
			texts: []string{
				"Globex opened its annual developer conference in Lyon in 2009, where Hal Brenner showed the Zephyr tablet.",
				"Globex opened its developer conference in Lyon. Hal Brenner showed the Zephyr phone there.",
			},
			report: "Globex opened its developer conference in Lyon.",
		},
		{
			name: "conference told every year",
			pubs: []dates.Date{day(2010, 1, 15), day(2011, 1, 14), day(2011, 6, 10)},
			texts: []string{
				"Hal Brenner of Globex looked back on the year in Oslo. Globex opened its developer conference in Lyon in 2009.",
				"Hal Brenner of Globex looked back on the year in Oslo. Globex opened its developer conference in Lyon in 2010.",
				"Globex opened its developer conference in Lyon. Hal Brenner of Globex showed a phone in Oslo.",
			},
			report: "Globex opened its developer conference in Lyon.",
		},
		{
			name: "another deed",
			pubs: []dates.Date{day(2010, 3, 1), day(2011, 4, 4)},
			texts: []string{
				"Globex recalled its Zephyr lithium chargers in 2009 after fires in Busan, Hal Brenner said on Monday.",
				"Globex replaced its Zephyr lithium chargers made in Busan. Hal Brenner spoke in Seoul on Monday.",
			},
			report: "Globex replaced its Zephyr lithium chargers",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildStory(t, tc.pubs, tc.texts)
			e := entryOf(r, tc.report)
			if e == nil {
				t.Fatalf("no entry cites %q", tc.report)
			}
			if e.StartDate.Before(tc.pubs[len(tc.pubs)-1].AddDays(-recentDays)) {
				t.Errorf("%q placed on %s, years before its publication day: %+v", tc.report, e.Value, e.Citations)
			}
		})
	}
}
