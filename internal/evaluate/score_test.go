package evaluate

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"strings"
	"testing"
)

// ann returns an annotation of the first occurrence of sub in text.
func ann(t *testing.T, text, sub, typ, value string) Timex {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return Timex{Start: i, End: i + len(sub), Text: sub, Type: typ, Value: value}
}

// at returns an annotation of text[start:end].
func at(text string, start, end int, typ, value string) Timex {
	return Timex{Start: start, End: end, Text: text[start:end], Type: typ, Value: value}
}

func TestScore(t *testing.T) {
	const text = "The talks on Friday, March 19 lasted two hours, officials said last week."
	type doc struct {
		text      string
		gold, sys []Timex
	}
	tests := []struct {
		name   string
		docs   []doc
		want   Counts
		errors map[ErrorClass]int
	}{
		{
			name: "perfect",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "Friday, March 19", "DATE", "2021-03-19"), ann(t, text, "two hours", "DURATION", "PT2H")},
				sys:  []Timex{ann(t, text, "Friday, March 19", "DATE", "2021-03-19"), ann(t, text, "two hours", "DURATION", "PT2H")},
			}},
			want: Counts{Gold: 2, System: 2, Strict: 2, Relaxed: 2, ValueCorrect: 2, TypeCorrect: 2, NormValueCorrect: 2},
		},
		{
			name: "span mismatch is relaxed, not strict",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "last week", "DATE", "2021-W11")},
				sys:  []Timex{ann(t, text, "week", "DATE", "2021-W11")},
			}},
			want:   Counts{Gold: 1, System: 1, Relaxed: 1, ValueCorrect: 1, TypeCorrect: 1, NormValueCorrect: 1},
			errors: map[ErrorClass]int{SpanMismatch: 1},
		},
		{
			name: "wrong value and type on the same span",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "two hours", "DURATION", "PT2H")},
				sys:  []Timex{ann(t, text, "two hours", "TIME", "2021-03-19T02:00")},
			}},
			want:   Counts{Gold: 1, System: 1, Strict: 1, Relaxed: 1},
			errors: map[ErrorClass]int{WrongValue: 1, WrongType: 1},
		},
		{
			name: "missed and spurious",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "last week", "DATE", "2021-W11")},
				sys:  []Timex{ann(t, text, "March", "DATE", "2021-03")},
			}},
			want:   Counts{Gold: 1, System: 1},
			errors: map[ErrorClass]int{Missed: 1, Spurious: 1},
		},
		{
			name: "one system span covering two gold spans matches one of them",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "Friday", "DATE", "2021-03-19"), ann(t, text, "March 19", "DATE", "2021-03-19")},
				sys:  []Timex{ann(t, text, "Friday, March 19", "DATE", "2021-03-19")},
			}},
			want:   Counts{Gold: 2, System: 1, Relaxed: 1, ValueCorrect: 1, TypeCorrect: 1, NormValueCorrect: 1},
			errors: map[ErrorClass]int{SpanMismatch: 1, Missed: 1},
		},
		{
			name: "two system spans inside one gold span: one match, one spurious",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "Friday, March 19", "DATE", "2021-03-19")},
				sys:  []Timex{ann(t, text, "Friday", "DATE", "XXXX-WXX-5"), ann(t, text, "March 19", "DATE", "2021-03-19")},
			}},
			want:   Counts{Gold: 1, System: 2, Relaxed: 1, TypeCorrect: 1},
			errors: map[ErrorClass]int{SpanMismatch: 1, WrongValue: 1, Spurious: 1},
		},
		{
			name: "identical spans are matched before overlapping ones",
			docs: []doc{{
				// Overlapping gold spans: greedy overlap alone would give
				// the system span to the first gold span, not the second.
				text: text,
				gold: []Timex{at(text, 13, 25, "DATE", "2021-03-19"), at(text, 21, 29, "DATE", "2021-03-19")},
				sys:  []Timex{at(text, 21, 29, "DATE", "2021-03-19")},
			}},
			want:   Counts{Gold: 2, System: 1, Strict: 1, Relaxed: 1, ValueCorrect: 1, TypeCorrect: 1, NormValueCorrect: 1},
			errors: map[ErrorClass]int{Missed: 1},
		},
		{
			name: "unordered system output is sorted first",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "Friday", "DATE", "2021-03-19"), ann(t, text, "last week", "DATE", "2021-W11")},
				sys:  []Timex{ann(t, text, "last week", "DATE", "2021-W11"), ann(t, text, "Friday", "DATE", "2021-03-19")},
			}},
			want: Counts{Gold: 2, System: 2, Strict: 2, Relaxed: 2, ValueCorrect: 2, TypeCorrect: 2, NormValueCorrect: 2},
		},
		{
			name: "values compare as exact strings; normalized figure pads weeks",
			docs: []doc{{
				text: text,
				gold: []Timex{ann(t, text, "last week", "DATE", "2000-W8")},
				sys:  []Timex{ann(t, text, "last week", "DATE", "2000-W08")},
			}},
			want:   Counts{Gold: 1, System: 1, Strict: 1, Relaxed: 1, TypeCorrect: 1, NormValueCorrect: 1},
			errors: map[ErrorClass]int{WrongValue: 1},
		},
		{
			name: "counts are summed over documents",
			docs: []doc{
				{text: text, gold: []Timex{ann(t, text, "Friday", "DATE", "2021-03-19")}, sys: []Timex{ann(t, text, "Friday", "DATE", "2021-03-19")}},
				{text: text, gold: []Timex{ann(t, text, "two hours", "DURATION", "PT2H"), ann(t, text, "last week", "DATE", "2021-W11")}},
				{text: text},
			},
			want:   Counts{Gold: 3, System: 1, Strict: 1, Relaxed: 1, ValueCorrect: 1, TypeCorrect: 1, NormValueCorrect: 1},
			errors: map[ErrorClass]int{Missed: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*Document
			sys := map[string][]Timex{}
			for i, d := range tt.docs {
				id := string(rune('A' + i))
				docs = append(docs, &Document{ID: id, DCTValue: "2021-03-22", Text: d.text, Timexes: d.gold})
				if d.sys != nil {
					// The scorer takes the text from the document.
					for j := range d.sys {
						d.sys[j].Text = ""
					}
					sys[id] = d.sys
				}
			}
			r, err := Score(docs, sys)
			if err != nil {
				t.Fatal(err)
			}
			if r.Counts != tt.want {
				t.Errorf("counts = %+v, want %+v", r.Counts, tt.want)
			}
			for _, c := range errorClasses {
				if got := r.ErrorCount(c); got != tt.errors[c] {
					t.Errorf("%s errors = %d, want %d", c, got, tt.errors[c])
				}
			}
			for _, e := range r.Errors {
				if e.System != nil && e.System.Text == "" {
					t.Errorf("%s error: system text not filled in", e.Class)
				}
				if !strings.Contains(e.Context, "[") {
					t.Errorf("%s error: context %q has no marked span", e.Class, e.Context)
				}
			}
		})
	}
}

