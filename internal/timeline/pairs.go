package timeline

import "slices"

// The share of the smaller article's names two articles must have in
// common to be related (relatedShare) or to tell one story closely enough
// that a coarse report of one is placed on a finer one of the other
// (sameStoryShare).
const (
	relatedShare   = 5
	sameStoryShare = 3
)

// articlePairs counts the names two articles have in common, once per
// pair: a dense table for a small collection, a map for a large one.
type articlePairs struct {
	docNames [][]uint64
	dense    []int32 // n*n: 1 + the names a pair shares; 0 not counted yet
	sparse   map[[2]int32]int32
	// Beside the map of a large collection, the pairs of one article (the
	// one whose reports are being merged: see focus) in a row:
	// rowVal[b] is 1 + the names it shares with b when rowGen[b] == gen.
	// Most lookups are of that article's pairs, and a map of millions of
	// pairs was a tenth of a large merge.
	row    int
	gen    uint32
	rowGen []uint32
	rowVal []int32
}

// maxDensePairs bounds the articles whose pairs articlePairs keeps in a
// dense table.
const maxDensePairs = 128

// articlePairs returns w's articlePairs for docNames, counted anew.
func (w *workspace) articlePairs(docNames [][]uint64) *articlePairs {
	p := &w.pairs
	p.docNames, p.sparse = docNames, nil
	if n := len(docNames); n <= maxDensePairs {
		if cap(p.dense) < n*n {
			p.dense = make([]int32, n*n)
		}
		p.dense = p.dense[:n*n]
		clear(p.dense)
	} else {
		p.dense, p.sparse = p.dense[:0], map[[2]int32]int32{}
		if cap(p.rowGen) < n {
			p.rowGen, p.rowVal = make([]uint32, n), make([]int32, n)
		}
		p.rowGen, p.rowVal = p.rowGen[:n], p.rowVal[:n]
		clear(p.rowGen)
		p.row, p.gen = -1, 1
	}
	return p
}

// focus says that most lookups to come are of article a's pairs.
func (p *articlePairs) focus(a int) {
	if p.sparse == nil || a == p.row {
		return
	}
	p.row = a
	p.gen++
	if p.gen == 0 { // wrapped: every stamp is stale
		clear(p.rowGen)
		p.gen = 1
	}
}

// shared returns how many names articles a < b share.
func (p *articlePairs) shared(a, b int) int {
	if p.sparse == nil {
		slot := &p.dense[a*len(p.docNames)+b]
		if *slot == 0 {
			*slot = int32(p.count(a, b) + 1)
		}
		return int(*slot - 1)
	}
	if a == p.row || b == p.row {
		other := a + b - p.row
		if p.rowGen[other] != p.gen {
			p.rowGen[other], p.rowVal[other] = p.gen, int32(p.count(a, b)+1)
		}
		return int(p.rowVal[other] - 1)
	}
	return p.lookup(a, b)
}

// lookup returns how many names articles a < b share, from the map of a
// large collection.
func (p *articlePairs) lookup(a, b int) int {
	key := [2]int32{int32(a), int32(b)}
	if v, ok := p.sparse[key]; ok {
		return int(v)
	}
	n := p.count(a, b)
	p.sparse[key] = int32(n)
	return n
}

// count counts the names articles a and b share.
func (p *articlePairs) count(a, b int) int {
	return sortedShared(p.docNames[a], p.docNames[b])
}

// sharing returns a test of whether two articles share enough names to
// be about one story: at least two, and a 1/share of the smaller
// article's names.
func (p *articlePairs) sharing(share int) func(a, b int) bool {
	return func(a, b int) bool {
		if a == b {
			return true
		}
		if a > b {
			a, b = b, a
		}
		shared := p.shared(a, b)
		return shared >= 2 && shared*share >= min(len(p.docNames[a]), len(p.docNames[b]))
	}
}

