package server

import (
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/stats"
	"google.golang.org/grpc/status"
)

// observer is the gRPC stats handler that logs and counts every call once
// it ends: the calls that reach a handler and those refused before (a
// message over the size limit, one that does not decode, a method that does
// not exist), with the code the client got. A call whose client gave up at
// its deadline is reported as DEADLINE_EXCEEDED even when the client's
// cancellation reached the server before the server's own timer (the usual
// case: the client's timer starts first), so that deadlines and
// cancellations are told apart. Health checks and reflection, which come
// often or carry no work, are logged at debug level.
type observer struct {
	log *slog.Logger
	met *serverMetrics // nil when metrics are off
}

// serverMetrics are the metrics the server keeps beside grpcprom's.
type serverMetrics struct {
	calls         *prometheus.CounterVec
	refusals      *prometheus.CounterVec
	inUse         prometheus.Gauge
	waiting       prometheus.Gauge
	admissionWait prometheus.Histogram
}

func newServerMetrics(reg prometheus.Registerer) (*serverMetrics, error) {
	m := &serverMetrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "timelined_grpc_calls_total",
			Help: "Every gRPC call by its final code, those refused before a handler ran (undecodable, oversized, unknown method) included; a call ended by its client's deadline counts as DeadlineExceeded.",
		}, []string{"grpc_service", "grpc_method", "grpc_code"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "timelined_limit_refusals_total",
			Help: "Calls refused with RESOURCE_EXHAUSTED, by the limit (flag name) they were over.",
		}, []string{"limit"}),
		inUse: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "timelined_admission_bytes_in_use",
			Help: "Memory reserved by the calls in flight (see --memory-budget).",
		}),
		waiting: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "timelined_admission_calls_waiting",
			Help: "Calls waiting for memory to be admitted.",
		}),
		admissionWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "timelined_admission_wait_seconds",
			Help:    "How long admitted calls waited for memory.",
			Buckets: []float64{0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 20},
		}),
	}
	for _, c := range []prometheus.Collector{m.calls, m.refusals, m.inUse, m.waiting, m.admissionWait} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

type callKey struct{}

// call is what the observer gathers about one call.
type call struct {
	method    string // "/package.Service/Method"
	begin     time.Time
	stream    bool
	reqBytes  atomic.Int64
	respBytes atomic.Int64
}

// TagRPC implements stats.Handler.
func (o *observer) TagRPC(ctx context.Context, info *stats.RPCTagInfo) context.Context {
	return context.WithValue(ctx, callKey{}, &call{method: info.FullMethodName, begin: time.Now()})
}

// HandleRPC implements stats.Handler.
func (o *observer) HandleRPC(ctx context.Context, s stats.RPCStats) {
	c, _ := ctx.Value(callKey{}).(*call)
	if c == nil {
		return
	}
	switch s := s.(type) {
	case *stats.Begin:
		c.stream = s.IsClientStream || s.IsServerStream
	case *stats.InPayload:
		c.reqBytes.Add(int64(s.WireLength))
	case *stats.OutPayload:
		c.respBytes.Add(int64(s.WireLength))
	case *stats.End:
		o.end(ctx, c, s)
	}
}

// TagConn implements stats.Handler.
func (o *observer) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }

// HandleConn implements stats.Handler.
func (o *observer) HandleConn(context.Context, stats.ConnStats) {}

// deadlineSlack is how close to its deadline a cancelled call must end to
// count as ended by the deadline: the client's cancellation (RST_STREAM)
// comes about when the server's own timer would fire.
const deadlineSlack = 100 * time.Millisecond

// endCode returns the code a call ended with, DEADLINE_EXCEEDED for a
// cancellation at the call's deadline, and whether it was reclassified.
func endCode(ctx context.Context, c *call, e *stats.End) (codes.Code, bool) {
	code := status.Code(e.Error)
	if code != codes.Canceled {
		return code, false
	}
	dl, ok := ctx.Deadline()
	if !ok {
		return code, false
	}
	slack := deadlineSlack + dl.Sub(c.begin)/100
	if e.EndTime.After(dl.Add(-slack)) {
		return codes.DeadlineExceeded, true
	}
	return code, false
}

func (o *observer) end(ctx context.Context, c *call, e *stats.End) {
	svc, method := splitMethod(c.method)
	code, byDeadline := endCode(ctx, c, e)
	if o.met != nil {
		o.met.calls.WithLabelValues(svc, method, code.String()).Inc()
	}
	var limit string
	if st, ok := status.FromError(e.Error); ok && st.Code() == codes.ResourceExhausted {
		limit = refusedLimit(st)
		if o.met != nil {
			o.met.refusals.WithLabelValues(limit).Inc()
		}
	}
	level := codeLevel(code)
	if svc == healthgrpc.Health_ServiceDesc.ServiceName || strings.HasPrefix(svc, "grpc.reflection.") {
		level = slog.LevelDebug
	}
	if !o.log.Enabled(ctx, level) {
		return
	}
	kind := "unary"
	if c.stream {
		kind = "stream"
	}
	attrs := []slog.Attr{
		slog.String("grpc.service", svc),
		slog.String("grpc.method", method),
		slog.String("grpc.method_type", kind),
		slog.String("grpc.code", code.String()),
		slog.Float64("grpc.time_ms", float64(e.EndTime.Sub(c.begin).Microseconds())/1000),
		slog.Int64("grpc.request.bytes", c.reqBytes.Load()),
		slog.Int64("grpc.response.bytes", c.respBytes.Load()),
	}
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		attrs = append(attrs, slog.String("peer.address", p.Addr.String()))
	}
	if byDeadline {
		attrs = append(attrs, slog.String("grpc.ended_by", "client deadline (cancellation arrived first)"))
	}
	if limit != "" {
		attrs = append(attrs, slog.String("timelined.limit", limit))
	}
	if e.Error != nil {
		attrs = append(attrs, slog.String("grpc.error", status.Convert(e.Error).Message()))
	}
	o.log.LogAttrs(ctx, level, "finished call", attrs...)
}

// refusedLimit names the limit a RESOURCE_EXHAUSTED refusal was over: the
// one its ErrorInfo names, else gRPC's own message size limits.
func refusedLimit(st *status.Status) string {
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok && ei.GetMetadata()["limit"] != "" {
			return ei.GetMetadata()["limit"]
		}
	}
	switch msg := st.Message(); {
	case strings.Contains(msg, "received message larger than max"):
		return "max-message-bytes"
	case strings.Contains(msg, "trying to send message larger than max"):
		return "max-response-bytes"
	}
	return "other"
}

// splitMethod splits "/pkg.Service/Method".
func splitMethod(full string) (string, string) {
	full = strings.TrimPrefix(full, "/")
	if i := strings.LastIndexByte(full, '/'); i >= 0 {
		return full[:i], full[i+1:]
	}
	return "unknown", full
}

// codeLevel is the log level of a call that ended with code: info for
// success and the client's own doing, warn for limits and unavailability,
// error for the server's faults.
func codeLevel(code codes.Code) slog.Level {
	switch code {
	case codes.OK, codes.Canceled, codes.InvalidArgument, codes.NotFound, codes.AlreadyExists, codes.Unauthenticated:
		return slog.LevelInfo
	case codes.DeadlineExceeded, codes.PermissionDenied, codes.ResourceExhausted, codes.FailedPrecondition,
		codes.Aborted, codes.OutOfRange, codes.Unavailable:
		return slog.LevelWarn
	}
	return slog.LevelError
}
