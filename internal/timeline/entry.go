package timeline

import (
	"fmt"
	"slices"
	"strings"
)

// entry turns a cluster into an Entry: the value most sources agree on,
// every citation once, and the differing dates as conflicts. s is a zeroed
// scatter, left zeroed. The citations are carved from *cits, which must
// have room for one per member: one allocation for all entries.
func (k *cluster) entry(s scatter, cits *[]Citation, focus []string, ans []*Analysis) Entry {
	// Support for each value: distinct articles, then finer, then earlier.
	// A cluster has few values: a slice, not a map.
	type support struct {
		c        *candidate // the first report of the value
		articles []int      // distinct
		weight   int
	}
	var buf [4]support
	values := buf[:0] // in order of first report
	for _, c := range k.members {
		if c.weak && (k.strong && !k.refines(c) || !k.strong && c.cit.Source == FromPublication && k.contextDated()) {
			// An undated report placed on a dated event gives no date of
			// its own: "on or before" its day, or the day its article's
			// news was dated, is no disagreement. One dated by the
			// sentence before it gives the finer date a coarser
			// expression ("in 2010") contains.
			continue
		}
		i := slices.IndexFunc(values, func(s support) bool { return s.c.cit.Value == c.cit.Value })
		if i < 0 {
			values = append(values, support{c: c})
			i = len(values) - 1
		}
		if !slices.Contains(values[i].articles, c.article) {
			values[i].articles = append(values[i].articles, c.article)
		}
	}
	// A value's weight counts the articles of every value it is compatible
	// with at a coarser granularity: "March 17" is supported by "last week".
	for i := range values {
		s := values[i].c
		for _, o := range values {
			if contains(o.c.start, o.c.end, s.start, s.end) {
				values[i].weight += len(o.articles)
			}
		}
	}
	slices.SortStableFunc(values, func(a, b support) int {
		if a.weight != b.weight {
			return b.weight - a.weight
		}
		if na, nb := len(a.articles), len(b.articles); na != nb {
			return nb - na
		}
		if a.c.days != b.c.days {
			return a.c.days - b.c.days
		}
		return a.c.start.Compare(b.c.start)
	})
	chosen := values[0].c
	e := Entry{Value: chosen.cit.Value, StartDate: chosen.start, EndDate: chosen.end, Kind: k.kind}
	for _, c := range k.members {
		if c.cit.Value == e.Value && (e.Source == 0 || c.cit.Source < e.Source) {
			e.Source = c.cit.Source
		}
	}

	// Conflicts: values neither containing nor contained in the chosen one.
	for _, sv := range values[1:] {
		o, v := sv.c, sv.c.cit.Value
		if contains(o.start, o.end, e.StartDate, e.EndDate) || contains(e.StartDate, e.EndDate, o.start, o.end) {
			continue
		}
		cf := Conflict{Value: v}
		for _, c := range k.members {
			if id := ans[c.article].Article.ID; c.cit.Value == v && !slices.Contains(cf.ArticleIDs, id) {
				cf.ArticleIDs = append(cf.ArticleIDs, id)
				cf.Expressions = append(cf.Expressions, c.cit.Expression)
			}
		}
		var agree []string
		for _, c := range k.members {
			if id := ans[c.article].Article.ID; c.cit.Value == e.Value && !slices.Contains(agree, id) {
				agree = append(agree, id)
			}
		}
		cf.Note = fmt.Sprintf("dated %s by %s; %s by %s",
			v, strings.Join(cf.ArticleIDs, ", "), e.Value, strings.Join(agree, ", "))
		e.Conflicts = append(e.Conflicts, cf)
	}

	// Citations in article order, one per quoted sentence. (Nothing after
	// this needs the members in order of arrival.)
	members := k.members
	if cap(*cits) < len(members) {
		*cits = make([]Citation, len(members))
	}
	e.Citations = (*cits)[:0:len(members)]
	slices.SortStableFunc(members, func(a, b *candidate) int {
		if a.article != b.article {
			return a.article - b.article
		}
		return a.cit.Start - b.cit.Start
	})
	for i, c := range members {
		if i > 0 && members[i-1].article == c.article && members[i-1].cit.Start == c.cit.Start {
			continue
		}
		// The events of an analysis name no article: a cached one serves
		// articles of several ids.
		e.Citations = append(e.Citations, c.cit)
		e.Citations[len(e.Citations)-1].ArticleID = ans[c.article].Article.ID
	}
	n := len(e.Citations)
	e.Citations = e.Citations[:n:n] // an append must not run into the next entry's
	*cits = (*cits)[n:]
	e.Summary = k.bestSummary(e.Value, s, ans)
	var involved uint64
	for _, c := range k.members {
		involved |= c.focus
	}
	for i, name := range focus {
		if involved&(1<<i) != 0 {
			e.Focus = append(e.Focus, name)
		}
	}
	return e
}

// refines reports whether the undated report c, a member of k, is dated
// by the sentence before it to a day inside the date an expression of
// another member gives, and finer.
func (k *cluster) refines(c *candidate) bool {
	if c.cit.Source != FromContext {
		return false
	}
	for _, m := range k.members {
		if !m.weak && m.days > c.days && contains(m.start, m.end, c.start, c.end) {
			return true
		}
	}
	return false
}

// bestSummary picks the summary of the member that best represents the
// cluster: told outside a caption, at the entry's value (a "last week"
// wording misleads on a dated entry), closest to the other wordings,
// earliest in its article, then shortest.
func (k *cluster) bestSummary(value string, s scatter, ans []*Analysis) string {
	// Each pair once: a wording's likeness to the others, summed in the
	// order of the exemplars.
	ex := k.exemplars
	var likeness [maxExemplars]float32
	for i := 0; i+1 < len(ex); i++ {
		s.load(ex[i])
		for j := i + 1; j < len(ex); j++ {
			v := s.cosine(ex[i].norm, ex[j])
			likeness[i] += v
			likeness[j] += v
		}
		s.unload(ex[i])
	}
	var best *candidate
	var bestSummary string
	var bestScore float32 = -1
	for i, c := range ex {
		summary, words := c.summaryIn(ans[c.article])
		score := likeness[i]
		if !c.cit.Caption {
			score += 10
		}
		if c.cit.Value == value {
			score += 5
		}
		if c.weak {
			score -= 0.5 // an undated sentence is a weaker description of the day
		}
		if words < 6 {
			score -= 1
		}
		if best == nil || score > bestScore+1e-6 ||
			(score > bestScore-1e-6 && (c.leadOrder < best.leadOrder ||
				(c.leadOrder == best.leadOrder && len(summary) < len(bestSummary)))) {
			best, bestSummary, bestScore = c, summary, score
		}
	}
	return bestSummary
}

// captionOnly reports whether every report of the cluster is a photo caption.
func (k *cluster) captionOnly() bool {
	for _, c := range k.members {
		if !c.cit.Caption {
			return false
		}
	}
	return true
}

// disjointNames reports whether both lists name someone and share no name.
func disjointNames(a, b []uint64) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}
