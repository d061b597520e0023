// Command stories measures stories on a real timelined process over
// loopback gRPC, in one run:
//
//   - add: one AddArticles of one new article to a story of -small articles
//     (chronology rebuilt and committed), -adds times: median, p90, max;
//     beside it, in the same run, resending the story's articles whole to
//     BuildTimeline, as a client without stories must: the first time
//     (analysed anew) and again (from the server's analysis cache);
//   - restart: a story of -medium articles, the server stopped (SIGTERM) and
//     started again on the same store: the time from the start of the
//     process to a complete GetTimeline, and one GetTimeline alone;
//   - large: a story of -large articles added in batches of 1,000 to a
//     freshly started server, then read whole: the server's peak resident
//     memory (VmHWM) and the time of the last batch.
//
// Articles are the TimeBank + AQUAINT texts (-corpus), or the bundled seed
// articles when the corpus is absent, repeated with distinct ids, a
// distinct closing sentence and their publication date moved by a day per
// round, so that each copy is analysed and dated anew.
//
// Usage:
//
//	go run ./bench/stories [-store PATH|postgres://...] [-small 1000] [-medium 10000] [-large 50000]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/timeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "stories:", err)
		os.Exit(1)
	}
}

type config struct {
	store, corpus, server, logs, http string
	small, medium, large, adds        int
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	var c config
	fs.StringVar(&c.store, "store", "", "the store: a SQLite path or a postgres:// URL (default: a new file in a temporary folder)")
	fs.StringVar(&c.corpus, "corpus", "../shared/data/timeml/tbaq", "TimeML corpus whose texts are the articles")
	fs.StringVar(&c.server, "server", "", "timelined binary (default: built from ./cmd/timelined)")
	fs.StringVar(&c.logs, "logs", "", "append the server's logs to this file")
	fs.StringVar(&c.http, "http", "", "serve the server's metrics and profiles (--metrics-addr, --pprof) on this address")
	fs.IntVar(&c.small, "small", 1000, "articles of the story one article is added to (0: skip)")
	fs.IntVar(&c.adds, "adds", 50, "single-article adds measured")
	fs.IntVar(&c.medium, "medium", 10000, "articles of the story read after a restart (0: skip)")
	fs.IntVar(&c.large, "large", 50000, "articles of the story whose memory is measured (0: skip)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "stories-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if c.store == "" {
		c.store = filepath.Join(tmp, "stories.db")
	}
	if c.server == "" {
		c.server = filepath.Join(tmp, "timelined")
		if b, err := exec.Command("go", "build", "-o", c.server, "./cmd/timelined").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, b)
		}
	}
	src, what, err := sources(c.corpus)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "# stories benchmark, %s, %s, store %s\n", time.Now().UTC().Format(time.RFC3339), what, storeKind(c.store))
	ctx := context.Background()
	b := &bench{cfg: c, src: src, out: out}
	if c.small > 0 {
		if err := b.add(ctx); err != nil {
			return err
		}
	}
	if c.medium > 0 {
		if err := b.restart(ctx); err != nil {
			return err
		}
	}
	if c.large > 0 {
		if err := b.largeStory(ctx); err != nil {
			return err
		}
	}
	return nil
}

func storeKind(s string) string {
	if strings.HasPrefix(s, "postgres") {
		return "PostgreSQL"
	}
	return "SQLite " + s
}

// sources returns the texts articles are made of.
func sources(corpus string) ([]timeline.Article, string, error) {
	docs, err := evaluate.LoadDir(corpus)
	if err == nil && len(docs) > 0 {
		var out []timeline.Article
		for _, d := range docs {
			out = append(out, timeline.Article{ID: d.ID, Text: d.Text, Published: d.DCT})
		}
		return out, fmt.Sprintf("%d TBAQ texts repeated", len(out)), nil
	}
	as, err := timeline.LoadArticles("testdata/articles")
	if err != nil {
		return nil, "", err
	}
	return as, "the 5 seed articles repeated (TBAQ absent)", nil
}

type bench struct {
	cfg  config
	src  []timeline.Article
	out  io.Writer
	next int // articles made so far
}

