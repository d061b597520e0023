// Package timeline turns a set of news articles into one chronology: it
// cleans each text (keeping offsets), splits sentences, dates the events they
// report with package dates, merges the same event told by several articles
// into one entry citing each of them, and orders the result.
//
// The pipeline, one file per concern:
//
//   - load.go: LoadArticles reads text files, folders and manifests.
//   - clean.go: junk (glued link previews ending in MORE, "ALSO READ"
//     lines, credits, tag lines, a repeated headline) and photo captions,
//     kept as ranges over the original text so that no offset moves.
//   - sentences.go: a hand-written splitter (abbreviations, initials,
//     initialisms, quotes, line breaks). Junk never ends a sentence: junk
//     glued inside one is a hole, left out of the text summaries read,
//     and a quote is the clean verbatim run holding its date.
//   - infer.go: publication dates inferred from explicit dates, "said
//     Monday" weekdays, weekday and date agreement from the latest year
//     the text writes, or the collection; never from the clock.
//   - events.go: each anchored date of a sentence becomes the event its
//     clause tells, an occurrence or a plan; an undated news lead is the
//     news of its publication day.
//   - summary.go: the one-line summary of the clause around the date, and
//     the core clause a coarse report is matched by.
//   - tokens.go, merge.go: reports of one event merge by compatible time
//     and IDF-weighted content similarity, blocked by day (n log n);
//     differing dates for one event are kept as conflicts. A coarse report
//     ("last week") is placed on the finer event its dated clause tells; a
//     date naming an event ("the Oct. 23 slaying") joins the main event of
//     its time; one year told of one thing ("the 2020 election") is one
//     entry. Articles of other stories (few distinctive names in common)
//     never chain into one entry through alike wordings.
//   - window.go: the story window, derived from the gaps between event
//     days; the rest is background.
//
// It knows nothing of gRPC. Offsets are byte offsets into Article.Text.
package timeline

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	// Cache, when not nil, keeps each article's analysis for later builds
	// and supplies it to this one; the chronology is the same either way.
	Cache *Cache
	// Focus, when not empty, names the entities (a company, a product, a
	// person) the chronology is about: it then holds only the events in
	// which one of them takes part, found by name, short form or reference
	// back within an article (see focus.go). At most MaxFocus names.
	Focus []string
}

// Kind says whether an entry happened or was planned/proposed.
type Kind int

// The entry kinds.
const (
	// Occurrence is an event the articles report as having happened.
	Occurrence Kind = iota + 1
	// Planned is an event planned, proposed or expected.
	Planned
)

// Publication is the publication date used for one article.
type Publication struct {
	ArticleID string
	Date      dates.Date // zero when neither given nor inferable
	Inferred  bool       // Date was inferred from the text, not given
	Basis     string     // "given" or the evidence of the inference
}

// Citation is one article's evidence for an entry.
type Citation struct {
	ArticleID  string
	Quote      string // verbatim Text[Start:End]
	Start, End int    // byte offsets into the article's Text
	// Expression is the temporal expression that dated the event, as
	// written; empty when the date came from the context or the
	// publication date.
	Expression string
	Value      string // the TIMEX3 value this article gives
	Caption    bool   // the quote is a photo caption
	// Source says how the date was found, Explanation in words.
	Source      DateSource
	Explanation string

	// RuneStart and RuneEnd are Start and End counted in code points,
	// the unit of the service's contract.
	RuneStart, RuneEnd int
}

// Conflict is a differing date some sources give for an entry's event.
type Conflict struct {
	Value       string   // the differing TIMEX3 value
	ArticleIDs  []string // the articles that give it
	Expressions []string // the expression each of them dated it by
	Note        string   // one line naming both dates and their sources
}

// Entry is one event of the chronology.
type Entry struct {
	Value              string     // TIMEX3 value at the entry's granularity
	StartDate, EndDate dates.Date // the inclusive interval Value covers
	Summary            string     // a short account of the event from its quotes
	Kind               Kind
	Citations          []Citation
	Conflicts          []Conflict
	// Source is how the entry's date was found: the surest source among
	// the citations that give Value.
	Source DateSource
	// Focus holds the names of Options.Focus the event involves.
	Focus []string
}

// Result is a built chronology.
type Result struct {
	// Entries are the story within the window; Background holds the
	// events outside it (mostly older history) and those told only in
	// photo captions. Both are in date order.
	Entries, Background []Entry
	// Articles gives the publication date used for each article.
	Articles []Publication
	// WindowStart and WindowEnd are the story window used, given or derived.
	WindowStart, WindowEnd dates.Date
}

// Build builds one chronology from articles. It returns ctx.Err() when the
// context ends first. It is safe for concurrent use and tags articles in
// parallel on GOMAXPROCS workers.
//
// Articles without a publication date get one inferred from their text;
// an article whose text fixes no year borrows the date of the others.
// Entries are the story within the window (Options, or derived from the
// data: see storyWindow); older history and photo captions go to
// Background.
func Build(ctx context.Context, articles []Article, opts Options) (*Result, error) {
	return build(ctx, articles, opts, dates.ResolveContext)
}

// resolver finds and resolves the temporal expressions of a text, stopping
// with ctx's error when ctx ends; tests give hand-made mentions through it.
type resolver func(ctx context.Context, text string, opts dates.Options) ([]dates.Mention, error)

