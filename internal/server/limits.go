package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

// Limits bound what one request may ask of the server. Requests over a limit
// are refused as soon as the limit can be known, and always before the work
// it bounds: the sizes of a request before any work; the mentions of an
// answer after the dates are found and before the answer is built; the
// size of an answer before it is sent. A request over a per-field limit gets
// INVALID_ARGUMENT naming the field; over a limit of the whole call,
// RESOURCE_EXHAUSTED with a google.rpc.ErrorInfo (reason, and the limit's
// flag, value and what the call asked in its metadata) and a
// google.rpc.QuotaFailure naming the limit.
type Limits struct {
	// MaxMessageBytes is the largest request message the server receives
	// (gRPC MaxRecvMsgSize). Larger messages get RESOURCE_EXHAUSTED from
	// gRPC before they reach a handler. Default 8 MiB.
	MaxMessageBytes int
	// MaxArticles is the most articles one BuildTimeline request may carry.
	// Default 1,000.
	MaxArticles int
	// MaxArticleBytes is the largest article text, in bytes. Default 1 MiB.
	MaxArticleBytes int
	// MaxRequestTextBytes bounds the text of one request: the bytes of its
	// articles' texts and titles together. The work of a call, its memory
	// and the size of its answer grow with it. Default 1 MiB.
	MaxRequestTextBytes int
	// MaxMentions bounds the dated mentions one answer carries: the
	// mentions of a ResolveDates, the citations of a BuildTimeline.
	// Default 20,000.
	MaxMentions int
	// MaxResponseBytes bounds the size of one response message. The
	// default, 4 MiB, is what gRPC clients accept unless told otherwise
	// (grpc-go, grpc-js, grpcurl), so that every answer can be read.
	MaxResponseBytes int
	// MaxCallDuration bounds how long one call may run, waiting for memory
	// included; a call stopped by it gets RESOURCE_EXHAUSTED. It must be
	// shorter than the shutdown drain, so that a call in flight at
	// shutdown always ends before the drain does. Default 20 s.
	MaxCallDuration time.Duration
}

// The defaults of Limits. A news article is rarely over 50 KB, so 1 MiB per
// text admits anything real. A chronology quotes its sources, more than
// once when an event is told by many articles or a sentence dates several:
// its answer is 2.1 to 2.4 bytes per byte of request text on news and on
// stories retold by many articles. 1 MiB of text per request (some 250
// articles of typical length) keeps the answer near 2.5 MB, under the 4 MiB that
// clients accept by default with room to spare, and the work to a second
// or two: docs/PERFORMANCE.md, "Bounded calls and memory".
const (
	DefaultMaxMessageBytes     = 8 << 20
	DefaultMaxArticles         = 1000
	DefaultMaxArticleBytes     = 1 << 20
	DefaultMaxRequestTextBytes = 1 << 20
	DefaultMaxMentions         = 20000
	DefaultMaxResponseBytes    = 4 << 20
	DefaultMaxCallDuration     = 20 * time.Second
)

// maxIDBytes bounds Article.id: ids are echoed in every citation, so a huge
// id would multiply the size of a response.
const maxIDBytes = 256

// DefaultLimits returns the default limits (see the constants).
func DefaultLimits() Limits {
	return Limits{
		MaxMessageBytes:     DefaultMaxMessageBytes,
		MaxArticles:         DefaultMaxArticles,
		MaxArticleBytes:     DefaultMaxArticleBytes,
		MaxRequestTextBytes: DefaultMaxRequestTextBytes,
		MaxMentions:         DefaultMaxMentions,
		MaxResponseBytes:    DefaultMaxResponseBytes,
		MaxCallDuration:     DefaultMaxCallDuration,
	}
}

// withDefaults returns l with each zero or negative field set to its default.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxMessageBytes <= 0 {
		l.MaxMessageBytes = d.MaxMessageBytes
	}
	if l.MaxArticles <= 0 {
		l.MaxArticles = d.MaxArticles
	}
	if l.MaxArticleBytes <= 0 {
		l.MaxArticleBytes = d.MaxArticleBytes
	}
	if l.MaxRequestTextBytes <= 0 {
		l.MaxRequestTextBytes = d.MaxRequestTextBytes
	}
	if l.MaxMentions <= 0 {
		l.MaxMentions = d.MaxMentions
	}
	if l.MaxResponseBytes <= 0 {
		l.MaxResponseBytes = d.MaxResponseBytes
	}
	if l.MaxCallDuration <= 0 {
		l.MaxCallDuration = d.MaxCallDuration
	}
	return l
}

