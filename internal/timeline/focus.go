package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An entity timeline (Options.Focus) holds the events in which a named
// entity takes part. Each article is read sentence by sentence for the
// entity's mentions:
//
//   - its name, in any case ("iTunes store", "iTunes Store"), or all its
//     distinctive words in another order ("3G iPhone" for "iPhone 3G"); not
//     when more name words follow it, which make it another name ("iPod
//     Touch", "Steve Jobs Theater"; "Apple Inc." is Apple), nor when the
//     word after it is one the articles write, capitalised, after the name
//     ("iPod nano" where another article writes "iPod Nano"): a model of
//     the entity, not the entity;
//   - its short forms: a run of the name's words holding its head (its
//     last distinctive word: capitalised or with a digit), standing at the
//     end of a run of names ("Apple CEO Steve Jobs", "Musk", "the Model
//     S", "Apple Corps" for "Beatles Apple Corps"), but not inside another
//     name. A run without the head names something else: the family of a
//     model ("iPhone" for "iPhone 4"), the owner ("Beatles"); only a
//     person goes by a first name alone. A one-word short form counts once
//     the article has named the entity by more than one word, and only
//     while no other name holding that word was named after it ("iPhone"
//     after "iPhone 3GS" is that phone). A thing's plural ("iPods") is a
//     short form too;
//   - references back: "he", "she", "his" while the entity is the person
//     the article talks about (the first person named in the last sentence
//     naming one); "it", "its" opening the sentence after the one naming
//     it; "the company", "the device", "the store" (a word of its name) in
//     the sentence naming the entity or the next two, where the noun is
//     one the articles call the entity by when they call it by any
//     ("the iPod portable music player": "the player", not "the store");
//     "the new iPhone" (its family, after "the") for a thing just named.
//
// A mention makes the sentence one the entity takes part in unless it is
// only in passing: the name qualifies the people who use it or a range it
// belongs to ("iPhone 4 users", "the iPod range"); it owns a thing that
// takes part instead ("iPhone 4's new video calling abilities", "the
// device's antenna"; not "Jobs' resignation", an event); it places
// someone ("Neil Aspinall, manager of Apple Corps", "vice-president of
// marketing for the iPod").
//
// Whether the entity is a person, an organisation or a thing, and the
// nouns and model words the articles use with it, are read from how the
// collection writes about it (see learnFocus).

// entityKind is the kind of a focus entity, which decides the references
// back that can name it.
type entityKind int

const (
	kindThing entityKind = iota
	kindPerson
	kindOrganization
)

// focusEntity is one name of Options.Focus, read.
type focusEntity struct {
	name  string
	words []string // lower case
	// strong marks the words that single the entity out: capitalised as
	// given or written, or holding a digit.
	strong []bool
	// head is the index of the last strong word, -1 when none is.
	head int
	kind entityKind
	// nouns are the common nouns the articles call the entity by ("label"
	// in "the Beatles' label Apple Corps", "player" in "the iPod music
	// player"); models are the words written capitalised right after its
	// name ("Nano" in "iPod Nano"), which make another name of it.
	nouns, models map[string]bool
}

// wordSpan is one word of a sentence: its lower-case form, whether it is
// written capitalised (or mixed case, "iPhone"), whether punctuation
// separates it from the word before, whether a possessive ("'s") ends it,
// and its byte range in the sentence.
type wordSpan struct {
	lower       string
	capital     bool
	digit       bool
	breakBefore bool
	possessive  bool
	start, end  int
}

