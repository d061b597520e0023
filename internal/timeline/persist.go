package timeline

import (
	"errors"
	"fmt"
)

// This file lets a Cache hand its analyses to a store and take them back
// (stories keep each article's analysis beside it, so that a restart or
// another replica only merges). The encoding is Analysis.MarshalBinary's.

// Encode returns the analysis the cache holds of a, encoded to be stored
// beside the article and given back to Restore, or nil when the cache does
// not hold it.
func (c *Cache) Encode(a *Article) []byte {
	if c == nil {
		return nil
	}
	an := c.peek(a)
	if an == nil {
		return nil
	}
	data, err := an.MarshalBinary()
	if err != nil {
		return nil
	}
	return data
}

// Restore puts the analysis of a that Encode returned into the cache, so
// that a later Build given a skips straight to merging. It returns an
// error, and changes nothing, when data is not such an analysis of a (of
// another AnalysisVersion: ErrAnalysisVersion).
func (c *Cache) Restore(a *Article, data []byte) error {
	if c == nil {
		return nil
	}
	var an Analysis
	if err := an.unmarshal(data, a); err != nil {
		return fmt.Errorf("restore analysis of article %q: %w", a.ID, err)
	}
	if an.Article.Text != a.Text || an.Article.Title != a.Title || an.Article.Published != a.Published {
		return fmt.Errorf("restore analysis of article %q: %w", a.ID, errOtherArticle)
	}
	c.put(an.as(a))
	return nil
}

// errOtherArticle: the analysis given to Restore is of another text.
var errOtherArticle = errors.New("the analysis is of another text")

// Forget drops the analysis of a from the cache, if it holds one: a story
// whose article was corrected or removed no longer needs it.
func (c *Cache) Forget(a *Article) {
	if c == nil {
		return
	}
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[k]; ok {
		c.remove(e)
	}
}

// peek returns the analysis of a the cache holds, or nil, without counting
// a hit or a miss or moving it in the eviction order.
func (c *Cache) peek(a *Article) *Analysis {
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[k]
	if !ok {
		return nil
	}
	an := e.Value.(*cacheEntry).an
	if an.Article.Text != a.Text || an.Article.Title != a.Title || an.Article.Published != a.Published {
		return nil
	}
	return an
}
