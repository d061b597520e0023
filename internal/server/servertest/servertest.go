// Package servertest runs a real timelined server on a free loopback port
// for the tests of the packages that talk to one.
package servertest

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/timelined/timelined/internal/server"
)

// Start serves cfg on 127.0.0.1:0 until tb ends, then shuts the server down
// (failing tb if the shutdown or Serve fails), and returns the server, once
// it serves, and the address it listens on.
func Start(tb testing.TB, cfg server.Config) (*server.Server, string) {
	tb.Helper()
	srv, err := server.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			tb.Errorf("shutdown: %v", err)
		}
		if err := <-served; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	// Serve sets up the metrics listener and the address before it
	// serves; wait for that so that callers can read MetricsAddr.
	for deadline := time.Now().Add(10 * time.Second); srv.Addr() == nil; time.Sleep(time.Millisecond) {
		select {
		case err := <-served:
			served <- err // for the cleanup
			tb.Fatalf("serve: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatal("server did not start serving within 10 s")
		}
	}
	return srv, lis.Addr().String()
}
