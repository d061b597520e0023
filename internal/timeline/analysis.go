package timeline

import (
	"context"
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
// An Analysis is never changed once made: Merge and Cache share it and
// copy what they change. Its exported fields describe it; the features
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

	clean cleaned
	ev    evidence    // publication evidence, when Article.Published is zero
	cands []candidate // the dated events, article index 0, no article id
	names []uint64    // the article's names, sorted and distinct
	ntok  int         // tokens and core tokens of cands
	// owned says that no one else holds the analysis (Build without a
	// cache made it), so that Merge may weigh its tokens in place.
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
	out := make([]Event, len(an.cands))
	for i := range an.cands {
		c := &an.cands[i]
		out[i] = Event{Citation: c.cit, Start: c.start, End: c.end, Kind: c.kind, Sentence: c.leadOrder, Summary: c.summary}
		if !c.summed {
			out[i].Summary = c.sum.of(an.Sentences[c.leadOrder].Text(an.Article.Text))
		}
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
	an.summarizeAll()
	return an, nil
}

// summarizeAll writes every event's summary now: an analysis that is kept
// (stored, cached) is merged many times, and each merge would write the
// summaries of the wordings it shows again. Build writes them only when
// needed for an analysis no one keeps.
func (an *Analysis) summarizeAll() {
	for i := range an.cands {
		an.cands[i].summarize(an)
	}
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
	cands, names := articleEvents(ctx, 0, a, an.Publication.Date, &an.clean, an.Sentences, ms)
	if err := ctx.Err(); err != nil {
		return err
	}
	an.ntok = 0
	for i := range cands {
		c := &cands[i]
		c.cit.ArticleID = ""
		an.ntok += len(c.tokens) + len(c.core)
		// Empty lists are nil, as a decoded analysis has them.
		c.tokens, c.core, c.head = nilIfEmpty(c.tokens), nilIfEmpty(c.core), nilIfEmpty(c.head)
		c.alts = nilIfEmpty(c.alts)
		c.subject, c.names = nilIfEmpty(c.subject), nilIfEmpty(c.names)
		c.frame.ids = nilIfEmpty(c.frame.ids)
	}
	names = nilIfEmpty(names)
	an.cands, an.names = nilIfEmpty(cands), names
	return nil
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
	for i := range an.cands {
		cd := &an.cands[i]
		size += int64(unsafe.Sizeof(*cd)) + int64(len(cd.summary)+len(cd.cit.Explanation)+len(cd.cit.Value)) +
			int64(len(cd.tokens)+len(cd.core)+len(cd.head))*int64(unsafe.Sizeof(token{})) +
			int64(len(cd.subject)+len(cd.names))*8 + int64(len(cd.alts))*int64(unsafe.Sizeof(dates.Date{}))
	}
	size += int64(len(an.ev.explicit)) * int64(unsafe.Sizeof(datedText{}))
	size += int64(len(an.ev.monthDays)) * int64(unsafe.Sizeof(monthDay{}))
	return size
}

// appendEvents appends the events of the analysis to cands as article idx
// of a Merge. An owned analysis's events are used in place; the others'
// are copied to copies, and what weigh changes (the token weights) to
// arena, which must have room for them; the rest is shared.
func (an *Analysis) appendEvents(cands []*candidate, copies []candidate, arena []token, idx int) ([]*candidate, []candidate, []token) {
	for i := range an.cands {
		cd := &an.cands[i]
		if !an.owned {
			copies = append(copies, *cd)
			cd = &copies[len(copies)-1]
			cd.tokens, arena = carve(arena, cd.tokens)
			cd.core, arena = carve(arena, cd.core)
		}
		cd.article, cd.cit.ArticleID = idx, an.Article.ID
		cands = append(cands, cd)
	}
	return cands, copies, arena
}

// summarize fills in c's summary, written from its sentence in an.
func (c *candidate) summarize(an *Analysis) {
	if !c.summed {
		c.summary = c.sum.of(an.Sentences[c.leadOrder].Text(an.Article.Text))
		c.words, c.summed = countWords(c.summary), true
	}
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

// nilIfEmpty returns s, or nil when it is empty.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
