// Package sqlstore is the story.Store both SQL drivers share: the same
// tables and statements over database/sql, with what differs between
// SQLite and PostgreSQL (placeholders, row locks, notifications) in a
// Dialect. Packages internal/store/sqlite and internal/store/postgres open
// their database, run their migrations and hand it to New.
//
// Tables: stories (metadata, version, the chronology's window and order
// of entries), articles (content, content hash, order, publication date
// used and the encoded analysis), entries (the current chronology, one
// row per entry) and changes (one row per version, for watchers). Times
// are Unix microseconds; entries, changes and orders are story's JSON
// forms (story.EncodeEntry and friends).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

// Dialect is what differs between databases.
type Dialect struct {
	// Name names the database in errors: "sqlite", "postgres".
	Name string
	// Dollar says placeholders are $1, $2... instead of ?.
	Dollar bool
	// LockStory follows the SELECT of a story's version in a write
	// transaction to lock its row ("FOR UPDATE"); empty where the
	// transaction holds the database already (SQLite's BEGIN IMMEDIATE).
	LockStory string
	// LockStories is run first in the transaction that counts and creates
	// stories, so that replicas do not both pass the limit; may be empty.
	LockStories string
	// Notify, when not empty, is run in every commit and deletion with
	// one argument, "<story id> <version>" (PostgreSQL's pg_notify).
	Notify string
	// ReadTx are the options of the read transactions that must see one
	// snapshot; nil for the driver's default (SQLite's deferred
	// transaction reads one snapshot of a WAL database).
	ReadTx *sql.TxOptions
}

// Store is a story.Store over a SQL database.
type Store struct {
	w, r *sql.DB // writes and reads; the same pool where it can do both
	d    Dialect
	q    queries
}

// New returns a Store writing through w and reading through r (which
// may be w) with the schema of the migrations already applied.
func New(w, r *sql.DB, d Dialect) *Store {
	s := &Store{w: w, r: r, d: d}
	s.q = newQueries(d)
	return s
}

// Close closes the pools.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// DB returns the write pool, for the drivers' own statements.
func (s *Store) DB() *sql.DB { return s.w }

// queries are the statements, with the dialect's placeholders.
type queries struct {
	getStory, getChronStory, listStories, countStories, insertStory, deleteStory   string
	lockVersion, updateStory, updateStoryTitle, updateStoryChron                   string
	upsertArticle, deleteArticle, setPublication                                   string
	upsertEntry, deleteEntry, insertChange, pruneChanges                           string
	loadArticles, loadPublications, loadEntries, loadChanges, versionOf, deleteAll string
}

// storyColumns are a story's metadata; chronColumns what its chronology
// keeps beside the entries. Only reads of the chronology read the latter:
// the order names every entry, and GetStory, run by every write, need not
// decode it.
const (
	storyColumns = `id, title, focus, window_start, window_end, version, article_count, create_time, update_time`
	chronColumns = `chron_start, chron_end, entry_order`
)

