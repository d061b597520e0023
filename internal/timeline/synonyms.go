package timeline

import "strings"

// Near-synonymous news verbs. Two outlets tell one deed in other words:
// "Jobs resigned as CEO" and "Jobs has chosen to step down as CEO";
// "Apple introduced the iPhone" and "the company presented the iPhone";
// "Cyprus condemned the attacks" and "South Africa deplored the blasts".
// Merging compares stemmed words (tokens, frames), so each class below
// gives all its words one id, its first word's: every comparison (IDF
// likeness, shared actions, key words, coarse placements, undated reports)
// then sees one deed.
//
// The classes are small and strict: each word tells the same kind of deed
// in news usage, whoever does it (participants still decide whether two
// reports are one event), and a word with a common other sense that tells
// another deed ("fire" a gun, "release" a prisoner, "decline" 3 percent,
// "pass" a law) is left out. Reporting verbs ("announce", "reveal") are
// left out too: they tell who spoke, not what was done (see frame.go).
// Nouns that name the deed join their verb ("resignation", "death",
// "lawsuit"): "since its launch" tells the launch.
//
// phrasalSynonyms are verbs of two words ("step down"): the verb, when the
// particle follows it, takes the class's id.
var synonymClasses = []string{
	// Leaving a post.
	"resign resigned resigns resigning resignation quit quits quitting",
	// Bringing out a product or plan.
	"introduce introduced introduces introducing introduction unveil unveiled unveils unveiling " +
		"present presented presents presenting presentation debut debuted debuts debuting",
	// Dying and killing.
	"die died dies dying death",
	"kill killed kills killing slay slain slew slaying murder murdered murders murdering assassinate assassinated assassination",
	// Condemning.
	"condemn condemned condemns condemning condemnation denounce denounced denounces denouncing deplore deplored " +
		"deplores deploring decry decried decries decrying",
	// Buying a company or a thing.
	"acquire acquired acquires acquiring acquisition buy bought buys buying purchase purchased purchases purchasing",
	// Going to court.
	"sue sued sues suing lawsuit lawsuits",
	// Removing someone from a post.
	"oust ousted ousts ousting dismiss dismissed dismisses dismissing dismissal sack sacked sacks sacking",
	// Taking someone into custody.
	"arrest arrested arrests arresting detain detained detains detaining detention",
	// Refusing.
	"reject rejected rejects rejecting rejection refuse refused refuses refusing refusal rebuff rebuffed rebuffs " +
		"rebuffing spurn spurned spurns spurning",
	// Hurting.
	"injure injured injures injuring wound wounded wounds wounding",
	// Taking someone by force.
	"kidnap kidnapped kidnaps kidnapping abduct abducted abducts abducting abduction",
	// Joining an alliance or body.
	"join joined joins joining accede acceded accedes acceding accession",
	// Lowering a price or figure.
	"cut cuts cutting reduce reduced reduces reducing reduction slash slashed slashes slashing",
	// Undergoing (irregular forms: frames read them as one verb already).
	"undergo underwent undergone undergoes undergoing",
}

// phrasalSynonyms are verbs of two words and the class they tell: each
// form of the verb, then the particle, then a word of the class.
var phrasalSynonyms = []string{
	"step stepped steps stepping / down / resign",
	"pass passed passes passing / away / die",
	"turn turned turns turning / down / reject",
}

// synonymTable maps a stem hash to its class's: an open-addressed table
// keyed by the hash itself (already well mixed), probed by stemHash for
// every word, so kept as small and plain as a table can be.
type synonymTable struct {
	keys, vals []uint64 // 0 marks an empty slot
	mask       uint64
}

// get returns the class id of the stem hash h, or h.
func (t *synonymTable) get(h uint64) uint64 {
	if v, ok := t.lookup(h); ok {
		return v
	}
	return h
}

// lookup returns the value of h and whether the table holds it.
func (t *synonymTable) lookup(h uint64) (uint64, bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// newTable returns an empty table with room for n keys.
func newTable(n int) *synonymTable {
	size := 16
	for size < 4*n {
		size *= 2
	}
	return &synonymTable{keys: make([]uint64, size), vals: make([]uint64, size), mask: uint64(size - 1)}
}

func (t *synonymTable) put(h, v uint64) {
	i := h & t.mask
	for t.keys[i] != 0 && t.keys[i] != h {
		i = (i + 1) & t.mask
	}
	t.keys[i], t.vals[i] = h, v
}

// phrasal is one verb of phrasalSynonyms: its particle and class id.
type phrasal struct {
	particle string
	class    uint64
}

var (
	// synonyms maps each word of synonymClasses to its class's id.
	synonyms = newSynonymTable(synonymClasses)
	// phrasals holds the phrasal verbs; phrasalForms maps the stem hash
	// of each form of one to 1 + its index in phrasals.
	phrasals, phrasalForms = newPhrasals(phrasalSynonyms)
)

// newSynonymTable returns the table of classes, each a line of words whose
// first names the class.
func newSynonymTable(classes []string) *synonymTable {
	n := 0
	for _, c := range classes {
		n += len(strings.Fields(c))
	}
	t := newTable(n)
	for _, c := range classes {
		words := strings.Fields(c)
		id := rawStemHash([]byte(words[0]))
		for _, w := range words {
			t.put(rawStemHash([]byte(w)), id)
		}
	}
	return t
}

// newPhrasals returns the phrasal verbs of lines ("verb forms / particle /
// a word of the class").
func newPhrasals(lines []string) ([]phrasal, *synonymTable) {
	var out []phrasal
	forms := newTable(8 * len(lines))
	for _, p := range lines {
		parts := strings.Split(p, "/")
		out = append(out, phrasal{strings.TrimSpace(parts[1]), synonyms.get(rawStemHash([]byte(strings.TrimSpace(parts[2]))))})
		for _, w := range strings.Fields(parts[0]) {
			forms.put(rawStemHash([]byte(w)), uint64(len(out)))
		}
	}
	return out, forms
}

// phrasalID returns the class id of the verb whose stem hash is id when
// the text after it, rest, opens with its particle ("step" + " down as
// CEO"), else id.
func phrasalID(id uint64, rest string) uint64 {
	k, ok := phrasalForms.lookup(id)
	if !ok {
		return id
	}
	p := phrasals[k-1]
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	if i == 0 || !hasPrefixFoldASCII(rest[i:], p.particle) {
		return id
	}
	if j := i + len(p.particle); j < len(rest) && isASCIILetter(rest[j]) {
		return id // "step downstairs"
	}
	return p.class
}
