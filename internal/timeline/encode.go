package timeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/timelined/timelined/internal/dates"
)

// ErrAnalysisVersion is returned by UnmarshalBinary for the encoding of an
// Analysis made by another AnalysisVersion: analyse the article anew.
var ErrAnalysisVersion = errors.New("timeline: analysis of another version")

// MarshalBinary encodes the analysis, everything Merge needs included, for
// UnmarshalBinary to restore: a varint AnalysisVersion, then each field of
// the analysis and of its events in a fixed order (integers as varints,
// strings and lists after their length, hashes and weights in 8 and 4
// bytes). The encoding holds the article's text, and each event's summary:
// a restored analysis is merged at once, as Analyze's is.
//
// It is written by hand: with encoding/gob, which sends its types with
// every value, restoring an analysis cost more than half of making it
// anew.
func (an *Analysis) MarshalBinary() ([]byte, error) {
	e := encoder{buf: make([]byte, 0, len(an.Article.Text)+400*len(an.events)+512)}
	e.uint(uint64(an.Version))
	a := &an.Article
	e.string(a.ID)
	e.string(a.Title)
	e.string(a.Text)
	e.date(a.Published)
	e.string(a.URL)
	e.string(a.Source)
	p := &an.Publication
	e.string(p.ArticleID)
	e.date(p.Date)
	e.bool(p.Inferred)
	e.string(p.Basis)
	e.uint(uint64(len(an.Sentences)))
	for i := range an.Sentences {
		s := &an.Sentences[i]
		e.int(s.Start)
		e.int(s.End)
		e.int(s.Para)
		e.spans(s.Holes)
		e.bool(s.Caption)
	}
	e.spans(an.clean.junk)
	e.spans(an.clean.captions)
	ev := &an.ev
	e.date(ev.header)
	e.uint(uint64(len(ev.explicit)))
	for _, d := range ev.explicit {
		e.date(d.date)
		e.string(d.text)
		e.bool(d.planned)
	}
	e.uint(uint64(len(ev.monthDays)))
	for _, m := range ev.monthDays {
		e.int(int(m.month))
		e.int(m.day)
		e.int(int(m.weekday))
		e.string(m.text)
	}
	e.int(ev.latestYear)
	e.int(int(ev.reportDay))
	e.string(ev.reportText)
	e.ids(an.names)
	e.uint(uint64(len(an.events)))
	for i := range an.events {
		c := &an.events[i]
		q := &c.cit
		e.string(q.ArticleID)
		e.string(q.Quote)
		e.int(q.Start)
		e.int(q.End)
		e.string(q.Expression)
		e.string(q.Value)
		e.bool(q.Caption)
		e.int(int(q.Source))
		e.string(q.Explanation)
		e.int(q.RuneStart)
		e.int(q.RuneEnd)
		e.date(c.start)
		e.date(c.end)
		e.int(c.days)
		e.int(int(c.kind))
		sp := &c.sum
		e.int(int(sp.ms))
		e.int(int(sp.me))
		e.int(int(sp.lo))
		e.int(int(sp.hi))
		e.bool(sp.plan)
		e.bool(sp.split)
		summary, words := c.summary, c.words
		if !c.summed {
			summary, words = c.writeSummary(an)
		}
		e.string(summary)
		e.int(words)
		e.tokens(c.tokens)
		e.uint(uint64(len(c.alts)))
		for _, d := range c.alts {
			e.date(d)
		}
		e.ids(c.subject)
		e.ids(c.names)
		e.uint64(c.sig)
		e.int(c.leadOrder)
		e.bool(c.weak)
		e.bool(c.past)
		e.tokens(c.core)
		e.bool(c.proposal)
		e.bool(c.refers)
		e.tokens(c.head)
		e.ids(c.frame.ids)
		e.buf = append(e.buf, c.frame.n[:]...)
		e.bool(c.lead)
		e.bool(c.back)
	}
	return e.buf, nil
}

// UnmarshalBinary restores an analysis MarshalBinary encoded. It returns
// ErrAnalysisVersion (wrapped) for an analysis of another AnalysisVersion,
// and an error for data that is not an analysis; an then is unchanged.
func (an *Analysis) UnmarshalBinary(data []byte) error {
	return an.unmarshal(data, nil)
}

// unmarshal is UnmarshalBinary; the strings of known (the article the
// analysis is of, when the caller holds it) are used for the article's
// and its events' strings that equal them, rather than copies: a story
// holds each text once, its events' quotes slices of it.
func (an *Analysis) unmarshal(data []byte, known *Article) error {
	v, n := binary.Uvarint(data)
	if n <= 0 {
		return errors.New("timeline: decode analysis: no version")
	}
	if v != AnalysisVersion {
		return fmt.Errorf("%w: %d, want %d", ErrAnalysisVersion, v, AnalysisVersion)
	}
	d := decoder{buf: data[n:], known: known}
	out := d.analysis()
	if d.err == nil && len(d.buf) > 0 {
		d.err = fmt.Errorf("%d bytes after the analysis", len(d.buf))
	}
	if d.err != nil {
		return fmt.Errorf("timeline: decode analysis: %w", d.err)
	}
	out.Version = int(v)
	if err := out.check(); err != nil {
		return fmt.Errorf("timeline: decode analysis of %q: %w", out.Article.ID, err)
	}
	*an = *out
	return nil
}

