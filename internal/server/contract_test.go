package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc/codes"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	reflectiongrpc "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/server"
)

const serviceName = "timeline.v1.TimelineService"

// checkSpan checks that [start, end) are code-point offsets of want in text.
func checkSpan(t *testing.T, what, text string, start, end int32, want string) {
	t.Helper()
	runes := []rune(text)
	if start < 0 || start >= end || int(end) > len(runes) {
		t.Errorf("%s: span [%d,%d) outside text of %d code points", what, start, end, len(runes))
		return
	}
	if got := string(runes[start:end]); got != want {
		t.Errorf("%s: text[%d:%d] = %q, want %q", what, start, end, got, want)
	}
}

// checkInterval checks an optional inclusive YYYY-MM-DD interval.
func checkInterval(t *testing.T, what, startDate, endDate string) {
	t.Helper()
	if (startDate == "") != (endDate == "") {
		t.Errorf("%s: half an interval [%q, %q]", what, startDate, endDate)
		return
	}
	if startDate == "" {
		return
	}
	s, err1 := dates.ParseDate(startDate)
	e, err2 := dates.ParseDate(endDate)
	if err1 != nil || err2 != nil || s.After(e) {
		t.Errorf("%s: bad interval [%q, %q]", what, startDate, endDate)
	}
}

func TestResolveDatesSeed(t *testing.T) {
	ts := start(t, server.Config{})
	a := seeds(t)[4] // 004: "last Wednesday", "Friday", curly quotes
	resp, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: a})
	if err != nil {
		t.Fatal(err)
	}
	p := resp.GetPublication()
	if p.GetArticleId() != a.GetId() || p.GetDate() != "2021-03-22" || p.GetInferred() || p.GetBasis() != "given" {
		t.Errorf("publication = %v, want %s given 2021-03-22", p, a.GetId())
	}
	var last int32
	for i, m := range resp.GetMentions() {
		checkSpan(t, "mention "+m.GetText(), a.GetText(), m.GetStart(), m.GetEnd(), m.GetText())
		if m.GetStart() < last {
			t.Errorf("mention %d (%q) starts before the one before it", i, m.GetText())
		}
		last = m.GetStart()
		if m.GetType() == timelinev1.TimexType_TIMEX_TYPE_UNSPECIFIED || m.GetValue() == "" {
			t.Errorf("mention %q: type %v value %q", m.GetText(), m.GetType(), m.GetValue())
		}
		checkInterval(t, "mention "+m.GetText(), m.GetStartDate(), m.GetEndDate())
	}

	// What the engine must read in this article (published Monday 2021-03-22).
	t.Run("engine", func(t *testing.T) {
		values := map[string]string{}
		for _, m := range resp.GetMentions() {
			values[m.GetText()] = m.GetValue()
		}
		for text, want := range map[string]string{
			"last Wednesday":         "2021-03-17",
			"Friday":                 "2021-03-19",
			"Sunday, March 21, 2021": "2021-03-21",
		} {
			if got, ok := values[text]; !ok || got != want {
				t.Errorf("%q = %q (found %v), want %s; mentions: %v", text, got, ok, want, values)
			}
		}
	})
}

func TestResolveDatesInfersPublication(t *testing.T) {
	ts := start(t, server.Config{})
	a := seeds(t)[1] // 001: "said in a statement", "on March 19 or 22, 2021"
	a.PublishedDate = ""
	resp, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{
		Article: a, DocumentType: timelinev1.DocumentType_DOCUMENT_TYPE_NEWS,
	})
	if err != nil {
		t.Fatal(err)
	}
	p := resp.GetPublication()
	if p.GetArticleId() != a.GetId() {
		t.Errorf("publication.article_id = %q, want %q", p.GetArticleId(), a.GetId())
	}
	if p.GetDate() != "" && (!p.GetInferred() || p.GetBasis() == "" || p.GetBasis() == "given") {
		t.Errorf("inferred publication %v must say it was inferred and from what", p)
	}
	t.Run("engine", func(t *testing.T) {
		if p.GetDate() != "2021-03-22" || !p.GetInferred() {
			t.Errorf("publication = %v, want 2021-03-22 inferred", p)
		}
	})
}

