// Package gc holds the garbage collector settings timelined and
// timelinectl run with.
package gc

import "runtime/debug"

// The settings SetDefaults applies.
const (
	// Percent is the GOGC the commands run at.
	Percent = 400
	// MemoryLimit is their soft memory limit (GOMEMLIMIT), in bytes.
	MemoryLimit = 2 << 30
	// ServerMemoryLimit is timelined's soft memory limit: the server keeps
	// stories loaded between writes (every article's analysis), a live heap
	// that GOGC=400 would let grow fivefold, past 2 GiB for a story of
	// 50,000 articles. Under 896 MiB the collector runs as often as it
	// must instead: that story's server peaks under 1 GiB
	// (docs/STORIES.md), and the stateless calls, whose live heap is small,
	// are not slowed.
	ServerMemoryLimit = 896 << 20
)

// SetDefaults sets the collector for the engines' workload: a small live
// heap (the server's analysis cache and calls in flight, the command
// line's results so far) while every article allocates afresh. At Go's
// default GOGC=100 the heap is collected every few dozen BuildTimeline
// calls, a quarter of their CPU, and a third of timelinectl resolve's.
// GOGC=400 collects a fifth as often for up to five times the live heap;
// the soft limit keeps a large input from growing the heap fivefold: near
// 2 GiB the collector runs as often as it must. GOGC and GOMEMLIMIT in the
// environment (read with getenv) win.
func SetDefaults(getenv func(string) string) { setDefaults(getenv, MemoryLimit) }

// SetServerDefaults is SetDefaults with ServerMemoryLimit, for timelined.
func SetServerDefaults(getenv func(string) string) { setDefaults(getenv, ServerMemoryLimit) }

func setDefaults(getenv func(string) string, limit int64) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}