// sentenceWords splits a sentence into words: runs of letters, digits and
// inner apostrophes or hyphens. A possessive "'s" stays off the word.
func sentenceWords(s string) []wordSpan {
	var out []wordSpan
	brk := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r != ' ' {
				brk = true
			}
			i += n
			continue
		}
		j := i
		capital, digit := false, false
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '-' || r == '.') && j+n < len(s) && isWordStart(s[j+n:])) {
				capital = capital || unicode.IsUpper(r)
				digit = digit || unicode.IsDigit(r)
				j += n
				continue
			}
			break
		}
		w := strings.ToLower(s[i:j])
		out = append(out, wordSpan{lower: w, capital: capital, digit: digit, breakBefore: brk, start: i, end: j})
		brk = false
		i = j
		// "Jobs's", "Jobs'": the possessive ends the name.
		for _, p := range []string{"'s", "’s", "'", "’"} {
			if strings.HasPrefix(s[i:], p) && (len(p) > 1 || !isWordStart(s[i+len(p):])) {
				i += len(p)
				brk = true
				out[len(out)-1].possessive = true
				break
			}
		}
	}
	return out
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// newFocusEntity reads one focus name.
func newFocusEntity(name string) focusEntity {
	f := focusEntity{name: name, head: -1, nouns: map[string]bool{}, models: map[string]bool{}}
	for _, w := range sentenceWords(name) {
		f.words = append(f.words, w.lower)
		f.strong = append(f.strong, (w.capital && len(w.lower) > 1 || w.digit) && !isStopWord([]byte(w.lower)))
	}
	for k, s := range f.strong {
		if s {
			f.head = k
		}
		if !s && (thingNouns[f.words[k]] || orgNouns[f.words[k]]) {
			f.nouns[f.words[k]] = true // "store" in "iTunes store"
		}
	}
	return f
}

// chunk is a run of name words in a sentence: capitalised words, with the
// digits and short codes after them ("iPhone 4", "Model 3").
type chunk struct{ from, to int } // words[from:to]

// nameChunks returns the runs of name words of a sentence. The first word
// of a sentence counts only when the next is a name too or it is no common
// word ("Jobs said", not "While introducing").
func nameChunks(ws []wordSpan) []chunk {
	var out []chunk
	for i := 0; i < len(ws); {
		if !ws[i].capital || isStopWord([]byte(ws[i].lower)) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j].breakBefore && (ws[j].capital || (ws[j].digit && len(ws[j].lower) <= 4)) && !isStopWord([]byte(ws[j].lower)) {
			j++
		}
		out = append(out, chunk{i, j})
		i = j
	}
	return out
}

// matchAt reports whether f's whole name is written at words[i:].
func (f *focusEntity) matchAt(ws []wordSpan, i int) bool {
	if i+len(f.words) > len(ws) {
		return false
	}
	for k, w := range f.words {
		if ws[i+k].lower != w || (k > 0 && ws[i+k].breakBefore) {
			return false
		}
	}
	return true
}

// modelAfter reports whether the word at i, right after a name of f,
// makes another name of it: a name word the chunk goes on with (not an
// organisation's "Inc."), or a word the collection writes capitalised
// after the name ("iPod nano").
func (f *focusEntity) modelAfter(ws []wordSpan, i, chunkEnd int) bool {
	for k := i; k < chunkEnd; k++ {
		if modelWord(ws[k]) {
			return true
		}
	}
	return i == chunkEnd && i < len(ws) && !ws[i].breakBefore && f.models[ws[i].lower]
}

// modelWord reports whether w, after a name in one run of names, makes
// another name of it: a word or a short code ("Touch", "4", "S"), not an
// organisation's "Inc." nor a title, nor years ("Steve Jobs 1955-2011").
func modelWord(w wordSpan) bool {
	if orgWords[w.lower] || titleWords[w.lower] || isStopWord([]byte(w.lower)) {
		return false
	}
	return !w.digit || len(w.lower) <= 4 && !strings.ContainsAny(w.lower, "-.")
}

// shortForm returns the length of the longest run of f's words that ends
// chunk c and holds a strong word, or 0, and whether the run holds f's
// head.
func (f *focusEntity) shortForm(ws []wordSpan, c chunk) (int, bool) {
	for n := min(c.to-c.from, len(f.words)); n >= 1; n-- {
		tail := ws[c.to-n : c.to]
		for start := 0; start+n <= len(f.words); start++ {
			ok, strong := true, false
			for k := range tail {
				if tail[k].lower != f.words[start+k] {
					ok = false
					break
				}
				strong = strong || f.strong[start+k]
			}
			if ok && strong {
				return n, start <= f.head && f.head < start+n
			}
		}
	}
	return 0, false
}

