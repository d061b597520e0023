package server

import (
	"container/list"
	"context"
	"runtime/debug"
	"sync"
	"time"

	"google.golang.org/grpc"
)

// Memory admission. Each TimelineService call reserves, before its work
// begins, the memory its work may hold at its peak, estimated from its text;
// calls whose reservation does not fit in what the budget has left wait, in
// the order they came, until it does (or their deadline, or the maximum
// call duration, ends the wait). The live heap of the calls in flight thus
// stays within the budget however many come at once, and the soft memory
// limit (GOMEMLIMIT, set from the same budget by the command) keeps the
// garbage around them in check.

// BytesPerTextByte is what a call is charged per byte of request text: the
// request as received and decoded (2), the engines' working set with the
// answer built (20 for news, up to 43 for a thousand short articles
// retelling the same stories, measured with the collector running all the
// time), the answer marshalled (up to 2.4), with margin.
// docs/PERFORMANCE.md has the measurements.
const BytesPerTextByte = 48

// CallOverheadBytes is charged to every call on top of its text.
const CallOverheadBytes = 1 << 20

// freeAfterBytes is how much must have been admitted since memory was last
// returned to the operating system before the server returns it again,
// once no call is in flight.
const freeAfterBytes = 128 << 20

// freeDelay is how long after the last call of a burst the server waits
// before it returns memory to the operating system: the answer of that
// call is still being sent when its handler returns.
const freeDelay = time.Second

// callCost is the memory a call with text bytes of text is charged.
func callCost(text int) int64 {
	return int64(text)*BytesPerTextByte + CallOverheadBytes
}

// admission is a first-come-first-served weighted semaphore over bytes.
type admission struct {
	capacity int64

	mu        sync.Mutex
	used      int64
	waiters   list.List // of *waiter, in arrival order
	sinceFree int64     // bytes admitted since memory was last returned
	freeing   bool      // a return of memory is scheduled

	// freeOSMemory returns memory to the operating system; a field so
	// that tests can count the calls.
	freeOSMemory func()
	// onChange, when set, is told the bytes in use after each change.
	onChange func(used int64, waiting int)
}

type waiter struct {
	n     int64
	ready chan struct{}
}

func newAdmission(capacity int64) *admission {
	return &admission{capacity: capacity, freeOSMemory: debug.FreeOSMemory}
}

// acquire reserves n bytes, waiting in line until they fit or ctx ends;
// it returns ctx's error in that case. A reservation over the whole
// capacity is granted alone, once nothing else is in use: the server's
// limits are checked against the budget at start-up, so only a budget
// smaller than one call of the largest size gets there.
func (a *admission) acquire(ctx context.Context, n int64) error {
	a.mu.Lock()
	if a.waiters.Len() == 0 && a.fits(n) {
		a.grant(n)
		a.mu.Unlock()
		return nil
	}
	w := &waiter{n: n, ready: make(chan struct{})}
	e := a.waiters.PushBack(w)
	a.changed()
	a.mu.Unlock()

	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		a.mu.Lock()
		select {
		case <-w.ready:
			// Granted as ctx ended: give it back.
			a.mu.Unlock()
			a.release(n)
		default:
			a.waiters.Remove(e)
			a.wake() // the head may have changed
			a.changed()
			a.mu.Unlock()
		}
		return ctx.Err()
	}
}

func (a *admission) fits(n int64) bool {
	return a.used+n <= a.capacity || a.used == 0
}

// grant takes n bytes; a.mu is held.
func (a *admission) grant(n int64) {
	a.used += n
	a.sinceFree += n
	a.changed()
}

// wake grants the waiters at the head of the line that fit; a.mu is held.
func (a *admission) wake() {
	for e := a.waiters.Front(); e != nil; e = a.waiters.Front() {
		w := e.Value.(*waiter)
		if !a.fits(w.n) {
			return
		}
		a.waiters.Remove(e)
		a.grant(w.n)
		close(w.ready)
	}
}

// release gives back n bytes. When the last call of a burst ends, memory
// is returned to the operating system shortly after.
func (a *admission) release(n int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.used -= n
	a.wake()
	a.changed()
	if a.used == 0 && a.sinceFree >= freeAfterBytes && !a.freeing {
		a.freeing = true
		time.AfterFunc(freeDelay, a.freeIfIdle)
	}
}

// freeIfIdle returns memory to the operating system unless calls are in
// flight again (then the last of them will).
func (a *admission) freeIfIdle() {
	a.mu.Lock()
	idle := a.used == 0
	a.freeing = false
	if idle {
		a.sinceFree = 0
	}
	a.mu.Unlock()
	if idle {
		a.freeOSMemory()
	}
}

func (a *admission) changed() {
	if a.onChange != nil {
		a.onChange(a.used, a.waiters.Len())
	}
}

// inUse returns the bytes reserved and the calls waiting.
func (a *admission) inUse() (int64, int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.used, a.waiters.Len()
}

// admit is the unary interceptor that makes TimelineService calls reserve
// their memory before their work, the wait bounded by the maximum call
// duration. A request over the text limit goes straight to the handler,
// which refuses it before any work.
func (s *Server) admit(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	text, ok := requestTextBytes(req)
	if !ok || s.prod.adm == nil {
		return handler(ctx, req)
	}
	l := s.cfg.Limits
	if text > l.MaxRequestTextBytes {
		// The handler refuses it before any work (naming a bad field
		// first, if any): nothing to reserve, no reason to wait.
		return handler(ctx, req)
	}
	cost := callCost(text)
	wctx, cancel := boundCall(ctx, l)
	defer cancel()
	began := time.Now()
	if err := s.prod.adm.acquire(wctx, cost); err != nil {
		if callTooLong(wctx, l) != nil {
			return nil, limitError(ReasonMemoryBudget, "memory-budget", s.prod.adm.capacity, cost,
				"the server's memory budget for calls (%d bytes, memory-budget) stayed full for %v, the longest a call may take (max-call-duration); this call needs %d: try again later or send less text per call",
				s.prod.adm.capacity, time.Since(began).Round(time.Millisecond), cost)
		}
		return nil, toStatus(err)
	}
	defer s.prod.adm.release(cost)
	if s.prod.met != nil {
		s.prod.met.admissionWait.Observe(time.Since(began).Seconds())
	}
	resp, err := handler(wctx, req)
	if err != nil {
		if lerr := callTooLong(wctx, l); lerr != nil {
			return nil, lerr
		}
	}
	return resp, err
}
