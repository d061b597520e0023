package timeline

// stemHash returns the FNV-1a hash of stemBytes(w) for a lower-case word,
// stemming it in place; a word of a synonym class (see synonyms.go) gets
// its class's hash.
func stemHash(w []byte) uint64 { return synonyms.get(rawStemHash(w)) }

// rawStemHash is stemHash without synonym classes.
func rawStemHash(w []byte) uint64 {
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
