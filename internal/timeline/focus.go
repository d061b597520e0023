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
//   - its name, in any case ("iTunes store", "iTunes Store");
//   - its short forms: a run of the name's words holding a distinctive
//     word (capitalised or with a digit), standing at the end of a run of
//     names ("Apple CEO Steve Jobs", "Musk", "the Model S"), but not inside
//     another name ("Apple" in "Apple Inc." is not "Beatles Apple Corps").
//     A one-word short form counts once the article has named the entity
//     by more than one word, and only while no other name holding that
//     word was named after it ("iPhone" after "iPhone 3GS" is that phone);
//   - references back: "he", "she", "his" while the entity is the person
//     the article talks about (the first person named in the last sentence
//     naming one); "it", "its", "the company", "the car", "the store" (a
//     word of its name) in the sentence naming the entity or the next two.
//
// Whether the entity is a person, an organisation or a thing is read from
// how the articles write about it (see focusKinds).

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
	kind   entityKind
}

// wordSpan is one word of a sentence: its lower-case form, whether it is
// written capitalised (or mixed case, "iPhone"), and whether punctuation
// or a function word separates it from the word before.
type wordSpan struct {
	lower       string
	capital     bool
	digit       bool
	breakBefore bool
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
		out = append(out, wordSpan{lower: w, capital: capital, digit: digit, breakBefore: brk})
		brk = false
		i = j
		// "Jobs's", "Jobs'": the possessive ends the name.
		for _, p := range []string{"'s", "’s", "'", "’"} {
			if strings.HasPrefix(s[i:], p) {
				i += len(p)
				brk = true
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
	f := focusEntity{name: name}
	for _, w := range sentenceWords(name) {
		f.words = append(f.words, w.lower)
		f.strong = append(f.strong, (w.capital || w.digit) && len(w.lower) > 1 && !isStopWord([]byte(w.lower)))
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

// shortForm returns the length of the longest run of f's words that ends
// chunk c and holds a strong word, or 0.
func (f *focusEntity) shortForm(ws []wordSpan, c chunk) int {
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
				return n
			}
		}
	}
	return 0
}

// focusState is what one article has told so far of one focus entity.
type focusState struct {
	named     bool // by more than one word
	last      int  // the last sentence naming it, -1 if none
	topic     bool // the person the article talks about
	owner     map[string]string
	ownerSelf map[string]bool
}

// focusMasks returns, for each sentence text of one article, the bits of
// the entities it involves (bit i for focus[i]).
func focusMasks(texts []string, focus []focusEntity) []uint64 {
	masks := make([]uint64, len(texts))
	states := make([]focusState, len(focus))
	for i := range states {
		states[i] = focusState{last: -100, owner: map[string]string{}, ownerSelf: map[string]bool{}}
	}
	for si, text := range texts {
		ws := sentenceWords(text)
		chunks := nameChunks(ws)
		for fi := range focus {
			f, st := &focus[fi], &states[fi]
			mentioned := false
			firstPersonIsF, firstPersonOther := false, false
			for _, c := range chunks {
				self := false
				for i := c.from; i < c.to && !self; i++ {
					self = f.matchAt(ws, i)
				}
				n := 0
				if !self {
					n = f.shortForm(ws, c)
				}
				// The name with a modifier inside ("iTunes Music Store"
				// for "iTunes store"): every strong word in order, and
				// the name's last word last.
				self = self || f.modified(ws, c)
				if (self || n > 0) && modifiesNoun(ws, c) {
					// "iPhone 4 users", "iPod development": the name
					// qualifies another thing, which takes part instead.
					self, n = false, 0
				}
				switch {
				case self || n > 1:
					st.named = true
					mentioned = true
					self = true
				case n == 1:
					w := ws[c.to-1].lower
					if (st.named || len(f.words) == 1) && (st.owner[w] == "" || st.ownerSelf[w]) {
						mentioned, self = true, true
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
			// store", lower case).
			for i := 0; i < len(ws) && !mentioned; i++ {
				if f.matchAt(ws, i) {
					mentioned, st.named = true, true
				}
			}
			ref := !mentioned && refersTo(ws, f, st, si)
			if mentioned || ref {
				masks[si] |= 1 << fi
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
	return masks
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

// refersTo reports whether sentence si (its words ws) refers back to f
// without naming it.
func refersTo(ws []wordSpan, f *focusEntity, st *focusState, si int) bool {
	near := si-st.last <= 2
	for i, w := range ws {
		switch {
		case f.kind == kindPerson && personPronouns[w.lower]:
			if st.topic {
				return true
			}
		case f.kind != kindPerson && (w.lower == "it" || w.lower == "its") && si-st.last <= 1 && i == 0:
			return true
		case near && i > 0 && ws[i-1].lower == "the" || near && i > 1 && ws[i-2].lower == "the" && !ws[i-1].capital:
			if f.kind == kindOrganization && orgNouns[w.lower] || f.kind == kindThing && thingNouns[w.lower] {
				return true
			}
			for k, fw := range f.words {
				if !f.strong[k] && fw == w.lower && !w.capital {
					return true // "the store" for "iTunes store"
				}
			}
		}
	}
	return false
}

// focusKinds decides each entity's kind from the articles' sentences: a
// person is named after a title ("CEO Steve Jobs") or followed by a
// sentence opening with "he" or "she"; an organisation has an
// organisation word in its name or after it ("Apple Corps", "Tesla Inc.")
// or is followed by a sentence opening with "the company"; anything else
// is a thing (a product, a place, an event).
func focusKinds(articles [][]string, focus []focusEntity) {
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
					if e := i + len(f.words); e < len(ws) && orgWords[ws[e].lower] {
						org++
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
	focusKinds(texts, focus)
	masks := make([][]uint64, len(ans))
	for i := range ans {
		masks[i] = focusMasks(texts[i], focus)
	}
	out := cands[:0]
	for _, c := range cands {
		if m := masks[c.article]; c.leadOrder < len(m) && m[c.leadOrder] != 0 {
			c.focus = m[c.leadOrder]
			out = append(out, c)
		}
	}
	return out
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

// modifiesNoun reports whether chunk c qualifies the noun right after it:
// a lower-case agent or action noun ("users", "buyers", "development",
// "production"), the head of the phrase.
func modifiesNoun(ws []wordSpan, c chunk) bool {
	if c.to >= len(ws) || ws[c.to].breakBefore || ws[c.to].capital {
		return false
	}
	w := ws[c.to].lower
	for _, sfx := range []string{"ers", "ment", "tion", "ness"} {
		if len(w) > len(sfx)+2 && strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}
