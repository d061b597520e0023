// Command timelined serves the timeline.v1.TimelineService over gRPC.
//
// Usage:
//
//	timelined [flags]
//
// Flags:
//
//	--addr               address to listen on (default localhost:50051, env TIMELINED_ADDR)
//	--metrics-addr       HTTP address for /metrics and the story pages (/stories/{story}); off when empty (env TIMELINED_METRICS_ADDR)
//	--pprof              also serve Go's profiles at /debug/pprof/ on --metrics-addr
//	--store              where stories are kept: a SQLite file PATH, a postgres://... URL, or none
//	                     (default: timelined/stories.db in the user's data directory; env TIMELINED_STORE)
//	--max-stories        most stories the store may hold (default 10000)
//	--max-story-articles most articles per story (default 100000)
//	--max-story-text-bytes most article text per story (default: from --memory-budget, 23 MB at 1 GiB)
//	--max-watchers       most WatchTimeline streams and page event streams at once (default 1000)
//	--keep-versions      versions of changes kept per story for watchers that resume (default 1000)
//	--story-cache-bytes  memory for stories kept loaded between writes (default 512 MiB)
//	--max-message-bytes  largest request message (default 16 MiB)
//	--max-articles       most articles per BuildTimeline or AddArticles request (default 1000)
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
// It prints where the stories are kept at start-up, and upgrades the
// store's schema when it is older than the server's.
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
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	_ "time/tzdata" // validate time zones even where the system has no zone database

	"github.com/prometheus/client_golang/prometheus"

	"github.com/timelined/timelined/internal/gc"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/store/postgres"
	"github.com/timelined/timelined/internal/store/sqlite"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/web"
)

