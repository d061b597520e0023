package timeline

import (
	"cmp"
	"context"
	"slices"

	"github.com/timelined/timelined/internal/dates"
)

// Merging thresholds on the IDF-weighted cosine similarity of two event
// descriptions. Reports of one event at compatible times need only share
// their key words and names; a report at an incompatible date must be
// clearly the same event before it is read as a disagreement.
//
// Two reports dated to the same day by different articles of one
// collection very often tell the same event, so little shared content
// suffices (sameValueSimilarity); two reports of the same week or month,
// or two of one article, need more (mergeSimilarity). A coarse report
// ("last week") is placed on a finer one ("on Wednesday") by its dated
// clause instead (placeSimilarity).
const (
	sameValueSimilarity = 0.1
	mergeSimilarity     = 0.2
	conflictSimilarity  = 0.45
	// placeSimilarity is how much of a coarse report's dated clause (its
	// IDF-weighted words, a key word among them) a finer report from
	// another article must share for the coarse one to be
	// placed on it ("agreeing ... last week that Putin was a killer" on
	// "replied 'I do' when asked if he thought Putin was a killer" of
	// Wednesday), and placeMargin how much better that finer event must
	// match than any other the coarse interval holds: a week holds many
	// events, and a coarse report that fits two of them is left alone.
	placeSimilarity = 0.05
	placeMargin     = 1.3
	// clearPlacement is the share of a coarse report's dated clause a
	// finer report must tell to take it from an article of another story
	// (few names in common); the two reports must also name someone in
	// common.
	clearPlacement = 0.4
	// conflictDays is how far apart two day-dated reports may be and still
	// be compared as a possible disagreement.
	conflictDays = 3
	// wideDays is the span above which a value is too coarse ("2020") to
	// index by day; such values merge only with the same value.
	wideDays = 62
	// maxExemplars bounds the distinct descriptions a cluster compares
	// against, so that a big cluster costs no more than a small one.
	maxExemplars = 8
)

// match is a cluster a candidate may join, how alike they are, and
// whether their dates agree.
type match struct {
	k          *cluster
	sim        float32
	compatible bool
}

// cluster is one event being assembled from candidates.
type cluster struct {
	// First, in one cache line, what mergeEvents reads of every event
	// its scans reach.
	parent     *cluster // set when absorbed into another cluster
	seenBy     int      // 1 + the index of the last candidate compared with it
	found      int      // 1 + the index of the last day-dated candidate that may be alike (see prefixIndex)
	kind       Kind
	strong     bool  // a member is dated by an expression of its own
	context    bool  // a member takes its date from the sentences around it
	absorbs    bool  // it absorbed another cluster in mergeEvents
	node       int32 // its node in mergeEvents' index of days (the first of its days), or -1
	start, end dates.Date
	members    []*candidate
	exemplars  []*candidate // distinct wordings, at most maxExemplars
	articles   []int        // the distinct articles reporting, in order of arrival
	// Room for the first few members, exemplars and articles, which is
	// all most clusters have: one allocation per cluster, not one per list.
	inMembers, inExemplars [4]*candidate
	inArticles             [4]int
}

// clusterSlab is the number of clusters allocated at a time.
const clusterSlab = 32

// newCluster returns an empty cluster at c's time, taken from slab (which
// it refills when empty) so that clusters are allocated a few dozen at a time.
func newCluster(slab *[]cluster, c *candidate) *cluster {
	if len(*slab) == cap(*slab) {
		*slab = make([]cluster, 0, clusterSlab)
	}
	*slab = append(*slab, cluster{start: c.start, end: c.end, kind: c.kind, node: -1})
	k := &(*slab)[len(*slab)-1]
	k.members, k.exemplars, k.articles = k.inMembers[:0], k.inExemplars[:0], k.inArticles[:0]
	return k
}