// build is Build with the date engine as a parameter.
func build(ctx context.Context, articles []Article, opts Options, resolve resolver) (*Result, error) {
	docs := make([]doc, len(articles))
	// Articles in the cache skip the analysis; no goroutine starts for
	// them (a story re-sent whole is all hits).
	var todo []int
	for i := range articles {
		d := &docs[i]
		if d.cached = opts.Cache.get(&articles[i]); d.cached != nil {
			d.ev = d.cached.ev
			continue
		}
		todo = append(todo, i)
	}
	// Clean, split and gather publication evidence.
	err := parallel(ctx, len(todo), func(j int) {
		a := &articles[todo[j]]
		d := &docs[todo[j]]
		d.split(a)
		if a.Published.IsZero() {
			ms, err := resolve(ctx, a.Text, dates.Options{DocType: dates.News})
			if err != nil {
				return // parallel reports ctx.Err()
			}
			d.ev = gatherEvidence(a.Text, ms)
		}
	})
	if err != nil {
		return nil, err
	}
	pubs := publications(articles, docs)
	todo = todo[:0]
	for i := range docs {
		switch d := &docs[i]; {
		case d.cached == nil:
			todo = append(todo, i)
		case d.cached.ref == pubs[i].Date:
			d.names = d.cached.names // its events are copied below
		default: // dated against another inferred publication
			d.cached = nil
			d.split(&articles[i])
			todo = append(todo, i)
		}
	}
	// Resolve against the publication date and find the events.
	err = parallel(ctx, len(todo), func(j int) {
		i := todo[j]
		a := &articles[i]
		d := &docs[i]
		ref := pubs[i].Date
		ms, err := resolve(ctx, a.Text, dates.Options{Reference: ref, DocType: dates.News})
		if err != nil {
			return // parallel reports ctx.Err()
		}
		d.cands, d.names = articleEvents(ctx, i, a, ref, &d.clean, d.sents, ms)
		if opts.Cache != nil && ctx.Err() == nil {
			// Cached, the events are read from there, below, as on a hit.
			d.cached = newAnalysis(opts.Cache, a, d, ref)
			opts.Cache.put(d.cached)
		}
	})
	if err != nil {
		return nil, err
	}
	n, ntok := 0, 0
	for i := range docs {
		if an := docs[i].cached; an != nil {
			n, ntok = n+len(an.cands), ntok+an.ntok
		} else {
			n += len(docs[i].cands)
		}
	}
	cands := make([]candidate, 0, n)
	arena := make([]token, 0, ntok) // the cached events' tokens, which weigh changes
	for i := range docs {
		if an := docs[i].cached; an != nil {
			cands, arena = an.appendEvents(cands, arena, i, articles[i].ID)
		} else {
			cands = append(cands, docs[i].cands...)
		}
		docs[i].cands = nil
	}
	if len(opts.Focus) > 0 {
		cands = keepFocus(articles, cands, opts.Focus)
	}
	w := workspaces.Get().(*workspace)
	defer w.release()
	vec, spare := w.scatters(weigh(cands, w))
	docNames := make([][]uint64, len(docs))
	for i := range docs {
		docNames[i] = docs[i].names
	}
	clusters, err := merge(ctx, cands, docNames, vec, spare)
	if err != nil {
		return nil, err
	}
	res := &Result{Articles: pubs}
	cits := make([]Citation, len(cands)) // a cluster's members are its citations at most
	res.WindowStart, res.WindowEnd = storyWindow(clusters, pubs)
	if !opts.WindowStart.IsZero() {
		res.WindowStart = opts.WindowStart
	}
	if !opts.WindowEnd.IsZero() {
		res.WindowEnd = opts.WindowEnd
	}
	for i, k := range clusters {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		e := k.entry(vec, &cits, opts.Focus)
		inWindow := !e.StartDate.Before(res.WindowStart) && !e.StartDate.After(res.WindowEnd)
		if inWindow && !k.captionOnly() {
			res.Entries = append(res.Entries, e)
		} else {
			res.Background = append(res.Background, e)
		}
	}
	sortEntries(res.Entries)
	sortEntries(res.Background)
	return res, nil
}

// doc is the working state of one article during Build.
type doc struct {
	cached *analysis // in Options.Cache and dated as this build dates it, or nil
	clean  cleaned
	sents  []sentence
	ev     evidence
	cands  []candidate
	names  []uint64 // sorted, distinct
}

// split cleans a's text and splits it into sentences.
func (d *doc) split(a *Article) {
	d.clean = clean(a.Title, a.Text)
	d.sents = splitSentences(a.Text, &d.clean)
}

// publications decides every article's publication date: given, inferred
// from its own text, or, when its text fixes no year, inferred with the
// latest date of the other articles.
func publications(articles []Article, docs []doc) []Publication {
	pubs := make([]Publication, len(articles))
	var borrowed dates.Date
	var pending []int
	for i := range articles {
		a := &articles[i]
		switch {
		case !a.Published.IsZero():
			pubs[i] = Publication{ArticleID: a.ID, Date: a.Published, Basis: basisGiven}
		case docs[i].ev.hasYear():
			pubs[i] = inferFrom(a.ID, &docs[i].ev, dates.Date{})
		default:
			pending = append(pending, i)
			continue
		}
		if pubs[i].Date.After(borrowed) {
			borrowed = pubs[i].Date
		}
	}
	for _, i := range pending {
		pubs[i] = inferFrom(articles[i].ID, &docs[i].ev, borrowed)
	}
	return pubs
}

// sortEntries orders entries by start date, coarser granularity first,
// then summary.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if c := a.StartDate.Compare(b.StartDate); c != 0 {
			return c
		}
		if c := b.EndDate.Compare(a.EndDate); c != 0 {
			return c
		}
		return strings.Compare(a.Summary, b.Summary)
	})
}

// parallel runs f(0..n-1) on GOMAXPROCS workers and returns ctx.Err() if
// the context ends first; items not yet started are then skipped.
func parallel(ctx context.Context, n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// Limits of Options.Focus.
const (
	MaxFocus      = 32  // names
	MaxFocusBytes = 200 // bytes per name
)
