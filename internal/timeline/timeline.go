// Package timeline turns a set of news articles into one chronology: it
// cleans each text (keeping offsets), splits sentences, dates the events they
// report with package dates, merges the same event told by several articles
// into one entry citing each of them, and orders the result.
//
// It knows nothing of gRPC. Offsets are byte offsets into Article.Text.
package timeline

import (
	"context"

	"github.com/timelined/timelined/internal/dates"
)

// Article is one input article.
type Article struct {
	ID, Title, Text string
	// Published is the publication date; zero means "infer it from the text".
	Published   dates.Date
	URL, Source string
}

// Options control Build.
type Options struct {
	// WindowStart and WindowEnd bound the story window; zero values mean
	// "derive from the articles".
	WindowStart, WindowEnd dates.Date
}

// Kind says whether an entry happened or was planned/proposed.
type Kind int

// The entry kinds.
const (
	Occurrence Kind = iota + 1
	Planned
)

// Publication is the publication date used for one article.
type Publication struct {
	ArticleID string
	Date      dates.Date // zero when neither given nor inferable
	Inferred  bool
	Basis     string // "given" or the evidence of the inference
}

// Citation is one article's evidence for an entry.
type Citation struct {
	ArticleID  string
	Quote      string // verbatim Text[Start:End]
	Start, End int    // byte offsets into the article's Text
	Expression string // the temporal expression that dated the event
	Value      string // the TIMEX3 value this article gives
	Caption    bool
}

// Conflict is a differing date some sources give for an entry's event.
type Conflict struct {
	Value       string
	ArticleIDs  []string
	Expressions []string
	Note        string
}

// Entry is one event of the chronology.
type Entry struct {
	Value              string // TIMEX3 value at the entry's granularity
	StartDate, EndDate dates.Date
	Summary            string
	Kind               Kind
	Citations          []Citation
	Conflicts          []Conflict
}

// Result is a built chronology.
type Result struct {
	Entries, Background    []Entry
	Articles               []Publication
	WindowStart, WindowEnd dates.Date
}

// Build builds one chronology from articles. It returns ctx.Err() when the
// context ends first.
//
// STUB: the pipeline replaces this.
func Build(ctx context.Context, articles []Article, opts Options) (*Result, error) {
	return &Result{}, ctx.Err()
}

// InferPublication infers the publication date of one article from its text.
//
// STUB: the pipeline replaces this.
func InferPublication(a Article) Publication {
	return Publication{ArticleID: a.ID}
}
