// Command burst load-tests a real timelined process with the largest
// calls its default limits allow, and reports what the issue on bounded
// memory asks for:
//
//   - Burst: -workers calls at once (3), each the largest of its kind,
//     repeated for -duration (1 minute), over a client at gRPC's default
//     receive limit (4 MiB): every call must be answered, or refused with
//     RESOURCE_EXHAUSTED naming a limit (google.rpc.ErrorInfo); any other
//     outcome, an answer too big to read included, is counted as unclean.
//     The server's peak RSS (VmHWM) must stay under its memory budget.
//   - Recovery: the server's RSS, sampled every 100 ms for -recover (30 s)
//     after the burst, must drop under -rss-after (300 MB).
//   - Drain: SIGTERM 300 ms into the largest BuildTimeline: the call must
//     complete, and the process exit with status 0.
//
// The calls rotate through four kinds: "stories" (BuildTimeline, 1,000
// short articles retelling the seed stories, 1 MiB: the largest call
// and the largest answer), "news" (BuildTimeline, 1 MiB of TimeBank and
// AQUAINT news in 10 KB articles, when ../shared is there), "dates"
// (BuildTimeline, 1 MiB dense in dates: refused at max-mentions) and
// "resolve" (ResolveDates on the longest article, 1 MiB of weekday names:
// refused at max-mentions, and just under it: an answer near 3 MB). Each
// call's texts carry a fresh reference, so that no call is served from the
// analysis cache.
//
// Usage:
//
//	go build -o /tmp/timelined ./cmd/timelined
//	go run ./bench/burst -bin /tmp/timelined [-duration 1m] [-workers 3] [-tbaq ../shared/data/timeml/tbaq]
//
// Everything listens on and talks to 127.0.0.1; the server is started and
// stopped by the command.
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
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/timeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "burst:", err)
		os.Exit(1)
	}
}

type options struct {
	bin      string
	duration time.Duration
	recover  time.Duration
	workers  int
	budget   int64
	rssAfter int64
	seeds    string
	tbaq     string
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("burst", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.bin, "bin", "", "the timelined binary to run (required)")
	fs.DurationVar(&o.duration, "duration", time.Minute, "how long the burst lasts")
	fs.DurationVar(&o.recover, "recover", 30*time.Second, "how long RSS is watched after the burst")
	fs.IntVar(&o.workers, "workers", 3, "calls at once")
	fs.Int64Var(&o.budget, "budget", server.DefaultMemoryBudget, "the server's --memory-budget, which peak RSS must stay under")
	fs.Int64Var(&o.rssAfter, "rss-after", 300e6, "RSS, in bytes, the server must be back under after the burst")
	fs.StringVar(&o.seeds, "seeds", "testdata/articles", "the seed articles")
	fs.StringVar(&o.tbaq, "tbaq", "../shared/data/timeml/tbaq", "TimeBank + AQUAINT, for the news calls (skipped when absent)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.bin == "" || fs.NArg() > 0 {
		return errors.New("usage: burst -bin TIMELINED [flags]")
	}
	k, err := newKinds(o)
	if err != nil {
		return err
	}

	srv, err := startServer(o)
	if err != nil {
		return err
	}
	defer srv.cmd.Process.Kill()
	fmt.Fprintf(stdout, "server pid %d on %s, memory budget %d bytes; %d workers for %v; kinds: %s\n",
		srv.cmd.Process.Pid, srv.addr, o.budget, o.workers, o.duration, strings.Join(k.names(), ", "))

	conn, err := grpc.NewClient(srv.addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		// Receive: gRPC's default (4 MiB), as most clients; send: enough
		// for the largest request.
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(16<<20)))
	if err != nil {
		return err
	}
	defer conn.Close()
	rpc := timelinev1.NewTimelineServiceClient(conn)

	// Burst.
	sampler := startSampler(srv.cmd.Process.Pid)
	began := time.Now()
	res := burst(rpc, k, o)
	burstTook := time.Since(began)
	peakBurst := sampler.peak()
	fmt.Fprintf(stdout, "\nburst: %d calls in %v\n", res.total(), burstTook.Round(time.Millisecond))
	for _, line := range res.table() {
		fmt.Fprintln(stdout, "  "+line)
	}
	fmt.Fprintf(stdout, "peak RSS during the burst: %d MB (VmHWM %d MB); budget %d MB\n",
		peakBurst/1e6, hwm(srv.cmd.Process.Pid)/1e6, o.budget/1e6)

	// Recovery.
	after := time.Now()
	backAt := time.Duration(-1)
	var last int64
	for time.Since(after) < o.recover {
		last = rss(srv.cmd.Process.Pid)
		if last < o.rssAfter && backAt < 0 {
			backAt = time.Since(after)
		}
		time.Sleep(100 * time.Millisecond)
	}
	sampler.stop()
	fmt.Fprintf(stdout, "RSS after the burst: under %d MB after %v; %d MB at %v\n",
		o.rssAfter/1e6, backAt.Round(100*time.Millisecond), last/1e6, o.recover)

	// Drain.
	drainErr, exitErr, took := sigtermDuringLargest(srv, rpc, k)
	fmt.Fprintf(stdout, "SIGTERM 300 ms into the largest call: call %v after %v; exit %v\n",
		errString(drainErr), took.Round(time.Millisecond), errString(exitErr))

	var fails []string
	if res.unclean > 0 {
		fails = append(fails, fmt.Sprintf("%d calls neither answered nor refused cleanly", res.unclean))
	}
	if peakBurst >= o.budget {
		fails = append(fails, "peak RSS over the budget")
	}
	if backAt < 0 {
		fails = append(fails, "RSS not back under the mark")
	}
	if drainErr != nil || exitErr != nil {
		fails = append(fails, "the drain cut the call or the process failed")
	}
	if len(fails) > 0 {
		return errors.New(strings.Join(fails, "; "))
	}
	fmt.Fprintln(stdout, "all figures met")
	return nil
}