// TestResolveDatesDocumentTypes checks that each document type of the
// contract reaches the engine: the same post read as news, narrative and
// colloquial text.
func TestResolveDatesDocumentTypes(t *testing.T) {
	ts := start(t, server.Config{})
	// An article of edited news (longer than a post) that says "at night"
	// and a post. News reads the article's "night" as no day, colloquial
	// text as the day written; a post sent as news is read as the post it
	// is.
	article := "On 2 May 1998 the war ended. " + strings.Repeat("The troops marched at night, going home tomorrow night. ", 12)
	post := "what a night, going out tmr night!"
	for _, c := range []struct {
		doc  timelinev1.DocumentType
		text string
		want map[string]string // mention text -> value of the first such mention; "" for none
	}{
		{timelinev1.DocumentType_DOCUMENT_TYPE_NEWS, article, map[string]string{"night": "", "tomorrow night": "2014-07-22TNI"}},
		{timelinev1.DocumentType_DOCUMENT_TYPE_NARRATIVE, article, map[string]string{"night": "", "tomorrow night": "1998-05-03TNI"}},
		{timelinev1.DocumentType_DOCUMENT_TYPE_COLLOQUIAL, article, map[string]string{"night": "2014-07-21TNI", "tomorrow night": "2014-07-22TNI"}},
		{timelinev1.DocumentType_DOCUMENT_TYPE_NEWS, post, map[string]string{"night": "2014-07-21TNI", "tmr night": "2014-07-22TNI"}},
	} {
		t.Run(c.doc.String(), func(t *testing.T) {
			a := &timelinev1.Article{Id: "a", PublishedDate: "2014-07-21", Text: c.text}
			resp, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: a, DocumentType: c.doc})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, m := range resp.GetMentions() {
				if _, seen := got[m.GetText()]; !seen {
					got[m.GetText()] = m.GetValue()
				}
			}
			for text, want := range c.want {
				if got[text] != want {
					t.Errorf("%q = %q, want %q (all: %v)", text, got[text], want, got)
				}
			}
		})
	}
}

func TestBuildTimelineSeeds(t *testing.T) {
	ts := start(t, server.Config{})
	in := seeds(t)
	texts := map[string]string{}
	for _, a := range in {
		texts[a.GetId()] = a.GetText()
	}
	resp, err := ts.rpc.BuildTimeline(callCtx(t), &timelinev1.BuildTimelineRequest{Articles: in})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.GetArticles()) != len(in) {
		t.Fatalf("%d publications, want %d", len(resp.GetArticles()), len(in))
	}
	for i, p := range resp.GetArticles() {
		if p.GetArticleId() != in[i].GetId() || p.GetDate() != "2021-03-22" || p.GetInferred() {
			t.Errorf("articles[%d] = %v, want %s given 2021-03-22", i, p, in[i].GetId())
		}
	}
	checkInterval(t, "window", resp.GetWindowStart(), resp.GetWindowEnd())
	for _, list := range []struct {
		name    string
		entries []*timelinev1.TimelineEntry
	}{{"entries", resp.GetEntries()}, {"background", resp.GetBackground()}} {
		var prev string
		for i, e := range list.entries {
			what := list.name + "[" + e.GetDate() + "]"
			if e.GetDate() == "" || e.GetStartDate() == "" {
				t.Errorf("%s %d: no date: %v", list.name, i, e)
			}
			checkInterval(t, what, e.GetStartDate(), e.GetEndDate())
			if e.GetStartDate() < prev {
				t.Errorf("%s: %s out of order after %s", list.name, e.GetStartDate(), prev)
			}
			prev = e.GetStartDate()
			if e.GetKind() == timelinev1.EntryKind_ENTRY_KIND_UNSPECIFIED {
				t.Errorf("%s: kind unspecified", what)
			}
			if len(e.GetCitations()) == 0 {
				t.Errorf("%s: no citations", what)
			}
			for _, c := range e.GetCitations() {
				text, ok := texts[c.GetArticleId()]
				if !ok {
					t.Errorf("%s: cites unknown article %q", what, c.GetArticleId())
					continue
				}
				checkSpan(t, what+" quote", text, c.GetStart(), c.GetEnd(), c.GetQuote())
			}
		}
	}

	t.Run("engine", func(t *testing.T) {
		entries := resp.GetEntries()
		if len(entries) == 0 {
			t.Fatal("no entries")
		}
		if got := entries[0].GetStartDate(); got != "2021-01-26" {
			t.Errorf("first entry starts %s, want 2021-01-26 (the first Biden-Putin call)", got)
		}
		if got := entries[len(entries)-1].GetEndDate(); got != "2021-03-22" {
			t.Errorf("last entry ends %s, want 2021-03-22 (the Foreign Ministry statement)", got)
		}
		byDate := map[string]*timelinev1.TimelineEntry{}
		for _, e := range entries {
			if old, ok := byDate[e.GetDate()]; !ok || len(e.GetCitations()) > len(old.GetCitations()) {
				byDate[e.GetDate()] = e
			}
		}
		// The ABC interview is told by three articles ("March 17 interview",
		// "on Wednesday", "last Wednesday").
		if e := byDate["2021-03-17"]; e == nil || len(e.GetCitations()) < 2 {
			t.Errorf("2021-03-17 entry = %v, want one citing at least two articles", e)
		}
		if byDate["2021-03-19"] == nil {
			t.Error("no entry on 2021-03-19 (Biden's answer on Friday)")
		}
	})
}

