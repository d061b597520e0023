package web_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/goleak"

	"github.com/timelined/timelined/internal/store/sqlite"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
	"github.com/timelined/timelined/internal/web"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		// Chromium's websocket reader may outlive a test by a moment.
		goleak.IgnoreTopFunction("github.com/chromedp/chromedp.(*Browser).run"),
		goleak.IgnoreAnyFunction("database/sql.(*DB).connectionOpener"))
}

// site is a story service and its HTTP server on a loopback port.
type site struct {
	stories *story.Service
	url     string
}

func startSite(t *testing.T, cfg web.Config) *site {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "stories.db"))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := story.New(story.Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Stories = svc
	srv := web.New(cfg)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	t.Cleanup(func() {
		svc.Close() // ends the event streams, as timelined's shutdown does
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
		st.Close()
		http.DefaultClient.CloseIdleConnections()
	})
	return &site{stories: svc, url: "http://" + lis.Addr().String()}
}

func seeds(t testing.TB) []story.Article {
	t.Helper()
	as, err := timeline.LoadArticles(filepath.Join("..", "..", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]story.Article, len(as))
	for i, a := range as {
		out[i] = story.Article{Article: a}
	}
	return out
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestStoryPage: the page is the chronology, server-rendered: every entry
// with its summary, sources and quotes, the expression marked, background
// folded away; unknown stories are 404.
func TestStoryPage(t *testing.T) {
	s := startSite(t, web.Config{})
	ctx := context.Background()
	if _, err := s.stories.CreateStory(ctx, story.Story{ID: "biden-putin", Title: "Biden & Putin"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.stories.AddArticles(ctx, "biden-putin", seeds(t)); err != nil {
		t.Fatal(err)
	}
	_, chron, err := s.stories.Timeline(ctx, "biden-putin")
	if err != nil {
		t.Fatal(err)
	}
	code, body := get(t, s.url+"/stories/biden-putin")
	if code != http.StatusOK {
		t.Fatalf("page: %d", code)
	}
	for _, want := range []string{
		"<title>Biden &amp; Putin · timelined</title>", `name="viewport"`, "<details>",
		"Tuesday 26 January 2021", "<mark>January 26</mark>", "sources disagree", `id="version">1<`,
		"Biden refuses to talk to Putin", // an article's title beside its quote
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, e := range append(chron.Entries, chron.Background...) {
		if !strings.Contains(body, `id="entry-`+e.ID+`"`) {
			t.Errorf("page lacks entry %s", e.ID)
		}
	}
	if code, _ := get(t, s.url+"/stories/nope"); code != http.StatusNotFound {
		t.Errorf("unknown story: %d", code)
	}
	if code, body := get(t, s.url+"/stories"); code != http.StatusOK || !strings.Contains(body, `href="/stories/biden-putin"`) {
		t.Errorf("list: %d", code)
	}
}

// TestEvents: the event stream sends one batch per version with the
// version as its id, and resumes after Last-Event-ID.
func TestEvents(t *testing.T) {
	s := startSite(t, web.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := s.stories.CreateStory(ctx, story.Story{ID: "s"}); err != nil {
		t.Fatal(err)
	}
	as := seeds(t)
	for i := range 2 {
		if _, err := s.stories.AddArticles(ctx, "s", as[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"/stories/s/events", nil)
	req.Header.Set("Last-Event-ID", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	lines.Buffer(nil, 1<<20)
	next := func() string {
		for lines.Scan() {
			if l := lines.Text(); strings.HasPrefix(l, "id: ") {
				return l
			}
		}
		t.Fatalf("stream ended: %v", lines.Err())
		return ""
	}
	if l := next(); l != "id: 2" {
		t.Fatalf("first event %q, want id: 2", l)
	}
	if _, err := s.stories.AddArticles(ctx, "s", as[2:3]); err != nil {
		t.Fatal(err)
	}
	if l := next(); l != "id: 3" {
		t.Fatalf("next event %q, want id: 3", l)
	}
	if code, _ := get(t, s.url+"/stories/s/events?since=x"); code != http.StatusBadRequest {
		t.Errorf("bad since: %d", code)
	}
	if code, _ := get(t, s.url+"/stories/s/events?since=99"); code != http.StatusBadRequest {
		t.Errorf("future since: %d", code)
	}
}

// TestMetricsAndPprof: /metrics when a registry is given; profiles only
// when asked for.
func TestMetricsAndPprof(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "test_total", Help: "a test counter"})
	reg.MustRegister(c)
	c.Inc()
	for _, on := range []bool{false, true} {
		s := startSite(t, web.Config{Registry: reg, Pprof: on})
		if code, body := get(t, s.url+"/metrics"); code != http.StatusOK || !strings.Contains(body, "test_total 1") {
			t.Errorf("/metrics: %d", code)
		}
		want := map[bool]int{false: http.StatusNotFound, true: http.StatusOK}[on]
		if code, _ := get(t, s.url+"/debug/pprof/"); code != want {
			t.Errorf("Pprof %v: /debug/pprof/ answers %d, want %d", on, code, want)
		}
	}
}

func storyWithTitle(id, title string) story.Story { return story.Story{ID: id, Title: title} }

func itoa(n int) string { return strconv.Itoa(n) }
