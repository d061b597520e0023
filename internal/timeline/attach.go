package timeline

import "slices"

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
	postings := w.postings(clusters, len(vec.w))
	stamp := 1 << 40 // marks a cluster looked at for one wording; merge's marks are smaller
	for _, k := range clusters {
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
		for _, m := range k.exemplars { // one of each wording
			w.pairs.focus(m.article)
			vec.load(m)
			stamp++
			top, n := heaviest(m)
			for _, x := range top[:n] {
				p := postings.of(x)
				if len(p) > attachPosting {
					continue
				}
				for _, o := range p {
					o = o.root()
					if o.seenBy == stamp || o == k || coarse && o.hasArticle(m.article) {
						// An article tells a year and a day of two events.
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
					// A sentence's report and the event it reports are two.
					// A report that may tell any earlier day is placed only
					// within its story, unless it looks back and names
					// someone or something the event names that the
					// collection does not name widely ("When Jobs first
					// introduced iPhone 4", in a story about an engineer
					// leaving). (Tested once per event, before its
					// wordings are compared.)
					inStory := !weak || o.related(m, related)
					if !inStory && !m.back || o.hasSentence(m) {
						continue
					}
					for _, e := range o.exemplars {
						if e.weak && e.cit.Source != FromContext {
							continue
						}
						sim := vec.cosine(m.norm, e)
						if sim <= bestSim {
							continue
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
							// happened, told with another verb.
							same, named = eventMatch(m, e, sim, common)
							same = sharedVerb(m, e) && same || inStory && sameObject(m, e, sim, common)
							// Other actors named ("Cook held positions at
							// IBM", "[Papermaster] had previously held a
							// position with IBM"; "Religious leaders
							// condemned", "Men ... said they denounced"):
							// other deeds. (Who reports what another did
							// is no actor of the deed: "a spokesman said
							// Iran condemns".)
							otherActors := disjointNamed(m.frame.agents(), e.frame.agents(), common) &&
								(len(m.frame.speakers()) == 0 || !namesAny(m.names, e.frame.agents(), m.frame.speakers(), common))
							same = same && (inStory || named) && !otherActors
						} else {
							same, named = eventMatch(m, e, sim, common)
						}
						if same && (weak || named || o.related(m, related)) {
							best, bestSim = o, sim
						}
					}
				}
			}
			vec.unload(m)
		}
		if best != nil {
			best.absorb(k)
		}
	}
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
	var at [attachKeys]int // indices into c.tokens, heaviest first
	for i := range c.ix {
		w := c.tokens[i].weight
		k := n
		for k > 0 && c.tokens[at[k-1]].weight < w {
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
// in one slice: lists[start[x]:start[x+1]].
type postingLists struct {
	start []int32
	lists []*cluster
}

// of returns the events holding the word of dense index x.
func (p postingLists) of(x int32) []*cluster { return p.lists[p.start[x]:p.start[x+1]] }

// postings returns, for each of the ntok words, the events of clusters an
// undated or coarse report may be placed on (occurrences dated to a day
// or a few) whose wordings hold it, in order, each once; a list stops
// growing at attachPosting+1, which marks a word too common to look up.
// Counted, then filled: two passes over the wordings rather than a slice
// per word that grows as it goes. The lists are w's, valid until it is
// released.
func (w *workspace) postings(clusters []*cluster, ntok int) postingLists {
	w.eligible = w.eligible[:0]
	for _, k := range clusters {
		if k.parent != nil || k.kind != Occurrence || !k.dayDated() {
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
		w.postLists = make([]*cluster, total)
	}
	lists := w.postLists[:start[ntok]]
	fill := last // fill[x]: the events of word x filed so far
	clear(fill)
	for _, k := range w.eligible {
		for _, e := range k.exemplars {
			for _, x := range e.ix {
				if at := start[x] + fill[x]; at < start[x+1] && (fill[x] == 0 || lists[at-1] != k) {
					lists[at] = k
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
