package tracing_test

import (
	"context"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/grpc"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/timeline"
	"github.com/timelined/timelined/internal/tracing"
)

// collector is an OTLP/gRPC trace receiver on a loopback port.
type collector struct {
	collectortrace.UnimplementedTraceServiceServer
	mu    sync.Mutex
	spans map[string][]string // span name -> trace IDs (hex)
}

func (c *collector) Export(_ context.Context, req *collectortrace.ExportTraceServiceRequest) (*collectortrace.ExportTraceServiceResponse, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rs := range req.GetResourceSpans() {
		for _, ss := range rs.GetScopeSpans() {
			for _, s := range ss.GetSpans() {
				c.spans[s.GetName()] = append(c.spans[s.GetName()], string(s.GetTraceId()))
			}
		}
	}
	return &collectortrace.ExportTraceServiceResponse{}, nil
}

func TestOffUnlessConfigured(t *testing.T) {
	tp, stop, err := tracing.Setup(context.Background(), "", func(string) string { return "" })
	if tp != nil || stop != nil || err != nil {
		t.Errorf("Setup with nothing configured = %v, %v (stop set: %v); want tracing off", tp, err, stop != nil)
	}
}

// TestSpansReachTheCollector: a call is traced by the gRPC
// instrumentation, with spans for the stages of its work, and the spans
// reach an OTLP collector.
func TestSpansReachTheCollector(t *testing.T) {
	col := &collector{spans: map[string][]string{}}
	gs := grpc.NewServer()
	collectortrace.RegisterTraceServiceServer(gs, col)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go gs.Serve(lis)
	defer gs.Stop()

	ctx := context.Background()
	env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + lis.Addr().String()}
	tp, stop, err := tracing.Setup(ctx, "", func(k string) string { return env[k] })
	if err != nil || tp == nil {
		t.Fatalf("Setup = %v, %v", tp, err)
	}
	srv, addr := servertest.Start(t, server.Config{Production: server.Production{TracerProvider: tp}})
	c, err := client.New(addr, client.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	as, err := timeline.LoadArticles("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	req := &timelinev1.BuildTimelineRequest{}
	for _, a := range as {
		req.Articles = append(req.Articles, server.ArticleToProto(a))
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := c.BuildTimeline(cctx, req); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ResolveDates(cctx, &timelinev1.ResolveDatesRequest{Article: req.Articles[0]}); err != nil {
		t.Fatal(err)
	}
	// The server ends a call's span once the answer is sent, which may be
	// after the client has it: stop the server (it waits for its calls)
	// before flushing.
	if err := srv.Shutdown(cctx); err != nil {
		t.Fatal(err)
	}
	if err := stop(cctx); err != nil { // flushes
		t.Fatal(err)
	}
	col.mu.Lock()
	defer col.mu.Unlock()
	for _, name := range []string{"timeline.v1.TimelineService/BuildTimeline", "analyse", "merge", "timeline.v1.TimelineService/ResolveDates", "resolve dates"} {
		if len(col.spans[name]) == 0 {
			t.Errorf("no span %q among %v", name, col.spans)
		}
	}
	// The stages belong to the call's trace.
	call := col.spans["timeline.v1.TimelineService/BuildTimeline"]
	for _, stage := range []string{"analyse", "merge"} {
		for _, id := range col.spans[stage] {
			if !slices.Contains(call, id) {
				t.Errorf("span %q is not in the trace of its call", stage)
			}
		}
	}
}
