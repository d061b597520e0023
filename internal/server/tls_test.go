package server_test

import (
	"context"
	"crypto/x509"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/tlsfiles"
)

// resolveOnce calls ResolveDates over a new client with opts.
func resolveOnce(t *testing.T, addr string, opts ...client.Option) error {
	t.Helper()
	c, err := client.New(addr, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = c.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
	return err
}

func tlsOption(t *testing.T, files client.TLSFiles) client.Option {
	t.Helper()
	cfg, err := files.TLSConfig()
	if err != nil {
		t.Fatal(err)
	}
	return client.WithTLS(cfg)
}

// TestTLS: server TLS and mutual TLS with certificates made here, files
// reloaded on change without a restart, and the client package's files.
func TestTLS(t *testing.T) {
	dir := t.TempDir()
	ca := servertest.NewAuthority(t, "test CA")
	serverCert, serverKey := ca.Issue(t, "timelined", x509.ExtKeyUsageServerAuth)
	clientCert, clientKey := ca.Issue(t, "a client", x509.ExtKeyUsageClientAuth)
	caFile := servertest.WriteFile(t, dir, "ca.pem", ca.PEM)
	certFile := servertest.WriteFile(t, dir, "tls.crt", serverCert)
	keyFile := servertest.WriteFile(t, dir, "tls.key", serverKey)
	ccertFile := servertest.WriteFile(t, dir, "client.crt", clientCert)
	ckeyFile := servertest.WriteFile(t, dir, "client.key", clientKey)

	t.Run("server TLS", func(t *testing.T) {
		r, err := tlsfiles.New(tlsfiles.Files{CertFile: certFile, KeyFile: keyFile}, nil)
		if err != nil {
			t.Fatal(err)
		}
		srv, addr := servertest.Start(t, server.Config{Production: server.Production{TLS: r.Config(), HealthAddr: "127.0.0.1:0"}})
		if err := resolveOnce(t, addr, tlsOption(t, client.TLSFiles{CAFile: caFile})); err != nil {
			t.Errorf("TLS call: %v", err)
		}
		// Probes without certificates use the plaintext health address.
		hc, err := grpc.NewClient(srv.HealthAddr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			t.Fatal(err)
		}
		defer hc.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if resp, err := healthgrpc.NewHealthClient(hc).Check(ctx, &healthgrpc.HealthCheckRequest{Service: serviceName}); err != nil ||
			resp.GetStatus() != healthgrpc.HealthCheckResponse_SERVING {
			t.Errorf("plaintext health check = %v, %v; want SERVING", resp.GetStatus(), err)
		}
		if _, err := timelinev1.NewTimelineServiceClient(hc).ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); status.Code(err) != codes.Unimplemented {
			t.Errorf("TimelineService on the health address: %v, want UNIMPLEMENTED", err)
		}
		if err := resolveOnce(t, addr, client.WithInsecure()); status.Code(err) != codes.Unavailable {
			t.Errorf("plaintext call to a TLS server: %v, want UNAVAILABLE", err)
		}
		if err := resolveOnce(t, addr, tlsOption(t, client.TLSFiles{})); status.Code(err) != codes.Unavailable ||
			!strings.Contains(err.Error(), "certificate") {
			t.Errorf("call trusting only the system roots: %v, want a certificate error", err)
		}
	})

	t.Run("mutual TLS, reloaded", func(t *testing.T) {
		r, err := tlsfiles.New(tlsfiles.Files{CertFile: certFile, KeyFile: keyFile, ClientCAFile: caFile, CheckEvery: -1}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, addr := servertest.Start(t, server.Config{Production: server.Production{TLS: r.Config()}})
		withCert := client.TLSFiles{CAFile: caFile, CertFile: ccertFile, KeyFile: ckeyFile}
		if err := resolveOnce(t, addr, tlsOption(t, withCert)); err != nil {
			t.Errorf("mTLS call with a client certificate: %v", err)
		}
		if err := resolveOnce(t, addr, tlsOption(t, client.TLSFiles{CAFile: caFile})); err == nil {
			t.Error("mTLS call without a client certificate succeeded")
		}
		other := servertest.NewAuthority(t, "other CA")
		oc, ok := other.Issue(t, "stranger", x509.ExtKeyUsageClientAuth)
		strangerCert, strangerKey := servertest.WriteFile(t, dir, "stranger.crt", oc), servertest.WriteFile(t, dir, "stranger.key", ok)
		if err := resolveOnce(t, addr, tlsOption(t, client.TLSFiles{CAFile: caFile, CertFile: strangerCert, KeyFile: strangerKey})); err == nil {
			t.Error("mTLS call with a certificate of another authority succeeded")
		}

		// Renewal: a new authority signs both sides; the files change in
		// place and the running server uses them.
		ca2 := servertest.NewAuthority(t, "renewed CA")
		sc2, sk2 := ca2.Issue(t, "timelined", x509.ExtKeyUsageServerAuth)
		cc2, ck2 := ca2.Issue(t, "a client", x509.ExtKeyUsageClientAuth)
		servertest.WriteFile(t, dir, "tls.key", sk2)
		servertest.WriteFile(t, dir, "tls.crt", sc2)
		servertest.WriteFile(t, dir, "ca.pem", ca2.PEM)
		ca2File := servertest.WriteFile(t, dir, "ca2.pem", ca2.PEM)
		renewed := client.TLSFiles{CAFile: ca2File, CertFile: servertest.WriteFile(t, dir, "c2.crt", cc2), KeyFile: servertest.WriteFile(t, dir, "c2.key", ck2)}
		if err := resolveOnce(t, addr, tlsOption(t, renewed)); err != nil {
			t.Errorf("call after renewal: %v", err)
		}
		if r.Reloads() != 1 {
			t.Errorf("%d reloads, want 1", r.Reloads())
		}
		if err := resolveOnce(t, addr, tlsOption(t, withCert)); err == nil {
			t.Error("a client of the old authority still gets in after renewal")
		}
		// A broken change keeps what works.
		servertest.WriteFile(t, dir, "tls.key", []byte("not a key"))
		if err := resolveOnce(t, addr, tlsOption(t, renewed)); err != nil {
			t.Errorf("call after a broken change: %v", err)
		}
	})
}

func TestPlaintextWarning(t *testing.T) {
	for _, tt := range []struct {
		listen string
		warn   bool
	}{{"127.0.0.1:0", false}, {"0.0.0.0:0", true}} {
		logs := &syncBuffer{}
		srv, err := server.New(server.Config{Logger: slog.New(slog.NewJSONHandler(logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		lis, err := net.Listen("tcp", tt.listen)
		if err != nil {
			t.Fatal(err)
		}
		served := make(chan error, 1)
		go func() { served <- srv.Serve(lis) }()
		for srv.Addr() == nil {
			time.Sleep(time.Millisecond)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		srv.Shutdown(ctx)
		cancel()
		<-served
		if got := strings.Contains(logs.String(), "plaintext"); got != tt.warn {
			t.Errorf("listening on %s: warned %v, want %v:\n%s", tt.listen, got, tt.warn, logs.String())
		}
	}
}
