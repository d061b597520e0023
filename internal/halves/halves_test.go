package halves

import (
	"slices"
	"testing"
)

func TestRun(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]int, n)
		var spans [2][2]int
		Run(n, func(half, lo, hi int) {
			spans[half] = [2]int{lo, hi}
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		if spans != [2][2]int{{0, n / 2}, {n / 2, n}} {
			t.Errorf("n=%d: halves %v", n, spans)
		}
		if slices.ContainsFunc(seen, func(c int) bool { return c != 1 }) {
			t.Errorf("n=%d: some index not visited once: %v", n, seen)
		}
	}
}

func TestRunPanics(t *testing.T) {
	for half := range 2 {
		func() {
			defer func() {
				if p := recover(); p != "boom" {
					t.Errorf("half %d: recovered %v, want boom", half, p)
				}
			}()
			Run(10, func(h, lo, hi int) {
				if h == half {
					panic("boom")
				}
			})
		}()
	}
}
