package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

// sharedDir is the shared data folder beside the repository; tbaqDir the
// TimeBank + AQUAINT corpus in it.
const (
	sharedDir = "../../../shared"
	tbaqDir   = sharedDir + "/data/timeml/tbaq"
)

// loadTBAQ loads the corpus or skips the test when it is absent.
func loadTBAQ(t testing.TB) []*Document {
	t.Helper()
	if _, err := os.Stat(tbaqDir); err != nil {
		t.Skipf("TBAQ corpus not found at %s (expected beside the repository, in ../shared): %v", tbaqDir, err)
	}
	docs, err := LoadDir(tbaqDir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadTimeML(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Document
		wantErr string
	}{
		{
			name: "date DCT, entities, nested tags",
			in: `<?xml version="1.0" ?>
<TimeML>
<DOCID> D1 </DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="X">text</TIMEX3></TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07" mod="START">early <SIGNAL sid="s1">on</SIGNAL> Wednesday</TIMEX3> it &lt;won&gt;<TIMEX3 tid="t2" type="DATE" value="X"/>.
</TEXT>
</TimeML>`,
			want: Document{
				ID: "D1", DCT: dates.NewDate(1998, 1, 8), DCTValue: "1998-01-08",
				Text: "\nAT&T said early on Wednesday it <won>.\n",
				Timexes: []Timex{
					{ID: "t1", Start: 11, End: 29, Text: "early on Wednesday", Type: "DATE", Value: "1998-01-07", Mod: "START"},
				},
			},
		},
		{
			name: "date-time DCT",
			in: `<TimeML><DOCID>D2</DOCID><DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>Now</TEXT></TimeML>`,
			want: Document{ID: "D2", DCT: dates.NewDate(1998, 8, 7), DCTValue: "1998-08-07T06:18:00", Text: "Now"},
		},
		{
			name:    "no DCT",
			in:      `<TimeML><DOCID>D3</DOCID><TEXT>x</TEXT></TimeML>`,
			wantErr: "no creation time",
		},
		{
			name:    "bad DCT",
			in:      `<TimeML><DCT><TIMEX3 value="1998-13-01"/></DCT><TEXT>x</TEXT></TimeML>`,
			wantErr: "creation time",
		},
		{
			name:    "malformed XML",
			in:      `<TimeML><DCT><TIMEX3 value="1998-01-01"/></DCT><TEXT>x</TimeML>`,
			wantErr: "read TimeML",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTimeML(strings.NewReader(tt.in), "mem.tml")
			if done := checkErr(t, err, tt.wantErr); done {
				return
			}
			tt.want.Path = "mem.tml"
			assertDocument(t, got, &tt.want)
		})
	}
}

// checkErr checks err against want, a substring the error must contain, or
// "" for no error, and reports whether the test case is done (an error was
// expected and found).
func checkErr(t *testing.T, err error, want string) (done bool) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("err = %v, want one containing %q", err, want)
	}
	return want != ""
}

// assertDocument fails t unless got and want hold the same fields.
func assertDocument(t *testing.T, got, want *Document) {
	t.Helper()
	if got.ID != want.ID || got.Path != want.Path || got.DCT != want.DCT || got.DCTValue != want.DCTValue {
		t.Errorf("header = %q %q %v %q, want %q %q %v %q",
			got.ID, got.Path, got.DCT, got.DCTValue, want.ID, want.Path, want.DCT, want.DCTValue)
	}
	if got.Text != want.Text {
		t.Errorf("text = %q, want %q", got.Text, want.Text)
	}
	if len(got.Timexes) != len(want.Timexes) {
		t.Fatalf("timexes = %+v, want %+v", got.Timexes, want.Timexes)
	}
	for i := range got.Timexes {
		if got.Timexes[i] != want.Timexes[i] {
			t.Errorf("timex %d = %+v, want %+v", i, got.Timexes[i], want.Timexes[i])
		}
	}
}

// TestTBAQReader checks the reader on the whole corpus: document and
// annotation counts, and that every gold span's offsets give back its text.
func TestTBAQReader(t *testing.T) {
	docs := loadTBAQ(t)
	perDir := map[string]int{}
	timexes := 0
	for _, d := range docs {
		perDir[filepath.Base(filepath.Dir(d.Path))]++
		if d.DCT.IsZero() || d.ID == "" {
			t.Errorf("%s: id %q, DCT %v", d.Path, d.ID, d.DCT)
		}
		for _, tx := range d.Timexes {
			timexes++
			if tx.Start < 0 || tx.End > len(d.Text) || tx.Start >= tx.End {
				t.Errorf("%s %s: bad span [%d,%d)", d.ID, tx.ID, tx.Start, tx.End)
				continue
			}
			if d.Text[tx.Start:tx.End] != tx.Text {
				t.Errorf("%s %s: text[%d:%d] = %q, want %q", d.ID, tx.ID, tx.Start, tx.End, d.Text[tx.Start:tx.End], tx.Text)
			}
			if tx.Type == "" || tx.Value == "" {
				t.Errorf("%s %s: type %q value %q", d.ID, tx.ID, tx.Type, tx.Value)
			}
		}
	}
	if len(docs) != 256 || perDir["TimeBank"] != 183 || perDir["AQUAINT"] != 73 {
		t.Errorf("documents = %d (%v), want 256 (TimeBank 183, AQUAINT 73)", len(docs), perDir)
	}
	if timexes != 1822 {
		t.Errorf("gold TIMEX3 in TEXT = %d, want 1822", timexes)
	}
}

// FuzzReadTimeML checks that the reader never panics and that every span it
// returns gives back its text.
func FuzzReadTimeML(f *testing.F) {
	f.Add(`<TimeML><DCT><TIMEX3 value="1998-01-08"/></DCT><TEXT>a <TIMEX3 type="DATE" value="X">b<TIMEX3>c</TIMEX3></TIMEX3>&amp;</TEXT></TimeML>`)
	f.Add(`<DCT><TIMEX3 value="1998-01-08T10:00"></TIMEX3></DCT><TEXT><TIMEX3>é</TIMEX3></TEXT><TEXT>x</TEXT>`)
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := ReadTimeML(strings.NewReader(in), "fuzz.tml")
		if err != nil {
			return
		}
		if doc.DCT.IsZero() {
			t.Errorf("no DCT and no error")
		}
		for _, tx := range doc.Timexes {
			if tx.Start < 0 || tx.End > len(doc.Text) || tx.Start >= tx.End || doc.Text[tx.Start:tx.End] != tx.Text {
				t.Fatalf("bad span %+v in %q", tx, doc.Text)
			}
		}
	})
}
