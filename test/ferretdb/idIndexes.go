package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"time"

	// The SQLite driver FerretDB itself uses (registered as "sqlite").
	_ "modernc.org/sqlite"
)

// FerretDB 1.24's SQLite backend stores each collection as a table of JSON text and
// builds its `_id_` index on `_ferretdb_sjson->"_id"`, but looks documents up by
// `_ferretdb_sjson->'$._id' = ?`: a different expression, so SQLite never uses that
// index and every lookup, update and upsert by _id scans the whole table (the cost of a
// write grows with the collection). This test-server-only helper adds, to every
// collection table, an index on the exact expression the lookups use. FerretDB keeps
// its own index list in its metadata table, so it neither sees nor minds the extra
// index, and DROP TABLE drops it with the table. Documents and answers are unchanged.

const idLookupIndexSuffix = "_lapor_id_lookup"

// indexIDLookups adds the missing lookup indexes every interval until ctx ends.
func indexIDLookups(ctx context.Context, dataDir string, interval time.Duration, logger *slog.Logger) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		files, err := filepath.Glob(filepath.Join(dataDir, "*.sqlite"))
		if err != nil {
			logger.Warn("id lookup indexes: listing databases", "error", err)
			continue
		}
		for _, file := range files {
			if err := indexDatabase(ctx, file); err != nil {
				// A database dropped meanwhile, or a busy one: the next round tries again.
				logger.Debug("id lookup indexes", "file", file, "error", err)
			}
		}
	}
}

func indexDatabase(ctx context.Context, file string) error {
	// mode=rw: never create a database file FerretDB has just dropped.
	uri := (&url.URL{Scheme: "file", Path: file, RawQuery: "mode=rw&_pragma=busy_timeout(10000)"}).String()
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return err
	}
	defer db.Close()

	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name FROM _ferretdb_collections AS c
		WHERE NOT EXISTS (SELECT 1 FROM sqlite_master AS m WHERE m.type = 'index' AND m.name = c.table_name || ?)`,
		idLookupIndexSuffix)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+idLookupIndexSuffix, table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
