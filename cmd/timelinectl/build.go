package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
)

func buildFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	var conn connFlags
	conn.register(fs)
	format := fs.String("format", "table", "output `FORMAT`: table, markdown or json (protojson of the response)")
	windowStart := fs.String("window-start", "", "first day `YYYY-MM-DD` of the story window (default: derived from the articles)")
	windowEnd := fs.String("window-end", "", "last day `YYYY-MM-DD` of the story window (default: derived from the articles)")
	noDates := fs.Bool("no-dates", false, "leave the publication dates out, so that the service infers them from the text")
	var focus stringsFlag
	fs.Var(&focus, "focus", "keep only the events in which the entity `NAME` takes part (a company, a product, a person; repeatable)")
	return fs, func(ctx context.Context, paths []string) error {
		write, ok := map[string]func(io.Writer, *buildOutput) error{
			"table":    writeBuildTable,
			"markdown": writeBuildMarkdown,
			"json": func(w io.Writer, out *buildOutput) error {
				return writeJSON(w, false, out.resp)
			},
		}[*format]
		if !ok {
			return usagef("unknown --format %q (want table, markdown or json)", *format)
		}
		inputs, err := loadInputs(paths)
		if err != nil {
			return err
		}
		req := &timelinev1.BuildTimelineRequest{WindowStart: *windowStart, WindowEnd: *windowEnd, Focus: focus}
		for _, in := range inputs {
			if *noDates {
				in.article.PublishedDate = ""
			}
			req.Articles = append(req.Articles, in.article)
		}
		var resp *timelinev1.BuildTimelineResponse
		err = conn.with(ctx, func(ctx context.Context, svc backend) error {
			resp, err = svc.BuildTimeline(ctx, req)
			return callError(err)
		})
		if err != nil {
			return err
		}
		return write(stdout, newBuildOutput(req, resp))
	}
}

// buildOutput is a response with what its renderings need from the request.
type buildOutput struct {
	resp *timelinev1.BuildTimelineResponse
	// articles are the request's articles in order; article i is referred
	// to as i+1 in the table.
	articles []outputArticle
	label    map[string]string
	// focus says the request named focus entities: each entry's summary
	// then says which of them it involves.
	focus bool
}

type outputArticle struct {
	id, title string
	pub       *timelinev1.PublicationDate // nil when the response lacks it
}

func newBuildOutput(req *timelinev1.BuildTimelineRequest, resp *timelinev1.BuildTimelineResponse) *buildOutput {
	pubs := make(map[string]*timelinev1.PublicationDate)
	for _, p := range resp.GetArticles() {
		pubs[p.GetArticleId()] = p
	}
	out := &buildOutput{resp: resp, label: make(map[string]string), focus: len(req.GetFocus()) > 0}
	for i, a := range req.GetArticles() {
		out.label[a.GetId()] = strconv.Itoa(i + 1)
		out.articles = append(out.articles, outputArticle{a.GetId(), a.GetTitle(), pubs[a.GetId()]})
	}
	return out
}

// published says which publication date an article was read with and how
// it was obtained ("given", "inferred" or "unknown").
func (a outputArticle) published() (date, how string) {
	date, how = a.pub.GetDate(), "given"
	if a.pub.GetInferred() {
		how = "inferred"
	}
	if date == "" {
		date, how = "unknown", "not given, not inferred"
	}
	return date, how
}

