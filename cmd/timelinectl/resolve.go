package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"google.golang.org/protobuf/proto"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/evaluate"
)

func resolveFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("resolve", flag.ContinueOnError)
	var conn connFlags
	conn.register(fs)
	format := fs.String("format", "table", "output `FORMAT`: table, json (an array of ResolveDatesResponse) or timeml")
	date := fs.String("date", "", "resolve every article against this publication date `YYYY-MM-DD` (default: the article's own, or inferred)")
	var doc docTypeFlags
	doc.register(fs)
	out := fs.String("out", "", "with --format timeml, write one DOCID.tml per article into `DIR` (needed for several articles)")
	return fs, func(ctx context.Context, paths []string) error {
		switch *format {
		case "table", "json":
			if *out != "" {
				return usagef("--out is for --format timeml")
			}
		case "timeml":
		default:
			return usagef("unknown --format %q (want table, json or timeml)", *format)
		}
		if *date != "" {
			if _, err := dates.ParseDate(*date); err != nil {
				return usagef("--date: %v", err)
			}
		}
		inputs, err := loadInputs(paths)
		if err != nil {
			return err
		}
		if *format == "timeml" && *out == "" && len(inputs) > 1 {
			return usagef("--format timeml with %d articles needs --out DIR (one .tml file each)", len(inputs))
		}
		docType, _, err := doc.get()
		if err != nil {
			return err
		}
		resps := make([]*timelinev1.ResolveDatesResponse, len(inputs))
		err = conn.with(ctx, func(ctx context.Context, svc backend) error {
			// Articles are independent: resolve them on every core (or, with
			// --addr, as concurrent calls), in input order on output.
			return forEach(ctx, len(inputs), func(ctx context.Context, i int) error {
				in := inputs[i]
				if *date != "" {
					in.article.PublishedDate = *date
					in.dct = ""
				}
				req := &timelinev1.ResolveDatesRequest{Article: in.article, DocumentType: docType}
				resp, err := svc.ResolveDates(ctx, req)
				if err != nil {
					return fmt.Errorf("article %s: %w", in.article.GetId(), callError(err))
				}
				if resp.GetPublication() == nil {
					resp.Publication = &timelinev1.PublicationDate{}
				}
				if resp.Publication.ArticleId == "" {
					resp.Publication.ArticleId = in.article.GetId()
				}
				resps[i] = resp
				return nil
			})
		})
		if err != nil {
			return err
		}
		switch *format {
		case "json":
			msgs := make([]proto.Message, len(resps))
			for i, r := range resps {
				msgs[i] = r
			}
			return writeJSON(stdout, true, msgs...)
		case "timeml":
			return writeTimeML(stdout, *out, inputs, resps)
		}
		return writeResolveTable(stdout, inputs, resps)
	}
}

func writeResolveTable(w io.Writer, inputs []input, resps []*timelinev1.ResolveDatesResponse) error {
	var b bytes.Buffer
	for i, in := range inputs {
		a, r := in.article, resps[i]
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "== %s", a.GetId())
		if t := oneLine(a.GetTitle()); t != "" {
			fmt.Fprintf(&b, ": %s", truncate(t, lineWidth-len(a.GetId())-5))
		}
		b.WriteByte('\n')
		fmt.Fprintf(&b, "published %s\n\n", publicationLine(r.GetPublication()))
		if len(r.GetMentions()) == 0 {
			b.WriteString("  (no temporal expressions)\n")
			continue
		}
		var t table
		t.add("SPAN", "TEXT", "TYPE", "VALUE", "INTERVAL")
		for _, m := range r.GetMentions() {
			value := m.GetValue()
			if m.GetMod() != "" {
				value += " mod=" + m.GetMod()
			}
			row := t.add(fmt.Sprintf("%d-%d", m.GetStart(), m.GetEnd()), truncate(oneLine(m.GetText()), 32),
				typeName(m.GetType()), value, interval(m.GetStartDate(), m.GetEndDate()))
			if e := oneLine(m.GetExplanation()); e != "" {
				t.note(row, "why: "+e)
			}
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// publicationLine says which date an article was resolved against and how
// it was obtained.
func publicationLine(p *timelinev1.PublicationDate) string {
	switch {
	case p.GetDate() == "":
		return "date unknown: " + orDash(oneLine(p.GetBasis()))
	case p.GetInferred():
		return p.GetDate() + " (inferred: " + oneLine(p.GetBasis()) + ")"
	}
	return p.GetDate() + " (given)"
}

// typeName is the TIMEX3 type name of t ("DATE").
func typeName(t timelinev1.TimexType) string {
	return strings.TrimPrefix(t.String(), "TIMEX_TYPE_")
}

func interval(start, end string) string {
	switch {
	case start == "":
		return "-"
	case start == end || end == "":
		return start
	}
	return start + ".." + end
}

// writeTimeML writes each article with its mentions as TIMEX3 tags: to w
// when dir is empty (one article), else to dir/ID.tml.
func writeTimeML(w io.Writer, dir string, inputs []input, resps []*timelinev1.ResolveDatesResponse) error {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("output folder: %w", err)
		}
	}
	for i, in := range inputs {
		doc, err := timeMLDocument(in, resps[i])
		if err != nil {
			return err
		}
		if dir == "" {
			if err := evaluate.WriteTimeML(w, doc); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		if err := evaluate.WriteTimeML(&buf, doc); err != nil {
			return err
		}
		name := filepath.Join(dir, fileName(doc.ID)+".tml")
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// timeMLDocument converts a response back to byte offsets into the text, the
// unit TimeML tools count in.
func timeMLDocument(in input, r *timelinev1.ResolveDatesResponse) (*evaluate.Document, error) {
	a := in.article
	doc := &evaluate.Document{ID: a.GetId(), Text: a.GetText(), DCTValue: in.dct}
	if d := r.GetPublication().GetDate(); d != "" {
		dct, err := dates.ParseDate(d)
		if err != nil {
			return nil, fmt.Errorf("article %s: publication date: %w", a.GetId(), err)
		}
		doc.DCT = dct
	}
	if doc.DCTValue != "" && !strings.HasPrefix(doc.DCTValue, doc.DCT.String()) {
		doc.DCTValue = "" // the date was inferred or overridden: write the one used
	}
	// The proto counts code points; evaluate converts them (and checks
	// them) the way it does for external systems.
	sys := &evaluate.SystemOutput{Units: evaluate.UnitCodePoints, Docs: map[string][]evaluate.Timex{doc.ID: nil}}
	for _, m := range r.GetMentions() {
		sys.Docs[doc.ID] = append(sys.Docs[doc.ID], evaluate.Timex{
			Start: int(m.GetStart()), End: int(m.GetEnd()),
			Type:  typeName(m.GetType()),
			Value: m.GetValue(), Mod: m.GetMod(),
		})
	}
	spans, err := sys.Spans([]*evaluate.Document{doc})
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", a.GetId(), err)
	}
	doc.Timexes = spans[doc.ID]
	return doc, nil
}

// fileName makes an article id usable as a file name.
func fileName(id string) string {
	s := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 {
			return '_'
		}
		return r
	}, id)
	if s == "" || s == "." || s == ".." {
		s = "_" + s
	}
	return s
}

// forEach runs f(0..n-1) on GOMAXPROCS workers and returns the first error;
// the context f gets is cancelled once any call fails.
func forEach(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(ctx, i); err != nil {
					cancel(err)
				}
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && ctx.Err() != nil {
		return err
	}
	return nil
}