func errString(err error) string {
	if err == nil {
		return "OK"
	}
	return err.Error()
}

// kinds makes the requests of each kind, fresh text for every call.
type kinds struct {
	seeds []timeline.Article
	news  []string // texts of about 10 KB
	max   server.Limits
}

func newKinds(o options) (*kinds, error) {
	as, err := timeline.LoadArticles(o.seeds)
	if err != nil {
		return nil, err
	}
	k := &kinds{seeds: as, max: server.DefaultLimits()}
	if docs, err := evaluate.LoadDir(o.tbaq); err == nil {
		var all strings.Builder
		for _, d := range docs {
			all.WriteString(d.Text)
			all.WriteString("\n\n")
		}
		text := all.String()
		for len(text) > 10000 {
			cut := 10000
			for cut < len(text) && text[cut] != '\n' {
				cut++
			}
			k.news = append(k.news, text[:cut])
			text = text[cut:]
		}
	}
	return k, nil
}

func (k *kinds) names() []string {
	n := []string{"stories", "dates", "resolve"}
	if len(k.news) > 0 {
		n = append(n, "news")
	}
	return n
}

// fill returns articles of the given texts, each with a reference of call
// n, that take the text limit as fully as the article limit allows.
func (k *kinds) fill(n int, texts func(i int) (title, text, pub string)) []*timelinev1.Article {
	var out []*timelinev1.Article
	total := 0
	for i := 0; i < k.max.MaxArticles; i++ {
		title, text, pub := texts(i)
		text = fmt.Sprintf("Ref. %d-%d.\n\n%s", n, i, text)
		room := k.max.MaxRequestTextBytes - total - len(title)
		if room < 100 {
			break
		}
		if len(text) > room {
			text = strings.ToValidUTF8(text[:room], "")
		}
		total += len(title) + len(text)
		out = append(out, &timelinev1.Article{Id: fmt.Sprintf("a%d", i), Title: title, Text: text, PublishedDate: pub})
	}
	return out
}

// largest is the largest BuildTimeline: 1,000 articles retelling the seeds.
func (k *kinds) largest(n int) *timelinev1.BuildTimelineRequest {
	per := k.max.MaxRequestTextBytes / k.max.MaxArticles
	return &timelinev1.BuildTimelineRequest{Articles: k.fill(n, func(i int) (string, string, string) {
		a := k.seeds[i%len(k.seeds)]
		text := strings.Repeat(a.Text+"\n\n", per/len(a.Text)+1)
		return a.Title, text[:min(len(text), per-len(a.Title)-20)], a.Published.String()
	})}
}

// call makes call n of kind name.
func (k *kinds) call(ctx context.Context, rpc timelinev1.TimelineServiceClient, name string, n int) error {
	switch name {
	case "stories":
		_, err := rpc.BuildTimeline(ctx, k.largest(n))
		return err
	case "news":
		_, err := rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: k.fill(n, func(i int) (string, string, string) {
			return "", k.news[(n*7+i)%len(k.news)], "1998-08-08"
		})})
		return err
	case "dates":
		line := "Biden spoke on Friday, March 19, and Putin answered last Wednesday. "
		_, err := rpc.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: k.fill(n, func(int) (string, string, string) {
			return "", strings.Repeat(line, k.max.MaxArticleBytes/len(line)), "2021-03-22"
		})})
		return err
	case "resolve":
		// Alternately over max-mentions and just under it.
		size := k.max.MaxArticleBytes
		if (n/len(k.names()))%2 == 1 {
			size = (k.max.MaxMentions - 10) * 7
		}
		text := fmt.Sprintf("Ref. %d. ", n) + strings.Repeat("Friday ", size/7)
		_, err := rpc.ResolveDates(ctx, &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
			Id: "r", Text: text[:min(len(text), size)], PublishedDate: "2021-03-22",
		}})
		return err
	}
	return fmt.Errorf("no kind %q", name)
}

