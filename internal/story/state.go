package story

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/timelined/timelined/internal/timeline"
)

// maxAttempts bounds the retries of a write that lost a race with another
// replica (ErrConflict).
const maxAttempts = 8

// state is what the service keeps of one story between calls.
type state struct {
	id string
	// mu is held by the story's writer; d and its contents are guarded
	// by it.
	mu sync.Mutex
	d  *loaded
	// current is d's chronology, for readers that must not wait for a
	// writer; nil when unloaded.
	current atomic.Pointer[Chronology]
	// bytes estimates d's memory; 0 when unloaded.
	bytes atomic.Int64
	used  int64 // the Service's write clock at the last write; guarded by Service.mu
}

// loaded is a story in memory: its articles in order, each one's
// analysis in a cache of its own, and its chronology with the entries'
// ids. A write to a loaded story only merges.
type loaded struct {
	story    Story
	articles []timeline.Article
	meta     []articleMeta // beside articles
	index    map[string]int
	cache    *timeline.Cache
	chron    *Chronology
	nextSeq  int64
	// unstored holds the articles whose stored analysis was missing or
	// of another version: the next commit stores the new one.
	unstored map[string]bool
}

type articleMeta struct {
	seq      int64
	hash, tz string
}

// textBytes is the article text d holds: its titles and texts.
func (d *loaded) textBytes() int64 {
	var n int64
	for i := range d.articles {
		n += int64(len(d.articles[i].Title) + len(d.articles[i].Text))
	}
	return n
}

// textBytesAfter is d's article text once puts are applied.
func (d *loaded) textBytesAfter(puts []put) int64 {
	n := d.textBytes()
	for _, p := range puts {
		if k, ok := d.index[p.article.ID]; ok {
			n -= int64(len(d.articles[k].Title) + len(d.articles[k].Text))
		}
		n += int64(len(p.article.Title) + len(p.article.Text))
	}
	return n
}

// put is an article to add or replace, with its analysis when known.
type put struct {
	article  Article
	hash     string
	analysis []byte
}

// edit is what a write changes.
type edit struct {
	story    Story // the metadata after it, version aside
	setTitle bool  // the title changes
	rebuild  bool  // the chronology is rebuilt (a new version)
	put      []put
	remove   []string
}

// unload drops the loaded story; st.mu must be held.
func (st *state) unload() {
	st.d = nil
	st.current.Store(nil)
	st.bytes.Store(0)
}

// state returns the state of story id, made on first use.
func (s *Service) state(id string) *state {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.states[id]
	if !ok {
		st = &state{id: id}
		s.states[id] = st
	}
	return st
}

// peek returns the state of story id, or nil.
func (s *Service) peek(id string) *state {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.states[id]
}

// drop forgets st when it is still the state of its story and unloaded.
func (s *Service) drop(st *state) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.states[st.id] == st && st.bytes.Load() == 0 && st.current.Load() == nil {
		delete(s.states, st.id)
	}
}

// ensure returns the story loaded at its stored version, loading it when
// it is not loaded or another replica changed it. st.mu must be held.
func (s *Service) ensure(ctx context.Context, st *state) (*loaded, error) {
	story, err := s.store.GetStory(ctx, st.id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			st.unload()
		}
		return nil, err
	}
	if d := st.d; d != nil && d.story.Version == story.Version && d.story.CreateTime.Equal(story.CreateTime) {
		d.story = story // the title may have changed
		return d, nil
	}
	snap, err := s.store.Load(ctx, st.id)
	if err != nil {
		return nil, err
	}
	// The chronology is copied out of the snapshot: a pointer into it
	// would keep the whole snapshot, every stored analysis's bytes with
	// it, alive as long as the story is loaded.
	chron := snap.Chronology
	d := &loaded{
		story: snap.Story, articles: make([]timeline.Article, len(snap.Articles)), meta: make([]articleMeta, len(snap.Articles)),
		index: make(map[string]int, len(snap.Articles)), cache: timeline.NewCache(1 << 62), chron: &chron,
	}
	for i := range snap.Articles {
		a := &snap.Articles[i]
		d.articles[i] = a.Article.Article
		d.meta[i] = articleMeta{seq: a.Seq, hash: a.Hash, tz: a.TimeZone}
		d.index[a.ID] = i
		d.nextSeq = max(d.nextSeq, a.Seq+1)
		restored := false
		if a.AnalysisVersion == timeline.AnalysisVersion && a.Analysis != nil {
			if err := d.cache.Restore(&d.articles[i], a.Analysis); err != nil {
				s.log.Warn("stored analysis unusable; analysing the article anew", "story", st.id, "article", a.ID, "err", err)
			} else {
				restored = true
				s.stats.restored.Add(1)
			}
		}
		if !restored {
			if d.unstored == nil {
				d.unstored = make(map[string]bool)
			}
			d.unstored[a.ID] = true
		}
	}
	st.d = d
	st.current.Store(d.chron)
	st.bytes.Store(d.size())
	return d, nil
}

