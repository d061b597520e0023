package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/evaluate/chronology"
)

func evalChronologyFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("eval-chronology", flag.ContinueOnError)
	var conn connFlags
	conn.register(fs)
	verbose := fs.Bool("verbose", false, "list every missed and spurious item, and the merges missed")
	asJSON := fs.Bool("json", false, "print the counts and figures as JSON")
	return fs, func(ctx context.Context, args []string) error {
		if len(args) != 1 {
			return usagef("want exactly one DIR in the SemEval-2015 Task 4 layout (timeml/ and gold/), got %d arguments", len(args))
		}
		corpus, err := chronology.Load(args[0])
		if err != nil {
			return usageError{err}
		}
		var rep *chronology.Report
		err = conn.with(ctx, func(ctx context.Context, svc backend) error {
			rep, err = chronology.Evaluate(ctx, corpus, serviceBuilder(svc))
			return err
		})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeChronologyJSON(stdout, rep)
		}
		return writeChronologyReport(stdout, rep, *verbose)
	}
}

// serviceBuilder builds chronologies of a collection through the service,
// as a client would: one BuildTimeline call with every article.
func serviceBuilder(svc backend) chronology.Builder {
	return func(ctx context.Context, docs []*chronology.Document, focus []string) ([]chronology.Entry, error) {
		req := &timelinev1.BuildTimelineRequest{Focus: focus}
		texts := map[string]string{}
		for _, d := range docs {
			req.Articles = append(req.Articles, &timelinev1.Article{
				Id: d.ID, Title: d.Title, Text: d.Text, PublishedDate: d.Published.String(),
			})
			texts[d.ID] = d.Text
		}
		resp, err := svc.BuildTimeline(ctx, req)
		if err != nil {
			return nil, callError(err)
		}
		var out []chronology.Entry
		for _, e := range append(resp.GetEntries(), resp.GetBackground()...) {
			start, err1 := dates.ParseDate(e.GetStartDate())
			end, err2 := dates.ParseDate(e.GetEndDate())
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("entry %s has no interval (%q..%q)", e.GetDate(), e.GetStartDate(), e.GetEndDate())
			}
			en := chronology.Entry{Start: start, End: end}
			for _, c := range e.GetCitations() {
				en.Citations = append(en.Citations, chronology.Citation{
					Doc: c.GetArticleId(), Start: byteOffset(texts[c.GetArticleId()], int(c.GetStart())),
				})
			}
			out = append(out, en)
		}
		return out, nil
	}
}

// byteOffset converts a code-point offset into text to a byte offset.
func byteOffset(text string, cp int) int {
	n := 0
	for i := range text {
		if n == cp {
			return i
		}
		n++
	}
	return len(text)
}

func writeChronologyReport(w io.Writer, r *chronology.Report, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "entity\tgold\tmatched\tsystem\tmatched\tP\tR\tF1\t")
	row := func(name string, c chronology.Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", name, c.Gold, c.GoldMatched, c.System, c.SystemMatched,
			c.Precision(), c.Recall(), c.F1())
	}
	for _, e := range r.Entities {
		row(e.Entity, e.Counts)
	}
	row("all (micro)", r.Entity)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nentity timelines (focus = entity): P %.2f  R %.2f  F1 %.2f\n", r.Entity.Precision(), r.Entity.Recall(), r.Entity.F1())
	fmt.Fprintf(w, "no focus: date recall %.2f (%d of %d gold mentions)\n", r.Dates.Recall(), r.Dates.GoldMatched, r.Dates.Gold)
	fmt.Fprintf(w, "no focus: merge recall %.2f (%d of %d events told by 2+ articles)\n", r.Merges.Recall(), r.Merges.GoldMatched, r.Merges.Gold)
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "gold names %s absent from the collection: their mentions are left out\n", plural(len(r.Missing), "article", "articles"))
		fmt.Fprintf(w, "  %s\n", strings.Join(r.Missing, ", "))
	}
	if !verbose {
		return nil
	}
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(lines))
		for _, l := range lines {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	for _, e := range r.Entities {
		list(e.Entity+": missed", e.Missed)
		list(e.Entity+": spurious", e.Spurious)
	}
	list("no focus: dates missed", r.MissedDates)
	list("no focus: merges missed", r.MissedMerges)
	return nil
}

// chronologyJSON is the JSON form of a report.
type chronologyJSON struct {
	Entities    []entityJSON `json:"entities"`
	Entity      figuresJSON  `json:"entity"`
	DateRecall  countJSON    `json:"date_recall"`
	MergeRecall countJSON    `json:"merge_recall"`
	Missing     []string     `json:"missing_articles,omitempty"`
}

type entityJSON struct {
	Entity string `json:"entity"`
	figuresJSON
}

type figuresJSON struct {
	Gold          int     `json:"gold"`
	GoldMatched   int     `json:"gold_matched"`
	System        int     `json:"system"`
	SystemMatched int     `json:"system_matched"`
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	F1            float64 `json:"f1"`
}

type countJSON struct {
	Gold    int     `json:"gold"`
	Matched int     `json:"matched"`
	Recall  float64 `json:"recall"`
}

func figures(c chronology.Counts) figuresJSON {
	return figuresJSON{c.Gold, c.GoldMatched, c.System, c.SystemMatched, c.Precision(), c.Recall(), c.F1()}
}

func writeChronologyJSON(w io.Writer, r *chronology.Report) error {
	out := chronologyJSON{
		Entity:      figures(r.Entity),
		DateRecall:  countJSON{r.Dates.Gold, r.Dates.GoldMatched, r.Dates.Recall()},
		MergeRecall: countJSON{r.Merges.Gold, r.Merges.GoldMatched, r.Merges.Recall()},
		Missing:     r.Missing,
	}
	for _, e := range r.Entities {
		out.Entities = append(out.Entities, entityJSON{e.Entity, figures(e.Counts)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
