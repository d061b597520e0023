// Command when is the olebedev/when baseline of the peer benchmark
// (scripts/peers.sh): it reads articles the way timelinectl does
// (timeline.LoadArticles: text files, a folder, or a manifest), runs when's
// English and common rules over each text with the article's published date
// (midnight UTC) as the base time, and writes every match to stdout as the
// external-system JSON that `timelinectl eval --system` scores:
//
//	{"system":"olebedev/when ...","units":"bytes","docs":{"<article id>":[
//	  {"start":114,"end":120,"text":"Friday","type":"DATE","value":"1998-08-14"}]}}
//
// with byte offsets into the article's text (evaluate.SystemOutput).
//
// when returns one match per Parse call, so the harness calls Parse again on
// the rest of the text after each match until it finds nothing. when keeps
// no granularity, so values are days (DATE) or, when the match moved the
// clock off midnight, minutes (TIME).
//
// On stderr it reports the time spent in when alone (without start-up,
// reading and writing): "parse: BYTES bytes in MS ms".
//
// Usage:
//
//	go run ./bench/when PATH... > when.json
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"

	"github.com/timelined/timelined/internal/evaluate"
	"github.com/timelined/timelined/internal/timeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "when:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: when PATH... (text files, folders or manifest .json)")
	}
	articles, err := timeline.LoadArticles(args...)
	if err != nil {
		return err
	}
	p := when.New(nil)
	p.Add(en.All...)
	p.Add(common.All...)

	out := evaluate.SystemOutput{
		System: "olebedev/when v1.1.0 (en + common rules)",
		Units:  evaluate.UnitBytes,
		Docs:   make(map[string][]evaluate.Timex, len(articles)),
	}
	var skipped, size int
	var parsing time.Duration
	for _, a := range articles {
		t0 := time.Now()
		ms, errs := find(p, a.Text, a.Published.Time())
		parsing += time.Since(t0)
		size += len(a.Text)
		for _, err := range errs {
			fmt.Fprintf(stderr, "when: %s: %v\n", a.ID, err)
		}
		skipped += len(errs)
		out.Docs[a.ID] = ms
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "when: skipped %d sentences on an error\n", skipped)
	}
	// The same line as the chrono harness, read by scripts/peers.sh.
	fmt.Fprintf(stderr, "parse: %d bytes in %.3f ms\n", size, float64(parsing)/float64(time.Millisecond))
	w := bufio.NewWriter(stdout)
	if err := json.NewEncoder(w).Encode(out); err != nil {
		return fmt.Errorf("write matches: %w", err)
	}
	return w.Flush()
}

// find returns every match when finds in text, in text order, with byte
// offsets into text.
//
// When Parse fails it says neither where nor on what. Parse works on the
// leftmost cluster of rule matches, so the failing expression is the first
// one in the rest of the text and nothing before it matches: find skips one
// sentence (or line) at a time until Parse succeeds again, losing at most
// the matches in the failing sentence. It returns one error per skip.
func find(p *when.Parser, text string, base time.Time) ([]evaluate.Timex, []error) {
	ms := []evaluate.Timex{}
	var errs []error
	for off := 0; off < len(text); {
		r, err := p.Parse(text[off:], base)
		if err != nil {
			next := strings.IndexAny(text[off:], ".\n")
			errs = append(errs, fmt.Errorf("at byte %d, skipping to the next sentence: %w", off, err))
			if next < 0 {
				break
			}
			off += next + 1
			continue
		}
		if r == nil {
			break
		}
		start := off + r.Index
		end := start + len(r.Text)
		ms = append(ms, timex(text[start:end], start, end, r.Time))
		off = max(end, off+1)
	}
	return ms, errs
}

// timex formats one when match as a TIMEX3 annotation.
func timex(text string, start, end int, t time.Time) evaluate.Timex {
	x := evaluate.Timex{Start: start, End: end, Text: text, Type: "DATE", Value: t.Format(time.DateOnly)}
	if h, m, s := t.Clock(); h != 0 || m != 0 || s != 0 {
		x.Type, x.Value = "TIME", t.Format("2006-01-02T15:04")
	}
	return x
}
