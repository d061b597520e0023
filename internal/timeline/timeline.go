// Package timeline turns a set of news articles into one chronology: it
// cleans each text (keeping offsets), splits sentences, dates the events they
// report with package dates, merges the same event told by several articles
// into one entry citing each of them, and orders the result.
//
// Build is Merge of the Analyze of each article. Analyze reads one article
// on its own and returns its Analysis (cleaned sentences, dated events,
// names), which a story service stores (MarshalBinary) so that a rebuild
// only merges; Merge decides borrowed publication dates and merges. The
// pipeline, one file per concern:
//
//   - load.go: LoadArticles reads text files, folders and manifests.
//   - clean.go: junk (glued link previews ending in MORE, "ALSO READ"
//     lines, credits, tag lines, a repeated headline) and photo captions,
//     kept as ranges over the original text so that no offset moves;
//     sentences from package sentences, the service's one splitter.
//   - infer.go: publication dates inferred from explicit dates, "said
//     Monday" weekdays, weekday and date agreement from the latest year
//     the text writes, or the collection; never from the clock.
//   - analysis.go, encode.go: the Analysis, Analyze, and its encoding.
//   - events.go: each anchored date of a sentence becomes the event its
//     clause tells, an occurrence or a plan; a sentence that reports two
//     events dated differently gives two.
//   - anchor.go, tense.go, quote.go: a sentence with no date of its own
//     takes the date of the sentence before it, of the lead's news, or of
//     the publication; the sentences of a quotation are one report, told
//     by the sentence that attributes it.
//   - frame.go: what an event is (its actions, speakers, agents), by which
//     reports of several articles tell the same event.
//   - summary.go: the one-line summary of the clause around the date, and
//     the core clause a coarse report is matched by.
//   - tokenize.go, stem.go, hash.go, weigh.go, similarity.go, words.go:
//     content words, stems, IDF weights and similarity; the word lists.
//   - merge.go: reports of one event merge by compatible time and
//     IDF-weighted content similarity, blocked by day (n log n); undated
//     reports only with strong evidence (the same action and participants,
//     the same speaker saying the same, the same words); differing dates
//     for one event are kept as conflicts. A coarse report ("last week",
//     "in 2003") is placed on the finer event it tells; a date naming an
//     event ("the Oct. 23 slaying") joins the main event of its time.
//     Articles of other stories (few distinctive names in common) never
//     chain into one entry through alike wordings.
//   - focus.go: entity timelines (Options.Focus).
//   - window.go: the story window, from the publication dates and the
//     gaps between event days; the rest is background.
//
// It knows nothing of gRPC. Offsets are byte offsets into Article.Text.
package timeline

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/halves"
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
	// Stage, when not nil, is called as each stage of Build begins
	// ("analyse": clean, date and find the events of the articles;
	// "merge"), and the function it returns as the stage ends: a hook for
	// tracing.
	Stage func(ctx context.Context, name string) (context.Context, func())
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

// Build builds one chronology from articles: Merge of the Analyze of
// each (an article in Options.Cache is not analysed again). It returns
// ctx.Err() when the context ends first. It is safe for concurrent use and
// analyses articles in parallel on GOMAXPROCS workers.
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
	endStage := func() {}
	if opts.Stage != nil {
		_, endStage = opts.Stage(ctx, "analyse")
		defer func() { endStage() }()
	}
	ans := make([]*Analysis, len(articles))
	// Articles in the cache skip the analysis; no goroutine starts for
	// them (a story re-sent whole is all hits).
	var todo []int
	for i := range articles {
		if an := opts.Cache.get(&articles[i]); an != nil {
			ans[i] = an.as(&articles[i])
			continue
		}
		todo = append(todo, i)
	}
	err := parallel(ctx, len(todo), func(j int) {
		i := todo[j]
		an, err := analyze(ctx, &articles[i], resolve)
		if err != nil {
			return // parallel reports ctx.Err()
		}
		if opts.Cache != nil {
			an.keep() // merged again by later builds
			opts.Cache.put(an)
		} else {
			an.owned = true // no one else holds it: Merge may write its summaries
		}
		ans[i] = an
	})
	if err != nil {
		return nil, err
	}
	if opts.Stage != nil {
		endStage()
		_, endStage = opts.Stage(ctx, "merge")
	}
	return merge(ctx, ans, opts, resolve)
}

