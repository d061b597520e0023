// Command timelined serves the timeline.v1.TimelineService over gRPC.
//
// Usage:
//
//	timelined [flags]
//
// Flags:
//
//	--addr               address to listen on (default localhost:50051, env TIMELINED_ADDR)
//	--metrics-addr       HTTP address for Prometheus /metrics; off when empty (env TIMELINED_METRICS_ADDR)
//	--pprof              also serve Go's profiles at /debug/pprof/ on --metrics-addr
//	--max-message-bytes  largest request message (default 16 MiB)
//	--max-articles       most articles per BuildTimeline request (default 1000)
//	--max-article-bytes  largest article text (default 1 MiB)
//	--cache-bytes        budget of the analysis cache of recent articles (default 64 MiB; 0: off)
//	--shutdown-timeout   the whole drain after SIGINT/SIGTERM, grace period included (default 30s)
//	--log-level          debug, info, warn or error (default info)
//	--log-format         text or json (default text)
//
// and, for production (production.go):
//
//	--max-request-text-bytes  most bytes of text and titles per request (default 1 MiB)
//	--max-mentions            most mentions or citations per answer (default 20000)
//	--max-response-bytes      largest answer (default 4 MiB, what gRPC clients accept by default)
//	--max-call-duration       longest a call may run (default 20s)
//	--memory-budget           memory the process may use (default: the container's limit, else 1 GiB)
//	--drain-grace             how long health says NOT_SERVING before the drain (default 5s)
//	--tls-cert-file, --tls-key-file   serve TLS (reloaded when the files change)
//	--tls-client-ca-file      require client certificates from these authorities (mutual TLS)
//	--health-addr             also serve grpc.health.v1 alone, in plaintext, here (for probes)
//	--otlp-endpoint           export traces over OTLP/gRPC (off unless set, or OTEL_EXPORTER_OTLP_ENDPOINT)
//
// It logs to stderr. On SIGINT or SIGTERM it reports NOT_SERVING to health
// checks, keeps the listener open for --drain-grace, ends open streams,
// lets calls in flight finish within --shutdown-timeout, and exits: with
// status 0 when nothing was cut off, 3 when calls in flight were, and 2 on
// any other error.
//
// Unless the environment sets them, it runs the garbage collector at
// GOGC=400 with a soft memory limit (GOMEMLIMIT) of 75% of the memory
// budget: see package internal/gc.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // validate time zones even where the system has no zone database

	"github.com/timelined/timelined/internal/gc"
	"github.com/timelined/timelined/internal/server"
)

func main() {
	gc.SetDefaults(os.Getenv)
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "timelined:", err)
		}
		if errors.Is(err, errCutOff) {
			os.Exit(exitCutOff)
		}
		os.Exit(2)
	}
}

// run parses args, serves until ctx ends or a signal comes, then shuts down.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("timelined", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr(getenv, "TIMELINED_ADDR", server.DefaultAddr), "`address` to listen on (env TIMELINED_ADDR)")
	metricsAddr := fs.String("metrics-addr", getenv("TIMELINED_METRICS_ADDR"), "HTTP `address` for Prometheus /metrics; off when empty (env TIMELINED_METRICS_ADDR)")
	pprofOn := fs.Bool("pprof", false, "also serve Go's profiles at /debug/pprof/ on --metrics-addr")
	maxMsg := fs.Int("max-message-bytes", server.DefaultMaxMessageBytes, "largest request message in `bytes`")
	maxArticles := fs.Int("max-articles", server.DefaultMaxArticles, "most articles per BuildTimeline request")
	maxArticleBytes := fs.Int("max-article-bytes", server.DefaultMaxArticleBytes, "largest article text in `bytes`")
	cacheBytes := fs.Int64("cache-bytes", server.DefaultCacheBytes, "budget of the analysis cache of recent articles in `bytes`; 0 turns it off")
	shutdownTimeout := fs.Duration("shutdown-timeout", defaultShutdownTimeout, "the whole drain after SIGINT/SIGTERM, --drain-grace included: calls still running then are cut off")
	prod := registerProdFlags(fs, getenv)
	logFormat := fs.String("log-format", "text", "log `format`: text or json")
	var level slog.Level
	fs.TextVar(&level, "log-level", slog.LevelInfo, "log `level`: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"max-message-bytes", *maxMsg}, {"max-articles", *maxArticles}, {"max-article-bytes", *maxArticleBytes}} {
		if f.v <= 0 {
			return fmt.Errorf("--%s must be positive, got %d", f.name, f.v)
		}
	}
	if *pprofOn && *metricsAddr == "" {
		return errors.New("--pprof needs --metrics-addr")
	}
	if *cacheBytes < 0 {
		return fmt.Errorf("--cache-bytes must not be negative, got %d", *cacheBytes)
	}
	if *cacheBytes == 0 {
		*cacheBytes = -1 // Config's "off"
	}
	if *shutdownTimeout < 0 {
		return fmt.Errorf("--shutdown-timeout must not be negative, got %v", *shutdownTimeout)
	}
	if err := prod.check(*shutdownTimeout); err != nil {
		return err
	}
	hopts := &slog.HandlerOptions{Level: level}
	var log *slog.Logger
	switch *logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(stderr, hopts))
	case "json":
		log = slog.New(slog.NewJSONHandler(stderr, hopts))
	default:
		return fmt.Errorf("--log-format must be text or json, got %q", *logFormat)
	}

	cfg := server.Config{
		Addr:        *addr,
		MetricsAddr: *metricsAddr,
		Pprof:       *pprofOn,
		Limits: server.Limits{
			MaxMessageBytes: *maxMsg,
			MaxArticles:     *maxArticles,
			MaxArticleBytes: *maxArticleBytes,
		},
		CacheBytes: *cacheBytes,
		Logger:     log,
	}
	stopTracing, err := prod.configure(ctx, &cfg, log, getenv)
	if err != nil {
		return err
	}
	defer stopTracing(context.Background())
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	stop() // a second signal kills the process the usual way

	log.Info("shutting down", "timeout", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	cutOff := srv.Shutdown(sctx)
	if cutOff != nil {
		log.Warn("calls in flight were cut off", "err", cutOff)
	}
	if err := <-served; err != nil {
		return err
	}
	if cutOff != nil {
		return errCutOff
	}
	log.Info("stopped")
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}
