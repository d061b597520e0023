package server_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// Abuse tests (issue 5): whatever a client sends, the server answers with a
// clear status and keeps serving.

// stillServing fails the test unless a normal call succeeds.
func stillServing(t *testing.T, ts *testServer) {
	t.Helper()
	if _, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); err != nil {
		t.Fatalf("server stopped serving: %v", err)
	}
}

// manyArticles returns n articles cycling through the seeds, ids unique.
func manyArticles(t *testing.T, n int) []*timelinev1.Article {
	t.Helper()
	s := seeds(t)
	out := make([]*timelinev1.Article, n)
	for i := range out {
		a := proto.CloneOf(s[i%len(s)])
		a.Id = fmt.Sprintf("%s-%d", a.Id, i)
		out[i] = a
	}
	return out
}

func TestAbuseOverDefaultLimits(t *testing.T) {
	ts := start(t, server.Config{})
	l := server.DefaultLimits()
	tests := []struct {
		name      string
		req       *timelinev1.BuildTimelineRequest
		code      codes.Code
		inMessage string
	}{
		{"articles", &timelinev1.BuildTimelineRequest{Articles: func() []*timelinev1.Article {
			as := make([]*timelinev1.Article, l.MaxArticles+1)
			for i := range as {
				as[i] = &timelinev1.Article{Id: fmt.Sprint(i), Text: "x"}
			}
			return as
		}()}, codes.InvalidArgument, fmt.Sprintf("limit of %d per request", l.MaxArticles)},
		{"bytes per article", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			{Id: "big", Text: strings.Repeat("a", l.MaxArticleBytes+1)},
		}}, codes.InvalidArgument, fmt.Sprintf("limit of %d bytes", l.MaxArticleBytes)},
		{"message size", &timelinev1.BuildTimelineRequest{Articles: func() []*timelinev1.Article {
			var as []*timelinev1.Article
			for i := 0; i*l.MaxArticleBytes <= l.MaxMessageBytes; i++ {
				as = append(as, &timelinev1.Article{Id: fmt.Sprint(i), Text: strings.Repeat("a", l.MaxArticleBytes)})
			}
			return as
		}()}, codes.ResourceExhausted, fmt.Sprintf("vs. %d", l.MaxMessageBytes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ts.rpc.BuildTimeline(callCtx(t), tt.req)
			st := statusOf(t, err, tt.code)
			if !strings.Contains(st.Message(), tt.inMessage) {
				t.Errorf("message %q does not name the limit (%q)", st.Message(), tt.inMessage)
			}
			stillServing(t, ts)
		})
	}
}

// cpuTime returns the CPU time this process has used.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestAbuseCancelStopsWork(t *testing.T) {
	h := newHook()
	// Room for a thousand seed articles (2.8 MB of text).
	ts := start(t, server.WithTestInterceptor(server.Config{Limits: server.Limits{MaxRequestTextBytes: 4 << 20}}, h.intercept))
	// As long as an article may be by default: long enough that the build
	// is still running when the client cancels.
	const line = server.DefaultMaxArticleBytes
	tests := []struct {
		name     string
		articles []*timelinev1.Article
	}{
		// Work spread over many articles, and work inside one long sentence.
		{"1000 articles", manyArticles(t, server.DefaultMaxArticles)},
		{"one 1 MiB sentence", []*timelinev1.Article{{
			Id:            "line",
			Text:          strings.Repeat("Biden spoke on Friday, March 19, and Putin answered last Wednesday, ", line/68+1)[:line],
			PublishedDate: "2021-03-22",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(callCtx(t))
			done := make(chan error, 1)
			go func() {
				_, err := ts.rpc.BuildTimeline(withHeader(ctx, "observe"), &timelinev1.BuildTimelineRequest{Articles: tt.articles})
				done <- err
			}()
			if _, err := wait(h.entered, 20*time.Second); err != nil {
				t.Fatal("call never reached the handler")
			}
			time.Sleep(50 * time.Millisecond) // let the work get going
			cancel()
			cancelled := time.Now()
			if err, _ := wait(done, 10*time.Second); status.Code(err) != codes.Canceled {
				t.Errorf("client sees %v, want CANCELED", err)
			}
			herr, werr := wait(h.ended, 10*time.Second)
			if werr != nil {
				t.Fatal("handler still running 10 s after the client cancelled")
			}
			stopped := time.Since(cancelled)
			if herr == nil {
				t.Logf("the build finished before the cancel; nothing to stop")
			} else if status.Code(herr) != codes.Canceled {
				t.Errorf("handler returned %v, want CANCELED", herr)
			}
			t.Logf("handler returned %v after the cancel: %v", stopped, herr)
			if stopped > 2*time.Second {
				t.Errorf("handler took %v to stop after the cancel", stopped)
			}

			// No work left behind: the process is nearly idle afterwards (a
			// build still running would burn a whole core).
			before, wall := cpuTime(t), time.Now()
			time.Sleep(300 * time.Millisecond)
			if used, elapsed := cpuTime(t)-before, time.Since(wall); used > elapsed/2 {
				t.Errorf("process used %v CPU in %v after the call stopped", used, elapsed)
			}
			stillServing(t, ts)
		})
	}
	// TestMain's goleak check fails the package if a goroutine outlives it.
}

