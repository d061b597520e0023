// Package sqlite is the default story.Store: one SQLite file in WAL mode,
// through a pure-Go driver (modernc.org/sqlite, no cgo), so that nothing
// but the server's binary is needed. Writes go through one connection
// (BEGIN IMMEDIATE, synchronous=FULL: a commit is on disk when it
// returns); reads through a pool of their own, which WAL lets run beside
// the writer.
//
// One process serves a file: SQLite has no way to tell another process's
// watchers about a commit. For several replicas, use internal/store/postgres.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/timelined/timelined/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// dialect is SQLite's: ? placeholders, and no row locks, since a write
// transaction (BEGIN IMMEDIATE) holds the database.
var dialect = sqlstore.Dialect{Name: "sqlite"}

// Open opens (creating it and its folder when absent) the SQLite database
// at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: path %q: '?' and '#' are not allowed in a store path", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)"
	w, err := sql.Open("sqlite", path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1) // one writer: SQLite has one anyway
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		w.Close()
		return nil, err
	}
	ms, err := sqlstore.Migrations(sub)
	if err == nil {
		_, err = sqlstore.Migrate(ctx, w, ms, dialect, "")
	}
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", path+"?"+pragmas+"&_pragma=query_only(ON)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	return sqlstore.New(w, r, dialect), nil
}

// DefaultPath is where the server keeps its stories when --store is not
// given: timelined/stories.db in the user's data directory
// ($XDG_DATA_HOME, else ~/.local/share, on Unix; the platform's
// application data folder elsewhere).
func DefaultPath(getenv func(string) string) (string, error) {
	base := getenv("XDG_DATA_HOME")
	if base == "" {
		switch runtime.GOOS {
		case "windows":
			base = getenv("LocalAppData")
		case "darwin", "ios":
			if home := getenv("HOME"); home != "" {
				base = filepath.Join(home, "Library", "Application Support")
			}
		default:
			if home := getenv("HOME"); home != "" {
				base = filepath.Join(home, ".local", "share")
			}
		}
	}
	if base == "" {
		return "", errors.New("no data directory: set XDG_DATA_HOME or HOME, or pass --store PATH")
	}
	return filepath.Join(base, "timelined", "stories.db"), nil
}