func main() {
	gc.SetServerDefaults(os.Getenv)
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
	metricsAddr := fs.String("metrics-addr", getenv("TIMELINED_METRICS_ADDR"), "HTTP `address` for Prometheus /metrics and the story pages; off when empty (env TIMELINED_METRICS_ADDR)")
	storeAt := fs.String("store", getenv("TIMELINED_STORE"), "where stories are kept: a SQLite file `PATH`, a postgres:// URL, or none to serve no stories (default: timelined/stories.db in the user's data directory; env TIMELINED_STORE)")
	maxStories := fs.Int("max-stories", story.DefaultMaxStories, "most stories the store may hold")
	maxStoryArticles := fs.Int("max-story-articles", story.DefaultMaxArticlesPerStory, "most articles per story")
	maxStoryText := fs.Int64("max-story-text-bytes", 0, "most article text per story in `bytes` (0: what six tenths of --memory-budget hold, at 28 bytes of memory per byte of a story's text; 23 MB at 1 GiB)")
	maxWatchers := fs.Int("max-watchers", story.DefaultMaxWatchers, "most WatchTimeline streams and page event streams served at once")
	keepVersions := fs.Int64("keep-versions", story.DefaultKeepVersions, "versions of changes kept per story for watchers that resume")
	storyCacheBytes := fs.Int64("story-cache-bytes", story.DefaultLoadedBytes, "memory in `bytes` for the stories kept loaded between writes")
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
	}{{"max-message-bytes", *maxMsg}, {"max-articles", *maxArticles}, {"max-article-bytes", *maxArticleBytes},
		{"max-stories", *maxStories}, {"max-story-articles", *maxStoryArticles}, {"max-watchers", *maxWatchers},
		{"keep-versions", int(min(*keepVersions, 1<<30))}, {"story-cache-bytes", int(min(*storyCacheBytes, 1<<40))}} {
		if f.v <= 0 {
			return fmt.Errorf("--%s must be positive, got %d", f.name, f.v)
		}
	}
	if *maxStoryText < 0 {
		return fmt.Errorf("--max-story-text-bytes must not be negative, got %d", *maxStoryText)
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

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var registry *prometheus.Registry
	if *metricsAddr != "" {
		registry = server.NewRegistry()
	}
	cfg := server.Config{
		Addr: *addr,
		Limits: server.Limits{
			MaxMessageBytes: *maxMsg,
			MaxArticles:     *maxArticles,
			MaxArticleBytes: *maxArticleBytes,
		},
		CacheBytes: *cacheBytes,
		Logger:     log,
		Registry:   registry,
	}
	// The production settings (TLS files, memory budget, tracing) are
	// checked before the store is opened: a bad flag fails before any
	// database is touched.
	stopTracing, err := prod.configure(ctx, &cfg, log, getenv)
	if err != nil {
		return err
	}
	defer stopTracing(context.Background())
	if err := server.CheckMemoryBudget(cfg); err != nil {
		return err
	}

	var stories *story.Service
	if *storeAt == storeNone {
		log.Info("stories are off (--store none): only the TimelineService is served")
	} else {
		store, where, err := openStore(ctx, *storeAt, getenv)
		if err != nil {
			return err
		}
		defer store.Close()
		log.Info("stories are kept in " + where)
		storyText := *maxStoryText
		if storyText == 0 && cfg.MemoryBudget > 0 {
			storyText = story.TextBytesForMemory(cfg.MemoryBudget)
		}
		stories, err = story.New(story.Config{
			Store: store,
			Limits: story.Limits{
				MaxStories:           *maxStories,
				MaxArticlesPerStory:  *maxStoryArticles,
				MaxTextBytesPerStory: storyText,
				MaxWatchers:          *maxWatchers,
				KeepVersions:         *keepVersions,
			},
			LoadedBytes: *storyCacheBytes,
			Logger:      log,
		})
		if err != nil {
			return err
		}
		defer stories.Close()
		cfg.Stories = stories
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	// The HTTP server (metrics, profiles, story pages) has its own
	// lifecycle: it listens before gRPC serves and stops after it.
	var hs *web.Server
	httpDone := make(chan error, 1)
	if *metricsAddr != "" {
		lis, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			return fmt.Errorf("listen for HTTP on %s: %w", *metricsAddr, err)
		}
		hs = web.New(web.Config{Registry: registry, Pprof: *pprofOn, Stories: stories, Logger: log})
		go func() { httpDone <- hs.Serve(lis) }()
	}
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	var serveErr error
	select {
	case serveErr = <-served:
	case serveErr = <-httpDone:
	case <-ctx.Done():
	}
	stop() // a second signal kills the process the usual way

	log.Info("shutting down", "timeout", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	// gRPC first: it closes the story service, which ends every watch,
	// the pages' event streams included; then HTTP.
	cutOff := srv.Shutdown(sctx)
	if cutOff != nil {
		log.Warn("calls in flight were cut off", "err", cutOff)
	}
	if hs != nil {
		if err := hs.Shutdown(sctx); err != nil {
			log.Warn("HTTP requests in flight were cut off", "err", err)
		}
	}
	if serveErr != nil {
		return serveErr
	}
	if err := <-served; err != nil {
		return err
	}
	if hs != nil {
		if err := <-httpDone; err != nil {
			return err
		}
	}
	if cutOff != nil {
		return errCutOff
	}
	log.Info("stopped")
	return nil
}

// storeNone is the --store value that turns stories off.
const storeNone = "none"

// openStore opens the store at: a postgres:// URL, a SQLite path, or, when
// empty, the default SQLite file. It returns where, for the log.
func openStore(ctx context.Context, at string, getenv func(string) string) (story.Store, string, error) {
	if postgres.IsURL(at) {
		st, err := postgres.Open(ctx, at)
		if err != nil {
			return nil, "", err
		}
		u, perr := url.Parse(at)
		where := "PostgreSQL"
		if perr == nil {
			u.User = nil
			u.RawQuery = ""
			where = "PostgreSQL " + u.String()
		}
		return st, where, nil
	}
	if at == "" {
		p, err := sqlite.DefaultPath(getenv)
		if err != nil {
			return nil, "", err
		}
		at = p
	}
	abs, err := filepath.Abs(at)
	if err != nil {
		return nil, "", err
	}
	st, err := sqlite.Open(ctx, abs)
	if err != nil {
		return nil, "", err
	}
	return st, abs, nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}
