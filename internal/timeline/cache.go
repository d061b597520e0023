package timeline

import (
	"container/list"
	"hash/maphash"
	"sync"
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
	byKey   map[uint64]*list.Element // of *cacheEntry
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

// entry is one cached analysis, filed under the hash of its article.
type cacheEntry struct {
	key  uint64
	an   *Analysis
	size int64
}

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
func (c *Cache) get(a *Article) *Analysis {
	if c == nil {
		return nil
	}
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[k]; ok {
		an := e.Value.(*cacheEntry).an
		// Compare, not trust the hash: a collision must not cite another text.
		if an.Article.Text == a.Text && an.Article.Title == a.Title && an.Article.Published == a.Published {
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
func (c *Cache) put(an *Analysis) {
	if c == nil {
		return
	}
	ce := &cacheEntry{key: c.key(&an.Article), an: an, size: an.size()}
	if ce.size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[ce.key]; ok {
		c.remove(e)
	}
	c.byKey[ce.key] = c.lru.PushFront(ce)
	c.bytes += ce.size
	for c.bytes > c.maxBytes {
		c.remove(c.lru.Back())
		c.evicted++
	}
}

func (c *Cache) remove(e *list.Element) {
	ce := c.lru.Remove(e).(*cacheEntry)
	delete(c.byKey, ce.key)
	c.bytes -= ce.size
}
