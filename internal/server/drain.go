package server

import (
	"context"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// The drain, in order (Shutdown):
//
//  1. Health turns NOT_SERVING for every service; health watches send it
//     and end with UNAVAILABLE.
//  2. For Config.DrainGrace the listener stays open and calls are served
//     as before, so that load balancers, which poll health, see
//     NOT_SERVING and stop sending calls, and a new client can still ask.
//  3. Streams still open (reflection, watches) end with UNAVAILABLE.
//  4. The listener closes, clients are told to go away (GOAWAY), and the
//     calls in flight finish: each is bounded by Limits.MaxCallDuration,
//     which the command keeps shorter than the drain.
//  5. When the drain's deadline comes first, what is left is cut off and
//     Shutdown says so.

// errDraining is the cause of the context of a stream ended by the drain.
var errDraining = errors.New("the server is shutting down")

// drainStatus is what a stream ended by the drain answers.
var drainStatus = status.Error(codes.Unavailable, "the server is shutting down: the stream was ended by its drain; open it again on another instance")

// streams holds the cancel functions of the streams in flight.
type streams struct {
	mu      sync.Mutex
	next    int
	cancels map[int]context.CancelCauseFunc
	ended   bool
}

// interceptor runs each streaming call under a context that the drain
// can end, and answers UNAVAILABLE when it did.
func (ss *streams) interceptor(srv any, stream grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	ctx, cancel := context.WithCancelCause(stream.Context())
	defer cancel(nil)
	ss.mu.Lock()
	if ss.ended {
		ss.mu.Unlock()
		return drainStatus
	}
	if ss.cancels == nil {
		ss.cancels = make(map[int]context.CancelCauseFunc)
	}
	id := ss.next
	ss.next++
	ss.cancels[id] = cancel
	ss.mu.Unlock()
	defer func() {
		ss.mu.Lock()
		delete(ss.cancels, id)
		ss.mu.Unlock()
	}()

	err := handler(srv, &drainableStream{ServerStream: stream, ctx: ctx})
	if errors.Is(context.Cause(ctx), errDraining) {
		return drainStatus
	}
	return err
}

// endAll ends every stream in flight and refuses new ones.
func (ss *streams) endAll() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.ended = true
	for _, cancel := range ss.cancels {
		cancel(errDraining)
	}
}

// drainableStream is a server stream whose context the drain can end; a
// RecvMsg blocked on the client returns when it does. (gRPC's own RecvMsg
// only returns when the client sends or goes away; the goroutine left
// reading returns when the call ends, as the handler returns.)
type drainableStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *drainableStream) Context() context.Context { return s.ctx }

func (s *drainableStream) RecvMsg(m any) error {
	done := make(chan error, 1)
	go func() { done <- s.ServerStream.RecvMsg(m) }()
	select {
	case err := <-done:
		return err
	case <-s.ctx.Done():
		if errors.Is(context.Cause(s.ctx), errDraining) {
			return drainStatus
		}
		return status.FromContextError(s.ctx.Err()).Err()
	}
}

// drain runs the steps above; it returns ctx.Err() when calls had to be
// cut off.
func (s *Server) drain(ctx context.Context) error {
	// Without a grace period, new connections are refused from the start
	// (before GracefulStop closes the listener, which it does a moment
	// later): a client told NOT_SERVING cannot then reach the server.
	if s.cfg.DrainGrace <= 0 {
		s.prod.gate.shut.Store(true)
	}
	// 1. Shutdown also makes later status updates no-ops, so a Serve
	// racing with it cannot turn SERVING again.
	s.health.Shutdown()

	// 2. The grace period: everything is served as before.
	if g := s.cfg.DrainGrace; g > 0 {
		s.log.Info("draining: health is NOT_SERVING; the listener stays open for the grace period", "grace", g.String())
		t := time.NewTimer(g)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
	}

	// 3. and 4. The health-only listener closes last.
	defer s.stopHealthPort()
	s.prod.gate.shut.Store(true)
	// Every stream ends with UNAVAILABLE, story watches included (their
	// clients open them again elsewhere from their last version); then the
	// story service closes, which ends the story pages' event streams.
	s.prod.streams.endAll()
	if s.cfg.Stories != nil {
		s.cfg.Stories.Close()
	}
	done := make(chan struct{})
	go func() {
		s.grpc.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		// 5. Stop closes every connection without waiting for handlers
		// (the GracefulStop above still does): a handler deaf to its
		// context must not hold the process.
		s.log.Warn("the drain's deadline came: cutting off the calls in flight")
		s.grpc.Stop()
		return ctx.Err()
	}
}

// gatedListener refuses new connections once shut, by accepting and
// closing them at once: gRPC's Serve keeps running (as it must until
// GracefulStop), yet no new client gets in between the end of the grace
// period and the moment GracefulStop closes the listener.
type gatedListener struct {
	net.Listener
	shut atomic.Bool
}

// Accept returns the next connection accepted while the gate is open.
func (l *gatedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil || !l.shut.Load() {
			return c, err
		}
		c.Close()
	}
}
