package timeline

import (
	"container/list"
	"hash/maphash"
	"sync"
	"unsafe"

	"github.com/timelined/timelined/internal/dates"
)

// Cache keeps the analysis of recently built articles (their dated events,
// names and publication evidence) so that a later Build given the same
// article again skips cleaning, splitting and date resolution, which are
// four fifths of its cost. A service rebuilding a developing story as
// articles arrive sends most of them again each time.
//
// An article is the same when its title, text and given publication date
// are; its id and position in the request may differ. The cache holds at
// most its byte budget, counting each article's text and analysis, and
// evicts the least recently used articles beyond it. It is safe for
// concurrent use; the zero Cache is not usable, call NewCache.
type Cache struct {
	seed     maphash.Seed
	maxBytes int64

	mu      sync.Mutex
	byKey   map[uint64]*list.Element // of *analysis
	lru     list.List                // front is most recently used
	bytes   int64
	hits    uint64
	misses  uint64
	evicted uint64
}

// CacheStats are a Cache's counters.
type CacheStats struct {
	Hits, Misses, Evictions uint64
	Articles                int   // articles held
	Bytes                   int64 // their estimated size
}

// NewCache returns a cache that holds at most maxBytes of articles and
// their analysis. maxBytes <= 0 gives nil, which Build takes as no cache.
func NewCache(maxBytes int64) *Cache {
	if maxBytes <= 0 {
		return nil
	}
	return &Cache{seed: maphash.MakeSeed(), maxBytes: maxBytes, byKey: make(map[uint64]*list.Element)}
}

// Stats returns the cache's counters; a nil cache has none.
func (c *Cache) Stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits, Misses: c.misses, Evictions: c.evicted, Articles: c.lru.Len(), Bytes: c.bytes}
}

// analysis is what Build learns from one article alone. It is never
// changed once cached: users copy what they change (see appendEvents).
type analysis struct {
	key         uint64
	title, text string
	published   dates.Date
	ev          evidence // publication evidence; only when published is zero
	// ref is the publication date the events were dated against (given or
	// inferred; an inferred one can depend on the other articles).
	ref   dates.Date
	cands []candidate // article index 0 and no article id: see appendEvents
	ntok  int         // tokens and core tokens of cands
	names []uint64
	size  int64
}

// AnalysisVersion names the rules an article's analysis was made with:
// sentence splitting, dating (expressions, context, publication day),
// tense, word lists, stop words and stemmer. It changes whenever any of
// them changes, so that an analysis kept from an older version (by the
// cache, or by a store of stories) is made again rather than merged with
// newer ones.
const AnalysisVersion = 2

// key hashes what makes two articles the same.
func (c *Cache) key(a *Article) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	h.WriteByte(AnalysisVersion)
	h.WriteString(a.Title)
	h.WriteByte(0)
	h.WriteString(a.Text)
	h.WriteByte(0)
	h.WriteString(a.Published.String())
	return h.Sum64()
}

// get returns the analysis of a, or nil.
func (c *Cache) get(a *Article) *analysis {
	if c == nil {
		return nil
	}
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[k]; ok {
		an := e.Value.(*analysis)
		// Compare, not trust the hash: a collision must not cite another text.
		if an.text == a.Text && an.title == a.Title && an.published == a.Published {
			c.lru.MoveToFront(e)
			c.hits++
			return an
		}
	}
	c.misses++
	return nil
}

// put stores an, replacing any analysis of the same article, and evicts
// the least recently used articles over the budget. An article larger than
// the whole budget is not kept.
func (c *Cache) put(an *analysis) {
	if c == nil || an.size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[an.key]; ok {
		c.remove(e)
	}
	c.byKey[an.key] = c.lru.PushFront(an)
	c.bytes += an.size
	for c.bytes > c.maxBytes {
		c.remove(c.lru.Back())
		c.evicted++
	}
}

func (c *Cache) remove(e *list.Element) {
	an := c.lru.Remove(e).(*analysis)
	delete(c.byKey, an.key)
	c.bytes -= an.size
}

// newAnalysis records the analysis of article a dated against ref. It
// takes d's events as they are: the build that made them copies them out
// with appendEvents, like every later one.
func newAnalysis(c *Cache, a *Article, d *doc, ref dates.Date) *analysis {
	an := &analysis{
		key: c.key(a), title: a.Title, text: a.Text, published: a.Published,
		ev: d.ev, ref: ref, names: d.names,
		cands: make([]candidate, len(d.cands)),
	}
	size := int64(len(a.Title)+len(a.Text)+len(d.names)*8) + int64(unsafe.Sizeof(*an))
	for i, cd := range d.cands {
		cd.article, cd.cit.ArticleID = 0, ""
		an.cands[i] = cd
		an.ntok += len(cd.tokens) + len(cd.core)
		size += int64(unsafe.Sizeof(cd)) + int64(len(cd.summary)) +
			int64(len(cd.tokens)+len(cd.core)+len(cd.head))*int64(unsafe.Sizeof(token{})) +
			int64(len(cd.subject)+len(cd.names))*8 + int64(len(cd.alts))*int64(unsafe.Sizeof(dates.Date{}))
	}
	size += int64(len(d.ev.explicit)) * int64(unsafe.Sizeof(datedText{}))
	size += int64(len(d.ev.monthDays)) * int64(unsafe.Sizeof(monthDay{}))
	an.size = size
	return an
}

// appendEvents appends the cached events to cands as article idx of a
// Build, with id. What weigh changes (the token weights) is copied into
// arena, which must have room for ntok more tokens; the rest is shared.
func (an *analysis) appendEvents(cands []candidate, arena []token, idx int, id string) ([]candidate, []token) {
	for _, cd := range an.cands {
		cd.article, cd.cit.ArticleID = idx, id
		cd.tokens, arena = carve(arena, cd.tokens)
		cd.core, arena = carve(arena, cd.core)
		cands = append(cands, cd)
	}
	return cands, arena
}

// carve copies src to the end of arena, within its capacity, and returns
// the copy (nil for nil) and the grown arena.
func carve(arena, src []token) ([]token, []token) {
	if src == nil {
		return nil, arena
	}
	n := len(arena)
	arena = append(arena, src...)
	return arena[n:len(arena):len(arena)], arena
}
