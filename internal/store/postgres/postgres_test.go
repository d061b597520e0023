package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/timelined/timelined/internal/store/postgres"
	"github.com/timelined/timelined/internal/store/storetest"
)

// TestReplicasStartTogether: several servers opening one new database at
// once migrate it once, and all serve it.
func TestReplicasStartTogether(t *testing.T) {
	url := storetest.PostgresDatabase(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			st, err := postgres.Open(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			st.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != 1 {
		t.Fatalf("schema_migrations has %d rows (%v), want 1", n, err)
	}
	if postgres.IsURL("/var/lib/stories.db") || !postgres.IsURL("postgresql://x/y") {
		t.Error("IsURL")
	}
}
