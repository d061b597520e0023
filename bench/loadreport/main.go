// Command loadreport prints the load test's markdown table (scripts/load.sh)
// from ghz JSON reports. Its input is a tab-separated list of runs, one per
// line:
//
//	RPC  CONCURRENCY  GHZ_JSON_FILE  SERVER_PEAK_RSS_KIB  SERVER_CPU_MICROSECONDS  CLIENT_CPU_MICROSECONDS
//
// where the peak RSS is the server's VmHWM read right after the run (so it
// is the peak up to and including that run) and the CPU times are the
// server's and ghz's user + system time during the run. The table divides
// them by the calls of the run: what one call costs each side, queueing
// aside. Client and server share the machine's cores, so the client's cost
// bounds what a closed loop can reach: at concurrency C on N cores, the
// median latency cannot fall below about C * (client + server CPU) / N.
//
// Usage:
//
//	go run ./bench/loadreport runs.tsv
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// report is the part of a ghz JSON report the table needs.
type report struct {
	Count               uint64         `json:"count"`
	Total               time.Duration  `json:"total"`
	Rps                 float64        `json:"rps"`
	ErrorDist           map[string]int `json:"errorDistribution"`
	StatusCodeDist      map[string]int `json:"statusCodeDistribution"`
	LatencyDistribution []struct {
		Percentage int           `json:"percentage"`
		Latency    time.Duration `json:"latency"`
	} `json:"latencyDistribution"`
}

// percentile returns the latency at percentage p, or -1 when ghz did not
// report it (no successful call).
func (r *report) percentile(p int) time.Duration {
	for _, l := range r.LatencyDistribution {
		if l.Percentage == p {
			return l.Latency
		}
	}
	return -1
}

// errors counts the calls that did not end OK.
func (r *report) errors() int {
	n := 0
	for code, c := range r.StatusCodeDist {
		if code != "OK" {
			n += c
		}
	}
	if n == 0 {
		for _, c := range r.ErrorDist {
			n += c
		}
	}
	return n
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadreport:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: loadreport RUNS.tsv")
	}
	f, err := os.Open(args[0])
	if err != nil {
		return fmt.Errorf("open runs: %w", err)
	}
	defer f.Close()

	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "| RPC | concurrency | requests | errors | RPS | p50 (ms) | p99 (ms) | server CPU per call (ms) | ghz CPU per call (ms) | server peak RSS (MiB) |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	var notes []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 6 {
			return fmt.Errorf("%s:%d: want 6 tab-separated fields, got %d", args[0], line, len(fields))
		}
		rpc, conc, path := fields[0], fields[1], fields[2]
		kib, err := strconv.Atoi(fields[3])
		if err != nil {
			return fmt.Errorf("%s:%d: peak RSS: %w", args[0], line, err)
		}
		cpu, err := strconv.ParseInt(fields[4], 10, 64)
		if err != nil {
			return fmt.Errorf("%s:%d: server CPU time: %w", args[0], line, err)
		}
		clientCPU, err := strconv.ParseInt(fields[5], 10, 64)
		if err != nil {
			return fmt.Errorf("%s:%d: client CPU time: %w", args[0], line, err)
		}
		r, err := load(path)
		if err != nil {
			return err
		}
		p50, p99 := r.percentile(50), r.percentile(99)
		perCall, clientPerCall := "n/a", "n/a"
		if r.Count > 0 {
			perCall = ms(time.Duration(cpu) * time.Microsecond / time.Duration(r.Count))
			clientPerCall = ms(time.Duration(clientCPU) * time.Microsecond / time.Duration(r.Count))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %.0f | %s | %s | %s | %s | %.1f |\n",
			rpc, conc, r.Count, r.errors(), r.Rps, ms(p50), ms(p99), perCall, clientPerCall, float64(kib)/1024)
		if n := r.errors(); n > 0 {
			notes = append(notes, fmt.Sprintf("%s at concurrency %s: %d errors %s", rpc, conc, n, codes(r)))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read runs: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintf(w, "\n%s", n)
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
	}
	return w.Flush()
}

func load(path string) (*report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read ghz report: %w", err)
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("ghz report %s: %w", path, err)
	}
	return &r, nil
}

// ms formats a latency in milliseconds, "n/a" when missing.
func ms(d time.Duration) string {
	if d < 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64)
}

// codes lists the status codes and error messages of a run, most frequent first.
func codes(r *report) string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range r.StatusCodeDist {
		all = append(all, kv{k, v})
	}
	for k, v := range r.ErrorDist {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || (all[i].v == all[j].v && all[i].k < all[j].k) })
	parts := make([]string, len(all))
	for i, e := range all {
		parts[i] = fmt.Sprintf("%s: %d", e.k, e.v)
	}
	return "(" + strings.Join(parts, "; ") + ")"
}
