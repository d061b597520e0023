package timeline

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// frameWords returns the words of ids, as readFrameWords stems them, for
// test messages: ids are hashes.
func frameWordsOf(text string, ids []uint64) []string {
	var out []string
	ws := readFrameWords(nil, text)
	for _, id := range ids {
		for _, w := range ws {
			if w.id == id {
				out = append(out, strings.ToLower(strings.Trim(text[w.start:w.start+wordLen(text[w.start:])], "'’")))
				break
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func wordLen(s string) int {
	i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '“' || r == '”' || r == '"' })
	if i < 0 {
		return len(s)
	}
	return i
}

// TestFrameOf checks the frame read from a sentence: its actions (verbs by
// their form, not after "to", not in a relative clause, not reporting
// verbs), its speakers and its agents.
func TestFrameOf(t *testing.T) {
	for _, tt := range []struct {
		s                         string
		actions, speakers, agents []string
	}{
		{"When Apple CEO Steve Jobs first introduced iPhone 4, he praised its antenna.",
			[]string{"introduced", "praised"}, nil, []string{"apple", "ceo", "jobs", "steve"}},
		{"While introducing iPhone 4, Jobs started by hinting at the incident.",
			[]string{"hinting", "introducing", "started"}, nil, nil},
		{"The United States did not support the proposal to hold talks, said the press service of the Russian Foreign Ministry.",
			[]string{"support"}, []string{"foreign", "ministry", "press", "russian", "service"}, []string{"states", "united"}},
		{"“One more opportunity has been missed,” the ministry said in a statement.",
			[]string{"missed"}, []string{"ministry"}, nil},
		{"Putin reacted to Biden's words and offered to hold talks.",
			[]string{"offered", "reacted"}, nil, []string{"putin"}},
		{"Slepian, an obstetrician who performed abortions, was shot on Friday.",
			[]string{"shot"}, nil, []string{"slepian"}},
		{"Jobs also said that Apple will offer a free case.",
			[]string{"offer"}, []string{"jobs"}, []string{"jobs"}},
		{"The Cypriot government Saturday strongly condemned the attacks, said Karin Jean-Pierre.",
			[]string{"condemned"}, []string{"jean-pierre", "karin"}, []string{"cypriot"}},
	} {
		ws := readFrameWords(nil, tt.s)
		f := frameOf(ws, 0, len(tt.s))
		if got := frameWordsOf(tt.s, f.actions()); !slices.Equal(got, tt.actions) {
			t.Errorf("%q: actions %q, want %q", tt.s, got, tt.actions)
		}
		if got := frameWordsOf(tt.s, f.speakers()); !slices.Equal(got, tt.speakers) {
			t.Errorf("%q: speakers %q, want %q", tt.s, got, tt.speakers)
		}
		if got := frameWordsOf(tt.s, f.agents()); !slices.Equal(got, tt.agents) {
			t.Errorf("%q: agents %q, want %q", tt.s, got, tt.agents)
		}
	}
}

// TestIrregularActions: the past and the participle of an irregular verb
// are one action.
func TestIrregularActions(t *testing.T) {
	a := frameOf(readFrameWords(nil, "He underwent surgery."), 0, 21)
	b := frameOf(readFrameWords(nil, "He had undergone surgery."), 0, 25)
	if len(a.actions()) != 1 || !slices.Equal(a.actions(), b.actions()) {
		t.Errorf("underwent %v, undergone %v", a.actions(), b.actions())
	}
}

// TestQuotations checks the quotations of several sentences: the sentence
// that attributes one stands for all of it; the others report no event of
// their own.
func TestQuotations(t *testing.T) {
	text := "“One more opportunity has been missed. Responsibility lies with Washington,” the statement reads.\n\n" +
		"“What would I tell him?” I would say stay healthy. I wish him good health,” Putin said.\n\n" +
		"“He will not backtrack,” she added. Talks went on."
	sents := splitSentences(text, &cleaned{})
	var got []string
	for _, q := range quotations(text, sents) {
		switch {
		case !q.inside:
			got = append(got, "-")
		case q.attribution < 0:
			got = append(got, "quote")
		default:
			got = append(got, "by "+strings.Fields(text[sents[q.attribution].Start:sents[q.attribution].End])[0])
		}
	}
	// By the first word of the attributing sentence.
	want := []string{"by Responsibility", "by Responsibility", "-", "by I", "by I", "-", "-"}
	if !slices.Equal(got, want) {
		t.Errorf("quotations: %q, want %q", got, want)
	}
}

func TestInQuotation(t *testing.T) {
	for s, want := range map[string]bool{
		"“Responsibility for that rests fully with the United States.”": true,
		"\"I do.\"": true,
		"“One more opportunity has been missed,” the ministry said, adding that “it is so.”": false,
		"The ministry said “no.”": false,
	} {
		if got := inQuotation(s); got != want {
			t.Errorf("inQuotation(%q) = %v, want %v", s, got, want)
		}
	}
}

// buildTexts builds articles published on pub from texts, ids a, b, c, ...
func buildTexts(t *testing.T, pub dates.Date, texts ...string) *Result {
	t.Helper()
	var as []Article
	for i, s := range texts {
		as = append(as, Article{ID: string(rune('a' + i)), Published: pub, Text: s})
	}
	r, err := Build(context.Background(), as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// entryOf returns the entry citing a quote starting with prefix.
func entryOf(r *Result, prefix string) *Entry {
	for _, es := range [][]Entry{r.Entries, r.Background} {
		for i := range es {
			for _, c := range es[i].Citations {
				if strings.HasPrefix(c.Quote, prefix) {
					return &es[i]
				}
			}
		}
	}
	return nil
}

// TestTwoEventsOneSentence: a sentence that reports two events dated
// differently yields two entries, each summarised by its own clause.
func TestTwoEventsOneSentence(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2021, 3, 24),
		"After landing in Paris on Monday, the minister confirmed that the deal had been signed the week before.")
	if n := len(r.Entries) + len(r.Background); n != 2 {
		t.Fatalf("%d entries, want 2: %+v", n, r.Entries)
	}
	for _, e := range append(r.Entries, r.Background...) {
		switch e.Value {
		case "2021-03-22":
			if !strings.Contains(e.Summary, "landing in Paris") || strings.Contains(e.Summary, "signed") {
				t.Errorf("Monday's entry: %q", e.Summary)
			}
		case "2021-W11":
			if !strings.Contains(e.Summary, "signed") || strings.Contains(e.Summary, "Paris") {
				t.Errorf("the week before's entry: %q", e.Summary)
			}
		default:
			t.Errorf("entry %s %q", e.Value, e.Summary)
		}
		if len(e.Citations) != 1 || !strings.HasPrefix(e.Citations[0].Quote, "After landing") {
			t.Errorf("entry %s cites %+v", e.Value, e.Citations)
		}
	}
}

// TestUndatedReportsJoin: an undated report joins the event another
// article dates when it tells the same action to the same participants
// (the date then is the dated one), and stands alone otherwise.
func TestUndatedReportsJoin(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2010, 8, 11),
		"Apple unveiled the iPhone 4 on Monday. Jobs introduced the iPhone 4 at the conference on Monday.",
		"When Jobs first introduced the iPhone 4, he praised its antenna. The company later hired a new engineer.")
	joined := entryOf(r, "When Jobs first introduced")
	if joined == nil || joined.Value != "2010-08-09" || entryOf(r, "Jobs introduced the iPhone 4") != joined {
		t.Fatalf("the undated report of the introduction is not on the dated introduction: %+v", joined)
	}
	alone := entryOf(r, "The company later hired")
	if alone == nil || len(alone.Citations) != 1 || alone.Source != FromPublication {
		t.Errorf("the hiring joined another event or lost its date: %+v", alone)
	}
}

// TestUndatedReportsStayApart: reports that share the story's names but
// tell other actions stay apart, however alike their words.
func TestUndatedReportsStayApart(t *testing.T) {
	r := buildTexts(t, dates.NewDate(2021, 3, 22),
		"In an interview on Wednesday, Biden said Putin was a killer.",
		"Putin suggested a discussion with Biden after the US president called him a killer.")
	if e := entryOf(r, "Putin suggested"); e == nil || len(e.Citations) != 1 {
		t.Errorf("the suggestion joined the interview: %+v", e)
	}
}
