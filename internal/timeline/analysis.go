package timeline

import (
	"context"
	"slices"
	"unsafe"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/sentences"
)

// AnalysisVersion names the rules an article's analysis was made with:
// cleaning, sentence splitting, dating (expressions, context, publication
// day), tense, event frames, word lists, stop words and stemmer, and the
// encoding of MarshalBinary. It changes whenever any of them changes, so
// that an analysis kept from an older version (by a Cache, or by a store
// of stories) is made again rather than merged with newer ones: Merge
// analyses such an article anew, and UnmarshalBinary refuses its encoding
// (ErrAnalysisVersion).
const AnalysisVersion = 7

// Analysis is what one article tells on its own, before it meets the
// others: the analyze half of Build (Build = Merge of Analyze of each
// article). A story service stores each article's Analysis (MarshalBinary)
// beside it, so that a rebuild after a restart or on another replica only
// merges.
//
// An Analysis is never changed once made: Merge and Cache share it, and a
// merge keeps what it finds of the events beside them (candidate). Its exported fields describe it; the features
// merging compares (stemmed words, names, event frames) are unexported and
// travel with MarshalBinary.
type Analysis struct {
	// Version is the AnalysisVersion that made the analysis.
	Version int
	// Article is the article analysed. Citations name Article.ID: Build
	// gives a cached analysis the id of the request it serves.
	Article Article
	// Publication is the publication date the events are dated against:
	// given, or inferred from the text. When neither the article nor its
	// text fixes a year, the date is zero and Merge borrows the latest
	// publication date of the other articles, dating the article anew.
	Publication Publication
	// Sentences are the article's sentences, junk left out as holes
	// (Sentence.Text is the cleaned text), photo captions marked.
	Sentences []Sentence

	clean  cleaned
	ev     evidence // publication evidence, when Article.Published is zero
	events []event  // the dated events
	names  []uint64 // the article's names, sorted and distinct
	// owned says that no one else holds the analysis (the merge made it,
	// or Build without a cache), so that the merge may write the summaries
	// of its events in place (see summaryIn).
	owned bool
}

// Sentence is one sentence of an article: its byte range in the text, its
// paragraph, the junk inside it (holes its Text leaves out), and whether
// it stands in a photo caption.
type Sentence struct {
	sentences.Sentence
	Caption bool
}

// Span is a half-open byte range of an article's text.
type Span = sentences.Span

// Event is one dated event an article tells, as its Analysis found it:
// the citation (quote, expression, how the date was found), the inclusive
// interval of its date, whether it happened or was planned, its one-line
// summary, and the index of its sentence in Analysis.Sentences.
type Event struct {
	Citation   Citation
	Start, End dates.Date
	Kind       Kind
	Summary    string
	Sentence   int
}

// Events returns the dated events of the analysis, in the order of its
// sentences; a sentence that reports two events dated differently gives
// two.
func (an *Analysis) Events() []Event {
	out := make([]Event, len(an.events))
	for i := range an.events {
		c := &an.events[i]
		out[i] = Event{Citation: c.cit, Start: c.start, End: c.end, Kind: c.kind, Sentence: c.leadOrder}
		out[i].Summary, _ = c.summaryIn(an)
		out[i].Citation.ArticleID = an.Article.ID
	}
	return out
}

// Analyze analyses one article on its own: it cleans the text, splits the
// sentences, infers the publication date when the article has none, dates
// every temporal expression and finds the events the sentences report.
// It returns ctx.Err() when the context ends first.
func Analyze(ctx context.Context, a Article) (*Analysis, error) {
	an, err := analyze(ctx, &a, dates.ResolveContext)
	if err != nil {
		return nil, err
	}
	an.keep()
	return an, nil
}

// keep readies the analysis to be kept (stored, cached) and merged many
// times. It writes every event's summary now: each merge would write the
// summaries of the wordings it shows again (Build writes them only when
// needed for an analysis no one keeps). And it moves the events, their
// token lists and the names into arrays of their exact length: they were
// made with room to grow (a sixth of the cache of a large story), the
// token lists one by one.
func (an *Analysis) keep() {
	for i := range an.events {
		e := &an.events[i]
		if !e.summed {
			e.summary, e.words = e.writeSummary(an)
			e.summed = true
		}
	}
	an.events, an.names = packEvents(an.events), nilIfEmpty(slices.Clone(an.names))
}

// analyze is Analyze with the date engine as a parameter.
func analyze(ctx context.Context, a *Article, resolve resolver) (*Analysis, error) {
	an := &Analysis{Version: AnalysisVersion, Article: *a}
	an.clean = clean(a.Title, a.Text)
	an.Sentences = splitSentences(a.Text, &an.clean)
	if a.Published.IsZero() {
		ms, err := resolve(ctx, a.Text, dates.Options{DocType: dates.News})
		if err != nil {
			return nil, err
		}
		an.ev = gatherEvidence(a.Text, ms)
		an.Publication = inferFrom(a.ID, &an.ev, dates.Date{})
	} else {
		an.Publication = Publication{ArticleID: a.ID, Date: a.Published, Basis: basisGiven}
	}
	if err := an.date(ctx, resolve); err != nil {
		return nil, err
	}
	an.clean.junk, an.clean.captions = nilIfEmpty(an.clean.junk), nilIfEmpty(an.clean.captions)
	an.ev.explicit, an.ev.monthDays = nilIfEmpty(an.ev.explicit), nilIfEmpty(an.ev.monthDays)
	an.Sentences = nilIfEmpty(an.Sentences)
	for i := range an.Sentences {
		an.Sentences[i].Holes = nilIfEmpty(an.Sentences[i].Holes)
	}
	return an, nil
}

