package client_test

import (
	"context"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

// flaky fails the first failures calls of each RPC with code, then succeeds.
type flaky struct {
	timelinev1.UnimplementedTimelineServiceServer
	code     codes.Code
	failures int32
	calls    atomic.Int32
}

func (f *flaky) answer() error {
	if f.calls.Add(1) <= f.failures {
		return status.Error(f.code, "try again")
	}
	return nil
}

func (f *flaky) ResolveDates(context.Context, *timelinev1.ResolveDatesRequest) (*timelinev1.ResolveDatesResponse, error) {
	if err := f.answer(); err != nil {
		return nil, err
	}
	return &timelinev1.ResolveDatesResponse{}, nil
}

func (f *flaky) BuildTimeline(context.Context, *timelinev1.BuildTimelineRequest) (*timelinev1.BuildTimelineResponse, error) {
	if err := f.answer(); err != nil {
		return nil, err
	}
	return &timelinev1.BuildTimelineResponse{}, nil
}

// serve serves svc on a free loopback port until the test ends.
func serve(t *testing.T, svc timelinev1.TimelineServiceServer) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := grpc.NewServer()
	timelinev1.RegisterTimelineServiceServer(s, svc)
	go s.Serve(lis)
	t.Cleanup(s.Stop)
	return lis.Addr().String()
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name      string
		code      codes.Code
		failures  int32
		wantCode  codes.Code
		wantCalls int32
	}{
		{"UNAVAILABLE is retried", codes.Unavailable, 2, codes.OK, 3},
		{"retries are bounded", codes.Unavailable, 10, codes.Unavailable, 4},
		{"INVALID_ARGUMENT is not retried", codes.InvalidArgument, 1, codes.InvalidArgument, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &flaky{code: tt.code, failures: tt.failures}
			c, err := client.New(serve(t, f), client.WithInsecure())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err = c.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{})
			if status.Code(err) != tt.wantCode {
				t.Errorf("BuildTimeline = %v, want %v", err, tt.wantCode)
			}
			if got := f.calls.Load(); got != tt.wantCalls {
				t.Errorf("server saw %d calls, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestTLSIsTheDefault(t *testing.T) {
	// A plaintext server cannot complete a TLS handshake: the default client
	// must refuse to talk to it rather than fall back to plaintext.
	f := &flaky{}
	c, err := client.New(serve(t, f))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{}); status.Code(err) != codes.Unavailable {
		t.Errorf("ResolveDates over TLS to a plaintext server = %v, want UNAVAILABLE", err)
	}
	if f.calls.Load() != 0 {
		t.Error("a call reached the server without TLS")
	}
}

func TestNewRejectsEmptyAddress(t *testing.T) {
	if _, err := client.New(""); err == nil {
		t.Error("New(\"\") succeeded")
	}
}
