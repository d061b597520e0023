// Package server is the gRPC face of timelined: Service validates requests,
// maps them to the engines (internal/dates, internal/timeline) and maps the
// results back to the contract (timeline.v1); Server serves Service with
// health, reflection, logging, panic recovery and metrics.
//
// Offsets cross the boundary here: the engines count bytes, the contract
// counts Unicode code points.
package server

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/timeline"
)

// Service implements timelinev1.TimelineServiceServer. Its methods can be
// called in-process (the CLI does) with the same validation and mapping as
// over the network. It is safe for concurrent use.
type Service struct {
	timelinev1.UnimplementedTimelineServiceServer

	limits Limits
	cache  *timeline.Cache
	// decoded says every request comes from the gRPC server, decoded by
	// protobuf, which refuses invalid UTF-8 (see violations).
	decoded bool
	// tracer, when set, opens a trace span for each stage of the work
	// (see tracing.go).
	tracer func(ctx context.Context, name string) (context.Context, func())
}

// NewService returns a Service enforcing l; zero fields of l take their
// defaults. BuildTimeline keeps each article's analysis in cache, when not
// nil, and reuses it when the same article comes again.
func NewService(l Limits, cache *timeline.Cache) *Service {
	return &Service{limits: l.withDefaults(), cache: cache}
}

// Limits returns the limits the service enforces.
func (s *Service) Limits() Limits { return s.limits }

// ResolveDates finds and resolves the temporal expressions of one article.
// When the article has no published_date it is inferred from the text.
func (s *Service) ResolveDates(ctx context.Context, req *timelinev1.ResolveDatesRequest) (*timelinev1.ResolveDatesResponse, error) {
	a, doc, err := checkResolveDatesRequest(req, s.limits, s.decoded)
	if err != nil {
		return nil, err
	}
	if err := checkRequestText(articleTextBytes(req.GetArticle()), s.limits); err != nil {
		return nil, err
	}
	ctx, cancel := boundCall(ctx, s.limits)
	defer cancel()
	if err := ctx.Err(); err != nil {
		return nil, s.ended(ctx, err)
	}
	pub := timeline.InferPublication(a) // a given date is kept, with Basis "given"
	sctx, end := s.stage(ctx, "resolve dates")
	ms, err := dates.ResolveContext(sctx, a.Text, dates.Options{Reference: pub.Date, DocType: doc})
	end()
	if err != nil {
		return nil, s.ended(ctx, fmt.Errorf("resolve dates: %w", err))
	}
	if err := checkMentions(len(ms), "mentions", s.limits); err != nil {
		return nil, err
	}
	resp := &timelinev1.ResolveDatesResponse{
		Mentions:    mentionsToProto(ms, a.Text),
		Publication: publicationToProto(pub),
	}
	if err := checkResponseSize(proto.Size(resp), s.limits); err != nil {
		return nil, err
	}
	return resp, nil
}

// BuildTimeline merges the dated events of many articles into one
// chronology. Cancellation and deadlines stop the work.
func (s *Service) BuildTimeline(ctx context.Context, req *timelinev1.BuildTimelineRequest) (*timelinev1.BuildTimelineResponse, error) {
	articles, opts, err := checkBuildTimelineRequest(req, s.limits, s.decoded)
	if err != nil {
		return nil, err
	}
	text, _ := requestTextBytes(req)
	if err := checkRequestText(text, s.limits); err != nil {
		return nil, err
	}
	ctx, cancel := boundCall(ctx, s.limits)
	defer cancel()
	opts.Cache = s.cache
	if s.tracer != nil {
		opts.Stage = s.tracer
	}
	r, err := timeline.Build(ctx, articles, opts)
	if err != nil {
		return nil, s.ended(ctx, fmt.Errorf("build timeline: %w", err))
	}
	if err := ctx.Err(); err != nil {
		return nil, s.ended(ctx, err)
	}
	if err := checkMentions(citations(r), "citations", s.limits); err != nil {
		return nil, err
	}
	resp := resultToProto(r, articles)
	if err := checkResponseSize(proto.Size(resp), s.limits); err != nil {
		return nil, err
	}
	return resp, nil
}

// citations counts the citations of a chronology.
func citations(r *timeline.Result) int {
	n := 0
	for _, es := range [][]timeline.Entry{r.Entries, r.Background} {
		for i := range es {
			n += len(es[i].Citations)
		}
	}
	return n
}

// ended maps the error of a call whose work stopped: the call's own
// maximum duration is a limit (RESOURCE_EXHAUSTED), anything else goes
// through toStatus.
func (s *Service) ended(ctx context.Context, err error) error {
	if lerr := callTooLong(ctx, s.limits); lerr != nil {
		return lerr
	}
	return toStatus(err)
}

// stage opens a trace span for a stage of a call's work when tracing is on:
// it returns the context for the stage and the function that ends it.
func (s *Service) stage(ctx context.Context, name string) (context.Context, func()) {
	if s.tracer == nil {
		return ctx, func() {}
	}
	return s.tracer(ctx, name)
}

// toStatus is the one place domain errors become status codes: errors that
// already carry a status keep it, an ended context gives CANCELED or
// DEADLINE_EXCEEDED, anything else is INTERNAL.
func toStatus(err error) error {
	if err == nil {
		return nil
	}
	if st, ok := status.FromError(err); ok {
		return st.Err()
	}
	switch {
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, err.Error())
	}
	return status.Error(codes.Internal, err.Error())
}
