package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/timeline"
)

// buildBinary builds timelined into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "timelined")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// buildHealthProbe builds grpc-health-probe at the version the Dockerfile
// pins, through the Go module proxy.
func buildHealthProbe(t *testing.T) string {
	t.Helper()
	df, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`github\.com/grpc-ecosystem/grpc-health-probe@(v[0-9.]+)`).FindSubmatch(df)
	if m == nil {
		t.Fatal("the Dockerfile pins no grpc-health-probe")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "install", "github.com/grpc-ecosystem/grpc-health-probe@"+string(m[1]))
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install grpc-health-probe: %v\n%s", err, out)
	}
	return filepath.Join(dir, "grpc-health-probe")
}

// confined returns the command that runs bin as the container does: as
// user 65532 (distroless nonroot, as the Dockerfile) on a read-only root file system. It needs root (to
// make the mount namespace); elsewhere the binary runs as it is, and the
// second result says so.
func confined(bin string, args ...string) (*exec.Cmd, bool) {
	_, uerr := exec.LookPath("unshare")
	_, serr := exec.LookPath("setpriv")
	if os.Geteuid() != 0 || uerr != nil || serr != nil {
		return exec.Command(bin, args...), false
	}
	script := `mount -o remount,bind,ro / && exec setpriv --reuid=65532 --regid=65532 --clear-groups "$@"`
	return exec.Command("unshare", append([]string{"--mount", "--propagation", "private", "sh", "-c", script, "sh", bin}, args...)...), true
}

// largestArticles returns a BuildTimeline request at the default text limit:
// the seed stories, repeated, in as many articles as the article limit
// allows, each as long as the text limit then allows.
func largestArticles(t *testing.T) *timelinev1.BuildTimelineRequest {
	t.Helper()
	as, err := timeline.LoadArticles("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	per := server.DefaultMaxRequestTextBytes / server.DefaultMaxArticles
	req := &timelinev1.BuildTimelineRequest{}
	for i := range server.DefaultMaxArticles {
		a := as[i%len(as)]
		text := strings.Repeat(a.Text+"\n\n", per/len(a.Text)+1)
		text = strings.ToValidUTF8(text[:per-len(a.Title)], "")
		req.Articles = append(req.Articles, &timelinev1.Article{
			Id: fmt.Sprintf("%s-%d", a.ID, i), Title: a.Title, Text: text, PublishedDate: a.Published.String(),
		})
	}
	return req
}

// TestProcessDrainsTheLargestCall runs the real binary, confined as in its
// container when the test runs as root, and sends SIGTERM while the
// largest legal BuildTimeline is in flight: the call completes, a new
// client still reaches the server and reads NOT_SERVING during the grace
// period, and the process exits 0.
func TestProcessDrainsTheLargestCall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	probe := buildHealthProbe(t)
	// No stories: what is under test is the drain of the TimelineService,
	// and the confined process may write nowhere.
	cmd, isConfined := confined(bin, "--addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0", "--drain-grace", "2s", "--log-format", "json", "--store", "none")
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	t.Logf("confined (uid 65532, read-only root): %v", isConfined)

	lines := bufio.NewScanner(stderr)
	addrRE := regexp.MustCompile(`"msg":"serving gRPC","addr":"([^"]+)"`)
	healthRE := regexp.MustCompile(`"msg":"serving health[^"]*","addr":"([^"]+)"`)
	var addr, healthAddr string
	var log strings.Builder
	for addr == "" && lines.Scan() {
		log.WriteString(lines.Text() + "\n")
		if m := addrRE.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
		if m := healthRE.FindStringSubmatch(lines.Text()); m != nil {
			healthAddr = m[1]
		}
	}
	if addr == "" || healthAddr == "" {
		t.Fatalf("no 'serving gRPC' or 'serving health' line:\n%s", log.String())
	}
	// The Dockerfile's health check: the standard probe, by the gRPC
	// health protocol, on the plaintext health address.
	for _, svc := range []string{"", "timeline.v1.TimelineService"} {
		if out, err := exec.Command(probe, "-addr="+healthAddr, "-service="+svc).CombinedOutput(); err != nil {
			t.Errorf("grpc-health-probe -service=%q: %v\n%s", svc, err, out)
		}
	}
	rest := make(chan string)
	go func() {
		var b strings.Builder
		for lines.Scan() {
			b.WriteString(lines.Text() + "\n")
		}
		io.Copy(io.Discard, stderr)
		rest <- b.String()
	}()

	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	req := largestArticles(t)
	done := make(chan error, 1)
	began := time.Now()
	go func() {
		resp, err := timelinev1.NewTimelineServiceClient(conn).BuildTimeline(ctx, req)
		if err == nil && len(resp.GetEntries()) == 0 {
			err = fmt.Errorf("no entries")
		}
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the call is in flight
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}

	// During the grace period a new client reads NOT_SERVING.
	fresh, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	var st healthgrpc.HealthCheckResponse_ServingStatus
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := healthgrpc.NewHealthClient(fresh).Check(ctx, &healthgrpc.HealthCheckRequest{})
		if err == nil {
			if st = resp.GetStatus(); st == healthgrpc.HealthCheckResponse_NOT_SERVING {
				break
			}
		}
	}
	if st != healthgrpc.HealthCheckResponse_NOT_SERVING {
		t.Errorf("a new client during the grace period reads %v, want NOT_SERVING", st)
	}
	if out, err := exec.Command(probe, "-addr="+healthAddr).CombinedOutput(); err == nil {
		t.Errorf("grpc-health-probe during the drain succeeded:\n%s", out)
	}

	if err := <-done; err != nil {
		t.Errorf("the largest call, in flight at SIGTERM: %v", err)
	}
	t.Logf("the largest call (%d articles) took %v", len(req.GetArticles()), time.Since(began))
	werr := cmd.Wait()
	logs := <-rest
	if werr != nil {
		t.Errorf("exit: %v, want status 0\n%s", werr, logs)
	}
	for _, want := range []string{`"msg":"draining`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s:\n%s", want, logs)
		}
	}
	// Nothing was written where it runs.
	if entries, _ := os.ReadDir(cmd.Dir); len(entries) > 0 {
		t.Errorf("the server wrote %v in its working folder", entries)
	}
}
