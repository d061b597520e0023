package story

import (
	"context"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/timeline"
)

// Store keeps stories durably. Implementations: internal/store/sqlite
// (one file) and internal/store/postgres (several replicas). Every method
// is safe for concurrent use. Methods on a story that does not exist
// return an error wrapping ErrNotFound (see NotFound).
//
// internal/story/storetest holds the contract tests every Store passes.
type Store interface {
	// CreateStory stores a new story (version 0, no articles). It returns
	// ErrAlreadyExists when the id is taken and an *Error wrapping
	// ErrLimit when maxStories (> 0) stories exist already.
	CreateStory(ctx context.Context, s Story, maxStories int) error
	// GetStory returns a story's metadata.
	GetStory(ctx context.Context, id string) (Story, error)
	// ListStories returns at most limit stories with ids after after, in
	// id order.
	ListStories(ctx context.Context, after string, limit int) ([]Story, error)
	// DeleteStory deletes a story and everything it holds.
	DeleteStory(ctx context.Context, id string) error
	// Load returns everything a writer needs to continue a story.
	Load(ctx context.Context, id string) (*Snapshot, error)
	// Chronology returns a story's metadata and current chronology, read
	// at one version.
	Chronology(ctx context.Context, id string) (Story, *Chronology, error)
	// Commit applies c atomically, if and only if the story's stored
	// version is c.Base (else ErrConflict, and nothing changes), and is
	// durable when it returns nil.
	Commit(ctx context.Context, c *Commit) error
	// Changes returns the batches of versions after after, in version
	// order, at most limit of them, and the story's current version.
	// Versions older than the store keeps (Commit.KeepVersions) are
	// missing: the first batch then is not after+1.
	Changes(ctx context.Context, id string, after int64, limit int) ([]Batch, int64, error)
	// Close releases the store.
	Close() error
}

// Notifier is implemented by stores shared by several processes
// (PostgreSQL): Listen calls f with the story id and new version of every
// commit and deletion (version -1) made by any process, until ctx ends. It
// calls f("", -1) when notifications may have been missed (a reconnection),
// so that every watcher looks again.
type Notifier interface {
	Listen(ctx context.Context, f func(id string, version int64)) error
}

// Snapshot is a story as a writer continues it.
type Snapshot struct {
	Story Story
	// Articles in the story's order (Seq).
	Articles   []StoredArticle
	Chronology Chronology
}

// Commit is one write to a story: the new metadata, the articles put and
// removed, the chronology's entries that changed and the version's
// changes for watchers.
type Commit struct {
	// Base is the version the commit was computed from.
	Base int64
	// Story is the story's metadata after the commit: its version (Base,
	// or Base+1 with a Batch), article count, update time, focus and
	// window. Its title is stored only when SetTitle is true, so that a
	// write of articles never undoes another replica's new title.
	Story    Story
	SetTitle bool
	// PutArticles are new or replaced articles, or articles whose stored
	// analysis is replaced.
	PutArticles []StoredArticle
	// RemoveArticles are the ids of the articles removed.
	RemoveArticles []string
	// Publications are the publication dates that changed, of articles
	// not in PutArticles.
	Publications []timeline.Publication
	// Order is every entry id of the chronology in order; the entries
	// added, changed and removed are Batch's changes.
	Order Order
	// WindowStart and WindowEnd are the chronology's window.
	WindowStart, WindowEnd dates.Date
	// Batch is the version's changes, kept for watchers; nil when the
	// chronology did not change (Story.Version == Base).
	Batch *Batch
	// KeepVersions: batches of versions up to Story.Version-KeepVersions
	// may be dropped.
	KeepVersions int64
}

// Order is the chronology's entry ids in order.
type Order struct {
	Entries, Background []string
}
