package server

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// TestAdmissionOrderAndRelease: waiters are admitted in arrival order as
// memory frees, a waiter whose context ends leaves the line, and memory
// goes back to the operating system once a big burst is over.
func TestAdmissionOrderAndRelease(t *testing.T) {
	a := newAdmission(100 << 20)
	var freed atomic.Int32
	a.freeOSMemory = func() { freed.Add(1) }
	ctx := context.Background()
	if err := a.acquire(ctx, 80<<20); err != nil {
		t.Fatal(err)
	}
	order := make(chan int, 3)
	gone, cancel := context.WithCancel(ctx)
	go func() {
		if err := a.acquire(gone, 50<<20); err == nil {
			t.Error("a cancelled waiter was admitted")
		}
		order <- 0
	}()
	waitFor(t, func() bool { _, w := a.inUse(); return w == 1 })
	for i := 1; i <= 2; i++ {
		go func() {
			if err := a.acquire(ctx, 40<<20); err != nil {
				t.Error(err)
			}
			order <- i
		}()
		waitFor(t, func() bool { _, w := a.inUse(); return w == i+1 })
	}
	cancel()
	if got := <-order; got != 0 {
		t.Fatalf("first out of line: %d, want the cancelled waiter", got)
	}
	a.release(80 << 20) // both 40 MiB waiters fit now
	got := []int{<-order, <-order}
	if used, w := a.inUse(); used != 80<<20 || w != 0 {
		t.Errorf("in use %d, waiting %d; want 80 MiB, 0 (admitted %v)", used>>20, w, got)
	}
	if freed.Load() != 0 {
		t.Error("memory returned while calls are in flight")
	}
	a.release(40 << 20)
	a.release(40 << 20)
	waitFor(t, func() bool { return freed.Load() == 1 })

	// A call larger than the capacity runs alone.
	if err := a.acquire(ctx, 200<<20); err != nil {
		t.Fatal(err)
	}
	short, cancel2 := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel2()
	if err := a.acquire(short, 1); err == nil {
		t.Error("a call was admitted beside one larger than the capacity")
	}
	a.release(200 << 20)
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
	}
}
