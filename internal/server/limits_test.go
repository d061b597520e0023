package server_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// limitOf returns the ErrorInfo and QuotaFailure of a RESOURCE_EXHAUSTED
// refusal, failing unless both name the limit flag.
func limitOf(t *testing.T, err error, flag string) *errdetails.ErrorInfo {
	t.Helper()
	st := statusOf(t, err, codes.ResourceExhausted)
	var info *errdetails.ErrorInfo
	var quota *errdetails.QuotaFailure
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			info = d
		case *errdetails.QuotaFailure:
			quota = d
		}
	}
	if info == nil || quota == nil {
		t.Fatalf("%v: details %v lack ErrorInfo or QuotaFailure", err, st.Details())
	}
	if info.GetDomain() != server.ErrorDomain || info.GetMetadata()["limit"] != flag {
		t.Errorf("ErrorInfo %v does not name the limit %s", info, flag)
	}
	if len(quota.GetViolations()) != 1 || quota.GetViolations()[0].GetSubject() != flag {
		t.Errorf("QuotaFailure %v does not name the limit %s", quota, flag)
	}
	if !strings.Contains(st.Message(), flag) {
		t.Errorf("message %q does not name the limit %s", st.Message(), flag)
	}
	return info
}

// fridays is text dense in dates: a mention every 7 bytes.
func fridays(n int) string { return strings.Repeat("Friday ", n/7+1)[:n] }

func TestLimitsOfTheCall(t *testing.T) {
	l := server.Limits{MaxRequestTextBytes: 64 << 10, MaxMentions: 500, MaxResponseBytes: 32 << 10}
	ts := start(t, server.Config{Limits: l})
	ctx := callCtx(t)
	pub := "2021-03-22"

	t.Run("request text", func(t *testing.T) {
		as := []*timelinev1.Article{
			{Id: "a", Text: strings.Repeat("x", 40<<10), PublishedDate: pub},
			{Id: "b", Title: strings.Repeat("t", 10<<10), Text: strings.Repeat("y", 20<<10), PublishedDate: pub},
		}
		_, err := ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: as})
		info := limitOf(t, err, "max-request-text-bytes")
		if info.GetReason() != server.ReasonRequestTextTooLong || info.GetMetadata()["value"] != fmt.Sprint(70<<10) {
			t.Errorf("ErrorInfo %v, want reason %s and value %d", info, server.ReasonRequestTextTooLong, 70<<10)
		}
		_, err = ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{Id: "a", Text: strings.Repeat("x", 65<<10)}})
		limitOf(t, err, "max-request-text-bytes")
	})
	t.Run("mentions", func(t *testing.T) {
		// 501 mentions: one over.
		_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
			Id: "a", Text: fridays(501 * 7), PublishedDate: pub,
		}})
		info := limitOf(t, err, "max-mentions")
		if info.GetMetadata()["value"] != "501" {
			t.Errorf("ErrorInfo %v, want value 501", info)
		}
		resp, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
			Id: "a", Text: fridays(200 * 7), PublishedDate: pub,
		}})
		if err != nil || len(resp.GetMentions()) != 200 {
			t.Fatalf("200 mentions: %d, %v", len(resp.GetMentions()), err)
		}
	})
	t.Run("response size", func(t *testing.T) {
		// Under 500 mentions but over 32 KiB of answer: each mention
		// carries a sentence of explanation.
		_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
			Id: "a", Text: fridays(400 * 7), PublishedDate: pub,
		}})
		limitOf(t, err, "max-response-bytes")
		_, err = ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: manyArticles(t, 20)})
		limitOf(t, err, "max-response-bytes")
	})
	stillServing(t, ts)
}