// TestClientPackage drives the server through client/, the Go client users import.
func TestClientPackage(t *testing.T) {
	ts := start(t, server.Config{})
	c, err := client.New(ts.addr, client.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	in := seeds(t)
	if _, err := c.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: in[0]}); err != nil {
		t.Errorf("ResolveDates: %v", err)
	}
	resp, err := c.BuildTimeline(callCtx(t), &timelinev1.BuildTimelineRequest{Articles: in})
	if err != nil {
		t.Fatalf("BuildTimeline: %v", err)
	}
	if len(resp.GetArticles()) != len(in) {
		t.Errorf("%d publications, want %d", len(resp.GetArticles()), len(in))
	}
	_, err = c.BuildTimeline(callCtx(t), &timelinev1.BuildTimelineRequest{})
	if st := statusOf(t, err, codes.InvalidArgument); !slices.Equal(fieldViolations(st), []string{"articles"}) {
		t.Errorf("violations = %q, want [articles]", fieldViolations(st))
	}
}

func TestValidation(t *testing.T) {
	ts := start(t, server.Config{})
	ok := func() *timelinev1.Article {
		return &timelinev1.Article{Id: "a", Text: "Biden spoke on Friday.", PublishedDate: "2021-03-22"}
	}
	with := func(f func(a *timelinev1.Article)) *timelinev1.Article {
		a := ok()
		f(a)
		return a
	}
	resolve := []struct {
		name string
		req  *timelinev1.ResolveDatesRequest
		want []string
	}{
		{"no article", &timelinev1.ResolveDatesRequest{}, []string{"article"}},
		{"no id", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.Id = "" })}, []string{"article.id"}},
		{"blank text", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.Text = " \n\t" })}, []string{"article.text"}},
		{"no such day", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "2021-02-29" })}, []string{"article.published_date"}},
		{"month 13", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "2021-13-01" })}, []string{"article.published_date"}},
		{"not ISO", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "03/22/2021" })}, []string{"article.published_date"}},
		{"short fields", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "2021-3-22" })}, []string{"article.published_date"}},
		{"year 0", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "0000-01-01" })}, []string{"article.published_date"}},
		{"year 10000", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.PublishedDate = "10000-01-01" })}, []string{"article.published_date"}},
		{"unknown zone", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.TimeZone = "Mars/Olympus_Mons" })}, []string{"article.time_zone"}},
		{"Local zone", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.TimeZone = "Local" })}, []string{"article.time_zone"}},
		{"path as zone", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.TimeZone = "../../etc/passwd" })}, []string{"article.time_zone"}},
		{"unknown document type", &timelinev1.ResolveDatesRequest{Article: ok(), DocumentType: 7}, []string{"document_type"}},
		{"id too long", &timelinev1.ResolveDatesRequest{Article: with(func(a *timelinev1.Article) { a.Id = strings.Repeat("x", 257) })}, []string{"article.id"}},
		{"everything", &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{PublishedDate: "x", TimeZone: "y"}, DocumentType: -1},
			[]string{"article.id", "article.text", "article.published_date", "article.time_zone", "document_type"}},
	}
	for _, tt := range resolve {
		t.Run("ResolveDates/"+tt.name, func(t *testing.T) {
			_, err := ts.rpc.ResolveDates(callCtx(t), tt.req)
			st := statusOf(t, err, codes.InvalidArgument)
			if got := fieldViolations(st); !slices.Equal(got, tt.want) {
				t.Errorf("violations = %q, want %q (%s)", got, tt.want, st.Message())
			}
			if !strings.Contains(st.Message(), tt.want[0]) {
				t.Errorf("message %q does not name %s", st.Message(), tt.want[0])
			}
		})
	}

	build := []struct {
		name string
		req  *timelinev1.BuildTimelineRequest
		want []string
	}{
		{"no articles", &timelinev1.BuildTimelineRequest{}, []string{"articles"}},
		{"missing id and text", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			ok(), with(func(a *timelinev1.Article) { a.Id = "b"; a.Text = "" }), with(func(a *timelinev1.Article) { a.Id = "" }),
		}}, []string{"articles[1].text", "articles[2].id"}},
		{"duplicate ids", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			ok(), with(func(a *timelinev1.Article) { a.Id = "b" }), ok(),
		}}, []string{"articles[2].id"}},
		{"bad published date", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			with(func(a *timelinev1.Article) { a.PublishedDate = "2021-04-31" }),
		}}, []string{"articles[0].published_date"}},
		{"bad zone", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			with(func(a *timelinev1.Article) { a.TimeZone = "Europe/Atlantis" }),
		}}, []string{"articles[0].time_zone"}},
		{"bad window", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{ok()}, WindowStart: "2021-1-1", WindowEnd: "tomorrow"},
			[]string{"window_start", "window_end"}},
		{"window backwards", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{ok()}, WindowStart: "2021-03-22", WindowEnd: "2021-03-01"},
			[]string{"window_end"}},
	}
	for _, tt := range build {
		t.Run("BuildTimeline/"+tt.name, func(t *testing.T) {
			_, err := ts.rpc.BuildTimeline(callCtx(t), tt.req)
			st := statusOf(t, err, codes.InvalidArgument)
			if got := fieldViolations(st); !slices.Equal(got, tt.want) {
				t.Errorf("violations = %q, want %q (%s)", got, tt.want, st.Message())
			}
		})
	}

	// Valid optional fields are accepted.
	good := with(func(a *timelinev1.Article) {
		a.TimeZone = "Europe/Moscow"
		a.Url = "https://example.com/a"
		a.Source = "AP"
	})
	if _, err := ts.rpc.BuildTimeline(callCtx(t), &timelinev1.BuildTimelineRequest{
		Articles: []*timelinev1.Article{good}, WindowStart: "2021-01-01", WindowEnd: "2021-03-31",
	}); err != nil {
		t.Errorf("valid request refused: %v", err)
	}
}

