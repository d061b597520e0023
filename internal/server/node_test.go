package server_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// requireNode, when set in the environment (.ci/run sets it), makes a
// missing Node.js or tests/node/node_modules a failure instead of a skip.
const requireNode = "TIMELINED_REQUIRE_NODE"

// nodeCase is one call the Node client makes; request is its JSON as a
// JavaScript caller writes it.
type nodeCase struct {
	Name      string          `json:"name"`
	Method    string          `json:"method"`
	Request   json.RawMessage `json:"request"`
	Code      string          `json:"code,omitempty"`
	InMessage []string        `json:"inMessage,omitempty"`

	goResp proto.Message // what the Go client got
	goErr  error
}

// TestNodeClient: grpc-js with proto-loader at its default settings (the
// client of tests/node, versions pinned in its package-lock.json) gets the
// same answers as the Go client, errors included, on text with emoji and
// combining marks; it slices by code points where UTF-16 slicing would be
// wrong; and snake_case keys are dropped silently, as the README warns.
func TestNodeClient(t *testing.T) {
	dir, err := filepath.Abs("../../tests/node")
	if err != nil {
		t.Fatal(err)
	}
	node, nerr := exec.LookPath("node")
	_, merr := os.Stat(filepath.Join(dir, "node_modules", "@grpc", "grpc-js"))
	_, perr := os.Stat("../../third_party/protovalidate/buf/validate/validate.proto")
	if nerr != nil || merr != nil || perr != nil {
		msg := "needs node, `npm ci --prefix tests/node` and `make protovalidate` (.ci/run does all three)"
		if os.Getenv(requireNode) != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	ts := start(t, server.Config{})
	ctx := callCtx(t)
	marshal := func(m proto.Message) json.RawMessage {
		b, err := protojson.Marshal(m) // camelCase, as JavaScript writes it
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	unicodeArticle := &timelinev1.Article{Id: "u", Text: unicodeText, PublishedDate: "2021-03-22"}
	undated := "The minister said on Friday that the talks had failed."
	cases := []*nodeCase{
		{Name: "seed", Method: "ResolveDates", Request: marshal(&timelinev1.ResolveDatesRequest{Article: seeds(t)[1]})},
		{Name: "emoji", Method: "ResolveDates", Request: marshal(&timelinev1.ResolveDatesRequest{Article: unicodeArticle})},
		{Name: "build seeds", Method: "BuildTimeline", Request: marshal(&timelinev1.BuildTimelineRequest{Articles: seeds(t)})},
		{Name: "build emoji", Method: "BuildTimeline", Request: marshal(&timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			unicodeArticle, {Id: "v", Text: "🙂 " + unicodeText, PublishedDate: "2021-03-22"},
		}})},
		{Name: "camelCase date", Method: "ResolveDates", Request: json.RawMessage(`{"article":{"id":"c","text":"` + undated + `","publishedDate":"2021-03-22"}}`)},
		{Name: "snake_case date", Method: "ResolveDates", Request: json.RawMessage(`{"article":{"id":"c","text":"` + undated + `","published_date":"2021-03-22"}}`)},
		{Name: "invalid", Method: "BuildTimeline", Request: json.RawMessage(`{"articles":[{"text":"x"}]}`),
			Code: "INVALID_ARGUMENT", InMessage: []string{"articles[0].id"}},
		{Name: "too many mentions", Method: "ResolveDates", Request: marshal(&timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{
			Id: "f", Text: fridays(server.DefaultMaxArticleBytes), PublishedDate: "2021-03-22",
		}}), Code: "RESOURCE_EXHAUSTED", InMessage: []string{"max-mentions"}},
	}
	// The Go client's answers to the same JSON (snake_case read as the
	// Node client sends it: without the field).
	for _, c := range cases {
		body := c.Request
		if c.Name == "snake_case date" {
			body = json.RawMessage(strings.Replace(string(body), `,"published_date":"2021-03-22"`, "", 1))
		}
		switch c.Method {
		case "ResolveDates":
			var req timelinev1.ResolveDatesRequest
			if err := protojson.Unmarshal(body, &req); err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			c.goResp, c.goErr = ts.rpc.ResolveDates(ctx, &req)
		case "BuildTimeline":
			var req timelinev1.BuildTimelineRequest
			if err := protojson.Unmarshal(body, &req); err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			c.goResp, c.goErr = ts.rpc.BuildTimeline(ctx, &req)
		}
		if got := status.Code(c.goErr).String(); c.Code != "" && !strings.EqualFold(strings.ReplaceAll(c.Code, "_", ""), got) {
			t.Fatalf("%s: the Go client gets %v, the case wants %s", c.Name, c.goErr, c.Code)
		}
	}

	tmp := t.TempDir()
	spec, _ := json.Marshal(map[string]any{"cases": cases})
	casesFile, outFile := filepath.Join(tmp, "cases.json"), filepath.Join(tmp, "answers.json")
	if err := os.WriteFile(casesFile, spec, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, node, "--test", "contract.test.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TIMELINED_ADDR="+ts.addr, "TIMELINED_CASES="+casesFile, "TIMELINED_OUT="+outFile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	t.Logf("node --test:\n%s", out)

	raw, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var answers map[string]json.RawMessage
	if err := json.Unmarshal(raw, &answers); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		a, ok := answers[c.Name]
		if !ok {
			t.Errorf("%s: no answer from the Node client", c.Name)
			continue
		}
		if c.Code != "" {
			continue // code and message checked in Node
		}
		got := c.goResp.ProtoReflect().New().Interface()
		if err := protojson.Unmarshal(a, got); err != nil {
			t.Errorf("%s: the Node answer does not read as %T: %v", c.Name, got, err)
			continue
		}
		if !proto.Equal(got, c.goResp) {
			t.Errorf("%s: the Node client got a different answer:\nnode: %v\ngo:   %v", c.Name, got, c.goResp)
		}
	}
}
