// Package story keeps stories: named, persistent collections of articles
// whose chronology is kept current as articles arrive, are corrected or
// are removed, with a version that grows by one at every change and a
// fan-out of the changes to watchers.
//
// It is the domain below the gRPC and HTTP adapters (internal/server,
// internal/web) and above the chronology engine (internal/timeline), which
// it calls to build. Storage is behind the Store interface, defined here
// and implemented by internal/store/sqlite and internal/store/postgres.
//
// A write (AddArticles, RemoveArticles, UpdateStory) analyses the new
// articles outside any lock, then, holding the story's lock, merges every
// article's analysis (kept in memory while the story is loaded, and stored
// beside each article so that a restart or another replica only merges),
// gives each entry of the new chronology a stable id by matching it with
// the previous one, and commits the articles, the entries that changed and
// the version's changes in one transaction, conditional on the version it
// started from: two replicas writing one story never lose an update, the
// loser reloads and tries again. Watchers are woken by the commit (and, on
// PostgreSQL, by the other replicas' commits) and read the changes from
// the store in version order, so a watcher that resumes from its last
// version misses nothing.
package story

import (
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/timeline"
)

// Story is a story's metadata.
type Story struct {
	// ID is the {story} of the resource name stories/{story} (see ValidID).
	ID    string
	Title string
	// Focus names the entities the chronology follows (see buildOptions).
	Focus []string
	// WindowStart and WindowEnd bound the story window; zero: derived.
	WindowStart, WindowEnd dates.Date
	ArticleCount           int
	// Version is 0 at creation and grows by one at every change of the
	// chronology.
	Version                int64
	CreateTime, UpdateTime time.Time
}

// Article is one article of a story: what the chronology is built from,
// and the time zone the contract accepts beside it.
type Article struct {
	timeline.Article
	TimeZone string
}

// StoredArticle is an article as a Store keeps it.
type StoredArticle struct {
	Article
	// Seq orders the story's articles: the order in which their ids were
	// first added. A correction keeps its article's place.
	Seq int64
	// Hash identifies the article's content (see contentHash): the same id
	// with the same hash is a no-op.
	Hash string
	// Analysis is the article's analysis (timeline.Cache.Encode) of
	// version AnalysisVersion, or nil.
	Analysis        []byte
	AnalysisVersion int
	// Publication is the publication date the chronology used for it.
	Publication timeline.Publication
}

// Entry is one entry of a story's chronology, with its stable id.
type Entry struct {
	ID string
	timeline.Entry
}

// Chronology is a story's chronology at one version.
type Chronology struct {
	Version             int64
	Entries, Background []Entry
	// Articles gives the publication date used for each article, in the
	// story's order of articles.
	Articles               []timeline.Publication
	WindowStart, WindowEnd dates.Date
	// Info says what each article is, beside Articles: for people (the
	// page), not part of what Build returns.
	Info []ArticleInfo
}

// ArticleInfo is what a reader is told of an article besides its text.
type ArticleInfo struct {
	ID, Title, Source, URL string
}

// ChangeType says what happened to an entry at a version.
type ChangeType int

// The change types.
const (
	Added ChangeType = iota + 1
	Changed
	Removed
)

// String names the change type.
func (t ChangeType) String() string {
	switch t {
	case Added:
		return "added"
	case Changed:
		return "changed"
	case Removed:
		return "removed"
	}
	return "unknown"
}

// Change is what happened to one entry.
type Change struct {
	Type ChangeType
	// Entry is the entry after the change; only its ID for Removed.
	Entry Entry
	// Background says the entry is in the background, not the entries.
	Background bool
}

// Batch is the changes of one version of a chronology, in the order of
// the chronology (entries, then background). A Reset batch is the whole
// chronology at Version, every entry Added.
type Batch struct {
	Version                int64
	Reset                  bool
	Changes                []Change
	WindowStart, WindowEnd dates.Date
	ArticleCount           int
}