// article returns the n-th article of a story: a copy of a source text
// with its own id, closing sentence and publication date.
func (b *bench) article(story string, n int) *timelinev1.Article {
	s := b.src[n%len(b.src)]
	round := n / len(b.src)
	a := server.ArticleToProto(s)
	a.Id = fmt.Sprintf("%s-%06d", story, n)
	a.Text = s.Text + fmt.Sprintf("\n\nThis is copy %d of the report.", round)
	if !s.Published.IsZero() {
		a.PublishedDate = s.Published.AddDays(round % 365).String()
	}
	return a
}

// proc is a running server.
type proc struct {
	cmd     *exec.Cmd
	addr    string
	started time.Time
	conn    *grpc.ClientConn
	done    chan struct{}
}

var servingRE = regexp.MustCompile(`msg="serving gRPC" addr=(\S+)`)

func (b *bench) start() (*proc, error) {
	// The resend of a whole story to BuildTimeline (2.2 MB of text for
	// 1,050 articles) is over the per-call limits on text, citations and
	// answer size: raised with the rest (8 MiB of text is what the default
	// memory budget lets one call reserve).
	// The story text limit, which the memory budget sets (23 MB at 1 GiB),
	// is lifted too: the large story measures what memory a story of that
	// size takes.
	args := []string{"--addr", "127.0.0.1:0", "--store", b.cfg.store, "--max-story-articles", "200000", "--max-story-text-bytes", "1073741824",
		"--max-articles", "100000", "--max-message-bytes", "268435456",
		"--max-request-text-bytes", "8388608", "--max-mentions", "100000000", "--max-response-bytes", "268435456"}
	if b.cfg.http != "" {
		args = append(args, "--metrics-addr", b.cfg.http, "--pprof")
	}
	cmd := exec.Command(b.cfg.server, args...)
	cmd.Env = append(os.Environ(), "TIMELINED_METRICS_ADDR=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	var logs io.Writer = io.Discard
	if b.cfg.logs != "" {
		f, err := os.OpenFile(b.cfg.logs, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return nil, err
		}
		logs = f
	}
	p := &proc{cmd: cmd, started: time.Now(), done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			fmt.Fprintln(logs, sc.Text())
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		cmd.Wait()
		close(p.done)
	}()
	select {
	case p.addr = <-found:
	case <-p.done:
		return nil, errors.New("timelined exited before serving")
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		return nil, errors.New("timelined did not serve within 2 minutes")
	}
	p.conn, err = grpc.NewClient(p.addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(1<<30), grpc.MaxCallSendMsgSize(1<<30)))
	return p, err
}

// stop stops the server gracefully.
func (p *proc) stop() error {
	p.conn.Close()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return nil
	case <-time.After(time.Minute):
		p.cmd.Process.Kill()
		return errors.New("timelined did not stop within a minute of SIGTERM")
	}
}

// peakRSS returns the process's VmHWM and VmRSS in MiB.
func (p *proc) peakRSS() (hwm, rss float64, err error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmHWM:":
			hwm = kb / 1024
		case "VmRSS:":
			rss = kb / 1024
		}
	}
	return hwm, rss, nil
}

// fill creates story and adds n articles in batches of 1,000, returning
// the articles and the time of each batch.
func (b *bench) fill(ctx context.Context, p *proc, story string, n int) ([]*timelinev1.Article, []time.Duration, error) {
	c := timelinev1.NewStoryServiceClient(p.conn)
	if _, err := c.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: story}); err != nil {
		return nil, nil, err
	}
	var all []*timelinev1.Article
	var times []time.Duration
	for i := 0; i < n; i += 1000 {
		var batch []*timelinev1.Article
		for j := i; j < min(n, i+1000); j++ {
			batch = append(batch, b.article(story, j))
		}
		t0 := time.Now()
		if _, err := c.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/" + story, Articles: batch}); err != nil {
			return nil, nil, fmt.Errorf("fill %s at %d: %w", story, i, err)
		}
		times = append(times, time.Since(t0))
		all = append(all, batch...)
	}
	return all, times, nil
}

