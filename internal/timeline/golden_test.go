package timeline

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timelined/timelined/internal/dates"
)

var update = flag.Bool("update", false, "rewrite the golden chronologies in testdata/")

// render writes a chronology as the readable text the golden files hold.
func render(r *Result, withPublications bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "window %s .. %s\n", r.WindowStart, r.WindowEnd)
	if withPublications {
		b.WriteString("\npublished\n")
		for _, p := range r.Articles {
			fmt.Fprintf(&b, "  %s  %s  inferred=%v  %s\n", p.ArticleID, p.Date, p.Inferred, p.Basis)
		}
	}
	section := func(name string, es []Entry) {
		fmt.Fprintf(&b, "\n%s (%d)\n", name, len(es))
		for _, e := range es {
			kind := ""
			if e.Kind == Planned {
				kind = " [planned]"
			}
			fmt.Fprintf(&b, "\n%-12s%s %s\n", e.Value, kind, e.Summary)
			for _, c := range e.Citations {
				caption := ""
				if c.Caption {
					caption = " (caption)"
				}
				fmt.Fprintf(&b, "    - %s %q -> %s%s: %s\n", c.ArticleID, c.Expression, c.Value, caption, c.Quote)
			}
			for _, c := range e.Conflicts {
				fmt.Fprintf(&b, "    ! conflict %s: %s\n", c.Value, c.Note)
			}
		}
	}
	section("entries", r.Entries)
	section("background", r.Background)
	return b.String()
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("chronology differs from %s (rerun with -update after checking):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only one side has.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	in := func(ls []string) map[string]int {
		m := map[string]int{}
		for _, l := range ls {
			m[l]++
		}
		return m
	}
	wm, gm := in(wl), in(gl)
	var b strings.Builder
	for _, l := range wl {
		if gm[l] == 0 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range gl {
		if wm[l] == 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	if b.Len() == 0 {
		return "(same lines in another order)\n"
	}
	return b.String()
}

// loadStory loads a folder of articles from the repository's testdata.
func loadStory(t testing.TB, dir string) []Article {
	t.Helper()
	as, err := LoadArticles(filepath.Join("..", "..", "testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// withoutDates returns a copy of as with the publication dates left out.
func withoutDates(as []Article) []Article {
	out := append([]Article(nil), as...)
	for i := range out {
		out[i].Published = dates.Date{}
	}
	return out
}

// storyTests are the multi-article stories with a reviewed chronology.
// inferable says whether the texts carry the evidence to infer their
// publication dates (the TBAQ texts never write the year).
var storyTests = []struct {
	name, dir, golden string
	inferable         bool
}{
	{"seeds", "articles", "seeds.chronology.golden", true},
	{"embassy bombings 1998", "tbaq/embassy-bombings-1998", "tbaq/embassy-bombings-1998.chronology.golden", false},
	{"nato enlargement 1999", "tbaq/nato-enlargement-1999", "tbaq/nato-enlargement-1999.chronology.golden", false},
	{"clinic doctor shooting 1998", "tbaq/clinic-doctor-shooting-1998", "tbaq/clinic-doctor-shooting-1998.chronology.golden", false},
}

func TestGoldenChronologies(t *testing.T) {
	for _, st := range storyTests {
		t.Run(st.name, func(t *testing.T) {
			as := loadStory(t, st.dir)
			r, err := Build(context.Background(), as, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, as, r)
			got := render(r, true)
			checkGolden(t, filepath.Join("..", "..", "testdata", st.golden), got)

			if !st.inferable {
				return
			}
			// Left out, the publication dates are inferred as given and
			// the chronology is the same.
			ri, err := Build(context.Background(), withoutDates(as), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range ri.Articles {
				if !p.Inferred || p.Date != as[i].Published {
					t.Errorf("%s: inferred %s (%s), published %s", p.ArticleID, p.Date, p.Basis, as[i].Published)
				}
			}
			if a, b := render(r, false), render(ri, false); a != b {
				t.Errorf("chronology changes when publication dates are inferred:\n%s", lineDiff(a, b))
			}
		})
	}
}

// checkInvariants checks what every Result must satisfy.
func checkInvariants(t *testing.T, as []Article, r *Result) {
	t.Helper()
	texts := map[string]string{}
	for _, a := range as {
		texts[a.ID] = a.Text
	}
	for name, es := range map[string][]Entry{"entries": r.Entries, "background": r.Background} {
		for i, e := range es {
			if len(e.Citations) == 0 {
				t.Errorf("%s[%d] %s has no citation", name, i, e.Value)
			}
			if i > 0 && entryLess(e, es[i-1]) {
				t.Errorf("%s not sorted at %d: %s after %s", name, i, e.Value, es[i-1].Value)
			}
			if e.StartDate.IsZero() || e.EndDate.Before(e.StartDate) {
				t.Errorf("%s[%d] %s: bad interval %s..%s", name, i, e.Value, e.StartDate, e.EndDate)
			}
			for _, c := range e.Citations {
				text, ok := texts[c.ArticleID]
				if !ok {
					t.Errorf("citation of unknown article %q", c.ArticleID)
					continue
				}
				if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Quote {
					t.Errorf("%s: quote not verbatim at %d:%d: %q", c.ArticleID, c.Start, c.End, c.Quote)
					continue
				}
				if rs, re := utf8.RuneCountInString(text[:c.Start]), utf8.RuneCountInString(text[:c.End]); c.RuneStart != rs || c.RuneEnd != re {
					t.Errorf("%s: quote at code points %d:%d, want %d:%d", c.ArticleID, c.RuneStart, c.RuneEnd, rs, re)
				}
			}
		}
	}
}

// entryLess is the order Build promises.
func entryLess(a, b Entry) bool {
	if c := a.StartDate.Compare(b.StartDate); c != 0 {
		return c < 0
	}
	if c := b.EndDate.Compare(a.EndDate); c != 0 {
		return c < 0
	}
	return a.Summary < b.Summary
}

// TestSeedAcceptance checks the seed chronology against what a reader of
// the five articles expects, independently of the golden file.
func TestSeedAcceptance(t *testing.T) {
	as := loadStory(t, "articles")
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	find := func(es []Entry, value, quoteHas string) *Entry {
		for i := range es {
			if es[i].Value != value {
				continue
			}
			for _, c := range es[i].Citations {
				if strings.Contains(c.Quote, quoteHas) {
					return &es[i]
				}
			}
		}
		return nil
	}
	cites := func(e *Entry, ids ...string) {
		t.Helper()
		for _, id := range ids {
			found := false
			for _, c := range e.Citations {
				found = found || strings.HasPrefix(c.ArticleID, id)
			}
			if !found {
				t.Errorf("entry %s %q does not cite %s", e.Value, e.Summary, id)
			}
		}
	}
	if got := r.WindowStart.String() + ".." + r.WindowEnd.String(); got != "2021-01-26..2021-03-22" {
		t.Errorf("window %s, want 2021-01-26..2021-03-22", got)
	}
	if len(r.Entries) == 0 {
		t.Fatal("no entries")
	}
	if first := r.Entries[0]; first.Value != "2021-01-26" {
		t.Errorf("first entry %s %q, want the 2021-01-26 call", first.Value, first.Summary)
	}
	// The last day is the Foreign Ministry's statement, told by all five
	// (two leads with no date of their own, dated by the publication day).
	// Undated reports of that day are entries of their own beside it.
	if last := r.Entries[len(r.Entries)-1]; last.Value != "2021-03-22" {
		t.Errorf("last entry %s %q, want 2021-03-22", last.Value, last.Summary)
	}
	if e := find(r.Entries, "2021-03-22", "on Monday expressed regret"); e == nil {
		t.Error("no 2021-03-22 entry for the statement")
	} else {
		cites(e, "000", "001", "002", "003", "004")
	}
	for _, want := range []struct {
		value, quote string
		cites        []string
	}{
		{"2021-01-26", "January 26", []string{"000", "001"}},
		{"2021-03-17", "ABC", []string{"001", "003", "004"}},
		{"2021-03-17", "withdrew its ambassador", []string{"001"}},
		{"2021-03-19", "at some point", []string{"001", "003", "004"}},
		{"2021-W11-WE", "Siberia", []string{"000"}},
		{"2021-03-21", "ambassador returned", []string{"001"}},
	} {
		e := find(r.Entries, want.value, want.quote)
		if e == nil {
			t.Errorf("no entry %s quoting %q", want.value, want.quote)
			continue
		}
		cites(e, want.cites...)
	}
	// Undated reports: each joins the event it tells, and only that one.
	// The statement's quoted line, in every article that quotes it (001
	// quotes it over two sentences, attributed by the second).
	if e := find(r.Entries, "2021-03-22", "on Monday expressed regret"); e != nil {
		for _, q := range []string{"Another opportunity to find a way out", "Responsibility for this lies entirely with the United States,” the statement reads.",
			"“One more opportunity has been missed to find a way out of the deadlock in Russian-U.S.", "One more opportunity has been passed up"} {
			if find([]Entry{*e}, "2021-03-22", q) == nil {
				t.Errorf("the statement does not quote %q", q)
			}
		}
	}
	// Putin's response, on or before the Thursday that dates it: the
	// wishes of good health belong to it.
	if e := find(r.Entries, "2021-03-18", "it-takes-one-to-know-one"); e == nil {
		t.Error("no 2021-03-18 entry for Putin's response")
	} else {
		for _, q := range []string{"wished Biden “good health.”", "wishing Biden health", "wishing the 78-year-old Biden good health"} {
			if find([]Entry{*e}, "2021-03-18", q) == nil {
				t.Errorf("Putin's response does not cite %q", q)
			}
		}
	}
	// The suggestion of a discussion is no part of Biden's interview.
	if e := find(r.Entries, "2021-03-17", "ABC"); e != nil && find([]Entry{*e}, "2021-03-17", "Putin suggested") != nil {
		t.Errorf("the interview cites Putin's suggestion: %+v", e.Citations)
	}
	junk := []string{"OVERNIGHT", "Chinese apps", "Hillicon", "MORE", "ALSO READ", "NEMENOV", "Biden, Putin, USA, Russia"}
	for _, es := range [][]Entry{r.Entries, r.Background} {
		for _, e := range es {
			for _, c := range e.Citations {
				for _, j := range junk {
					if strings.Contains(c.Quote, j) {
						t.Errorf("entry %s quotes junk %q: %q", e.Value, j, c.Quote)
					}
				}
			}
		}
	}
	for _, e := range r.Entries {
		if y := e.StartDate.Year; y != 2021 {
			t.Errorf("entry %s %q is history, want it in background", e.Value, e.Summary)
		}
	}
	for _, v := range []string{"2014", "2019-12-19", "2020"} {
		found := false
		for _, e := range r.Background {
			found = found || e.Value == v
		}
		if !found {
			t.Errorf("background lacks %s", v)
		}
	}
}

// TestCollectionNoChains builds all 256 TBAQ documents at once, many
// stories and dozens of unrelated company reports, and checks that no
// entry joins articles of other stories: every article an entry cites
// names someone (beyond the names common to the collection) that another
// article of the entry names. Alike wordings ("net income fell", "shares
// closed yesterday") must not chain company reports into one event.
func TestCollectionNoChains(t *testing.T) {
	as := loadTBAQ(t)
	if len(as) == 0 {
		t.Skip("../shared/data/timeml/tbaq is absent: no collection to build")
	}
	docNames := make([][]uint64, len(as))
	index := map[string]int{}
	for i := range as {
		c := clean(as[i].Title, as[i].Text)
		_, docNames[i] = articleEvents(context.Background(), &as[i], as[i].Published, &c, splitSentences(as[i].Text, &c), nil)
		index[as[i].ID] = i
	}
	names := withoutNames(docNames, commonNames(docNames))
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, as, r)
	for _, es := range [][]Entry{r.Entries, r.Background} {
		for _, e := range es {
			var arts []int
			for _, c := range e.Citations {
				if i := index[c.ArticleID]; !slices.Contains(arts, i) {
					arts = append(arts, i)
				}
			}
			for _, a := range arts {
				linked := false
				for _, b := range arts {
					linked = linked || (a != b && sharedName(names[a], names[b], nil))
				}
				if len(arts) > 1 && !linked {
					t.Errorf("%s %q cites %s, which shares no name with the entry's other articles", e.Value, e.Summary, as[a].ID)
				}
			}
		}
	}
}

// TestShootingAcceptance checks the story of a doctor's killing told over
// a month by five articles (TBAQ, 1998): one entry for the shooting on the
// night of Friday, Oct. 23, citing every article that dates it, however it
// does ("Friday night", "the Oct. 23 slaying", "last month's shooting
// death"); and the later developments on their own days.
func TestShootingAcceptance(t *testing.T) {
	as := loadStory(t, "tbaq/clinic-doctor-shooting-1998")
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var shooting []Entry
	for _, e := range r.Entries {
		if e.StartDate.String() == "1998-10-23" {
			shooting = append(shooting, e)
		}
	}
	if len(shooting) != 1 {
		t.Fatalf("want one entry on 1998-10-23, got %d", len(shooting))
	}
	var cited []string
	for _, c := range shooting[0].Citations {
		cited = append(cited, c.ArticleID+" "+c.Expression)
	}
	for _, want := range []string{"NYT19981025.0188 Friday night", "NYT19981026.0446 Friday night",
		"NYT19981120.0362 Oct. 23", "NYT19981120.0362 last month", "NYT19981121.0173 Oct. 23", "NYT19981121.0173 the night of Friday, Oct. 23"} {
		if !slices.Contains(cited, want) {
			t.Errorf("the shooting does not cite %q; cites %q", want, cited)
		}
	}
	// An undated report joins an event only telling it: the newspaper's
	// editorial is no part of the poll completed on Saturday.
	for _, e := range r.Entries {
		poll, editorial := false, false
		for _, c := range e.Citations {
			poll = poll || strings.Contains(c.Quote, "poll completed on Saturday")
			editorial = editorial || strings.Contains(c.Quote, "in an editorial")
		}
		if poll && editorial {
			t.Errorf("entry %s %q cites the poll and the editorial", e.Value, e.Summary)
		}
	}
	for _, want := range []struct{ value, quote string }{
		{"1998-W42", "FBI joined Canadian authorities"},
		{"1998-10-25", "Additional details of the slaying emerged"},
		{"1998-10-26", "Spitzer called for Vacco"},
		{"1998-11-19", "were named Thursday"},
		{"1998-11-20", "Buffalo News reported Friday"},
		{"1998-11-21", "played down the likelihood"},
	} {
		found := false
		for _, e := range r.Entries {
			for _, c := range e.Citations {
				found = found || (e.Value == want.value && strings.Contains(c.Quote, want.quote))
			}
		}
		if !found {
			t.Errorf("no entry %s quoting %q", want.value, want.quote)
		}
	}
}
