package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

// DefaultAddr is the address ListenAndServe uses when Config.Addr is empty.
const DefaultAddr = "localhost:50051"

// DefaultMaxConcurrentStreams is the default bound on concurrent calls per
// client connection; callers over it wait for a free stream, they do not fail.
const DefaultMaxConcurrentStreams = 256

// DefaultCacheBytes is the default budget of the analysis cache: some
// thousands of typical articles with their analysis.
const DefaultCacheBytes = 64 << 20

// maxHeaderBytes bounds the metadata (HTTP/2 header list) of one call.
const maxHeaderBytes = 64 << 10

// Config configures a Server. The zero Config is usable: default address
// and limits, no logs, no metrics.
type Config struct {
	// Addr is the TCP address ListenAndServe listens on; DefaultAddr when empty.
	Addr string
	// Limits bound each request; zero fields take their defaults.
	Limits Limits
	// Logger receives one line per call (method, code, duration, sizes) and
	// every recovered panic with its stack; nil discards logs.
	Logger *slog.Logger
	// Registry, when not nil, receives the gRPC server's and the analysis
	// cache's metrics; the HTTP server (internal/web) serves it at /metrics.
	Registry *prometheus.Registry
	// Stories, when not nil, is served as the StoryService; Shutdown
	// closes it first, so that its watch streams end cleanly.
	Stories *story.Service
	// MaxConcurrentStreams bounds concurrent calls per connection;
	// DefaultMaxConcurrentStreams when zero.
	MaxConcurrentStreams uint32
	// CacheBytes is the budget of the analysis cache BuildTimeline keeps
	// of recent articles (see timeline.Cache); DefaultCacheBytes when
	// zero, no cache when negative.
	CacheBytes int64
	// Production settings: memory budget, drain, TLS, tracing (see
	// production.go).
	Production

	// testUnary, when set, runs innermost, just around the handler; tests
	// use it to make a handler panic or block.
	testUnary grpc.UnaryServerInterceptor
}

// Server serves the TimelineService (and the StoryService, when given)
// over gRPC with health checking, server reflection, request logging,
// panic recovery and, optionally, metrics. HTTP (metrics, profiles, story
// pages) is served apart, by internal/web, with its own lifecycle.
type Server struct {
	cfg      Config
	log      *slog.Logger
	grpc     *grpc.Server
	health   *healthService
	registry *prometheus.Registry // nil when metrics are off
	prod     production

	mu       sync.Mutex
	addr     net.Addr
	shutdown bool
}

// New builds a Server from cfg: every gRPC server option is decided here.
// It does not listen; call Serve or ListenAndServe.
func New(cfg Config) (*Server, error) {
	cfg.Limits = cfg.Limits.withDefaults()
	if cfg.MaxConcurrentStreams == 0 {
		cfg.MaxConcurrentStreams = DefaultMaxConcurrentStreams
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: log, health: newHealthService(), registry: cfg.Registry}

	var metrics *grpcprom.ServerMetrics
	if s.registry != nil {
		metrics = grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram())
		if err := s.registry.Register(metrics); err != nil {
			return nil, fmt.Errorf("register gRPC metrics: %w", err)
		}
	}
	cache := timeline.NewCache(cfg.CacheBytes) // nil when negative
	if s.registry != nil && cache != nil {
		if err := s.registry.Register(cacheCollector{cache}); err != nil {
			return nil, fmt.Errorf("register cache metrics: %w", err)
		}
	}
	if err := s.setUpProduction(); err != nil {
		return nil, err
	}
	s.grpc = grpc.NewServer(s.serverOptions(metrics)...)
	svc := NewService(cfg.Limits, cache)
	svc.decoded = true
	svc.tracer = s.prod.stage
	timelinev1.RegisterTimelineServiceServer(s.grpc, svc)
	if cfg.Stories != nil && s.registry != nil {
		if err := s.registry.Register(storyCollector{cfg.Stories}); err != nil {
			return nil, fmt.Errorf("register story metrics: %w", err)
		}
	}
	if cfg.Stories != nil {
		stories := NewStoryService(cfg.Stories, cfg.Limits)
		stories.decoded = true
		timelinev1.RegisterStoryServiceServer(s.grpc, stories)
	}
	healthgrpc.RegisterHealthServer(s.grpc, s.health)
	reflection.Register(s.grpc)
	if metrics != nil {
		metrics.InitializeMetrics(s.grpc)
	}
	// Not ready until Serve runs.
	s.setServing(healthgrpc.HealthCheckResponse_NOT_SERVING)
	return s, nil
}

