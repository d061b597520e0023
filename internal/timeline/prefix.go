package timeline

import "slices"

// Prefix filtering: a report dated only by its context or its
// publication day (weak) is one event with another only when the two are
// at least eventSimilarity alike (see mergeEvents), and on a busy day most
// events of the day are not: in a story of 1,000 articles 97% of such
// comparisons fell short. prefixIndex finds, without computing a
// similarity, the events of the day that may reach it.
//
// The tokens of a Build are put in one order: rarest first (by how many
// reports hold them), then by dense index. A report's prefix is its tokens
// in that order less the longest tail whose weights' norm is under
// eventSimilarity times the report's norm. If two reports a and b share no
// token of both prefixes, their cosine is under eventSimilarity: say a's
// prefix ends no later than b's in the order; a shared token in a's prefix
// would then be in b's prefix too, so all they share is in a's tail, and
// their dot product is at most the tail's norm times |b|, under
// eventSimilarity |a| |b|. (Reports with the same token signature share
// their whole prefix; a report with no tokens is never filtered.)

// prefixMargin keeps the filter on the safe side of float32 rounding: a
// tail is cut a hair below the threshold.
const prefixMargin = 0.99

// setPrefixes sets every candidate's prefix (as dense token indices)
// from the weights and report frequencies weigh gave them.
func setPrefixes(cands []*candidate, df []int32, w *workspace) {
	ntok := 0
	for _, c := range cands {
		ntok += len(c.ix)
	}
	if cap(w.prefixArena) < ntok {
		w.prefixArena = make([]int32, ntok)
	}
	arena := w.prefixArena[:ntok]
	if cap(w.prefixWts) < len(df) {
		w.prefixWts = make([]float32, len(df))
	}
	weights := w.prefixWts[:len(df)] // by dense index, for the candidate at hand
	keys := w.prefixKeys[:0]
	for _, c := range cands {
		limit := float64(eventSimilarity*prefixMargin) * float64(c.norm)
		limit *= limit
		// The tokens in order as keys (report frequency, then dense
		// index), sorted as integers: a sort with a comparison function
		// was a tenth of a merge. A candidate's tokens are distinct (see
		// tokenize; check refuses a stored list that is not), so no two
		// keys are equal.
		keys = keys[:0]
		for k, x := range c.ix {
			keys = append(keys, uint64(df[x])<<32|uint64(uint32(x)))
			weights[x] = c.wts[k]
		}
		slices.Sort(keys)
		n := prefixLength(len(keys), limit, func(i int) float32 { return weights[int32(uint32(keys[i]))] })
		c.prefix, arena = arena[:n:n], arena[n:]
		for i, k := range keys[:n] {
			c.prefix[i] = int32(uint32(k))
		}
	}
	w.prefixKeys = keys
}

// prefixLength is how many of n tokens in order (weight(i) the i-th's
// weight) the prefix keeps: all but the longest tail whose squared
// weights sum under limit.
func prefixLength(n int, limit float64, weight func(i int) float32) int {
	tail := 0.0
	for n > 0 {
		w := float64(weight(n - 1))
		w2 := w * w
		if tail+w2 >= limit {
			break
		}
		tail += w2
		n--
	}
	return n
}

// prefixIndex lists, for the day being merged, the events under each
// token of their wordings' prefixes. mergeEvents merges the reports dated
// to a day in date order, and a weak report looks at its own day only, so
// one day's lists are all it needs; they are emptied when the day changes.
type prefixIndex struct {
	day     int
	gen     uint32
	headGen []uint32 // by dense token: head is valid when headGen == gen
	head    []int32  // 1 + the token's first posting
	posts   []prefixPosting
}

type prefixPosting struct {
	k    *cluster
	next int32
}

// reset empties x for a merge over ntok dense tokens.
func (x *prefixIndex) reset(ntok int) {
	if cap(x.headGen) < ntok {
		x.headGen, x.head = make([]uint32, ntok), make([]int32, ntok)
	}
	x.headGen, x.head = x.headGen[:ntok], x.head[:ntok]
	clear(x.headGen)
	x.gen, x.day = 1, minDay
	x.posts = x.posts[:0]
}

// minDay is below every day number.
const minDay = -1 << 62

// advance moves x to day, emptying it when that is another day.
func (x *prefixIndex) advance(day int) {
	if day != x.day {
		x.day = day
		x.gen++
		x.posts = x.posts[:0]
	}
}

// file lists k under every token of the prefix of e, one of its wordings.
func (x *prefixIndex) file(k *cluster, e *candidate) {
	for _, t := range e.prefix {
		h := int32(0)
		if x.headGen[t] == x.gen {
			h = x.head[t]
		}
		x.posts = append(x.posts, prefixPosting{k, h - 1})
		x.headGen[t], x.head[t] = x.gen, int32(len(x.posts))
	}
}

// fileAll lists k under the prefixes of all its wordings.
func (x *prefixIndex) fileAll(k *cluster) {
	for _, e := range k.exemplars {
		x.file(k, e)
	}
}

// mark sets the found mark of every event (by its root) listed under a
// token of c's prefix, and appends each such root to dst once.
func (x *prefixIndex) mark(c *candidate, mark int, dst []*cluster) []*cluster {
	for _, t := range c.prefix {
		if x.headGen[t] != x.gen {
			continue
		}
		for p := x.head[t] - 1; p >= 0; p = x.posts[p].next {
			if k := x.posts[p].k.root(); k.found != mark {
				k.found = mark
				dst = append(dst, k)
			}
		}
	}
	return dst
}