func TestLimits(t *testing.T) {
	ts := start(t, server.Config{Limits: server.Limits{MaxMessageBytes: 64 << 10, MaxArticles: 3, MaxArticleBytes: 1000}})
	art := func(id string, n int) *timelinev1.Article {
		return &timelinev1.Article{Id: id, Text: strings.Repeat("x", n), PublishedDate: "2021-03-22"}
	}
	tests := []struct {
		name      string
		call      func(ctx context.Context) error
		code      codes.Code
		field     string
		inMessage string
	}{
		{"articles per request", func(ctx context.Context) error {
			_, err := ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
				art("a", 10), art("b", 10), art("c", 10), art("d", 10)}})
			return err
		}, codes.InvalidArgument, "articles", "4 articles exceed the limit of 3"},
		{"bytes per article (BuildTimeline)", func(ctx context.Context) error {
			_, err := ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{art("a", 10), art("b", 1001)}})
			return err
		}, codes.InvalidArgument, "articles[1].text", "1001 bytes exceed the limit of 1000 bytes"},
		{"bytes per article (ResolveDates)", func(ctx context.Context) error {
			_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: art("a", 1001)})
			return err
		}, codes.InvalidArgument, "article.text", "limit of 1000 bytes"},
		{"message size", func(ctx context.Context) error {
			_, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: art("a", 70<<10)})
			return err
		}, codes.ResourceExhausted, "", "larger than max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := statusOf(t, tt.call(callCtx(t)), tt.code)
			if !strings.Contains(st.Message(), tt.inMessage) {
				t.Errorf("message %q lacks %q", st.Message(), tt.inMessage)
			}
			if tt.field != "" && !slices.Equal(fieldViolations(st), []string{tt.field}) {
				t.Errorf("violations = %q, want [%s]", fieldViolations(st), tt.field)
			}
			// The server keeps serving.
			if _, err := ts.rpc.ResolveDates(callCtx(t), &timelinev1.ResolveDatesRequest{Article: art("ok", 1000)}); err != nil {
				t.Errorf("call after refusal: %v", err)
			}
		})
	}
}