// reordered reports whether chunk c holds f's name with its words in
// another order ("3G iPhone" for "iPhone 3G"): only words of the name,
// and every strong one.
func (f *focusEntity) reordered(ws []wordSpan, c chunk) bool {
	if len(f.words) < 2 || c.to-c.from != len(f.words) {
		return false
	}
	for _, w := range ws[c.from:c.to] {
		found := false
		for _, fw := range f.words {
			found = found || fw == w.lower
		}
		if !found {
			return false
		}
	}
	for k, fw := range f.words {
		found := !f.strong[k]
		for _, w := range ws[c.from:c.to] {
			found = found || fw == w.lower
		}
		if !found {
			return false
		}
	}
	return true
}

// plural reports whether chunk c of text is the plural of a one-word
// name ending with f's head, for a thing: "iPods" (a lower-case "s"; "3GS"
// is no plural of "3G").
func (f *focusEntity) plural(text string, ws []wordSpan, c chunk) bool {
	if f.kind != kindThing || f.head < 0 || f.head != len(f.words)-1 || c.to-c.from != 1 {
		return false
	}
	w := ws[c.from]
	return len(w.lower) > 2 && text[w.end-1] == 's' && w.lower[:len(w.lower)-1] == f.words[f.head]
}

// focusState is what one article has told so far of one focus entity.
type focusState struct {
	named     bool // by more than one word
	last      int  // the last sentence naming it, -1 if none
	topic     bool // the person the article talks about
	owner     map[string]string
	ownerSelf map[string]bool
}

// focusSpan is where a sentence involves focus entities: the byte range
// of a mention or reference, and the entities' bits.
type focusSpan struct {
	start, end int
	bits       uint64
}

