// Command ferretdb-embedded runs FerretDB 1.24 (a MongoDB wire-protocol server)
// through its public embeddable package, for LAPOR tests and CI.
//
// It uses the SQLite backend (pure Go, modernc.org/sqlite: no CGO) in a data
// folder, listens on loopback only, and stops cleanly on SIGTERM/SIGINT.
//
//	ferretdb-embedded -port 27018 -data /tmp/lapor-ferretdb-data
//
// Flags fall back to environment variables FERRETDB_PORT, FERRETDB_DATA,
// FERRETDB_LISTEN_HOST, FERRETDB_LOG_LEVEL and FERRETDB_PIDFILE.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-embedded: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	defPort, err := strconv.Atoi(envOr("FERRETDB_PORT", "27018"))
	if err != nil {
		return fmt.Errorf("FERRETDB_PORT: %w", err)
	}

	port := flag.Int("port", defPort, "TCP port to listen on (env FERRETDB_PORT)")
	host := flag.String("host", envOr("FERRETDB_LISTEN_HOST", "127.0.0.1"), "loopback address to listen on (env FERRETDB_LISTEN_HOST)")
	dataDir := flag.String("data", envOr("FERRETDB_DATA", ""), "SQLite data folder, created if missing (env FERRETDB_DATA; required)")
	logLevel := flag.String("log-level", envOr("FERRETDB_LOG_LEVEL", "warn"), "debug, info, warn or error (env FERRETDB_LOG_LEVEL)")
	pidFile := flag.String("pidfile", envOr("FERRETDB_PIDFILE", ""), "write the process id here once listening, remove it on exit (env FERRETDB_PIDFILE)")
	synchronous := flag.String("synchronous", envOr("FERRETDB_SQLITE_SYNCHRONOUS", "normal"), "SQLite synchronous pragma: normal (no fsync per commit; a power cut may lose the last commits, never corrupts) or full (FerretDB's default) (env FERRETDB_SQLITE_SYNCHRONOUS)")
	idLookupIndexes := flag.Bool("id-lookup-indexes", envOr("FERRETDB_ID_LOOKUP_INDEXES", "true") == "true", "index every collection table on the expression FerretDB's _id lookups use (see idIndexes.go) (env FERRETDB_ID_LOOKUP_INDEXES)")
	flag.Parse()

	if *dataDir == "" {
		return errors.New("a data folder is required: -data DIR or FERRETDB_DATA")
	}
	if ip := net.ParseIP(*host); *host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("refusing to listen on non-loopback address %q", *host)
	}
	if *synchronous != "normal" && *synchronous != "full" {
		return fmt.Errorf("synchronous must be normal or full, got %q", *synchronous)
	}
	if *port <= 0 || *port > 65535 {
		return fmt.Errorf("invalid port %d", *port)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("log level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	// The SQLite backend wants a "file:" URI naming an existing directory, ending with "/".
	// A test server: commits need not survive a power cut (WAL stays consistent either way).
	sqliteParams := url.Values{"_pragma": {"synchronous(" + *synchronous + ")"}}
	sqliteURL := (&url.URL{Scheme: "file", Path: abs + "/", RawQuery: sqliteParams.Encode()}).String()

	addr := net.JoinHostPort(*host, strconv.Itoa(*port))

	// New binds the listener, so a busy port fails here.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	if *pidFile != "" {
		tmp := *pidFile + ".tmp"
		if err := os.WriteFile(tmp, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
			return fmt.Errorf("pid file: %w", err)
		}
		if err := os.Rename(tmp, *pidFile); err != nil {
			return fmt.Errorf("pid file: %w", err)
		}
		defer os.Remove(*pidFile)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	if *idLookupIndexes {
		go indexIDLookups(ctx, abs, 200*time.Millisecond, logger)
	}

	fmt.Fprintf(os.Stderr, "ferretdb-embedded: FerretDB v1.24.2 (sqlite %s, id lookup indexes %t) listening on %s (pid %d)\n", sqliteURL, *idLookupIndexes, addr, os.Getpid())

	select {
	case err := <-done:
		// Run returned without a signal: report it.
		if err == nil {
			err = errors.New("FerretDB stopped unexpectedly")
		}
		return err
	case <-ctx.Done():
	}

	fmt.Fprintln(os.Stderr, "ferretdb-embedded: signal received, shutting down")
	select {
	case err := <-done:
		if err != nil {
			return err
		}
	case <-time.After(20 * time.Second):
		return errors.New("shutdown took longer than 20s")
	}
	fmt.Fprintln(os.Stderr, "ferretdb-embedded: stopped")
	return nil
}
