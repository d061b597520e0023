package gc

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// SoftLimitPercent is the part of the memory budget that ApplyBudget sets
// as the soft memory limit: the rest is room for what the limit does not
// count (the binary, thread stacks outside the Go heap) and for the
// collector to catch up.
const SoftLimitPercent = 75

// The files where Linux tells a process its container's memory limit:
// cgroup v2, then v1.
var cgroupLimitFiles = []string{
	"/sys/fs/cgroup/memory.max",
	"/sys/fs/cgroup/memory/memory.limit_in_bytes",
}

// noLimitV1 is above what cgroup v1 reports for "no limit" (a page-rounded
// 2^63-1).
const noLimitV1 = 1 << 62

// CgroupMemoryLimit returns the memory limit of the container the process
// runs in, and false when it has none (or it cannot be read).
func CgroupMemoryLimit() (int64, bool) {
	for _, f := range cgroupLimitFiles {
		if n, err := readLimit(f); err == nil {
			return n, true
		}
	}
	return 0, false
}

func readLimit(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return parseLimit(string(b))
}

// errNoLimit says a cgroup file reports no limit.
var errNoLimit = errors.New("no memory limit")

// parseLimit reads the content of a cgroup memory limit file.
func parseLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "max" {
		return 0, errNoLimit
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cgroup memory limit %q: %w", s, err)
	}
	if n <= 0 || n >= noLimitV1 {
		return 0, errNoLimit
	}
	return n, nil
}

// Budget decides the process's memory budget: flagBytes when positive;
// else the container's memory limit, when there is one; else def. It says
// where the figure came from, for the log.
func Budget(flagBytes, def int64) (int64, string) {
	if flagBytes > 0 {
		return flagBytes, "--memory-budget"
	}
	if n, ok := CgroupMemoryLimit(); ok {
		return n, "the container's memory limit (cgroup)"
	}
	return def, "the default"
}

// ApplyBudget sets the soft memory limit (GOMEMLIMIT) to SoftLimitPercent
// of budget, unless GOMEMLIMIT is in the environment (read with getenv),
// which wins. It returns the limit in force.
func ApplyBudget(getenv func(string) string, budget int64) int64 {
	if getenv("GOMEMLIMIT") != "" || budget <= 0 {
		return debug.SetMemoryLimit(-1)
	}
	limit := budget / 100 * SoftLimitPercent
	debug.SetMemoryLimit(limit)
	return limit
}
