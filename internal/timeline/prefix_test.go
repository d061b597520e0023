package timeline

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSetPrefixesOrder checks setPrefixes' integer sort against the sort
// by comparison it replaced.
func TestSetPrefixesOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	df := make([]int32, 50)
	for i := range df {
		df[i] = 1 + r.Int32N(6) // many ties of frequency
	}
	var cands []*candidate
	for range 300 {
		c := &candidate{}
		for _, x := range r.Perm(len(df))[:r.IntN(12)] {
			c.ix = append(c.ix, int32(x))
			c.wts = append(c.wts, 0.1+r.Float32())
		}
		var norm float64
		for _, w := range c.wts {
			norm += float64(w) * float64(w)
		}
		c.norm = float32(math.Sqrt(norm))
		cands = append(cands, c)
	}
	setPrefixes(cands, df, &workspace{})
	for i, c := range cands {
		limit := float64(eventSimilarity*prefixMargin) * float64(c.norm)
		order := rankTokens(nil, c, df)
		n := prefixLength(len(order), limit*limit, func(i int) float32 { return order[i].w })
		var want []int32
		for _, t := range order[:n] {
			want = append(want, t.x)
		}
		if !slices.Equal(c.prefix, want) {
			t.Errorf("candidate %d (tokens %v): prefix %v, want %v", i, c.ix, c.prefix, want)
		}
	}
}

// rankedToken is a token of a candidate in setPrefixes' order.
type rankedToken struct {
	df, x int32
	w     float32
}

// rankTokens returns c's tokens in setPrefixes' order, sorted by
// comparison: the reference for its sort of integer keys.
func rankTokens(order []rankedToken, c *candidate, df []int32) []rankedToken {
	for k, x := range c.ix {
		order = append(order, rankedToken{df[x], x, c.wts[k]})
	}
	slices.SortFunc(order, func(a, b rankedToken) int {
		if a.df != b.df {
			return int(a.df - b.df)
		}
		return int(a.x - b.x)
	})
	return order
}
