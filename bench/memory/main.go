// Command memory measures how the date engine's memory grows with its
// input: it joins the plain texts of a TimeML corpus (repeated as needed)
// into one text of the requested size, resolves it once with dates.Resolve,
// and prints the size, the time, the mentions found and the process's peak
// RSS (VmHWM) before and after, so that runs at several sizes show whether
// memory grows linearly.
//
// Usage:
//
//	go run ./bench/memory -mb 10 ../shared/data/timeml/tbaq
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/evaluate"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "memory:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("memory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mb := fs.Float64("mb", 10, "size of the text to resolve, in MB (10^6 bytes)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *mb <= 0 {
		return errors.New("usage: memory [-mb N] TIMEML_DIR")
	}
	docs, err := evaluate.LoadDir(fs.Arg(0))
	if err != nil {
		return err
	}
	text, err := join(docs, int(*mb*1e6))
	if err != nil {
		return err
	}
	docs = nil // only the joined text stays reachable
	before, err := peakRSS()
	if err != nil {
		return err
	}
	// The texts come from many dates; one fixed reference is enough, since
	// only the cost is measured here, not the values.
	ref := dates.NewDate(2000, time.January, 1)
	t0 := time.Now()
	ms := dates.Resolve(text, dates.Options{Reference: ref})
	elapsed := time.Since(t0)
	after, err := peakRSS()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "text %.1f MB, %d mentions, %.2f s (%.1f MB/s), peak RSS %.1f MiB before resolving, %.1f MiB after\n",
		float64(len(text))/1e6, len(ms), elapsed.Seconds(), float64(len(text))/1e6/elapsed.Seconds(),
		float64(before)/1024, float64(after)/1024)
	return nil
}

// join concatenates the documents' texts, repeated in order, until size
// bytes, separated by blank lines so sentences do not run together.
func join(docs []*evaluate.Document, size int) (string, error) {
	if len(docs) == 0 {
		return "", errors.New("no documents")
	}
	var b strings.Builder
	b.Grow(size + 1<<16)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(docs[i%len(docs)].Text)
		b.WriteString("\n\n")
	}
	return b.String()[:size], nil
}

// peakRSS returns the process's peak resident set size in KiB (VmHWM).
func peakRSS() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak RSS: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, errors.New("peak RSS: no VmHWM in /proc/self/status")
}
