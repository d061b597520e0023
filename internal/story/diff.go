package story

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/timelined/timelined/internal/halves"
	"github.com/timelined/timelined/internal/timeline"
)

// share is a citation count shared by the new entry j and the previous
// entry i.
type share struct{ j, i, n int32 }

// diffBase is what diff needs of the previous chronology: its entries in
// one list, entries then background, and the entry that holds each
// citation, by the hash of the citation's key (a collision could only
// cost an id its stability), to keep a large story's maps small. It reads
// only the previous chronology, so a write makes it while the new one is
// built (see apply).
type diffBase struct {
	olds  []oldRef
	owner map[uint64]int32
	seed  maphash.Seed
}

// oldRef is an entry of the previous chronology.
type oldRef struct {
	e          *Entry
	background bool
	taken      bool
}

// newDiffBase returns the diffBase of the chronology old.
func newDiffBase(old *Chronology) *diffBase {
	b := &diffBase{olds: make([]oldRef, 0, len(old.Entries)+len(old.Background)), seed: maphash.MakeSeed()}
	n := 0
	for _, es := range [][]Entry{old.Entries, old.Background} {
		for i := range es {
			n += len(es[i].Citations)
		}
	}
	b.owner = make(map[uint64]int32, n)
	for bg, es := range [][]Entry{old.Entries, old.Background} {
		for i := range es {
			e := &es[i]
			for k := range e.Citations {
				b.owner[citationHash(b.seed, &e.Citations[k])] = int32(len(b.olds))
			}
			b.olds = append(b.olds, oldRef{e: e, background: bg == 1})
		}
	}
	return b
}

// diff gives the entries of a new build their ids and returns the new
// chronology at version, the version's changes and the order of ids;
// base is the previous chronology's diffBase, which diff spends.
//
// An entry keeps the id of the previous entry it shares the most
// citations with (each previous id going to one new entry at most, the
// largest overlaps first); an entry that shares none keeps the id of a
// previous entry with the same date and summary that no other entry took;
// the rest get new ids, "e<version>-<n>". So an event keeps its id while
// articles join it, when its summary changes, and when two entries merge
// (the merged one keeps the id of the larger share).
func diff(base *diffBase, res *timeline.Result, version int64) (*Chronology, *Batch, Order) {
	olds := base.olds
	all := make([]*timeline.Entry, 0, len(res.Entries)+len(res.Background))
	for i := range res.Entries {
		all = append(all, &res.Entries[i])
	}
	for i := range res.Background {
		all = append(all, &res.Background[i])
	}
	// from[j] is the previous entry whose id the new entry j keeps, or -1.
	// A fresh id names no previous entry: it carries the new version.
	from := make([]int32, len(all))

	// Shared citations: each new entry's previous owners counted, in the
	// order of new then previous entry, then ordered by count, largest
	// first, keeping that order within a count: the order of (count
	// descending, new entry, previous entry) that the first share of a
	// pair wins by. The halves of the new entries are counted at once.
	var parts [2][]share
	halves.Run(len(all), func(half, lo, hi int) {
		var owners []int32
		for j := lo; j < hi; j++ {
			from[j] = -1
			owners = owners[:0]
			for k := range all[j].Citations {
				if i, ok := base.owner[citationHash(base.seed, &all[j].Citations[k])]; ok {
					owners = append(owners, i)
				}
			}
			slices.Sort(owners)
			for a := 0; a < len(owners); {
				b := a + 1
				for b < len(owners) && owners[b] == owners[a] {
					b++
				}
				parts[half] = append(parts[half], share{int32(j), owners[a], int32(b - a)})
				a = b
			}
		}
	})
	base.owner = nil
	shares := append(parts[0], parts[1]...)
	most := int32(0)
	for _, s := range shares {
		most = max(most, s.n)
	}
	// A counting sort by count, descending; stable.
	at := make([]int, most+2)
	for _, s := range shares {
		at[most-s.n+1]++
	}
	for n := 1; n < len(at); n++ {
		at[n] += at[n-1]
	}
	sorted := make([]share, len(shares))
	for _, s := range shares {
		sorted[at[most-s.n]] = s
		at[most-s.n]++
	}
	for _, s := range sorted {
		if from[s.j] < 0 && !olds[s.i].taken {
			from[s.j] = s.i
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
	ids := make([]string, len(all))
	n := 0
	for j, e := range all {
		if from[j] >= 0 {
			ids[j] = olds[from[j]].e.ID
			continue
		}
		if len(bySig) > 0 {
			sig := e.Value + "\x00" + e.Summary
			if c := bySig[sig]; len(c) > 0 {
				from[j], bySig[sig] = c[0], c[1:]
				ids[j] = olds[c[0]].e.ID
				olds[c[0]].taken = true
				continue
			}
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
	// The halves of the new entries at once, each with its changes.
	var changes [2][]Change
	halves.Run(len(all), func(half, lo, hi int) {
		for j := lo; j < hi; j++ {
			e := all[j]
			ne := Entry{ID: ids[j], Entry: *e}
			bg := j >= len(res.Entries)
			if bg {
				chron.Background[j-len(res.Entries)] = ne
				order.Background[j-len(res.Entries)] = ne.ID
			} else {
				chron.Entries[j] = ne
				order.Entries[j] = ne.ID
			}
			i := from[j]
			switch {
			case i < 0:
				changes[half] = append(changes[half], Change{Type: Added, Entry: ne, Background: bg})
			case olds[i].background != bg || !sameEntry(&olds[i].e.Entry, e):
				changes[half] = append(changes[half], Change{Type: Changed, Entry: ne, Background: bg})
			}
		}
	})
	batch.Changes = append(changes[0], changes[1]...)
	for i := range olds {
		if r := &olds[i]; !r.taken {
			batch.Changes = append(batch.Changes, Change{Type: Removed, Entry: Entry{ID: r.e.ID}, Background: r.background})
		}
	}
	return chron, batch, order
}

// citationHash hashes what identifies a citation across builds: the
// article, the quote's place and the value it gives. (One maphash.Bytes
// of the key laid out in a buffer: a third of the time of a maphash.Hash
// written field by field.)
func citationHash(seed maphash.Seed, c *timeline.Citation) uint64 {
	var b [96]byte
	k := append(b[:0], c.ArticleID...)
	k = append(k, 0)
	k = append(k, c.Value...)
	k = binary.LittleEndian.AppendUint64(k, uint64(c.Start))
	k = binary.LittleEndian.AppendUint64(k, uint64(c.End))
	return maphash.Bytes(seed, k)
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