// The reasons of the google.rpc.ErrorInfo that comes with each refusal over a
// limit of the whole call, in domain ErrorDomain.
const (
	ErrorDomain              = "timelined"
	ReasonRequestTextTooLong = "REQUEST_TEXT_TOO_LARGE"
	ReasonTooManyMentions    = "TOO_MANY_MENTIONS"
	ReasonResponseTooLarge   = "RESPONSE_TOO_LARGE"
	ReasonCallTooLong        = "CALL_TOO_LONG"
	ReasonMemoryBudget       = "MEMORY_BUDGET"
)

// limitError is RESOURCE_EXHAUSTED for a call over the limit named flag
// (the server's flag, which is also the ErrorInfo's "limit"): the message
// says what to do; an ErrorInfo carries the reason, the limit, its value
// and what the call asked; a QuotaFailure names the limit for clients that
// read that detail instead.
func limitError(reason, flag string, limit, asked int64, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	st := status.New(codes.ResourceExhausted, msg)
	md := map[string]string{"limit": flag, "limit_value": strconv.FormatInt(limit, 10)}
	if asked >= 0 {
		md["value"] = strconv.FormatInt(asked, 10)
	}
	withDetails, err := st.WithDetails(
		&errdetails.ErrorInfo{Reason: reason, Domain: ErrorDomain, Metadata: md},
		&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{Subject: flag, Description: msg}}},
	)
	if err != nil {
		return st.Err() // only a marshalling bug gets here; the message says it all
	}
	return withDetails.Err()
}

// articleTextBytes is what an article counts toward MaxRequestTextBytes.
func articleTextBytes(a *timelinev1.Article) int {
	return len(a.GetText()) + len(a.GetTitle())
}

// requestTextBytes returns the text bytes of a TimelineService request and
// whether req is one.
func requestTextBytes(req any) (int, bool) {
	switch r := req.(type) {
	case *timelinev1.ResolveDatesRequest:
		return articleTextBytes(r.GetArticle()), true
	case *timelinev1.BuildTimelineRequest:
		n := 0
		for _, a := range r.GetArticles() {
			n += articleTextBytes(a)
		}
		return n, true
	}
	return 0, false
}

// checkRequestText refuses a request whose text is over l.MaxRequestTextBytes.
func checkRequestText(n int, l Limits) error {
	if n <= l.MaxRequestTextBytes {
		return nil
	}
	return limitError(ReasonRequestTextTooLong, "max-request-text-bytes", int64(l.MaxRequestTextBytes), int64(n),
		"the request's articles hold %d bytes of text and titles, over the limit of %d per call (max-request-text-bytes): send them in several calls",
		n, l.MaxRequestTextBytes)
}

// checkMentions refuses an answer of n mentions (or citations, what) over
// l.MaxMentions, before the answer is built.
func checkMentions(n int, what string, l Limits) error {
	if n <= l.MaxMentions {
		return nil
	}
	return limitError(ReasonTooManyMentions, "max-mentions", int64(l.MaxMentions), int64(n),
		"the answer would carry %d %s, over the limit of %d per call (max-mentions): send less text per call",
		n, what, l.MaxMentions)
}

// checkResponseSize refuses an answer of n bytes over l.MaxResponseBytes,
// before it is sent.
func checkResponseSize(n int, l Limits) error {
	if n <= l.MaxResponseBytes {
		return nil
	}
	return limitError(ReasonResponseTooLarge, "max-response-bytes", int64(l.MaxResponseBytes), int64(n),
		"the answer would be %d bytes, over the limit of %d per call (max-response-bytes, what gRPC clients accept by default): send fewer articles per call",
		n, l.MaxResponseBytes)
}

// errCallTooLong is the cause of a call's context ending at MaxCallDuration.
var errCallTooLong = errors.New("the call ran out of its maximum duration")

// boundCall bounds ctx by l.MaxCallDuration, with errCallTooLong as cause.
func boundCall(ctx context.Context, l Limits) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, l.MaxCallDuration, errCallTooLong)
}

// callTooLong returns the refusal of a call that ctx (from boundCall) ended
// at MaxCallDuration, or nil when ctx did not end that way.
func callTooLong(ctx context.Context, l Limits) error {
	if ctx.Err() == nil || !errors.Is(context.Cause(ctx), errCallTooLong) {
		return nil
	}
	return limitError(ReasonCallTooLong, "max-call-duration", l.MaxCallDuration.Milliseconds(), -1,
		"the call ran longer than the limit of %v (max-call-duration): send less text per call", l.MaxCallDuration)
}