func newQueries(d Dialect) queries {
	q := queries{
		getStory:         `SELECT ` + storyColumns + ` FROM stories WHERE id = ?`,
		getChronStory:    `SELECT ` + storyColumns + `, ` + chronColumns + ` FROM stories WHERE id = ?`,
		listStories:      `SELECT ` + storyColumns + ` FROM stories WHERE id > ? ORDER BY id LIMIT ?`,
		countStories:     `SELECT COUNT(*) FROM stories`,
		insertStory:      `INSERT INTO stories (` + storyColumns + `, ` + chronColumns + `) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, '', '', ?)`,
		deleteStory:      `DELETE FROM stories WHERE id = ?`,
		lockVersion:      `SELECT version FROM stories WHERE id = ? ` + d.LockStory,
		updateStory:      `UPDATE stories SET version = ?, article_count = ?, update_time = ?, focus = ?, window_start = ?, window_end = ? WHERE id = ?`,
		updateStoryTitle: `UPDATE stories SET title = ? WHERE id = ?`,
		updateStoryChron: `UPDATE stories SET chron_start = ?, chron_end = ?, entry_order = ? WHERE id = ?`,
		upsertArticle: `INSERT INTO articles (story_id, id, seq, title, text, published, time_zone, url, source, hash, analysis, analysis_version, publication)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (story_id, id) DO UPDATE SET seq = excluded.seq, title = excluded.title, text = excluded.text,
			published = excluded.published, time_zone = excluded.time_zone, url = excluded.url, source = excluded.source,
			hash = excluded.hash, analysis = excluded.analysis, analysis_version = excluded.analysis_version,
			publication = excluded.publication`,
		deleteArticle:  `DELETE FROM articles WHERE story_id = ? AND id = ?`,
		setPublication: `UPDATE articles SET publication = ? WHERE story_id = ? AND id = ?`,
		upsertEntry: `INSERT INTO entries (story_id, id, body) VALUES (?, ?, ?)
			ON CONFLICT (story_id, id) DO UPDATE SET body = excluded.body`,
		deleteEntry:  `DELETE FROM entries WHERE story_id = ? AND id = ?`,
		insertChange: `INSERT INTO changes (story_id, version, idx, kind, entry_id, background, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		pruneChanges: `DELETE FROM changes WHERE story_id = ? AND version <= ?`,
		loadArticles: `SELECT id, seq, title, text, published, time_zone, url, source, hash, analysis, analysis_version, publication
			FROM articles WHERE story_id = ? ORDER BY seq`,
		loadPublications: `SELECT id, publication, title, source, url FROM articles WHERE story_id = ? ORDER BY seq`,
		loadEntries:      `SELECT id, body FROM entries WHERE story_id = ?`,
		loadChanges: `SELECT version, idx, kind, entry_id, background, body FROM changes
			WHERE story_id = ? AND version > ? AND version <= ? ORDER BY version, idx`,
		versionOf: `SELECT version FROM stories WHERE id = ?`,
		deleteAll: `DELETE FROM %s WHERE story_id = ?`,
	}
	if d.Dollar {
		for _, p := range []*string{&q.getStory, &q.getChronStory, &q.listStories, &q.insertStory, &q.deleteStory, &q.lockVersion,
			&q.updateStory, &q.updateStoryTitle, &q.updateStoryChron, &q.upsertArticle, &q.deleteArticle, &q.setPublication,
			&q.upsertEntry, &q.deleteEntry, &q.insertChange, &q.pruneChanges, &q.loadArticles, &q.loadPublications,
			&q.loadEntries, &q.loadChanges, &q.versionOf, &q.deleteAll} {
			*p = dollars(*p)
		}
	}
	return q
}

// dollars numbers the ? placeholders of q as $1, $2...
func dollars(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// storyRow is a stories row with the chronology's columns.
type storyRow struct {
	story.Story
	chronStart, chronEnd dates.Date
	order                story.Order
}

// scanStory reads a row of storyColumns, followed by chronColumns when
// chron is set.
func scanStory(sc scanner, chron bool) (*storyRow, error) {
	var (
		row                            storyRow
		focus, ws, we, cs, ce          string
		order                          []byte
		created, updated, version, cnt int64
	)
	dest := []any{&row.ID, &row.Title, &focus, &ws, &we, &version, &cnt, &created, &updated, &cs, &ce, &order}
	if !chron {
		dest = dest[:9]
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	row.Version, row.ArticleCount = version, int(cnt)
	row.CreateTime, row.UpdateTime = fromMicros(created), fromMicros(updated)
	var errs [6]error
	row.Focus, errs[0] = story.DecodeFocus(focus)
	row.WindowStart, errs[1] = story.ParseStoredDate(ws)
	row.WindowEnd, errs[2] = story.ParseStoredDate(we)
	row.chronStart, errs[3] = story.DecodeDate(cs)
	row.chronEnd, errs[4] = story.DecodeDate(ce)
	row.order, errs[5] = story.DecodeOrder(order)
	if err = errors.Join(errs[:]...); err != nil {
		return nil, fmt.Errorf("read story %s: %w", row.ID, err)
	}
	return &row, nil
}

// wrap adds the dialect and what failed to err; a missing story becomes
// story.ErrNotFound.
func (s *Store) wrap(err error, what, id string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return story.NotFound(id)
	}
	var se *story.Error
	if errors.As(err, &se) {
		return err
	}
	return fmt.Errorf("%s: %s stories/%s: %w", s.d.Name, what, id, err)
}

// CreateStory implements story.Store.
func (s *Store) CreateStory(ctx context.Context, st story.Story, maxStories int) error {
	return s.wrap(s.tx(ctx, func(tx *sql.Tx) error {
		if s.d.LockStories != "" {
			if _, err := tx.ExecContext(ctx, s.d.LockStories); err != nil {
				return err
			}
		}
		var exists int64
		switch err := tx.QueryRowContext(ctx, s.q.versionOf, st.ID).Scan(&exists); {
		case err == nil:
			return &story.Error{Err: story.ErrAlreadyExists, Story: st.ID, Msg: fmt.Sprintf("story stories/%s already exists", st.ID)}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if maxStories > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, s.q.countStories).Scan(&n); err != nil {
				return err
			}
			if n >= maxStories {
				return &story.Error{Err: story.ErrLimit, Limit: "max stories",
					Msg: fmt.Sprintf("the server holds %d stories, its limit (max stories)", n)}
			}
		}
		order, err := story.EncodeOrder(story.Order{})
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.insertStory, st.ID, st.Title, story.EncodeFocus(st.Focus),
			story.DateString(st.WindowStart), story.DateString(st.WindowEnd), micros(st.CreateTime), micros(st.UpdateTime), order)
		return err
	}), "create", st.ID)
}

// GetStory implements story.Store.
func (s *Store) GetStory(ctx context.Context, id string) (story.Story, error) {
	row, err := scanStory(s.r.QueryRowContext(ctx, s.q.getStory, id), false)
	if err != nil {
		return story.Story{}, s.wrap(err, "get", id)
	}
	return row.Story, nil
}

// ListStories implements story.Store.
func (s *Store) ListStories(ctx context.Context, after string, limit int) ([]story.Story, error) {
	rows, err := s.r.QueryContext(ctx, s.q.listStories, after, limit)
	if err != nil {
		return nil, s.wrap(err, "list", after)
	}
	defer rows.Close()
	var out []story.Story
	for rows.Next() {
		row, err := scanStory(rows, false)
		if err != nil {
			return nil, s.wrap(err, "list", after)
		}
		out = append(out, row.Story)
	}
	return out, s.wrap(rows.Err(), "list", after)
}

// DeleteStory implements story.Store.
func (s *Store) DeleteStory(ctx context.Context, id string) error {
	return s.wrap(s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.deleteStory, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return sql.ErrNoRows
		}
		for _, t := range []string{"articles", "entries", "changes"} {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(s.q.deleteAll, t), id); err != nil {
				return err
			}
		}
		return s.notify(ctx, tx, id, -1)
	}), "delete", id)
}

func (s *Store) notify(ctx context.Context, tx *sql.Tx, id string, version int64) error {
	if s.d.Notify == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.d.Notify, id+" "+strconv.FormatInt(version, 10))
	return err
}

// tx runs f in a write transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// readTx runs f in a read-only transaction: one snapshot of the database.
func (s *Store) readTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, s.d.ReadTx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return f(tx)
}

// Load implements story.Store.
func (s *Store) Load(ctx context.Context, id string) (*story.Snapshot, error) {
	snap := &story.Snapshot{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		row, err := scanStory(tx.QueryRowContext(ctx, s.q.getChronStory, id), true)
		if err != nil {
			return err
		}
		snap.Story = row.Story
		rows, err := tx.QueryContext(ctx, s.q.loadArticles, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				a         story.StoredArticle
				published string
				pub       string
				av        int64
			)
			if err := rows.Scan(&a.ID, &a.Seq, &a.Title, &a.Text, &published, &a.TimeZone, &a.URL, &a.Source,
				&a.Hash, &a.Analysis, &av, &pub); err != nil {
				return err
			}
			a.AnalysisVersion = int(av)
			if a.Published, err = story.ParseStoredDate(published); err != nil {
				return err
			}
			if a.Publication, err = story.DecodePublication(a.ID, pub); err != nil {
				return err
			}
			snap.Articles = append(snap.Articles, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		pubs := make([]timeline.Publication, len(snap.Articles))
		info := make([]story.ArticleInfo, len(snap.Articles))
		for i := range snap.Articles {
			a := &snap.Articles[i]
			pubs[i], info[i] = a.Publication, story.ArticleInfo{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL}
		}
		chron, err := s.chronology(ctx, tx, row, pubs, info)
		if err != nil {
			return err
		}
		snap.Chronology = *chron
		return nil
	})
	if err != nil {
		return nil, s.wrap(err, "load", id)
	}
	return snap, nil
}

// Chronology implements story.Store.
func (s *Store) Chronology(ctx context.Context, id string) (story.Story, *story.Chronology, error) {
	var st story.Story
	var chron *story.Chronology
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		row, err := scanStory(tx.QueryRowContext(ctx, s.q.getChronStory, id), true)
		if err != nil {
			return err
		}
		st = row.Story
		rows, err := tx.QueryContext(ctx, s.q.loadPublications, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		pubs := []timeline.Publication{}
		info := []story.ArticleInfo{}
		for rows.Next() {
			var a story.ArticleInfo
			var pub string
			if err := rows.Scan(&a.ID, &pub, &a.Title, &a.Source, &a.URL); err != nil {
				return err
			}
			p, err := story.DecodePublication(a.ID, pub)
			if err != nil {
				return err
			}
			pubs, info = append(pubs, p), append(info, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		chron, err = s.chronology(ctx, tx, row, pubs, info)
		return err
	})
	if err != nil {
		return story.Story{}, nil, s.wrap(err, "read the chronology of", id)
	}
	return st, chron, nil
}

// chronology reads the entries of row's story in order, beside the
// articles' publication dates and what the page shows of them.
func (s *Store) chronology(ctx context.Context, tx *sql.Tx, row *storyRow, pubs []timeline.Publication, info []story.ArticleInfo) (*story.Chronology, error) {
	c := &story.Chronology{Version: row.Version, WindowStart: row.chronStart, WindowEnd: row.chronEnd, Articles: pubs, Info: info}
	rows, err := tx.QueryContext(ctx, s.q.loadEntries, row.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]story.Entry, len(row.order.Entries)+len(row.order.Background))
	for rows.Next() {
		var id string
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return nil, err
		}
		e, err := story.DecodeEntry(body)
		if err != nil {
			return nil, err
		}
		e.ID = id
		byID[id] = e
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	pick := func(order []string) ([]story.Entry, error) {
		if len(order) == 0 {
			return nil, nil
		}
		out := make([]story.Entry, len(order))
		for i, id := range order {
			e, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("entry %s of the order is not stored", id)
			}
			out[i] = e
		}
		return out, nil
	}
	if c.Entries, err = pick(row.order.Entries); err != nil {
		return nil, err
	}
	if c.Background, err = pick(row.order.Background); err != nil {
		return nil, err
	}
	return c, nil
}

// Changes implements story.Store.
func (s *Store) Changes(ctx context.Context, id string, after int64, limit int) ([]story.Batch, int64, error) {
	var out []story.Batch
	var current int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.versionOf, id).Scan(&current); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, s.q.loadChanges, id, after, after+int64(limit))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				version, idx, kind, bg int64
				eid                    string
				body                   []byte
			)
			if err := rows.Scan(&version, &idx, &kind, &eid, &bg, &body); err != nil {
				return err
			}
			if idx == 0 {
				b, err := story.DecodeBatchHeader(version, body)
				if err != nil {
					return err
				}
				out = append(out, b)
				continue
			}
			if len(out) == 0 || out[len(out)-1].Version != version {
				continue // the header was pruned first: the version is gone
			}
			c := story.Change{Type: story.ChangeType(kind), Background: bg == 1, Entry: story.Entry{ID: eid}}
			if c.Type != story.Removed {
				e, err := story.DecodeEntry(body)
				if err != nil {
					return err
				}
				e.ID = eid
				c.Entry = e
			}
			b := &out[len(out)-1]
			b.Changes = append(b.Changes, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, s.wrap(err, "read the changes of", id)
	}
	return out, current, nil
}

// Commit implements story.Store.
func (s *Store) Commit(ctx context.Context, c *story.Commit) error {
	id := c.Story.ID
	return s.wrap(s.tx(ctx, func(tx *sql.Tx) error {
		var version int64
		if err := tx.QueryRowContext(ctx, s.q.lockVersion, id).Scan(&version); err != nil {
			return err
		}
		if version != c.Base {
			return &story.Error{Err: story.ErrConflict, Story: id,
				Msg: fmt.Sprintf("stories/%s is at version %d, not %d: another writer changed it", id, version, c.Base)}
		}
		st := &c.Story
		if _, err := tx.ExecContext(ctx, s.q.updateStory, st.Version, st.ArticleCount, micros(st.UpdateTime),
			story.EncodeFocus(st.Focus), story.DateString(st.WindowStart), story.DateString(st.WindowEnd), id); err != nil {
			return err
		}
		if c.SetTitle {
			if _, err := tx.ExecContext(ctx, s.q.updateStoryTitle, st.Title, id); err != nil {
				return err
			}
		}
		if c.Batch == nil {
			return nil
		}
		order, err := story.EncodeOrder(c.Order)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.updateStoryChron, story.EncodeDate(c.WindowStart), story.EncodeDate(c.WindowEnd), order, id); err != nil {
			return err
		}
		if err := s.putArticles(ctx, tx, id, c); err != nil {
			return err
		}
		if err := s.putChanges(ctx, tx, id, c); err != nil {
			return err
		}
		if c.KeepVersions > 0 && st.Version > c.KeepVersions {
			if _, err := tx.ExecContext(ctx, s.q.pruneChanges, id, st.Version-c.KeepVersions); err != nil {
				return err
			}
		}
		return s.notify(ctx, tx, id, st.Version)
	}), "commit to", id)
}

func (s *Store) putArticles(ctx context.Context, tx *sql.Tx, id string, c *story.Commit) error {
	if len(c.PutArticles) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q.upsertArticle)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := range c.PutArticles {
			a := &c.PutArticles[i]
			if _, err := stmt.ExecContext(ctx, id, a.ID, a.Seq, a.Title, a.Text, story.DateString(a.Published), a.TimeZone,
				a.URL, a.Source, a.Hash, a.Analysis, a.AnalysisVersion, story.EncodePublication(a.Publication)); err != nil {
				return err
			}
		}
	}
	for _, aid := range c.RemoveArticles {
		if _, err := tx.ExecContext(ctx, s.q.deleteArticle, id, aid); err != nil {
			return err
		}
	}
	if len(c.Publications) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q.setPublication)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, p := range c.Publications {
			if _, err := stmt.ExecContext(ctx, story.EncodePublication(p), id, p.ArticleID); err != nil {
				return err
			}
		}
	}
	return nil
}

// putChanges stores the chronology's changes: the entries added or
// changed (each encoded once, for the entries and for the version's
// changes), the entries removed, and the version's batch: its header,
// then one row per change.
func (s *Store) putChanges(ctx context.Context, tx *sql.Tx, id string, c *story.Commit) error {
	b := c.Batch
	upsert, err := tx.PrepareContext(ctx, s.q.upsertEntry)
	if err != nil {
		return err
	}
	defer upsert.Close()
	insert, err := tx.PrepareContext(ctx, s.q.insertChange)
	if err != nil {
		return err
	}
	defer insert.Close()
	if _, err := insert.ExecContext(ctx, id, b.Version, 0, 0, "", 0, story.EncodeBatchHeader(b)); err != nil {
		return err
	}
	for i := range b.Changes {
		ch := &b.Changes[i]
		body := []byte{}
		if ch.Type == story.Removed {
			if _, err := tx.ExecContext(ctx, s.q.deleteEntry, id, ch.Entry.ID); err != nil {
				return err
			}
		} else {
			if body, err = story.EncodeEntry(&ch.Entry); err != nil {
				return err
			}
			if _, err := upsert.ExecContext(ctx, id, ch.Entry.ID, body); err != nil {
				return err
			}
		}
		bg := 0
		if ch.Background {
			bg = 1
		}
		if _, err := insert.ExecContext(ctx, id, b.Version, i+1, int(ch.Type), ch.Entry.ID, bg, body); err != nil {
			return err
		}
	}
	return nil
}
