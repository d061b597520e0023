package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	_ "modernc.org/sqlite"

	"github.com/timelined/timelined/internal/store/sqlstore"
)

// TestMigrateUpgrades: a database made by an older schema is upgraded step
// by step with its data kept; applying again does nothing; a database
// newer than the migrations is refused; a failed step changes nothing.
func TestMigrateUpgrades(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "db")+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := sqlstore.Dialect{Name: "sqlite"}
	all, err := sqlstore.Migrations(fstest.MapFS{
		"0001_notes.sql":  {Data: []byte("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL);")},
		"0002_author.sql": {Data: []byte("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';")},
		"0003_index.sql":  {Data: []byte("CREATE INDEX notes_by_author ON notes (author);")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := sqlstore.Migrate(ctx, db, all[:1], d, ""); err != nil || !slices.Equal(got, []int{1}) {
		t.Fatalf("first: %v, %v", got, err)
	}
	if _, err := db.Exec(`INSERT INTO notes (id, body) VALUES ('n1', 'kept')`); err != nil {
		t.Fatal(err)
	}
	if got, err := sqlstore.Migrate(ctx, db, all, d, ""); err != nil || !slices.Equal(got, []int{2, 3}) {
		t.Fatalf("upgrade: %v, %v", got, err)
	}
	var body, author string
	if err := db.QueryRow(`SELECT body, author FROM notes WHERE id = 'n1'`).Scan(&body, &author); err != nil || body != "kept" || author != "unknown" {
		t.Fatalf("after the upgrade: %q %q %v", body, author, err)
	}
	if got, err := sqlstore.Migrate(ctx, db, all, d, ""); err != nil || len(got) != 0 {
		t.Fatalf("again: %v, %v", got, err)
	}
	if _, err := sqlstore.Migrate(ctx, db, all[:2], d, ""); err == nil || !strings.Contains(err.Error(), "newer than this server's") {
		t.Fatalf("an older server: %v", err)
	}
	bad := append(slices.Clone(all), sqlstore.Migration{Version: 4, Name: "0004_bad.sql",
		SQL: "ALTER TABLE notes ADD COLUMN x TEXT; THIS IS NOT SQL;"})
	if _, err := sqlstore.Migrate(ctx, db, bad, d, ""); err == nil {
		t.Fatal("a bad step applied")
	}
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM pragma_table_info('notes') WHERE name = 'x'`).Scan(&n)
	var v int
	db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	if n != 0 || v != 3 {
		t.Fatalf("a failed step left column x (%d) or version %d", n, v)
	}
	if _, err := sqlstore.Migrations(fstest.MapFS{"0002_gap.sql": {Data: []byte("SELECT 1;")}}); err == nil {
		t.Fatal("a gap in the numbers accepted")
	}
}
