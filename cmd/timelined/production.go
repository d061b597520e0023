package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/timelined/timelined/internal/gc"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/tlsfiles"
	"github.com/timelined/timelined/internal/tracing"
)

// errCutOff says the drain's deadline came before every call in flight
// finished: main exits with exitCutOff.
var errCutOff = errors.New("calls in flight were cut off by the end of the drain (--shutdown-timeout)")

// exitCutOff is the exit status when calls were cut off at shutdown.
const exitCutOff = 3

// The defaults of the drain.
const (
	defaultShutdownTimeout = 30 * time.Second
	defaultDrainGrace      = 5 * time.Second
)

// prodFlags are the flags of the production settings: per-call limits,
// memory budget, drain, TLS and tracing.
type prodFlags struct {
	maxRequestText int
	maxMentions    int
	maxResponse    int
	maxCall        time.Duration
	memoryBudget   int64
	drainGrace     time.Duration
	tls            tlsfiles.Files
	otlpEndpoint   string
	healthAddr     string
}

func registerProdFlags(fs *flag.FlagSet, getenv func(string) string) *prodFlags {
	p := &prodFlags{}
	fs.IntVar(&p.maxRequestText, "max-request-text-bytes", server.DefaultMaxRequestTextBytes, "most `bytes` of article text and titles per request")
	fs.IntVar(&p.maxMentions, "max-mentions", server.DefaultMaxMentions, "most mentions (ResolveDates) or citations (BuildTimeline) per answer")
	fs.IntVar(&p.maxResponse, "max-response-bytes", server.DefaultMaxResponseBytes, "largest answer in `bytes` (4 MiB: what gRPC clients accept by default)")
	fs.DurationVar(&p.maxCall, "max-call-duration", server.DefaultMaxCallDuration, "longest a call may run, waiting for memory included; must leave --drain-grace within --shutdown-timeout")
	fs.Int64Var(&p.memoryBudget, "memory-budget", 0, "memory the process may use, in `bytes`; sets GOMEMLIMIT (unless set) and the memory calls in flight may reserve; 0: the container's memory limit, or 1 GiB without one")
	fs.DurationVar(&p.drainGrace, "drain-grace", defaultDrainGrace, "after SIGTERM, how long health answers NOT_SERVING with the listener still open and calls still served, before the drain")
	fs.StringVar(&p.tls.CertFile, "tls-cert-file", getenv("TIMELINED_TLS_CERT_FILE"), "serve TLS with the certificate chain in this PEM `file` (reloaded when it changes; env TIMELINED_TLS_CERT_FILE)")
	fs.StringVar(&p.tls.KeyFile, "tls-key-file", getenv("TIMELINED_TLS_KEY_FILE"), "the private key of --tls-cert-file, a PEM `file` (env TIMELINED_TLS_KEY_FILE)")
	fs.StringVar(&p.tls.ClientCAFile, "tls-client-ca-file", getenv("TIMELINED_TLS_CLIENT_CA_FILE"), "require client certificates from the authorities in this PEM `file` (mutual TLS; env TIMELINED_TLS_CLIENT_CA_FILE)")
	fs.StringVar(&p.healthAddr, "health-addr", getenv("TIMELINED_HEALTH_ADDR"), "also serve grpc.health.v1 alone, in plaintext, on this `address`, for probes without certificates (Kubernetes gRPC probes when --tls-client-ca-file is set); env TIMELINED_HEALTH_ADDR")
	fs.StringVar(&p.otlpEndpoint, "otlp-endpoint", "", "export traces over OTLP/gRPC to this `URL` (http://collector:4317); off unless set here or by OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT")
	return p
}

// check validates the flags against each other.
func (p *prodFlags) check(shutdownTimeout time.Duration) error {
	for _, f := range []struct {
		name string
		v    int
	}{{"max-request-text-bytes", p.maxRequestText}, {"max-mentions", p.maxMentions}, {"max-response-bytes", p.maxResponse}} {
		if f.v <= 0 {
			return fmt.Errorf("--%s must be positive, got %d", f.name, f.v)
		}
	}
	if p.maxCall <= 0 {
		return fmt.Errorf("--max-call-duration must be positive, got %v", p.maxCall)
	}
	if p.memoryBudget < 0 {
		return fmt.Errorf("--memory-budget must not be negative, got %d", p.memoryBudget)
	}
	if p.drainGrace < 0 {
		return fmt.Errorf("--drain-grace must not be negative, got %v", p.drainGrace)
	}
	// A call that arrives at the end of the grace period must finish, or
	// be stopped by its own limit, before the drain ends.
	if p.drainGrace+p.maxCall >= shutdownTimeout {
		return fmt.Errorf("--drain-grace (%v) plus --max-call-duration (%v) must be shorter than --shutdown-timeout (%v), so that no call is cut off at shutdown",
			p.drainGrace, p.maxCall, shutdownTimeout)
	}
	if (p.tls.CertFile == "") != (p.tls.KeyFile == "") {
		return errors.New("--tls-cert-file and --tls-key-file go together")
	}
	if p.tls.ClientCAFile != "" && p.tls.CertFile == "" {
		return errors.New("--tls-client-ca-file needs --tls-cert-file and --tls-key-file")
	}
	return nil
}

// configure fills cfg's limits and production settings from the flags and
// sets the soft memory limit; it returns the function that stops tracing
// (flushing what is left).
func (p *prodFlags) configure(ctx context.Context, cfg *server.Config, log *slog.Logger, getenv func(string) string) (func(context.Context) error, error) {
	cfg.Limits.MaxRequestTextBytes = p.maxRequestText
	cfg.Limits.MaxMentions = p.maxMentions
	cfg.Limits.MaxResponseBytes = p.maxResponse
	cfg.Limits.MaxCallDuration = p.maxCall

	budget, from := gc.Budget(p.memoryBudget, server.DefaultMemoryBudget)
	cfg.MemoryBudget = budget
	limit := gc.ApplyBudget(getenv, budget)
	log.Info("memory budget", "bytes", budget, "from", from, "GOMEMLIMIT", limit)
	cfg.DrainGrace = p.drainGrace
	cfg.HealthAddr = p.healthAddr

	if p.tls.CertFile != "" {
		r, err := tlsfiles.New(p.tls, log)
		if err != nil {
			return nil, err
		}
		cfg.TLS = r.Config()
		log.Info("TLS on", "cert", p.tls.CertFile, "client_certificates_required", p.tls.ClientCAFile != "")
	}

	tp, stop, err := tracing.Setup(ctx, p.otlpEndpoint, getenv)
	if err != nil {
		return nil, err
	}
	if tp == nil {
		return func(context.Context) error { return nil }, nil
	}
	cfg.TracerProvider = tp
	log.Info("tracing on: spans go over OTLP/gRPC", "endpoint", p.otlpEndpoint)
	return stop, nil
}