// focusMasks returns, for each sentence text of one article, the bits of
// the entities it involves (bit i for focus[i]), and where.
func focusMasks(texts []string, focus []focusEntity) ([]uint64, [][]focusSpan) {
	masks := make([]uint64, len(texts))
	spans := make([][]focusSpan, len(texts))
	states := make([]focusState, len(focus))
	for i := range states {
		states[i] = focusState{last: -100, owner: map[string]string{}, ownerSelf: map[string]bool{}}
	}
	for si, text := range texts {
		ws := sentenceWords(text)
		chunks := nameChunks(ws)
		for fi := range focus {
			f, st := &focus[fi], &states[fi]
			bit := uint64(1) << fi
			mentioned, takesPart := false, false
			at := func(from, to int) {
				mentioned = true
				if !inPassing(ws, from, to, f) {
					takesPart = true
					spans[si] = append(spans[si], focusSpan{ws[from].start, ws[to-1].end, bit})
				}
			}
			firstPersonIsF, firstPersonOther := false, false
			for _, c := range chunks {
				self, other := false, false
				for i := c.from; i < c.to && !self && !other; i++ {
					if f.matchAt(ws, i) {
						e := i + len(f.words)
						self, other = !f.modelAfter(ws, e, max(e, c.to)), f.modelAfter(ws, e, max(e, c.to))
						if self {
							at(i, e)
						}
					}
				}
				if !self && !other && (f.reordered(ws, c) || f.modified(ws, c)) && !f.modelAfter(ws, c.to, c.to) {
					// The name with a modifier inside ("iTunes Music
					// Store" for "iTunes store") or reordered.
					self = true
					at(c.from, c.to)
				}
				if self {
					st.named = true
				}
				if !self && !other && !f.modelAfter(ws, c.to, c.to) {
					n, head := f.shortForm(ws, c)
					if n > 0 && !head && f.kind == kindPerson && n == 1 && c.to-c.from == 1 {
						head = true // a person's first name: "Steve"
					}
					switch {
					case n > 1 && head:
						st.named, self = true, true
					case n == 1 && head:
						w := ws[c.to-1].lower
						self = (st.named || len(f.words) == 1) && (st.owner[w] == "" || st.ownerSelf[w])
					case n == 0 && f.plural(text, ws, c):
						self = true
					}
					if self {
						at(c.to-max(n, 1), c.to)
					}
				}
				// Remember which name each word last stood in.
				if c.to-c.from > 1 || self {
					key := chunkKey(ws, c)
					for i := c.from; i < c.to; i++ {
						st.owner[ws[i].lower] = key
						st.ownerSelf[ws[i].lower] = self
					}
				}
				if personLike(ws, c) || self {
					if !firstPersonIsF && !firstPersonOther {
						firstPersonIsF, firstPersonOther = self, !self
					}
				}
			}
			// A whole name that spans a break the chunks miss ("iTunes
			// store", lower case); a name a chunk holds was judged there
			// ("iPod Touch" is no mention).
			for i := 0; i < len(ws) && !mentioned; i++ {
				if f.matchAt(ws, i) && !inChunk(chunks, i) && !f.modelAfter(ws, i+len(f.words), i+len(f.words)) {
					st.named = true
					at(i, i+len(f.words))
				}
			}
			if !takesPart {
				if from, to, ok := refersTo(ws, f, st, si); ok && !inPassing(ws, from, to, f) {
					takesPart = true
					spans[si] = append(spans[si], focusSpan{ws[from].start, ws[to-1].end, bit})
				}
			}
			if takesPart {
				masks[si] |= bit
			}
			if mentioned {
				st.last = si
			}
			if f.kind == kindPerson {
				switch {
				case firstPersonIsF:
					st.topic = true
				case firstPersonOther:
					st.topic = false
				}
			}
		}
	}
	return masks, spans
}

// inChunk reports whether word i stands in one of the chunks.
func inChunk(chunks []chunk, i int) bool {
	for _, c := range chunks {
		if i >= c.from && i < c.to {
			return true
		}
	}
	return false
}

func chunkKey(ws []wordSpan, c chunk) string {
	parts := make([]string, 0, c.to-c.from)
	for _, w := range ws[c.from:c.to] {
		parts = append(parts, w.lower)
	}
	return strings.Join(parts, " ")
}

// personLike reports whether a chunk may name a person: two or three
// capitalised words of letters, none naming an organisation.
func personLike(ws []wordSpan, c chunk) bool {
	n := c.to - c.from
	if n < 2 || n > 3 {
		return false
	}
	for _, w := range ws[c.from:c.to] {
		if w.digit || orgWords[w.lower] {
			return false
		}
	}
	return true
}

// inPassing reports whether the mention ws[from:to] of f names it only in
// passing, so that something else takes part in the sentence's event:
//
//   - it qualifies the noun after it, a kind of people or a range:
//     "iPhone 4 users", "the iPod range" (not "iPod players", "iPod use");
//   - it owns a thing: "iPhone 4's new video calling abilities", "the
//     device's antenna" (not an event: "Jobs' resignation", "Apple
//     Corps' latest suit");
//   - it places a person: "manager of Apple Corps", "vice-president of
//     marketing for the iPod";
//   - it is where the event happens: "sold via the online iTunes Music
//     Store", "on the 30GB iPod".
func inPassing(ws []wordSpan, from, to int, f *focusEntity) bool {
	last := ws[to-1]
	if last.possessive {
		return !eventNoun(possessedHead(ws, to))
	}
	if to < len(ws) && !ws[to].breakBefore && !ws[to].capital && !f.nouns[singular(ws[to].lower)] {
		if w := ws[to].lower; peopleNoun(w) || rangeNouns[w] {
			return true
		}
	}
	if !personPronouns[ws[from].lower] && placeBefore(ws, from) {
		return true
	}
	// "manager of", "vice-president of marketing for": a title at most
	// three words before the preposition.
	if from > 0 && (ws[from-1].lower == "of" || ws[from-1].lower == "for") ||
		from > 1 && ws[from-1].lower == "the" && (ws[from-2].lower == "of" || ws[from-2].lower == "for") {
		p := from - 1
		if ws[p].lower == "the" {
			p--
		}
		for k := p - 1; k >= max(0, p-3); k-- {
			w := ws[k].lower
			if i := strings.LastIndexByte(w, '-'); i >= 0 {
				w = w[i+1:]
			}
			if titleWords[w] {
				return true
			}
			if ws[k+1].breakBefore {
				break
			}
		}
	}
	return false
}