// commonNames returns the names a large collection shares widely ("New
// York", "Stock Exchange"): they tell no story apart. Names held by more
// than a tenth of the articles, and by more than commonNameArticles of
// them, are common; a small collection (one story told by a few outlets)
// has none.
func commonNames(docNames [][]uint64) map[uint64]bool {
	limit := max(commonNameArticles, len(docNames)/10)
	if len(docNames) <= limit {
		return nil
	}
	df := map[uint64]int{}
	for _, ns := range docNames {
		for _, n := range ns {
			df[n]++
		}
	}
	common := map[uint64]bool{}
	for n, c := range df {
		if c > limit {
			common[n] = true
		}
	}
	return common
}

// withoutNames returns each article's names without those in drop.
func withoutNames(docNames [][]uint64, drop map[uint64]bool) [][]uint64 {
	if len(drop) == 0 {
		return docNames
	}
	out := make([][]uint64, len(docNames))
	for i, ns := range docNames {
		out[i] = slices.DeleteFunc(slices.Clone(ns), func(n uint64) bool { return drop[n] })
	}
	return out
}

// commonNameArticles is the fewest articles a name must be in to be
// common (see commonNames).
const commonNameArticles = 10

// rareShared is how many rare words (see rarePairs) two articles must
// share to tell one story without an uncommon name in common. Two broke
// TestCollectionNoChains ("shares plunging ... composite trading" of two
// companies); four lost the trial collection's "fighting pancreatic
// cancer since 2004" (docs/merge-review.md).
const rareShared = 3

// rarePairs returns, for each article, the articles it tells one story
// with by its reports' words rather than by uncommon names: the two share
// a name (common or not: allNames) and rareShared words (not names) that
// no other article's reports use ("pancreatic", "transplant"); such a
// word is in two articles, so it names one pair. cands are weighed (see
// weigh), over w.df's tokens. A collection of commonNameArticles
// articles or fewer has no common names to set aside, and gets none. The
// counts stay in w.rare (ntok long) for attachToCoarse.
func rarePairs(cands []*candidate, allNames [][]uint64, w *workspace) [][]int32 {
	n := len(allNames)
	ntok := len(w.df)
	if cap(w.rare) < ntok {
		w.rare = make([]rareToken, ntok)
	}
	toks := w.rare[:ntok]
	clear(toks)
	for _, c := range cands {
		a := int32(c.article) + 1
		for k, t := range c.tokens {
			r := &toks[c.ix[k]]
			if t.name || r.first == a || r.second == a || r.in > 2 {
				continue
			}
			r.in++
			if r.first == 0 {
				r.first = a
			} else if r.second == 0 {
				r.second = a
			}
		}
	}
	w.rare = toks // attachToCoarse reads the counts too
	if n <= commonNameArticles {
		return nil
	}
	var pairs [][2]int32
	for _, r := range toks {
		if r.in == 2 {
			a, b := r.first-1, r.second-1
			pairs = append(pairs, [2]int32{min(a, b), max(a, b)})
		}
	}
	if len(pairs) < rareShared {
		return nil
	}
	slices.SortFunc(pairs, func(p, q [2]int32) int {
		if p[0] != q[0] {
			return int(p[0] - q[0])
		}
		return int(p[1] - q[1])
	})
	var rel [][]int32
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		if a, b := pairs[i][0], pairs[i][1]; j-i >= rareShared && sortedShared(allNames[a], allNames[b]) > 0 {
			if rel == nil {
				rel = make([][]int32, n)
			}
			rel[a], rel[b] = append(rel[a], b), append(rel[b], a)
		}
		i = j
	}
	return rel
}

// rareToken is what rarePairs knows of a token: 1 + the first two
// articles it is in, and in how many (counted up to three: more than
// two).
type rareToken struct{ first, second, in int32 }

// orRare returns related, widened to the pairs of rel (see rarePairs).
func orRare(related func(a, b int) bool, rel [][]int32) func(a, b int) bool {
	if rel == nil {
		return related
	}
	return func(a, b int) bool {
		return related(a, b) || slices.Contains(rel[a], int32(b))
	}
}

// sortedShared counts the values two sorted lists share.
func sortedShared(x, y []uint64) int {
	shared := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] == y[j]:
			shared++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return shared
}
