package main

import (
	"context"
	"fmt"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

// remote adapts client.Client to backend.
type remote struct{ c *client.Client }

func (r remote) ResolveDates(ctx context.Context, req *timelinev1.ResolveDatesRequest) (*timelinev1.ResolveDatesResponse, error) {
	return r.c.ResolveDates(ctx, req)
}

func (r remote) BuildTimeline(ctx context.Context, req *timelinev1.BuildTimelineRequest) (*timelinev1.BuildTimelineResponse, error) {
	return r.c.BuildTimeline(ctx, req)
}

// dial connects to the timelined server at addr, over TLS configured by
// files when useTLS, else in plaintext.
func dial(addr string, useTLS bool, files client.TLSFiles) (backend, func(), error) {
	opt := client.WithInsecure()
	if useTLS {
		cfg, err := files.TLSConfig()
		if err != nil {
			return nil, nil, usageError{err}
		}
		opt = client.WithTLS(cfg)
	}
	cl, err := client.New(addr, opt)
	if err != nil {
		return nil, nil, fmt.Errorf("connect to %s: %w", addr, err)
	}
	return remote{cl}, func() { cl.Close() }, nil
}
