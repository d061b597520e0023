package evaluate

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestSystemOutputSpans(t *testing.T) {
	// "é" is 2 bytes, 1 code point, 1 UTF-16 unit; "🎉" is 4 bytes, 1 code
	// point, 2 UTF-16 units.
	const text = "é🎉 on Friday"
	docs := []*Document{{ID: "A", Text: text}, {ID: "B", Text: "x"}}
	friday := strings.Index(text, "Friday")
	tests := []struct {
		name       string
		json       string
		want       map[string][]Timex
		wantErr    string
		wantReadEr string
	}{
		{
			name: "bytes by default",
			json: `{"system":"s","docs":{"A":[{"start":10,"end":16,"type":"DATE","value":"XXXX-WXX-5"}]}}`,
			want: map[string][]Timex{"A": {{Start: friday, End: friday + 6, Text: "Friday", Type: "DATE", Value: "XXXX-WXX-5"}}},
		},
		{
			name: "UTF-16 units",
			json: `{"units":"utf16","docs":{"A":[{"start":7,"end":13,"type":"DATE","value":"v"}],"B":[]}}`,
			want: map[string][]Timex{"A": {{Start: friday, End: friday + 6, Text: "Friday", Type: "DATE", Value: "v"}}, "B": {}},
		},
		{
			name: "code points",
			json: `{"units":"codepoints","docs":{"A":[{"start":0,"end":2,"type":"DATE","value":"v","mod":"START"}]}}`,
			want: map[string][]Timex{"A": {{Start: 0, End: 6, Text: "é🎉", Type: "DATE", Value: "v", Mod: "START"}}},
		},
		{
			name:    "inside a surrogate pair",
			json:    `{"units":"utf16","docs":{"A":[{"start":2,"end":5,"type":"DATE","value":"v"}]}}`,
			wantErr: "not a span of the text",
		},
		{
			name:    "byte offset inside a character",
			json:    `{"docs":{"A":[{"start":1,"end":5,"type":"DATE","value":"v"}]}}`,
			wantErr: "not a span of the text",
		},
		{
			name:    "past the end",
			json:    `{"units":"codepoints","docs":{"A":[{"start":3,"end":13,"type":"DATE","value":"v"}]}}`,
			wantErr: "not a span of the text",
		},
		{
			name:    "unknown document",
			json:    `{"docs":{"C":[]}}`,
			wantErr: "not in the corpus",
		},
		{
			name:       "unknown units",
			json:       `{"units":"runes","docs":{}}`,
			wantReadEr: "units",
		},
		{
			name:       "misspelt field",
			json:       `{"docs":{"A":[{"begin":1,"end":2}]}}`,
			wantReadEr: "unknown field",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := ReadSystem(strings.NewReader(tt.json))
			if done := checkErr(t, err, tt.wantReadEr); done {
				return
			}
			got, err := out.Spans(docs)
			if done := checkErr(t, err, tt.wantErr); done {
				return
			}
			gotJSON, _ := json.Marshal(got)
			wantJSON, _ := json.Marshal(tt.want)
			if !bytes.Equal(gotJSON, wantJSON) {
				t.Errorf("spans = %s, want %s", gotJSON, wantJSON)
			}
		})
	}
}

func TestWriteCorpus(t *testing.T) {
	docs := []*Document{
		{ID: "A", DCTValue: "1998-08-07T06:18:00", Text: "\n<Friday> & \"then\"\n"},
		{ID: "B", DCTValue: "1998-01-08", Text: ""},
	}
	docs[0].DCT, _ = dctDate(docs[0].DCTValue)
	docs[1].DCT, _ = dctDate(docs[1].DCTValue)
	var buf bytes.Buffer
	if err := WriteCorpus(&buf, docs); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"A","dct":"1998-08-07","text":"\n<Friday> & \"then\"\n"}
{"id":"B","dct":"1998-01-08","text":""}
`
	if buf.String() != want {
		t.Errorf("corpus =\n%s\nwant\n%s", buf.String(), want)
	}
}
