package evaluate

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timelined/timelined/internal/dates"
)

func TestWriteTimeML(t *testing.T) {
	const text = "\nAT&T said <on> Friday, \"March 19\"\r\nthat Müller 🎉 left 2 days ago.\n"
	tests := []struct {
		name    string
		doc     Document
		wantErr string
		want    []string // substrings of the output
	}{
		{
			name: "round trip",
			doc: Document{
				ID: "doc&1", DCT: dates.NewDate(2021, 3, 22), DCTValue: "2021-03-22T10:00", Text: text,
				Timexes: []Timex{
					ann(t, text, "Friday", "DATE", "2021-03-19"),
					{ID: "t7", Start: strings.Index(text, "March"), End: strings.Index(text, "March") + 8, Text: "March 19", Type: "DATE", Value: "2021-03-19", Mod: "START"},
					ann(t, text, "2 days ago", "DATE", "2021-03-20"),
				},
			},
			want: []string{
				`<DOCID>doc&amp;1</DOCID>`,
				`<DCT><TIMEX3 tid="t0" type="TIME" value="2021-03-22T10:00" temporalFunction="false" functionInDocument="CREATION_TIME">2021-03-22T10:00</TIMEX3></DCT>`,
				"<TEXT>\nAT&amp;T said &lt;on&gt; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-03-19\">Friday</TIMEX3>, &quot;<TIMEX3 tid=\"t7\" type=\"DATE\" value=\"2021-03-19\" mod=\"START\">March 19</TIMEX3>&quot;&#xD;\n",
				"</TEXT>\n",
			},
		},
		{
			name: "annotation at both ends; DCT from the date",
			doc: Document{
				ID: "d", DCT: dates.NewDate(2021, 3, 22), Text: "Friday",
				Timexes: []Timex{{Start: 0, End: 6, Type: "DATE", Value: "2021-03-19"}},
			},
			want: []string{`type="DATE" value="2021-03-22"`, `<TEXT><TIMEX3 tid="t1" type="DATE" value="2021-03-19">Friday</TIMEX3></TEXT>`},
		},
		{
			name:    "overlapping annotations",
			doc:     Document{ID: "d", Text: text, Timexes: []Timex{at(text, 1, 5, "DATE", "X"), at(text, 3, 8, "DATE", "X")}},
			wantErr: "overlaps",
		},
		{
			name:    "annotation cutting a character",
			doc:     Document{ID: "d", Text: "Müller", Timexes: []Timex{{Start: 0, End: 2, Type: "DATE", Value: "X"}}},
			wantErr: "cuts a character",
		},
		{
			name:    "annotation outside the text",
			doc:     Document{ID: "d", Text: "abc", Timexes: []Timex{{Start: 1, End: 4, Type: "DATE", Value: "X"}}},
			wantErr: "not a span",
		},
		{
			name:    "invalid UTF-8",
			doc:     Document{ID: "d", Text: "a\xffb"},
			wantErr: "not valid UTF-8",
		},
		{
			name:    "control character",
			doc:     Document{ID: "d", Text: "a\x0cb"},
			wantErr: "XML does not allow",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteTimeML(&buf, &tt.doc)
			if done := checkErr(t, err, tt.wantErr); done {
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
			assertRoundTrip(t, &tt.doc, buf.Bytes())
		})
	}
}

// assertRoundTrip fails t unless out, the TimeML written for doc, reads back
// to doc's ID, creation time, text and spans.
func assertRoundTrip(t *testing.T, doc *Document, out []byte) {
	t.Helper()
	got, err := ReadTimeML(bytes.NewReader(out), doc.Path)
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, out)
	}
	want := *doc
	if want.DCTValue == "" {
		want.DCTValue = want.DCT.String()
	}
	want.Timexes = make([]Timex, len(doc.Timexes))
	for i, tx := range doc.Timexes {
		if tx.ID == "" {
			tx.ID = "t" + string(rune('1'+i))
		}
		tx.Text = doc.Text[tx.Start:tx.End]
		want.Timexes[i] = tx
	}
	assertDocument(t, got, &want)
}

// TestTBAQWriteRoundTrip writes every TBAQ document with its gold
// annotations and reads it back.
func TestTBAQWriteRoundTrip(t *testing.T) {
	for _, d := range loadTBAQ(t) {
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, d); err != nil {
			t.Fatal(err)
		}
		got, err := ReadTimeML(&buf, d.Path)
		if err != nil {
			t.Fatalf("%s: reading back: %v", d.ID, err)
		}
		assertDocument(t, got, d)
	}
}

// FuzzWriteTimeML checks that whatever text and spans WriteTimeML accepts
// read back unchanged.
func FuzzWriteTimeML(f *testing.F) {
	f.Add("said on Friday & <later>", 8, 14, 17, 24)
	f.Add("\r\nMüller\r", 0, 2, 2, 9)
	f.Add("", 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		doc := &Document{ID: "fuzz", DCT: dates.NewDate(2021, 3, 22), Text: text}
		for _, span := range [][2]int{{s1, e1}, {s2, e2}} {
			doc.Timexes = append(doc.Timexes, Timex{Start: span[0], End: span[1], Type: "DATE", Value: "2021-03-19"})
		}
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, doc); err != nil {
			if utf8.ValidString(text) && !strings.ContainsFunc(text, func(r rune) bool { return !xmlChar(r) }) &&
				0 <= s1 && s1 < e1 && e1 <= s2 && s2 < e2 && e2 <= len(text) &&
				utf8.RuneStart(text[s1]) && utf8.RuneStart(text[s2]) &&
				(e1 == len(text) || utf8.RuneStart(text[e1])) && (e2 == len(text) || utf8.RuneStart(text[e2])) {
				t.Fatalf("valid input rejected: %v", err)
			}
			return
		}
		assertRoundTrip(t, doc, buf.Bytes())
	})
}
