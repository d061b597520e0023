package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// Offset units a SystemOutput may use.
const (
	UnitBytes      = "bytes"      // UTF-8 bytes (Go), the default
	UnitUTF16      = "utf16"      // UTF-16 code units (JavaScript strings)
	UnitCodePoints = "codepoints" // Unicode code points (Python strings)
)

// SystemOutput is the annotations an external system made on a corpus, in
// the JSON form described in the package documentation.
type SystemOutput struct {
	// System names the system ("olebedev/when v1.1.0"); informational.
	System string `json:"system,omitempty"`
	// Units is the unit of the offsets: UnitBytes (also when empty),
	// UnitUTF16 or UnitCodePoints.
	Units string `json:"units,omitempty"`
	// Docs maps a DOCID to that document's annotations.
	Docs map[string][]Timex `json:"docs"`
}

// ReadSystem decodes a SystemOutput from r.
func ReadSystem(r io.Reader) (*SystemOutput, error) {
	var out SystemOutput
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("read system output: %w", err)
	}
	switch out.Units {
	case "", UnitBytes, UnitUTF16, UnitCodePoints:
	default:
		return nil, fmt.Errorf("read system output: units %q: want %q, %q or %q", out.Units, UnitBytes, UnitUTF16, UnitCodePoints)
	}
	return &out, nil
}

// LoadSystem reads the SystemOutput JSON file at path.
func LoadSystem(path string) (*SystemOutput, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load system output: %w", err)
	}
	defer f.Close()
	out, err := ReadSystem(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// Spans returns the annotations by DOCID with byte offsets into the texts of
// docs, converting from o.Units, ready for Score. An offset that lies
// outside its text or inside a character, or a DOCID not in docs, is an
// error.
func (o *SystemOutput) Spans(docs []*Document) (map[string][]Timex, error) {
	text := make(map[string]string, len(docs))
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	out := make(map[string][]Timex, len(o.Docs))
	for id, ts := range o.Docs {
		t, ok := text[id]
		if !ok {
			return nil, fmt.Errorf("system output: document %q is not in the corpus", id)
		}
		conv := offsetConverter(t, o.Units)
		spans := make([]Timex, len(ts))
		for i, tx := range ts {
			start, okStart := conv(tx.Start)
			end, okEnd := conv(tx.End)
			if !okStart || !okEnd || start >= end {
				return nil, fmt.Errorf("system output: document %s: span [%d,%d) in %s is not a span of the text", id, tx.Start, tx.End, unitsName(o.Units))
			}
			tx.Start, tx.End, tx.Text = start, end, t[start:end]
			spans[i] = tx
		}
		out[id] = spans
	}
	return out, nil
}

func unitsName(u string) string {
	if u == "" {
		return UnitBytes
	}
	return u
}

// offsetConverter returns a function mapping an offset in units into text to
// a byte offset, and whether the offset falls on a character boundary
// inside the text.
func offsetConverter(text, units string) func(int) (int, bool) {
	if units == "" || units == UnitBytes {
		return func(n int) (int, bool) {
			return n, n >= 0 && n <= len(text) && (n == len(text) || utf8.RuneStart(text[n]))
		}
	}
	// byteAt[k] is the byte offset of unit k, or -1 inside a character
	// (the second UTF-16 unit of a surrogate pair).
	byteAt := make([]int, 0, len(text)+1)
	for i, r := range text {
		byteAt = append(byteAt, i)
		if units == UnitUTF16 && r >= 0x10000 {
			byteAt = append(byteAt, -1)
		}
	}
	byteAt = append(byteAt, len(text))
	return func(n int) (int, bool) {
		if n < 0 || n >= len(byteAt) || byteAt[n] < 0 {
			return 0, false
		}
		return byteAt[n], true
	}
}

// CorpusLine is one line of the corpus export WriteCorpus writes.
type CorpusLine struct {
	ID string `json:"id"`
	// DCT is the creation date, YYYY-MM-DD: the reference date to give a
	// system.
	DCT string `json:"dct"`
	// Text is Document.Text, the text offsets refer to.
	Text string `json:"text"`
}

// WriteCorpus writes docs to w as JSON lines, one CorpusLine per document,
// so that other systems can be run on exactly the text the gold offsets
// refer to.
func WriteCorpus(w io.Writer, docs []*Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(CorpusLine{ID: d.ID, DCT: d.DCT.String(), Text: d.Text}); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}
