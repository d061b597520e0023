package server_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// grpcurlBinary returns the grpcurl pinned in tools/go.mod, built (and
// cached) by the go command. It skips the test only when the build fails
// for want of the network.
func grpcurlBinary(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "tool", "-modfile="+filepath.Join(root, "tools", "go.mod"), "-n", "grpcurl")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.String()
		for _, offline := range []string{"dial tcp", "no such host", "connection refused", "i/o timeout", "network is unreachable", "GOPROXY", "GOFLAGS=-mod=mod"} {
			if strings.Contains(msg, offline) {
				t.Skipf("cannot build grpcurl without the network: %s", msg)
			}
		}
		t.Fatalf("build grpcurl: %v\n%s", err, msg)
	}
	return strings.TrimSpace(string(out))
}

// grpcurl runs the grpcurl binary against addr the way a person would.
func grpcurl(t *testing.T, bin, addr string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	args = append([]string{"-plaintext"}, args...)
	// The address goes before the method (or list/describe) in grpcurl.
	for i, a := range args {
		if a == "@addr" {
			args[i] = addr
		}
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

func TestGrpcurl(t *testing.T) {
	bin := grpcurlBinary(t)
	ts := start(t, server.Config{})

	t.Run("list", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "@addr", "list")
		if err != nil {
			t.Fatalf("grpcurl list: %v\n%s", err, errOut)
		}
		for _, want := range []string{serviceName, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"} {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("list lacks %s:\n%s", want, out)
			}
		}
	})

	t.Run("describe", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "@addr", "describe", serviceName)
		if err != nil {
			t.Fatalf("grpcurl describe: %v\n%s", err, errOut)
		}
		for _, want := range []string{
			serviceName + " is a service:",
			"rpc ResolveDates ( .timeline.v1.ResolveDatesRequest ) returns ( .timeline.v1.ResolveDatesResponse );",
			"rpc BuildTimeline ( .timeline.v1.BuildTimelineRequest ) returns ( .timeline.v1.BuildTimelineResponse );",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("describe lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("health", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "-d", `{"service":"`+serviceName+`"}`, "@addr", "grpc.health.v1.Health/Check")
		if err != nil || !strings.Contains(out, `"SERVING"`) {
			t.Errorf("health check: %v\n%s%s", err, out, errOut)
		}
	})

	t.Run("ResolveDates", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "-d",
			`{"article": {"id": "a1", "text": "The leaders spoke last Wednesday.", "publishedDate": "2021-03-22"}}`,
			"@addr", serviceName+"/ResolveDates")
		if err != nil {
			t.Fatalf("grpcurl ResolveDates: %v\n%s", err, errOut)
		}
		var resp timelinev1.ResolveDatesResponse
		if err := protojson.Unmarshal([]byte(out), &resp); err != nil {
			t.Fatalf("output is not a ResolveDatesResponse: %v\n%s", err, out)
		}
		if p := resp.GetPublication(); p.GetDate() != "2021-03-22" || p.GetBasis() != "given" {
			t.Errorf("publication = %v", p)
		}
		if !strings.Contains(out, `"publication": {`) {
			t.Errorf("output is not the indented JSON a person reads:\n%s", out)
		}
		t.Run("engine", func(t *testing.T) {
			ms := resp.GetMentions()
			if len(ms) != 1 || ms[0].GetText() != "last Wednesday" || ms[0].GetValue() != "2021-03-17" {
				t.Errorf("mentions = %v, want last Wednesday = 2021-03-17", ms)
			}
		})
	})

	t.Run("BuildTimeline", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "-d",
			`{"articles": [{"id": "a1", "text": "Biden and Putin spoke by phone on January 26.", "publishedDate": "2021-03-22"}]}`,
			"@addr", serviceName+"/BuildTimeline")
		if err != nil {
			t.Fatalf("grpcurl BuildTimeline: %v\n%s", err, errOut)
		}
		var resp timelinev1.BuildTimelineResponse
		if err := protojson.Unmarshal([]byte(out), &resp); err != nil {
			t.Fatalf("output is not a BuildTimelineResponse: %v\n%s", err, out)
		}
		if len(resp.GetArticles()) != 1 {
			t.Errorf("articles = %v, want one publication", resp.GetArticles())
		}
	})

	t.Run("invalid", func(t *testing.T) {
		out, errOut, err := grpcurl(t, bin, ts.addr, "-d",
			`{"article": {"id": "a1", "text": "Hello.", "publishedDate": "2021-02-30"}}`,
			"@addr", serviceName+"/ResolveDates")
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("grpcurl = %v, want a failing exit status\n%s", err, out)
		}
		for _, want := range []string{"Code: InvalidArgument", "google.rpc.BadRequest", `"field": "article.published_date"`, `"2021-02-30" is not a date`} {
			if !strings.Contains(errOut, want) {
				t.Errorf("error output lacks %q:\n%s", want, errOut)
			}
		}
	})
}
