package timeline

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/timelined/timelined/internal/dates"
)

// globexStory is an invented collection about one company: every
// article names Globex and its chief executive, Hal Brenner, so these
// names are common to the collection and relate no two articles. Other
// names (a town, an analyst, a product) are each in one article.
func globexStory() []Article {
	day := func(m time.Month, d int) dates.Date { return dates.NewDate(2011, m, d) }
	texts := []struct {
		pub  dates.Date
		text string
	}{
		{day(1, 10), "Globex opened a new factory in Tilburg on Friday. Hal Brenner, the chief executive of Globex, cut the ribbon."},
		{day(1, 24), "Globex said on Thursday that quarterly sales rose by a tenth. Hal Brenner told investors in Oslo that Globex expects more growth."},
		{day(2, 7), "Globex was sued on Friday by a supplier from Leeds over unpaid invoices. Hal Brenner declined to comment on the Globex case."},
		{day(2, 21), "Globex unveiled the Zephyr tablet on Wednesday. Hal Brenner showed the Globex tablet to reporters in Lyon."},
		{day(3, 7), "Hal Brenner, the chief executive of Globex, resigned on Friday, citing his pancreatic cancer and a liver transplant. Analyst Ruth Okafor called the Globex news sad."},
		{day(3, 8), "Globex said its longtime leader Hal Brenner stepped down on Friday after a liver transplant and a fight with pancreatic cancer. Shares of Globex fell in Frankfurt."},
		{day(3, 21), "Globex hired a new auditor on Monday. Hal Brenner had praised the Globex auditors in Denver."},
		{day(4, 4), "Globex closed a warehouse in Turku on Thursday. Hal Brenner had opened the Globex warehouse."},
		{day(4, 18), "Globex bought a startup from Porto on Tuesday. Hal Brenner had backed the Globex deal."},
		{day(5, 2), "Globex recalled ten thousand chargers on Friday because of overheating lithium cells. Hal Brenner had approved the Globex chargers made in Busan."},
		{day(5, 16), "Globex raised its dividend on Wednesday. Hal Brenner had long wanted Globex to pay more to holders in Zurich."},
		{day(5, 30), "Globex settled a patent dispute with Initech on Monday. Hal Brenner had started the Globex dispute in Austin."},
		{day(6, 13), "Globex paid compensation on Monday to buyers of its overheating lithium chargers. Hal Brenner had apologised to Globex customers in Kyoto."},
	}
	var as []Article
	for i, t := range texts {
		as = append(as, Article{ID: fmt.Sprintf("g%02d", i), Published: t.pub, Text: t.text})
	}
	return as
}

// TestSameEventNoUncommonName: in a collection about one company, two
// articles that tell its chief executive's resignation in other words and
// share no name but the collection's common ones ("Globex", "Hal
// Brenner") are one entry; the company's other deeds stay apart, also
// those of two articles that share rare words ("overheating lithium
// chargers": a recall, and compensation weeks later).
func TestSameEventNoUncommonName(t *testing.T) {
	as := globexStory()
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, as, r)
	a, b := entryOf(r, "Hal Brenner, the chief executive of Globex, resigned"), entryOf(r, "Globex said its longtime leader")
	if a == nil || a != b {
		t.Errorf("one resignation told by two articles is two entries: %+v, %+v", a, b)
	}
	seen := map[*Entry]string{}
	for _, p := range []string{"Globex opened", "Globex said on Thursday", "Globex was sued", "Globex unveiled", "Hal Brenner, the chief executive of Globex, resigned", "Globex hired", "Globex closed", "Globex bought", "Globex recalled", "Globex raised", "Globex settled", "Globex paid"} {
		e := entryOf(r, p)
		if e == nil {
			t.Errorf("no entry cites %q", p)
			continue
		}
		if q, ok := seen[e]; ok {
			t.Errorf("%q and %q are one entry: %q", q, p, e.Summary)
		}
		seen[e] = p
	}
}