func quantile(ds []time.Duration, q float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// add: one article into a story of cfg.small, against resending.
func (b *bench) add(ctx context.Context) error {
	p, err := b.start()
	if err != nil {
		return err
	}
	defer p.stop()
	all, _, err := b.fill(ctx, p, "small", b.cfg.small)
	if err != nil {
		return err
	}
	c := timelinev1.NewStoryServiceClient(p.conn)
	var adds []time.Duration
	for i := range b.cfg.adds {
		a := b.article("small", b.cfg.small+i)
		t0 := time.Now()
		if _, err := c.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/small", Articles: []*timelinev1.Article{a}}); err != nil {
			return err
		}
		adds = append(adds, time.Since(t0))
		all = append(all, a)
	}
	tl := timelinev1.NewTimelineServiceClient(p.conn)
	var resend []time.Duration
	for range 5 {
		t0 := time.Now()
		if _, err := tl.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: all}); err != nil {
			return fmt.Errorf("BuildTimeline of %d articles: %w (raise --max-articles)", len(all), err)
		}
		resend = append(resend, time.Since(t0))
	}
	fmt.Fprintf(b.out, "add one article to a %d-article story (%d adds): p50 %s, p90 %s, max %s\n",
		b.cfg.small, len(adds), ms(quantile(adds, 0.5)), ms(quantile(adds, 0.9)), ms(quantile(adds, 1)))
	fmt.Fprintf(b.out, "resend all %d articles to BuildTimeline: first %s (analysed anew), then p50 %s of %d (analysis cache)\n",
		len(all), ms(resend[0]), ms(quantile(resend[1:], 0.5)), len(resend)-1)
	return nil
}

// restart: a story of cfg.medium served after a restart.
func (b *bench) restart(ctx context.Context) error {
	p, err := b.start()
	if err != nil {
		return err
	}
	_, times, err := b.fill(ctx, p, "medium", b.cfg.medium)
	if err != nil {
		return err
	}
	if err := p.stop(); err != nil {
		return err
	}
	p, err = b.start()
	if err != nil {
		return err
	}
	defer p.stop()
	c := timelinev1.NewStoryServiceClient(p.conn)
	tl, err := c.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/medium"})
	if err != nil {
		return err
	}
	sinceStart := time.Since(p.started)
	var reads []time.Duration
	for range 5 {
		t0 := time.Now()
		if tl, err = c.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/medium"}); err != nil {
			return err
		}
		reads = append(reads, time.Since(t0))
	}
	// The first write after the restart loads the story (its analyses).
	t0 := time.Now()
	if _, err := c.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/medium",
		Articles: []*timelinev1.Article{b.article("medium", b.cfg.medium)}}); err != nil {
		return err
	}
	firstWrite := time.Since(t0)
	fmt.Fprintf(b.out, "%d-article story (filled in batches of 1,000, the last in %s): served %s after the process started again; GetTimeline p50 %s (%d entries, %d background); first add after the restart %s\n",
		b.cfg.medium, ms(times[len(times)-1]), ms(sinceStart), ms(quantile(reads, 0.5)), len(tl.GetEntries()), len(tl.GetBackground()), ms(firstWrite))
	return nil
}

// largeStory: the memory of a server holding a story of cfg.large.
func (b *bench) largeStory(ctx context.Context) error {
	p, err := b.start()
	if err != nil {
		return err
	}
	defer p.stop()
	t0 := time.Now()
	_, times, err := b.fill(ctx, p, "large", b.cfg.large)
	if err != nil {
		return err
	}
	fill := time.Since(t0)
	c := timelinev1.NewStoryServiceClient(p.conn)
	t1 := time.Now()
	tl, err := c.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/large"})
	if err != nil {
		return err
	}
	read := time.Since(t1)
	t2 := time.Now()
	if _, err := c.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/large",
		Articles: []*timelinev1.Article{b.article("large", b.cfg.large)}}); err != nil {
		return err
	}
	one := time.Since(t2)
	hwm, rss, err := p.peakRSS()
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "%d-article story: filled in %.0f s (last batch of 1,000 %s), GetTimeline %s (%d entries, %d background), one more article %s; server peak RSS %.0f MiB (now %.0f MiB)\n",
		b.cfg.large, fill.Seconds(), ms(times[len(times)-1]), ms(read), len(tl.GetEntries()), len(tl.GetBackground()), ms(one), hwm, rss)
	return nil
}
