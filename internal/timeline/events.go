package timeline

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelined/timelined/internal/dates"
)

// event is one dated event one article tells, as its Analysis keeps it:
// the raw material of an entry. An analysis that is stored or cached is
// shared by the merges that read it, concurrently: a merge reads its
// events through candidates and writes nothing into them (see candidate).
type event struct {
	cit        Citation // ArticleID empty: a merge names the article it serves
	start, end dates.Date
	days       int // length of [start, end] in days, minus one: the granularity
	kind       Kind
	// summary and words (its length) are written from the sentence as sum
	// says (below) once needed (see summaryIn).
	summary string
	words   int
	// tokens are the words of the sentence, those of the dated clause
	// marked; their weights are the analysis's, before a merge weighs them
	// by the rarity of each word in the collection (see weigh).
	tokens    []token
	alts      []dates.Date // the days of alternatives ("March 19 or 22")
	subject   []uint64     // names before the date in its clause: who acted
	names     []uint64     // names in its sentence: who and where
	sig       uint64       // hash of tokens: identical wording merges at once
	leadOrder int          // sentence index in its article, for picking summaries
	// core holds the words of the dated clause of a coarse report ("last
	// week"), which decide the finer report it is placed on (see
	// candidate.coreMass). proposal (below) says the clause tells an offer
	// or proposal ("offered last week to hold talks").
	core []token
	// head holds the words a year (or decade) modifies ("the 2020 US
	// presidential election"): the thing history remembers by that date.
	// Quarters and months name results and figures, not events: none.
	head []token
	// frame is what happened and to what, by which the same event is told
	// by several articles (see frame.go).
	frame frame

	// The small fields last, side by side: an analysis keeps an event
	// for each date of its article, and padding between them was 32
	// bytes of each.

	// sum says how to summarise the event from its sentence; summed says
	// summary and words are written.
	sum    summarySpec
	summed bool
	// weak says the date came from the context or the publication date,
	// not from an expression of the sentence (see cit.Source).
	weak bool
	// past says a weak date is a past report on or before it, which may
	// tell an event dated earlier by another article.
	past bool
	// back says such a past report looks back ("when Jobs first
	// introduced", "had undergone", "earlier"): it may tell an event of
	// weeks or years before. A past report without such a word tells the
	// article's own news (see recentDays).
	back     bool
	proposal bool
	// refers says the date modifies an event noun ("the Oct. 23 slaying",
	// "Friday's bombings"): a reference to an event the story knows.
	refers bool
	// lead says the sentence is the article's lead: the first, outside
	// captions, that reports an occurrence. It tells the article's news.
	lead bool
	// pronoun says the sentence names its actor "he" or "she" (see
	// resolvePronouns; read during analysis only).
	pronoun bool
}

// candidate is an event as one merge sees it: the event, shared and
// unchanged, and what the merge finds of it. A merge of a story holds one
// per event of every article at once; copying the events instead (about
// 570 bytes each, with their tokens) was most of what a merge of a large
// story held.
type candidate struct {
	*event
	article int     // index into the merge's analyses
	ix      []int32 // tokens' dense indices in the merge (see weigh)
	// wts are the weights of tokens and then of core once weighed (see
	// weigh), packed for similarity; key marks the words of either that
	// are specific enough to tell one event (see token.key).
	wts []float32
	key []bool
	// norm is of tokens, once weighed; coreMass is the total weight of
	// core, once weighed.
	norm, coreMass float32
	prefix         []int32 // the tokens a weak report must share to be alike (see setPrefixes)
	// focus has bit i set when the sentence involves the merge's focus
	// entity i (see focus.go).
	focus uint64
	// twin says another event of the merge is told by the same sentence
	// (see markTwins).
	twin bool
}

// coreWeights returns the weights and key marks of c's core, once weighed.
func (c *candidate) coreWeights() ([]float32, []bool) {
	n := len(c.tokens)
	return c.wts[n:], c.key[n:]
}

// hasPlanCue reports whether s holds a plan cue.
func hasPlanCue(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	for i, w := range words {
		if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") || planWords[w] {
			return true
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case next == "to" && planBeforeTo[w],
			w == "to" && planAfterTo[next],
			w == "next" && planAfterNext[next],
			w == "in" && next == "the" && i+2 < len(words) && words[i+2] == "coming":
			return true
		}
	}
	return false
}