// size estimates the memory of a loaded story.
func (d *loaded) size() int64 {
	n := d.cache.Stats().Bytes
	for _, es := range [][]Entry{d.chron.Entries, d.chron.Background} {
		for i := range es {
			n += 200 + int64(len(es[i].Citations))*120 + int64(len(es[i].Summary))
		}
	}
	return n + int64(len(d.articles))*160
}

// write runs one write to story id: plan decides the edit from the story
// as loaded (nil: nothing to do), and done receives the story after a
// successful commit. A write that loses a race with another replica is
// planned again on the story as it now is.
func (s *Service) write(ctx context.Context, id string, plan func(d *loaded) (*edit, error), done func(Story)) error {
	st := s.state(id)
	for attempt := 1; ; attempt++ {
		st.mu.Lock()
		err := s.writeLocked(ctx, st, plan, done)
		st.mu.Unlock()
		switch {
		case errors.Is(err, ErrConflict) && attempt < maxAttempts:
			continue
		case errors.Is(err, ErrNotFound):
			s.drop(st)
		case err == nil:
			s.trim(st)
		}
		return err
	}
}

func (s *Service) writeLocked(ctx context.Context, st *state, plan func(d *loaded) (*edit, error), done func(Story)) error {
	d, err := s.ensure(ctx, st)
	if err != nil {
		return err
	}
	e, err := plan(d)
	if err != nil || e == nil {
		return err
	}
	// From here d changes in place; on failure it is unloaded, and the
	// next write loads the story as stored.
	c, forget, err := s.apply(ctx, d, e)
	if err == nil {
		err = s.store.Commit(ctx, &c.Commit)
	}
	if err != nil {
		st.unload()
		return err
	}
	for i := range forget {
		d.cache.Forget(&forget[i])
	}
	d.story = c.Story
	d.unstored = nil
	if c.Batch != nil {
		d.chron = c.chronology
	}
	st.current.Store(d.chron)
	st.bytes.Store(d.size())
	if c.Batch != nil {
		s.hub.publish(st.id)
	}
	done(c.Story)
	return nil
}

// commit is a Commit with the chronology it makes current.
type commit struct {
	Commit
	chronology *Chronology
}

