package timeline

import (
	"context"
	"errors"
	"github.com/timelined/timelined/internal/sentences"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/timelined/timelined/internal/dates"
)

func day(t testing.TB, s string) dates.Date {
	t.Helper()
	d, err := dates.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fakeDate is what the fake resolver answers for one phrase.
type fakeDate struct {
	value      string
	start, end string
	tense      dates.Tense
}

// fakeResolver resolves exactly the phrases it is given, wherever they
// occur, so that the pipeline can be tested apart from the date engine.
func fakeResolver(t testing.TB, phrases map[string]fakeDate) resolver {
	return func(_ context.Context, text string, opts dates.Options) ([]dates.Mention, error) {
		var out []dates.Mention
		for p, f := range phrases {
			for off := 0; ; {
				i := strings.Index(text[off:], p)
				if i < 0 {
					break
				}
				m := dates.Mention{Text: p, Start: off + i, End: off + i + len(p), Type: dates.TypeDate,
					Value: f.value, Tense: f.tense}
				if f.start != "" {
					m.StartDate, m.EndDate = day(t, f.start), day(t, f.end)
				}
				out = append(out, m)
				off += i + len(p)
			}
		}
		slices.SortFunc(out, func(a, b dates.Mention) int { return a.Start - b.Start })
		return out, nil
	}
}

func TestSentenceHoles(t *testing.T) {
	text := "Biden took a tougher line than former President TrumpDonald TrumpChinese apps could face bans: report | Senate confirms pick MORE, agreeing last week that he was a killer.\n\nNext."
	c := clean("", text)
	ss := splitSentences(text, &c)
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2 (junk inside a sentence does not split it)", len(ss))
	}
	s := &ss[0]
	if got, want := s.Text(text), "Biden took a tougher line than former President Trump, agreeing last week that he was a killer."; got != want {
		t.Errorf("text\n got  %q\n want %q", got, want)
	}
	at := strings.Index(text, "last week")
	r := s.Run(text, at)
	if got, want := text[r.Start:r.End], "agreeing last week that he was a killer."; got != want {
		t.Errorf("run holding the date\n got  %q\n want %q", got, want)
	}
	if got := s.ToClean(at); s.Text(text)[got:got+len("last week")] != "last week" {
		t.Errorf("toClean(%d) = %d does not point at the date", at, got)
	}
	if r := s.Run(text, -1); !strings.HasPrefix(text[r.Start:r.End], "Biden took") {
		t.Errorf("longest run %q", text[r.Start:r.End])
	}
	// The summary reads the sentence whole, junk left out.
	at = s.ToClean(at)
	if got, want := summarize(s.Text(text), at, at+len("last week")), "Biden took a tougher line than former President Trump, agreeing last week that he was a killer."; got != want {
		t.Errorf("summary\n got  %q\n want %q", got, want)
	}
}

func TestSplitRunOn(t *testing.T) {
	// A line with no sentence end is cut at clause breaks into pieces no
	// longer than sentences.MaxSentenceBytes, so that work per date stays bounded;
	// junk is never cut.
	unit := "Biden spoke on Friday, and aides met in the weekend, "
	text := strings.Repeat(unit, 3*sentences.MaxSentenceBytes/len(unit)) + "President BidenJoe BidenChinese apps could face bans: report | Senate confirms pick MORE and more."
	c := clean("", text)
	ss := splitSentences(text, &c)
	if len(ss) < 3 {
		t.Fatalf("got %d pieces, want at least 3", len(ss))
	}
	for _, s := range ss {
		if s.End-s.Start > sentences.MaxSentenceBytes+len("President BidenJoe BidenChinese apps could face bans: report | Senate confirms pick MORE") {
			t.Errorf("piece of %d bytes", s.End-s.Start)
		}
		if st := s.Text(text); strings.Contains(st, "Chinese apps") || strings.Contains(st, "MORE") {
			t.Errorf("junk in a piece: %q", st)
		}
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "a\tb\nc", "dash – counts, too", "no\u00a0break", "em\u2003space é"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		w := appendWordStarts(nil, s)
		if got, want := w.before(len(s)), len(strings.Fields(s)); got != want {
			t.Errorf("wordStarts(%q).before(end) = %d, want %d", s, got, want)
		}
	}
}

