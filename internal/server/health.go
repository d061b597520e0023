package server

import (
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthgrpc "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// healthService is grpc-go's health server (Check, List, the statuses)
// with a Watch that ends: once the server shuts down, each watch stream
// sends NOT_SERVING (or SERVICE_UNKNOWN, for a service the server never
// had) and then ends with UNAVAILABLE, so that load balancers and grpc-js
// clients learn the news and a watcher does not hold the drain open until
// its deadline. grpc-go's own Watch runs until the client goes away.
type healthService struct {
	*health.Server

	mu       sync.Mutex
	changed  chan struct{} // closed, and replaced, at each change
	draining bool
}

func newHealthService() *healthService {
	return &healthService{Server: health.NewServer(), changed: make(chan struct{})}
}

// errDrainingHealth ends health watches at shutdown.
var errDrainingHealth = status.Error(codes.Unavailable,
	"the server is shutting down (health NOT_SERVING was sent): watch another instance")

// SetServingStatus sets the status of service and tells the watchers; it
// does nothing after Shutdown.
func (h *healthService) SetServingStatus(service string, st healthgrpc.HealthCheckResponse_ServingStatus) {
	h.Server.SetServingStatus(service, st)
	h.broadcast(false)
}

// Shutdown sets every service NOT_SERVING for good and ends the watches
// once they have sent it.
func (h *healthService) Shutdown() {
	h.Server.Shutdown()
	h.broadcast(true)
}

func (h *healthService) broadcast(drain bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if drain {
		h.draining = true
	}
	close(h.changed)
	h.changed = make(chan struct{})
}

// Watch sends the status of the service asked for, then each change of it,
// until the client goes away or the server shuts down.
func (h *healthService) Watch(req *healthgrpc.HealthCheckRequest, stream grpc.ServerStreamingServer[healthgrpc.HealthCheckResponse]) error {
	ctx := stream.Context()
	last := healthgrpc.HealthCheckResponse_ServingStatus(-1)
	for {
		h.mu.Lock()
		changed, draining := h.changed, h.draining
		h.mu.Unlock()
		st := healthgrpc.HealthCheckResponse_SERVICE_UNKNOWN
		if resp, err := h.Server.Check(ctx, req); err == nil {
			st = resp.GetStatus()
		}
		if st != last {
			if err := stream.Send(&healthgrpc.HealthCheckResponse{Status: st}); err != nil {
				return err
			}
			last = st
		}
		if draining {
			return errDrainingHealth
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		}
	}
}