// rangeJoin is the text between two dates that makes them one expression:
// alternatives ("March 19 or 22"), ranges ("March 18 to 20") or apposition
// ("Friday, March 19").
var rangeJoin = regexp.MustCompile(`^\s*(?:,\s*)?(?:(or|and|to|through|until|till|[-–—])\s*(?:on\s+)?)?$`)

// articleEvents returns the events of one article: for each sentence and
// each anchored date in it, the event that date belongs to.
//
// It also returns the article's names, sorted and distinct: each sentence
// is read for names and tokens once, whatever the number of its dates.
//
// It returns nothing once ctx is done: one huge article is stopped inside,
// not only between the phases of Build.
func articleEvents(ctx context.Context, a *Article, pub dates.Date, c *cleaned, sents []Sentence, ms []dates.Mention) ([]event, []uint64) {
	var all []uint64
	var st sentText
	out := make([]event, 0, len(ms)+len(sents)) // an event per date, and one per undated sentence at most
	mi := 0
	var anchor anchorContext
	quotes := quotations(a.Text, sents)
	for si, s := range sents {
		if si%64 == 63 && ctx.Err() != nil {
			return nil, nil
		}
		// The mentions inside this sentence.
		for mi < len(ms) && ms[mi].Start < s.Start {
			mi++
		}
		first := mi
		for mi < len(ms) && ms[mi].End <= s.End {
			mi++
		}
		in := usable(ms[first:mi], c)
		// Frames copy what they keep: one buffer of frame words for all.
		buf := st.fw[:0]
		st = read(s.Text(a.Text))
		st.fw = buf
		text := st.text
		all = append(all, st.names...)
		if onlyDates(text, &s, in) {
			continue // a dateline ("June 8, 2010"): no event
		}
		firstOfSentence := len(out)
		for g := 0; g < len(in); {
			// Group alternatives, ranges and appositions.
			h := g + 1
			alternatives := false
			for h < len(in) {
				m := rangeJoin.FindStringSubmatch(a.Text[in[h-1].End:in[h].Start])
				// "in March and June": two dates, each its event; "between
				// March and June" is one range.
				if m == nil || m[1] == "and" && !endsWithWord(a.Text[:in[g].Start], "between") {
					break
				}
				if m[1] == "or" {
					alternatives = true
				}
				h++
			}
			m := in[g]
			gs, ge := m.Start, in[h-1].End
			kind := Occurrence
			ms := s.ToClean(m.Start)
			before := text[max(0, wordStart(text, ms, 12)):ms]
			// The engine's future tense alone marks a plan only for dates
			// from the publication on; a past date needs a planning word
			// or a choice of days.
			future := m.Tense == dates.TenseFuture && (pub.IsZero() || !m.EndDate.Before(pub))
			if (alternatives || future || hasPlanCue(before)) &&
				(pub.IsZero() || !m.EndDate.Before(pub.AddDays(-planHorizonDays))) {
				kind = Planned
			}
			c := newEvent(a, &s, &st, si, gs, ge, m, kind)
			// A sentence that reports two events dated differently ("After
			// landing in Paris on Monday, the minister confirmed that the
			// deal had been signed the week before") gives two entries:
			// each summary keeps to its side of the last clause break
			// between the two dates.
			// Not around a date that names an event the story knows
			// ("the Oct. 23 killing"), nor leaving a side with no verb
			// ("Since 1949, it has been expanded").
			lo, hi := 0, len(text)
			if g > 0 && !c.refers && !refersBack(text, s.ToClean(in[g-1].Start), s.ToClean(in[g-1].End)) {
				lo = st.clauses().splitBetween(s.ToClean(in[g-1].End), s.ToClean(gs), false)
			}
			if h < len(in) && !c.refers && !refersBack(text, s.ToClean(in[h].Start), s.ToClean(in[h].End)) {
				hi = st.clauses().splitBetween(s.ToClean(ge), s.ToClean(in[h].Start), true)
			}
			if (lo > 0 || hi < len(text)) && kind == Occurrence && hasVerb(st.frameWords(), lo, hi) {
				c.sum.split, c.sum.lo, c.sum.hi = true, int32(lo), int32(hi)
			}
			if g > 0 {
				// What precedes an earlier date of the sentence tells that
				// date's event ("X Saturday condemned the attacks Friday").
				cs, ce := st.clauses().around(s.ToClean(gs), s.ToClean(ge))
				c.tokens = st.eventTokens(max(cs, s.ToClean(in[g-1].End)), ce)
				c.frame = frameOf(st.frameWords(), max(cs, s.ToClean(in[g-1].End)), ce)
				c.sig = signature(c.tokens)
			}
			if alternatives {
				for _, o := range in[g:h] {
					if o.StartDate == o.EndDate && !slices.Contains(c.alts, o.StartDate) {
						c.alts = append(c.alts, o.StartDate)
					}
				}
			}
			out = append(out, c)
			g = h
		}
		if s.Caption {
			continue
		}
		present := false
		reported := len(out) - firstOfSentence
		if reported > 0 {
			// Reported speech: "Jobs said that his company sold 13.7
			// million Macs last year" dates what was said; the report
			// itself is an event of its own, dated as an undated sentence
			// by the context before it, and only then do the dates it
			// reports set the context. A lead's dates date the news, its
			// report's too.
			var report bool
			if report, present = reportDated(text, &s, in); !report || !anchor.leadDone {
				anchor.set(s.Para, si, text, out[firstOfSentence:], pub)
				if !report {
					continue
				}
				reported = 0
			}
		}
		// No date of its own: the context's, else the publication's. The
		// sentences of a quotation are the words of one report, told by
		// the sentence that attributes it.
		q := quotes[si]
		if !q.inside || q.attribution == si {
			if c, ok := anchor.undated(a, &s, &st, si, pub, present); ok {
				if q.inside {
					c.quoting(a.Text, sents[q.first:q.last+1])
				}
				out = append(out, c)
			}
		}
		if reported > 0 {
			anchor.set(s.Para, si, text, out[firstOfSentence:firstOfSentence+reported], pub)
		}
	}
	datePoints(out, a.Text, sents)
	markLead(out)
	resolvePronouns(out)
	setRuneOffsets(a.Text, out)
	slices.Sort(all)
	return out, slices.Compact(all)
}

