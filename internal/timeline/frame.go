package timeline

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// An event is what happened, to whom, and when. Two reports tell the same
// event when they tell the same action (a verb of one is a word of the
// other: "introduced iPhone 4" and "while introducing iPhone 4", "launched
// the store" and "since its launch"), about the same participants (a name
// in common), at compatible dates. Reports of speech are told by who
// spoke: "Jobs said ... a free case" and "Jobs said ... receive a free
// case" on one day are one statement.
//
// A frame holds the first and the last: the stems of the clause's verbs
// that are not reporting verbs (actions), and the names before or right
// after a reporting verb (speakers). The participants and the other words
// of the clause are the tokens marked clause (see token).

// frame is the event a report tells, as merging compares it: the stems
// of the clause's verbs (actions), the names that report (speakers), the
// words after "to" ("a proposal to hold talks": what was offered or
// asked, not an action the clause tells) and the names before the first
// verb (agents: who acted), each sorted and distinct, in one list.
type frame struct {
	ids []uint64
	n   [3]uint8 // the lengths of actions, speakers and infinitives; agents are the rest
}

// newFrame packs the four lists of a frame, each sorted and distinct and
// at most 255 long.
func newFrame(actions, speakers, infinitives, agents []uint64) frame {
	lists := [4][]uint64{actions, speakers, infinitives, agents}
	var f frame
	n := 0
	for i := range lists {
		lists[i] = lists[i][:min(len(lists[i]), 255)]
		n += len(lists[i])
	}
	if n == 0 {
		return f
	}
	f.ids = make([]uint64, 0, n)
	for i, l := range lists {
		f.ids = append(f.ids, l...)
		if i < 3 {
			f.n[i] = uint8(len(l))
		}
	}
	return f
}

func (f *frame) actions() []uint64 { return f.ids[:f.n[0]] }
func (f *frame) speakers() []uint64 {
	return f.ids[f.n[0] : int(f.n[0])+int(f.n[1])]
}
func (f *frame) infinitives() []uint64 {
	a := int(f.n[0]) + int(f.n[1])
	return f.ids[a : a+int(f.n[2])]
}
func (f *frame) agents() []uint64 { return f.ids[int(f.n[0])+int(f.n[1])+int(f.n[2]):] }

// frameWord is one word of a sentence as frames read it.
type frameWord struct {
	id     uint64 // stem hash; the base form's for irregular verbs
	start  int    // byte offset in the sentence's clean text
	name   bool   // capitalised, not a stop word
	verb   bool   // an action: a verb form, not a reporting verb
	report bool   // a reporting verb
	inf    bool   // after "to"
	stop   bool   // a stop word (id is zero), a number or a letter
	adverb bool   // a stop word that is an adverb ("also", "still")
	det    bool   // "the", "a" or "an"
	punct  bool   // punctuation stands between it and the word before
	pron   bool   // "he" or "she": a person told of before
	place  bool   // a preposition of place or medium ("in", "at"): a place follows
}

