package timeline

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timelined/timelined/internal/dates"
)

// Attaching undated past reports to the events they tell (attachReports).
const (
	// attachDays bounds how long before its date an undated report may
	// tell an event: four years.
	attachDays = 4 * 366
	// recentDays is how long before its date an undated report that does
	// not look back (candidate.back) may tell an event: a report in the
	// simple past of a news article tells its own news, of its day or
	// just before ("Jobs introduced the next generation of software" at
	// this year's conference is not last year's introduction).
	recentDays = 7
	// attachKeys is how many of a report's heaviest words look events up,
	// and attachPosting the most events one word may name and still be
	// looked up: a word in many events singles none out.
	attachKeys    = 6
	attachPosting = 256
)

// attachReports gives an event told only by undated past reports ("When
// Jobs first introduced iPhone 4, he praised its antenna", dated by the
// publication day, on or before which it happened) to the event another
// article dates earlier and tells with the same action and participants
// ("iPhone 4 was introduced by Jobs at the conference on June 7"): a
// report on or before a day is compatible with any earlier day. So does
// an event told only with a year ("launched the store in 2003") with the
// finer date another article gives it ("on April 28, 2003"): a coarse date
// that contains a finer one is the same date, told less precisely. Events
// are looked up by the report's heaviest words; it is merged into the most
// alike of those telling its event (sameEvent), of a related article,
// dated within attachDays before it (or inside its year).
func attachReports(clusters []*cluster, vec scatter, related func(a, b int) bool, common map[uint64]bool, w *workspace) {
	postings := w.postings(clusters, len(vec.w), (*cluster).dayDated)
	events := w.eligible
	spans, starts, odd := w.spans.reset(len(events))
	for i, o := range events {
		spans[i] = daySpanOf(o.start, o.end)
		spans[i].compare(o)
		starts[i] = spans[i].dayStart
		if spans[i].slow {
			odd[i>>6] |= 1 << (i & 63)
		}
	}
	w.unplaced = w.unplaced[:0]
	// A wording looks at an event once: marked with look (its span) or
	// stamp (the event; merge's marks are smaller).
	var look int32
	next := 0 // the first of events (clusters' eligible ones, in order) not passed yet
	for _, k := range clusters {
		at := -1 // k's place in events
		if next < len(events) && events[next] == k {
			at, next = next, next+1
		}
		if k.parent != nil || k.kind != Occurrence {
			continue
		}
		weak := !k.strong && k.pastOnly()
		c := k.members[0]
		coarse := k.strong && c.days > wideDays && c.days <= 366 && k.onlyValue(c.cit.Value)
		if !weak && !coarse {
			continue
		}
		var best *cluster
		var bestSim float32
		var bestAt int32 // best's place in events

		for _, m := range k.exemplars { // one of each wording
			if weak && len(m.frame.actions()) == 0 {
				continue // no deed to tell (see below): placed on none
			}
			w.pairs.focus(m.article)
			vec.load(m)
			look++
			stamp := 1<<40 + int(look)
			var ms daySpan
			if weak {
				ms = daySpanOf(m.start, m.end)
			} else {
				ms = daySpanOf(c.start, c.end)
			}
			top, n := heaviest(m)
			for _, x := range top[:n] {
				p := postings.of(x)
				if len(p) > attachPosting {
					continue
				}
				for _, i := range p {
					if weak && !ms.slow && odd[i>>6]&(1<<(i&63)) == 0 && !ms.after(starts[i], m.back) {
						// The date test below, on a small array: most
						// events fail it.
						continue
					}
					sp := &spans[i]
					for sp.into > 0 { // absorbed here: the root's
						i = sp.into - 1
						sp = &spans[i]
					}
					o := events[i]
					usable := sp.usable
					if weak {
						usable &= sp.deeds
					}
					if !sp.slow && !ms.slow {
						// The tests of the other branch, the dates
						// first and without touching the event: most
						// fail, and the event is far in memory.
						if sp.seen == look || usable == 0 || weak && !ms.after(sp.dayStart, m.back) || coarse && !ms.holds(sp, c.days) {
							continue
						}
						if o == k || coarse && o.hasArticle(m.article) {
							// An article tells a year and a day of two events.
							continue
						}
						sp.seen = look
					} else {
						if o.seenBy == stamp || o == k || coarse && o.hasArticle(m.article) {
							continue
						}
						o.seenBy = stamp
						if weak && (o.start.After(m.start) || dayNumber(m.start)-dayNumber(o.start) > attachDays ||
							!m.back && dayNumber(m.start)-dayNumber(o.start) > recentDays) {
							continue
						}
						if coarse && (dayNumber(o.end)-dayNumber(o.start) >= c.days || !contains(c.start, c.end, o.start, o.end)) {
							continue
						}
					}
					// A sentence's report and the event it reports are two.
					// A report that may tell any earlier day is placed only
					// within its story, unless it looks back and names
					// someone or something the event names that the
					// collection does not name widely ("When Jobs first
					// introduced iPhone 4", in a story about an engineer
					// leaving). (Tested once per event, when a wording of
					// it could be taken: most are too little alike.)
					tested, inStory := false, false
					for j, e := range o.exemplars {
						if usable&(1<<j) == 0 {
							continue // an undated report, or no deed to tell
						}
						sim := vec.cosine(m.norm, e)
						if sim <= bestSim || sim < eventSimilarity {
							continue // (no event told below eventSimilarity)
						}
						if !tested {
							tested = true
							inStory = !weak || o.related(m, related)
							if !inStory && !m.back || o.hasSentence(m) {
								break
							}
						}
						// Articles of other stories (few names in common)
						// tell one event only naming someone in common.
						// An undated report is placed on an earlier event
						// only by the same deed (a verb of both: "first
						// introduced iPhone 4", "while introducing iPhone 4")
						// done to someone both name; a year on a finer date
						// also by a deed its words name ("since its launch").
						var same, named bool
						if weak {
							// By a verb of both or by most of what
							// happened, told with another verb. (Without
							// a verb of both, the frames' match is not
							// looked at: only sameObject may place, and
							// within the story.)
							verb := sharedVerb(m, e)
							if !verb && !inStory {
								continue
							}
							// Other actors named ("Cook held positions at
							// IBM", "[Papermaster] had previously held a
							// position with IBM"; "Religious leaders
							// condemned", "Men ... said they denounced"):
							// other deeds. (Who reports what another did
							// is no actor of the deed: "a spokesman said
							// Iran condemns".)
							if disjointNamed(m.frame.agents(), e.frame.agents(), common) &&
								(len(m.frame.speakers()) == 0 || !namesAny(m.names, e.frame.agents(), m.frame.speakers(), common)) {
								continue
							}
							if verb {
								same, named = eventMatch(m, e, sim, common)
							}
							same = verb && same || inStory && sameObject(m, e, sim, common)
							same = same && (inStory || named)
						} else {
							same, named = eventMatch(m, e, sim, common)
						}
						if same && (weak || named || o.related(m, related)) {
							best, bestSim, bestAt = o, sim, i
						}
					}
				}
			}
			vec.unload(m)
		}
		if best != nil {
			best.absorb(k)
			spans[bestAt].compare(best) // new wordings
			if at >= 0 {
				spans[at].into = bestAt + 1
				odd[at>>6] |= 1 << (at & 63)
			}
		} else if weak {
			w.unplaced = append(w.unplaced, k)
		}
	}
	attachToCoarse(clusters, len(vec.w), related, common, w)
}

