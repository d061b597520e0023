// Package storetest opens each story.Store for the tests that must pass on
// all of them: a fresh SQLite file always, and a fresh PostgreSQL database
// when the environment variable PostgresEnv holds the URL of a server the
// tests may create databases on (scripts/pgtest.sh starts one; .ci/run
// does). Without it the PostgreSQL cases skip, saying so.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/timelined/timelined/internal/store/postgres"
	"github.com/timelined/timelined/internal/store/sqlite"
	"github.com/timelined/timelined/internal/story"
)

// PostgresEnv names the environment variable with the PostgreSQL URL.
const PostgresEnv = "TIMELINED_TEST_POSTGRES"

// Kind is one kind of store.
type Kind struct {
	Name string
	// Location returns a fresh, empty store location for tb: a SQLite
	// path or a postgres:// URL of a new database, dropped when tb ends.
	// It skips tb when the store is not available.
	Location func(tb testing.TB) string
}

// Kinds returns every kind of store: sqlite, then postgres.
func Kinds() []Kind {
	return []Kind{
		{Name: "sqlite", Location: func(tb testing.TB) string {
			return filepath.Join(tb.TempDir(), "stories.db")
		}},
		{Name: "postgres", Location: PostgresDatabase},
	}
}

// Open opens the store at loc (as timelined's --store does) and closes it
// when tb ends.
func Open(tb testing.TB, loc string) story.Store {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var (
		st  story.Store
		err error
	)
	if postgres.IsURL(loc) {
		st, err = postgres.Open(ctx, loc)
	} else {
		st, err = sqlite.Open(ctx, loc)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// PostgresDatabase creates a new database on the server PostgresEnv names
// and returns its URL; the database is dropped when tb ends. Without the
// variable it skips tb.
func PostgresDatabase(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		tb.Skipf("PostgreSQL tests skipped: set %s to a postgres:// URL of a server the tests may create databases on (scripts/pgtest.sh start DIR prints one)", PostgresEnv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	name := "timelined_t_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Each runs f as a subtest for every kind of store.
func Each(t *testing.T, f func(t *testing.T, k Kind)) {
	for _, k := range Kinds() {
		t.Run(k.Name, func(t *testing.T) { f(t, k) })
	}
}

// String names a kind.
func (k Kind) String() string { return fmt.Sprint(k.Name) }