// dayNumber numbers days so that buckets are integers: days since
// 1970-01-01 in the proleptic Gregorian calendar. By arithmetic, not
// time.Date: merge numbers the days of every candidate it places.
func dayNumber(d dates.Date) int {
	y, m := d.Year, int(d.Month) // Year >= dates.MinYear (1), so y >= 0
	if m <= 2 {                  // count years from March, so that Feb 29 ends one
		y--
	}
	era := y / 400
	yoe := y - era*400                      // [0, 399]
	doy := (153*((m+9)%12)+2)/5 + d.Day - 1 // [0, 365], from March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy  // [0, 146096]
	return era*146097 + doe - 719468        // 719468: 0000-03-01 to 1970-01-01
}

// mergeEvents groups candidates that tell the same event. Candidates are taken
// finest granularity first, then by date, and each is compared only with
// clusters indexed on the days it covers (plus a few days for conflicts):
// blocking by time keeps the cost near n log n. A candidate joins every
// cluster it matches whose dates agree with each other, so the outcome does
// not depend on which report came first.
//
// docNames holds each article's names (sorted): two articles that share
// almost none tell different stories, and their reports merge only when
// clearly alike. vec and spare are zeroed scatters over the weighed
// candidates' tokens; merge leaves them zeroed.
func mergeEvents(ctx context.Context, cands []*candidate, docNames [][]uint64, vec, spare scatter, w *workspace) ([]*cluster, error) {
	markTwins(cands, w)
	common := commonNames(docNames)
	allNames := docNames
	docNames = withoutNames(docNames, common)
	pairs := w.articlePairs(docNames)
	rare := rarePairs(cands, allNames, w)
	related := orRare(pairs.sharing(relatedShare), rare)
	sameStory := orRare(pairs.sharing(sameStoryShare), rare)
	order := w.mergeOrder(cands)
	byDay, byValue := w.byDay.reset(), w.byValue.reset()
	// byDay less the events that are nothing to a coarse report, for the
	// reports of coarser dates (merged last): events of one day, absorbed
	// by none, with no report dated by an expression or its context
	// (plainRoot). None of them changes once the coarse reports begin
	// (consider passes them over, so none is joined or absorbed), and no
	// coarse report looks at them (see the scans below), nor mainEvent (no
	// report dated by an expression).
	coarse := w.coarse.reset()
	sameWording := w.sameWording // the event a wording of a day was first told in
	// Weak reports dated to a day (merged first, by date) look only at
	// the events of their day that share a token of their prefix.
	setPrefixes(cands, w.df, w)
	pre := &w.prefixes
	pre.reset(len(w.df))
	filing := true // until the reports of coarser dates begin
	// refresh sets the flags of k's node in byDay from k, after k changed.
	// They are set only on an event of one day (one node); an event of
	// one day that no other absorbed and that has no report dated by an
	// expression (weakRoot) matches no report of another day, and with no
	// report dated by its context either (plainRoot) no coarse report, so
	// the scans below pass over its node without reading the event.
	refresh := func(k *cluster) {
		if k.node < 0 || k.start != k.end {
			return
		}
		var f nodeFlags
		if k.parent == nil && !k.strong {
			f = weakRoot
			if !k.context {
				f |= plainRoot
			}
		}
		byDay.nodes[k.node].flags = f
	}
	// The events each event absorbed (all the events whose root it is),
	// for the scans of weak reports.
	absorbed := w.absorbed.reset()
	// join adds c to k and files k under c's prefix when c is a new
	// wording of k.
	join := func(k *cluster, c *candidate) {
		k.add(c)
		refresh(k)
		if filing && k.exemplars[len(k.exemplars)-1] == c {
			pre.file(k, c)
		}
	}
	var out []*cluster
	var matches, placements []match
	marked, firsts := w.marked[:0], w.firsts[:0]
	defer func() { clear(marked); w.marked, w.firsts = marked[:0], firsts[:0] }()
	// Clusters are taken from the workspace's slab, which has room for
	// one per candidate up to a bound, then from slabs of clusterSlab.
	if cap(w.clusters) < min(len(cands), maxPooledEvents) {
		w.clusters = make([]cluster, 0, min(len(cands), maxPooledEvents))
	}
	slab := w.clusters[:0]
	var loaded *candidate
	defer func() {
		if loaded != nil {
			vec.unload(loaded)
		}
	}()
	for n, c := range order {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		// A wording told already that day by a related article (a wire
		// story several outlets print) is that report's event: no need
		// to compare it with every event of the day.
		pairs.focus(c.article)
		if c.days > 0 {
			if filing {
				byDay.copyTo(coarse, plainRoot)
			}
			filing = false
		} else if filing {
			pre.advance(dayNumber(c.start))
		}
		wkey := wordingKey{c.sig, c.start, c.end, c.kind}
		if c.days == 0 && !c.refers && len(c.alts) == 0 {
			if k := sameWording[wkey]; k != nil {
				if k = k.root(); k.related(c, related) && !k.hasSentence(c) {
					join(k, c)
					continue
				}
			}
		}
		if loaded != nil {
			vec.unload(loaded)
		}
		vec.load(c)
		loaded = c
		matches, placements = matches[:0], placements[:0]
		consider := func(k *cluster) {
			k = k.root()
			if k.seenBy == n+1 || k.kind != c.kind {
				return
			}
			k.seenBy = n + 1
			sameValue := k.start == c.start && k.end == c.end
			if c.days > 0 && !sameValue && contains(c.start, c.end, k.start, k.end) {
				// A coarse report and a finer event it may tell.
				// Only on an event dated by an expression or its context:
				// undated reports of a publication day are no finer date.
				// (Tested first: most events of a day are undated reports.)
				if !k.strong && !k.contextDated() {
					return
				}
				if p := k.placement(c, sameStory, common); p > 0 {
					placements = append(placements, match{k, p, true})
				}
				return
			}
			compatible := contains(k.start, k.end, c.start, c.end) || contains(c.start, c.end, k.start, k.end)
			if !sameValue && !compatible && !(c.days == 0 && !c.weak && k.strong && k.start == k.end) {
				// Dates neither of which holds the other: only a report
				// dated to a day by an expression and an event so dated
				// to another day may tell one event (a disagreement,
				// below). Nothing else to compare.
				return
			}
			var sims [maxExemplars]float32
			sim := k.similarities(c, vec, &sims)
			if (c.weak || !k.strong) && (sim < eventSimilarity || !k.frameMatch(c, &sims, common, related)) {
				// A date from the context or the publication day says
				// little: a day holds many undated reports, which are one
				// event only with strong evidence (the same action and
				// participants, the same speaker saying the same thing, or
				// the same words).
				return
			}
			frame := sameValue && c.days == 0 && !c.weak && k.strong && sim >= eventSimilarity && !k.hasArticle(c.article) && k.frameMatch(c, &sims, common, related)
			switch {
			case sameValue && sim > 0 && k.sameAlternatives(c):
				// The same choice of days offered: the same plan.
				matches = append(matches, match{k, sim, true})
			case sameValue && c.days > wideDays && k.sameHead(c) && k.related(c, related) && !k.hasSentence(c):
				// "the 2020 election" told three ways: one event of
				// history, whatever the sentences around it say.
				matches = append(matches, match{k, max(sim, mergeSimilarity), true})
			case sameValue && c.days == 0 && sim < nearlySame && k.otherActors(c, common):
				// One day, other actors, neither naming the other's
				// ("Cyprus condemned the attacks", "Iran condemned the
				// bombing"): two events, however much else the reports
				// share (the same deed, its object), unless told in
				// nearly the same words.
			case frame || sameValue && c.days == 0 && !c.weak && !k.hasArticle(c.article) && sim >= sameValueSimilarity && k.sameDeed(c, common):
				// The same day, someone named in both and the same deed
				// ("Jobs said ... a free case", "Jobs said ... receive a
				// free case"): one event, whatever else the articles share.
				matches = append(matches, match{k, max(sim, mergeSimilarity), true})
			case sim < sameValueSimilarity, sameValue && (c.days > 0 || k.onlyArticle(c.article)) && sim < mergeSimilarity:
				// A week or a month holds many events: sharing one
				// needs more likeness than sharing a day. So does one
				// article's second report of a day: an article tells
				// an event once ("a poll completed on Saturday",
				// "Saturday night's debate").
			case sameValue && sim < mergeSimilarity && k.otherSubject(c):
				// Little in common and different actors: two events of
				// one day ("Cyprus condemned", "Iran condemned").
			case !k.related(c, related) && (sim < conflictSimilarity || !k.sharesName(c, common)):
				// Articles with almost no name in common tell other
				// stories: "net income fell" in two company reports
				// is two events, however alike the words, unless the
				// reports themselves name someone in common.
			case sim < conflictSimilarity && k.otherNames(c):
				// No name in common: the same kind of news about other
				// people ("X's third-quarter net income", "Y's").
			case sameValue || (compatible && sim >= mergeSimilarity):
				matches = append(matches, match{k, sim, true})
			case compatible:
			case c.days == 0 && k.start == k.end && !k.hasArticle(c.article) && !c.weak && k.strong &&
				(sim >= conflictSimilarity || k.sharesAlternative(c)):
				matches = append(matches, match{k, sim, false})
			}
		}
		// Clusters of another kind are passed over by their nodes: consider
		// returns at once on them (an event absorbs only its kind, so a
		// node's kind is its root's).
		wide := c.days > wideDays
		if wide {
			byValue.scan(c.cit.Value, c.kind, 0, 0, consider)
		} else if c.weak && c.days == 0 && len(c.prefix) > 0 {
			// Only the events that may be alike (see prefixIndex), in the
			// order a scan of the day would reach them: by the first node
			// of the day whose root each is.
			day := dayNumber(c.start)
			marked = pre.mark(c, n+1, marked[:0])
			firsts = firsts[:0]
			for i, k := range marked {
				if k.kind != c.kind {
					continue
				}
				first := k.node // on its first day, c's day (often)
				if k.start != c.start {
					first = k.nodeOn(day)
				}
				if k.absorbs {
					absorbed.each(k, func(o *cluster) {
						if i := o.nodeOn(day); i >= 0 && (first < 0 || i < first) {
							first = i
						}
					})
				}
				if first >= 0 {
					// The node, then where k is in marked: nodes are
					// distinct, so the order is the nodes'.
					firsts = append(firsts, uint64(first)<<32|uint64(i))
				}
			}
			slices.Sort(firsts)
			for _, f := range firsts {
				consider(marked[uint32(f)])
			}
		} else {
			// A day-dated report looks a few days around for a conflicting
			// date; an undated one only at its day: a date it was not
			// given cannot disagree.
			slack := 0
			if c.days == 0 && !c.weak {
				slack = conflictDays
			}
			// An event with no report dated by an expression is one with
			// c only when they are eventSimilarity alike: on c's day, when
			// it is a root of that day (all its wordings filed in pre on
			// that day, see refresh), only if pre finds it.
			found := 0
			if c.days == 0 && len(c.prefix) > 0 {
				marked = pre.mark(c, n+1, marked[:0])
				found = n + 1
			}
			first, last := dayNumber(c.start), dayNumber(c.end)
			for d := first - slack; d <= last+slack; d++ {
				// An event of one day outside c's days, neither strong
				// nor absorbing another, is not compared (its dates and
				// c's do not hold each other, and it is not dated by an
				// expression). Inside the days of a coarse report, such
				// an event, not dated by its context either, is no
				// finer date for it (see consider).
				switch {
				case d < first || d > last:
					byDay.scan(d, c.kind, weakRoot, 0, consider)
				case c.days > 0 && c.start != c.end:
					coarse.scan(d, c.kind, 0, 0, consider)
				default:
					byDay.scan(d, c.kind, 0, found, consider)
				}
			}
		}
		if k := placed(placements); k != nil {
			join(k, c)
			continue
		}
		if c.refers && !wide && (len(matches) == 0 || matches[0].sim < mergeSimilarity || !matches[0].k.strong) {
			// "the Oct. 23 slaying of Slepian", "last month's shooting":
			// the main event of that time.
			var in []*cluster
			for d, last := dayNumber(c.start), dayNumber(c.end); d <= last; d++ {
				in = byDay.appendTo(in, d)
			}
			if k := mainEvent(in, c, related, sameStory, common); k != nil {
				join(k, c)
				continue
			}
		}
		if len(matches) == 0 {
			k := newCluster(&slab, c)
			join(k, c)
			out = append(out, k)
			if c.days == 0 && !c.refers && len(c.alts) == 0 {
				sameWording[wkey] = k
			}
			if wide {
				byValue.add(c.cit.Value, k)
			} else {
				k.node = int32(len(byDay.nodes))
				for d, last := dayNumber(c.start), dayNumber(c.end); d <= last; d++ {
					byDay.add(d, k)
					if !filing {
						coarse.add(d, k)
					}
				}
				refresh(k)
			}
			continue
		}
		// The best match takes the candidate; other agreeing matches whose
		// dates agree with the best one's join it.
		slices.SortStableFunc(matches, func(a, b match) int {
			if a.compatible != b.compatible {
				if a.compatible {
					return -1
				}
				return 1
			}
			switch {
			case a.sim > b.sim:
				return -1
			case a.sim < b.sim:
				return 1
			}
			return 0
		})
		best := matches[0].k
		join(best, c)
		if !matches[0].compatible {
			continue
		}
		for _, m := range matches[1:] {
			// Same dates: one event found twice. Other dates: the same event
			// told with a different date, kept as a conflict. Either way
			// the two must be alike themselves, not only through c: one
			// report bridging two events does not make them one.
			if (!m.compatible || (m.k.start == best.start && m.k.end == best.end)) && best.alike(m.k, related, spare) {
				best.absorb(m.k)
				absorbed.add(best, m.k)
				absorbed.splice(best, m.k)
				best.absorbs = true
				refresh(best)
				refresh(m.k)
				if filing {
					pre.fileAll(best)
				}
			}
		}
	}
	attachReports(out, vec, related, common, w)
	live := out[:0]
	for _, k := range out {
		if k.parent == nil {
			live = append(live, k)
		}
	}
	return live, nil
}

