package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Migration is one numbered change of the schema.
type Migration struct {
	Version int
	Name    string // the file name
	SQL     string
}

// Migrations reads the migrations of fsys: files NNNN_what.sql at its
// root, numbered from 1 without gaps.
func Migrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, name := range names {
		num, _, ok := strings.Cut(path.Base(name), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: the name must start with its number and an underscore", name)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(body)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: want number %d (numbers run from 1 without gaps)", m.Name, i+1)
		}
	}
	return out, nil
}

// Migrate applies the migrations the database lacks, in order, each in
// its own transaction with its record in schema_migrations, so that an
// old database is upgraded step by step and a failed step changes
// nothing. lock, when not empty, runs first in each transaction (and
// serializes replicas starting together); the transaction then checks
// again whether the step is done. It returns the versions applied. A
// database with a version newer than the migrations is refused: an older
// server must not write to it.
func Migrate(ctx context.Context, db *sql.DB, ms []Migration, d Dialect, lock string) ([]int, error) {
	err := inTx(ctx, db, lock, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: create schema_migrations: %w", d.Name, err)
	}
	var applied []int
	latest := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (int, error) {
		var v sql.NullInt64
		err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
		return int(v.Int64), err
	}
	have, err := latest(db)
	if err != nil {
		return nil, fmt.Errorf("%s: read schema version: %w", d.Name, err)
	}
	if have > len(ms) {
		return nil, fmt.Errorf("%s: the database has schema version %d, newer than this server's %d: run a newer server", d.Name, have, len(ms))
	}
	insert := `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`
	if d.Dollar {
		insert = dollars(insert)
	}
	for _, m := range ms[have:] {
		did := false
		err := inTx(ctx, db, lock, func(tx *sql.Tx) error {
			now, err := latest(tx)
			if err != nil || now >= m.Version {
				return err // another replica applied it meanwhile
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, insert, m.Version, m.Name, time.Now().UnixMicro()); err != nil {
				return err
			}
			did = true
			return nil
		})
		if err != nil {
			return applied, fmt.Errorf("%s: migration %s: %w", d.Name, m.Name, err)
		}
		if did {
			applied = append(applied, m.Version)
		}
	}
	return applied, nil
}

// inTx runs f in a transaction that runs lock first (when not empty) and
// commits when f returns nil.
func inTx(ctx context.Context, db *sql.DB, lock string, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return err
		}
	}
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}
