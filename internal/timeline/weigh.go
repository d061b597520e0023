package timeline

import (
	"math"
	"math/bits"
	"sync"
)

// weigh weighs every candidate's tokens and core words: their weights
// times the inverse document frequency of the token among all candidates
// (in wts; the events keep theirs), so that the names every report of a
// story shares ("Biden", "Russia") count little and the words that single
// out one event ("interview", "ambassador") count much. It marks the key
// words, and stores each candidate's vector norm and core mass. It numbers
// the distinct tokens densely (each candidate's ix, in w) and returns how
// many there are: a dense vector of that length is what similarity
// scatters into.
func weigh(cands []*candidate, w *workspace) int {
	ntok, ncore := 0, 0
	for _, c := range cands {
		ntok += len(c.tokens)
		ncore += len(c.core)
	}
	// Distinct tokens are far fewer than tokens in a large merge (a
	// vocabulary, not a text): the index starts small and doubles when
	// half full, rather than taking room for every token.
	index := w.tokenIndex(min(ntok, initialTokenSlots))
	df := w.df[:0] // by dense index
	ixs := w.ints(ntok)
	for _, c := range cands {
		c.ix, ixs = ixs[:len(c.tokens):len(c.tokens)], ixs[len(c.tokens):]
		for k, t := range c.tokens {
			i := index.slot(t.id)
			if index.ix[i] == 0 { // a new token
				if 2*(len(df)+1) > len(index.ids) {
					index = w.growTokenIndex()
					i = index.slot(t.id)
				}
				index.ids[i], index.ix[i] = t.id, int32(len(df))+1
				w.used = append(w.used, i)
				df = append(df, 0)
			}
			x := index.ix[i] - 1
			df[x]++
			c.ix[k] = x
		}
	}
	w.df = df
	// idf[f] for a token in f reports (a core word may be in none), once
	// per frequency rather than once per token.
	n := float64(len(cands)) + 1
	idf := make([]float32, len(cands)+1)
	for f := range idf {
		idf[f] = float32(math.Log(n / float64(max(f, 1))))
	}
	rare := int32(max(rareReports, len(cands)/50))
	wts, keys := w.floats(ntok+ncore), w.bools(ntok+ncore)
	for _, c := range cands {
		n := len(c.tokens) + len(c.core)
		c.wts, wts = wts[:n:n], wts[n:]
		c.key, keys = keys[:n:n], keys[n:]
		// Each weight is rounded to a float32 (an explicit conversion, as
		// a weight stored in a token was): the sums below add the same
		// values, fused into no multiply-add.
		var norm float64
		for k, t := range c.tokens {
			f := df[c.ix[k]]
			wt := float32(t.weight * idf[f])
			c.wts[k], c.key[k] = wt, !t.name && f <= rare
			norm += float64(wt) * float64(wt)
		}
		c.norm = float32(math.Sqrt(norm))
		cw, ck := c.coreWeights()
		var mass float32
		for k, t := range c.core {
			var f int32
			if x, ok := index.get(t.id); ok {
				f = df[x]
			}
			wt := float32(t.weight * idf[f])
			cw[k], ck[k] = wt, !t.name && f <= rare
			mass += wt
		}
		c.coreMass = mass
	}
	return len(df)
}

// tokenIndex maps token ids to dense indices. The ids are hashes already,
// so their low bits index an open-addressed table directly, with no
// rehashing: with a Go map, weigh was a quarter of a cached Build.
type tokenIndex struct {
	ids  []uint64
	ix   []int32 // dense index + 1; 0 marks an empty slot
	mask uint64
}

// workspace holds what a Build works in and does not outlive: the token
// index, the dense indices and frequencies, the scatters. They were most
// of what a Build of cached articles allocated; workspaces keeps them
// between builds.
type workspace struct {
	index tokenIndex
	used  []uint64 // the slots of index in use
	ixs   []int32
	wts   []float32
	keys  []bool
	df    []int32
	rare  []rareToken // by dense index, for rarePairs
	vecs  []float32   // the scatters' weights; zero outside a Build
	bits  []uint64    // and their bits
	// Merge's candidates, and pointers to them.
	room  []candidate
	cands []*candidate
	// mergeEvents' order of the events, clusters, indices and pairs of
	// articles.
	order       []*candidate
	twins       []*candidate // markTwins' scratch
	orderKeys   []orderKey
	clusters    []cluster
	byDay       index[int]
	byValue     index[string]
	coarse      index[int]      // see mergeEvents
	absorbed    index[*cluster] // see mergeEvents
	marked      []*cluster      // mergeEvents' scratch: the events pre marked for a report
	firsts      []uint64        // and the first node of each in its day
	sameWording map[wordingKey]*cluster
	pairs       articlePairs
	prefixes    prefixIndex
	prefixArena []int32
	prefixKeys  []uint64
	prefixWts   []float32 // by dense index (see setPrefixes)
	// The order of Merge's entries, the story's and the background's.
	entryOrder, bgOrder []int32
	// attachReports' posting lists (see postings).
	eligible  []*cluster
	spans     attachSpans
	postStart []int32
	postLists []int32    // indices into eligible
	unplaced  []*cluster // the undated reports no day-dated event took
}