// markTwins sets the twin flag of the candidates whose sentence tells
// another of cands too. The candidates of an article are consecutive.
func markTwins(cands []*candidate, w *workspace) {
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].article == cands[i].article {
			j++
		}
		run := w.twins[:0]
		for _, c := range cands[i:j] {
			run = append(run, c)
		}
		slices.SortFunc(run, func(a, b *candidate) int { return cmp.Compare(a.cit.Start, b.cit.Start) })
		for k, c := range run {
			c.twin = k > 0 && run[k-1].cit.Start == c.cit.Start || k+1 < len(run) && run[k+1].cit.Start == c.cit.Start
		}
		clear(run)
		w.twins = run[:0]
		i = j
	}
}

// orderKey is where a candidate comes in mergeEvents' order: by days,
// then start date, article, offset, and its place in cands.
type orderKey struct {
	days, start, at int64
	i               int32
}

// mergeOrder returns cands in the order mergeEvents takes them: finest
// granularity first, then by date, article and offset, in the order
// given when all of these are the same (a stable sort). Sorted as keys:
// comparing the candidates themselves was a twentieth of a small merge.
func (w *workspace) mergeOrder(cands []*candidate) []*candidate {
	// Made to measure, not grown by append, so that the workspace of a
	// merge near maxPooledEvents stays small enough to be pooled.
	if cap(w.orderKeys) < len(cands) {
		w.orderKeys = make([]orderKey, 0, len(cands))
	}
	if cap(w.order) < len(cands) {
		w.order = make([]*candidate, 0, len(cands))
	}
	keys := w.orderKeys[:0]
	for i, c := range cands {
		// Year, month and day in one number, in the order of
		// dates.Date.Compare (months and days are below 100).
		start := int64(c.start.Year)*10000 + int64(c.start.Month)*100 + int64(c.start.Day)
		keys = append(keys, orderKey{int64(c.days), start, int64(c.article)<<32 | int64(c.cit.Start), int32(i)})
	}
	w.orderKeys = keys
	slices.SortFunc(keys, func(a, b orderKey) int {
		switch {
		case a.days != b.days:
			return cmp.Compare(a.days, b.days)
		case a.start != b.start:
			return cmp.Compare(a.start, b.start)
		case a.at != b.at:
			return cmp.Compare(a.at, b.at)
		}
		return cmp.Compare(a.i, b.i)
	})
	order := w.order[:0]
	for _, k := range keys {
		order = append(order, cands[k.i])
	}
	w.order = order
	return order
}

