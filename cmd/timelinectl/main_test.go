package main

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/timeline"
	"github.com/timelined/timelined/internal/tlsfiles"
)

const (
	seeds    = "../../testdata/articles"
	seedFile = "../../testdata/articles/000_b2fb81091720bd7e.txt"
)

// runCLI runs timelinectl in-process.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustRun runs timelinectl and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("timelinectl %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// seedRequest is the request build sends for the seed articles.
func seedRequest(t *testing.T) *timelinev1.BuildTimelineRequest {
	t.Helper()
	inputs, err := loadInputs([]string{seeds})
	if err != nil {
		t.Fatal(err)
	}
	req := &timelinev1.BuildTimelineRequest{}
	for _, in := range inputs {
		req.Articles = append(req.Articles, in.article)
	}
	return req
}

// seedTimeline is what the service answers for the seeds, called directly.
func seedTimeline(t *testing.T) *timelinev1.BuildTimelineResponse {
	t.Helper()
	resp, err := server.NewService(server.DefaultLimits(), nil).BuildTimeline(context.Background(), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestBuildJSONIsTheResponse(t *testing.T) {
	out := mustRun(t, "build", "--format", "json", seeds)
	var got timelinev1.BuildTimelineResponse
	if err := protojson.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output does not parse back as BuildTimelineResponse: %v\n%s", err, out)
	}
	if want := seedTimeline(t); !proto.Equal(&got, want) {
		t.Errorf("JSON output differs from the service's response:\ngot  %v\nwant %v", &got, want)
	}
	if again := mustRun(t, "build", "--format", "json", seeds); again != out {
		t.Error("JSON output is not stable from one run to the next")
	}
}

func TestBuildTable(t *testing.T) {
	out := mustRun(t, "build", seeds)
	resp := seedTimeline(t)
	want := []string{"Timeline ", "Articles"}
	if len(resp.GetEntries()) > 0 {
		want = append(want, "DATE", "SUMMARY", "SOURCES")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("table lacks %q:\n%s", w, out)
		}
	}
	for _, p := range resp.GetArticles() {
		if !strings.Contains(out, p.GetArticleId()) {
			t.Errorf("table does not list article %s", p.GetArticleId())
		}
	}
	for _, e := range append(resp.GetEntries(), resp.GetBackground()...) {
		if !strings.Contains(out, "\n"+e.GetDate()) {
			t.Errorf("table lacks entry %s %q", e.GetDate(), e.GetSummary())
		}
	}
	// Entry rows (they start with their date) fit in lineWidth columns.
	row := regexp.MustCompile(`^\d{4}`)
	for _, line := range strings.Split(out, "\n") {
		if row.MatchString(line) && utf8.RuneCountInString(line) > lineWidth {
			t.Errorf("row wider than %d columns: %q", lineWidth, line)
		}
	}
}

func TestBuildMarkdown(t *testing.T) {
	out := mustRun(t, "build", "--format", "markdown", seeds)
	if !strings.HasPrefix(out, "# Timeline ") {
		t.Errorf("markdown does not start with a title:\n%s", out)
	}
	resp := seedTimeline(t)
	if len(resp.GetEntries()) > 0 && !strings.Contains(out, "| Date | Event | N | Sources |") {
		t.Errorf("markdown lacks the entry table:\n%s", out)
	}
	if len(resp.GetBackground()) > 0 && !strings.Contains(out, "## Background") {
		t.Errorf("markdown lacks the background section:\n%s", out)
	}
	if !strings.Contains(out, "## Articles") {
		t.Errorf("markdown lacks the articles section:\n%s", out)
	}
	// Every table row has the same number of cells as its header.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| ") {
			cells := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(line, -1)) - 1
			if cells != 4 && cells != 5 {
				t.Errorf("markdown row with %d cells: %q", cells, line)
			}
		}
	}
}

func TestBuildNoDates(t *testing.T) {
	out := mustRun(t, "build", "--no-dates", "--format", "json", seeds)
	var got timelinev1.BuildTimelineResponse
	if err := protojson.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, p := range got.GetArticles() {
		if p.GetBasis() == "given" {
			t.Errorf("article %s: publication date was given despite --no-dates", p.GetArticleId())
		}
	}
}