// encoder appends the encoding of an analysis to buf.
type encoder struct{ buf []byte }

func (e *encoder) uint(x uint64)   { e.buf = binary.AppendUvarint(e.buf, x) }
func (e *encoder) int(x int)       { e.buf = binary.AppendVarint(e.buf, int64(x)) }
func (e *encoder) uint64(x uint64) { e.buf = binary.LittleEndian.AppendUint64(e.buf, x) }

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) string(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) date(d dates.Date) {
	e.int(d.Year)
	e.int(int(d.Month))
	e.int(d.Day)
}

func (e *encoder) spans(ss []Span) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.int(s.Start)
		e.int(s.End)
	}
}

func (e *encoder) ids(xs []uint64) {
	e.uint(uint64(len(xs)))
	for _, x := range xs {
		e.uint64(x)
	}
}

func (e *encoder) tokens(ts []token) {
	e.uint(uint64(len(ts)))
	for _, t := range ts {
		e.uint64(t.id)
		e.buf = binary.LittleEndian.AppendUint32(e.buf, math.Float32bits(t.weight))
		var flags byte
		if t.name {
			flags |= 1
		}
		if t.key {
			flags |= 2
		}
		if t.clause {
			flags |= 4
		}
		e.buf = append(e.buf, flags)
	}
}

// decoder reads what encoder wrote from buf. The first error sticks: every
// read after it gives zeros, and a length is never trusted beyond the
// bytes left, so that no input makes it allocate much or panic.
type decoder struct {
	buf   []byte
	err   error
	known *Article // see Analysis.unmarshal; may be nil
}

var errShort = errors.New("unexpected end of data")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.buf = nil
}

func (d *decoder) uint() uint64 {
	x, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	d.buf = d.buf[n:]
	return x
}

