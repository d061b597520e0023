package timeline

// The word lists of the package, in one place: what each list holds decides
// what the rules that read it do, and a word added for one rule should be
// seen beside the others.

import "strings"

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

// Plan cues: words that make a following date a plan, proposal or
// expectation rather than an occurrence. They are matched word by word:
// this runs for every date, and an alternation regexp cost a quarter of
// Build.
var (
	planWords = wordSet(`will would shall plan plans planned scheduled schedule proposal proposals proposed
		proposes propose suggest suggests suggested suggestion invite invites invited inviting invitation upcoming`)
	// planBeforeTo are the words that, followed by "to", announce a plan.
	planBeforeTo = wordSet(`going offer offers offered want wants wanted intend intends intended expected set due`)
	// planAfterTo are the verbs that, after "to", name a planned meeting.
	planAfterTo = wordSet(`hold meet have organize organise arrange talk visit sign vote begin start resume`)
	// planAfterNext are the time words that make "next" a plan.
	planAfterNext = wordSet(`week month year weekend spring summer autumn fall winter monday tuesday wednesday
		thursday friday saturday sunday`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// hasWordOf reports whether text holds a word (a run of ASCII letters, in
// any case, of at most 16) of set.
func hasWordOf(text string, set map[string]bool) bool {
	var buf [16]byte
	for i, j := nextWord(text, 0); i < len(text); i, j = nextWord(text, j) {
		if j-i <= len(buf) && set[string(lowerASCII(buf[:0], text[i:j]))] {
			return true
		}
	}
	return false
}

// connectiveFirstWords are the first words of leadConnective's lower-case
// openers.
var connectiveFirstWords = wordSet(`to earlier later in at meanwhile however moreover also still separately on
	besides instead then so thus that and but which while when as because or`)

// nonParticiples end in "-ing" but open no participle clause.
var nonParticiples = wordSet(`during according morning evening spring thing something nothing anything everything king ring string`)

// coreBreakWords open a subordinate clause that tells another event than
// the clause before it ("offered talks after the leader described him as a
// killer"). "that" is not one: what follows it says what was said or
// asked, which is the event.
var coreBreakWords = wordSet(`after when while because but which before since until although though whereas where who whose whom if`)

// introOpeners begin a fronted adverbial phrase ("Last Thursday, in
// response to ..., Psaki said"): the main clause follows a comma.
var introOpeners = map[string]bool{"in": true, "on": true, "at": true, "during": true, "last": true,
	"after": true, "before": true, "earlier": true, "later": true, "asked": true, "speaking": true,
	"following": true, "since": true, "until": true, "when": true, "while": true, "this": true, "by": true}

// reportingVerbs are the verbs a news report dates with the day it tells
// of.
const reportingVerbs = `said|says|told|announced|reported|stated|declared|confirmed|denied|expressed|regretted|condemned|deplored|vowed|warned|urged|accused|rejected|welcomed|insisted|added|claimed|blamed|criticized|criticised|responded|replied|issued`

// gluedNamePrefix are capitalised prefixes that glue to a capital in real
// names (McCain, MacArthur, DeSantis, LaGuardia, YouTube).
var gluedNamePrefix = map[string]bool{"Mac": true, "Van": true, "Von": true, "Del": true, "Della": true, "Des": true, "Le": true}

// Tense cues (see sentenceTense).
var (
	// pastReporting are reporting verbs in the past: a sentence holding one
	// is a past report of what it reports.
	pastReporting = wordSet(`said told announced reported stated declared confirmed denied added explained noted
		wrote claimed insisted argued acknowledged admitted revealed disclosed warned replied responded answered
		commented described called praised criticized criticised complained agreed estimated predicted`)
	futureWords = wordSet(`will shall won't wont`)
	// futureBeforeTo are the words that, before "to", announce a plan:
	// "is expected to", "plans to", "is scheduled to".
	futureBeforeTo = wordSet(`expected scheduled due set plans planning intends intending aims aiming`)
	pastAux        = wordSet(`was were had did wasn't weren't hadn't didn't`)
	presentAux     = wordSet(`is are am has have does do isn't aren't hasn't haven't doesn't don't`)
	beForms        = wordSet(`is are am was were be been being 's 're`)
	determiners    = wordSet(`the a an this that these those its his her their our your my`)
	// irregularPast are common irregular past forms (not past participles
	// that are also presents or nouns: "put", "cut", "set", "hit").
	irregularPast = wordSet(`began became bought brought built came chose did drew drove fell felt fought found
		flew forgot gave got grew heard held hid kept knew laid led left lent lost made meant met paid ran rang
		rose saw sold sent shot showed sang sank sat slept spent spoke stood stole struck swore took taught thought
		threw understood woke wore won withdrew wrote overtook undertook underwent`)
	// notPastEd end in -ed but are no past forms.
	notPastEd = wordSet(`hundred sacred naked wicked kindred rugged ragged crooked beloved aged based related united`)
	// edAfterE are past forms in -eed: the rest ("need", "speed",
	// "proceed") are not.
	edAfterE = wordSet(`agreed freed decreed guaranteed refereed`)
)

// Words that tell what a focus entity is and how articles refer back to it
// (see focus.go).
var (
	personPronouns = wordSet(`he she his him her hers himself herself`)
	// titleWords come before a person's name: "CEO Steve Jobs".
	titleWords = wordSet(`ceo chief executive president chairman chairwoman founder co-founder cofounder director
		minister secretary senator governor mayor spokesman spokeswoman spokesperson mr mrs ms dr prof sir lady
		king queen prince princess pope general judge officer manager coach leader premier chancellor analyst`)
	// orgWords name or follow an organisation: "Apple Corps", "Tesla Inc.".
	orgWords = wordSet(`inc corp corporation co ltd llc plc ag sa gmbh company companies corps group holdings bank
		airlines airways records studios university agency ministry department council committee association
		union party foundation institute`)
	// orgNouns refer back to an organisation: "the company".
	orgNouns = wordSet(`company firm group carmaker automaker maker manufacturer corporation giant retailer bank
		airline network agency organisation organization label band startup business conglomerate insurer
		lender chipmaker producer publisher studio`)
	// thingNouns refer back to a product or other thing: "the car".
	thingNouns = wordSet(`device phone smartphone handset car vehicle model product gadget player computer laptop
		tablet software system service store app application platform drug vaccine aircraft plane jet game
		console film movie album book show ship rocket satellite`)
	// eventNouns name events: what a possessive owns when the owner takes
	// part ("Jobs' death"), besides nouns made from verbs ("resignation").
	eventNouns = wordSet(`launch release debut death birth illness surgery transplant leave return exit
		departure arrival closure failure suit lawsuit trial case deal merger takeover bid sale sales visit
		win loss defeat victory recall absence email letter memo message statement speech keynote interview
		remarks blog`)
	// peopleNouns name people by what they do, besides the nouns in -ers,
	// -ors and -ists: "iPhone 4 fans" take part, not the phone.
	peopleNouns = wordSet(`fans staff employees workers clients residents students members people consumers
		owners users`)
	// placePrepositions put what follows them as the place or medium of
	// an event: "sold via the store", "stored on the player".
	placePrepositions = wordSet(`in on at via through alongside into onto inside within`)
	// rangeNouns name the range a thing belongs to: "the iPod range" is
	// not the iPod.
	rangeNouns = wordSet(`range line lineup family series brand portfolio`)
)

// continuationWords open a sentence that goes on with the one before: it
// takes that sentence's date when it has none (see continues).
var continuationWords = wordSet(`he she it they his her its their this these those then later afterwards
	subsequently there`)

// Event frames (see frame.go).
var (
	// reportingWords report speech: the names before or after them are
	// speakers, and they are not the action a report tells.
	reportingWords = wordSet(`said says say saying told tell tells telling announced announces announce announcing
		reported reports stated states declared declares confirmed confirms denied denies added adds explained
		explains noted notes wrote writes claimed claims insisted insists argued argues acknowledged acknowledges
		admitted admits revealed reveals disclosed discloses warned warns replied replies reply replying responded responds respond responding
		answered answers commented comments stressed stresses asked asks reads`)
	// notActions look like verb forms but tell no action: prepositions and
	// adjectives in -ing or -ed, and verbs of being or seeming.
	notActions = wordSet(`including according following regarding concerning notwithstanding pending during
		seemed seems seem appeared appears remained remains became become becomes`)
	// beforeVerb are the words a bare verb follows: modals, "did".
	beforeVerb = wordSet(`will would shall should can could may might must did does do didn't doesn't don't
		won't can't cannot wouldn't couldn't shouldn't`)
	// adverbs may stand between a modal and its verb: "did not support".
	adverbs = wordSet(`not never also still just already soon then now only even ever again further`)
	// relativeWords open a relative clause, which describes a participant.
	relativeWords = wordSet(`who whom whose which`)
	// subjectPronouns stand before a verb in -s: "it launches".
	subjectPronouns = wordSet(`he she it`)
	// irregularBase maps irregular past forms and participles to their base
	// form, so that "underwent" and "undergone" tell one action.
	irregularBase = func() map[string]string {
		m := map[string]string{}
		for _, line := range []string{
			"arise arose arisen", "awake awoke awoken", "bear bore borne born", "beat beat beaten", "begin began begun",
			"bend bent", "bind bound", "bite bit bitten", "blow blew blown", "break broke broken", "breed bred",
			"bring brought", "build built", "burn burnt", "buy bought", "catch caught", "choose chose chosen",
			"cling clung", "creep crept", "deal dealt", "dig dug", "draw drew drawn", "drink drank drunk",
			"drive drove driven", "eat ate eaten", "fall fell fallen", "feed fed", "feel felt", "fight fought",
			"find found", "flee fled", "fly flew flown", "forbid forbade forbidden", "forget forgot forgotten",
			"forgive forgave forgiven", "freeze froze frozen", "give gave given", "grow grew grown", "hang hung",
			"hear heard", "hide hid hidden", "hold held", "keep kept", "know knew known", "lay laid", "lead led",
			"leave left", "lend lent", "light lit", "lose lost", "mean meant", "meet met", "mislead misled",
			"overcome overcame", "overrun overran", "oversee oversaw overseen", "overtake overtook overtaken",
			"overthrow overthrew overthrown", "pay paid", "rebuild rebuilt", "ride rode ridden", "ring rang rung",
			"rise rose risen", "run ran", "see saw seen", "seek sought", "sell sold", "send sent", "shake shook shaken",
			"shine shone", "shoot shot", "show showed shown", "shrink shrank shrunk", "sing sang sung", "sink sank sunk",
			"sit sat", "sleep slept", "slide slid", "speak spoke spoken", "spend spent", "spin spun",
			"spring sprang sprung", "stand stood", "steal stole stolen", "stick stuck", "sting stung",
			"strike struck stricken", "strive strove striven", "swear swore sworn", "sweep swept", "swim swam swum",
			"teach taught", "tear tore torn", "think thought", "throw threw thrown", "undergo underwent undergone",
			"understand understood", "undertake undertook undertaken", "uphold upheld", "wake woke woken",
			"wear wore worn", "weep wept", "win won", "wind wound", "withdraw withdrew withdrawn",
			"withhold withheld", "withstand withstood", "write wrote written",
		} {
			f := strings.Fields(line)
			for _, form := range f[1:] {
				m[form] = f[0]
			}
		}
		return m
	}()
)

// wordFlag marks what the word lists above say of a word, so that the
// frame reader, which reads every word of every sentence, looks a word up
// once (frameFlags) instead of in each list.
type wordFlag uint16

const (
	flagReport wordFlag = 1 << iota
	flagBeforeVerb
	flagAdverb
	flagNotAction
	flagDeterminer
	flagArticle // "the", "a", "an"
	flagRelative
	flagSubject
	flagNonParticiple
	flagIrregular
	flagStop
	flagPlace
)

// frameFlags holds the flags of every listed word.
var frameFlags = flagTable(
	flagList[wordFlag]{reportingWords, flagReport}, flagList[wordFlag]{beforeVerb, flagBeforeVerb},
	flagList[wordFlag]{adverbs, flagAdverb}, flagList[wordFlag]{notActions, flagNotAction},
	flagList[wordFlag]{determiners, flagDeterminer}, flagList[wordFlag]{wordSet("the a an"), flagArticle},
	flagList[wordFlag]{relativeWords, flagRelative}, flagList[wordFlag]{subjectPronouns, flagSubject},
	flagList[wordFlag]{nonParticiples, flagNonParticiple}, flagList[wordFlag]{stopWords, flagStop},
	flagList[wordFlag]{keys(irregularBase), flagIrregular}, flagList[wordFlag]{placePrepositions, flagPlace},
)

// flagList is a word list and the flag it gives its words.
type flagList[F ~uint8 | ~uint16] struct {
	words map[string]bool
	flag  F
}

// flagTable returns the flags the lists give each word.
func flagTable[F ~uint8 | ~uint16](lists ...flagList[F]) *wordTable[F] {
	m := map[string]F{}
	for _, l := range lists {
		for w := range l.words {
			m[w] |= l.flag
		}
	}
	return newWordTable(m)
}

// wordTable is a read-only map of words to flags, looked up by the bytes
// of a word: an open-addressed table under an FNV-1a hash, with none of a
// Go map's generality. The frame and tense readers look up every word of
// every sentence: through a Go map, that was a third of reading frames.
type wordTable[F ~uint8 | ~uint16] struct {
	keys []string // "" marks an empty slot
	vals []F
	mask uint32
}

// newWordTable returns the table of m, whose keys are not empty.
func newWordTable[F ~uint8 | ~uint16](m map[string]F) *wordTable[F] {
	size := 16
	for size < 4*len(m) {
		size *= 2
	}
	t := &wordTable[F]{keys: make([]string, size), vals: make([]F, size), mask: uint32(size - 1)}
	for w, f := range m {
		i := wordHash(w) & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = w, f
	}
	return t
}

// get returns the flags of w, 0 for a word not in the table.
func (t *wordTable[F]) get(w []byte) F {
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		k := t.keys[i]
		if k == string(w) {
			return t.vals[i]
		}
		if k == "" {
			return 0
		}
	}
}

// wordHash is the 32-bit FNV-1a hash of w.
func wordHash[S ~string | ~[]byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// keys returns the set of m's keys.
func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// backWords look back from the time of writing to an earlier event:
// "when Jobs first introduced iPhone 4", "had undergone a transplant",
// "previously", "years ago".
var backWords = wordSet(`when first earlier previously originally initially once ago formerly had before`)

// recurringWords tell a deed done again every year ("its annual developer
// conference"): told once with a year and once undated, it is two.
var recurringWords = wordSet(`annual annually yearly`)
