package server

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"buf.build/go/protovalidate"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/timeline"
)

// TestRulesInTheContract: the rules written in timeline.proto compile, and
// protovalidate itself (not the checks of check.go) finds what they say,
// so that a client validating with protovalidate before sending sees the
// same fields the server names.
func TestRulesInTheContract(t *testing.T) {
	v, err := protovalidate.New(protovalidate.WithMessages(&timelinev1.ResolveDatesRequest{}, &timelinev1.BuildTimelineRequest{}))
	if err != nil {
		t.Fatalf("the contract's rules do not compile: %v", err)
	}
	ok := func() *timelinev1.Article {
		return &timelinev1.Article{Id: "a", Text: "Biden spoke on Friday.", PublishedDate: "2021-03-22"}
	}
	tests := []struct {
		name string
		req  proto.Message
		want []string // field: rule
	}{
		{"valid", &timelinev1.ResolveDatesRequest{Article: ok()}, nil},
		{"valid without dates", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{{Id: "a", Text: "x"}}}, nil},
		{"no article", &timelinev1.ResolveDatesRequest{}, []string{"article: required"}},
		{"everything", &timelinev1.ResolveDatesRequest{Article: &timelinev1.Article{Id: strings.Repeat("x", 257), PublishedDate: "22/3/2021"}, DocumentType: 9},
			[]string{"article.id: string.max_bytes", "article.text: required", "article.published_date: string.pattern", "document_type: enum.defined_only"}},
		{"no articles", &timelinev1.BuildTimelineRequest{}, []string{"articles: repeated.min_items"}},
		{"windows", &timelinev1.BuildTimelineRequest{Articles: []*timelinev1.Article{ok()}, WindowStart: "2021-1-1", WindowEnd: "tomorrow"},
			[]string{"window_start: string.pattern", "window_end: string.pattern"}},
	}
	for _, tt := range tests {
		var got []string
		var ve *protovalidate.ValidationError
		if err := v.Validate(tt.req); errors.As(err, &ve) {
			for _, rv := range ve.Violations {
				got = append(got, protovalidate.FieldPathString(rv.Proto.GetField())+": "+rv.Proto.GetRuleId())
			}
		} else if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: protovalidate finds %q, want %q", tt.name, got, tt.want)
		}
	}
}

// BenchmarkValidate is what validation costs per BuildTimeline call on the
// five seed articles: the contract's rules alone (protovalidate), and the
// whole check (rules and the checks of check.go).
func BenchmarkValidate(b *testing.B) {
	as, err := timeline.LoadArticles("../../testdata/articles")
	if err != nil {
		b.Fatal(err)
	}
	req := &timelinev1.BuildTimelineRequest{}
	for _, a := range as {
		req.Articles = append(req.Articles, ArticleToProto(a))
	}
	b.Run("rules", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := protovalidate.GlobalValidator.Validate(req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := checkBuildTimelineRequest(req, DefaultLimits(), true); err != nil {
				b.Fatal(err)
			}
		}
	})
}