// wordingKey is one wording (token signature) of an event of a time.
type wordingKey struct {
	sig        uint64
	start, end dates.Date
	kind       Kind
}

// mainEvent returns the event a reference ("the Oct. 23 slaying", "last
// month's shooting") names among the clusters of its time (a cluster may
// be listed more than once): the occurrence with the most reports, when it is
// told by two articles or more, has clearly more reports than any other
// event of the day, was started by an article of c's story and names
// someone c names (or was started by an article of c's story by the
// stricter test).
func mainEvent(day []*cluster, c *candidate, related, sameStory func(a, b int) bool, common map[uint64]bool) *cluster {
	var best *cluster
	second := 0
	for _, k := range day {
		k = k.root()
		if k == best || k.kind != c.kind || !k.strong || !contains(c.start, c.end, k.start, k.end) {
			continue // undated reports name no event of a day
		}
		switch n := k.dated(); {
		case best == nil || n > best.dated():
			if best != nil {
				second = best.dated()
			}
			best = k
		case n > second:
			second = n
		}
	}
	if best == nil || best.dated() < 2*max(second, 1) || !best.manyArticles() {
		return nil
	}
	if seed := best.members[0].article; !sameStory(seed, c.article) &&
		!(related(seed, c.article) && best.sharesName(c, common)) {
		return nil
	}
	return best
}

