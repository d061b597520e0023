package chronology

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/timelined/timelined/internal/dates"
)

// Corpus is a collection in the SemEval-2015 Task 4 layout: the articles
// (timeml/*.tml) and the gold entity timelines (gold/*.txt).
type Corpus struct {
	// Docs are the articles, sorted by ID.
	Docs []*Document
	// Timelines are the gold entity timelines, sorted by file name.
	Timelines []*Timeline
	// Missing lists the articles the gold timelines name that the collection
	// lacks, sorted. Their mentions are left out of every measure (no system
	// can cite an article it was not given), and the report says so.
	Missing []string
}

// Document is one article of the collection, its tokenized sentences
// written back as plain text.
type Document struct {
	ID    string
	Title string
	// Published is the document creation time (DCT).
	Published dates.Date
	// Text is the article as a reader would see it: the dateline (sentence
	// 1) on its own line, then the other sentences, detokenized ("Apple 's
	// shop ." -> "Apple's shop."), joined by single spaces in one
	// paragraph: the layout keeps no paragraph breaks.
	Text string
	// Sentences are the corpus's sentences with their byte ranges in Text,
	// in order.
	Sentences []Sentence
}

// Sentence is one numbered sentence of a Document: Text[Start:End].
type Sentence struct {
	ID         int
	Start, End int
}

// SentenceAt returns the ID of the sentence holding byte offset off of
// d.Text: the sentence it falls in, else the next one (an offset on the
// space between two sentences belongs to the second); 0 when none does.
func (d *Document) SentenceAt(off int) int {
	i, _ := slices.BinarySearchFunc(d.Sentences, off, func(s Sentence, off int) int {
		if s.End <= off {
			return -1
		}
		if s.Start > off {
			return 1
		}
		return 0
	})
	if i < len(d.Sentences) {
		return d.Sentences[i].ID
	}
	return 0
}

// Timeline is one gold entity timeline.
type Timeline struct {
	// Entity is the entity's name, the first line of the file.
	Entity string
	// File is the file's base name.
	File   string
	Events []Event
}

// Event is one line of a gold timeline: an event, its date and where the
// articles tell it.
type Event struct {
	// Order is the event's place in the timeline (events sharing it are
	// simultaneous).
	Order int
	// Date is the date as written ("2008-06-09", "2007-XX-XX", "2008-03-XX",
	// "1976", "XXXX-XX-XX").
	Date string
	// Start and End are the inclusive interval Date covers; zero when the
	// date is unknown (all X).
	Start, End dates.Date
	Mentions   []Mention
}

// Dated reports whether the event has a date.
func (e *Event) Dated() bool { return !e.Start.IsZero() }

// Mention is one telling of an event: the article, the sentence and the
// event word (DOCID-SENTENCE-WORD).
type Mention struct {
	Doc      string
	Sentence int
	Word     string
}