// daySpan is what attachReports tests of an eligible event before it
// touches the event: its dates as day numbers (dayNumber) and as numbers
// in the order of dates.Date.Compare (dateKey), unless slow says they
// are not exact (a date out of range: its dates are tested on the event
// itself), and which of its wordings may tell a report's event. An event
// absorbed there is its root's (into).
type daySpan struct {
	dayStart
	to, end int32 // dayNumber and dateKey of the end
	seen    int32 // the last wording that looked at it (see attachReports)
	into    int32 // 1 + the place of the event it was absorbed into; 0 if none
	// Bits by exemplar: dated by an expression or the context (usable),
	// telling an action (deeds).
	usable, deeds uint8
	slow          bool
}

// dayStart is the start of a daySpan: its dayNumber and dateKey.
type dayStart struct{ from, first int32 }

// attachSpans are attachReports' spans of the eligible events, their
// starts again in a small array (the date test of most looked-up events),
// and a bit for each that is slow or absorbed (its start there is not
// its root's exact start).
type attachSpans struct {
	spans  []daySpan
	starts []dayStart
	odd    []uint64
}

// reset returns s's slices for n events, the bits cleared.
func (s *attachSpans) reset(n int) ([]daySpan, []dayStart, []uint64) {
	if cap(s.spans) < n {
		s.spans, s.starts = make([]daySpan, n), make([]dayStart, n)
	}
	if words := (n + 63) / 64; cap(s.odd) < words {
		s.odd = make([]uint64, words)
	}
	s.odd = s.odd[:(n+63)/64]
	clear(s.odd)
	return s.spans[:n], s.starts[:n], s.odd
}