// manyArticles reports whether two articles or more report in k.
func (k *cluster) manyArticles() bool { return len(k.articles) > 1 }

// placed returns the finer event a coarse report is placed on: the best
// of the candidate placements when it is clearly better than the next.
// Events of the best one's day told only by its article do not compete:
// an article that tells one event in several entries of a day ("announced
// Monday", "Monday's email") offers one event there, not several.
func placed(ps []match) *cluster {
	var best float32
	var k *cluster
	for _, p := range ps {
		if p.sim > best {
			best, k = p.sim, p.k
		}
	}
	if k == nil || best < placeSimilarity {
		return nil
	}
	var second float32
	for _, p := range ps {
		if p.k != k && !sameArticleDay(p.k, k) {
			second = max(second, p.sim)
		}
	}
	if best < placeMargin*second {
		return nil
	}
	return k
}

// sameArticleDay reports whether a and b have one date and are told only
// by one and the same article.
func sameArticleDay(a, b *cluster) bool {
	return a.start == b.start && a.end == b.end && len(a.articles) == 1 && len(b.articles) == 1 && a.articles[0] == b.articles[0]
}

// placement is how well the finer event of k explains the coarse report
// c: the similarity of c's dated clause to the best wording of k that
// comes from another article (an article tells one event once; a coarse
// and a finer date in one article are two events) of the same story (or
// telling most of c), does not name only others than c names, and is told
// outside a photo caption (a caption's date is often when the photo was
// released). Zero when c tells a proposal, which the finer reports of its
// words (the talks, the answer) are not.
func (k *cluster) placement(c *candidate, related func(a, b int) bool, common map[uint64]bool) float32 {
	if c.proposal || c.coreMass == 0 {
		return 0
	}
	var best float32
	for _, e := range k.exemplars {
		if e.article == c.article || e.cit.Caption || e.days >= c.days || disjointNames(e.names, c.names) {
			continue
		}
		// Names alone (the people and places every report of a story
		// names) and common words ("officials", "federal") do not make two
		// reports one event: a key word must be shared.
		sum, word := c.coreShared(e.tokens)
		if p := sum / c.coreMass; word && (related(e.article, c.article) || (p >= clearPlacement && sharedName(e.names, c.names, common))) {
			best = max(best, p)
		}
	}
	return best
}

