package evaluate

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/timelined/timelined/internal/dates"
)

// Timex is one TIMEX3 annotation of a document's plain text: a gold
// annotation read from a TimeML file or one produced by a system.
type Timex struct {
	// ID is the TIMEX3 tid ("t12"); optional for system output.
	ID string `json:"tid,omitempty"`
	// Start and End are half-open byte offsets into the document's plain
	// text (see Document.Text).
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the annotated text, Document.Text[Start:End]; optional for
	// system output (the scorer reads it from the document).
	Text string `json:"text,omitempty"`
	// Type is the TIMEX3 type: DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value ("1998-08-07", "P5Y", "PRESENT_REF").
	Value string `json:"value"`
	// Mod is the TIMEX3 mod ("START", "APPROX", ...) or "".
	Mod string `json:"mod,omitempty"`
}

// Document is one TimeML document: its creation time and the plain text of
// its TEXT element with the gold TIMEX3 annotations in it.
type Document struct {
	// ID is the DOCID ("APW19980807.0261").
	ID string
	// Path is the file the document was read from, if any.
	Path string
	// DCT is the calendar day of the document creation time.
	DCT dates.Date
	// DCTValue is the creation time's TIMEX3 value as written, which may
	// carry a time of day ("1998-08-07T06:18:00").
	DCTValue string
	// Text is the character content of the TEXT element with every tag
	// removed and XML entities decoded, exactly as the characters appear
	// (including the newlines around the element's content).
	Text string
	// Timexes are the TIMEX3 elements inside TEXT, in document order.
	// Non-consuming (empty) TIMEX3 elements are left out: they have no span
	// to score.
	Timexes []Timex
}

// ReadTimeML parses one TimeML document from r. name is used in errors and
// stored as Document.Path.
func ReadTimeML(r io.Reader, name string) (*Document, error) {
	doc := &Document{Path: name}
	dec := xml.NewDecoder(r)

	var (
		text    strings.Builder
		inText  bool // inside <TEXT>
		inDCT   bool // inside <DCT>
		inDocID bool // inside <DOCID>
		docID   strings.Builder
		// open holds the TIMEX3 elements inside TEXT that have started but
		// not ended (TimeML does not nest them, but a stack costs nothing).
		open   []Timex
		sawDCT bool
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read TimeML %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "DOCID":
				inDocID = true
			case "DCT":
				inDCT = true
			case "TEXT":
				inText = true
			case "TIMEX3":
				switch {
				case inText:
					open = append(open, Timex{
						ID:    attr(t, "tid"),
						Start: text.Len(),
						Type:  attr(t, "type"),
						Value: attr(t, "value"),
						Mod:   attr(t, "mod"),
					})
				case inDCT || attr(t, "functionInDocument") == "CREATION_TIME":
					if sawDCT {
						return nil, fmt.Errorf("read TimeML %s: more than one creation time", name)
					}
					sawDCT = true
					doc.DCTValue = attr(t, "value")
					day, err := dctDate(doc.DCTValue)
					if err != nil {
						return nil, fmt.Errorf("read TimeML %s: creation time: %w", name, err)
					}
					doc.DCT = day
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "DOCID":
				inDocID = false
			case "DCT":
				inDCT = false
			case "TEXT":
				inText = false
			case "TIMEX3":
				if !inText || len(open) == 0 {
					break
				}
				tx := open[len(open)-1]
				open = open[:len(open)-1]
				tx.End = text.Len()
				if tx.End > tx.Start {
					tx.Text = text.String()[tx.Start:tx.End]
					doc.Timexes = append(doc.Timexes, tx)
				}
			}
		case xml.CharData:
			switch {
			case inText:
				text.Write(t)
			case inDocID:
				docID.Write(t)
			}
		}
	}
	if !sawDCT {
		return nil, fmt.Errorf("read TimeML %s: no creation time (TIMEX3 in DCT)", name)
	}
	doc.ID = strings.TrimSpace(docID.String())
	if doc.ID == "" {
		// A document without DOCID is still usable: name it by its file.
		doc.ID = strings.TrimSuffix(filepath.Base(name), ".tml")
	}
	doc.Text = text.String()
	// Inner elements end first; report in document order.
	slices.SortStableFunc(doc.Timexes, func(a, b Timex) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return doc, nil
}

// dctDate returns the calendar day of a creation-time value, which starts
// with YYYY-MM-DD and may go on with a time of day.
func dctDate(value string) (dates.Date, error) {
	if len(value) < len("2006-01-02") {
		return dates.Date{}, fmt.Errorf("value %q is not a calendar day", value)
	}
	d, err := dates.ParseDate(value[:len("2006-01-02")])
	if err != nil {
		return dates.Date{}, err
	}
	if rest := value[len("2006-01-02"):]; rest != "" && rest[0] != 'T' {
		return dates.Date{}, fmt.Errorf("value %q is not a calendar day", value)
	}
	return d, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ReadTimeMLFile parses the TimeML file at path.
func ReadTimeMLFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read TimeML: %w", err)
	}
	defer f.Close()
	return ReadTimeML(f, path)
}

// LoadDir reads every *.tml file below dir (recursively), in lexical order
// of their paths. Two documents with the same DOCID are an error, since the
// scorer pairs gold and system output by DOCID.
func LoadDir(dir string) ([]*Document, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load TimeML directory: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load TimeML directory %s: no .tml files", dir)
	}
	slices.Sort(paths)
	docs := make([]*Document, 0, len(paths))
	seen := make(map[string]string, len(paths))
	for _, p := range paths {
		doc, err := ReadTimeMLFile(p)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[doc.ID]; ok {
			return nil, fmt.Errorf("load TimeML directory: DOCID %s in both %s and %s", doc.ID, prev, p)
		}
		seen[doc.ID] = p
		docs = append(docs, doc)
	}
	return docs, nil
}
