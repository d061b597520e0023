package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/timeline"
)

// TestRoundTrip checks the invariant the peer benchmark rests on: reading
// the written folder with timeline.LoadArticles gives back each document's
// plain text byte for byte and its creation date, so offsets into one are
// offsets into the other.
func TestRoundTrip(t *testing.T) {
	src := t.TempDir()
	docs := map[string]string{
		"a.tml": `<?xml version="1.0" ?>
<TimeML><DOCID>APW1 x/y</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>

date 2021-01-01
Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; more.
</TEXT></TimeML>`,
		"b.tml": `<?xml version="1.0" ?>
<TimeML><DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1989-11-02T10:00" functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>
<TEXT>Café prices rose <TIMEX3 tid="t1" type="DATE" value="1989-10">last month</TIMEX3>.</TEXT></TimeML>`,
	}
	for name, body := range docs {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "corpus")
	if err := run([]string{"-o", out, src}, io.Discard); err != nil {
		t.Fatal(err)
	}
	want, err := evaluate.LoadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := timeline.LoadArticles(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("loaded %d articles, want %d", len(got), len(want))
	}
	for i, d := range want {
		a := got[i]
		if a.ID != d.ID || a.Text != d.Text || a.Published != d.DCT {
			t.Errorf("article %d = {%q %q %v}, want {%q %q %v}", i, a.ID, a.Text, a.Published, d.ID, d.Text, d.DCT)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"dir"}, {"-o", "x"}, {"-o", "x", "a", "b"}} {
		if err := run(args, io.Discard); err == nil {
			t.Errorf("run(%q): want a usage error", args)
		}
	}
}