// readFrameWords reads the words of a sentence's clean text for frames.
// It has no part-of-speech tagger: a word is a verb by its form and the
// words before it. A past form ("launched", "underwent") not after a
// determiner ("the proposed deal"), a participle ("introducing") not
// after one ("the meeting"), a word after a modal or "did", adverbs
// between ("will offer", "did not support"), and a word in -s after a
// name or pronoun ("Apple launches", not "Biden's words"). A verb after
// "to" tells what was offered, asked or planned ("offered to hold
// talks"), not what happened: it is no action.
func readFrameWords(dst []frameWord, text string) []frameWord {
	out := dst[:0]
	var buf [64]byte
	var prevTo, prevDet, prevSubject bool // the word before: "to", a determiner, a name or pronoun
	cue := false                          // a modal or "did" came, and only adverbs since
	first := true
	punct := false
	relative := false // in a relative clause ("who performed abortions")
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '“' || r == '"' || r == ':' {
				first = true
			}
			if r != ' ' {
				cue, punct, relative = false, true, false
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if !isASCIIWordByte(c) && c != '\'' {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' {
				break
			}
			j += n
		}
		start := i
		w := appendLower(buf[:0], text[i:j])
		i = j
		possessive := hasSuffix(w, "'s") || hasSuffix(w, "’s") || hasSuffix(w, "s'") || hasSuffix(w, "s’")
		w = trimSuffix(trimSuffix(w, "'s"), "’s")
		upper := unicode.IsUpper(r)
		afterCue := cue
		cue = false
		fw := frameWord{start: start, punct: punct}
		punct = false
		fl := frameFlags.get(w)
		switch {
		case len(w) < 2 || isNumber(string(w)):
			fw.stop = true
		case fl&flagReport != 0 && (!upper || first):
			fw.report = true // not "United States"
		case upper && !first && fl&flagStop == 0:
			fw.name = true
		case fl&flagBeforeVerb != 0 || afterCue && (fl&flagAdverb != 0 || hasSuffix(w, "ly")):
			cue = true
			fw.stop, fw.adverb = true, fl&flagAdverb != 0
		case fl&(flagStop|flagNotAction) != 0:
			fw.stop, fw.adverb, fw.det = true, fl&flagAdverb != 0, fl&flagArticle != 0
			relative = relative || fl&flagRelative != 0
		default:
			switch {
			case prevTo:
				fw.inf = true
			case fl&flagIrregular != 0:
				w = append(w[:0], irregularBase[string(w)]...)
				fw.verb = !prevDet
			case isPastEd(string(w)), len(w) > 5 && hasSuffix(w, "ing") && fl&flagNonParticiple == 0:
				fw.verb = !prevDet
			case afterCue:
				fw.verb = true
			case prevSubject && hasSuffix(w, "s") && !hasSuffix(w, "ss"):
				fw.verb = true
			}
			// A relative clause describes a participant ("an obstetrician
			// who performed abortions"): its verbs are no action of the
			// event told.
			fw.verb = fw.verb && !relative
		}
		fw.place = fl&flagPlace != 0
		fw.pron = fl&flagSubject != 0 && (string(w) == "he" || string(w) == "she")
		prevTo, prevDet = len(w) == 2 && w[0] == 't' && w[1] == 'o', fl&flagDeterminer != 0
		prevSubject = fl&flagSubject != 0
		if !fw.stop {
			if !fw.name && upper && first && !fw.verb && !fw.report {
				fw.name = !hasSuffix(w, "ly") // "Apple launched", not "Recently"
			}
			fw.id = phrasalID(stemHash(w), text[i:]) // "stepped down"
		}
		prevSubject = prevSubject || fw.name && !possessive
		out = append(out, fw)
		first = false
	}
	return out
}

// frameOf returns the frame of text[a:b] of the sentence whose words are
// ws (see speakers).
func frameOf(ws []frameWord, a, b int) frame {
	var buf [4][16]uint64
	actions, speakers, infinitives, agents := buf[0][:0], buf[1][:0], buf[2][:0], buf[3][:0]
	acted := false
	placed := false // after a preposition of place: "leaders in Buffalo" did not act
	for k, w := range ws {
		if w.start < a || w.start >= b {
			continue
		}
		placed = placed && !w.punct || w.place
		if w.name && !acted && !placed {
			agents = append(agents, w.id)
		}
		acted = acted || w.verb || w.report
		switch {
		case w.verb:
			actions = append(actions, w.id)
		case w.inf:
			infinitives = append(infinitives, w.id)
		case w.report:
			speakers = appendSpeakers(speakers, ws, k, a, b)
		}
	}
	for _, l := range []*[]uint64{&actions, &speakers, &infinitives, &agents} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
	return newFrame(actions, speakers, infinitives, agents)
}

// appendSpeakers appends who reports with the reporting verb ws[k]: the
// names right before it ("Jobs said", "Jobs also said"), or the noun after
// a determiner there ("the ministry said", "the statement reads"), else
// the names right after it ("said Karin Jean-Pierre") or the words of the
// phrase after a determiner ("said the press service of the Russian
// Foreign Ministry").
func appendSpeakers(out []uint64, ws []frameWord, k, a, b int) []uint64 {
	n := len(out)
	p := k - 1
	for p >= 0 && ws[p].start >= a && ws[p].adverb && !ws[p+1].punct {
		p--
	}
	switch {
	case p < 0 || ws[p].start < a || ws[p+1].punct:
	case ws[p].name:
		for ; p >= 0 && ws[p].start >= a && ws[p].name; p-- {
			out = append(out, ws[p].id)
			if ws[p].punct {
				break
			}
		}
	default:
		// "the ministry said", "the Russian foreign ministry said": the
		// words back to a determiner.
		q := p
		for q >= 0 && ws[q].start >= a && !ws[q].stop && !ws[q].verb && !ws[q].report && !ws[q].inf && q > p-4 {
			if ws[q].punct {
				q = -1
				break
			}
			q--
		}
		if q >= 0 && q < p && ws[q].det {
			for r := q + 1; r <= p; r++ {
				out = append(out, ws[r].id)
			}
		}
	}
	if len(out) > n || k+1 >= len(ws) || ws[k+1].punct || ws[k+1].start >= b {
		return out
	}
	p = k + 1
	if ws[p].det {
		for p++; p < len(ws) && p <= k+8 && ws[p].start < b && !ws[p].punct && !ws[p].verb && !ws[p].report; p++ {
			if ws[p].stop {
				if ws[p].det || ws[p].adverb || ws[p].id == 0 && p+1 < len(ws) && ws[p+1].det {
					continue // "of the"
				}
				break
			}
			out = append(out, ws[p].id)
		}
		return out
	}
	for ; p < len(ws) && ws[p].start < b && ws[p].name && (p == k+1 || !ws[p].punct); p++ {
		out = append(out, ws[p].id)
	}
	return out
}