func TestReflection(t *testing.T) {
	ts := start(t, server.Config{})
	stream, err := reflectiongrpc.NewServerReflectionClient(ts.conn).ServerReflectionInfo(callCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := stream.Send(&reflectiongrpc.ServerReflectionRequest{
		MessageRequest: &reflectiongrpc.ServerReflectionRequest_ListServices{},
	}); err != nil {
		t.Fatal(err)
	}
	resp, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	stream.CloseSend()
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	for _, want := range []string{serviceName, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"} {
		if !slices.Contains(names, want) {
			t.Errorf("services %q lack %s", names, want)
		}
	}
}

func TestHealthAndGracefulShutdown(t *testing.T) {
	h := newHook()
	ts := start(t, server.WithTestInterceptor(server.Config{}, h.intercept))
	ctx := callCtx(t)
	health := healthgrpc.NewHealthClient(ts.conn)
	for _, svc := range []string{"", serviceName} {
		resp, err := health.Check(ctx, &healthgrpc.HealthCheckRequest{Service: svc})
		if err != nil || resp.GetStatus() != healthgrpc.HealthCheckResponse_SERVING {
			t.Fatalf("Check(%q) = %v, %v; want SERVING", svc, resp.GetStatus(), err)
		}
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watch, err := health.Watch(watchCtx, &healthgrpc.HealthCheckRequest{Service: serviceName})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := watch.Recv(); err != nil || st.GetStatus() != healthgrpc.HealthCheckResponse_SERVING {
		t.Fatalf("Watch = %v, %v; want SERVING", st.GetStatus(), err)
	}

	// A call in flight when shutdown begins.
	inflight := make(chan error, 1)
	go func() {
		_, err := ts.rpc.ResolveDates(withHeader(ctx, "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
		inflight <- err
	}()
	if _, err := wait(h.entered, 10*time.Second); err != nil {
		t.Fatal("call never reached the handler")
	}
	shutdown := make(chan error, 1)
	go func() {
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		shutdown <- ts.srv.Shutdown(sctx)
	}()

	// Health turns NOT_SERVING while the call drains.
	st, err := watch.Recv()
	if err != nil || st.GetStatus() != healthgrpc.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("Watch during shutdown = %v, %v; want NOT_SERVING", st.GetStatus(), err)
	}
	stopWatch() // a watch is a call in flight too

	// New calls are refused while draining.
	fresh, err := client.New(ts.addr, client.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	shortCtx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	if _, err := fresh.ResolveDates(shortCtx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); err == nil {
		t.Error("a new call succeeded during shutdown")
	}

	select {
	case err := <-shutdown:
		t.Fatalf("shutdown returned (%v) before the call in flight finished", err)
	default:
	}
	close(h.release)
	if err, _ := wait(inflight, 10*time.Second); err != nil {
		t.Errorf("call in flight = %v, want it to finish", err)
	}
	if err, werr := wait(shutdown, 10*time.Second); err != nil || werr != nil {
		t.Errorf("shutdown = %v, %v; want nil", err, werr)
	}
}

func TestShutdownBoundCutsOffCalls(t *testing.T) {
	h := newHook()
	ts := start(t, server.WithTestInterceptor(server.Config{}, h.intercept))
	inflight := make(chan error, 1)
	go func() {
		_, err := ts.rpc.ResolveDates(withHeader(callCtx(t), "block"), &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]})
		inflight <- err
	}()
	if _, err := wait(h.entered, 10*time.Second); err != nil {
		t.Fatal("call never reached the handler")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := ts.srv.Shutdown(ctx); err != context.DeadlineExceeded {
		t.Errorf("Shutdown = %v, want context.DeadlineExceeded", err)
	}
	if err, _ := wait(inflight, 10*time.Second); status.Code(err) == codes.OK {
		t.Errorf("call cut off by shutdown = %v, want an error", err)
	}
	if err, _ := wait(h.ended, 10*time.Second); err == nil {
		t.Error("handler's context did not end when the server stopped")
	}
}

func TestCancellationAndDeadline(t *testing.T) {
	h := newHook()
	ts := start(t, server.WithTestInterceptor(server.Config{}, h.intercept))
	req := &timelinev1.BuildTimelineRequest{Articles: seeds(t)}

	t.Run("client cancels", func(t *testing.T) {
		ctx, cancel := context.WithCancel(callCtx(t))
		done := make(chan error, 1)
		go func() {
			_, err := ts.rpc.BuildTimeline(withHeader(ctx, "block"), req)
			done <- err
		}()
		if _, err := wait(h.entered, 10*time.Second); err != nil {
			t.Fatal("call never reached the handler")
		}
		cancel()
		if err, _ := wait(done, 10*time.Second); status.Code(err) != codes.Canceled {
			t.Errorf("client sees %v, want CANCELED", err)
		}
		if err, werr := wait(h.ended, 10*time.Second); err != context.Canceled {
			t.Errorf("handler's context ended with %v (%v), want context.Canceled", err, werr)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(callCtx(t), 300*time.Millisecond)
		defer cancel()
		_, err := ts.rpc.BuildTimeline(withHeader(ctx, "block"), req)
		if status.Code(err) != codes.DeadlineExceeded {
			t.Errorf("client sees %v, want DEADLINE_EXCEEDED", err)
		}
		if _, err := wait(h.entered, 5*time.Second); err != nil {
			return // the deadline passed before the call reached the handler
		}
		// The server ends the handler's context on the deadline, or on the
		// client's RST_STREAM when that comes first.
		if err, werr := wait(h.ended, 10*time.Second); err == nil || werr != nil {
			t.Errorf("handler's context ended with %v (%v), want it ended", err, werr)
		}
	})
}

// TestServiceInProcess calls the Service the way the CLI does: no network,
// same checks, an ended context stops the work with the matching code.
func TestServiceInProcess(t *testing.T) {
	svc := server.NewService(server.Limits{}, nil)
	if got := svc.Limits(); got != server.DefaultLimits() {
		t.Errorf("zero limits became %+v, want the defaults", got)
	}
	in := seeds(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		want codes.Code
	}{
		{"live", context.Background(), codes.OK},
		{"cancelled", cancelled, codes.Canceled},
		{"expired", expired, codes.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.ResolveDates(tt.ctx, &timelinev1.ResolveDatesRequest{Article: in[0]})
			if status.Code(err) != tt.want {
				t.Errorf("ResolveDates = %v, want %v", err, tt.want)
			}
			_, err = svc.BuildTimeline(tt.ctx, &timelinev1.BuildTimelineRequest{Articles: in})
			if status.Code(err) != tt.want {
				t.Errorf("BuildTimeline = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLogsAndMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	ts := start(t, server.Config{Registry: reg})
	ctx := callCtx(t)
	if _, err := ts.rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: seeds(t)[0]}); err != nil {
		t.Fatal(err)
	}
	ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{})
	// The same articles twice: the second call takes their analysis from
	// the cache and answers the same.
	var first *timelinev1.BuildTimelineResponse
	for range 2 {
		resp, err := ts.rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: seeds(t)})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = resp
		} else if !proto.Equal(first, resp) {
			t.Error("the second BuildTimeline of the same articles answers differently")
		}
	}

	wantLogs := []string{
		`"grpc.method":"ResolveDates"`, `"grpc.code":"OK"`, `"grpc.time_ms"`, `"grpc.request.bytes"`, `"grpc.response.bytes"`,
		`"grpc.method":"BuildTimeline"`, `"grpc.code":"InvalidArgument"`,
	}
	logs := waitLogs(ts, wantLogs...)
	for _, want := range wantLogs {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}

	// The registry as internal/web serves it at /metrics.
	hs := httptest.NewServer(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	defer hs.Close()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, hs.URL+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	for _, want := range []string{
		`grpc_server_handled_total{grpc_code="OK",grpc_method="ResolveDates",grpc_service="timeline.v1.TimelineService",grpc_type="unary"} 1`,
		`grpc_server_handled_total{grpc_code="InvalidArgument",grpc_method="BuildTimeline",grpc_service="timeline.v1.TimelineService",grpc_type="unary"} 1`,
		`grpc_server_handling_seconds_bucket`,
		"timelined_analysis_cache_hits_total 5\n", "timelined_analysis_cache_misses_total 5\n",
		"timelined_analysis_cache_articles 5\n", "timelined_analysis_cache_evictions_total 0\n",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