func TestScoreRejects(t *testing.T) {
	docs := []*Document{{ID: "A", Text: "on Friday"}}
	tests := []struct {
		name string
		sys  map[string][]Timex
		want string
	}{
		{"unknown document", map[string][]Timex{"B": nil}, "not in the gold set"},
		{"span past the end", map[string][]Timex{"A": {{Start: 3, End: 10}}}, "not inside the text"},
		{"empty span", map[string][]Timex{"A": {{Start: 3, End: 3}}}, "not inside the text"},
		{"negative start", map[string][]Timex{"A": {{Start: -1, End: 3}}}, "not inside the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Score(docs, tt.sys)
			checkErr(t, err, tt.want)
		})
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name   string
		counts Counts
		want   Figures
	}{
		{
			name:   "typical",
			counts: Counts{Gold: 10, System: 8, Strict: 6, Relaxed: 8, ValueCorrect: 6, TypeCorrect: 7, NormValueCorrect: 8},
			want: Figures{
				StrictPrecision: 75, StrictRecall: 60, StrictF1: 200.0 / 3,
				RelaxedPrecision: 100, RelaxedRecall: 80, RelaxedF1: 800.0 / 9,
				// value F1 = 2 x value-correct / (gold + system), the
				// official definition, equal to accuracy x relaxed F1.
				ValueF1: 200.0 / 3, TypeF1: 700.0 / 9, ValueAccuracy: 75, TypeAccuracy: 87.5,
				NormalizedValueF1: 800.0 / 9,
			},
		},
		{name: "empty", counts: Counts{}, want: Figures{}},
		{
			name:   "no system output",
			counts: Counts{Gold: 5},
			want:   Figures{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := (&Report{Counts: tt.counts}).Figures()
			gv := []float64{got.StrictPrecision, got.StrictRecall, got.StrictF1, got.RelaxedPrecision, got.RelaxedRecall, got.RelaxedF1,
				got.ValueF1, got.TypeF1, got.ValueAccuracy, got.TypeAccuracy, got.NormalizedValueF1}
			wv := []float64{tt.want.StrictPrecision, tt.want.StrictRecall, tt.want.StrictF1, tt.want.RelaxedPrecision, tt.want.RelaxedRecall, tt.want.RelaxedF1,
				tt.want.ValueF1, tt.want.TypeF1, tt.want.ValueAccuracy, tt.want.TypeAccuracy, tt.want.NormalizedValueF1}
			for i := range gv {
				if math.Abs(gv[i]-wv[i]) > 1e-9 {
					t.Errorf("figures = %+v\nwant %+v", got, tt.want)
					break
				}
			}
		})
	}
}

func TestNormalizeValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2000-W8", "2000-W08"},
		{"2000-W8-WE", "2000-W08-WE"},
		{"2000-W08", "2000-W08"},
		{"2000-W53", "2000-W53"},
		{"XXXX-WXX-5", "XXXX-WXX-5"},
		{"1998-08-07", "1998-08-07"},
		{"P2W", "P2W"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeValue(tt.in); got != tt.want {
			t.Errorf("normalizeValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContext(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct {
		text       string
		start, end int
		want       string
	}{
		{"said\n\n  Friday  it", 8, 14, "said [Friday] it"},
		{long + "Friday " + long, len(long), len(long) + 6, "…word word word word word word word word word word [Friday] word word word word word word word word word word…"},
		// The window never cuts a character.
		{strings.Repeat("é", 30) + "X", 60, 61, "…" + strings.Repeat("é", 25) + "[X]"},
	}
	for _, tt := range tests {
		if got := context(tt.text, tt.start, tt.end); got != tt.want {
			t.Errorf("context(%q, %d, %d) = %q, want %q", tt.text, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestReportWrite(t *testing.T) {
	const text = "Bombs exploded Friday; talks resume next week, for two days."
	doc := &Document{ID: "D", DCTValue: "1998-08-07", Text: text, Timexes: []Timex{
		ann(t, text, "Friday", "DATE", "1998-08-07"),
		ann(t, text, "next week", "DATE", "1998-W33"),
	}}
	r, err := Score([]*Document{doc}, map[string][]Timex{"D": {
		ann(t, text, "Friday", "DATE", "1998-08-14"),
		ann(t, text, "two days", "DURATION", "P2D"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts := map[string]int{"missed": 1, "spurious": 1, "span": 0, "value": 1, "type": 0}
	if got := r.ErrorCounts(); !maps.Equal(got, wantCounts) {
		t.Errorf("ErrorCounts() = %v, want %v", got, wantCounts)
	}
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"documents":1,"gold":2,"system":2,`, `{"class":"missed","doc_id":"D","dct":"1998-08-07","gold":{"start":`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("JSON lacks %s:\n%s", want, js)
		}
	}
	var short, long bytes.Buffer
	if err := r.Write(&short, false); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&long, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 documents", "strict", "relaxed", "value", "missed        1  DATE 1", "spurious      1  DURATION 1"} {
		if !strings.Contains(short.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, short.String())
		}
	}
	if strings.Contains(short.String(), "== missed") {
		t.Errorf("summary lists errors:\n%s", short.String())
	}
	for _, want := range []string{
		short.String(),
		"== missed (1) ==",
		`D (DCT 1998-08-07)  gold "next week" DATE 1998-W33  | Bombs exploded Friday; talks resume [next week], for two days.`,
		`"Friday"  gold 1998-08-07  system 1998-08-14`,
		`by shape, gold -> system: "9999-99-99 -> 9999-99-99" 1`,
		`system "two days" DURATION P2D`,
	} {
		if !strings.Contains(long.String(), want) {
			t.Errorf("verbose report lacks %q:\n%s", want, long.String())
		}
	}
}
