package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	reflectiongrpc "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// TestDrain follows a shutdown step by step: NOT_SERVING first, health
// watches end once they sent it, the listener stays open during the grace
// period (a new client sees NOT_SERVING, and calls are still served), open
// streams end with UNAVAILABLE, the call in flight finishes, and Shutdown
// reports that nothing was cut off.
func TestDrain(t *testing.T) {
	h := newHook()
	const grace = 3 * time.Second
	ts := start(t, server.WithTestInterceptor(server.Config{Production: server.Production{DrainGrace: grace}}, h.intercept))
	ctx := callCtx(t)
	health := healthgrpc.NewHealthClient(ts.conn)
	watch, err := health.Watch(ctx, &healthgrpc.HealthCheckRequest{Service: serviceName})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := watch.Recv(); err != nil || st.GetStatus() != healthgrpc.HealthCheckResponse_SERVING {
		t.Fatalf("Watch = %v, %v; want SERVING", st.GetStatus(), err)
	}
	// A watch of a service the server does not have.
	unknown, err := health.Watch(ctx, &healthgrpc.HealthCheckRequest{Service: "no.Such"})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := unknown.Recv(); err != nil || st.GetStatus() != healthgrpc.HealthCheckResponse_SERVICE_UNKNOWN {
		t.Fatalf("Watch(no.Such) = %v, %v; want SERVICE_UNKNOWN", st.GetStatus(), err)
	}
	// A reflection stream left open, as a grpcurl session would.
	refl, err := reflectiongrpc.NewServerReflectionClient(ts.conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := refl.Send(&reflectiongrpc.ServerReflectionRequest{MessageRequest: &reflectiongrpc.ServerReflectionRequest_ListServices{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := refl.Recv(); err != nil {
		t.Fatal(err)
	}
	// A call in flight.
	inflight := make(chan error, 1)
	go func() {
		_, err := ts.rpc.ResolveDates(withHeader(ctx, "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
		inflight <- err
	}()
	if _, err := wait(h.entered, 10*time.Second); err != nil {
		t.Fatal("call never reached the handler")
	}

	began := time.Now()
	shutdown := make(chan error, 1)
	go func() {
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		shutdown <- ts.srv.Shutdown(sctx)
	}()

	// 1. The watches send NOT_SERVING (the unknown one, nothing new) and end.
	if st, err := watch.Recv(); err != nil || st.GetStatus() != healthgrpc.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("Watch at shutdown = %v, %v; want NOT_SERVING", st.GetStatus(), err)
	}
	for name, w := range map[string]healthgrpc.Health_WatchClient{"watch": watch, "unknown": unknown} {
		if _, err := w.Recv(); status.Code(err) != codes.Unavailable {
			t.Errorf("%s after NOT_SERVING: %v, want UNAVAILABLE", name, err)
		}
	}

	// 2. During the grace period a new client connects and sees
	// NOT_SERVING, and calls are served.
	fresh, err := grpc.NewClient(ts.addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	resp, err := healthgrpc.NewHealthClient(fresh).Check(ctx, &healthgrpc.HealthCheckRequest{Service: serviceName})
	if err != nil || resp.GetStatus() != healthgrpc.HealthCheckResponse_NOT_SERVING {
		t.Errorf("Check from a new client during the grace period = %v, %v; want NOT_SERVING", resp.GetStatus(), err)
	}
	if _, err := timelinev1.NewTimelineServiceClient(fresh).ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); err != nil {
		t.Errorf("a call during the grace period: %v", err)
	}
	if time.Since(began) > grace {
		t.Fatalf("the test took longer than the grace period (%v)", grace)
	}

	// 3. After it, the reflection stream ends with UNAVAILABLE.
	if _, err := refl.Recv(); status.Code(err) != codes.Unavailable {
		t.Errorf("reflection stream at shutdown: %v, want UNAVAILABLE", err)
	}
	if took := time.Since(began); took < grace {
		t.Errorf("streams ended %v after shutdown began, before the grace period (%v)", took, grace)
	}

	// 4. The call in flight finishes, then Shutdown returns nil.
	select {
	case err := <-shutdown:
		t.Fatalf("Shutdown returned (%v) with a call in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(h.release)
	if err, _ := wait(inflight, 10*time.Second); err != nil {
		t.Errorf("call in flight = %v, want it to finish", err)
	}
	if err, werr := wait(shutdown, 10*time.Second); err != nil || werr != nil {
		t.Errorf("Shutdown = %v, %v; want nil", err, werr)
	}
}

// logLines returns the JSON log lines of ts whose grpc.method is method.
func logLines(t *testing.T, ts *testServer, method string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(ts.logs.String(), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if m["grpc.method"] == method {
			out = append(out, m)
		}
	}
	return out
}

// TestEveryCallObserved: calls refused before any handler runs, deadlines
// and cancellations are logged and counted with the code the client got.
func TestEveryCallObserved(t *testing.T) {
	h := newHook()
	reg := prometheus.NewRegistry()
	ts := start(t, server.WithTestInterceptor(server.Config{
		Registry: reg,
		Limits:   server.Limits{MaxMessageBytes: 64 << 10},
	}, h.intercept))
	ctx := callCtx(t)

	// Oversized: refused by gRPC before any interceptor.
	_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{Id: "a", Text: strings.Repeat("x", 100<<10)}})
	statusOf(t, err, codes.ResourceExhausted)
	// Garbage: INVALID_ARGUMENT.
	err = ts.conn.Invoke(ctx, "/timeline.v1.TimelineService/BuildTimeline", &rawMessage{[]byte{0xff, 0xff}}, &rawMessage{}, grpc.ForceCodec(rawCodec{}))
	statusOf(t, err, codes.InvalidArgument)
	// The client's deadline passes while the handler works.
	dctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err = ts.rpc.ResolveDates(withHeader(dctx, "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
	statusOf(t, err, codes.DeadlineExceeded)
	// The client cancels.
	cctx, ccancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := ts.rpc.BuildTimeline(withHeader(cctx, "block"), &timelinev1.BuildTimelineRequest{Articles: seeds(t)})
		done <- err
	}()
	<-h.entered // the deadline call's entry
	<-h.entered
	ccancel()
	statusOf(t, <-done, codes.Canceled)
	for range 2 {
		<-h.ended
	}
	// Reflection.
	refl, err := reflectiongrpc.NewServerReflectionClient(ts.conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	refl.Send(&reflectiongrpc.ServerReflectionRequest{MessageRequest: &reflectiongrpc.ServerReflectionRequest_ListServices{}})
	refl.Recv()
	refl.CloseSend()
	refl.Recv()

	// The server sees each call end a little after the client: wait for
	// the log lines.
	want := map[string][]string{
		"ResolveDates":         {"ResourceExhausted", "DeadlineExceeded"},
		"BuildTimeline":        {"InvalidArgument", "Canceled"},
		"ServerReflectionInfo": {"OK"},
	}
	var got map[string][]string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		got = map[string][]string{}
		for m := range want {
			for _, l := range logLines(t, ts, m) {
				got[m] = append(got[m], l["grpc.code"].(string))
			}
		}
		if len(got["ResolveDates"])+len(got["BuildTimeline"])+len(got["ServerReflectionInfo"]) >= 5 || time.Now().After(deadline) {
			break
		}
	}
	for m, codes := range want {
		for _, c := range codes {
			if !strings.Contains(strings.Join(got[m], ","), c) {
				t.Errorf("%s: logged codes %q lack %s", m, got[m], c)
			}
		}
	}
	for _, l := range logLines(t, ts, "ResolveDates") {
		if l["grpc.code"] == "ResourceExhausted" && l["timelined.limit"] != "max-message-bytes" {
			t.Errorf("oversized call logged without its limit: %v", l)
		}
	}
	for _, l := range logLines(t, ts, "ServerReflectionInfo") {
		if l["level"] != "DEBUG" {
			t.Errorf("reflection logged at %v, want DEBUG", l["level"])
		}
	}
	for _, c := range []struct{ method, code string }{
		{"ResolveDates", "ResourceExhausted"}, {"ResolveDates", "DeadlineExceeded"},
		{"BuildTimeline", "InvalidArgument"}, {"BuildTimeline", "Canceled"},
	} {
		n, err := testutil.GatherAndCount(reg, "timelined_grpc_calls_total")
		if err != nil || n == 0 {
			t.Fatalf("timelined_grpc_calls_total: %d series, %v", n, err)
		}
		mf, _ := reg.Gather()
		found := false
		for _, f := range mf {
			if f.GetName() != "timelined_grpc_calls_total" {
				continue
			}
			for _, m := range f.GetMetric() {
				labels := map[string]string{}
				for _, lp := range m.GetLabel() {
					labels[lp.GetName()] = lp.GetValue()
				}
				found = found || labels["grpc_method"] == c.method && labels["grpc_code"] == c.code && m.GetCounter().GetValue() >= 1
			}
		}
		if !found {
			t.Errorf("timelined_grpc_calls_total lacks %s %s", c.method, c.code)
		}
	}
}
