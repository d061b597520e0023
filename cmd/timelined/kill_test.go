package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/store/storetest"
	"github.com/timelined/timelined/internal/timeline"
)

// buildServer compiles timelined into a temporary folder, once per test.
func buildServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "timelined")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a timelined process and the address it serves gRPC on.
type process struct {
	cmd  *exec.Cmd
	addr string
	done chan struct{} // closed when the process has exited
}

var servingRE = regexp.MustCompile(`msg="serving gRPC" addr=(\S+)`)

// startServer runs bin with args and waits for its gRPC address.
func startServer(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "TIMELINED_METRICS_ADDR=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		cmd.Wait()
		close(p.done)
	}()
	select {
	case p.addr = <-found:
	case <-p.done:
		t.Fatalf("timelined exited before serving: %v", cmd.ProcessState)
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("timelined did not serve within 60 s")
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-p.done
	})
	return p
}

func dialT(t *testing.T, addr string) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestKillDuringAdds kills the server with SIGKILL in the middle of a
// stream of AddArticles, restarts it on the same store, and finds every
// acknowledged article and a chronology equal to BuildTimeline over the
// articles the story holds; the story then takes more articles.
func TestKillDuringAdds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a server")
	}
	bin := buildServer(t)
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		loc := k.Location(t)
		base, err := timeline.LoadArticles(filepath.Join("..", "..", "testdata", "articles"))
		if err != nil {
			t.Fatal(err)
		}
		const n = 60
		articles := make(map[string]*timelinev1.Article, n)
		order := make([]string, n)
		for i := range n {
			a := server.ArticleToProto(base[i%len(base)])
			a.Id = fmt.Sprintf("a%02d", i)
			a.Text += fmt.Sprintf("\n\nUpdated %d times.", i)
			articles[a.Id], order[i] = a, a.Id
		}
		p := startServer(t, bin, "--store", loc)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		stories := timelinev1.NewStoryServiceClient(dialT(t, p.addr))
		if _, err := stories.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "killed"}); err != nil {
			t.Fatal(err)
		}

		// Two writers add articles one by one; the server is killed once
		// 20 are acknowledged.
		var mu sync.Mutex
		acked := map[string]bool{}
		var wg sync.WaitGroup
		next := make(chan string, n)
		for _, id := range order {
			next <- id
		}
		close(next)
		killed := make(chan struct{})
		var once sync.Once
		for range 2 {
			wg.Go(func() {
				for id := range next {
					_, err := stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/killed",
						Articles: []*timelinev1.Article{articles[id]}})
					if err != nil {
						return // the server is gone
					}
					mu.Lock()
					acked[id] = true
					if len(acked) == 20 {
						once.Do(func() {
							p.cmd.Process.Signal(syscall.SIGKILL)
							close(killed)
						})
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		<-killed
		<-p.done
		t.Logf("%d articles acknowledged before SIGKILL", len(acked))

		p2 := startServer(t, bin, "--store", loc)
		conn := dialT(t, p2.addr)
		stories = timelinev1.NewStoryServiceClient(conn)
		tl, err := stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/killed"})
		if err != nil {
			t.Fatal(err)
		}
		held := map[string]bool{}
		var in []*timelinev1.Article
		for _, pub := range tl.GetArticles() {
			held[pub.GetArticleId()] = true
			in = append(in, articles[pub.GetArticleId()])
		}
		for id := range acked {
			if !held[id] {
				t.Errorf("acknowledged article %s is lost", id)
			}
		}
		if tl.GetVersion() != int64(len(held)) {
			t.Errorf("version %d for %d articles added one at a time", tl.GetVersion(), len(held))
		}
		built, err := timelinev1.NewTimelineServiceClient(conn).BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: in})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range append(tl.GetEntries(), tl.GetBackground()...) {
			e.Id = ""
		}
		if !proto.Equal(built, &timelinev1.BuildTimelineResponse{Entries: tl.GetEntries(), Background: tl.GetBackground(),
			Articles: tl.GetArticles(), WindowStart: tl.GetWindowStart(), WindowEnd: tl.GetWindowEnd()}) {
			t.Fatal("after the restart the chronology differs from BuildTimeline over the story's articles")
		}
		// The story goes on.
		var rest []*timelinev1.Article
		for _, id := range order {
			if !held[id] {
				rest = append(rest, articles[id])
			}
		}
		resp, err := stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/killed", Articles: rest})
		if err != nil {
			t.Fatal(err)
		}
		if resp.GetAdded() != int32(len(rest)) || resp.GetVersion() != tl.GetVersion()+1 {
			t.Fatalf("after the restart: %v", resp)
		}
	})
}