// placeBefore reports whether the noun phrase ending before word from
// (with its article and modifiers, "the online", "its United Kingdom")
// follows a preposition of place or medium: "sold via the online iTunes
// Store", "on the 30GB iPod". What stands there is where an event
// happens, not who or what takes part.
func placeBefore(ws []wordSpan, from int) bool {
	k := from - 1
	for n := 0; k >= 0 && n < 4 && !ws[k+1].breakBefore; n++ {
		if placePrepositions[ws[k].lower] {
			return true
		}
		if isStopWord([]byte(ws[k].lower)) && !determiners[ws[k].lower] || isDigits(ws[k].lower) {
			return false // "In 1986 he bought"
		}
		k--
	}
	return false
}

// isDigits reports whether w is all digits.
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// possessedHead returns the noun a possessive before word i owns: the
// last of the lower-case words that follow it, up to a break or a
// function word ("new video calling abilities" gives "abilities").
func possessedHead(ws []wordSpan, i int) string {
	head := ""
	for k := i; k < len(ws) && k < i+5; k++ {
		if ws[k].capital || isStopWord([]byte(ws[k].lower)) || (k > i && ws[k].breakBefore) {
			break
		}
		head = ws[k].lower
	}
	return head
}

// eventNoun reports whether w names an event: a word of the list or a
// noun made from a verb ("resignation", "announcement", "departure").
func eventNoun(w string) bool {
	if eventNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && eventNouns[w[:len(w)-1]] {
		return true
	}
	for _, sfx := range []string{"tion", "sion", "ment"} {
		if len(w) > len(sfx)+3 && strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// peopleNoun reports whether w names people by what they do: "users",
// "buyers", "owners", "customers", "developers", "investors".
func peopleNoun(w string) bool {
	if kindNoun(singular(w)) {
		return false // "iPod players": the thing itself
	}
	for _, sfx := range []string{"ers", "ors", "ists"} {
		if len(w) > len(sfx)+2 && strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return peopleNouns[w]
}

// refersTo reports whether sentence si (its words ws) refers back to f
// without naming it, and where: the words of the reference.
func refersTo(ws []wordSpan, f *focusEntity, st *focusState, si int) (int, int, bool) {
	near := si-st.last <= 2
	for i, w := range ws {
		switch {
		case f.kind == kindPerson && personPronouns[w.lower]:
			if st.topic {
				return i, i + 1, true
			}
		case f.kind != kindPerson && (w.lower == "it" || w.lower == "its") && si-st.last <= 1 && i == 0:
			return i, i + 1, true
		case near && !w.capital && i > 0 && ws[i-1].lower == "the":
			if f.refNoun(w.lower, st) {
				return i, i + 1, true
			}
		case near && !w.capital && i > 1 && ws[i-2].lower == "the" && !ws[i-1].capital:
			// "the online store": a modifier makes a new description
			// ("the music business", "the young computer maker") unless
			// the articles call the entity by the noun.
			if f.nouns[w.lower] {
				return i, i + 1, true
			}
		case near && f.kind == kindThing && w.capital && (i > 0 && ws[i-1].lower == "the" || i > 1 && ws[i-2].lower == "the" && !ws[i-1].capital):
			// "the new iPhone" for "iPhone 4", just named: the family's
			// name for the model the article tells of.
			if i+1 < len(ws) && !ws[i+1].breakBefore && (ws[i+1].capital || ws[i+1].digit) {
				continue
			}
			for k, fw := range f.words {
				if k < f.head && fw == w.lower && (st.owner[fw] == "" || st.ownerSelf[fw]) {
					return i, i + 1, true
				}
			}
		}
	}
	return 0, 0, false
}

// refNoun reports whether "the w" may refer back to f: a noun the
// articles call it by, when they call it by any, else a noun of its kind;
// or a common word of its name ("the store" for "iTunes store").
func (f *focusEntity) refNoun(w string, st *focusState) bool {
	if f.nouns[w] {
		return true
	}
	if st.owner[w] != "" && !st.ownerSelf[w] {
		return false // "the store" after "iTunes Music Store" is that store
	}
	return f.kind == kindOrganization && orgNouns[w] || f.kind == kindThing && thingNouns[w]
}

// learnFocus reads the articles' sentences for what each entity is and
// how they write about it:
//
//   - its kind: a person is named after a title ("CEO Steve Jobs") or
//     followed by a sentence opening with "he" or "she"; an organisation
//     has an organisation word in its name or after it ("Apple Corps",
//     "Tesla Inc.") or is followed by a sentence opening with "the
//     company"; anything else is a thing (a product, a place, an event);
//   - the nouns it is called by: a noun of its kind right before its name
//     ("the Beatles' label Apple Corps") or among the lower-case words
//     after it, or after a comma and an article ("the iPod digital music
//     player", "iTunes Music Store, an online music store");
//   - its models: a word written capitalised right after its name, inside
//     one run of names ("iPod Nano", "Model S Plaid").
func learnFocus(articles [][]string, focus []focusEntity) {
	for fi := range focus {
		f := &focus[fi]
		person, org, thing := 0, 0, 0
		for _, w := range f.words {
			if orgWords[w] {
				org += 10
			}
		}
		for _, texts := range articles {
			prevNamed := false
			for _, text := range texts {
				ws := sentenceWords(text)
				if prevNamed && len(ws) > 0 {
					switch first := ws[0].lower; {
					case personPronouns[first]:
						person++
					case first == "it" || first == "its":
						thing++
					case first == "the" && len(ws) > 1 && orgNouns[ws[1].lower]:
						org++
					}
				}
				prevNamed = false
				for i := range ws {
					if !f.matchAt(ws, i) {
						continue
					}
					prevNamed = true
					if i > 0 && titleWords[ws[i-1].lower] {
						person++
					}
					e := i + len(f.words)
					if e < len(ws) && orgWords[ws[e].lower] {
						org++
					}
					f.learnAround(ws, i, e)
				}
				// Short forms that hold the head and, for a name of
				// several words, more: "Apple Corps".
				for _, c := range nameChunks(ws) {
					if n, head := f.shortForm(ws, c); head && n >= min(2, len(f.words)) && n < len(f.words) {
						f.learnAround(ws, c.to-n, c.to)
					}
				}
			}
		}
		switch {
		case person > org && person > thing:
			f.kind = kindPerson
		case org > thing:
			f.kind = kindOrganization
		default:
			f.kind = kindThing
		}
	}
}

// learnAround learns f's models and nouns from its name at ws[i:e].
func (f *focusEntity) learnAround(ws []wordSpan, i, e int) {
	if e < len(ws) && !ws[e].breakBefore && (ws[e].capital || ws[e].digit) && modelWord(ws[e]) {
		f.models[ws[e].lower] = true
	}
	if i > 0 && !ws[i].breakBefore && !ws[i-1].capital && kindNoun(ws[i-1].lower) {
		f.nouns[ws[i-1].lower] = true
	}
	k := e
	if k+1 < len(ws) && ws[k].breakBefore && (ws[k].lower == "a" || ws[k].lower == "an" || ws[k].lower == "the") {
		k++ // an apposition: ", an online music store"
	}
	for ; k < len(ws) && k < e+5; k++ {
		w := ws[k]
		if w.capital || (k > e && w.breakBefore) || isStopWord([]byte(w.lower)) && k > e {
			break
		}
		if n := singular(w.lower); kindNoun(n) {
			f.nouns[n] = true
			break
		}
	}
}

// kindNoun reports whether w is a noun that refers back to an
// organisation or a thing.
func kindNoun(w string) bool { return orgNouns[w] || thingNouns[w] }

// singular strips a plural "s" from a noun of kindNoun ("players").
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && kindNoun(w[:len(w)-1]) {
		return w[:len(w)-1]
	}
	return w
}

// keepFocus returns the candidates whose sentence involves one of the
// focus entities, each marked with the entities it involves.
func keepFocus(ans []*Analysis, cands []*candidate, names []string) []*candidate {
	focus := make([]focusEntity, len(names))
	for i, n := range names {
		focus[i] = newFocusEntity(n)
	}
	texts := make([][]string, len(ans))
	for i, an := range ans {
		for _, s := range an.Sentences {
			texts[i] = append(texts[i], s.Text(an.Article.Text))
		}
	}
	learnFocus(texts, focus)
	masks := make([][]uint64, len(ans))
	spans := make([][][]focusSpan, len(ans))
	for i := range ans {
		masks[i], spans[i] = focusMasks(texts[i], focus)
	}
	// The candidates of each sentence, to tell the entities of each of
	// its clauses apart.
	type place struct{ article, sentence int }
	bySentence := map[place][]*candidate{}
	for _, c := range cands {
		p := place{c.article, c.leadOrder}
		bySentence[p] = append(bySentence[p], c)
	}
	out := cands[:0]
	for _, c := range cands {
		m := masks[c.article]
		if c.leadOrder >= len(m) || m[c.leadOrder] == 0 {
			continue
		}
		c.focus = clauseFocus(c, bySentence[place{c.article, c.leadOrder}], spans[c.article][c.leadOrder])
		if c.focus != 0 {
			out = append(out, c)
		}
	}
	return out
}

// clauseFocus returns the focus bits of candidate c, one of the
// candidates of its sentence (same), where spans locate the entities:
// when the sentence tells events of several dates, each holds the
// entities named in its own side of the sentence ("Apple was started by
// Steve Jobs in 1976, and launched the iTunes Music Store in 2003": 1976
// is Jobs', 2003 the store's), and a date naming an event told before
// ("the 1991 agreement") holds none when the sentence dates another.
func clauseFocus(c *candidate, same []*candidate, spans []focusSpan) uint64 {
	var all uint64
	for _, sp := range spans {
		all |= sp.bits
	}
	several, other := false, false
	for _, o := range same {
		if o != c && (o.start != c.start || o.end != c.end) {
			several = true
			other = other || !o.refers
		}
	}
	if !several {
		return all
	}
	if c.refers && other {
		return 0
	}
	if !c.sum.split {
		return all
	}
	var bits uint64
	for _, sp := range spans {
		if sp.start >= int(c.sum.lo) && sp.end <= int(c.sum.hi) {
			bits |= sp.bits
		}
	}
	return bits
}

// modified reports whether chunk c is f's name with words added inside it:
// it holds f's strong words in order and ends with f's last word, and f
// has two words or more.
func (f *focusEntity) modified(ws []wordSpan, c chunk) bool {
	if len(f.words) < 2 || ws[c.to-1].lower != f.words[len(f.words)-1] {
		return false
	}
	k := 0
	for _, w := range ws[c.from:c.to] {
		for k < len(f.words) && !f.strong[k] {
			k++
		}
		if k < len(f.words) && w.lower == f.words[k] {
			k++
		}
	}
	for k < len(f.words)-1 && !f.strong[k] {
		k++
	}
	return k >= len(f.words)-1
}