// The bits of daySpan's usable and deeds hold every exemplar.
var _ [8 - maxExemplars]struct{}

// compare sets which of o's exemplars a report may be compared with.
func (s *daySpan) compare(o *cluster) {
	s.usable, s.deeds = 0, 0
	for j, e := range o.exemplars {
		if !e.weak || e.cit.Source == FromContext {
			s.usable |= 1 << j
		}
		if len(e.frame.actions()) > 0 {
			s.deeds |= 1 << j
		}
	}
}

// daySpanOf returns the span of the dates start and end.
func daySpanOf(start, end dates.Date) daySpan {
	ok := keyable(start) && keyable(end)
	if !ok {
		return daySpan{slow: true}
	}
	return daySpan{dayStart: dayStart{from: int32(dayNumber(start)), first: dateKey(start)}, to: int32(dayNumber(end)), end: dateKey(end)}
}

// keyable reports whether d's day number and key fit in an int32 and its
// key orders as dates.Date.Compare does: month and day below 100.
func keyable(d dates.Date) bool {
	return d.Year > -200000 && d.Year < 200000 && d.Month >= 0 && d.Month < 100 && d.Day >= 0 && d.Day < 100
}

// dateKey numbers d's year, month and day in one number, in the order of
// dates.Date.Compare (for a keyable d).
func dateKey(d dates.Date) int32 { return int32(d.Year*10000 + int(d.Month)*100 + d.Day) }

// after reports whether an undated report's day s may tell an event that
// starts at o: on or before s, by attachDays at most, or by recentDays
// when the report does not look back.
func (s *daySpan) after(o dayStart, back bool) bool {
	d := s.from - o.from
	return o.first <= s.first && d <= attachDays && (back || d <= recentDays)
}

// holds reports whether a coarse date s, of days days, holds the finer
// date of o.
func (s *daySpan) holds(o *daySpan, days int) bool {
	return int(o.to-o.from) < days && s.first <= o.first && o.end <= s.end
}

// objectRare is how many words (not names) of its clause an undated report
// must share with a year- or month-dated event's sentence, each told by
// these two articles' reports only, to be placed on it (see
// attachToCoarse): the deed's object, rare in the collection.
const objectRare = 2

