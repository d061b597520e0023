package gc

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestSetDefaults(t *testing.T) {
	prevPercent, prevLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPercent); debug.SetMemoryLimit(prevLimit) })

	set := map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}
	SetDefaults(func(k string) string { return set[k] })
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64); p != 100 || l != math.MaxInt64 {
		t.Errorf("with GOGC and GOMEMLIMIT set: GC percent %d, limit %d; want them left alone", p, l)
	}
	SetDefaults(func(string) string { return "" })
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64); p != Percent || l != MemoryLimit {
		t.Errorf("unset: GC percent %d, limit %d; want %d and %d", p, l, Percent, MemoryLimit)
	}
}

func TestSetServerDefaults(t *testing.T) {
	prevPercent, prevLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPercent); debug.SetMemoryLimit(prevLimit) })
	SetServerDefaults(func(string) string { return "" })
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64); p != Percent || l != ServerMemoryLimit {
		t.Errorf("unset: GC percent %d, limit %d; want %d and %d", p, l, Percent, ServerMemoryLimit)
	}
}
