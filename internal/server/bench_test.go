package server_test

import (
	"context"
	"testing"

	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
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