// alike reports whether two clusters tell one event by their own
// wordings: they were started by related articles and a wording of one is
// at least sameValueSimilarity like a wording of the other. s is a zeroed
// scatter, left zeroed.
func (k *cluster) alike(o *cluster, related func(a, b int) bool, s scatter) bool {
	if !related(k.members[0].article, o.members[0].article) {
		return false
	}
	for _, e := range o.exemplars {
		s.load(e)
		sim := k.similarity(e, s)
		s.unload(e)
		if sim >= sameValueSimilarity {
			return true
		}
	}
	return false
}

// nodeOn returns k's own node in mergeEvents' index of days under day, or
// -1 when it has none: an event is filed under each of its days, one after
// the other, from its first node.
func (k *cluster) nodeOn(day int) int32 {
	if k.node < 0 {
		return -1
	}
	first := dayNumber(k.start)
	if day < first || day > dayNumber(k.end) {
		return -1
	}
	return k.node + int32(day-first)
}

// root returns the cluster k was absorbed into, if any.
func (k *cluster) root() *cluster {
	for k.parent != nil {
		k = k.parent
	}
	return k
}

// absorb moves o's members into k.
func (k *cluster) absorb(o *cluster) {
	if o == k {
		return
	}
	for _, c := range o.members {
		k.add(c)
	}
	o.members, o.exemplars, o.articles = nil, nil, nil
	o.context = false
	o.parent = k
}