// serverOptions returns every option of the gRPC server, so that they can be
// read in one place.
func (s *Server) serverOptions(metrics *grpcprom.ServerMetrics) []grpc.ServerOption {
	recoverOpt := recovery.WithRecoveryHandlerContext(s.recoverPanic)

	// Calls are logged by the stats handler (stats.go), which sees every
	// call, those refused before any interceptor runs included. The
	// decode check runs first (codec.go), admission last (admission.go).
	unary := []grpc.UnaryServerInterceptor{s.prod.codec.unary}
	stream := []grpc.StreamServerInterceptor{s.prod.codec.stream, s.prod.streams.interceptor}
	if metrics != nil {
		unary = append(unary, metrics.UnaryServerInterceptor())
		stream = append(stream, metrics.StreamServerInterceptor())
	}
	unary = append(unary, recovery.UnaryServerInterceptor(recoverOpt), s.admit)
	stream = append(stream, recovery.StreamServerInterceptor(recoverOpt))
	if s.cfg.testUnary != nil {
		unary = append(unary, s.cfg.testUnary)
	}
	return append(s.prod.serverOptions(&s.cfg),
		grpc.ChainUnaryInterceptor(unary...),
		grpc.ChainStreamInterceptor(stream...),
		grpc.MaxRecvMsgSize(s.cfg.Limits.MaxMessageBytes),
		grpc.MaxConcurrentStreams(s.cfg.MaxConcurrentStreams),
		// Serve streams on a pool of goroutines, one per core, rather than
		// a new goroutine per call, whose stack grows anew each time: 5-10%
		// less CPU per BuildTimeline under load. (Experimental in grpc-go,
		// stable in use for years.)
		grpc.NumStreamWorkers(uint32(runtime.GOMAXPROCS(0))),
		// Metadata is for tracing and auth, not data: 64 KiB is plenty and
		// keeps a call from parking megabytes in headers (gRPC allows 16 MiB).
		grpc.MaxHeaderListSize(maxHeaderBytes),
		// A client has this long to finish the connection handshake.
		grpc.ConnectionTimeout(10*time.Second),
		// Refuse clients that ping more often than every 10 s; allow pings
		// on idle connections so that clients can keep them warm.
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{
			MinTime:             10 * time.Second,
			PermitWithoutStream: true,
		}),
		// Close idle connections after 15 minutes; ping after 2 minutes of
		// silence and drop the connection when no answer comes in 20 s.
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
}

// recoverPanic turns a panic in a handler into INTERNAL, logging the panic
// and its stack; the caller learns nothing of the server's insides.
func (s *Server) recoverPanic(ctx context.Context, p any) error {
	s.log.ErrorContext(ctx, "panic in handler", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	return status.Error(codes.Internal, "internal error; the server logged the details")
}

func (s *Server) setServing(st healthgrpc.HealthCheckResponse_ServingStatus) {
	s.health.SetServingStatus("", st)
	s.health.SetServingStatus(timelinev1.TimelineService_ServiceDesc.ServiceName, st)
	if s.cfg.Stories != nil {
		s.health.SetServingStatus(timelinev1.StoryService_ServiceDesc.ServiceName, st)
	}
}

// NewRegistry returns a metrics registry with the Go runtime's and the
// process's collectors, for Config.Registry.
func NewRegistry() *prometheus.Registry {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// ListenAndServe listens on Config.Addr and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	addr := s.cfg.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return s.Serve(lis)
}

// Serve serves gRPC on lis until Shutdown, reporting SERVING to health
// checks meanwhile. It returns nil after Shutdown. Serve takes ownership
// of lis.
func (s *Server) Serve(lis net.Listener) error {
	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		lis.Close()
		return nil
	}
	s.addr = lis.Addr()
	if err := s.serveHealthPort(); err != nil { // production.go
		s.mu.Unlock()
		lis.Close()
		return err
	}
	s.setServing(healthgrpc.HealthCheckResponse_SERVING)
	s.mu.Unlock()

	s.log.Info("serving gRPC", "addr", lis.Addr().String(), "tls", s.cfg.TLS != nil)
	s.warnPlaintext(lis.Addr())
	s.prod.gate.Listener = lis // drain.go: refuses new connections once draining
	if err := s.grpc.Serve(&s.prod.gate); err != nil {
		return fmt.Errorf("serve gRPC: %w", err)
	}
	return nil
}

// Addr returns the address Serve listens on, or nil before Serve.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Shutdown stops the server: health checks turn NOT_SERVING, the listener
// stays open for Config.DrainGrace, streams end with UNAVAILABLE (story
// watches included: their clients resume elsewhere from their last
// version), new calls are refused and calls in flight may
// finish until ctx ends, when the remaining ones are cut off (see
// drain.go). It returns ctx.Err() when calls had to be cut off; a handler
// that ignores its context may then still be running.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()

	return s.drain(ctx) // drain.go
}
