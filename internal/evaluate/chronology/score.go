package chronology

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/timelined/timelined/internal/dates"
)

// Entry is one entry of a built chronology, as the measures see it: its
// inclusive interval and where its citations stand.
type Entry struct {
	Start, End dates.Date
	Citations  []Citation
}

// Citation is one quote of an entry: the article and the byte offset of the
// quote's start in Document.Text.
type Citation struct {
	Doc   string
	Start int
}

// Builder builds one chronology of the whole collection, holding only the
// events of the focus entities when focus is not empty, and returns its
// entries and background together.
type Builder func(ctx context.Context, docs []*Document, focus []string) ([]Entry, error)

// item is one (article, sentence, interval) of the measures.
type item struct {
	doc        string
	sent       int
	start, end dates.Date
}

// place is an (article, sentence).
type place struct {
	doc  string
	sent int
}

func (it item) place() place { return place{it.doc, it.sent} }

// inside reports whether it's interval lies inside g's.
func (it item) inside(g item) bool {
	return !it.start.Before(g.start) && !it.end.After(g.end)
}

// Counts are the tallies behind one set of figures.
type Counts struct {
	Gold, GoldMatched     int
	System, SystemMatched int
}

// Precision is matched system items over system items, in percent.
func (c Counts) Precision() float64 { return percent(c.SystemMatched, c.System) }

