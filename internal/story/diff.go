package story

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/timelined/timelined/internal/timeline"
)

// diff gives the entries of a new build their ids and returns the new
// chronology at version, the version's changes and the order of ids.
//
// An entry keeps the id of the previous entry it shares the most
// citations with (each previous id going to one new entry at most, the
// largest overlaps first); an entry that shares none keeps the id of a
// previous entry with the same date and summary that no other entry took;
// the rest get new ids, "e<version>-<n>". So an event keeps its id while
// articles join it, when its summary changes, and when two entries merge
// (the merged one keeps the id of the larger share).
func diff(old *Chronology, res *timeline.Result, version int64) (*Chronology, *Batch, Order) {
	// Previous entries by index; citations by the hash of their key (a
	// collision could only cost an id its stability), to keep a large
	// story's maps small.
	type oldRef struct {
		e          *Entry
		background bool
		taken      bool
	}
	olds := make([]oldRef, 0, len(old.Entries)+len(old.Background))
	index := make(map[string]int32, cap(olds))
	owner := make(map[uint64]int32)
	seed := maphash.MakeSeed()
	for bg, es := range [][]Entry{old.Entries, old.Background} {
		for i := range es {
			e := &es[i]
			index[e.ID] = int32(len(olds))
			for k := range e.Citations {
				owner[citationHash(seed, &e.Citations[k])] = int32(len(olds))
			}
			olds = append(olds, oldRef{e: e, background: bg == 1})
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

	// Shared citations, the largest shares first: (new j, old i) packed.
	counts := make(map[uint64]int32)
	for j, e := range all {
		for k := range e.Citations {
			if i, ok := owner[citationHash(seed, &e.Citations[k])]; ok {
				counts[uint64(j)<<32|uint64(i)]++
			}
		}
	}
	type share struct{ j, i, n int32 }
	shares := make([]share, 0, len(counts))
	for ji, n := range counts {
		shares = append(shares, share{int32(ji >> 32), int32(ji & 0xffffffff), n})
	}
	clear(counts)
	slices.SortFunc(shares, func(a, b share) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		if c := cmp.Compare(a.j, b.j); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	for _, s := range shares {
		if ids[s.j] == "" && !olds[s.i].taken {
			ids[s.j] = olds[s.i].e.ID
			olds[s.i].taken = true
		}
	}
	// The same date and summary.
	bySig := make(map[string][]int32)
	for i := range olds {
		if r := &olds[i]; !r.taken {
			sig := r.e.Value + "\x00" + r.e.Summary
			bySig[sig] = append(bySig[sig], int32(i))
		}
	}
	n := 0
	for j, e := range all {
		if ids[j] != "" {
			continue
		}
		sig := e.Value + "\x00" + e.Summary
		if c := bySig[sig]; len(c) > 0 {
			ids[j], bySig[sig] = olds[c[0]].e.ID, c[1:]
			olds[c[0]].taken = true
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
		i, ok := index[ne.ID]
		switch {
		case !ok:
			batch.Changes = append(batch.Changes, Change{Type: Added, Entry: ne, Background: bg})
		case olds[i].background != bg || !sameEntry(&olds[i].e.Entry, e):
			batch.Changes = append(batch.Changes, Change{Type: Changed, Entry: ne, Background: bg})
		}
	}
	for i := range olds {
		if r := &olds[i]; !r.taken {
			batch.Changes = append(batch.Changes, Change{Type: Removed, Entry: Entry{ID: r.e.ID}, Background: r.background})
		}
	}
	return chron, batch, order
}

// citationHash hashes what identifies a citation across builds: the
// article, the quote's place and the value it gives.
func citationHash(seed maphash.Seed, c *timeline.Citation) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(c.ArticleID)
	h.WriteByte(0)
	h.WriteString(c.Value)
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:], uint64(c.Start))
	binary.LittleEndian.PutUint64(b[8:], uint64(c.End))
	h.Write(b[:])
	return h.Sum64()
}

// sameEntry reports whether two entries are equal in every field.
func sameEntry(a, b *timeline.Entry) bool {
	if a.Value != b.Value || a.StartDate != b.StartDate || a.EndDate != b.EndDate || a.Summary != b.Summary ||
		a.Kind != b.Kind || a.Source != b.Source || !slices.Equal(a.Focus, b.Focus) || !slices.Equal(a.Citations, b.Citations) ||
		len(a.Conflicts) != len(b.Conflicts) {
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