// Merge builds one chronology from the analyses of a collection's
// articles (Analyze), in the order given: it decides the publication dates
// an article borrows from the others, keeps the focus entities' events
// (Options.Focus), merges the events that several articles report into one
// entry each and orders them. An analysis of another AnalysisVersion, or
// whose article borrows a publication date other than the one it was dated
// against, is analysed anew. Options.Cache is not used. The analyses are
// not changed. It returns ctx.Err() when the context ends first.
func Merge(ctx context.Context, analyses []*Analysis, opts Options) (*Result, error) {
	ans := make([]*Analysis, len(analyses))
	for i, an := range analyses {
		cp := *an
		cp.owned = false
		ans[i] = &cp
	}
	return merge(ctx, ans, opts, dates.ResolveContext)
}

// merge is Merge with the date engine as a parameter; it may replace the
// elements of ans.
func merge(ctx context.Context, ans []*Analysis, opts Options, resolve resolver) (*Result, error) {
	// Analyses of other rules are made again.
	var todo []int
	for i, an := range ans {
		if an.Version != AnalysisVersion {
			todo = append(todo, i)
		}
	}
	err := parallel(ctx, len(todo), func(j int) {
		if an, err := analyze(ctx, &ans[todo[j]].Article, resolve); err == nil {
			an.owned = true
			ans[todo[j]] = an
		}
	})
	if err != nil {
		return nil, err
	}
	// Publication dates: given or inferred from the text, else borrowed
	// from the latest of the others; a borrowed date dates the article anew.
	var borrowed dates.Date
	for _, an := range ans {
		if !an.borrows() && an.Publication.Date.After(borrowed) {
			borrowed = an.Publication.Date
		}
	}
	todo = todo[:0]
	pubs := make([]Publication, len(ans))
	for i, an := range ans {
		pubs[i] = an.Publication
		if an.borrows() {
			pubs[i] = inferFrom(an.Article.ID, &an.ev, borrowed)
			if pubs[i].Date != an.Publication.Date {
				todo = append(todo, i)
			}
		}
	}
	err = parallel(ctx, len(todo), func(j int) {
		i := todo[j]
		cp := *ans[i]
		cp.Publication = pubs[i]
		if cp.date(ctx, resolve) == nil {
			cp.owned = true
			ans[i] = &cp
		}
	})
	if err != nil {
		return nil, err
	}

	n := 0
	for _, an := range ans {
		n += len(an.events)
	}
	w := workspaces.Get().(*workspace)
	defer w.release()
	// A candidate for each event, the workspace's: what the merge finds
	// of an event is kept there, not in the event, which other merges
	// may be reading (a Cache's analyses, shared).
	cands, room := w.candidates(n)
	docNames := make([][]uint64, len(ans))
	for i, an := range ans {
		cands, room = an.appendEvents(cands, room, i)
		docNames[i] = an.names
	}
	w.cands, w.room = cands, room
	if len(opts.Focus) > 0 {
		cands = keepFocus(ans, cands, opts.Focus)
	}
	vec, spare := w.scatters(weigh(cands, w))
	clusters, err := mergeEvents(ctx, cands, docNames, vec, spare, w)
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
	// Each cluster's entry, in one slice; then the story's and the
	// background's in order, sorted as indices (an Entry is large to
	// move), and the slice permuted to that order in place. The two
	// halves of the clusters are made and sorted at once, on two
	// goroutines (the merge before is one: the second core is idle), then
	// their orders merged. A half reads and writes its own clusters and
	// their members only, carves its citations from its own part of cits
	// and summarizes in its own zeroed scatter.
	all := make([]Entry, len(clusters))
	mid, nm := len(clusters)/2, 0
	for _, k := range clusters[:mid] {
		nm += len(k.members)
	}
	clear(spare.w) // zero already; a half's summaries must not depend on it
	clear(spare.bits)
	parts := [2]entryHalf{
		{clusters: clusters, all: all, s: vec, cits: cits[:nm:nm], in: w.entryOrder[:0], bg: w.bgOrder[:0]},
		{clusters: clusters, all: all, s: spare, cits: cits[nm:]},
	}
	halves.Run(len(clusters), func(half, lo, hi int) {
		parts[half].make(ctx, lo, hi, opts.Focus, ans, res.WindowStart, res.WindowEnd)
	})
	first, second := &parts[0], &parts[1]
	if err := cmp.Or(first.err, second.err); err != nil {
		return nil, err
	}
	order := mergeOrders(all, make([]int32, 0, len(all)), first.in, second.in)
	ne := len(order)
	order = mergeOrders(all, order, first.bg, second.bg)
	w.entryOrder, w.bgOrder = first.in, first.bg
	permute(all, order)
	if ne > 0 {
		res.Entries = all[:ne:ne]
	}
	if len(all) > ne {
		res.Background = all[ne:]
	}
	return res, nil
}