// Recall is matched gold items over gold items, in percent.
func (c Counts) Recall() float64 { return percent(c.GoldMatched, c.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// EntityScore is the measure of one entity's timeline.
type EntityScore struct {
	Entity string
	Counts
	// Missed are the gold items no citation matched; Spurious the system
	// items that matched no gold item. Each is described in one line.
	Missed, Spurious []string
}

// Report holds every measure of one evaluation.
type Report struct {
	// Entities are the entity timelines, each built with focus on the
	// entity; Entity sums their counts (micro-average).
	Entities []EntityScore
	Entity   Counts
	// Dates counts, over the chronology built without focus, the dated gold
	// mentions (Gold) and those a citation of the right sentence dates
	// inside the gold date (GoldMatched).
	Dates Counts
	// Merges counts the dated gold events told by two articles or more
	// (Gold) and those for which one entry dated inside the gold date cites
	// the event's sentences in two of those articles or more (GoldMatched).
	Merges Counts
	// MissedDates and MissedMerges describe what the unfocused chronology
	// missed, one line each.
	MissedDates, MissedMerges []string
	// Missing are the articles gold names that the collection lacks.
	Missing []string
}

// Evaluate measures build on the collection: one build per gold entity
// with that entity as focus, and one without focus.
func Evaluate(ctx context.Context, c *Corpus, build Builder) (*Report, error) {
	r := &Report{Missing: c.Missing}
	for _, tl := range c.Timelines {
		es, err := build(ctx, c.Docs, []string{tl.Entity})
		if err != nil {
			return nil, fmt.Errorf("entity %q: %w", tl.Entity, err)
		}
		s := c.scoreEntity(tl, es)
		r.Entities = append(r.Entities, s)
		r.Entity.Gold += s.Gold
		r.Entity.GoldMatched += s.GoldMatched
		r.Entity.System += s.System
		r.Entity.SystemMatched += s.SystemMatched
	}
	es, err := build(ctx, c.Docs, nil)
	if err != nil {
		return nil, fmt.Errorf("no focus: %w", err)
	}
	c.scoreDates(r, es)
	c.scoreMerges(r, es)
	return r, nil
}

// goldItems returns the dated gold items of tl (distinct), the places of
// its undated mentions, in articles of the collection.
func (c *Corpus) goldItems(tl *Timeline) (items []item, undated map[place]bool) {
	undated = map[place]bool{}
	for _, e := range tl.Events {
		for _, m := range e.Mentions {
			if c.Doc(m.Doc) == nil {
				continue
			}
			if !e.Dated() {
				undated[place{m.Doc, m.Sentence}] = true
				continue
			}
			it := item{m.Doc, m.Sentence, e.Start, e.End}
			if !slices.Contains(items, it) {
				items = append(items, it)
			}
		}
	}
	return items, undated
}

// systemItems returns the distinct (article, sentence, entry interval) of
// the entries' citations.
func (c *Corpus) systemItems(es []Entry) []item {
	seen := map[item]bool{}
	var out []item
	for _, e := range es {
		for _, ct := range e.Citations {
			d := c.Doc(ct.Doc)
			if d == nil {
				continue
			}
			it := item{ct.Doc, d.SentenceAt(ct.Start), e.Start, e.End}
			if !seen[it] {
				seen[it] = true
				out = append(out, it)
			}
		}
	}
	return out
}

func (c *Corpus) scoreEntity(tl *Timeline, es []Entry) EntityScore {
	gold, undated := c.goldItems(tl)
	s := EntityScore{Entity: tl.Entity}
	byPlace := map[place][]item{}
	for _, g := range gold {
		byPlace[g.place()] = append(byPlace[g.place()], g)
	}
	sys := c.systemItems(es)
	sysByPlace := map[place][]item{}
	for _, it := range sys {
		p := it.place()
		if undated[p] && len(byPlace[p]) == 0 {
			continue // a sentence whose gold event has no date
		}
		sysByPlace[p] = append(sysByPlace[p], it)
		s.System++
		if slices.ContainsFunc(byPlace[p], it.inside) {
			s.SystemMatched++
		} else {
			s.Spurious = append(s.Spurious, c.describe(it, byPlace[p]))
		}
	}
	for _, g := range gold {
		s.Gold++
		if slices.ContainsFunc(sysByPlace[g.place()], func(it item) bool { return it.inside(g) }) {
			s.GoldMatched++
		} else {
			s.Missed = append(s.Missed, c.describe(g, sysByPlace[g.place()]))
		}
	}
	return s
}

func (c *Corpus) scoreDates(r *Report, es []Entry) {
	sysByPlace := map[place][]item{}
	for _, it := range c.systemItems(es) {
		sysByPlace[it.place()] = append(sysByPlace[it.place()], it)
	}
	var gold []item
	for _, tl := range c.Timelines {
		items, _ := c.goldItems(tl)
		for _, g := range items {
			if !slices.Contains(gold, g) {
				gold = append(gold, g)
			}
		}
	}
	for _, g := range gold {
		r.Dates.Gold++
		if slices.ContainsFunc(sysByPlace[g.place()], func(it item) bool { return it.inside(g) }) {
			r.Dates.GoldMatched++
		} else {
			r.MissedDates = append(r.MissedDates, c.describe(g, sysByPlace[g.place()]))
		}
	}
}

// scoreMerges counts the gold events told by two articles or more (each
// event once, however many timelines list it) and those one entry tells.
func (c *Corpus) scoreMerges(r *Report, es []Entry) {
	seen := map[string]bool{}
	for _, tl := range c.Timelines {
		for _, e := range tl.Events {
			if !e.Dated() {
				continue
			}
			places := map[place]bool{}
			var docs []string
			var key []string
			for _, m := range e.Mentions {
				if c.Doc(m.Doc) == nil {
					continue
				}
				places[place{m.Doc, m.Sentence}] = true
				if !slices.Contains(docs, m.Doc) {
					docs = append(docs, m.Doc)
				}
				key = append(key, fmt.Sprintf("%s-%d", m.Doc, m.Sentence))
			}
			slices.Sort(key)
			k := e.Date + " " + strings.Join(slices.Compact(key), " ")
			if len(docs) < 2 || seen[k] {
				continue
			}
			seen[k] = true
			r.Merges.Gold++
			g := item{start: e.Start, end: e.End}
			best := 0
			for _, en := range es {
				if !(item{start: en.Start, end: en.End}).inside(g) {
					continue
				}
				var cited []string
				for _, ct := range en.Citations {
					d := c.Doc(ct.Doc)
					if d != nil && places[place{ct.Doc, d.SentenceAt(ct.Start)}] && !slices.Contains(cited, ct.Doc) {
						cited = append(cited, ct.Doc)
					}
				}
				best = max(best, len(cited))
			}
			if best >= 2 {
				r.Merges.GoldMatched++
			} else {
				r.MissedMerges = append(r.MissedMerges, fmt.Sprintf("%s %s (%s): at most %d of its %d articles in one entry at its date%s",
					e.Date, strings.Join(key, " "), tl.Entity, best, len(docs), c.whereCited(slices.Compact(key), es)))
			}
		}
	}
}

// whereCited writes, for each place of a gold event ("DOC-SENTENCE"), a
// line with the entries of es that cite it (their number in es, interval
// and how many articles they cite) and the sentence's start: what a missed
// merge did instead.
func (c *Corpus) whereCited(keys []string, es []Entry) string {
	var b strings.Builder
	for _, k := range keys {
		var doc string
		var sent int
		if i := strings.LastIndexByte(k, '-'); i > 0 {
			doc = k[:i]
			fmt.Sscan(k[i+1:], &sent)
		}
		d := c.Doc(doc)
		if d == nil {
			continue
		}
		var in []string
		for n, en := range es {
			var arts []string
			cites := false
			for _, ct := range en.Citations {
				if !slices.Contains(arts, ct.Doc) {
					arts = append(arts, ct.Doc)
				}
				cites = cites || (ct.Doc == doc && d.SentenceAt(ct.Start) == sent)
			}
			if cites {
				in = append(in, fmt.Sprintf("#%d %s (%d articles)", n, interval(item{start: en.Start, end: en.End}), len(arts)))
			}
		}
		if len(in) == 0 {
			in = []string{"no entry"}
		}
		text := ""
		for _, s := range d.Sentences {
			if s.ID == sent {
				text = d.Text[s.Start:s.End]
			}
		}
		if len(text) > 90 {
			text = text[:90] + "…"
		}
		fmt.Fprintf(&b, "\n      %s [%s] %s", k, strings.Join(in, ", "), text)
	}
	return b.String()
}

// describe writes an item in one line: the place, the date, the sentence's
// start, and the dates the other side gives at that place.
func (c *Corpus) describe(it item, others []item) string {
	text := ""
	if d := c.Doc(it.doc); d != nil {
		for _, s := range d.Sentences {
			if s.ID == it.sent {
				text = d.Text[s.Start:s.End]
			}
		}
	}
	if len(text) > 90 {
		text = text[:90] + "…"
	}
	var there []string
	for _, o := range others {
		there = append(there, interval(o))
	}
	slices.Sort(there)
	other := "none"
	if len(there) > 0 {
		other = strings.Join(slices.Compact(there), ",")
	}
	return fmt.Sprintf("%s-%d %s [other side: %s] %s", it.doc, it.sent, interval(it), other, text)
}

func interval(it item) string {
	if it.start == it.end {
		return it.start.String()
	}
	return it.start.String() + ".." + it.end.String()
}