// TestBuildFocus: --focus (repeatable) reaches the request, every entry
// involves one of the names, and the table leads each summary with them.
func TestBuildFocus(t *testing.T) {
	out := mustRun(t, "build", "--focus", "Putin", "--focus", "Navalny", "--format", "json", seeds)
	var got timelinev1.BuildTimelineResponse
	if err := protojson.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.GetEntries()) == 0 {
		t.Fatal("no entries with --focus Putin")
	}
	for _, e := range append(got.GetEntries(), got.GetBackground()...) {
		if len(e.GetFocus()) == 0 {
			t.Errorf("entry %s %q involves no focus entity", e.GetDate(), e.GetSummary())
		}
		for _, f := range e.GetFocus() {
			if f != "Putin" && f != "Navalny" {
				t.Errorf("entry %s: focus %q is not a name given", e.GetDate(), f)
			}
		}
	}
	all := mustRun(t, "build", "--format", "json", seeds)
	var whole timelinev1.BuildTimelineResponse
	if err := protojson.Unmarshal([]byte(all), &whole); err != nil {
		t.Fatal(err)
	}
	if len(got.GetEntries()) >= len(whole.GetEntries()) {
		t.Errorf("--focus kept %d of %d entries: it should leave some out", len(got.GetEntries()), len(whole.GetEntries()))
	}
	table := mustRun(t, "build", "--focus", "Putin", seeds)
	if !strings.Contains(table, "[Putin] ") {
		t.Errorf("table does not say which focus entity an entry involves:\n%s", table)
	}
}