// results counts outcomes by kind.
type results struct {
	mu      sync.Mutex
	by      map[string]map[string]int // kind -> outcome -> calls
	slowest map[string]time.Duration
	unclean int
}

func (r *results) add(kind, outcome string, clean bool, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.by[kind] == nil {
		r.by[kind] = map[string]int{}
	}
	r.by[kind][outcome]++
	r.slowest[kind] = max(r.slowest[kind], took)
	if !clean {
		r.unclean++
	}
}

func (r *results) total() int {
	n := 0
	for _, m := range r.by {
		for _, c := range m {
			n += c
		}
	}
	return n
}

func (r *results) table() []string {
	var out []string
	for kind, m := range r.by {
		var parts []string
		for outcome, c := range m {
			parts = append(parts, fmt.Sprintf("%s %d", outcome, c))
		}
		out = append(out, fmt.Sprintf("%-8s %s (slowest %v)", kind, strings.Join(parts, ", "), r.slowest[kind].Round(time.Millisecond)))
	}
	return out
}

// outcome classifies a call's end: an answer, or a refusal naming a
// limit, is clean.
func outcome(err error) (string, bool) {
	if err == nil {
		return "OK", true
	}
	st := status.Convert(err)
	if st.Code() == codes.ResourceExhausted {
		for _, d := range st.Details() {
			if ei, ok := d.(*errdetails.ErrorInfo); ok {
				return "RESOURCE_EXHAUSTED " + ei.GetMetadata()["limit"], true
			}
		}
	}
	return st.Code().String() + ": " + st.Message(), false
}

func burst(rpc timelinev1.TimelineServiceClient, k *kinds, o options) *results {
	res := &results{by: map[string]map[string]int{}, slowest: map[string]time.Duration{}}
	names := k.names()
	end := time.Now().Add(o.duration)
	var wg sync.WaitGroup
	var next sync.Mutex
	n := 0
	for range o.workers {
		wg.Go(func() {
			for time.Now().Before(end) {
				next.Lock()
				i := n
				n++
				next.Unlock()
				kind := names[i%len(names)]
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				t0 := time.Now()
				err := k.call(ctx, rpc, kind, i)
				cancel()
				out, clean := outcome(err)
				res.add(kind, out, clean, time.Since(t0))
			}
		})
	}
	wg.Wait()
	return res
}

// proc is a running timelined.
type proc struct {
	cmd  *exec.Cmd
	addr string
	done chan error
}

func startServer(o options) (*proc, error) {
	cmd := exec.Command(o.bin, "--addr", "127.0.0.1:0", "--log-format", "json",
		"--memory-budget", strconv.FormatInt(o.budget, 10), "--drain-grace", "1s")
	cmd.Env = os.Environ()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lines := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`"addr":"(127\.0\.0\.1:\d+)"`)
	s := &proc{cmd: cmd, done: make(chan error, 1)}
	for lines.Scan() {
		if m := re.FindStringSubmatch(lines.Text()); m != nil && strings.Contains(lines.Text(), "serving gRPC") {
			s.addr = m[1]
			break
		}
	}
	go func() {
		for lines.Scan() {
		}
	}()
	go func() { s.done <- cmd.Wait() }()
	if s.addr == "" {
		return nil, errors.New("the server did not say where it listens")
	}
	return s, nil
}

func sigtermDuringLargest(srv *proc, rpc timelinev1.TimelineServiceClient, k *kinds) (callErr, exitErr error, took time.Duration) {
	done := make(chan error, 1)
	t0 := time.Now()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := rpc.BuildTimeline(ctx, k.largest(-1))
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	srv.cmd.Process.Signal(syscall.SIGTERM)
	callErr = <-done
	took = time.Since(t0)
	select {
	case exitErr = <-srv.done:
	case <-time.After(time.Minute):
		exitErr = errors.New("the process did not exit within a minute")
	}
	return callErr, exitErr, took
}

// sampler records the peak RSS of a process every 100 ms.
type sampler struct {
	mu   sync.Mutex
	max  int64
	quit chan struct{}
}

func startSampler(pid int) *sampler {
	s := &sampler{quit: make(chan struct{})}
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				r := rss(pid)
				s.mu.Lock()
				s.max = max(s.max, r)
				s.mu.Unlock()
			}
		}
	}()
	return s
}

func (s *sampler) peak() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.max
}

func (s *sampler) stop() { close(s.quit) }

// rss and hwm read VmRSS and VmHWM of pid, in bytes.
func rss(pid int) int64 { return procStatus(pid, "VmRSS:") }
func hwm(pid int) int64 { return procStatus(pid, "VmHWM:") }

func procStatus(pid int, key string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == key {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