func TestAbuse256ConcurrentCalls(t *testing.T) {
	ts := start(t, server.Config{})
	in := seeds(t)
	const calls = 256
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for i := range calls {
		wg.Go(func() {
			ctx := callCtx(t)
			var err error
			if i%2 == 0 {
				_, err = ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: in[i%len(in)]})
			} else {
				_, err = ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: in})
			}
			if err != nil {
				errs <- fmt.Errorf("call %d: %w", i, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > 256<<20 {
		t.Errorf("heap holds %d MiB after the calls", ms.HeapAlloc>>20)
	}
}

// rawCodec sends hand-built bytes, so that a test can put on the wire what
// the generated code would refuse to marshal.
type rawCodec struct{}

type rawMessage struct{ b []byte }

func (rawCodec) Marshal(v any) ([]byte, error) { return v.(*rawMessage).b, nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	v.(*rawMessage).b = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

// article encodes an Article with the given id and text, valid or not.
func article(id, text string) []byte {
	var b []byte
	b = protowire.AppendTag(b, 1, protowire.BytesType)
	b = protowire.AppendString(b, id)
	b = protowire.AppendTag(b, 3, protowire.BytesType)
	b = protowire.AppendString(b, text)
	b = protowire.AppendTag(b, 4, protowire.BytesType)
	return protowire.AppendString(b, "2021-03-22")
}

func TestAbuseMalformedMessages(t *testing.T) {
	ts := start(t, server.Config{})
	embed := func(field protowire.Number, msg []byte) []byte {
		b := protowire.AppendTag(nil, field, protowire.BytesType)
		return protowire.AppendBytes(b, msg)
	}
	bad := article("a", "Biden spoke \xff\xfe on Friday \xc3")
	tests := []struct {
		name, method string
		body         []byte
		inMessage    string
		field        string // the BadRequest field violation, if any
	}{
		{"invalid UTF-8 text (ResolveDates)", "ResolveDates", embed(1, bad), "invalid UTF-8 at byte 12", "article.text"},
		{"invalid UTF-8 id (BuildTimeline)", "BuildTimeline",
			append(embed(1, article("ok", "text")), embed(1, article("\x80", "text"))...), "invalid UTF-8 at byte 0", "articles[1].id"},
		{"truncated message", "ResolveDates", embed(1, bad)[:10], "not a valid timeline.v1.ResolveDatesRequest", ""},
		{"garbage", "BuildTimeline", []byte{0xff, 0xff, 0xff, 0xff, 0x0f, 0x01}, "not a valid timeline.v1.BuildTimelineRequest", ""},
		{"garbage to reflection", "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", []byte{0xff, 0xff, 0xff}, "not a valid grpc.reflection.v1.ServerReflectionRequest", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if strings.HasPrefix(tt.method, "/") {
				ctx, cancel := context.WithCancel(callCtx(t))
				defer cancel()
				desc := &grpc.StreamDesc{ClientStreams: true, ServerStreams: true}
				cs, serr := ts.conn.NewStream(ctx, desc, tt.method, grpc.ForceCodec(rawCodec{}))
				if serr != nil {
					t.Fatal(serr)
				}
				if serr := cs.SendMsg(&rawMessage{tt.body}); serr != nil {
					t.Fatal(serr)
				}
				err = cs.RecvMsg(&rawMessage{})
			} else {
				err = ts.conn.Invoke(callCtx(t), "/timeline.v1.TimelineService/"+tt.method,
					&rawMessage{tt.body}, &rawMessage{}, grpc.ForceCodec(rawCodec{}))
			}
			// A request that does not decode is the client's fault:
			// INVALID_ARGUMENT (grpc-go alone would answer INTERNAL).
			st := statusOf(t, err, codes.InvalidArgument)
			if !strings.Contains(st.Message(), tt.inMessage) {
				t.Errorf("message %q lacks %q", st.Message(), tt.inMessage)
			}
			if got := fieldViolations(st); tt.field != "" && !slices.Equal(got, []string{tt.field}) {
				t.Errorf("field violations %q, want %q", got, tt.field)
			}
			stillServing(t, ts)
		})
	}
	// Each refusal is logged with its code (once the server sees the call
	// end, a little after the client).
	n := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if n = strings.Count(ts.logs.String(), `"grpc.code":"InvalidArgument"`); n >= len(tests) {
			break
		}
	}
	if n < len(tests) {
		t.Errorf("%d calls logged as InvalidArgument, want %d:\n%s", n, len(tests), ts.logs.String())
	}
}

