package story

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/timelined/timelined/internal/timeline"
)

// citationKey identifies a citation across builds: the article, the
// quote's place and the value it gives.
type citationKey struct {
	article    string
	start, end int
	value      string
}

func keyOf(c *timeline.Citation) citationKey {
	return citationKey{c.ArticleID, c.Start, c.End, c.Value}
}

// diff gives the entries of a new build their ids and returns the new
// chronology at version, the version's changes, the entries added or
// changed, the ids removed and the order of ids.
//
// An entry keeps the id of the previous entry it shares the most
// citations with (each previous id going to one new entry at most, the
// largest overlaps first); an entry that shares none keeps the id of a
// previous entry with the same date and summary that no other entry took;
// the rest get new ids, "e<version>-<n>". So an event keeps its id while
// articles join it, when its summary changes, and when two entries merge
// (the merged one keeps the id of the larger share).
func diff(old *Chronology, res *timeline.Result, version int64) (*Chronology, *Batch, []Entry, []string, Order) {
	type oldRef struct {
		e          *Entry
		background bool
		taken      bool
	}
	olds := make(map[string]*oldRef, len(old.Entries)+len(old.Background))
	owner := make(map[citationKey]string)
	var oldOrder []string
	for bg, es := range [][]Entry{old.Entries, old.Background} {
		for i := range es {
			e := &es[i]
			olds[e.ID] = &oldRef{e: e, background: bg == 1}
			oldOrder = append(oldOrder, e.ID)
			for k := range e.Citations {
				owner[keyOf(&e.Citations[k])] = e.ID
			}
		}
	}
	all := make([]*timeline.Entry, 0, len(res.Entries)+len(res.Background))
	for i := range res.Entries {
		all = append(all, &res.Entries[i])
	}
	for i := range res.Background {
		all = append(all, &res.Background[i])
	}
	ids := make([]string, len(all))

	// Shared citations, the largest shares first.
	type share struct {
		j  int
		id string
		n  int
	}
	counts := make(map[share]int)
	for j, e := range all {
		for k := range e.Citations {
			if id, ok := owner[keyOf(&e.Citations[k])]; ok {
				counts[share{j: j, id: id}]++
			}
		}
	}
	shares := make([]share, 0, len(counts))
	for s, n := range counts {
		shares = append(shares, share{s.j, s.id, n})
	}
	slices.SortFunc(shares, func(a, b share) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		if c := cmp.Compare(a.j, b.j); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for _, s := range shares {
		if ids[s.j] == "" && !olds[s.id].taken {
			ids[s.j] = s.id
			olds[s.id].taken = true
		}
	}
	// The same date and summary.
	bySig := make(map[string][]string)
	for _, id := range oldOrder {
		if r := olds[id]; !r.taken {
			sig := r.e.Value + "\x00" + r.e.Summary
			bySig[sig] = append(bySig[sig], id)
		}
	}
	n := 0
	for j, e := range all {
		if ids[j] != "" {
			continue
		}
		sig := e.Value + "\x00" + e.Summary
		if c := bySig[sig]; len(c) > 0 {
			ids[j], bySig[sig] = c[0], c[1:]
			olds[ids[j]].taken = true
			continue
		}
		ids[j] = fmt.Sprintf("e%d-%d", version, n)
		n++
	}

	chron := &Chronology{Version: version, Articles: res.Articles, WindowStart: res.WindowStart, WindowEnd: res.WindowEnd}
	if len(res.Entries) > 0 {
		chron.Entries = make([]Entry, len(res.Entries))
	}
	if len(res.Background) > 0 {
		chron.Background = make([]Entry, len(res.Background))
	}
	batch := &Batch{Version: version, WindowStart: res.WindowStart, WindowEnd: res.WindowEnd}
	var put []Entry
	order := Order{Entries: make([]string, len(res.Entries)), Background: make([]string, len(res.Background))}
	for j, e := range all {
		ne := Entry{ID: ids[j], Entry: *e}
		bg := j >= len(res.Entries)
		if bg {
			chron.Background[j-len(res.Entries)] = ne
			order.Background[j-len(res.Entries)] = ne.ID
		} else {
			chron.Entries[j] = ne
			order.Entries[j] = ne.ID
		}
		r, ok := olds[ne.ID]
		switch {
		case !ok:
			batch.Changes = append(batch.Changes, Change{Type: Added, Entry: ne, Background: bg})
		case r.background != bg || !sameEntry(&r.e.Entry, e):
			batch.Changes = append(batch.Changes, Change{Type: Changed, Entry: ne, Background: bg})
		default:
			continue
		}
		put = append(put, ne)
	}
	var removed []string
	for _, id := range oldOrder {
		if r := olds[id]; !r.taken {
			removed = append(removed, id)
			batch.Changes = append(batch.Changes, Change{Type: Removed, Entry: Entry{ID: id}, Background: r.background})
		}
	}
	return chron, batch, put, removed, order
}

// sameEntry reports whether two entries are equal in every field.
func sameEntry(a, b *timeline.Entry) bool {
	if a.Value != b.Value || a.StartDate != b.StartDate || a.EndDate != b.EndDate || a.Summary != b.Summary ||
		a.Kind != b.Kind || !slices.Equal(a.Citations, b.Citations) || len(a.Conflicts) != len(b.Conflicts) {
		return false
	}
	for i := range a.Conflicts {
		x, y := &a.Conflicts[i], &b.Conflicts[i]
		if x.Value != y.Value || x.Note != y.Note || !slices.Equal(x.ArticleIDs, y.ArticleIDs) || !slices.Equal(x.Expressions, y.Expressions) {
			return false
		}
	}
	return true
}