// markLead marks the events of the article's lead sentence (see
// event.lead).
func markLead(cands []event) {
	lead := -1
	for i := range cands {
		c := &cands[i]
		if c.cit.Caption || c.kind != Occurrence || (lead >= 0 && c.leadOrder != lead) {
			continue
		}
		if lead < 0 {
			lead = c.leadOrder
		}
		c.lead = true
	}
}

// setRuneOffsets fills in the code-point offsets of the events'
// citations, the unit of the service's contract: counted once per
// analysis, which the cache keeps, instead of on every call.
func setRuneOffsets(text string, cands []event) {
	type at struct {
		b int  // byte offset
		r *int // where its code-point offset goes
	}
	ats := make([]at, 0, 2*len(cands))
	for i := range cands {
		c := &cands[i].cit
		ats = append(ats, at{c.Start, &c.RuneStart}, at{c.End, &c.RuneEnd})
	}
	slices.SortFunc(ats, func(x, y at) int { return cmp.Compare(x.b, y.b) })
	b, r := 0, 0
	for _, a := range ats {
		r += utf8.RuneCountInString(text[b:a.b])
		b = a.b
		*a.r = r
	}
}

// planHorizonDays bounds how far before the publication a plan may lie: a
// "will" or "would" before a date months back is reported speech about
// history ("warned that the Kremlin will pay for interfering in the 2020
// election"), not a plan.
const planHorizonDays = 31

// proposalWord names a proposal or plan, where a summary of it starts.
var proposalWord = newWordList(`proposal|proposals|proposed|proposes|offer|offers|offered|suggest|suggests|suggested|suggestion|inviting|invited|invitation|plan|plans|planned`, true)

