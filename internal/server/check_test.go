package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

// violatedFields returns the fields named by err's BadRequest, failing the
// test when err is not INVALID_ARGUMENT with one.
func violatedFields(t testing.TB, err error) []string {
	t.Helper()
	st, ok := status.FromError(err)
	if !ok || st.Code() != codes.InvalidArgument {
		t.Fatalf("error %v: want INVALID_ARGUMENT", err)
	}
	var fields []string
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				if v.GetDescription() == "" {
					t.Errorf("violation of %s has no description", v.GetField())
				}
				fields = append(fields, v.GetField())
			}
		}
	}
	if len(fields) == 0 {
		t.Fatalf("error %v carries no field violations", err)
	}
	return fields
}

func TestCheckArticleInProcess(t *testing.T) {
	// Cases only an in-process caller (the CLI) can produce: proto3 refuses
	// invalid UTF-8 and nil elements on the wire.
	l := DefaultLimits()
	tests := []struct {
		name string
		req  *timelinev1.BuildTimelineRequest
		want []string
	}{
		{"nil request", nil, []string{"articles"}},
		{"nil article", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{nil}}, []string{"articles[0]"}},
		{"invalid UTF-8", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{
			{Id: "a\xff", Text: "ok \xc3", Title: "\xfe", Url: "u", Source: "s\x80"},
		}}, []string{"articles[0].id", "articles[0].title", "articles[0].text", "articles[0].source"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := checkBuildTimelineRequest(tt.req, l, false)
			if got := violatedFields(t, err); !slices.Equal(got, tt.want) {
				t.Errorf("fields = %q, want %q", got, tt.want)
			}
		})
	}
	_, _, err := checkResolveDatesRequest(nil, l, false)
	if got := violatedFields(t, err); !slices.Equal(got, []string{"article"}) {
		t.Errorf("nil ResolveDatesRequest: fields = %q, want [article]", got)
	}
}

func TestViolationsAreBounded(t *testing.T) {
	req := &timelinev1.BuildTimelineRequest{}
	for range 500 {
		req.Articles = append(req.Articles, &timelinev1.Article{})
	}
	_, _, err := checkBuildTimelineRequest(req, DefaultLimits(), false)
	if n := len(violatedFields(t, err)); n != maxViolations {
		t.Errorf("%d violations, want %d", n, maxViolations)
	}
	if msg := status.Convert(err).Message(); !strings.Contains(msg, "(and 997 more)") {
		t.Errorf("message %q does not count the rest", msg)
	}
}

func TestRuneIndex(t *testing.T) {
	texts := []string{
		"",
		"plain ASCII text",
		"Путин и Байден говорили в среду.",
		strings.Repeat("a€𝄞b", 100), // 1-, 3-, 4- and 1-byte runes across many strides
		"😀" + strings.Repeat("x", 200) + "é",
	}
	for _, text := range texts {
		x := newRuneIndex(text)
		want := int32(0)
		for b := 0; b <= len(text); b++ {
			if b == len(text) || utf8.RuneStart(text[b]) {
				if got := x.offset(b); got != want {
					t.Fatalf("%q: offset(%d) = %d, want %d", text, b, got, want)
				}
				want++
			}
		}
		if got := x.offset(len(text) + 10); got != int32(utf8.RuneCountInString(text)) {
			t.Errorf("%q: offset past the end = %d, want clamped to %d", text, got, utf8.RuneCountInString(text))
		}
		if got := x.offset(-3); got != 0 {
			t.Errorf("%q: offset(-3) = %d, want 0", text, got)
		}
	}
}

// TestValidSlice cuts a text at every pair of offsets: a quote cut at
// code points comes back as it is, one cut inside a character repaired.
func TestValidSlice(t *testing.T) {
	text := "a€𝄞 é"
	for s := 0; s <= len(text); s++ {
		for e := s; e <= len(text); e++ {
			q := text[s:e]
			got := validSlice(text, q, s, e)
			if !utf8.ValidString(got) {
				t.Fatalf("validSlice(%q, %d, %d) = %q: invalid UTF-8", q, s, e, got)
			}
			if utf8.ValidString(q) && got != q {
				t.Errorf("validSlice(%q, %d, %d) = %q, want it unchanged", q, s, e, got)
			}
		}
	}
}

func TestToStatus(t *testing.T) {
	tests := []struct {
		err  error
		want codes.Code
	}{
		{fmt.Errorf("build timeline: %w", context.Canceled), codes.Canceled},
		{context.DeadlineExceeded, codes.DeadlineExceeded},
		{status.Error(codes.InvalidArgument, "bad"), codes.InvalidArgument},
		{errors.New("engine broke"), codes.Internal},
	}
	for _, tt := range tests {
		if got := status.Code(toStatus(tt.err)); got != tt.want {
			t.Errorf("toStatus(%v) code = %v, want %v", tt.err, got, tt.want)
		}
	}
	if toStatus(nil) != nil {
		t.Error("toStatus(nil) != nil")
	}
}

// FuzzCheckRequests feeds random field values to both checkers: they must
// never panic, and must either accept or answer INVALID_ARGUMENT with field
// violations.
func FuzzCheckRequests(f *testing.F) {
	f.Add("a1", "Talks took place last Wednesday.", "2021-03-22", "Europe/Moscow", "2021-01-01", "2021-12-31", int32(1), "a2")
	f.Add("", "", "2021-02-30", "Mars/Olympus", "x", "2020-01-01", int32(9), "")
	f.Add("a\xff", "\xc3", "0000-01-01", "Local", "9999-12-31", "0001-01-01", int32(-1), "a\xff")
	f.Add("id", strings.Repeat("x", 300), "2021-3-5", "../../etc/passwd", "", "", int32(2), "id")
	l := Limits{MaxMessageBytes: 1 << 20, MaxArticles: 3, MaxArticleBytes: 256}
	f.Fuzz(func(t *testing.T, id, text, published, tz, winStart, winEnd string, doc int32, id2 string) {
		a := &timelinev1.Article{Id: id, Text: text, PublishedDate: published, TimeZone: tz, Title: text, Url: id2}
		_, _, err := checkResolveDatesRequest(&timelinev1.ResolveDatesRequest{Article: a, DocumentType: timelinev1.DocumentType(doc)}, l, false)
		checkOutcome(t, err)
		b := &timelinev1.Article{Id: id2, Text: text, PublishedDate: winStart, TimeZone: tz}
		_, _, err = checkBuildTimelineRequest(&timelinev1.BuildTimelineRequest{
			Articles: []*timelinev1.Article{a, b}, WindowStart: winStart, WindowEnd: winEnd,
		}, l, false)
		checkOutcome(t, err)
	})
}

func checkOutcome(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	violatedFields(t, err)
	if msg := status.Convert(err).Message(); !utf8.ValidString(msg) {
		t.Errorf("status message is not valid UTF-8: %q", msg)
	}
}

func TestRuneStarts(t *testing.T) {
	runes := []string{"a", "é", "€", "𝄞", "ÿ", "\u07ff", "\uffff", "\U0010ffff"}
	for n := 0; n < 40; n++ {
		var b strings.Builder
		for i := range n {
			b.WriteString(runes[(i*7+n)%len(runes)])
		}
		s := b.String()
		if got, want := runeStarts(s), int32(utf8.RuneCountInString(s)); got != want {
			t.Errorf("runeStarts(%q) = %d, want %d", s, got, want)
		}
	}
}