func TestAbuseHugeSingleLine(t *testing.T) {
	const size = 4 << 20
	ts := start(t, server.Config{Limits: server.Limits{
		MaxMessageBytes: 3 * size, MaxArticleBytes: 2 * size, MaxRequestTextBytes: 2 * size,
		MaxMentions: 1 << 30, MaxResponseBytes: 64 << 20, MaxCallDuration: time.Minute,
	}})
	lines := map[string]string{
		// One endless sentence, dates all along it.
		"dated": "Biden spoke on Friday, March 19, and Putin answered last Wednesday while aides met in the weekend, ",
		// No spaces, no punctuation, no dates.
		"one token": "x",
	}
	for name, unit := range lines {
		text := strings.Repeat(unit, size/len(unit)+1)[:size]
		a := &timelinev1.Article{Id: "huge", Text: text, PublishedDate: "2021-03-22"}
		// BuildTimeline reads events out of every date of the line: give it
		// the longest article a client may send by default.
		b := &timelinev1.Article{Id: "huge", Text: text[:server.DefaultMaxArticleBytes], PublishedDate: "2021-03-22"}
		t.Run(name+"/ResolveDates", func(t *testing.T) {
			began := time.Now()
			resp, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: a})
			if err != nil {
				t.Fatalf("ResolveDates on a %d-byte line: %v", size, err)
			}
			t.Logf("%d mentions in %v", len(resp.GetMentions()), time.Since(began))
		})
		t.Run(name+"/BuildTimeline", func(t *testing.T) {
			began := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			resp, err := ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{b}})
			if err != nil {
				t.Fatalf("BuildTimeline on a %d-byte line: %v", len(b.Text), err)
			}
			t.Logf("%d entries in %v", len(resp.GetEntries()), time.Since(began))
		})
	}
	stillServing(t, ts)
}

func TestAbuseHugeMetadata(t *testing.T) {
	ts := start(t, server.Config{})
	ctx := metadata.AppendToOutgoingContext(callCtx(t), "x-junk", strings.Repeat("j", 1<<20))
	_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
	if err == nil {
		t.Error("a call with 1 MiB of metadata succeeded")
	}
	t.Logf("1 MiB of metadata: %v", err)
	stillServing(t, ts)
}

func TestAbusePanicBecomesInternal(t *testing.T) {
	h := newHook()
	ts := start(t, server.WithTestInterceptor(server.Config{}, h.intercept))
	for _, method := range []string{"ResolveDates", "BuildTimeline"} {
		var err error
		ctx := withHeader(callCtx(t), "panic")
		if method == "ResolveDates" {
			_, err = ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
		} else {
			_, err = ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: seeds(t)})
		}
		st := statusOf(t, err, codes.Internal)
		if strings.Contains(st.Message(), "injected") {
			t.Errorf("%s: the panic value leaked to the client: %q", method, st.Message())
		}
		stillServing(t, ts)
	}
	wantLogs := []string{`"msg":"panic in handler"`, `"panic":"injected panic"`, `hook).intercept`, `"grpc.code":"Internal"`}
	logs := waitLogs(ts, wantLogs...)
	for _, want := range wantLogs {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s", want)
		}
	}
}