// sharesAlternative reports whether c and a member of k offer the same day
// among alternatives ("March 18 or March 22" and "March 19 or 22"): a plan
// told with different dates.
func (k *cluster) sharesAlternative(c *candidate) bool {
	for _, d := range c.alts {
		for _, m := range k.members {
			if slices.Contains(m.alts, d) {
				return true
			}
		}
	}
	return false
}

// otherSubject reports whether c names who acted and no member of k
// names any of them.
func (k *cluster) otherSubject(c *candidate) bool {
	return namesNoneOf(c.subject, k.members, func(m *candidate) []uint64 { return m.subject })
}

// namesNoneOf reports whether names is not empty, some of the candidates
// name someone (in the field that names picks), and none names any of
// names.
func namesNoneOf(names []uint64, cs []*candidate, field func(*candidate) []uint64) bool {
	if len(names) == 0 {
		return false
	}
	named := false
	for _, m := range cs {
		for _, n := range field(m) {
			named = true
			if slices.Contains(names, n) {
				return false
			}
		}
	}
	return named
}

// sameAlternatives reports whether c offers two or more days and a member
// of k offers exactly those ("Friday, March 19, or Monday, March 22" and
// "March 19 or 22").
func (k *cluster) sameAlternatives(c *candidate) bool {
	if len(c.alts) < 2 {
		return false
	}
	for _, m := range k.members {
		if len(m.alts) == len(c.alts) && !slices.ContainsFunc(c.alts, func(d dates.Date) bool { return !slices.Contains(m.alts, d) }) {
			return true
		}
	}
	return false
}

// related reports whether c's article is about the story of the article
// that started the cluster: relatedness is not transitive, and a chain of
// company reports each close to the next is not one story.
func (k *cluster) related(c *candidate, related func(a, b int) bool) bool {
	return len(k.members) > 0 && related(k.members[0].article, c.article)
}

// sameHead reports whether c's wide date modifies a word (not only a
// name) that the wide date of a wording of k modifies too.
func (k *cluster) sameHead(c *candidate) bool {
	if len(c.head) == 0 {
		return false
	}
	for _, e := range k.exemplars {
		if sharedKey(c.head, e.head) {
			return true
		}
	}
	return false
}

// hasSentence reports whether c's sentence already reports in k: two
// dates of one sentence ("Greece in 1952, Germany in 1955") are two events.
// c must not be a member of k: then only a sentence that tells another
// event too (twin) can be in k.
func (k *cluster) hasSentence(c *candidate) bool {
	if !c.twin {
		return false
	}
	for _, m := range k.members {
		if m.article == c.article && m.cit.Start == c.cit.Start {
			return true
		}
	}
	return false
}

// sharesName reports whether c names someone a wording of k names, not
// counting the names common to the collection.
func (k *cluster) sharesName(c *candidate, common map[uint64]bool) bool {
	for _, e := range k.exemplars {
		if sharedName(e.names, c.names, common) {
			return true
		}
	}
	return false
}

