// Package postgres is the story.Store for several replicas: PostgreSQL
// through pgx. Every replica reads and writes the same tables; a write
// locks its story's row (SELECT ... FOR UPDATE) and commits only from the
// version it read, and each commit sends a notification
// (pg_notify('timelined_stories', '<story> <version>')) that every
// replica LISTENs to, so that a watch on one replica sees the articles
// added through another.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/timelined/timelined/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// channel is the notification channel of commits.
const channel = "timelined_stories"

// Advisory lock keys: one for migrations, one for creating stories.
const (
	migrationLock = "SELECT pg_advisory_xact_lock(7215130500)"
	storiesLock   = "SELECT pg_advisory_xact_lock(7215130501)"
)

var dialect = sqlstore.Dialect{
	Name:        "postgres",
	Dollar:      true,
	LockStory:   "FOR UPDATE",
	LockStories: storiesLock,
	Notify:      "SELECT pg_notify('" + channel + "', $1)",
	ReadTx:      &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
}

// Store is a story.Store on PostgreSQL that also tells of other
// replicas' commits (story.Notifier).
type Store struct {
	*sqlstore.Store
	cfg *pgx.ConnConfig
}

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host/db?...) and
// brings its schema up to date; replicas starting together take turns.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect to %s: %w", redact(cfg), err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	ms, err := sqlstore.Migrations(sub)
	if err == nil {
		_, err = sqlstore.Migrate(ctx, db, ms, dialect, migrationLock)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{Store: sqlstore.New(db, db, dialect), cfg: cfg}, nil
}

// redact names the server without the password.
func redact(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Listen implements story.Notifier: it LISTENs on its own connection and
// calls f for every commit and deletion of any replica until ctx ends.
// When the connection fails it calls f("", -1) (changes may have been
// missed: every watcher looks again) and reconnects, backing off up to
// 5 s.
func (s *Store) Listen(ctx context.Context, f func(id string, version int64)) error {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listen(ctx, f, func() { backoff = 100 * time.Millisecond })
		if ctx.Err() != nil {
			break
		}
		f("", -1)
		_ = err // reconnect: the replica keeps serving meanwhile
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
	return nil
}

func (s *Store) listen(ctx context.Context, f func(string, int64), connected func()) error {
	conn, err := pgx.ConnectConfig(ctx, s.cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	connected()
	// Commits made while this connection was down: every watcher looks.
	f("", -1)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		id, v, ok := strings.Cut(n.Payload, " ")
		version, perr := strconv.ParseInt(v, 10, 64)
		if !ok || perr != nil {
			continue
		}
		f(id, version)
	}
}
