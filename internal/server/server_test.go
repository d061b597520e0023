package server_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/timeline"
)

// TestMain fails the package when any test leaves a goroutine behind: a
// server that stops, or a call that is cancelled, must take its work along.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// testServer is a real server on a free loopback port and a connection to it.
type testServer struct {
	srv  *server.Server
	addr string
	conn *grpc.ClientConn
	rpc  timelinev1.TimelineServiceClient
	logs *syncBuffer
}

// start serves cfg on 127.0.0.1:0 until the test ends. Unless cfg has a
// logger, the server logs (JSON) into ts.logs.
func start(t *testing.T, cfg server.Config) *testServer {
	t.Helper()
	ts := &testServer{logs: &syncBuffer{}}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(ts.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	var err error
	ts.srv, ts.addr = servertest.Start(t, cfg)
	ts.conn, err = grpc.NewClient(ts.addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20), grpc.MaxCallSendMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	ts.rpc = timelinev1.NewTimelineServiceClient(ts.conn)
	t.Cleanup(func() { ts.conn.Close() })
	return ts
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent logging.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func callCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// seeds returns the seed articles as the contract's Articles.
func seeds(t testing.TB) []*timelinev1.Article {
	t.Helper()
	as, err := timeline.LoadArticles("../../testdata/articles")
	if err != nil {
		t.Fatalf("load seed articles: %v", err)
	}
	if len(as) != 5 {
		t.Fatalf("%d seed articles, want 5", len(as))
	}
	out := make([]*timelinev1.Article, len(as))
	for i, a := range as {
		out[i] = &timelinev1.Article{
			Id: a.ID, Title: a.Title, Text: a.Text, PublishedDate: a.Published.String(), Url: a.URL, Source: a.Source,
		}
	}
	return out
}

// statusOf returns err's status, failing unless its code is want.
func statusOf(t *testing.T, err error, want codes.Code) *status.Status {
	t.Helper()
	st, ok := status.FromError(err)
	if !ok || st.Code() != want {
		t.Fatalf("error = %v, want code %v", err, want)
	}
	return st
}

// fieldViolations returns the fields the BadRequest detail of st names.
func fieldViolations(st *status.Status) []string {
	var fields []string
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				fields = append(fields, v.GetField())
			}
		}
	}
	return fields
}

// hook is a test interceptor driven by the "x-test" request header:
// "panic" panics in the handler; "block" reports entry on entered and waits
// for release or the end of the call, reporting the call's ctx.Err() on
// ended; "hold" does the same but waits for release only; "observe"
// reports entry on entered, runs the handler and reports its error on
// ended.
type hook struct {
	entered chan struct{}
	release chan struct{}
	ended   chan error
}

func newHook() *hook {
	return &hook{entered: make(chan struct{}, 16), release: make(chan struct{}), ended: make(chan error, 16)}
}

func (h *hook) intercept(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	switch v := md.Get("x-test"); {
	case slices.Contains(v, "panic"):
		panic("injected panic")
	case slices.Contains(v, "observe"):
		h.entered <- struct{}{}
		resp, err := handler(ctx, req)
		h.ended <- err
		return resp, err
	case slices.Contains(v, "hold"):
		// Deaf to the context: holds until released.
		h.entered <- struct{}{}
		<-h.release
		h.ended <- ctx.Err()
	case slices.Contains(v, "block"):
		h.entered <- struct{}{}
		select {
		case <-h.release:
		case <-ctx.Done():
		}
		h.ended <- ctx.Err()
		if err := ctx.Err(); err != nil {
			return nil, status.FromContextError(err).Err()
		}
	}
	return handler(ctx, req)
}

func withHeader(ctx context.Context, v string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "x-test", v)
}

var errTimeout = errors.New("timed out")

// wait returns the next value of ch, or errTimeout after d.
func wait[T any](ch <-chan T, d time.Duration) (T, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		var zero T
		return zero, errTimeout
	}
}

// waitLogs waits up to 5 s for ts's logs to hold every one of want (the
// server logs a call when it sees it end, a little after its client) and
// returns them.
func waitLogs(ts *testServer, want ...string) string {
	deadline := time.Now().Add(5 * time.Second)
	for {
		logs := ts.logs.String()
		all := true
		for _, w := range want {
			all = all && strings.Contains(logs, w)
		}
		if all || time.Now().After(deadline) {
			return logs
		}
		time.Sleep(10 * time.Millisecond)
	}
}
