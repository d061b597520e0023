package server

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
)

// DefaultMemoryBudget is the memory budget of a server whose Config does
// not set one and that runs outside a container with a memory limit.
const DefaultMemoryBudget = 1 << 30

// callShareOfBudget is the part of the memory budget the calls in flight
// may reserve, in tenths; the rest is for the analysis cache (taken from
// the calls' share), the runtime, the connections and the garbage the
// collector has not yet collected under the soft limit.
const callShareOfBudget = 6

// Production holds the settings a server needs where services run. The
// zero value is usable: 1 GiB of memory, no grace period, plaintext, no
// tracing.
type Production struct {
	// MemoryBudget is the memory, in bytes, the process may use (the
	// command sets the soft memory limit, GOMEMLIMIT, from it too). Six
	// tenths of it, less CacheBytes, is what the calls in flight may
	// reserve (see admission.go). DefaultMemoryBudget when zero; no
	// admission when negative.
	MemoryBudget int64
	// DrainGrace is how long Shutdown keeps the listener open and serving
	// after health turns NOT_SERVING, so that load balancers see it.
	DrainGrace time.Duration
	// TLS, when not nil, serves gRPC over TLS with it; with ClientAuth set
	// to tls.RequireAndVerifyClientCert, only clients with a certificate
	// from its ClientCAs get in (package tlsfiles makes one whose files are
	// reloaded when they change).
	TLS *tls.Config
	// TracerProvider, when not nil, traces every call (OpenTelemetry's
	// gRPC instrumentation, W3C trace context) and the stages of its work.
	TracerProvider trace.TracerProvider
	// HealthAddr, when not empty, is a second address that serves
	// grpc.health.v1 alone, in plaintext, with the same statuses: for
	// probes that cannot present a certificate (Kubernetes' gRPC probes)
	// when the main address requires TLS or client certificates. It closes
	// when the drain ends.
	HealthAddr string
}

// production is the running state of the Production settings.
type production struct {
	codec   *decodeCodec
	streams streams
	adm     *admission // nil when admission is off
	met     *serverMetrics
	tracer  trace.Tracer // nil when tracing is off
	obs     *observer
	stage   func(ctx context.Context, name string) (context.Context, func())

	healthSrv  *grpc.Server // serves HealthAddr; nil when it is not set
	healthAddr net.Addr
	gate       gatedListener // wraps the gRPC listener (drain.go)
}

// setUpProduction prepares what serverOptions and the service need.
func (s *Server) setUpProduction() error {
	p := &s.prod
	p.codec = newDecodeCodec()
	if s.registry != nil {
		met, err := newServerMetrics(s.registry)
		if err != nil {
			return fmt.Errorf("register server metrics: %w", err)
		}
		p.met = met
	}
	p.obs = &observer{log: s.log, met: p.met}

	if s.cfg.MemoryBudget >= 0 {
		capacity, err := callCapacity(&s.cfg)
		if err != nil {
			return err
		}
		p.adm = newAdmission(capacity)
		if p.met != nil {
			p.adm.onChange = func(used int64, waiting int) {
				p.met.inUse.Set(float64(used))
				p.met.waiting.Set(float64(waiting))
			}
		}
	}

	if tp := s.cfg.TracerProvider; tp != nil {
		p.tracer = tp.Tracer("github.com/timelined/timelined/internal/server")
		p.stage = func(ctx context.Context, name string) (context.Context, func()) {
			ctx, span := p.tracer.Start(ctx, name)
			return ctx, func() { span.End() }
		}
	}
	return nil
}

// serverOptions returns the gRPC options of the production settings.
func (p *production) serverOptions(cfg *Config) []grpc.ServerOption {
	opts := []grpc.ServerOption{
		grpc.ForceServerCodecV2(p.codec),
		grpc.StatsHandler(p.obs),
	}
	if cfg.TracerProvider != nil {
		opts = append(opts, grpc.StatsHandler(otelgrpc.NewServerHandler(
			otelgrpc.WithTracerProvider(cfg.TracerProvider),
			otelgrpc.WithPropagators(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})),
		)))
	}
	if cfg.TLS != nil {
		opts = append(opts, grpc.Creds(credentials.NewTLS(cfg.TLS)))
	}
	return opts
}

// warnPlaintext logs a warning when the server serves plaintext on an
// address other hosts can reach.
func (s *Server) warnPlaintext(addr net.Addr) {
	if s.cfg.TLS != nil {
		return
	}
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return
	}
	s.log.Warn("serving plaintext gRPC on an address other hosts can reach: calls and answers travel unencrypted and any client may call; set --tls-cert-file and --tls-key-file (and --tls-client-ca-file to require client certificates)",
		"addr", addr.String())
}

// serveHealthPort listens on HealthAddr, when set, and serves health there.
func (s *Server) serveHealthPort() error {
	if s.cfg.HealthAddr == "" || s.prod.healthSrv != nil {
		return nil
	}
	lis, err := net.Listen("tcp", s.cfg.HealthAddr)
	if err != nil {
		return fmt.Errorf("listen for health on %s: %w", s.cfg.HealthAddr, err)
	}
	hs := grpc.NewServer(grpc.ConnectionTimeout(10 * time.Second))
	healthgrpc.RegisterHealthServer(hs, s.health)
	s.prod.healthSrv, s.prod.healthAddr = hs, lis.Addr()
	go hs.Serve(lis) //nolint:errcheck // returns when stopped
	s.log.Info("serving health (plaintext, grpc.health.v1 only)", "addr", lis.Addr().String())
	return nil
}

// HealthAddr returns the address of the health-only listener, or nil.
func (s *Server) HealthAddr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prod.healthAddr
}

// stopHealthPort stops the health-only listener, when there is one.
func (s *Server) stopHealthPort() {
	s.mu.Lock()
	hs := s.prod.healthSrv
	s.mu.Unlock()
	if hs != nil {
		hs.Stop()
	}
}

// CheckMemoryBudget reports whether cfg's memory budget holds one call of
// the largest size its limits allow, as New will require; a command checks
// it before it opens anything. cfg's zero limits count at their defaults.
func CheckMemoryBudget(cfg Config) error {
	if cfg.MemoryBudget < 0 {
		return nil
	}
	cfg.Limits = cfg.Limits.withDefaults()
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	_, err := callCapacity(&cfg)
	return err
}

// callCapacity is the memory the calls in flight may reserve under cfg's
// budget (six tenths of it, less the cache), or an error when one call of
// the largest size would not fit.
func callCapacity(cfg *Config) (int64, error) {
	budget := cfg.MemoryBudget
	if budget == 0 {
		budget = DefaultMemoryBudget
	}
	cache := max(cfg.CacheBytes, 0)
	capacity := budget/10*callShareOfBudget - cache
	if largest := callCost(cfg.Limits.MaxRequestTextBytes); capacity < largest {
		return 0, fmt.Errorf("a memory budget of %d bytes leaves %d for calls (six tenths, less the cache's %d), less than one call of the largest size takes (%d: max-request-text-bytes %d x %d): raise the budget or lower the limit",
			budget, capacity, cache, largest, cfg.Limits.MaxRequestTextBytes, BytesPerTextByte)
	}
	return capacity, nil
}
