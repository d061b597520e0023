package gc

import (
	"runtime/debug"
	"testing"
)

func TestParseLimit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1073741824\n", 1 << 30, true},     // cgroup v2 memory.max
		{"max\n", 0, false},                 // v2, no limit
		{"9223372036854771712\n", 0, false}, // v1, no limit
		{"0", 0, false},
		{"junk", 0, false},
	} {
		n, err := parseLimit(tt.in)
		if (err == nil) != tt.ok || n != tt.want {
			t.Errorf("parseLimit(%q) = %d, %v; want %d, ok %v", tt.in, n, err, tt.want, tt.ok)
		}
	}
}

func TestBudgetAndSoftLimit(t *testing.T) {
	if b, from := Budget(512<<20, 1<<30); b != 512<<20 || from != "--memory-budget" {
		t.Errorf("Budget(512 MiB flag) = %d, %q", b, from)
	}
	if b, _ := Budget(0, 1<<30); b <= 0 {
		t.Errorf("Budget(no flag) = %d", b)
	}
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	if got := ApplyBudget(func(string) string { return "" }, 1<<30); got != (1<<30)/100*SoftLimitPercent {
		t.Errorf("soft limit %d, want %d%% of 1 GiB", got, SoftLimitPercent)
	}
	env := map[string]string{"GOMEMLIMIT": "300MiB"}
	debug.SetMemoryLimit(300 << 20)
	if got := ApplyBudget(func(k string) string { return env[k] }, 1<<30); got != 300<<20 {
		t.Errorf("with GOMEMLIMIT set, the limit became %d", got)
	}
}