func (d *decoder) int() int {
	x, n := binary.Varint(d.buf)
	if n <= 0 || int64(int(x)) != x {
		d.fail(errShort)
		return 0
	}
	d.buf = d.buf[n:]
	return int(x)
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || n > len(d.buf) {
		d.fail(errShort)
		return nil
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) uint64() uint64 {
	if b := d.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *decoder) bool() bool {
	b := d.bytes(1)
	return b != nil && b[0] != 0
}

// length reads the length of a list whose elements take at least min
// bytes each.
func (d *decoder) length(min int) int {
	n := d.uint()
	if n > uint64(len(d.buf)/min) {
		d.fail(errShort)
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.length(1)
	return string(d.bytes(n))
}

// stringAs is string, returning s itself when the string read equals it.
func (d *decoder) stringAs(s string) string {
	b := d.bytes(d.length(1))
	if string(b) == s {
		return s
	}
	return string(b)
}

func (d *decoder) date() dates.Date {
	return dates.Date{Year: d.int(), Month: time.Month(d.int()), Day: d.int()}
}

func (d *decoder) spans() []Span {
	n := d.length(2)
	if n == 0 {
		return nil
	}
	out := make([]Span, n)
	for i := range out {
		out[i] = Span{Start: d.int(), End: d.int()}
	}
	return out
}

func (d *decoder) ids() []uint64 {
	n := d.length(8)
	if n == 0 {
		return nil
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = d.uint64()
	}
	return out
}

func (d *decoder) tokens() []token {
	n := d.length(13)
	if n == 0 {
		return nil
	}
	out := make([]token, n)
	for i := range out {
		b := d.bytes(13)
		if b == nil {
			return nil
		}
		out[i] = token{
			id:     binary.LittleEndian.Uint64(b),
			weight: math.Float32frombits(binary.LittleEndian.Uint32(b[8:])),
			name:   b[12]&1 != 0, key: b[12]&2 != 0, clause: b[12]&4 != 0,
		}
	}
	return out
}

// analysis reads an analysis, all but its version.
func (d *decoder) analysis() *Analysis {
	an := &Analysis{}
	a := &an.Article
	if k := d.known; k != nil {
		a.ID, a.Title, a.Text = d.stringAs(k.ID), d.stringAs(k.Title), d.stringAs(k.Text)
	} else {
		a.ID, a.Title, a.Text = d.string(), d.string(), d.string()
	}
	a.Published = d.date()
	a.URL, a.Source = d.string(), d.string()
	p := &an.Publication
	p.ArticleID, p.Date, p.Inferred, p.Basis = d.string(), d.date(), d.bool(), d.string()
	if n := d.length(5); n > 0 {
		an.Sentences = make([]Sentence, n)
		for i := range an.Sentences {
			s := &an.Sentences[i]
			s.Start, s.End, s.Para = d.int(), d.int(), d.int()
			s.Holes = d.spans()
			s.Caption = d.bool()
		}
	}
	an.clean.junk, an.clean.captions = d.spans(), d.spans()
	ev := &an.ev
	ev.header = d.date()
	if n := d.length(5); n > 0 {
		ev.explicit = make([]datedText, n)
		for i := range ev.explicit {
			ev.explicit[i] = datedText{date: d.date(), text: d.string(), planned: d.bool()}
		}
	}
	if n := d.length(4); n > 0 {
		ev.monthDays = make([]monthDay, n)
		for i := range ev.monthDays {
			ev.monthDays[i] = monthDay{month: time.Month(d.int()), day: d.int(), weekday: time.Weekday(d.int()), text: d.string()}
		}
	}
	ev.latestYear, ev.reportDay, ev.reportText = d.int(), time.Weekday(d.int()), d.string()
	an.names = d.ids()
	text := a.Text
	if n := d.length(40); n > 0 {
		an.events = make([]event, n)
		for i := range an.events {
			c := &an.events[i]
			q := &c.cit
			q.ArticleID = d.stringAs(a.ID)
			quote := d.bytes(d.length(1))
			q.Start, q.End = d.int(), d.int()
			// The quote is the text there: kept as a slice of the text.
			if d.err == nil && (q.Start < 0 || q.Start > q.End || q.End > len(text) || text[q.Start:q.End] != string(quote)) {
				d.fail(fmt.Errorf("event %d quotes [%d, %d), not the text there", i, q.Start, q.End))
			}
			if d.err == nil {
				q.Quote = text[q.Start:q.End]
			}
			q.Expression, q.Value, q.Caption = d.string(), d.string(), d.bool()
			q.Source, q.Explanation = DateSource(d.int()), d.string()
			q.RuneStart, q.RuneEnd = d.int(), d.int()
			c.start, c.end, c.days, c.kind = d.date(), d.date(), d.int(), Kind(d.int())
			c.sum = summarySpec{ms: int32(d.int()), me: int32(d.int()), lo: int32(d.int()), hi: int32(d.int()), plan: d.bool(), split: d.bool()}
			c.summary, c.words, c.summed = d.string(), d.int(), true
			c.tokens = d.tokens()
			if n := d.length(3); n > 0 {
				c.alts = make([]dates.Date, n)
				for k := range c.alts {
					c.alts[k] = d.date()
				}
			}
			c.subject, c.names, c.sig, c.leadOrder = d.ids(), d.ids(), d.uint64(), d.int()
			c.weak, c.past = d.bool(), d.bool()
			c.core, c.proposal, c.refers, c.head = d.tokens(), d.bool(), d.bool(), d.tokens()
			c.frame.ids = d.ids()
			if b := d.bytes(3); b != nil {
				c.frame.n = [3]uint8{b[0], b[1], b[2]}
			}
			c.lead = d.bool()
			c.back = d.bool()
		}
	}
	return an
}

// check checks what Merge relies on in a decoded analysis: offsets inside
// the text, events on sentences of the analysis, frames whose lists fit.
func (an *Analysis) check() error {
	text := an.Article.Text
	for _, s := range an.Sentences {
		if s.Start < 0 || s.Start > s.End || s.End > len(text) {
			return fmt.Errorf("sentence [%d, %d) outside the text (%d bytes)", s.Start, s.End, len(text))
		}
		at := s.Start
		for _, h := range s.Holes {
			if h.Start < at || h.Start > h.End || h.End > s.End {
				return fmt.Errorf("sentence [%d, %d) has a hole [%d, %d) out of order", s.Start, s.End, h.Start, h.End)
			}
			at = h.End
		}
	}
	for i := range an.events {
		c := &an.events[i]
		if c.leadOrder < 0 || c.leadOrder >= len(an.Sentences) {
			return fmt.Errorf("event %d is told by sentence %d of %d", i, c.leadOrder, len(an.Sentences))
		}
		if n := int32(len(an.Sentences[c.leadOrder].Text(text))); !validSummary(c.sum, n) {
			return fmt.Errorf("event %d summarises [%d, %d) of a sentence of %d bytes", i, c.sum.lo, c.sum.hi, n)
		}
		if f := &c.frame; int(f.n[0])+int(f.n[1])+int(f.n[2]) > len(f.ids) {
			return fmt.Errorf("event %d has a frame of %d words, not %d", i, len(f.ids), int(f.n[0])+int(f.n[1])+int(f.n[2]))
		}
		// Merging walks token lists side by side and ranks them as
		// integer keys: each must be sorted by id, with no id twice.
		if !distinctSorted(c.tokens) || !distinctSorted(c.core) || !distinctSorted(c.head) {
			return fmt.Errorf("event %d has a word list not sorted by id, or a word twice", i)
		}
	}
	return nil
}

// distinctSorted reports whether ts is sorted by id with no id twice, as
// tokenize leaves a list.
func distinctSorted(ts []token) bool {
	for k := 1; k < len(ts); k++ {
		if ts[k].id <= ts[k-1].id {
			return false
		}
	}
	return true
}

// validSummary reports whether sp lies in a clean sentence text of n bytes.
func validSummary(sp summarySpec, n int32) bool {
	if sp.ms < 0 || sp.ms > sp.me || sp.me > n {
		return false
	}
	return !sp.split || 0 <= sp.lo && sp.lo <= sp.ms && sp.me <= sp.hi && sp.hi <= n
}