// hasVerb reports whether text[a:b] of the sentence whose words are ws
// holds a verb: an action or a reporting verb.
func hasVerb(ws []frameWord, a, b int) bool {
	for _, w := range ws {
		if w.start >= a && w.start < b && (w.verb || w.report) {
			return true
		}
	}
	return false
}

// sortedHas reports whether the sorted list xs holds x.
func sortedHas(xs []uint64, x uint64) bool {
	_, ok := slices.BinarySearch(xs, x)
	return ok
}

// clauseWord reports whether id is a word of c's dated clause (any word:
// "since its launch" has the action of "launched", but not an infinitive),
// or one of its actions.
func (c *candidate) clauseWord(id uint64) bool {
	if sortedHas(c.frame.actions(), id) {
		return true
	}
	if sortedHas(c.frame.infinitives(), id) {
		return false
	}
	i, ok := slices.BinarySearchFunc(c.tokens, id, func(t token, id uint64) int {
		switch {
		case t.id < id:
			return -1
		case t.id > id:
			return 1
		}
		return 0
	})
	return ok && c.tokens[i].clause
}

// sameAction reports whether a and b tell the same action: a verb of one
// is a word of the other's clause.
func sameAction(a, b *candidate) bool {
	for _, x := range a.frame.actions() {
		if b.clauseWord(x) {
			return true
		}
	}
	for _, x := range b.frame.actions() {
		if a.clauseWord(x) {
			return true
		}
	}
	return false
}

// sameObject reports whether a and b tell one deed with other verbs
// ("recalling its ambassador ... for consultations", "the ambassador was
// summoned to Moscow for consultations"): both tell an action, most of
// the words of one's clause (objectShare) are the other's, a rare one
// among them, and they name someone in common.
func sameObject(a, b *candidate, sim float32, common map[uint64]bool) bool {
	if sim < eventSimilarity || len(a.frame.actions()) == 0 || len(b.frame.actions()) == 0 || !sharedRareWord(a, b) {
		return false
	}
	if max(sharedKeyWords(a, b), sharedKeyWords(b, a)) < objectShare {
		return false
	}
	all, distinct := participants(a, b, common)
	return distinct > 0 || all > 1
}

// sharedVerb reports whether a and b both tell an action by a verb.
func sharedVerb(a, b *candidate) bool {
	for _, x := range a.frame.actions() {
		if sortedHas(b.frame.actions(), x) {
			return true
		}
	}
	return false
}

// sameSpeaker reports whether a and b report what one speaker said.
func sameSpeaker(a, b *candidate) bool {
	for _, x := range a.frame.speakers() {
		if sortedHas(b.frame.speakers(), x) {
			return true
		}
	}
	return false
}

// participants counts the names of a's clause that b's clause names too:
// all of them, and those not common to the collection.
func participants(a, b *candidate, common map[uint64]bool) (all, distinct int) {
	eachShared(a.tokens, b.tokens, func(i, j int) bool {
		x, y := &a.tokens[i], &b.tokens[j]
		// A name opening a sentence is not marked one: both sentences'
		// names say it ("common stock" is no name of "House of Commons").
		if (x.name || y.name) && x.clause && y.clause && slices.Contains(a.names, x.id) && slices.Contains(b.names, x.id) {
			all++
			if !common[x.id] {
				distinct++
			}
		}
		return true
	})
	return all, distinct
}

// eachShared calls f with the indices of the tokens of the sorted lists a
// and b that have the same id, in order, until f returns false.
func eachShared(a, b []token, f func(i, j int) bool) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch x, y := &a[i], &b[j]; {
		case x.id == y.id:
			if !f(i, j) {
				return
			}
			i++
			j++
		case x.id < y.id:
			i++
		default:
			j++
		}
	}
}