// planStart returns where the plan dated at offset ms of sentence s is
// told: the earliest planning word in the words before the date, with the
// names and possessives that own it ("Putin’s proposal to hold talks on
// March 19"), or 0 when the sentence itself is the best start.
func planStart(s string, ms int) int {
	from := wordStart(s, ms, 16)
	at, _ := proposalWord.index(s[from:ms])
	if at < 0 {
		return 0
	}
	start := from + at
	// Take the owner along: capitalised words and possessives before it.
	for start > 0 {
		prev := wordStart(s, start, 1)
		w := strings.TrimSpace(s[prev:start])
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !(unicode.IsUpper(r) || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")) {
			break
		}
		start = prev
	}
	return start
}

// usable keeps the mentions that date an event: anchored dates and times
// outside junk.
func usable(ms []dates.Mention, c *cleaned) []dates.Mention {
	var out []dates.Mention
	for _, m := range ms {
		if !m.Anchored() || (m.Type != dates.TypeDate && m.Type != dates.TypeTime) || c.inJunk(m.Start, m.End) {
			continue
		}
		if m.EndDate.Before(m.StartDate) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// newEvent builds the event for the date group [gs, ge) (article
// offsets; -1 for an undated lead) in sentence s, whose clean text is text,
// dated by m. The summary reads the clean text; the quote is the clean
// verbatim run holding the date.
func newEvent(a *Article, s *Sentence, st *sentText, si, gs, ge int, m dates.Mention, kind Kind) event {
	text := st.text
	expr := m.Text
	if ge > gs {
		expr = a.Text[gs:ge]
	}
	quote := s.Run(a.Text, gs)
	undated := gs < 0
	if undated {
		gs, ge = s.Start, s.Start
	}
	cgs, cge := s.ToClean(gs), s.ToClean(ge)
	var cs, ce int
	if undated {
		cs, ce = 0, len(text) // an undated report: the whole sentence tells it
	} else {
		cs, ce = st.clauses().around(cgs, cge)
	}
	var toks []token
	if undated {
		toks = st.ownTokens() // the sentence's last event: no copy
	} else {
		toks = st.eventTokens(cs, ce)
	}
	days := int(m.EndDate.Time().Sub(m.StartDate.Time()).Hours() / 24)
	subject := names(text[max(cs, wordStart(text, cgs, 8)):max(cs, cgs)])
	var core []token
	proposal := false
	if days > 0 && days <= wideDays {
		ks, ke := coreClause(text, cgs, cge)
		core = tokenize(text[ks:ke])
		for i := range core {
			core[i].weight = 1 // names common to the story say nothing here
		}
		proposal = proposalWord.match(text[cge:max(cge, ke)])
	}
	var head []token
	if days > wideDays && isNumber(m.Value) {
		head = tokenize(modified(text[cge:]))
		for i := range head {
			head[i].key = !head[i].name
		}
	}
	return event{
		core: core, proposal: proposal, head: head, refers: refersBack(text, cgs, cge),
		cit: Citation{
			Quote: a.Text[quote.Start:quote.End], Start: quote.Start, End: quote.End,
			Expression: expr, Value: m.Value, Caption: s.Caption,
			Source: FromExpression, Explanation: m.Explanation,
		},
		start: m.StartDate, end: m.EndDate, days: days,
		kind: kind, sum: summarySpec{ms: int32(cgs), me: int32(cge), plan: kind == Planned}, tokens: toks, sig: signature(toks),
		leadOrder: si, subject: subject, names: st.names, frame: frameOf(st.frameWords(), cs, ce),
		pronoun: pronounSubject(st.frameWords()),
	}
}

// wordStart returns the byte offset n words before offset i in s.
func wordStart(s string, i, n int) int {
	j := i
	for n > 0 && j > 0 {
		j--
		for j > 0 && s[j] == ' ' {
			j--
		}
		for j > 0 && s[j-1] != ' ' {
			j--
		}
		n--
	}
	return j
}

// modified returns the noun phrase that opens s, the text right after a
// date: the words up to the first punctuation or function word, at most
// four ("United States election, and ..." gives "United States
// election"). A date followed by a function word ("in 2020, the ...")
// modifies nothing.
func modified(s string) string {
	end := 0
	for n, w := range strings.Fields(s) {
		if n == 4 {
			break
		}
		bare := strings.TrimRight(w, ",.;:!?”\")'’")
		// A capitalised word after a date is a name ("2020 US election").
		if bare == "" || (stopWords[bare] && bare == strings.ToLower(bare)) {
			break
		}
		end = strings.Index(s, w) + len(bare)
		if bare != w {
			break
		}
	}
	return s[:end]
}

// refersBack reports whether the date at [s, e) of text modifies an event
// noun after an article or as a possessive: "the Oct. 23 slaying of",
// "Saturday night's debate". Such a date names an event rather than
// dating a new one.
func refersBack(text string, s, e int) bool {
	if e <= s {
		return false
	}
	after := text[e:]
	possessive := false
	for _, p := range []string{"'s ", "’s "} {
		if strings.HasPrefix(after, p) {
			after, possessive = after[len(p):], true
		}
	}
	if !possessive && !endsWithThe(strings.TrimRight(text[:s], " ")) {
		return false
	}
	w := strings.TrimRight(firstWord(after), ",.;:")
	return w != "" && isASCIILower(w[0]) && !stopWords[w] && !strings.HasSuffix(w, "ly")
}

// endsWithThe reports whether s, lower-cased, is "the" or ends in " the".
// Only ASCII letters lower-case to t, h and e, so the last bytes decide.
func endsWithThe(s string) bool {
	n := len(s)
	return n >= 3 && hasPrefixFoldASCII(s[n-3:], "the") && (n == 3 || s[n-4] == ' ')
}

// sentText is one sentence's clean text read once: its names, and its
// tokens (with where each was read) and clauses when a date needs them.
type sentText struct {
	text   string
	names  []uint64
	toks   []token
	placed []placedID
	ct     *clauseText
	fw     []frameWord // read, or room to read them in when !fwRead
	fwRead bool
}

// read reads a sentence's clean text.
func read(text string) sentText { return sentText{text: text, names: names(text)} }

// tokens returns the sentence's tokens, tokenizing it on first use.
func (st *sentText) tokens() []token {
	if st.toks == nil {
		st.placed = make([]placedID, 0, len(st.text)/8+1)
		eachToken(st.text, func(id uint64, name bool, start, end int) {
			st.placed = append(st.placed, placedID{id, name, start, end})
		})
		st.toks = make([]token, len(st.placed))
		for i, p := range st.placed {
			st.toks[i] = newToken(p.id, p.name)
		}
		st.toks = sortTokens(st.toks)
	}
	return st.toks
}

// eventTokens returns the sentence's tokens with those of text[a:b], the
// clause that holds a date, counting clauseWeight times as much.
func (st *sentText) eventTokens(a, b int) []token {
	toks := st.tokens()
	var buf [64]uint64
	return eventTokens(toks, clauseIDs(buf[:0], st.text, st.placed, a, b))
}

// ownTokens returns the sentence's tokens as those of a clause that is the
// whole sentence, as eventTokens(0, len(text)) does but in place: the
// caller takes them, and the sentence reads them anew if asked again.
func (st *sentText) ownTokens() []token {
	toks := st.toks
	if toks == nil {
		toks = tokenize(st.text) // no dated clause asked where each word stands
	}
	for i := range toks {
		toks[i].weight *= clauseWeight
		toks[i].clause = true
	}
	st.toks, st.placed = nil, nil
	return toks
}

// frameWords returns the sentence's words as frames read them, reading
// them on first use.
func (st *sentText) frameWords() []frameWord {
	if !st.fwRead {
		st.fw, st.fwRead = readFrameWords(st.fw, st.text), true
	}
	return st.fw
}

// clauses returns the sentence's clauses, reading them on first use.
func (st *sentText) clauses() *clauseText {
	if st.ct == nil {
		st.ct = newClauseText(st.text)
	}
	return st.ct
}

// datePoints dates an undated sentence that counts from an event the
// article dates elsewhere: "Since its launch the store has sold 3 billion
// songs" after "... launched the store on April 28, 2003" tells of the
// launch, on its day, not of the publication day. The event is named by a
// noun after "since its" (the, their, his, her) or a participle after
// "since it was" (they were, ...), and found as the word of a sentence
// with a date of its own that has the same stem: the date nearest that
// word, of the nearest such sentence, earlier ones first.
func datePoints(cands []event, text string, sents []Sentence) {
	for i := range cands {
		c := &cands[i]
		if !c.weak {
			continue
		}
		stext := sents[c.leadOrder].Text(text)
		w := sincePoint(stext)
		if w == "" {
			continue
		}
		key := stemBytes([]byte(w))
		best, bestDist := -1, 0
		for j := range cands {
			d := &cands[j]
			if d.weak || d.kind != Occurrence || d.refers || d.cit.Caption {
				continue
			}
			at := stemIndex(sents[d.leadOrder].Text(text), key)
			if at < 0 {
				continue
			}
			// Sentences before first, nearest first; then the date
			// nearest the word inside its sentence.
			dist := (c.leadOrder - d.leadOrder) << 16
			if d.leadOrder > c.leadOrder {
				dist = (1 << 40) + (d.leadOrder-c.leadOrder)<<16
			}
			gap := int(d.sum.ms) - at
			dist += min(max(gap, -gap), 1<<16-1)
			if best < 0 || dist < bestDist {
				best, bestDist = j, dist
			}
		}
		if best < 0 {
			continue
		}
		d := &cands[best]
		c.start, c.end, c.days = d.start, d.end, d.days
		c.cit.Value, c.cit.Source = d.cit.Value, FromContext
		c.cit.Explanation = fmt.Sprintf("no date in the sentence: it counts from the %s, which the article dates %s (%q)", w, d.cit.Value, d.cit.Expression)
		c.past, c.back = true, true
	}
}

// sincePoint returns the word naming the event a sentence counts from
// ("launch" in "since its launch", "introduced" in "since it was
// introduced"), or "".
func sincePoint(s string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], "ince ")
		if i < 0 {
			return ""
		}
		i += from - 1 // at the "s"
		from = i + len("since ")
		if i < 0 || s[i]|0x20 != 's' || i > 0 && isASCIILetter(s[i-1]) {
			continue
		}
		f := strings.Fields(s[from:min(len(s), from+40)])
		if len(f) < 2 {
			return ""
		}
		w := strings.ToLower(f[0])
		switch {
		case w == "its" || w == "the" || w == "their" || w == "his" || w == "her":
		case (w == "it" || w == "they" || w == "he" || w == "she") && len(f) >= 3 && (f[1] == "was" || f[1] == "were"):
			f = f[1:]
		default:
			continue
		}
		p := strings.TrimRight(f[1], ",.;:")
		if len(p) < 4 || !isASCIILower(p[0]) || stopWords[p] || !strings.ContainsFunc(p, unicode.IsLetter) {
			continue
		}
		// "Since the company has grown, ...": a cause, not a point in time.
		if len(f) > 2 && p == f[1] && tenseFlags.get([]byte(strings.ToLower(f[2])))&(tensePastAux|tensePresentAux|tenseFutureWord|tenseBe) != 0 {
			continue
		}
		return p
	}
}

// stemIndex returns the offset in s of a verb in the past whose stem is
// key ("launched" for "launch"), or one stem the beginning of the other
// ("elect" of "election"), at least five letters long; -1 when there is
// none.
func stemIndex(s string, key []byte) int {
	var buf [32]byte
	for i, j := nextWord(s, 0); i < len(s); i, j = nextWord(s, j) {
		if j-i >= 4 && j-i <= len(buf) {
			lw := lowerASCII(buf[:0], s[i:j])
			if isPastEd(string(lw)) || irregularPast[string(lw)] {
				st := stemBytes(lw)
				short, long := st, key
				if len(short) > len(long) {
					short, long = long, short
				}
				if len(short) >= 4 && (len(short) == len(long) || len(short) >= 5) && string(long[:len(short)]) == string(short) {
					return i
				}
			}
		}
	}
	return -1
}

// endsWithWord reports whether s, right-trimmed, ends with the word w
// (ASCII, any case).
func endsWithWord(s, w string) bool {
	s = strings.TrimRight(s, " ")
	n := len(s) - len(w)
	return n >= 0 && strings.EqualFold(s[n:], w) && (n == 0 || !isASCIILetter(s[n-1]))
}
