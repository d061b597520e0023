package timeline

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
)

// TestAnalysisRoundTrip analyses every reviewed story and a hundred TBAQ
// documents, encodes each analysis and decodes it: the analysis is the
// same (every field the encoding carries), and merging the decoded
// analyses gives Build's chronology.
func TestAnalysisRoundTrip(t *testing.T) {
	ctx := context.Background()
	collections := map[string][]Article{}
	for _, st := range storyTests {
		collections[st.name] = loadStory(t, st.dir)
		collections[st.name+" (no dates)"] = withoutDates(loadStory(t, st.dir))
	}
	if as := loadTBAQ(t); len(as) > 0 {
		collections["tbaq"] = as[:min(100, len(as))]
	}
	for name, as := range collections {
		var restored []*Analysis
		for _, a := range as {
			an, err := Analyze(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			data, err := an.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var back Analysis
			if err := back.UnmarshalBinary(data); err != nil {
				t.Fatalf("%s: %s: %v", name, a.ID, err)
			}
			if !reflect.DeepEqual(an, &back) {
				t.Fatalf("%s: %s: the decoded analysis differs", name, a.ID)
			}
			restored = append(restored, &back)
		}
		want, err := Build(ctx, as, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Merge(ctx, restored, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%s: Merge of the decoded analyses differs from Build:\n%s", name, lineDiff(render(want, true), render(got, true)))
		}
	}
}

// TestAnalysisEvents: the events an analysis exposes cite its article.
func TestAnalysisEvents(t *testing.T) {
	as := loadStory(t, "articles")
	an, err := Analyze(context.Background(), as[0])
	if err != nil {
		t.Fatal(err)
	}
	evs := an.Events()
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		c := e.Citation
		if c.ArticleID != as[0].ID || as[0].Text[c.Start:c.End] != c.Quote || e.Sentence >= len(an.Sentences) {
			t.Fatalf("event %+v", e)
		}
		if s := an.Sentences[e.Sentence]; c.Start < s.Start || c.End > s.End {
			t.Fatalf("event %q outside its sentence [%d, %d)", c.Quote, s.Start, s.End)
		}
	}
}

// TestMergeLeavesAnalyses: a merge writes nothing into the analyses it
// reads, which a Cache shares among concurrent builds: not the weights or
// key marks of their tokens, nor a summary its events lack (a merge writes
// one for itself), nor an article id. Their encodings are the same after
// merges with and without focus.
func TestMergeLeavesAnalyses(t *testing.T) {
	ctx := context.Background()
	as := loadStory(t, "articles")
	ans := make([]*Analysis, len(as))
	var before [][]byte
	for i, a := range as {
		an, err := Analyze(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			for k := range an.events {
				an.events[k].summary, an.events[k].words, an.events[k].summed = "", 0, false
			}
		}
		data, err := an.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		ans[i], before = an, append(before, data)
	}
	want, err := Build(ctx, as, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{}, {Focus: []string{"Apple"}}} {
		got, err := Merge(ctx, ans, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(opts.Focus) == 0 && !reflect.DeepEqual(want, got) {
			t.Fatalf("Merge differs from Build:\n%s", lineDiff(render(want, true), render(got, true)))
		}
	}
	for i, an := range ans {
		data, err := an.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(data, before[i]) {
			t.Errorf("%s: Merge changed the analysis", as[i].ID)
		}
		for _, e := range an.events {
			if i == 0 && e.summed {
				t.Fatalf("%s: Merge wrote a summary into the analysis", as[i].ID)
			}
		}
	}
}

// TestAnalysisVersion: an encoding of another version is refused, one
// that is not an analysis is an error, and Merge analyses anew an
// analysis of another version.
func TestAnalysisVersion(t *testing.T) {
	ctx := context.Background()
	as := loadStory(t, "articles")
	an, err := Analyze(ctx, as[0])
	if err != nil {
		t.Fatal(err)
	}
	data, err := an.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	old := append([]byte{AnalysisVersion - 1}, data[1:]...)
	var back Analysis
	if err := back.UnmarshalBinary(old); !errors.Is(err, ErrAnalysisVersion) {
		t.Errorf("another version: %v", err)
	}
	for _, bad := range [][]byte{nil, data[:1], data[:len(data)/2], append([]byte{AnalysisVersion}, "not gob"...)} {
		if err := back.UnmarshalBinary(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
	// A quote that is not the text there is refused.
	moved := *an
	moved.events = slices.Clone(an.events)
	moved.events[0].cit.Start++
	if data, err = moved.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	if err := back.UnmarshalBinary(data); err == nil {
		t.Error("a moved quote decoded")
	}

	stale := *an
	stale.Version = AnalysisVersion - 1
	stale.events = nil
	got, err := Merge(ctx, []*Analysis{&stale}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(ctx, as[:1], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("an analysis of another version was merged as it was:\n%s", lineDiff(render(want, true), render(got, true)))
	}
}