func TestCoreClause(t *testing.T) {
	tests := []struct {
		sentence, date, want string
	}{
		{"Putin last week offered to hold virtual talks with Biden after the American leader described him as a killer.",
			"last week", "Putin last week offered to hold virtual talks with Biden"},
		{"To recall, last week, Anatoly Antonov, the ambassador, was summoned to Moscow after the interview.",
			"last week", "To recall, last week, Anatoly Antonov, the ambassador, was summoned to Moscow"},
		{"Biden took a tougher line, agreeing last week that Putin was a killer; sanctions will come.",
			"last week", "Biden took a tougher line, agreeing last week that Putin was a killer"},
		{"Officials said the market fell because of the swings seen last week.", "last week", "of the swings seen last week."},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.date)
		s, e := coreClause(tt.sentence, i, i+len(tt.date))
		if got := tt.sentence[s:e]; got != tt.want {
			t.Errorf("coreClause(%q)\n got  %q\n want %q", tt.date, got, tt.want)
		}
	}
}

func TestModified(t *testing.T) {
	tests := []struct{ after, want string }{
		{" United States election, and the poisoning", " United States election"},
		{" US presidential election in favor of", " US presidential election"},
		{" annexation of Ukraine", " annexation"},
		{", the year it was founded", ""},
		{" when Russian troops swept in", ""},
		{" election.", " election"},
	}
	for _, tt := range tests {
		if got := modified(tt.after); got != tt.want {
			t.Errorf("modified(%q) = %q, want %q", tt.after, got, tt.want)
		}
	}
}