// workspaces pools workspaces, as fmt pools its printers.
var workspaces = sync.Pool{New: func() any { return &workspace{sameWording: map[wordingKey]*cluster{}} }}

// maxPooledSlots bounds the token index a pooled workspace keeps, so that
// one huge Build does not leave megabytes behind for small ones.
const maxPooledSlots = 1 << 16

// maxPooledEvents bounds the candidates a pooled workspace keeps room for
// (about 140 bytes each).
const maxPooledEvents = 1 << 14

// tokenIndex returns w's empty token index, with room for n ids at most
// half full.
func (w *workspace) tokenIndex(n int) tokenIndex {
	if size := 1 << bits.Len(uint(2*n)); len(w.index.ids) < size {
		w.index = tokenIndex{ids: make([]uint64, size), ix: make([]int32, size), mask: uint64(size - 1)}
	}
	return w.index
}

// floats returns n float32s of w's, any values.
func (w *workspace) floats(n int) []float32 {
	if cap(w.wts) < n {
		w.wts = make([]float32, n)
	}
	return w.wts[:n]
}

// bools returns n bools of w's, any values.
func (w *workspace) bools(n int) []bool {
	if cap(w.keys) < n {
		w.keys = make([]bool, n)
	}
	return w.keys[:n]
}

// ints returns n int32s of w's, any values.
func (w *workspace) ints(n int) []int32 {
	if cap(w.ixs) < n {
		w.ixs = make([]int32, n)
	}
	return w.ixs[:n]
}

// candidates returns w's room for the n candidates of a merge and the
// pointers to them: empty slices of that capacity at least.
func (w *workspace) candidates(n int) ([]*candidate, []candidate) {
	if cap(w.cands) < n {
		w.cands = make([]*candidate, 0, n)
	}
	if cap(w.room) < n {
		w.room = make([]candidate, 0, n)
	}
	return w.cands[:0], w.room[:0]
}

// scatters returns two zeroed scatters of n.
func (w *workspace) scatters(n int) (scatter, scatter) {
	if cap(w.vecs) < 2*n {
		w.vecs = make([]float32, 2*n)
	}
	w.vecs = w.vecs[:2*n]
	words := (n + 63) / 64
	if cap(w.bits) < 2*words {
		w.bits = make([]uint64, 2*words)
	}
	w.bits = w.bits[:2*words]
	return scatter{w.vecs[:n], w.bits[:words]}, scatter{w.vecs[n:], w.bits[words:]}
}

// release empties w and returns it to workspaces.
func (w *workspace) release() {
	if len(w.index.ids) > maxPooledSlots || cap(w.cands) > maxPooledEvents || cap(w.order) > maxPooledEvents || cap(w.orderKeys) > maxPooledEvents ||
		len(w.sameWording) > maxPooledEvents || cap(w.entryOrder) > maxPooledEvents || cap(w.byDay.nodes) > 4*maxPooledEvents || cap(w.coarse.nodes) > 4*maxPooledEvents {
		return // one huge Build does not leave megabytes behind for small ones
	}
	for _, i := range w.used {
		w.index.ix[i] = 0
	}
	w.used = w.used[:0]
	clear(w.vecs) // zero already, unless a Build panicked half way
	clear(w.bits)
	// No event or cluster (nor the analyses they point to) outlives its
	// Build.
	clear(w.cands)
	clear(w.room)
	clear(w.order)
	w.cands, w.room, w.order = w.cands[:0], w.room[:0], w.order[:0]
	clear(w.clusters[:cap(w.clusters)])
	w.byDay.reset()
	w.byValue.reset()
	w.coarse.reset()
	w.absorbed.reset()
	clear(w.sameWording)
	w.pairs.docNames = nil
	clear(w.eligible[:cap(w.eligible)])
	clear(w.unplaced[:cap(w.unplaced)])
	workspaces.Put(w)
}

// initialTokenSlots is the distinct tokens the index first has room for:
// those of a few hundred articles.
const initialTokenSlots = 1 << 14

// growTokenIndex doubles w's token index, keeping every token's dense
// index, and returns it.
func (w *workspace) growTokenIndex() tokenIndex {
	old := w.index
	size := 2 * len(old.ids)
	w.index = tokenIndex{ids: make([]uint64, size), ix: make([]int32, size), mask: uint64(size - 1)}
	for k, i := range w.used {
		j := w.index.slot(old.ids[i])
		w.index.ids[j], w.index.ix[j] = old.ids[i], old.ix[i]
		w.used[k] = j
	}
	return w.index
}

// slot is where id is, or the empty slot where it goes.
func (t tokenIndex) slot(id uint64) uint64 {
	i := id & t.mask
	for t.ix[i] != 0 && t.ids[i] != id {
		i = (i + 1) & t.mask
	}
	return i
}

// get returns id's dense index, if id is in t.
func (t tokenIndex) get(id uint64) (int32, bool) {
	i := t.slot(id)
	return t.ix[i] - 1, t.ix[i] != 0
}

// rareReports is the fewest reports a word may be in and still be rare
// (key); in a large collection, a fiftieth of the reports.
const rareReports = 8
