// Package web is timelined's HTTP face: Prometheus metrics at /metrics,
// Go's profiles at /debug/pprof/ (when asked for) and a page per story at
// /stories/{story}, server-rendered with html/template and kept current
// by server-sent events from the story's watch (/stories/{story}/events).
// No JavaScript build step: the page works without scripts, and a few
// lines of inline script apply the events.
//
// Its Server has a lifecycle of its own, apart from the gRPC server's.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/timelined/timelined/internal/story"
)

// Config configures the HTTP server.
type Config struct {
	// Addr is the TCP address ListenAndServe listens on.
	Addr string
	// Registry, when not nil, is served at /metrics.
	Registry prometheus.Gatherer
	// Pprof adds Go's profiles at /debug/pprof/. Profiles show code and
	// request shapes: serve them only where the address is private.
	Pprof bool
	// Stories, when not nil, are served as pages at /stories/{story}.
	Stories *story.Service
	// Logger receives errors; nil discards them.
	Logger *slog.Logger
	// Heartbeat is how often an idle event stream sends a comment, so
	// that proxies keep it open; 25 s when zero.
	Heartbeat time.Duration
}

// Handler returns the mux cfg describes.
func Handler(cfg Config) http.Handler {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	if cfg.Registry != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}))
	}
	if cfg.Pprof {
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	}
	if cfg.Stories != nil {
		p := &pages{stories: cfg.Stories, log: log, heartbeat: cfg.Heartbeat}
		if p.heartbeat <= 0 {
			p.heartbeat = 25 * time.Second
		}
		mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/stories", http.StatusFound)
		})
		mux.HandleFunc("GET /stories", p.list)
		mux.HandleFunc("GET /stories/{story}", p.story)
		mux.HandleFunc("GET /stories/{story}/events", p.events)
	}
	return mux
}

// Server serves Handler(cfg) until Shutdown.
type Server struct {
	cfg Config
	hs  *http.Server
	log *slog.Logger

	mu   sync.Mutex
	addr net.Addr
}

// New returns a Server for cfg; it does not listen yet.
func New(cfg Config) *Server {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{cfg: cfg, log: log, hs: &http.Server{
		Handler:           Handler(cfg),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}}
}

// ListenAndServe listens on Config.Addr and serves until Shutdown; it
// returns nil after Shutdown.
func (s *Server) ListenAndServe() error {
	lis, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen for HTTP on %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(lis)
}

// Serve serves on lis until Shutdown; it returns nil after Shutdown.
func (s *Server) Serve(lis net.Listener) error {
	s.mu.Lock()
	s.addr = lis.Addr()
	s.mu.Unlock()
	s.log.Info("serving HTTP", "addr", lis.Addr().String())
	if err := s.hs.Serve(lis); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve HTTP: %w", err)
	}
	return nil
}

// Addr returns the address Serve listens on, or nil before Serve.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Shutdown stops accepting requests and waits, until ctx ends, for those
// in flight; event streams end when the story service closes. Past ctx,
// connections are closed.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.hs.Shutdown(ctx)
	if err != nil {
		s.hs.Close()
	}
	return err
}
