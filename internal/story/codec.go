package story

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/timeline"
)

// The stored forms of entries, batches and entry orders: JSON, one form
// for every Store, so that a database can be read by a person and moved
// between drivers. Dates are [year, month, day], lossless for the years
// before the era that entries can carry.

type jsonDate [3]int

func toJSONDate(d dates.Date) *jsonDate {
	if d.IsZero() {
		return nil
	}
	return &jsonDate{d.Year, int(d.Month), d.Day}
}

func (j *jsonDate) date() dates.Date {
	if j == nil {
		return dates.Date{}
	}
	return dates.Date{Year: j[0], Month: time.Month(j[1]), Day: j[2]}
}

type jsonCitation struct {
	Article     string `json:"a"`
	Quote       string `json:"q"`
	Start       int    `json:"s"`
	End         int    `json:"e"`
	RuneStart   int    `json:"rs"`
	RuneEnd     int    `json:"re"`
	Expression  string `json:"x"`
	Value       string `json:"v"`
	Caption     bool   `json:"c,omitempty"`
	Source      int    `json:"ds,omitempty"`
	Explanation string `json:"why,omitempty"`
}

type jsonConflict struct {
	Value       string   `json:"v"`
	Articles    []string `json:"a"`
	Expressions []string `json:"x"`
	Note        string   `json:"n"`
}

type jsonEntry struct {
	ID        string         `json:"id,omitempty"`
	Value     string         `json:"v"`
	Start     *jsonDate      `json:"s,omitempty"`
	End       *jsonDate      `json:"e,omitempty"`
	Summary   string         `json:"t"`
	Kind      int            `json:"k"`
	Citations []jsonCitation `json:"c"`
	Conflicts []jsonConflict `json:"f,omitempty"`
	Source    int            `json:"ds,omitempty"`
	Focus     []string       `json:"fo,omitempty"`
}

func toJSONEntry(e *Entry) jsonEntry {
	j := jsonEntry{
		ID: e.ID, Value: e.Value, Start: toJSONDate(e.StartDate), End: toJSONDate(e.EndDate),
		Summary: e.Summary, Kind: int(e.Kind), Citations: make([]jsonCitation, len(e.Citations)),
		Source: int(e.Source), Focus: e.Focus,
	}
	for i, c := range e.Citations {
		j.Citations[i] = jsonCitation{c.ArticleID, c.Quote, c.Start, c.End, c.RuneStart, c.RuneEnd, c.Expression, c.Value, c.Caption,
			int(c.Source), c.Explanation}
	}
	for _, c := range e.Conflicts {
		j.Conflicts = append(j.Conflicts, jsonConflict{c.Value, c.ArticleIDs, c.Expressions, c.Note})
	}
	return j
}

func (j *jsonEntry) entry() Entry {
	e := Entry{ID: j.ID, Entry: timeline.Entry{
		Value: j.Value, StartDate: j.Start.date(), EndDate: j.End.date(),
		Summary: j.Summary, Kind: timeline.Kind(j.Kind), Citations: make([]timeline.Citation, len(j.Citations)),
		Source: timeline.DateSource(j.Source), Focus: j.Focus,
	}}
	for i, c := range j.Citations {
		e.Citations[i] = timeline.Citation{
			ArticleID: c.Article, Quote: c.Quote, Start: c.Start, End: c.End, RuneStart: c.RuneStart, RuneEnd: c.RuneEnd,
			Expression: c.Expression, Value: c.Value, Caption: c.Caption,
			Source: timeline.DateSource(c.Source), Explanation: c.Explanation,
		}
	}
	for _, c := range j.Conflicts {
		e.Conflicts = append(e.Conflicts, timeline.Conflict{Value: c.Value, ArticleIDs: c.Articles, Expressions: c.Expressions, Note: c.Note})
	}
	return e
}

// EncodeEntry returns the stored form of an entry (with its id).
func EncodeEntry(e *Entry) ([]byte, error) {
	b, err := json.Marshal(toJSONEntry(e))
	if err != nil {
		return nil, fmt.Errorf("encode entry %s: %w", e.ID, err)
	}
	return b, nil
}

// DecodeEntry reads what EncodeEntry wrote.
func DecodeEntry(data []byte) (Entry, error) {
	var j jsonEntry
	if err := json.Unmarshal(data, &j); err != nil {
		return Entry{}, fmt.Errorf("decode entry: %w", err)
	}
	return j.entry(), nil
}