// sharedKeyWords is the weight of the words (not names) of a's clause that
// b's clause tells too, over the weight of all of a's clause words, once
// weighed: how much of what a says happened b says as well.
func sharedKeyWords(a, b *candidate) float32 {
	var both, all float32
	i, j := 0, 0
	for i < len(a.tokens) {
		x := &a.tokens[i]
		if x.name || !x.clause {
			i++
			continue
		}
		all += a.wts[i]
		for j < len(b.tokens) && b.tokens[j].id < x.id {
			j++
		}
		if j < len(b.tokens) && b.tokens[j].id == x.id && b.tokens[j].clause {
			both += a.wts[i]
		}
		i++
	}
	if all == 0 {
		return 0
	}
	return both / all
}

// Evidence that two reports tell one event (see sameEvent).
const (
	// eventSimilarity is the least IDF-weighted likeness of two reports
	// that tell the same action to the same participants: a frame in
	// common is strong evidence, but two reports sharing one verb and one
	// name and nothing else tell different things.
	eventSimilarity = 0.12
	// speakerShare is the share of a report's clause words (not names)
	// another report by the same speaker must tell for the two to report
	// one statement.
	speakerShare = 0.25
	// objectShare is the share of a clause's words another report must
	// tell to tell its deed with another verb (see sameObject).
	objectShare = 0.4
	// otherSpeakerSimilarity is the likeness two reports by different
	// speakers need to tell one event.
	otherSpeakerSimilarity = 0.3
	// nearlySame is the likeness at which two reports are one wording,
	// whatever their verbs: the same quotation told by two articles.
	nearlySame = 0.5
)

// sameEvent reports whether a and b, whose IDF-weighted similarity is sim,
// tell the same event by their frames: the same action with a participant
// in common (not one the whole collection names, or two of those), or the
// same speaker saying the same thing.
func sameEvent(a, b *candidate, sim float32, common map[uint64]bool) bool {
	ok, _ := eventMatch(a, b, sim, common)
	return ok
}

// eventMatch is sameEvent, and whether a and b name someone in common that
// the whole collection does not name: reports of articles about other
// stories tell one event only with such a name.
func eventMatch(a, b *candidate, sim float32, common map[uint64]bool) (same, distinctName bool) {
	if sim < eventSimilarity {
		return false, false
	}
	if len(a.frame.speakers()) > 0 && len(b.frame.speakers()) > 0 && !sameSpeaker(a, b) && sim < otherSpeakerSimilarity {
		// Reports by different speakers ("Putin noted that ... it
		// supports", "the ministry said the US did not support") share a
		// verb by chance, not an event, unless they tell it alike.
		return false, false
	}
	if disjointNamed(a.frame.agents(), b.frame.agents(), common) && sim < otherSpeakerSimilarity {
		// Different actors ("five political parties issued statements",
		// "the ambassadors issued a joint statement"): other events.
		return false, false
	}
	all, distinct := participants(a, b, common)
	// Names the whole collection writes (a company in every article of
	// its collection) single out an event only with a rare word both
	// tell ("introduced", "free case").
	named := distinct > 0 || all > 0 && sharedRareWord(a, b)
	if sameAction(a, b) && named {
		return true, true
	}
	if sameSpeaker(a, b) && max(sharedKeyWords(a, b), sharedKeyWords(b, a)) >= speakerShare && named {
		return true, true
	}
	return false, false
}

// disjointNamed reports whether the sorted lists a and b both hold names
// the collection does not name widely (not in common) and share none:
// "Apple", named by every article of its collection, does not tell who
// acted, "Cook" and "Papermaster" do.
func disjointNamed(a, b []uint64, common map[uint64]bool) bool {
	if len(common) == 0 {
		return disjoint(a, b)
	}
	rare := func(x uint64) bool { return !common[x] }
	if !slices.ContainsFunc(a, rare) || !slices.ContainsFunc(b, rare) {
		return false
	}
	for _, x := range a {
		if !common[x] && sortedHas(b, x) {
			return false
		}
	}
	return true
}

// disjoint reports whether the sorted lists a and b both hold names and
// none in common.
func disjoint(a, b []uint64) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		if sortedHas(b, x) {
			return false
		}
	}
	return true
}

// sharedRareWord reports whether the clauses of a and b both hold a word
// (not a name) few reports of the collection hold (candidate.key).
func sharedRareWord(a, b *candidate) bool {
	found := false
	eachShared(a.tokens, b.tokens, func(i, j int) bool {
		found = a.key[i] && a.tokens[i].clause && b.tokens[j].clause
		return !found
	})
	return found
}