func TestResolve(t *testing.T) {
	as, err := timeline.LoadArticles(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	// direct is what the service answers for the seed, called directly.
	direct := func(docType timelinev1.DocumentType) *timelinev1.ResolveDatesResponse {
		resp, err := server.NewService(server.DefaultLimits(), nil).ResolveDates(context.Background(), &timelinev1.ResolveDatesRequest{
			Article:      &timelinev1.Article{Id: a.ID, Title: a.Title, Text: a.Text, PublishedDate: "2021-03-22"},
			DocumentType: docType,
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	want := direct(timelinev1.DocumentType_DOCUMENT_TYPE_NEWS)

	for _, tt := range []struct {
		flags   []string
		docType timelinev1.DocumentType
	}{
		{nil, timelinev1.DocumentType_DOCUMENT_TYPE_NEWS},
		{[]string{"--narrative"}, timelinev1.DocumentType_DOCUMENT_TYPE_NARRATIVE},
		{[]string{"--doc-type", "narrative"}, timelinev1.DocumentType_DOCUMENT_TYPE_NARRATIVE},
		{[]string{"--doc-type", "colloquial"}, timelinev1.DocumentType_DOCUMENT_TYPE_COLLOQUIAL},
	} {
		t.Run("json"+strings.Join(tt.flags, ""), func(t *testing.T) {
			args := append([]string{"resolve", "--format", "json", "--date", "2021-03-22"}, tt.flags...)
			out := mustRun(t, append(args, seedFile)...)
			var raw []json.RawMessage
			if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 1 {
				t.Fatalf("want a JSON array of one response, got %v:\n%s", err, out)
			}
			var got timelinev1.ResolveDatesResponse
			if err := protojson.Unmarshal(raw[0], &got); err != nil {
				t.Fatal(err)
			}
			if want := direct(tt.docType); !proto.Equal(&got, want) {
				t.Errorf("got  %v\nwant %v", &got, want)
			}
		})
	}
	t.Run("table", func(t *testing.T) {
		out := mustRun(t, "resolve", "--date", "2021-03-22", seedFile)
		if !strings.HasPrefix(out, "== "+a.ID+": "+a.Title) || !strings.Contains(out, "published 2021-03-22 (given)") {
			t.Errorf("table lacks the article heading:\n%s", out)
		}
		for _, m := range want.GetMentions() {
			if !strings.Contains(out, m.GetValue()) {
				t.Errorf("table lacks mention %q = %s", m.GetText(), m.GetValue())
			}
		}
	})
	t.Run("timeml", func(t *testing.T) {
		out := mustRun(t, "resolve", "--format", "timeml", "--date", "2021-03-22", seedFile)
		doc, err := evaluate.ReadTimeML(strings.NewReader(out), "stdout")
		if err != nil {
			t.Fatalf("output is not TimeML: %v\n%s", err, out)
		}
		if doc.ID != a.ID || doc.Text != a.Text || doc.DCT.String() != "2021-03-22" {
			t.Errorf("read back id %q, DCT %s, text of %d bytes; want %q, 2021-03-22, %d bytes",
				doc.ID, doc.DCT, len(doc.Text), a.ID, len(a.Text))
		}
		if len(doc.Timexes) != len(want.GetMentions()) {
			t.Fatalf("read back %d TIMEX3, want %d", len(doc.Timexes), len(want.GetMentions()))
		}
		for i, tx := range doc.Timexes {
			if m := want.GetMentions()[i]; tx.Text != m.GetText() || tx.Value != m.GetValue() {
				t.Errorf("TIMEX3 %d: %q=%s, want %q=%s", i, tx.Text, tx.Value, m.GetText(), m.GetValue())
			}
		}
	})
}

// TestTimeMLOffsets checks the code point -> byte conversion on text that
// is not ASCII.
func TestTimeMLOffsets(t *testing.T) {
	text := "Über Straße — on 2021-03-17 “quoted” Friday"
	in := input{article: &timelinev1.Article{Id: "x", Text: text}}
	start := strings.Index(text, "2021-03-17")
	cp := func(b int) int32 { return int32(utf8.RuneCountInString(text[:b])) }
	resp := &timelinev1.ResolveDatesResponse{
		Publication: &timelinev1.PublicationDate{Date: "2021-03-22"},
		Mentions: []*timelinev1.TemporalMention{{
			Text: "2021-03-17", Start: cp(start), End: cp(start + 10),
			Type: timelinev1.TimexType_TIMEX_TYPE_DATE, Value: "2021-03-17",
		}, {
			Text: "Friday", Start: cp(len(text) - 6), End: cp(len(text)),
			Type: timelinev1.TimexType_TIMEX_TYPE_DATE, Value: "2021-03-19",
		}},
	}
	doc, err := timeMLDocument(in, resp)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tx := range doc.Timexes {
		got = append(got, text[tx.Start:tx.End])
	}
	if want := []string{"2021-03-17", "Friday"}; !slices.Equal(got, want) {
		t.Errorf("spans %q, want %q", got, want)
	}
	resp.Mentions[1].End = cp(len(text)) + 1
	if _, err := timeMLDocument(in, resp); err == nil {
		t.Error("a span past the end of the text was accepted")
	}
}

func TestResolveTimeMLFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	mustRun(t, "resolve", "--format", "timeml", "--out", out, "--date", "2021-03-22", seeds)
	files, _ := filepath.Glob(filepath.Join(out, "*.tml"))
	if len(files) != 5 {
		t.Fatalf("wrote %d .tml files, want 5", len(files))
	}
	// What resolve writes, resolve (and eval) read: TimeML folders are inputs
	// too, even with a README.txt beside the .tml files, as corpora have.
	if err := os.WriteFile(filepath.Join(out, "README.txt"), []byte("About this corpus.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustRun(t, "resolve", "--format", "json", out)
	var resps []json.RawMessage
	if err := json.Unmarshal([]byte(got), &resps); err != nil || len(resps) != 5 {
		t.Fatalf("resolve on the written TimeML: %v, %d responses", err, len(resps))
	}
	mustRun(t, "eval", out)
}

// tinyCorpus writes a one-document TimeML corpus and returns its folder.
func tinyCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	doc := `<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">2021-03-22</TIMEX3></DCT>
<TEXT>
The talks happened <TIMEX3 tid="t1" type="DATE" value="2021-03-17">last Wednesday</TIMEX3> in Geneva.
</TEXT>
</TimeML>
`
	if err := os.WriteFile(filepath.Join(dir, "tiny1.tml"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEval(t *testing.T) {
	corpus := tinyCorpus(t)
	out := mustRun(t, "eval", corpus)
	for _, want := range []string{"TempEval-3", "strict", "relaxed", "value", "type"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}

	// An external system that gets the one TIMEX3 exactly right scores 100.
	start := strings.Index("\nThe talks happened last Wednesday", "last")
	sys := filepath.Join(t.TempDir(), "sys.json")
	body := `{"system":"perfect","docs":{"tiny1":[{"start":` + itoa(start) + `,"end":` + itoa(start+len("last Wednesday")) +
		`,"type":"DATE","value":"2021-03-17"}]}}`
	if err := os.WriteFile(sys, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, "eval", "--json", "--verbose", "--system", sys, corpus)
	var got evalJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	if got.Documents != 1 || got.Counts.Gold != 1 || got.Figures.StrictF1 != 100 || got.Figures.ValueF1 != 100 ||
		len(got.Errors) != 0 || !strings.HasPrefix(got.System, "perfect") {
		t.Errorf("perfect system scored %+v", got)
	}
}

// TestEvalCanonical checks --canonical: a system that writes TimeML's
// "2021-03-17" scores right against gold written the SynTime way
// ("2021-03-17-WXX-3"), and wrong without the flag.
func TestEvalCanonical(t *testing.T) {
	corpus := tinyCorpus(t)
	path := filepath.Join(corpus, "tiny1.tml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), `value="2021-03-17"`, `value="2021-03-17-WXX-3"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var plain, canon evalJSON
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "--json", corpus)), &plain); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "--json", "--canonical", corpus)), &canon); err != nil {
		t.Fatal(err)
	}
	if plain.Counts.ValueCorrect != 0 || canon.Counts.ValueCorrect != 1 {
		t.Errorf("value-correct without --canonical %d, with %d; want 0 and 1", plain.Counts.ValueCorrect, canon.Counts.ValueCorrect)
	}
}

// TestEvalDevUsage checks that eval-dev on a missing shared folder is a
// usage error (the figures themselves are TestDevFloors' in
// internal/evaluate).
func TestEvalDevUsage(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"eval-dev", "--shared", filepath.Join(t.TempDir(), "none")}, &stdout, &stderr); code != exitUsage {
		t.Errorf("eval-dev on a missing folder: exit %d, want %d (%s)", code, exitUsage, stderr.String())
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestUsageErrors(t *testing.T) {
	empty := t.TempDir()
	badSystem := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(badSystem, []byte(`{"docs":{"nope":[]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus := tinyCorpus(t)
	tests := []struct {
		name   string
		args   []string
		stderr string // a part of the message
	}{
		{"no command", nil, "Usage:"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"build", "--bogus", seeds}, "flag provided but not defined: -bogus"},
		{"flag without value", []string{"build", seeds, "--format"}, "flag needs an argument"},
		{"bad format", []string{"build", "--format", "xml", seeds}, `unknown --format "xml"`},
		{"no path", []string{"build"}, "no PATH given"},
		{"missing path", []string{"build", "no/such/dir"}, "no/such/dir: no such file or folder"},
		{"empty folder", []string{"build", empty}, "no articles"},
		{"duplicate articles", []string{"build", seeds, seedFile}, "comes from both"},
		{"bad window", []string{"build", "--window-start", "2021-02-30", seeds}, "window_start"},
		{"window backwards", []string{"build", "--window-start", "2021-03-22", "--window-end", "2021-01-01", seeds}, "window"},
		{"tls without addr", []string{"build", "--tls", seeds}, "--tls needs --addr"},
		{"resolve bad date", []string{"resolve", "--date", "22/03/2021", seedFile}, "--date"},
		{"resolve bad format", []string{"resolve", "--format", "yaml", seedFile}, `unknown --format "yaml"`},
		{"resolve timeml needs out", []string{"resolve", "--format", "timeml", seeds}, "needs --out DIR"},
		{"resolve out without timeml", []string{"resolve", "--out", empty, seedFile}, "--out is for --format timeml"},
		{"eval no dir", []string{"eval"}, "exactly one DIR"},
		{"eval two dirs", []string{"eval", corpus, corpus}, "exactly one DIR"},
		{"eval not timeml", []string{"eval", empty}, "no .tml files"},
		{"eval bad system", []string{"eval", "--system", badSystem, corpus}, "not in the corpus"},
		{"eval missing system", []string{"eval", "--system", "no-such.json", corpus}, "no-such.json"},
		{"help unknown", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, exitUsage, out, errOut)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	out := mustRun(t, "help")
	for _, c := range commands() {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("help does not list %s:\n%s", c.name, out)
		}
		sub := mustRun(t, "help", c.name)
		if !strings.HasPrefix(sub, "usage: timelinectl "+c.name) {
			t.Errorf("help %s:\n%s", c.name, sub)
		}
		if _, errOut, code := runCLI(t, c.name, "-h"); code != exitOK || !strings.Contains(errOut, "usage:") {
			t.Errorf("%s -h: exit %d, stderr:\n%s", c.name, code, errOut)
		}
	}
}

// TestFailureExit checks that a service that cannot be reached fails the
// command with exit 1, not a usage error.
func TestFailureExit(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close() // nothing listens there now
	_, errOut, code := runCLI(t, "build", "--addr", addr, "--timeout", "2s", seeds)
	if code != exitFail || !strings.Contains(errOut, "UNAVAILABLE") && !strings.Contains(errOut, "DEADLINE_EXCEEDED") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestRemoteMatchesInProcess runs build and resolve against a real server
// on a loopback port and checks the output is what the in-process service
// prints.
func TestRemoteMatchesInProcess(t *testing.T) {
	_, addr := servertest.Start(t, server.Config{})

	for _, args := range [][]string{
		{"build", seeds},
		{"build", "--format", "json", seeds},
		{"build", "--format", "markdown", "--no-dates", seeds},
		{"resolve", "--format", "json", seeds},
		{"resolve", "--format", "timeml", seedFile},
	} {
		want := mustRun(t, args...)
		got := mustRun(t, append([]string{args[0], "--addr", addr}, args[1:]...)...)
		if got != want {
			t.Errorf("%s: output over --addr differs from in-process:\n--- remote\n%s\n--- in-process\n%s",
				strings.Join(args, " "), got, want)
		}
	}
	// Rejected input over the wire is a usage error too, field by field.
	_, errOut, code := runCLI(t, "build", "--addr", addr, "--window-end", "soon", seeds)
	if code != exitUsage || !strings.Contains(errOut, "window_end") {
		t.Errorf("bad window over --addr: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args       []string
		pos        []string
		format     string
		wantErrors bool
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, "table", false},
		{[]string{"--format", "json", "a"}, []string{"a"}, "json", false},
		{[]string{"a", "--format=json", "b"}, []string{"a", "b"}, "json", false},
		{[]string{"a", "--", "--format", "b"}, []string{"a", "--format", "b"}, "table", false},
		{[]string{"a", "--nope"}, nil, "", true},
	}
	for _, tt := range tests {
		fs, _ := buildFlags(&bytes.Buffer{})
		fs.SetOutput(&bytes.Buffer{})
		pos, err := parseInterspersed(fs, tt.args)
		if (err != nil) != tt.wantErrors {
			t.Errorf("%q: error %v", tt.args, err)
			continue
		}
		if err != nil {
			continue
		}
		if !slices.Equal(pos, tt.pos) || fs.Lookup("format").Value.String() != tt.format {
			t.Errorf("%q: positional %q, format %s; want %q, %s", tt.args, pos, fs.Lookup("format").Value, tt.pos, tt.format)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer summary here", 10, "a longer…"},
		{"Straße über alles", 8, "Straße…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// sampleTimeline is a hand-made response with every feature the renderings
// show: background, a planned entry, a conflict, an inferred date, long text.
func sampleTimeline() (*timelinev1.BuildTimelineRequest, *timelinev1.BuildTimelineResponse) {
	req := &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
		{Id: "ap-1", Title: "Talks | collapse after a very long week of negotiations in Geneva and Vienna"},
		{Id: "reuters-2", Title: "Envoy recalled"},
	}}
	cite := func(id, expr string) *timelinev1.Citation {
		return &timelinev1.Citation{ArticleId: id, Quote: "...", Expression: expr}
	}
	resp := &timelinev1.BuildTimelineResponse{
		WindowStart: "2021-03-01", WindowEnd: "2021-03-22",
		Entries: []*timelinev1.TimelineEntry{{
			Date: "2021-W11", StartDate: "2021-03-15", EndDate: "2021-03-21",
			Summary:   "The ministers met last week",
			Kind:      timelinev1.EntryKind_ENTRY_KIND_OCCURRENCE,
			Citations: []*timelinev1.Citation{cite("ap-1", "last week")},
		}, {
			Date: "2021-03-17", StartDate: "2021-03-17", EndDate: "2021-03-17",
			Summary: "The ambassador was recalled to Moscow for consultations after the president's remarks " +
				"in an interview broadcast on national television that evening",
			Kind:      timelinev1.EntryKind_ENTRY_KIND_OCCURRENCE,
			Citations: []*timelinev1.Citation{cite("ap-1", "Wednesday"), cite("reuters-2", "March 17"), cite("ap-1", "that day")},
			Conflicts: []*timelinev1.Conflict{{
				Date: "2021-03-18", ArticleIds: []string{"reuters-2"}, Expressions: []string{"Thursday"},
				Note: "reuters-2 dates it 2021-03-18 (Thursday); ap-1 2021-03-17",
			}},
		}, {
			Date: "2021-03-26", StartDate: "2021-03-26", EndDate: "2021-03-26",
			Summary:   "Talks proposed for Friday",
			Kind:      timelinev1.EntryKind_ENTRY_KIND_PLANNED,
			Citations: []*timelinev1.Citation{cite("reuters-2", "Friday")},
		}},
		Background: []*timelinev1.TimelineEntry{{
			Date: "2014", StartDate: "2014-01-01", EndDate: "2014-12-31",
			Summary:   "Crimea was annexed",
			Kind:      timelinev1.EntryKind_ENTRY_KIND_OCCURRENCE,
			Citations: []*timelinev1.Citation{cite("ap-1", "2014")},
		}},
		Articles: []*timelinev1.PublicationDate{
			{ArticleId: "ap-1", Date: "2021-03-22", Basis: "given"},
			{ArticleId: "reuters-2", Date: "2021-03-22", Inferred: true, Basis: "'said Monday' after 'March 19' -> Monday 2021-03-22"},
		},
	}
	return req, resp
}

func TestBuildRenderings(t *testing.T) {
	req, resp := sampleTimeline()
	o := newBuildOutput(req, resp)

	var tb bytes.Buffer
	if err := writeBuildTable(&tb, o); err != nil {
		t.Fatal(err)
	}
	table := tb.String()
	for _, want := range []string{
		"Timeline 2021-03-01 to 2021-03-22: 3 entries from 2 articles",
		"2021-W11     The ministers met last week  ",
		"2021-03-17*  The ambassador was recalled",
		"…  2  1,2\n", // three citations from two articles, cut summary
		"(planned) Talks proposed for Friday",
		"Background, outside the window: 1 entry",
		"Sources disagree on the date",
		`2021-03-18 per source 2 ("Thursday"); 2021-03-17 per source 1`,
		"2  reuters-2  2021-03-22 (inferred)  Envoy recalled",
		"Talks | collapse after a very long week of negotiations in Gen…\n",
		"basis: 'said Monday' after 'March 19' -> Monday 2021-03-22",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	for _, line := range strings.Split(table, "\n") {
		if n := utf8.RuneCountInString(line); n > lineWidth {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}

	var md bytes.Buffer
	if err := writeBuildMarkdown(&md, o); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Timeline 2021-03-01 to 2021-03-22\n",
		"| 2021-03-17\\* | The ambassador was recalled to Moscow for consultations after the president's remarks in an interview broadcast on national television that evening | 2 | ap-1, reuters-2 |",
		"| 2021-03-26 | (planned) Talks proposed for Friday | 1 | reuters-2 |",
		"## Background",
		"| 2014 | Crimea was annexed | 1 | ap-1 |",
		"## Conflicting dates\n\n- **2021-03-17** The ambassador",
		"| 1 | ap-1 | Talks \\| collapse",
		"| 2 | reuters-2 | Envoy recalled | 2021-03-22 (inferred) | 'said Monday' after 'March 19' -> Monday 2021-03-22 |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	if testing.Verbose() {
		t.Logf("table:\n%s\nmarkdown:\n%s", table, md.String())
	}
}

func TestLabels(t *testing.T) {
	req := &timelinev1.BuildTimelineRequest{}
	var ids []string
	for i := range 18 {
		id := string(rune('a'+i)) + "-id"
		ids = append(ids, id)
		req.Articles = append(req.Articles, &timelinev1.Article{Id: id})
	}
	o := newBuildOutput(req, &timelinev1.BuildTimelineResponse{})
	tests := []struct {
		ids   []string
		width int
		want  string
	}{
		{ids[:3], 0, "1,2,3"},
		{ids[:3], 5, "1,2,3"},
		{ids[:4], 6, "1,2,…"},
		{ids, 0, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18"},
		{ids, maxSourcesWidth, "1,2,3,4,5,6,7,8,9,…"},
		{[]string{"unknown-id"}, 0, "unknown-id"},
		{[]string{"unknown-id", "a-id"}, 5, "…"},
	}
	for _, tt := range tests {
		got := o.labels(tt.ids, tt.width)
		if got != tt.want {
			t.Errorf("labels(%d ids, %d) = %q, want %q", len(tt.ids), tt.width, got, tt.want)
		}
		if tt.width > 0 && utf8.RuneCountInString(got) > tt.width {
			t.Errorf("labels(%d ids, %d) = %q is wider than %d", len(tt.ids), tt.width, got, tt.width)
		}
	}
}

// TestRemoteOverMutualTLS: --addr with the TLS flags reaches a server that
// requires client certificates, with the output of the in-process run;
// without a client certificate it fails, and a missing file is a usage
// error.
func TestRemoteOverMutualTLS(t *testing.T) {
	dir := t.TempDir()
	ca := servertest.NewAuthority(t, "test CA")
	sc, sk := ca.Issue(t, "timelined", x509.ExtKeyUsageServerAuth)
	cc, ck := ca.Issue(t, "timelinectl", x509.ExtKeyUsageClientAuth)
	caFile := servertest.WriteFile(t, dir, "ca.pem", ca.PEM)
	r, err := tlsfiles.New(tlsfiles.Files{
		CertFile:     servertest.WriteFile(t, dir, "tls.crt", sc),
		KeyFile:      servertest.WriteFile(t, dir, "tls.key", sk),
		ClientCAFile: caFile,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, addr := servertest.Start(t, server.Config{Production: server.Production{TLS: r.Config()}})
	certFile, keyFile := servertest.WriteFile(t, dir, "client.crt", cc), servertest.WriteFile(t, dir, "client.key", ck)

	want := mustRun(t, "build", seeds)
	got := mustRun(t, "build", "--addr", addr, "--tls-ca-file", caFile, "--tls-cert-file", certFile, "--tls-key-file", keyFile, seeds)
	if got != want {
		t.Errorf("output over mutual TLS differs from in-process:\n%s", got)
	}
	if _, errOut, code := runCLI(t, "build", "--addr", addr, "--tls-ca-file", caFile, "--timeout", "5s", seeds); code != exitFail {
		t.Errorf("without a client certificate: exit %d, stderr:\n%s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "build", "--addr", addr, "--tls-ca-file", filepath.Join(dir, "none.pem"), seeds); code != exitUsage {
		t.Errorf("missing CA file: exit %d, stderr:\n%s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "build", "--addr", addr, seeds); code != exitFail {
		t.Errorf("plaintext to a TLS server: exit %d, stderr:\n%s", code, errOut)
	}
}