// attachToCoarse places an undated past report that no day-dated event
// took (w.unplaced: "while the CEO underwent liver transplant surgery")
// on the event another, related article dates with a year, a quarter or
// a month ("took six months off in early 2009, later revealing he had
// undergone a liver transplant"): the entry keeps that finer date. The
// two must tell the same deed (a verb of the report, of its class, in
// the event's sentence) to the same thing: objectRare words of the
// report's clause in the event's sentence that no third article's
// reports use. That is what lets a report that does not look back go
// years back; a deed done every year ("Globex opened its developer
// conference", this year's, told beside last year's) stays: words every
// year's article tells are not rare, a deed told as yearly ("annual")
// recurs, and a deed told with two dates is placed on neither. Of the
// events one sentence dates ("in 2004 ... in early 2009, later revealing
// he had undergone"), the deed takes the date written nearest before its
// verb.
func attachToCoarse(clusters []*cluster, ntok int, related func(a, b int) bool, common map[uint64]bool, w *workspace) {
	if len(w.unplaced) == 0 || len(w.rare) < ntok {
		return
	}
	rare := w.rare[:ntok]
	// Only the reports that tell a deed to a rare thing are looked up:
	// when none does (most merges), no posting lists.
	deed := func(m *candidate) bool { return len(m.frame.actions()) > 0 && rareClauseWords(m, rare) }
	w.unplaced = slices.DeleteFunc(w.unplaced, func(k *cluster) bool { return !slices.ContainsFunc(k.exemplars, deed) })
	if len(w.unplaced) == 0 {
		return
	}
	coarse := func(k *cluster) bool { // a month, a quarter, a year
		d := dayNumber(k.end) - dayNumber(k.start)
		return k.strong && d >= 27 && d <= 366
	}
	postings := w.postings(clusters, ntok, coarse)
	if len(w.eligible) == 0 {
		return
	}
	for _, k := range w.unplaced {
		if k.parent != nil {
			continue
		}
		var best *cluster
		var bestAt *candidate
		ambiguous := false
		for _, m := range k.exemplars {
			if !deed(m) {
				continue // no deed, or no rare thing it was done to
			}
			for _, verb := range m.frame.actions() {
				i, ok := slices.BinarySearchFunc(m.tokens, verb, func(t token, id uint64) int { return cmp.Compare(t.id, id) })
				if !ok || m.tokens[i].name {
					continue
				}
				t := m.tokens[i]
				p := postings.of(m.ix[i])
				if len(p) > attachPosting {
					continue
				}
				for _, i := range p {
					o := w.eligible[i].root()
					if o == k || o.hasArticle(m.article) || !o.end.Before(m.start) ||
						dayNumber(m.start)-dayNumber(o.start) > attachDays {
						continue
					}
					inStory := 0 // 1 related, -1 not: looked up once a wording tells the deed
					for _, e := range o.exemplars {
						if e.weak || !sameRareDeed(m, e, t.id, rare) || hasWordOf(m.cit.Quote, recurringWords) || hasWordOf(e.cit.Quote, recurringWords) ||
							disjointNamed(m.frame.agents(), e.frame.agents(), common) {
							continue
						}
						if inStory == 0 {
							inStory = -1
							if o.related(m, related) {
								inStory = 1
							}
						}
						if inStory < 0 {
							break
						}
						switch {
						case best == nil:
							best, bestAt = o, e
						case best == o:
						case bestAt.article == e.article && bestAt.cit.Start == e.cit.Start:
							// One sentence dates two events: the
							// deed takes the nearer date before it.
							if nearerBefore(e, bestAt, t.id) {
								best, bestAt = o, e
							}
						default:
							ambiguous = true
						}
					}
				}
			}
		}
		if best != nil && !ambiguous {
			best.absorb(k)
		}
	}
}

// rareClauseWords reports whether objectRare words (not names) of c's
// clause are words the reports of two articles only use.
func rareClauseWords(c *candidate, rare []rareToken) bool {
	n := 0
	for i, x := range c.ix { // rare first: most words are not, and c.ix is small
		if t := &c.tokens[i]; rare[x].in == 2 && !t.name && t.clause {
			if n++; n >= objectRare {
				return true
			}
		}
	}
	return false
}

// sameRareDeed reports whether e's sentence tells the deed verb of m and
// objectRare words of m's clause (not names) that only m's and e's
// articles' reports use.
func sameRareDeed(m, e *candidate, verb uint64, rare []rareToken) bool {
	n := 0
	verbFound := false
	a, b := int32(m.article)+1, int32(e.article)+1
	eachShared(m.tokens, e.tokens, func(i, _ int) bool {
		switch x := &m.tokens[i]; {
		case x.id == verb:
			verbFound = true
		case !x.name && x.clause:
			if r := rare[m.ix[i]]; r.in == 2 && (r.first == a && r.second == b || r.first == b && r.second == a) {
				n++
			}
		}
		return true
	})
	return verbFound && n >= objectRare
}

// nearerBefore reports whether e's date expression is written nearer
// before the word verb of its sentence than b's (both of one sentence).
func nearerBefore(e, b *candidate, verb uint64) bool {
	at := wordAt(e.cit.Quote, verb)
	pe, pb := exprEnd(e, at), exprEnd(b, at)
	return pe > pb
}

// exprEnd is where c's expression ends in its quote, when before byte at;
// -1 otherwise.
func exprEnd(c *candidate, at int) int {
	if c.cit.Expression == "" || at < 0 {
		return -1
	}
	i := strings.LastIndex(c.cit.Quote[:at], c.cit.Expression)
	if i < 0 {
		return -1
	}
	return i + len(c.cit.Expression)
}

// wordAt returns the byte offset in s of the first word whose stem hash is
// id, or -1.
func wordAt(s string, id uint64) int {
	var buf [32]byte
	for i, j := nextWord(s, 0); i < len(s); i, j = nextWord(s, j) {
		if j-i <= len(buf) && stemHash(lowerASCII(buf[:0], s[i:j])) == id {
			return i
		}
	}
	return -1
}

