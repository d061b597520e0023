package server_test

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/timeline"
)

// BenchmarkBuildTimelineSeeds is the server's share of one BuildTimeline
// call on the seed articles, the request the load test sends: decoding the
// request, the handler, and encoding the response; transport is left out.
// cold analyses every article anew; cached finds their analysis in the
// cache, as the load test's repeated requests do.
func BenchmarkBuildTimelineSeeds(b *testing.B) {
	wire, err := proto.Marshal(&timelinev1.BuildTimelineRequest{Articles: seeds(b)})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, bc := range []struct {
		name  string
		cache *timeline.Cache
	}{{"cold", nil}, {"cached", timeline.NewCache(server.DefaultCacheBytes)}} {
		b.Run(bc.name, func(b *testing.B) {
			s := server.NewService(server.Limits{}, bc.cache)
			b.SetBytes(int64(len(wire)))
			b.ReportAllocs()
			for b.Loop() {
				var req timelinev1.BuildTimelineRequest
				if err := proto.Unmarshal(wire, &req); err != nil {
					b.Fatal(err)
				}
				resp, err := s.BuildTimeline(ctx, &req)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := proto.Marshal(resp); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildTimelineSocket is BuildTimeline on the seed articles over
// a real loopback connection from this project's Go client, with 8 calls
// in flight as in the load test and the server logging each call as
// timelined does. Client and server share this process (and the cores);
// the client is far lighter than ghz. It reports each call's latency as
// seen by the client (p50-ms, p99-ms), and is the place to profile the
// whole call:
//
//	go test -run '^$' -bench BuildTimelineSocket -cpuprofile cpu.out ./internal/server
func BenchmarkBuildTimelineSocket(b *testing.B) {
	logs := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, addr := servertest.Start(b, server.Config{Logger: logs})
	c, err := client.New(addr, client.WithInsecure())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	req := &timelinev1.BuildTimelineRequest{Articles: seeds(b)}
	ctx := context.Background()
	if _, err := c.BuildTimeline(ctx, req); err != nil { // fills the cache
		b.Fatal(err)
	}
	const inFlight = 8
	b.SetParallelism(max(1, inFlight/runtime.GOMAXPROCS(0)))
	var mu sync.Mutex
	var all []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var took []time.Duration
		for pb.Next() {
			t0 := time.Now()
			if _, err := c.BuildTimeline(ctx, req); err != nil {
				b.Error(err)
				return
			}
			took = append(took, time.Since(t0))
		}
		mu.Lock()
		all = append(all, took...)
		mu.Unlock()
	})
	b.StopTimer()
	if len(all) == 0 {
		return
	}
	slices.Sort(all)
	at := func(p int) float64 { return float64(all[(len(all)-1)*p/100]) / float64(time.Millisecond) }
	b.ReportMetric(at(50), "p50-ms")
	b.ReportMetric(at(99), "p99-ms")
}
