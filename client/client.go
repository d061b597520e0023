// Package client is a small typed Go client for timelined's TimelineService
// and StoryService.
//
// A Client wraps one gRPC connection. Calls that fail with UNAVAILABLE (the
// server restarting, a connection reset) are retried a few times with
// backoff: TimelineService's RPCs are pure functions of their request, and
// StoryService's writes are idempotent (AddArticles per article id), so a
// retry is safe.
package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

// MaxResponseBytes is the largest response a Client accepts by default. A
// chronology quotes its sources, so responses can be larger than gRPC's
// usual 4 MiB. Override it with WithDialOptions(grpc.WithDefaultCallOptions(
// grpc.MaxCallRecvMsgSize(n))).
const MaxResponseBytes = 64 << 20

// serviceConfig retries calls that fail with UNAVAILABLE: up to 4 attempts,
// backing off from 0.1 s to 1 s.
const serviceConfig = `{
  "methodConfig": [{
    "name": [{"service": "timeline.v1.TimelineService"}, {"service": "timeline.v1.StoryService"}],
    "retryPolicy": {
      "maxAttempts": 4,
      "initialBackoff": "0.1s",
      "maxBackoff": "1s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
}`

// Option configures New.
type Option func(*options)

type options struct {
	creds credentials.TransportCredentials
	dial  []grpc.DialOption
}

// WithTLS connects over TLS with cfg; a nil cfg uses the system roots. TLS
// with the system roots is the default.
func WithTLS(cfg *tls.Config) Option {
	return func(o *options) { o.creds = credentials.NewTLS(cfg) }
}

// TLSFiles names the PEM files of a client's TLS configuration; every
// field is optional.
type TLSFiles struct {
	// CAFile holds the certificates of the authorities the server's
	// certificate must come from; the system's roots when empty.
	CAFile string
	// CertFile and KeyFile hold the client's certificate and key, for a
	// server that requires client certificates (mutual TLS). Both or
	// neither.
	CertFile, KeyFile string
	// ServerName is the name the server's certificate must bear, when it
	// is not the host of the address dialled.
	ServerName string
}

// TLSConfig returns the TLS configuration the files describe, for WithTLS.
func (f TLSFiles) TLSConfig() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: f.ServerName}
	if f.CAFile != "" {
		pem, err := os.ReadFile(f.CAFile)
		if err != nil {
			return nil, fmt.Errorf("client: %w", err)
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("client: %s holds no PEM certificate", f.CAFile)
		}
	}
	switch {
	case f.CertFile != "" && f.KeyFile != "":
		cert, err := tls.LoadX509KeyPair(f.CertFile, f.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("client: load client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	case f.CertFile != "" || f.KeyFile != "":
		return nil, errors.New("client: a client certificate needs both its certificate file and its key file")
	}
	return cfg, nil
}

// WithInsecure connects without transport security, for loopback and tests.
// It must be asked for: the default is TLS.
func WithInsecure() Option {
	return func(o *options) { o.creds = insecure.NewCredentials() }
}

// WithDialOptions adds gRPC dial options, applied after the client's own so
// that they can override them.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(o *options) { o.dial = append(o.dial, opts...) }
}

// Client calls a timelined server. It is safe for concurrent use.
type Client struct {
	conn    *grpc.ClientConn
	rpc     timelinev1.TimelineServiceClient
	stories timelinev1.StoryServiceClient
}

// New returns a Client for the server at addr ("host:port", or any target
// gRPC understands). It does not wait for a connection: the first call
// connects.
func New(addr string, opts ...Option) (*Client, error) {
	if addr == "" {
		return nil, errors.New("client: empty server address")
	}
	o := options{creds: credentials.NewTLS(nil)}
	for _, opt := range opts {
		opt(&o)
	}
	dial := []grpc.DialOption{
		grpc.WithTransportCredentials(o.creds),
		grpc.WithDefaultServiceConfig(serviceConfig),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(MaxResponseBytes)),
		// Ping a silent connection every 30 s (the server accepts one ping
		// per 10 s) so that a dead peer is noticed before the next call.
		grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
	}
	conn, err := grpc.NewClient(addr, append(dial, o.dial...)...)
	if err != nil {
		return nil, fmt.Errorf("client: connect to %s: %w", addr, err)
	}
	return &Client{conn: conn, rpc: timelinev1.NewTimelineServiceClient(conn), stories: timelinev1.NewStoryServiceClient(conn)}, nil
}

// ResolveDates finds and resolves the temporal expressions of one article.
func (c *Client) ResolveDates(ctx context.Context, req *timelinev1.ResolveDatesRequest, opts ...grpc.CallOption) (*timelinev1.ResolveDatesResponse, error) {
	return c.rpc.ResolveDates(ctx, req, opts...)
}

// BuildTimeline builds one chronology from many articles.
func (c *Client) BuildTimeline(ctx context.Context, req *timelinev1.BuildTimelineRequest, opts ...grpc.CallOption) (*timelinev1.BuildTimelineResponse, error) {
	return c.rpc.BuildTimeline(ctx, req, opts...)
}

// Stories returns the StoryService client on the same connection: stories
// kept by the server, their chronologies and their changes.
func (c *Client) Stories() timelinev1.StoryServiceClient { return c.stories }

// Conn returns the underlying connection, for other services on the same
// server (grpc.health.v1).
func (c *Client) Conn() *grpc.ClientConn { return c.conn }

// Close closes the connection; calls in flight fail with CANCELED.
func (c *Client) Close() error {
	if err := c.conn.Close(); err != nil {
		return fmt.Errorf("client: close: %w", err)
	}
	return nil
}