// date finds the events of the analysis dated against its publication date.
func (an *Analysis) date(ctx context.Context, resolve resolver) error {
	a := &an.Article
	ms, err := resolve(ctx, a.Text, dates.Options{Reference: an.Publication.Date, DocType: dates.News})
	if err != nil {
		return err
	}
	events, names := articleEvents(ctx, a, an.Publication.Date, &an.clean, an.Sentences, ms)
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range events {
		c := &events[i]
		// Empty lists are nil, as a decoded analysis has them.
		c.tokens, c.core, c.head = nilIfEmpty(c.tokens), nilIfEmpty(c.core), nilIfEmpty(c.head)
		c.alts = nilIfEmpty(c.alts)
		c.subject, c.names = nilIfEmpty(c.subject), nilIfEmpty(c.names)
		c.frame.ids = nilIfEmpty(c.frame.ids)
	}
	an.events, an.names = nilIfEmpty(events), nilIfEmpty(names)
	return nil
}

// packEvents returns a copy of events of their exact length, and their
// lists of tokens, core words and head words moved into one array, side
// by side.
func packEvents(events []event) []event {
	if len(events) == 0 {
		return nil
	}
	out := slices.Clone(events)
	n := 0
	for i := range out {
		n += len(out[i].tokens) + len(out[i].core) + len(out[i].head)
	}
	arena := make([]token, 0, n)
	for i := range out {
		e := &out[i]
		e.tokens, arena = carve(arena, e.tokens)
		e.core, arena = carve(arena, e.core)
		e.head, arena = carve(arena, e.head)
	}
	return out
}

// carve copies src to the end of arena, within its capacity, and returns
// the copy (nil for nil) and the grown arena.
func carve(arena, src []token) ([]token, []token) {
	if src == nil {
		return nil, arena
	}
	n := len(arena)
	arena = append(arena, src...)
	return arena[n:len(arena):len(arena)], arena
}

// borrows reports whether the article's date comes from the others: none
// was given and its text fixes no year.
func (an *Analysis) borrows() bool { return an.Article.Published.IsZero() && !an.ev.hasYear() }

// as returns a copy of the analysis serving article a, the same text under
// another id (or URL, or source).
func (an *Analysis) as(a *Article) *Analysis {
	cp := *an
	cp.Article = *a
	cp.Publication.ArticleID = a.ID
	cp.owned = false
	return &cp
}

// size estimates the bytes the analysis holds, text included.
func (an *Analysis) size() int64 {
	a := &an.Article
	size := int64(len(a.ID)+len(a.Title)+len(a.Text)+len(a.URL)+len(a.Source)+len(an.Publication.Basis)) +
		int64(unsafe.Sizeof(*an)) + int64(len(an.names)*8)
	for i := range an.Sentences {
		size += int64(unsafe.Sizeof(an.Sentences[i])) + int64(len(an.Sentences[i].Holes))*int64(unsafe.Sizeof(Span{}))
	}
	size += int64(len(an.clean.junk)+len(an.clean.captions)) * int64(unsafe.Sizeof(Span{}))
	for i := range an.events {
		cd := &an.events[i]
		size += int64(unsafe.Sizeof(*cd)) + int64(len(cd.summary)+len(cd.cit.Explanation)+len(cd.cit.Value)) +
			int64(len(cd.tokens)+len(cd.core)+len(cd.head))*int64(unsafe.Sizeof(token{})) +
			int64(len(cd.subject)+len(cd.names))*8 + int64(len(cd.alts))*int64(unsafe.Sizeof(dates.Date{}))
	}
	size += int64(len(an.ev.explicit)) * int64(unsafe.Sizeof(datedText{}))
	size += int64(len(an.ev.monthDays)) * int64(unsafe.Sizeof(monthDay{}))
	return size
}

// appendEvents appends the events of the analysis to cands as article idx
// of a merge: a candidate for each, in room, which must have room for
// them. The events are shared, not copied.
func (an *Analysis) appendEvents(cands []*candidate, room []candidate, idx int) ([]*candidate, []candidate) {
	for i := range an.events {
		room = append(room, candidate{event: &an.events[i], article: idx})
		cands = append(cands, &room[len(room)-1])
	}
	return cands, room
}

// writeSummary writes e's summary from its sentence in an, and counts its
// words.
func (e *event) writeSummary(an *Analysis) (string, int) {
	s := e.sum.of(an.Sentences[e.leadOrder].Text(an.Article.Text))
	return s, countWords(s)
}

// summaryIn returns e's summary and its length in words, e being an event
// of an: written when the analysis was made (Analyze, and a Cache's
// analyses), or now. It keeps one written now only in an analysis no one
// else holds (owned): the merges that share an analysis read it at once.
func (e *event) summaryIn(an *Analysis) (string, int) {
	if e.summed {
		return e.summary, e.words
	}
	s, n := e.writeSummary(an)
	if an.owned {
		e.summary, e.words, e.summed = s, n, true
	}
	return s, n
}

// nilIfEmpty returns s, or nil when it is empty.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