// permute reorders es so that es[j] becomes the old es[order[j]], in
// place, one cycle of the permutation at a time; it spends order.
func permute(es []Entry, order []int32) {
	for start := range order {
		if order[start] < 0 {
			continue
		}
		tmp := es[start]
		j := start
		for {
			k := int(order[j])
			order[j] = -1
			if k == start {
				es[j] = tmp
				break
			}
			es[j] = es[k]
			j = k
		}
	}
}

// entryHalf is a half of the clusters of a merge, whose entries it makes
// into all with the scatter s and citations carved from cits.
type entryHalf struct {
	clusters []*cluster
	all      []Entry
	s        scatter
	cits     []Citation // room for every member of the half's clusters
	// in and bg are the indices of the half's entries in the story window
	// [start, end] and of the others, each sorted (sortEntries).
	in, bg []int32
	err    error // ctx's, when it ended first
}

// make makes the entries of clusters[lo:hi] and their orders.
func (h *entryHalf) make(ctx context.Context, lo, hi int, focus []string, ans []*Analysis, start, end dates.Date) {
	for i := lo; i < hi; i++ {
		if (i-lo)%256 == 0 {
			if h.err = ctx.Err(); h.err != nil {
				return
			}
		}
		k := h.clusters[i]
		h.all[i] = k.entry(h.s, &h.cits, focus, ans)
		e := &h.all[i]
		inWindow := !e.StartDate.Before(start) && !e.StartDate.After(end)
		if inWindow && !k.captionOnly() {
			h.in = append(h.in, int32(i))
		} else {
			h.bg = append(h.bg, int32(i))
		}
	}
	sortEntries(h.all, h.in)
	sortEntries(h.all, h.bg)
}

// sortEntries orders the entries of es at the indices order, which are
// increasing, by start date, coarser granularity first, then summary,
// equal entries in the order of their indices: a stable sort, made by the
// faster unstable one with the index as the last key (compareEntries).
func sortEntries(es []Entry, order []int32) {
	slices.SortFunc(order, func(i, j int32) int { return compareEntries(es, i, j) })
}

// compareEntries orders es[i] and es[j] by start date, coarser
// granularity first, then summary, then index: a total order.
func compareEntries(es []Entry, i, j int32) int {
	a, b := &es[i], &es[j]
	if c := a.StartDate.Compare(b.StartDate); c != 0 {
		return c
	}
	if c := b.EndDate.Compare(a.EndDate); c != 0 {
		return c
	}
	if c := strings.Compare(a.Summary, b.Summary); c != 0 {
		return c
	}
	return cmp.Compare(i, j)
}

// mergeOrders appends to out the indices of x and y, each sorted by
// compareEntries, in that order: as sortEntries orders them together,
// the order being total.
func mergeOrders(es []Entry, out, x, y []int32) []int32 {
	for len(x) > 0 && len(y) > 0 {
		if compareEntries(es, x[0], y[0]) <= 0 {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return append(append(out, x...), y...)
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
