package timeline

// scatter holds one candidate's token weights by dense token index, so
// that its similarity to each of many others costs one lookup per token
// of the other, not a walk of both lists; a bit per token says which are
// set, so that most lookups read a small bitset rather than the weights
// of every token of the merge. It is all zeros when unloaded.
type scatter struct {
	w    []float32
	bits []uint64
}

// load puts c's weights in place; unload must follow before another load.
func (s scatter) load(c *candidate) {
	wts := c.wts[:len(c.ix)]
	for k, x := range c.ix {
		s.w[x] = wts[k]
		s.bits[x>>6] |= 1 << (x & 63)
	}
}

func (s scatter) unload(c *candidate) {
	for _, x := range c.ix {
		s.w[x] = 0
		s.bits[x>>6] = 0
	}
}

// cosine is the cosine similarity of the loaded candidate, of norm n, and
// o: the dot product of their weights over the norms. Summed over o's
// tokens in order (ascending id); the tokens not shared add zeros, and
// are skipped.
func (s scatter) cosine(n float32, o *candidate) float32 {
	if n == 0 || o.norm == 0 {
		return 0
	}
	var dot float32
	wts := o.wts[:len(o.ix)]
	for k, x := range o.ix {
		if s.bits[x>>6]&(1<<(x&63)) != 0 {
			dot += s.w[x] * wts[k]
		}
	}
	return dot / (n * o.norm)
}

// coreShared returns the weight of the words of c's core that the sorted
// token list b holds too, once weighed, and whether one of those is a key
// word.
func (c *candidate) coreShared(b []token) (covered float32, word bool) {
	wts, key := c.coreWeights()
	eachShared(c.core, b, func(i, _ int) bool {
		covered += wts[i]
		word = word || key[i]
		return true
	})
	return covered, word
}

// sharedKey reports whether a key word of the sorted token list a is in
// the sorted list b too, as the tokens mark them (head words: see event).
func sharedKey(a, b []token) bool {
	found := false
	eachShared(a, b, func(i, _ int) bool {
		found = a[i].key
		return !found
	})
	return found
}