// apply changes d's articles as e says, rebuilds the chronology when e
// asks, and returns the commit and the article versions whose analyses
// the cache no longer needs once it succeeds.
func (s *Service) apply(ctx context.Context, d *loaded, e *edit) (*commit, []timeline.Article, error) {
	version := d.story.Version
	next := e.story
	next.UpdateTime = s.stamp()
	c := &commit{Commit: Commit{Base: version, Story: next, SetTitle: e.setTitle, KeepVersions: s.limits.KeepVersions}}
	if !e.rebuild {
		return c, nil, nil
	}
	var forget []timeline.Article
	putAt := make(map[string]int, len(e.put))
	for _, p := range e.put {
		a := p.article
		if k, ok := d.index[a.ID]; ok {
			forget = append(forget, d.articles[k])
			d.articles[k] = a.Article
			d.meta[k] = articleMeta{seq: d.meta[k].seq, hash: p.hash, tz: a.TimeZone}
		} else {
			d.index[a.ID] = len(d.articles)
			d.articles = append(d.articles, a.Article)
			d.meta = append(d.meta, articleMeta{seq: d.nextSeq, hash: p.hash, tz: a.TimeZone})
			d.nextSeq++
		}
		putAt[a.ID] = d.index[a.ID]
		if p.analysis != nil {
			if err := d.cache.Restore(&a.Article, p.analysis); err != nil {
				return nil, nil, err // a bug: the analysis was just made
			}
		}
	}
	if len(e.remove) > 0 {
		gone := make(map[string]bool, len(e.remove))
		for _, id := range e.remove {
			gone[id] = true
		}
		n := 0
		for i := range d.articles {
			if gone[d.articles[i].ID] {
				forget = append(forget, d.articles[i])
				continue
			}
			d.articles[n], d.meta[n] = d.articles[i], d.meta[i]
			n++
		}
		clear(d.articles[n:])
		d.articles, d.meta = d.articles[:n], d.meta[:n]
		clear(d.index)
		for i := range d.articles {
			d.index[d.articles[i].ID] = i
		}
		c.RemoveArticles = e.remove
	}
	// What diff needs of the previous chronology is made on another core
	// while the merge, one goroutine, runs.
	based := make(chan *diffBase, 1)
	go func() { based <- newDiffBase(d.chron) }()
	misses := d.cache.Stats().Misses
	res, err := timeline.Build(ctx, d.articles, buildOptions(&next, d.cache))
	base := <-based
	// The articles put were restored from their analysis just now: any
	// miss is an article analysed again.
	s.stats.reanalysed.Add(int64(d.cache.Stats().Misses - misses))
	if err != nil {
		return nil, nil, fmt.Errorf("build the chronology of stories/%s: %w", d.story.ID, err)
	}
	c.Story.Version = version + 1
	c.Story.ArticleCount = len(d.articles)
	c.chronology, c.Batch, c.Order = diff(base, res, version+1)
	c.WindowStart, c.WindowEnd = res.WindowStart, res.WindowEnd
	c.chronology.Info = make([]ArticleInfo, len(d.articles))
	for i := range d.articles {
		a := &d.articles[i]
		c.chronology.Info[i] = ArticleInfo{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL}
	}
	c.Batch.ArticleCount = len(d.articles)

	// The articles put, and those whose stored analysis is to be replaced,
	// with the analysis this build used; the publication dates that moved.
	pubs := make(map[string]timeline.Publication, len(res.Articles))
	for _, p := range res.Articles {
		pubs[p.ArticleID] = p
	}
	for id := range d.unstored {
		if _, ok := putAt[id]; !ok {
			if k, ok := d.index[id]; ok {
				putAt[id] = k
			}
		}
	}
	for id, k := range putAt {
		if d.index[id] != k {
			continue // put, then removed? not in one edit; kept for safety
		}
		a := &d.articles[k]
		c.PutArticles = append(c.PutArticles, StoredArticle{
			Article: Article{Article: *a, TimeZone: d.meta[k].tz}, Seq: d.meta[k].seq, Hash: d.meta[k].hash,
			Analysis: d.cache.Encode(a), AnalysisVersion: timeline.AnalysisVersion, Publication: pubs[id],
		})
	}
	slices.SortFunc(c.PutArticles, func(a, b StoredArticle) int { return cmp.Compare(a.Seq, b.Seq) })
	old := make(map[string]timeline.Publication, len(d.chron.Articles))
	for _, p := range d.chron.Articles {
		old[p.ArticleID] = p
	}
	for _, p := range res.Articles {
		if _, isPut := putAt[p.ArticleID]; !isPut && old[p.ArticleID] != p {
			c.Publications = append(c.Publications, p)
		}
	}
	return c, forget, nil
}

// trim unloads the least recently written stories while the loaded ones
// take more than the budget; it never unloads keep, the story just
// written, nor a story a writer holds.
func (s *Service) trim(keep *state) {
	s.mu.Lock()
	s.uses++
	keep.used = s.uses
	var total int64
	type use struct {
		st   *state
		used int64
	}
	var loaded []use
	for _, st := range s.states {
		if b := st.bytes.Load(); b > 0 {
			total += b
			if st != keep {
				loaded = append(loaded, use{st, st.used})
			}
		}
	}
	s.mu.Unlock()
	if total <= s.budget {
		return
	}
	slices.SortFunc(loaded, func(a, b use) int { return cmp.Compare(a.used, b.used) })
	for _, u := range loaded {
		st := u.st
		if total <= s.budget {
			return
		}
		if st.mu.TryLock() {
			total -= st.bytes.Load()
			st.unload()
			st.mu.Unlock()
		}
	}
}