// TestNoAnswerTooBigForADefaultClient: at the default limits, the largest
// answers a client can ask for are refused, never sent too big for a
// client at gRPC's default receive limit (4 MiB).
func TestNoAnswerTooBigForADefaultClient(t *testing.T) {
	ts := start(t, server.Config{})
	conn, err := grpc.NewClient(ts.addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(64<<20))) // receive: gRPC's default
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rpc := timelinev1.NewTimelineServiceClient(conn)
	ctx := callCtx(t)
	l := server.DefaultLimits()
	pub := "2021-03-22"

	// ResolveDates on the longest article, all dates: over max-mentions.
	_, err = rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
		Id: "a", Text: fridays(l.MaxArticleBytes), PublishedDate: pub,
	}})
	limitOf(t, err, "max-mentions")
	// Just under max-mentions: an answer near the size limit.
	resp, err := rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
		Id: "a", Text: fridays((l.MaxMentions - 1) * 7), PublishedDate: pub,
	}})
	if err != nil {
		t.Fatalf("ResolveDates with %d mentions: %v", l.MaxMentions-1, err)
	}
	t.Logf("%d mentions: %d bytes", len(resp.GetMentions()), proto.Size(resp))

	// BuildTimeline on the most text, dense in dated events.
	line := strings.Repeat("Biden spoke on Friday, March 19, and Putin answered last Wednesday. ", l.MaxArticleBytes/68+1)[:l.MaxArticleBytes]
	var as []*timelinev1.Article
	for i := range l.MaxRequestTextBytes / l.MaxArticleBytes {
		as = append(as, &timelinev1.Article{Id: fmt.Sprint(i), Text: line, PublishedDate: pub})
	}
	_, err = rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: as})
	if status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("BuildTimeline of %d dense articles: %v, want RESOURCE_EXHAUSTED", len(as), err)
	}
	t.Logf("dense BuildTimeline: %v", err)
	stillServing(t, ts)
}

func TestMaxCallDuration(t *testing.T) {
	h := newHook()
	ts := start(t, server.WithTestInterceptor(server.Config{Limits: server.Limits{MaxCallDuration: 200 * time.Millisecond}}, h.intercept))
	began := time.Now()
	_, err := ts.rpc.ResolveDates(withHeader(callCtx(t), "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
	info := limitOf(t, err, "max-call-duration")
	if info.GetReason() != server.ReasonCallTooLong {
		t.Errorf("reason %s, want %s", info.GetReason(), server.ReasonCallTooLong)
	}
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("the call took %v to end at a 200 ms limit", took)
	}
	// A client deadline shorter than the limit stays the client's.
	ctx, cancel := context.WithTimeout(callCtx(t), 50*time.Millisecond)
	defer cancel()
	if _, err := ts.rpc.ResolveDates(withHeader(ctx, "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); status.Code(err) != codes.DeadlineExceeded {
		t.Errorf("client deadline: %v, want DEADLINE_EXCEEDED", err)
	}
	// The real work stops at the limit too (in-process: no hook).
	svc := server.NewService(server.Limits{MaxCallDuration: time.Millisecond, MaxArticles: 1000, MaxRequestTextBytes: 4 << 20}, nil)
	_, err = svc.BuildTimeline(context.Background(), &timelinev1.BuildTimelineRequest{Articles: manyArticles(t, 1000)})
	limitOf(t, err, "max-call-duration")
}

// TestMemoryAdmission: calls wait for memory in the order they came, and a
// call that cannot get it within its maximum duration is refused with the
// limit named.
func TestMemoryAdmission(t *testing.T) {
	h := newHook()
	// The budget admits one call of the largest size (4 KiB of text) and
	// not two: 6/10 of the budget, less nothing for the cache.
	text := 4 << 10
	cost := int64(text)*server.BytesPerTextByte + server.CallOverheadBytes
	budget := (cost*3/2)*10/6 + 10
	ts := start(t, server.WithTestInterceptor(server.Config{
		Limits:     server.Limits{MaxRequestTextBytes: text, MaxCallDuration: 2 * time.Second},
		CacheBytes: -1,
		Production: server.Production{MemoryBudget: budget},
	}, h.intercept))
	big := &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{Id: "a", Text: fridays(text), PublishedDate: "2021-03-22"}}

	first := make(chan error, 1)
	go func() {
		_, err := ts.rpc.ResolveDates(withHeader(callCtx(t), "hold"), big)
		first <- err
	}()
	if _, err := wait(h.entered, 10*time.Second); err != nil {
		t.Fatal("first call never reached the handler")
	}
	// The second waits for the first, which holds the memory past the
	// second's maximum duration.
	_, err := ts.rpc.ResolveDates(callCtx(t), big)
	info := limitOf(t, err, "memory-budget")
	if info.GetReason() != server.ReasonMemoryBudget {
		t.Errorf("reason %s, want %s", info.GetReason(), server.ReasonMemoryBudget)
	}
	close(h.release)
	<-first

	// Calls that fit in turn all succeed.
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			_, err := ts.rpc.ResolveDates(callCtx(t), big)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a call that fits in turn: %v", err)
		}
	}
}

func TestMemoryBudgetTooSmall(t *testing.T) {
	_, err := server.New(server.Config{Production: server.Production{MemoryBudget: 10 << 20}})
	if err == nil || !strings.Contains(err.Error(), "max-request-text-bytes") {
		t.Errorf("New with a 10 MiB budget = %v, want an error naming the limit", err)
	}
}