// frameMatch reports whether c, loaded in s, tells the event of a wording
// of k by frame (sameEvent, for a wording of another article; the same
// speaker, for one of c's article), or in nearly the same words as one of
// another article naming someone c names (or, naming no one, saying "No
// one has claimed responsibility" as it does). Two articles whose leads give
// the same day and are alike (mergeSimilarity) lead with the same news:
// outlets covering one story on one day open with its development.
// Wordings of articles about other stories (not related) count only when
// they name someone c names that the collection does not name widely.
// sims holds c's similarity to each exemplar (see similarities).
func (k *cluster) frameMatch(c *candidate, sims *[maxExemplars]float32, common map[uint64]bool, related func(a, b int) bool) bool {
	for i, e := range k.exemplars {
		sim := sims[i]
		if sim < eventSimilarity {
			continue // every way below needs at least this likeness
		}
		if e.article == c.article {
			if e.cit.Start == c.cit.Start {
				continue // a sentence's report and the event it reports
			}
			if sim >= eventSimilarity && sameSpeaker(c, e) && (sameAction(c, e) || max(sharedKeyWords(c, e), sharedKeyWords(e, c)) >= speakerShare) {
				return true
			}
			continue
		}
		if !related(c.article, e.article) && !sharedName(c.names, e.names, common) {
			continue
		}
		sameLead := c.lead && e.lead && c.start == e.start && c.end == e.end && sim >= mergeSimilarity && !otherDeeds(c, e)
		alike := (sameLead || sim >= nearlySame) && (sharedName(c.names, e.names, nil) || len(c.names) == 0 && len(e.names) == 0)
		if alike || sameEvent(c, e, sim, common) {
			return true
		}
	}
	return false
}

// pronounSubject reports whether the sentence whose words are ws names
// its actor by "he" or "she" before its first verb, and by no name there:
// "He had previously held a senior position with IBM".
func pronounSubject(ws []frameWord) bool {
	pron := false
	for _, w := range ws {
		switch {
		case w.verb || w.report:
			return pron
		case w.name:
			return false
		case w.pron:
			pron = true
		}
	}
	return false
}

// withAgents returns f with agents as its agents, when it has none.
func (f frame) withAgents(agents []uint64) frame {
	if len(f.agents()) > 0 || len(agents) == 0 {
		return f
	}
	return newFrame(slices.Clone(f.actions()), slices.Clone(f.speakers()), slices.Clone(f.infinitives()), agents)
}

// resolvePronouns gives the events of an article (in sentence order)
// whose sentence names its actor "he" or "she" the agents of the latest
// sentence before that named its actor: the person told of before. Two
// reports of one day then tell who acted, for frames to compare ("He held
// a position with IBM" after "Papermaster joined Apple" is not "Cook held
// positions at IBM").
func resolvePronouns(cands []event) {
	var antecedent []uint64
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].leadOrder == cands[i].leadOrder {
			j++
		}
		var own []uint64
		for k := i; k < j; k++ {
			c := &cands[k]
			if c.pronoun {
				c.frame = c.frame.withAgents(antecedent)
				c.pronoun = false // read: the analysis keeps no such field
			} else if own == nil && len(c.frame.agents()) > 0 {
				own = c.frame.agents()
			}
		}
		if own != nil {
			antecedent = own
		}
		i = j
	}
}

// otherDeeds reports whether a and b, two reports of one day, tell other
// deeds: each tells an action, no action of one is a word of the other's
// clause and they do not report one speaker, so that whatever else they
// share (the person named: "Lindqvist resigned as chairman", "Lindqvist
// opened a bakery") tells who, not what.
func otherDeeds(a, b *candidate) bool {
	if len(a.frame.actions()) == 0 || len(b.frame.actions()) == 0 || sameSpeaker(a, b) {
		return false
	}
	return !sameAction(a, b)
}

// otherActors reports whether a and b name who acted and have no actor in
// common, neither naming the other's actor anywhere: "Cyprus condemned the
// attacks" and "Iran condemned the bombing" are two statements, whatever
// they share. (A sentence that names the other's actor may tell it by
// another name: "Moscow said ... Putin's proposal".)
func otherActors(a, b *candidate, common map[uint64]bool) bool {
	return disjointNamed(a.frame.agents(), b.frame.agents(), common) &&
		!namesAny(a.names, b.frame.agents(), nil, common) && !namesAny(b.names, a.frame.agents(), nil, common)
}
