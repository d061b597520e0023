package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenCreatesWAL: the file and its folder are created on first open,
// in WAL mode, and opening again keeps what is there.
func TestOpenCreatesWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new", "folder", "stories.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := st.DB().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q, %v", mode, err)
	}
	if _, err := st.DB().ExecContext(ctx, `INSERT INTO stories (id, title, focus, window_start, window_end, version, article_count,
		create_time, update_time, chron_start, chron_end, entry_order) VALUES ('kept', '', '[]', '', '', 0, 0, 0, 0, '', '', '[]')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.GetStory(ctx, "kept"); err != nil {
		t.Fatalf("reopened: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	env := map[string]string{"HOME": "/home/u"}
	getenv := func(k string) string { return env[k] }
	if p, err := DefaultPath(getenv); err != nil || (p != "/home/u/.local/share/timelined/stories.db" && p != "/home/u/Library/Application Support/timelined/stories.db") {
		t.Errorf("HOME: %q, %v", p, err)
	}
	env["XDG_DATA_HOME"] = "/data"
	if p, _ := DefaultPath(getenv); p != "/data/timelined/stories.db" {
		t.Errorf("XDG_DATA_HOME: %q", p)
	}
	if _, err := DefaultPath(func(string) string { return "" }); err == nil {
		t.Error("no HOME: no error")
	}
	if _, err := Open(context.Background(), "a?b"); err == nil {
		t.Error("a path with '?' accepted")
	}
}