type jsonBatchHeader struct {
	WindowStart  *jsonDate `json:"ws,omitempty"`
	WindowEnd    *jsonDate `json:"we,omitempty"`
	ArticleCount int       `json:"n"`
}

// EncodeBatchHeader returns the stored form of what a version's batch
// says besides its changes (the window and the number of articles); each
// change is stored apart, its entry as EncodeEntry writes it, so that a
// version that changes every entry of a large story is never one huge
// value in memory.
func EncodeBatchHeader(b *Batch) []byte {
	data, _ := json.Marshal(jsonBatchHeader{toJSONDate(b.WindowStart), toJSONDate(b.WindowEnd), b.ArticleCount}) // always marshals
	return data
}

// DecodeBatchHeader reads what EncodeBatchHeader wrote into a batch of
// version.
func DecodeBatchHeader(version int64, data []byte) (Batch, error) {
	var j jsonBatchHeader
	if err := json.Unmarshal(data, &j); err != nil {
		return Batch{}, fmt.Errorf("decode the changes of version %d: %w", version, err)
	}
	return Batch{Version: version, WindowStart: j.WindowStart.date(), WindowEnd: j.WindowEnd.date(), ArticleCount: j.ArticleCount}, nil
}

// EncodeOrder returns the stored form of a chronology's order of entries.
func EncodeOrder(o Order) ([]byte, error) {
	if o.Entries == nil {
		o.Entries = []string{}
	}
	if o.Background == nil {
		o.Background = []string{}
	}
	b, err := json.Marshal([2][]string{o.Entries, o.Background})
	if err != nil {
		return nil, fmt.Errorf("encode order: %w", err)
	}
	return b, nil
}

// DecodeOrder reads what EncodeOrder wrote; empty data is an empty order.
func DecodeOrder(data []byte) (Order, error) {
	if len(data) == 0 {
		return Order{}, nil
	}
	var o [2][]string
	if err := json.Unmarshal(data, &o); err != nil {
		return Order{}, fmt.Errorf("decode order: %w", err)
	}
	return Order{Entries: o[0], Background: o[1]}, nil
}

// EncodeFocus returns the stored form of a focus list.
func EncodeFocus(focus []string) string {
	if len(focus) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(focus) // strings always marshal
	return string(b)
}

// DecodeFocus reads what EncodeFocus wrote.
func DecodeFocus(s string) ([]string, error) {
	var f []string
	if s == "" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return nil, fmt.Errorf("decode focus: %w", err)
	}
	if len(f) == 0 {
		return nil, nil
	}
	return f, nil
}

// DateString formats a date for a store's text column; "" for zero.
// Window dates are always within years 1 to 9999.
func DateString(d dates.Date) string { return d.String() }

// ParseStoredDate reads what DateString wrote.
func ParseStoredDate(s string) (dates.Date, error) {
	if s == "" {
		return dates.Date{}, nil
	}
	return dates.ParseDate(s)
}

type jsonPublication struct {
	Date     *jsonDate `json:"d,omitempty"`
	Inferred bool      `json:"i,omitempty"`
	Basis    string    `json:"b"`
}

// EncodePublication returns the stored form of an article's publication
// date as the chronology used it (the article id is stored beside it).
func EncodePublication(p timeline.Publication) string {
	b, _ := json.Marshal(jsonPublication{toJSONDate(p.Date), p.Inferred, p.Basis}) // always marshals
	return string(b)
}

// DecodePublication reads what EncodePublication wrote, for article id;
// empty data is no publication date.
func DecodePublication(id, s string) (timeline.Publication, error) {
	p := timeline.Publication{ArticleID: id}
	if s == "" {
		return p, nil
	}
	var j jsonPublication
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return p, fmt.Errorf("decode publication of %s: %w", id, err)
	}
	p.Date, p.Inferred, p.Basis = j.Date.date(), j.Inferred, j.Basis
	return p, nil
}

// EncodeDate returns the stored form of any date, years before the era
// included: "[y,m,d]", or "" for the zero date.
func EncodeDate(d dates.Date) string {
	j := toJSONDate(d)
	if j == nil {
		return ""
	}
	return fmt.Sprintf("[%d,%d,%d]", j[0], j[1], j[2])
}

// DecodeDate reads what EncodeDate wrote.
func DecodeDate(s string) (dates.Date, error) {
	if s == "" {
		return dates.Date{}, nil
	}
	var j jsonDate
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return dates.Date{}, fmt.Errorf("decode date: %w", err)
	}
	return j.date(), nil
}