// sources returns the distinct articles an entry cites, in citation order.
func sources(e *timelinev1.TimelineEntry) []string {
	var ids []string
	seen := make(map[string]bool)
	for _, c := range e.GetCitations() {
		if id := c.GetArticleId(); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// summary is the entry's summary as printed: one line, planned events marked.
func summary(e *timelinev1.TimelineEntry) string {
	s := oneLine(e.GetSummary())
	if e.GetKind() == timelinev1.EntryKind_ENTRY_KIND_PLANNED {
		s = "(planned) " + s
	}
	return s
}

// summary is summary(e), led by the focus entities e involves when the
// request named some: "[Putin] Putin proposed a call ...".
func (o *buildOutput) summary(e *timelinev1.TimelineEntry) string {
	if !o.focus {
		return summary(e)
	}
	return "[" + strings.Join(e.GetFocus(), ", ") + "] " + summary(e)
}

// maxSourcesWidth bounds the SOURCES column, so that a story told by dozens
// of articles still leaves room for the summary; N gives the full count.
const maxSourcesWidth = 20

// labels returns the articles' numbers, comma-separated; with width > 0,
// cut after the last number that fits in width runes, ending with "…".
func (o *buildOutput) labels(ids []string, width int) string {
	var b strings.Builder
	n := 0
	for i, id := range ids {
		next, ok := o.label[id]
		if !ok {
			next = id
		}
		if i > 0 {
			next = "," + next
		}
		room := width
		if i < len(ids)-1 {
			room -= 2 // keep room for ",…"
		}
		if width > 0 && n+utf8.RuneCountInString(next) > room {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("…")
			break
		}
		b.WriteString(next)
		n += utf8.RuneCountInString(next)
	}
	return b.String()
}

func writeBuildTable(w io.Writer, o *buildOutput) error {
	r := o.resp
	var b strings.Builder
	fmt.Fprintf(&b, "Timeline %s to %s: %s from %s\n\n", orDash(r.GetWindowStart()), orDash(r.GetWindowEnd()),
		plural(len(r.GetEntries()), "entry", "entries"), plural(len(o.articles), "article", "articles"))
	o.entryTable(&b, r.GetEntries())
	if bg := r.GetBackground(); len(bg) > 0 {
		fmt.Fprintf(&b, "\nBackground, outside the window: %s\n\n", plural(len(bg), "entry", "entries"))
		o.entryTable(&b, bg)
	}
	o.conflicts(&b, "\n* Sources disagree on the date:\n\n", func(e *timelinev1.TimelineEntry, c *timelinev1.Conflict) {
		fmt.Fprintf(&b, "  %s  %s\n      %s\n", e.GetDate(), truncate(o.summary(e), lineWidth-len(e.GetDate())-4),
			o.conflictLine(e, c))
	})
	b.WriteString("\nArticles (SOURCES above refer to these numbers)\n\n")
	var t table
	t.add("#", "ARTICLE", "PUBLISHED", "TITLE")
	numW, idW, pubW := len(strconv.Itoa(len(o.articles))), len("ARTICLE"), len("PUBLISHED")
	for _, a := range o.articles {
		date, how := a.published()
		idW, pubW = max(idW, utf8.RuneCountInString(a.id)), max(pubW, len(date+" ("+how+")"))
	}
	titleW := max(lineWidth-numW-idW-pubW-3*2, 20)
	for i, a := range o.articles {
		date, how := a.published()
		row := t.add(strconv.Itoa(i+1), a.id, date+" ("+how+")", truncate(oneLine(a.title), titleW))
		if basis := oneLine(a.pub.GetBasis()); how != "given" && basis != "" {
			t.note(row, "basis: "+basis)
		}
	}
	if err := t.write(&b); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// entryTable writes entries as DATE, SUMMARY, N (sources), SOURCES, with
// the summary cut to keep lines within lineWidth.
func (o *buildOutput) entryTable(b *strings.Builder, entries []*timelinev1.TimelineEntry) {
	if len(entries) == 0 {
		b.WriteString("  (no dated events)\n")
		return
	}
	type row struct{ date, sum, n, srcs string }
	rows := make([]row, len(entries))
	dateW, nW, srcW := len("DATE"), len("N"), len("SOURCES")
	for i, e := range entries {
		ids := sources(e)
		date := e.GetDate()
		if len(e.GetConflicts()) > 0 {
			date += "*"
		}
		rows[i] = row{date, o.summary(e), strconv.Itoa(len(ids)), o.labels(ids, maxSourcesWidth)}
		dateW, nW, srcW = max(dateW, len(rows[i].date)), max(nW, len(rows[i].n)), max(srcW, len(rows[i].srcs))
	}
	sumW := max(lineWidth-dateW-nW-srcW-3*2, 30)
	var t table
	t.add("DATE", "SUMMARY", "N", "SOURCES")
	for _, r := range rows {
		t.add(r.date, truncate(r.sum, sumW), r.n, r.srcs)
	}
	t.write(b)
}

// conflicts calls each for every conflict of the entries and background;
// it writes heading first when there is any.
func (o *buildOutput) conflicts(b *strings.Builder, heading string, each func(*timelinev1.TimelineEntry, *timelinev1.Conflict)) {
	first := true
	for _, e := range append(append([]*timelinev1.TimelineEntry(nil), o.resp.GetEntries()...), o.resp.GetBackground()...) {
		for _, c := range e.GetConflicts() {
			if first {
				b.WriteString(heading)
				first = false
			}
			each(e, c)
		}
	}
}

// conflictLine says who dates e's event how, with article numbers:
// `2021-03-18 per source 1 ("Thursday"); 2021-03-17 per sources 2,3`.
func (o *buildOutput) conflictLine(e *timelinev1.TimelineEntry, c *timelinev1.Conflict) string {
	per := func(ids []string) string {
		if len(ids) == 1 {
			return "per source " + o.labels(ids, 0)
		}
		return "per sources " + o.labels(ids, 0)
	}
	s := c.GetDate() + " " + per(c.GetArticleIds())
	if exprs := c.GetExpressions(); len(exprs) > 0 {
		s += ` ("` + strings.Join(exprs, `", "`) + `")`
	}
	var agree []string
	for _, id := range sources(e) {
		if !slices.Contains(c.GetArticleIds(), id) {
			agree = append(agree, id)
		}
	}
	if len(agree) > 0 {
		s += "; " + e.GetDate() + " " + per(agree)
	}
	return s
}

func writeBuildMarkdown(w io.Writer, o *buildOutput) error {
	r := o.resp
	var b strings.Builder
	fmt.Fprintf(&b, "# Timeline %s to %s\n\n", orDash(r.GetWindowStart()), orDash(r.GetWindowEnd()))
	o.entryMarkdown(&b, r.GetEntries())
	if bg := r.GetBackground(); len(bg) > 0 {
		b.WriteString("\n## Background\n\nDated events outside the story window.\n\n")
		o.entryMarkdown(&b, bg)
	}
	o.conflicts(&b, "\n## Conflicting dates\n\n", func(e *timelinev1.TimelineEntry, c *timelinev1.Conflict) {
		note := oneLine(c.GetNote())
		if note == "" {
			note = o.conflictLine(e, c)
		}
		fmt.Fprintf(&b, "- **%s** %s: %s\n", e.GetDate(), o.summary(e), note)
	})
	b.WriteString("\n## Articles\n\n| # | Article | Title | Published | Basis |\n| --- | --- | --- | --- | --- |\n")
	for i, a := range o.articles {
		date, how := a.published()
		if how != "given" {
			date += " (" + how + ")"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s |\n", i+1, escapeCell(a.id), escapeCell(a.title),
			escapeCell(date), escapeCell(a.pub.GetBasis()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (o *buildOutput) entryMarkdown(b *strings.Builder, entries []*timelinev1.TimelineEntry) {
	if len(entries) == 0 {
		b.WriteString("No dated events.\n")
		return
	}
	b.WriteString("| Date | Event | N | Sources |\n| --- | --- | --- | --- |\n")
	for _, e := range entries {
		ids := sources(e)
		date := e.GetDate()
		if len(e.GetConflicts()) > 0 {
			date += "\\*"
		}
		fmt.Fprintf(b, "| %s | %s | %d | %s |\n", escapeCell(date), escapeCell(o.summary(e)), len(ids),
			escapeCell(strings.Join(ids, ", ")))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
