// Package halves runs the two halves of a loop at once: the work of a
// story's write that follows its merge (one goroutine) uses the second
// core that the merge leaves idle.
package halves

// Run calls f(0, 0, n/2) and f(1, n/2, n) at once, the second on another
// goroutine, and returns when both have. Each call must touch only its
// own half of what they share. A panic of either call is raised again in
// the caller, after both have ended.
func Run(n int, f func(half, lo, hi int)) {
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f(1, n/2, n)
	}()
	defer func() {
		if p := <-done; p != nil {
			panic(p)
		}
	}()
	f(0, 0, n/2)
}