// dayDated reports whether k is dated to a day or a few by an expression
// or by its context, not only by the publication day: an event an undated
// or coarse report can be placed on.
func (k *cluster) dayDated() bool {
	if dayNumber(k.end)-dayNumber(k.start) > wideDays {
		return false
	}
	return k.strong || k.contextDated()
}

// contextDated reports whether a member of k takes its date from the
// sentences around it.
func (k *cluster) contextDated() bool { return k.context }

// onlyValue reports whether every member of k gives value v.
func (k *cluster) onlyValue(v string) bool {
	for _, c := range k.members {
		if c.cit.Value != v {
			return false
		}
	}
	return true
}

// pastOnly reports whether every member of k is an undated past report.
func (k *cluster) pastOnly() bool {
	for _, c := range k.members {
		if !c.weak || !c.past {
			return false
		}
	}
	return true
}

// heaviest returns the dense indices of c's attachKeys heaviest tokens
// (the first n of top).
func heaviest(c *candidate) (top [attachKeys]int32, n int) {
	// A selection of the heaviest, ties to the earlier token: attachKeys
	// is a handful, a sort of every token was most of a small merge.
	// The weights are read from c.wts (the tokens', packed), which
	// loading c into the scatter has just read.
	var at [attachKeys]int // indices into c.tokens, heaviest first
	wts := c.wts[:len(c.ix)]
	for i, w := range wts {
		k := n
		for k > 0 && wts[at[k-1]] < w {
			k--
		}
		if k >= attachKeys {
			continue
		}
		if n < attachKeys {
			n++
		}
		copy(at[k+1:n], at[k:n-1])
		at[k] = i
	}
	for k := range n {
		top[k] = c.ix[at[k]]
	}
	return top, n
}

// postingLists are the events that hold each word (by dense token index),
// in one slice: lists[start[x]:start[x+1]], as indices into the eligible
// events (workspace.eligible).
type postingLists struct {
	start []int32
	lists []int32
}

// of returns the events holding the word of dense index x.
func (p postingLists) of(x int32) []int32 { return p.lists[p.start[x]:p.start[x+1]] }

// postings returns, for each of the ntok words, the events of clusters an
// undated or coarse report may be placed on (occurrences dated to a day
// or a few) whose wordings hold it, in order, each once; a list stops
// growing at attachPosting+1, which marks a word too common to look up.
// Counted, then filled: two passes over the wordings rather than a slice
// per word that grows as it goes. The lists are w's, valid until it is
// released; so are the eligible events (w.eligible, in the order of
// clusters).
func (w *workspace) postings(clusters []*cluster, ntok int, target func(*cluster) bool) postingLists {
	w.eligible = w.eligible[:0]
	for _, k := range clusters {
		if k.parent != nil || k.kind != Occurrence || !target(k) {
			continue
		}
		w.eligible = append(w.eligible, k)
	}
	if cap(w.postStart) < 2*ntok+1 {
		w.postStart = make([]int32, 2*ntok+1)
	}
	start, last := w.postStart[:ntok+1], w.postStart[ntok+1:2*ntok+1]
	clear(start)
	clear(last)
	count := start[1:] // count[x]: the events holding word x, at most attachPosting+1
	for i, k := range w.eligible {
		for _, e := range k.exemplars {
			for _, x := range e.ix {
				if count[x] <= attachPosting && last[x] != int32(i+1) {
					count[x]++
					last[x] = int32(i + 1)
				}
			}
		}
	}
	for x := range count {
		start[x+1] += start[x]
	}
	if total := int(start[ntok]); cap(w.postLists) < total {
		w.postLists = make([]int32, total)
	}
	lists := w.postLists[:start[ntok]]
	fill := last // fill[x]: the events of word x filed so far
	clear(fill)
	for i, k := range w.eligible {
		for _, e := range k.exemplars {
			for _, x := range e.ix {
				if at := start[x] + fill[x]; at < start[x+1] && (fill[x] == 0 || lists[at-1] != int32(i)) {
					lists[at] = int32(i)
					fill[x]++
				}
			}
		}
	}
	return postingLists{start: start, lists: lists}
}

// namesAny reports whether names holds one of agents that is not one of
// speakers nor common to the collection: a report of speech that names
// who did the deed ("a spokesman said Iran condemns", of "Iran condemned").
func namesAny(names, agents, speakers []uint64, common map[uint64]bool) bool {
	for _, x := range agents {
		if !common[x] && !sortedHas(speakers, x) && slices.Contains(names, x) {
			return true
		}
	}
	return false
}