// Load reads a collection from dir, which holds timeml/ and gold/.
func Load(dir string) (*Corpus, error) {
	tmls, err := filepath.Glob(filepath.Join(dir, "timeml", "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(tmls) == 0 {
		return nil, fmt.Errorf("%s: no timeml/*.tml files (want the SemEval-2015 Task 4 layout: timeml/ and gold/)", dir)
	}
	golds, err := filepath.Glob(filepath.Join(dir, "gold", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: no gold/*.txt timelines", dir)
	}
	c := &Corpus{}
	ids := map[string]bool{}
	for _, p := range tmls {
		d, err := readDocumentFile(p)
		if err != nil {
			return nil, err
		}
		if ids[d.ID] {
			return nil, fmt.Errorf("%s: DOCID %s given twice", p, d.ID)
		}
		ids[d.ID] = true
		c.Docs = append(c.Docs, d)
	}
	slices.SortFunc(c.Docs, func(a, b *Document) int { return strings.Compare(a.ID, b.ID) })
	slices.Sort(golds)
	missing := map[string]bool{}
	for _, p := range golds {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		tl, err := ReadTimeline(f, filepath.Base(p))
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, e := range tl.Events {
			for _, m := range e.Mentions {
				if !ids[m.Doc] {
					missing[m.Doc] = true
				}
			}
		}
		c.Timelines = append(c.Timelines, tl)
	}
	for id := range missing {
		c.Missing = append(c.Missing, id)
	}
	slices.Sort(c.Missing)
	return c, nil
}

// Doc returns the document with the given ID, or nil.
func (c *Corpus) Doc(id string) *Document {
	i, ok := slices.BinarySearchFunc(c.Docs, id, func(d *Document, id string) int { return strings.Compare(d.ID, id) })
	if !ok {
		return nil
	}
	return c.Docs[i]
}

func readDocumentFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ReadDocument(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ReadDocument reads one TimeML article of the layout: its DOCID, DCT,
// headline (EXTRAINFO) and sentences (<s id="N">, tokens separated by
// spaces). Tags inside sentences (EVENT, TIMEX3) are ignored.
func ReadDocument(r io.Reader) (*Document, error) {
	dec := xml.NewDecoder(r)
	d := &Document{}
	var (
		where string // the element whose text is being read
		text  strings.Builder
		sid   int
		sents []string
		order []int
		dct   string
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "DOCID", "EXTRAINFO":
				where = t.Name.Local
				text.Reset()
			case "s":
				where = "s"
				text.Reset()
				sid = 0
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						sid, _ = strconv.Atoi(a.Value)
					}
				}
				if sid <= 0 {
					return nil, fmt.Errorf("sentence %d has no positive id", len(sents)+1)
				}
			case "TIMEX3":
				if where == "" && dct == "" {
					for _, a := range t.Attr {
						if a.Name.Local == "value" {
							dct = a.Value
						}
					}
				}
			}
		case xml.CharData:
			if where != "" {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "DOCID":
				d.ID = strings.TrimSpace(text.String())
				where = ""
			case "EXTRAINFO":
				d.Title = detokenize(strings.Fields(text.String()))
				where = ""
			case "s":
				sents = append(sents, text.String())
				order = append(order, sid)
				where = ""
			}
		}
	}
	if d.ID == "" {
		return nil, errors.New("no DOCID")
	}
	if len(dct) < 10 {
		return nil, fmt.Errorf("document %s: no DCT value", d.ID)
	}
	pub, err := dates.ParseDate(dct[:10])
	if err != nil {
		return nil, fmt.Errorf("document %s: DCT: %w", d.ID, err)
	}
	d.Published = pub
	if len(sents) == 0 {
		return nil, fmt.Errorf("document %s: no sentences", d.ID)
	}
	var b strings.Builder
	for i, s := range sents {
		switch {
		case i == 1:
			b.WriteByte('\n') // the dateline is a line of its own
		case i > 1:
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(detokenize(strings.Fields(s)))
		d.Sentences = append(d.Sentences, Sentence{ID: order[i], Start: start, End: b.Len()})
	}
	d.Text = b.String()
	return d, nil
}

// ReadTimeline reads one gold timeline: the entity on the first line, then
// one event a line: order, date and mentions, tab-separated.
func ReadTimeline(r io.Reader, name string) (*Timeline, error) {
	tl := &Timeline{File: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			tl.Entity = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
			if tl.Entity == "" {
				return nil, fmt.Errorf("%s:1: no entity name", name)
			}
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want ORDER, DATE and mentions separated by tabs, got %q", name, line, s)
		}
		order, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: order %q: %w", name, line, f[0], err)
		}
		e := Event{Order: order, Date: strings.TrimSpace(f[1])}
		if e.Start, e.End, err = goldInterval(e.Date); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		for _, m := range f[2:] {
			m = strings.TrimSpace(m)
			if m == "" {
				continue
			}
			parts := strings.SplitN(m, "-", 3)
			if len(parts) != 3 {
				return nil, fmt.Errorf("%s:%d: mention %q is not DOCID-SENTENCE-WORD", name, line, m)
			}
			sent, err := strconv.Atoi(parts[1])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: mention %q: sentence: %w", name, line, m, err)
			}
			e.Mentions = append(e.Mentions, Mention{Doc: parts[0], Sentence: sent, Word: parts[2]})
		}
		tl.Events = append(tl.Events, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	return tl, nil
}

// goldInterval reads a gold date: a day, month or year, with unknown
// parts written X ("2007-XX-XX" is the year 2007, "2008-03-XX" March 2008);
// a date with an unknown year has no interval.
func goldInterval(v string) (dates.Date, dates.Date, error) {
	parts := strings.Split(v, "-")
	for len(parts) > 1 && strings.Trim(parts[len(parts)-1], "X") == "" {
		parts = parts[:len(parts)-1]
	}
	if strings.Trim(parts[0], "X") == "" {
		return dates.Date{}, dates.Date{}, nil
	}
	s, e, ok := dates.Interval(strings.Join(parts, "-"))
	if !ok {
		return dates.Date{}, dates.Date{}, fmt.Errorf("date %q is not a day, month or year", v)
	}
	return s, e, nil
}

// detokenize writes tokens back as text: no space before closing
// punctuation and clitics ("Apple 's" -> "Apple's", "do n't" -> "don't"),
// none after opening brackets and currency signs, and straight double
// quotes alternately opening and closing.
func detokenize(toks []string) string {
	var b strings.Builder
	noSpaceNext := true
	open := false // a straight double quote is open
	for _, t := range toks {
		space := !noSpaceNext
		noSpaceNext = false
		switch {
		case t == `"`:
			if open {
				space = false
			} else {
				noSpaceNext = true
			}
			open = !open
		case isClosing(t):
			space = false
		case t == "(" || t == "[" || t == "{" || t == "$" || t == "#" || t == "“" || t == "‘":
			noSpaceNext = true
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// isClosing reports whether token t attaches to the token before it.
func isClosing(t string) bool {
	switch t {
	case ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...", "”", "’", "'", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m":
		return true
	}
	return false
}
