package timeline

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
