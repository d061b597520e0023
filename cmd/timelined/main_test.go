package main

import (
	"bufio"
	"context"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
)

func TestRunServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	env := map[string]string{"TIMELINED_ADDR": "127.0.0.1:0", "TIMELINED_STORE": filepath.Join(t.TempDir(), "stories.db")}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--log-format=text", "--drain-grace=0"}, func(k string) string { return env[k] }, pw)
		pw.Close()
	}()

	// The log says where it listens.
	addrRE := regexp.MustCompile(`msg="serving gRPC" addr=(\S+)`)
	lines := bufio.NewScanner(pr)
	var addr string
	for addr == "" && lines.Scan() {
		if m := addrRE.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("no 'serving gRPC' log line; run returned %v", <-done)
	}
	var rest strings.Builder
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		for lines.Scan() {
			rest.WriteString(lines.Text() + "\n")
		}
	}()

	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cctx, ccancel := context.WithTimeout(ctx, 10*time.Second)
	defer ccancel()
	resp, err := healthgrpc.NewHealthClient(conn).Check(cctx, &healthgrpc.HealthCheckRequest{Service: "timeline.v1.TimelineService"})
	if err != nil || resp.GetStatus() != healthgrpc.HealthCheckResponse_SERVING {
		t.Fatalf("health = %v, %v; want SERVING", resp.GetStatus(), err)
	}

	cancel() // as SIGTERM would
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run = %v, want nil after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not return after shutdown")
	}
	<-logged
	if !strings.Contains(rest.String(), `msg=stopped`) {
		t.Errorf("log lacks the stop line:\n%s", rest.String())
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--max-articles=0"}, "--max-articles must be positive"},
		{[]string{"--max-article-bytes=-1"}, "--max-article-bytes must be positive"},
		{[]string{"--log-format=xml"}, "--log-format must be text or json"},
		{[]string{"--shutdown-timeout=-1s"}, "--shutdown-timeout must not be negative"},
		{[]string{"--cache-bytes=-1"}, "--cache-bytes must not be negative"},
		{[]string{"--pprof"}, "--pprof needs --metrics-addr"},
		{[]string{"--max-call-duration=30s"}, "must be shorter than --shutdown-timeout"},
		{[]string{"--shutdown-timeout=10s"}, "must be shorter than --shutdown-timeout"},
		{[]string{"--max-request-text-bytes=0"}, "--max-request-text-bytes must be positive"},
		{[]string{"--tls-cert-file=a.pem"}, "go together"},
		{[]string{"--tls-client-ca-file=ca.pem"}, "needs --tls-cert-file"},
		{[]string{"--tls-cert-file=/nonexistent.pem", "--tls-key-file=/nonexistent.key"}, "nonexistent"},
		{[]string{"--memory-budget=1000000"}, "memory budget"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"--max-stories=0"}, "--max-stories must be positive"},
		{[]string{"--max-watchers=-1"}, "--max-watchers must be positive"},
		{[]string{"--store=" + filepath.Join(t.TempDir(), "a?b")}, "not allowed in a store path"},
	}
	for _, tt := range tests {
		err := run(context.Background(), tt.args, func(string) string { return "" }, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%q) = %v, want error containing %q", tt.args, err, tt.want)
		}
	}
}