// sharedName reports whether a and b hold a name not in common.
func sharedName(a, b []uint64, common map[uint64]bool) bool {
	for _, n := range a {
		if !common[n] && slices.Contains(b, n) {
			return true
		}
	}
	return false
}

// otherNames reports whether c and the cluster both name people, places
// or organisations and share none of them.
func (k *cluster) otherNames(c *candidate) bool {
	return namesNoneOf(c.names, k.exemplars, func(e *candidate) []uint64 { return e.names })
}

// otherActors reports whether c names other actors than every wording of k
// (see otherActors).
func (k *cluster) otherActors(c *candidate, common map[uint64]bool) bool {
	for _, e := range k.exemplars {
		if !otherActors(c, e, common) {
			return false
		}
	}
	return len(k.exemplars) > 0
}

// onlyArticle reports whether every report of k is from article a.
func (k *cluster) onlyArticle(a int) bool { return len(k.articles) == 1 && k.articles[0] == a }

// hasArticle reports whether an article already reports in the cluster.
func (k *cluster) hasArticle(a int) bool { return slices.Contains(k.articles, a) }

// similarity is the best similarity of c, loaded in s, to the cluster's
// wordings.
func (k *cluster) similarity(c *candidate, s scatter) float32 {
	if k.hasWording(c.sig) {
		return 1
	}
	var best float32
	for _, e := range k.exemplars {
		best = max(best, s.cosine(c.norm, e))
	}
	return best
}

// similarities is similarity, keeping the similarity to each exemplar in
// sims.
func (k *cluster) similarities(c *candidate, s scatter, sims *[maxExemplars]float32) float32 {
	var best float32
	for i, e := range k.exemplars {
		if e.sig == c.sig {
			sims[i] = 1
		} else {
			sims[i] = s.cosine(c.norm, e)
		}
		best = max(best, sims[i])
	}
	return best
}

func (k *cluster) add(c *candidate) {
	k.members = append(k.members, c)
	k.strong = k.strong || !c.weak
	k.context = k.context || c.cit.Source == FromContext
	if !slices.Contains(k.articles, c.article) {
		k.articles = append(k.articles, c.article)
	}
	if len(k.exemplars) < maxExemplars && !k.hasWording(c.sig) {
		k.exemplars = append(k.exemplars, c)
	}
}

// hasWording reports whether an exemplar has the token signature sig: a
// scan of at most maxExemplars, cheaper than a set per cluster.
func (k *cluster) hasWording(sig uint64) bool {
	for _, e := range k.exemplars {
		if e.sig == sig {
			return true
		}
	}
	return false
}

// contains reports whether [s1, e1] contains [s2, e2].
func contains(s1, e1, s2, e2 dates.Date) bool {
	return s1.Compare(s2) <= 0 && e2.Compare(e1) <= 0
}

// deedShare is the share of a report's words (not names) that another
// report of its day must tell for the two to tell one deed, when they
// also name someone in common (see sameDeed).
const deedShare = 0.3

// sameDeed reports whether c and a wording of k, told by another article,
// name someone in common (who took part) and share deedShare of c's
// weighed words that are not names (what happened).
func (k *cluster) sameDeed(c *candidate, common map[uint64]bool) bool {
	var words float32
	for i, t := range c.tokens {
		if !t.name {
			words += c.wts[i]
		}
	}
	if words == 0 {
		return false
	}
	for _, e := range k.exemplars {
		if e.article == c.article || !sharedName(e.names, c.names, common) {
			continue
		}
		var both float32
		i, j := 0, 0
		for i < len(c.tokens) && j < len(e.tokens) {
			switch a, b := c.tokens[i], e.tokens[j]; {
			case a.id == b.id:
				if !a.name {
					both += c.wts[i]
				}
				i++
				j++
			case a.id < b.id:
				i++
			default:
				j++
			}
		}
		if both >= deedShare*words {
			return true
		}
	}
	return false
}

// dated counts the members of k dated by an expression of their own.
func (k *cluster) dated() int {
	n := 0
	for _, c := range k.members {
		if !c.weak {
			n++
		}
	}
	return n
}
