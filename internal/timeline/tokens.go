package timeline

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// token is one content word of an event description: the hash of its stem
// and its weight (names count double: they say who, which decides whether
// two reports tell the same event).
type token struct {
	id     uint64
	weight float32
	name   bool // capitalised inside a sentence
	// key marks a word (not a name) specific enough to tell one event:
	// rare among the reports of a core clause, or the word a year names.
	key bool
}

// nameWeight is the weight of a capitalised word inside a clause.
const nameWeight = 2

// stopWords carry no event content: function words, reporting verbs (every
// report has one) and calendar words (time is compared separately).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from into onto over under
	about after before during since until than then as so not no nor also too very just only even still yet
	this that these those there here it its it's he him his she her hers they them their theirs we us our you your
	i me my mine who whom whose which what when where why how all any both each few more most other some such
	own same can could will would shall should may might must do does did doing done be is are was were been
	being am have has had having said says say saying told tell tells telling according added adding reported
	reports noted stated statement asked while however earlier later last next this week weeks weekend month
	months year years day days today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december jan feb mar apr jun
	jul aug sep sept oct nov dec morning afternoon evening night ago recent recently one two first mr mrs ms
	new s t ll ve re d get got make made take took go went come came up out off again further once because time report`) {
		m[w] = true
	}
	return m
}()

// tokenize returns the weighted content-word stems of s, deduplicated and
// sorted by id.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/8+1)
	eachToken(s, func(id uint64, name bool, _, _ int) { out = append(out, newToken(id, name)) })
	return sortTokens(out)
}

// newToken returns the token of a word, a name or not.
func newToken(id uint64, name bool) token {
	weight := float32(1)
	if name {
		weight = nameWeight
	}
	return token{id: id, weight: weight, name: name}
}

// sortTokens sorts tokens by id and keeps the heaviest of each id.
func sortTokens(out []token) []token {
	slices.SortFunc(out, func(a, b token) int {
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return int(b.weight - a.weight)
	})
	return slices.CompactFunc(out, func(a, b token) bool { return a.id == b.id })
}

// eachToken calls f with the stem hash of each content word of s, whether
// it is a name (capitalised, not first in its sentence) and the bounds of
// the run of letters, digits and hyphens it stands in. Words are
// lower-cased and stemmed in a stack buffer: this runs for every sentence
// and clause, and a string per word was a fifth of Build.
func eachToken(s string, f func(id uint64, name bool, start, end int)) {
	var buf [64]byte
	first := true
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '“' || r == '"' || r == ':' {
				first = true
			}
			i += n
			continue
		}
		// The run, ASCII byte by byte; parts split at hyphens.
		j := i
		ascii := true
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if !isASCIIWordByte(c) && c != '-' || c == '_' {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			ascii = false
			j += n
		}
		name := unicode.IsUpper(r) && !first
		for k := i; k <= j; {
			e := k + strings.IndexByte(s[k:j], '-')
			if e < k {
				e = j
			}
			part := s[k:e]
			var w []byte
			if ascii {
				w = lowerASCII(buf[:0], part)
			} else {
				w = appendLower(buf[:0], part)
			}
			if len(w) >= 2 && !isStopWord(w) && !isNumber(part) {
				f(stemHash(w), name, i, j)
			}
			k = e + 1
		}
		first = false
		i = j
	}
}

// stopIndex holds the stop words by length and first letter: a look-up
// compares a handful of short strings instead of hashing the word, and
// every word of every sentence is looked up.
var stopIndex = func() (idx [16][26][]string) {
	for w := range stopWords {
		if len(w) >= len(idx) || w[0] < 'a' || w[0] > 'z' {
			panic("timeline: stop word index cannot hold " + w)
		}
		idx[len(w)][w[0]-'a'] = append(idx[len(w)][w[0]-'a'], w)
	}
	return idx
}()

// isStopWord reports whether the lower-case word w is a stop word.
func isStopWord(w []byte) bool {
	if len(w) == 0 || len(w) >= len(stopIndex) || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for _, sw := range stopIndex[len(w)][w[0]-'a'] {
		if string(w) == sw {
			return true
		}
	}
	return false
}

// isWordRune reports whether r is a letter or digit, ASCII first.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendLower appends strings.ToLower(w) to b, without a string for ASCII.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(b[:0], strings.ToLower(w)...)
		}
	}
	return lowerASCII(b, w)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stemSuffix is an inflection stemBytes strips: from is replaced by to in
// words of at least min bytes.
type stemSuffix struct {
	from, to string
	min      int
}

// stemSuffixes are the inflections stemBytes strips, longest first within each
// family, with what replaces them and the shortest word they apply to.
var stemSuffixes = []stemSuffix{
	{"ations", "", 8}, {"ation", "", 7}, {"ated", "", 6}, {"ating", "", 7}, {"ates", "", 6},
	{"ences", "", 7}, {"ence", "", 6}, {"ies", "y", 5}, {"ing", "", 6}, {"ed", "", 5}, {"ians", "ia", 6}, {"ian", "ia", 5},
	{"ans", "a", 6}, {"an", "a", 6}, {"al", "", 6}, {"es", "", 5}, {"s", "", 4},
}

// stemSuffixesByLast holds stemSuffixes by their last letter, in order.
var stemSuffixesByLast = func() (by [256][]stemSuffix) {
	for _, sfx := range stemSuffixes {
		last := sfx.from[len(sfx.from)-1]
		by[last] = append(by[last], sfx)
	}
	return by
}()

// stemBytes strips the common English inflections so that "refused",
// "refusal" and "refuses" meet, and nationality adjectives meet their
// country ("Russian" and "Russia"). It works in place: every rule shortens
// the word.
func stemBytes(w []byte) []byte {
	if len(w) == 0 {
		return w
	}
	w = trimSuffix(trimSuffix(w, "'s"), "’s")
	// "-sion" nouns come from "-de" verbs: explosion, explode; decision,
	// decide; invasion, invade.
	if n := len(w); n >= 7 && hasSuffix(w, "sion") && isVowel(w[n-5]) {
		w[n-4] = 'd'
		return w[:n-3]
	}
	if n := len(w); n >= 8 && hasSuffix(w, "sions") && isVowel(w[n-6]) {
		w[n-5] = 'd'
		return w[:n-4]
	}
	if len(w) == 0 || hasSuffix(w, "ss") {
		return trimSuffix(w, "e")
	}
	for _, sfx := range stemSuffixesByLast[w[len(w)-1]] {
		if len(w) >= sfx.min && hasSuffix(w, sfx.from) {
			n := len(w) - len(sfx.from)
			w = append(w[:n], sfx.to...)
			break
		}
	}
	return trimSuffix(w, "e")
}

// hasSuffix is bytes.HasSuffix for a string suffix, inlined.
func hasSuffix(w []byte, sfx string) bool {
	return len(w) >= len(sfx) && string(w[len(w)-len(sfx):]) == sfx
}

// trimSuffix is bytes.TrimSuffix for a string suffix.
func trimSuffix(w []byte, sfx string) []byte {
	if hasSuffix(w, sfx) {
		return w[:len(w)-len(sfx)]
	}
	return w
}

func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

// stemHash returns the FNV-1a hash of stemBytes(w) for a lower-case word,
// stemming it in place.
func stemHash(w []byte) uint64 {
	h := uint64(fnvOffset)
	for _, b := range stemBytes(w) {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// signature hashes a token list so identical wording is found in O(1).
func signature(ts []token) uint64 {
	h := uint64(fnvOffset)
	for _, t := range ts {
		h ^= t.id
		h *= fnvPrime
	}
	return h
}

// eventTokens returns a copy of a sentence's tokens with those of its
// clause that holds the date counting clauseWeight times as much: the
// clause says what happened on that date, the rest of the sentence gives
// context that still tells one report from another.
func eventTokens(sentence []token, clause []uint64) []token {
	all := slices.Clone(sentence)
	j := 0
	for i := range all {
		for j < len(clause) && clause[j] < all[i].id {
			j++
		}
		if j < len(clause) && clause[j] == all[i].id {
			all[i].weight *= clauseWeight
		}
	}
	return all
}

// placedID is a token id and the run of the sentence it was read from.
type placedID struct {
	id         uint64
	name       bool
	start, end int
}

// clauseIDs appends to buf the sorted ids eachToken gives for text[a:b]:
// the ids of the sentence's runs inside [a, b), read once per sentence,
// unless a or b splits a run, which is then read anew.
func clauseIDs(buf []uint64, text string, placed []placedID, a, b int) []uint64 {
	if splitsRun(text, a) || splitsRun(text, b) {
		eachToken(text[a:b], func(id uint64, _ bool, _, _ int) { buf = append(buf, id) })
	} else {
		for _, p := range placed {
			if p.start >= a && p.end <= b {
				buf = append(buf, p.id)
			}
		}
	}
	slices.Sort(buf)
	return buf
}

// splitsRun reports whether offset i of s may fall inside a run of
// letters, digits and hyphens (both neighbours belong to one).
func splitsRun(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return (before == '-' || isWordRune(before)) && (after == '-' || isWordRune(after))
}

// clauseWeight is how much more a word of the dated clause counts.
const clauseWeight = 2

// weigh multiplies every candidate's token weights by the inverse document
// frequency of the token among all candidates, so that the names every
// report of a story shares ("Biden", "Russia") count little and the words
// that single out one event ("interview", "ambassador") count much, and
// stores each candidate's vector norm. It numbers the distinct tokens
// densely (each candidate's ix, in w) and returns how many there are: a
// dense vector of that length is what similarity scatters into.
func weigh(cands []candidate, w *workspace) int {
	ntok := 0
	for i := range cands {
		ntok += len(cands[i].tokens)
	}
	index := w.tokenIndex(ntok)
	df := w.df[:0] // by dense index
	ixs := w.ints(ntok)
	for i := range cands {
		c := &cands[i]
		c.ix, ixs = ixs[:len(c.tokens):len(c.tokens)], ixs[len(c.tokens):]
		for k, t := range c.tokens {
			i := index.slot(t.id)
			if index.ix[i] == 0 { // a new token
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
	for i := range cands {
		c := &cands[i]
		var norm float64
		for k := range c.tokens {
			t := &c.tokens[k]
			t.weight *= idf[df[c.ix[k]]]
			norm += float64(t.weight) * float64(t.weight)
		}
		c.norm = float32(math.Sqrt(norm))
		var mass float32
		for k := range c.core {
			t := &c.core[k]
			var f int32
			if x, ok := index.get(t.id); ok {
				f = df[x]
			}
			t.weight *= idf[f]
			t.key = !t.name && f <= rare
			mass += t.weight
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
	df    []int32
	vecs  scatter // the part of it a Build used; zero outside one
}

// workspaces pools workspaces, as fmt pools its printers.
var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// maxPooledSlots bounds the token index a pooled workspace keeps, so that
// one huge Build does not leave megabytes behind for small ones.
const maxPooledSlots = 1 << 16

// tokenIndex returns w's empty token index, with room for n ids at most
// half full.
func (w *workspace) tokenIndex(n int) tokenIndex {
	if size := 1 << bits.Len(uint(2*n)); len(w.index.ids) < size {
		w.index = tokenIndex{ids: make([]uint64, size), ix: make([]int32, size), mask: uint64(size - 1)}
	}
	return w.index
}

// ints returns n int32s of w's, any values.
func (w *workspace) ints(n int) []int32 {
	if cap(w.ixs) < n {
		w.ixs = make([]int32, n)
	}
	return w.ixs[:n]
}

// scatters returns two zeroed scatters of n.
func (w *workspace) scatters(n int) (scatter, scatter) {
	if cap(w.vecs) < 2*n {
		w.vecs = make(scatter, 2*n)
	}
	w.vecs = w.vecs[:2*n]
	return w.vecs[:n], w.vecs[n:]
}

// release empties w and returns it to workspaces.
func (w *workspace) release() {
	for _, i := range w.used {
		w.index.ix[i] = 0
	}
	w.used = w.used[:0]
	clear(w.vecs) // zero already, unless a Build panicked half way
	if len(w.index.ids) > maxPooledSlots {
		return
	}
	workspaces.Put(w)
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

// scatter holds one candidate's token weights by dense token index, so
// that its similarity to each of many others costs one lookup per token
// of the other, not a walk of both lists. It is all zeros when unloaded.
type scatter []float32

// load puts c's weights in place; unload must follow before another load.
func (s scatter) load(c *candidate) {
	for k, x := range c.ix {
		s[x] = c.tokens[k].weight
	}
}

func (s scatter) unload(c *candidate) {
	for _, x := range c.ix {
		s[x] = 0
	}
}

// cosine is the cosine similarity of the loaded candidate, of norm n, and
// o: the dot product of their weights over the norms. Summed over o's
// tokens in order (ascending id), zeros for the tokens not shared.
func (s scatter) cosine(n float32, o *candidate) float32 {
	if n == 0 || o.norm == 0 {
		return 0
	}
	var dot float32
	for k, x := range o.ix {
		dot += s[x] * o.tokens[k].weight
	}
	return dot / (n * o.norm)
}

// rareReports is the fewest reports a word may be in and still be rare
// (key); in a large collection, a fiftieth of the reports.
const rareReports = 8

// shared walks two sorted token lists once and returns the weight of the
// tokens of a that b holds too, and whether one of those is a key word.
func shared(a, b []token) (covered float32, word bool) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			covered += a[i].weight
			word = word || a[i].key
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return covered, word
}

// names returns the stems of the capitalised words of s that are not stop
// words, the sentence's first word included ("Iran condemned"). Words are
// runs of letters and hyphens.
func names(s string) []uint64 {
	var out []uint64
	var buf [64]byte
	for i, field := 0, 0; i < len(s); field++ {
		// Skip to the next word; plain ASCII byte by byte.
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && !isASCIILetter(c) && c != '-' {
				i++
				continue
			}
			ok, n := nameRuneAt(s, i)
			if ok {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) {
			if c := s[j]; isASCIILetter(c) || c == '-' {
				j++
				continue
			}
			ok, n := nameRuneAt(s, j)
			if !ok {
				break
			}
			j += n
		}
		f := s[i:j]
		i = j
		if c := f[0]; c < utf8.RuneSelf {
			if !isASCIIUpper(c) {
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
			continue
		}
		w := appendLower(buf[:0], f)
		if isStopWord(w) || len(w) < 2 {
			continue
		}
		// A capitalised verb or adverb opening the text is no name
		// ("Asked by reporters", "Speaking on Monday").
		if field == 0 && (hasSuffix(w, "ed") || hasSuffix(w, "ing") || hasSuffix(w, "ly")) {
			continue
		}
		out = append(out, stemHash(w))
	}
	return out
}

// nameRuneAt reports whether the character at s[i] belongs to a word names
// reads (a letter or a hyphen), and its width; ASCII is read byte by byte.
func nameRuneAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIILetter(c) || c == '-', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r), n
}