func TestRefersBack(t *testing.T) {
	tests := []struct {
		sentence, date string
		want           bool
	}{
		{"He was seen near the scene of the Oct. 23 slaying of the doctor.", "Oct. 23", true},
		{"He was wanted in last month's shooting death of a doctor.", "last month", true},
		{"It was raised in Saturday night's debate.", "Saturday night", true},
		{"The doctor was shot on Oct. 23 in his home.", "Oct. 23", false},
		{"The talks on Friday failed.", "Friday", false},
		{"He said the Friday was quiet.", "Friday", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.date)
		if got := refersBack(tt.sentence, i, i+len(tt.date)); got != tt.want {
			t.Errorf("refersBack(%q in %q) = %v, want %v", tt.date, tt.sentence, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, title, text string
		junk              []string // exact junk texts
		captions          int
	}{
		{
			name:  "glued link preview",
			text:  "It hurt relations between President BidenJoe BidenChinese apps could face bans: report | Senate confirms pick MORE and Russia.",
			junk:  []string{"Joe BidenChinese apps could face bans: report | Senate confirms pick MORE"},
			title: "x",
		},
		{
			name: "real camel-case names are not junk",
			text: "Meghan McCain and DeSantis met at YouTube HQ. MORE news later.",
		},
		{
			name:  "also read, tag line, byline, repeated headline",
			text:  "Talks fail\n\nALSO READ: Something else entirely\n\nAFP, Moscow\n\nThe talks failed on Monday.\n\nBiden, Putin, USA, Russia",
			junk:  []string{"Talks fail", "ALSO READ: Something else entirely", "AFP, Moscow", "Biden, Putin, USA, Russia"},
			title: "Talks fail",
		},
		{
			name:     "caption with slash credit",
			text:     "Leader (L) and guest (R) in Moscow on May 2, 2019. MANDEL NGAN, Alexander NEMENOV / AFP\n\nBody text.",
			junk:     []string{"MANDEL NGAN, Alexander NEMENOV / AFP"},
			captions: 1,
		},
		{
			name:     "caption with parenthesised credits",
			text:     "In this photo made available on Sunday, a man walks. (Alexei Druzhinin, Sputnik, Kremlin Pool Photo via AP) (Alexei Druzhinin, Sputnik)\n\nBody.",
			junk:     []string{"(Alexei Druzhinin, Sputnik, Kremlin Pool Photo via AP)", "(Alexei Druzhinin, Sputnik)"},
			captions: 1,
		},
		{
			name: "asides are not credits",
			text: "President (Biden) will meet him. The move (a first) surprised.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := clean(tt.title, tt.text)
			var got []string
			for _, j := range c.junk {
				got = append(got, tt.text[j.Start:j.End])
			}
			if !slices.Equal(got, tt.junk) {
				t.Errorf("junk\n got  %q\n want %q", got, tt.junk)
			}
			if len(c.captions) != tt.captions {
				t.Errorf("captions %d, want %d", len(c.captions), tt.captions)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		sentence, date, want string
	}{
		{"Biden told reporters on Friday that the two would speak “at some point”.", "Friday",
			"Biden told reporters on Friday that the two would speak “at some point”."},
		{"Last Thursday, in response to a request for comment on the envoy’s recall, the press secretary said that the administration intends to change course.",
			"Last Thursday", "The press secretary said that the administration intends to change course."},
		{"In an interview on Wednesday, when asked if he thought the leader, who has been accused of many things, is “a killer”, he said: “I do.”",
			"Wednesday", "In an interview on Wednesday, when asked if he thought the leader is “a killer”, he said: “I do.”"},
		{"To recall, last week, the ambassador to the United States was summoned to Moscow for consultations after the president, in an interview with a network, said many things about many people.",
			"last week", "Last week, the ambassador to the United States was summoned to Moscow for consultations"},
		{"Twin blasts at the consulates in Lyon, France, and Turin, Italy, on May 3 killed 40 people, including six children, and injured hundreds more in both cities, where rescuers worked all night.",
			"May 3", "Twin blasts at the consulates in Lyon, France, and Turin, Italy, on May 3 killed 40 people"},
		{"Jansen, a 61-year-old surgeon who ran the town's only clinic for two decades, was attacked on the night of May 3 as he walked home from work.",
			"May 3", "Jansen was attacked on the night of May 3 as he walked home from work."},
		{"He has taken a tougher line than his predecessor, agreeing with an anchor's question last week that the rival leader was a killer, and adding that sanctions will come in time.",
			"last week", "He has taken a tougher line than his predecessor, agreeing with an anchor's question last week that the rival leader was a killer"},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.date)
		if got := summarize(tt.sentence, i, i+len(tt.date)); got != tt.want {
			t.Errorf("summarize(%q)\n got  %q\n want %q", tt.date, got, tt.want)
		}
	}
}

func TestInferFrom(t *testing.T) {
	mon := time.Monday
	tests := []struct {
		name     string
		ev       evidence
		borrowed string
		want     string
		inferred bool
	}{
		{"header", evidence{header: day(t, "2021-03-22"), reportDay: -1}, "", "2021-03-22", true},
		{"latest explicit then reporting weekday",
			evidence{explicit: []datedText{{date: day(t, "2021-03-17")}, {date: day(t, "2019-12-19")}}, reportDay: mon, reportText: "said Monday"},
			"", "2021-03-22", true},
		{"plans only count when nothing else is dated",
			evidence{explicit: []datedText{{date: day(t, "2021-03-17")}, {date: day(t, "2021-06-01"), planned: true}}, reportDay: -1},
			"", "2021-03-17", true},
		{"year borrowed from the collection",
			evidence{monthDays: []monthDay{{3, 19, -1, "March 19"}, {3, 22, -1, "22"}}, reportDay: mon, reportText: "on Monday expressed"},
			"2021-03-22", "2021-03-22", true},
		{"no text date: the collection's reporting weekday",
			evidence{reportDay: time.Saturday, reportText: "said Saturday"}, "1998-08-09", "1998-08-08", true},
		{"weekday agreement fixes the first year from the latest written one",
			evidence{monthDays: []monthDay{{3, 19, time.Friday, "Friday, March 19"}, {3, 22, time.Monday, "Monday, March 22"}}, latestYear: 2020, reportDay: -1},
			"", "2021-03-22", true},
		{"weekday agreement from an older written year",
			evidence{monthDays: []monthDay{{3, 19, time.Friday, "Friday, March 19"}}, latestYear: 2005, reportDay: -1},
			"", "2010-03-19", true},
		{"weekday agreement without a written year infers nothing",
			evidence{monthDays: []monthDay{{3, 19, time.Friday, "Friday, March 19"}}, reportDay: -1},
			"", "", false},
		{"no agreeing weekday",
			evidence{monthDays: []monthDay{{2, 30, time.Friday, "Friday, Feb. 30"}}, latestYear: 2020, reportDay: -1},
			"", "", false},
		{"nothing", evidence{reportDay: -1}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b dates.Date
			if tt.borrowed != "" {
				b = day(t, tt.borrowed)
			}
			p := inferFrom("a", &tt.ev, b)
			if p.Date.String() != tt.want || p.Inferred != tt.inferred || p.Basis == "" {
				t.Errorf("got %s inferred=%v (%s), want %s inferred=%v", p.Date, p.Inferred, p.Basis, tt.want, tt.inferred)
			}
		})
	}
}

// handMade is a two-article collection with the date engine replaced.
func handMade(t *testing.T) ([]Article, resolver) {
	as := []Article{
		{ID: "a", Published: day(t, "2021-03-22"), Text: "The ministry said Monday that the envoy returned to Moscow on Sunday.\n\n" +
			"Envoy Antonov was recalled on Wednesday after the interview with the network.\n\n" +
			"The president proposed talks on March 26 with the leader.\n\n" +
			"Relations soured after the 2014 annexation of the peninsula."},
		{ID: "b", Published: day(t, "2021-03-22"), Text: "The ministry said on Monday that the envoy was back in Moscow.\n\n" +
			"Last week envoy Antonov was recalled to Moscow after the network interview.\n\n" +
			"The envoy returned to Moscow on Saturday, the ministry said.\n\n" +
			"Last week the president offered to hold talks with Antonov after the interview with the network."},
	}
	r := fakeResolver(t, map[string]fakeDate{
		"Monday":    {"2021-03-22", "2021-03-22", "2021-03-22", 0},
		"Sunday":    {"2021-03-21", "2021-03-21", "2021-03-21", 0},
		"Saturday":  {"2021-03-20", "2021-03-20", "2021-03-20", 0},
		"Wednesday": {"2021-03-17", "2021-03-17", "2021-03-17", 0},
		"Last week": {"2021-W11", "2021-03-15", "2021-03-21", 0},
		"March 26":  {"2021-03-26", "2021-03-26", "2021-03-26", 0},
		"2014":      {"2014", "2014-01-01", "2014-12-31", 0},
	})
	return as, r
}

func TestBuildHandMade(t *testing.T) {
	as, r := handMade(t)
	res, err := build(context.Background(), as, Options{}, r)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, as, res)
	got := map[string]Entry{}
	for _, e := range res.Entries {
		got[e.Value+" "+strings.Fields(e.Summary)[1]] = e
	}
	byValue := func(es []Entry, v string) []Entry {
		var out []Entry
		for _, e := range es {
			if e.Value == v {
				out = append(out, e)
			}
		}
		return out
	}
	// The report on Monday and the return on Sunday are two events.
	if es := byValue(res.Entries, "2021-03-22"); len(es) != 1 || len(es[0].Citations) != 2 {
		t.Errorf("Monday: want one entry citing both articles, got %+v", es)
	}
	// "Last week" and "on Wednesday" tell one recall.
	if es := byValue(res.Entries, "2021-03-17"); len(es) != 1 || len(es[0].Citations) != 2 {
		t.Errorf("recall: want one 2021-03-17 entry citing both, got %+v", es)
	}
	// A proposal told with "last week" is not placed on the interview it
	// follows, however alike the words: it stays a week entry.
	if es := byValue(res.Entries, "2021-W11"); len(es) != 1 || !strings.Contains(es[0].Summary, "offered") {
		t.Errorf("proposal: want one 2021-W11 entry for the offer, got %+v", es)
	}
	// Sunday and Saturday for the same return: a conflict.
	ret := byValue(res.Entries, "2021-03-21")
	if len(ret) == 0 {
		ret = byValue(res.Entries, "2021-03-20")
	}
	if len(ret) != 1 || len(ret[0].Conflicts) != 1 || len(ret[0].Citations) != 2 {
		t.Errorf("return: want one entry with a conflict, got %+v", ret)
	}
	// A proposal is a plan, and after the publication date it is background.
	if es := byValue(res.Background, "2021-03-26"); len(es) != 1 || es[0].Kind != Planned {
		t.Errorf("proposal: want a planned background entry, got %+v", es)
	}
	if es := byValue(res.Background, "2014"); len(es) != 1 {
		t.Errorf("2014 should be background, got %+v", res.Background)
	}
	if res.WindowStart.String() != "2021-03-15" || res.WindowEnd.String() != "2021-03-22" {
		t.Errorf("window %s..%s", res.WindowStart, res.WindowEnd)
	}

	// Overriding the window moves entries to background and back.
	res, err = build(context.Background(), as, Options{WindowStart: day(t, "2014-01-01"), WindowEnd: day(t, "2021-03-20")}, r)
	if err != nil {
		t.Fatal(err)
	}
	if es := byValue(res.Entries, "2014"); len(es) != 1 {
		t.Errorf("2014 inside an overridden window should be an entry")
	}
	if es := byValue(res.Background, "2021-03-22"); len(es) != 1 {
		t.Errorf("2021-03-22 after an overridden window end should be background")
	}
}

func TestBuildCancelled(t *testing.T) {
	defer goleak.VerifyNone(t)
	as, r := handMade(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := build(ctx, as, Options{}, r); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestBuildCancelledInsideArticle cancels while one huge run-on article is
// being read: Build stops inside it, not after it.
func TestBuildCancelledInsideArticle(t *testing.T) {
	defer goleak.VerifyNone(t)
	unit := "Biden spoke on Friday, March 19, and Putin answered last Wednesday while aides met in the weekend, "
	a := Article{ID: "huge", Text: strings.Repeat(unit, (4<<20)/len(unit)), Published: day(t, "2021-03-22")}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	began := time.Now()
	_, err := Build(ctx, []Article{a}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if late := time.Since(began) - 200*time.Millisecond; late > 2*time.Second {
		t.Errorf("Build returned %v after the cancel", late)
	}
}

func TestBuildConcurrent(t *testing.T) {
	as, r := handMade(t)
	want, err := build(context.Background(), as, Options{}, r)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 8)
	for range 8 {
		go func() {
			got, err := build(context.Background(), as, Options{}, r)
			if err != nil {
				done <- err.Error()
				return
			}
			done <- render(got, true)
		}()
	}
	for range 8 {
		if got := <-done; got != render(want, true) {
			t.Errorf("concurrent Build differs:\n%s", lineDiff(render(want, true), got))
		}
	}
}

func FuzzBuild(f *testing.F) {
	f.Add("The ministry said Monday that the envoy returned on Sunday, March 21, 2021.\n\nALSO READ: x", "2021-03-22", "Talks on March 19 or 22 were refused last week.")
	f.Add("President BidenJoe BidenChinese apps | report MORE and Putin met on Jan. 26.", "", " date 2021-03-22 .\nIn this photo (L) (AFP)")
	f.Add("U.S. Gen. J. Smith “said.” Fri.\n\n\n", "1998-08-08", "(((")
	f.Fuzz(func(t *testing.T, text, published, other string) {
		a := Article{ID: "a", Text: text}
		if d, err := dates.ParseDate(published); err == nil {
			a.Published = d
		}
		as := []Article{a, {ID: "b", Text: other}}
		r, err := Build(context.Background(), as, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, as, r)
		if len(r.Articles) != len(as) {
			t.Errorf("%d publications for %d articles", len(r.Articles), len(as))
		}
		// Built again from a cache, in the other order under other ids,
		// the chronology is the one built without.
		c := NewCache(1 << 20)
		again := []Article{as[1], as[0]}
		again[0].ID, again[1].ID = "b2", "a2"
		want, err := Build(context.Background(), again, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := Build(context.Background(), again, Options{Cache: c})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("a cached build differs:\n%s", lineDiff(render(want, true), render(got, true)))
			}
			if _, err := Build(context.Background(), as, Options{Cache: c}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestHasPlanCue(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"proposal to hold a live-broadcast discussion on", true},
		{"suggested that he and Biden have a call", true},
		{"Asked by reporters", false},
		{"if he’ll take Putin up on his offer", true},
		{"a bomb ripped through an office building next to the U.S. embassy in Nairobi, Kenya", false},
		{"the summit is set to open", true},
		{"they will meet", true},
		{"talks in the coming", true},
		{"next week", true},
		{"Biden told reporters on", false},
	}
	for _, tt := range tests {
		if got := hasPlanCue(tt.before); got != tt.want {
			t.Errorf("hasPlanCue(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// TestDayNumber checks the arithmetic day numbers against the time
// package, across leap days, centuries and the engine's year range.
func TestDayNumber(t *testing.T) {
	start := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, from := range []time.Time{start, time.Date(1599, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(1899, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(1999, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(9998, 12, 1, 0, 0, 0, 0, time.UTC)} {
		for i := range 800 {
			tm := from.AddDate(0, 0, i)
			d := dates.FromTime(tm)
			if got, want := dayNumber(d), int(tm.Unix()/86400); got != want {
				t.Fatalf("dayNumber(%s) = %d, want %d", d, got, want)
			}
			if back := fromDayNumber(dayNumber(d)); back != d {
				t.Fatalf("fromDayNumber(dayNumber(%s)) = %s", d, back)
			}
		}
	}
}
