package timeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"github.com/timelined/timelined/internal/dates"
)

// AnalysisVersion names the encoding of an article's analysis and the rules
// that made it (see Cache.Encode). It changes whenever an analysis encoded
// before would no longer equal a fresh one: a new field, or a change of the
// cleaning, splitting, dating, tokenizing or stemming rules. A stored
// analysis of another version is analysed anew.
const AnalysisVersion = 1

// ErrAnalysisVersion is returned by Cache.Restore for an analysis encoded
// by another AnalysisVersion.
var ErrAnalysisVersion = errors.New("analysis of another version")

// Encode returns the analysis the cache holds of a, encoded to be stored
// beside the article and given back to Restore, or nil when the cache does
// not hold it. The encoding does not repeat the article's text.
func (c *Cache) Encode(a *Article) []byte {
	if c == nil {
		return nil
	}
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[k]
	if !ok {
		return nil
	}
	an := e.Value.(*analysis)
	if an.text != a.Text || an.title != a.Title || an.published != a.Published {
		return nil
	}
	return an.encode()
}

// Restore puts the analysis of a that Encode returned into the cache, so
// that a later Build given a skips straight to merging. It returns an
// error, and changes nothing, when data is not such an analysis of a (of
// another AnalysisVersion: ErrAnalysisVersion).
func (c *Cache) Restore(a *Article, data []byte) error {
	if c == nil {
		return nil
	}
	an, err := decodeAnalysis(a, data)
	if err != nil {
		return fmt.Errorf("restore analysis of article %q: %w", a.ID, err)
	}
	an.key = c.key(a)
	c.put(an)
	return nil
}

// Forget drops the analysis of a from the cache, if it holds one: a story
// whose article was corrected or removed no longer needs it.
func (c *Cache) Forget(a *Article) {
	if c == nil {
		return
	}
	k := c.key(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[k]; ok {
		c.remove(e)
	}
}

// encode writes an as varints and length-prefixed strings, in the order
// decodeAnalysis reads them. Quotes are offsets into the article's text.
func (an *analysis) encode() []byte {
	w := encoder{buf: make([]byte, 0, 256+64*len(an.cands))}
	w.uint(AnalysisVersion)
	w.date(an.ref)
	w.date(an.ev.header)
	w.uint(uint64(len(an.ev.explicit)))
	for _, x := range an.ev.explicit {
		w.date(x.date)
		w.str(x.text)
		w.bool(x.planned)
	}
	w.uint(uint64(len(an.ev.monthDays)))
	for _, x := range an.ev.monthDays {
		w.int(int64(x.month))
		w.int(int64(x.day))
		w.int(int64(x.weekday))
		w.str(x.text)
	}
	w.int(int64(an.ev.latestYear))
	w.int(int64(an.ev.reportDay))
	w.str(an.ev.reportText)
	w.ids(an.names)
	w.uint(uint64(len(an.cands)))
	for i := range an.cands {
		cd := &an.cands[i]
		w.int(int64(cd.cit.Start))
		w.int(int64(cd.cit.End))
		w.int(int64(cd.cit.RuneStart))
		w.int(int64(cd.cit.RuneEnd))
		w.str(cd.cit.Expression)
		w.str(cd.cit.Value)
		w.bool(cd.cit.Caption)
		w.date(cd.start)
		w.date(cd.end)
		w.int(int64(cd.days))
		w.int(int64(cd.kind))
		w.str(cd.summary)
		w.int(int64(cd.words))
		w.tokens(cd.tokens)
		w.uint(uint64(len(cd.alts)))
		for _, d := range cd.alts {
			w.date(d)
		}
		w.ids(cd.subject)
		w.ids(cd.names)
		w.uint(cd.sig)
		w.int(int64(cd.leadOrder))
		w.tokens(cd.core)
		w.bool(cd.proposal)
		w.tokens(cd.head)
		w.bool(cd.refers)
	}
	return w.buf
}

// decodeAnalysis reads what encode wrote for article a.
func decodeAnalysis(a *Article, data []byte) (*analysis, error) {
	r := decoder{buf: data}
	if v := r.uint(); r.err == nil && v != AnalysisVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrAnalysisVersion, v, AnalysisVersion)
	}
	an := &analysis{title: a.Title, text: a.Text, published: a.Published}
	an.ref = r.date()
	an.ev.header = r.date()
	an.ev.explicit = make([]datedText, r.count())
	for i := range an.ev.explicit {
		x := &an.ev.explicit[i]
		x.date, x.text, x.planned = r.date(), r.str(), r.bool()
	}
	an.ev.monthDays = make([]monthDay, r.count())
	for i := range an.ev.monthDays {
		x := &an.ev.monthDays[i]
		x.month, x.day, x.weekday, x.text = time.Month(r.int()), int(r.int()), time.Weekday(r.int()), r.str()
	}
	an.ev.latestYear = int(r.int())
	an.ev.reportDay = time.Weekday(r.int())
	an.ev.reportText = r.str()
	an.names = r.ids()
	an.cands = make([]candidate, r.count())
	size := int64(len(a.Title) + len(a.Text) + len(an.names)*8)
	for i := range an.cands {
		cd := &an.cands[i]
		cd.cit.Start, cd.cit.End = int(r.int()), int(r.int())
		cd.cit.RuneStart, cd.cit.RuneEnd = int(r.int()), int(r.int())
		if r.err == nil && (cd.cit.Start < 0 || cd.cit.Start > cd.cit.End || cd.cit.End > len(a.Text)) {
			r.err = fmt.Errorf("quote [%d, %d) outside a text of %d bytes", cd.cit.Start, cd.cit.End, len(a.Text))
		}
		if r.err == nil {
			cd.cit.Quote = a.Text[cd.cit.Start:cd.cit.End]
		}
		cd.cit.Expression, cd.cit.Value, cd.cit.Caption = r.str(), r.str(), r.bool()
		cd.start, cd.end = r.date(), r.date()
		cd.days, cd.kind = int(r.int()), Kind(r.int())
		cd.summary, cd.words = r.str(), int(r.int())
		cd.tokens = r.tokens()
		if n := r.count(); n > 0 {
			cd.alts = make([]dates.Date, n)
			for k := range cd.alts {
				cd.alts[k] = r.date()
			}
		}
		cd.subject, cd.names = r.ids(), r.ids()
		cd.sig, cd.leadOrder = r.uint(), int(r.int())
		cd.core = r.tokens()
		cd.proposal = r.bool()
		cd.head = r.tokens()
		cd.refers = r.bool()
		an.ntok += len(cd.tokens) + len(cd.core)
		size += 256 + int64(len(cd.summary)+len(cd.cit.Expression)+len(cd.cit.Value)) +
			int64(len(cd.tokens)+len(cd.core)+len(cd.head))*24 + int64(len(cd.subject)+len(cd.names))*8
	}
	if r.err == nil && len(r.buf) > 0 {
		r.err = fmt.Errorf("%d bytes after the analysis", len(r.buf))
	}
	if r.err != nil {
		return nil, fmt.Errorf("decode analysis: %w", r.err)
	}
	an.size = size
	return an, nil
}

// encoder appends varints and length-prefixed strings to buf.
type encoder struct{ buf []byte }

func (w *encoder) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *encoder) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }
func (w *encoder) str(s string)  { w.uint(uint64(len(s))); w.buf = append(w.buf, s...) }

func (w *encoder) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

func (w *encoder) date(d dates.Date) {
	w.int(int64(d.Year))
	w.int(int64(d.Month))
	w.int(int64(d.Day))
}

func (w *encoder) ids(ids []uint64) {
	w.uint(uint64(len(ids)))
	for _, id := range ids {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, id)
	}
}

// tokens writes nil and empty apart: some rules test for nil.
func (w *encoder) tokens(ts []token) {
	if ts == nil {
		w.uint(0)
		return
	}
	w.uint(uint64(len(ts)) + 1)
	for _, t := range ts {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, t.id)
		w.buf = binary.LittleEndian.AppendUint32(w.buf, math.Float32bits(t.weight))
		var flags byte
		if t.name {
			flags |= 1
		}
		if t.key {
			flags |= 2
		}
		w.buf = append(w.buf, flags)
	}
}

// decoder reads what encoder wrote; the first error sticks and later reads
// return zero values, so callers check err once at the end.
type decoder struct {
	buf []byte
	err error
}

// maxCount bounds any count read, so that corrupt data cannot make a
// decoder allocate without bound.
const maxCount = 1 << 24

func (r *decoder) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("truncated or corrupt %s", what)
	}
	r.buf = nil
}

func (r *decoder) uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail("integer")
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *decoder) int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail("integer")
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// count reads a length and checks that it is plausible.
func (r *decoder) count() int {
	n := r.uint()
	// Every counted item takes a byte at least; tokens count one more.
	if n > maxCount || n > uint64(len(r.buf))+1 {
		r.fail("count")
		return 0
	}
	return int(n)
}

func (r *decoder) str() string {
	n := r.count()
	if r.err != nil || n > len(r.buf) {
		r.fail("string")
		return ""
	}
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	if !utf8.ValidString(s) {
		r.fail("string")
		return ""
	}
	return s
}

func (r *decoder) bool() bool {
	if len(r.buf) == 0 {
		r.fail("flag")
		return false
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b != 0
}

func (r *decoder) date() dates.Date {
	return dates.Date{Year: int(r.int()), Month: time.Month(r.int()), Day: int(r.int())}
}

func (r *decoder) ids() []uint64 {
	n := r.count()
	if r.err != nil || n == 0 {
		return nil
	}
	if len(r.buf) < 8*n {
		r.fail("ids")
		return nil
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(r.buf[8*i:])
	}
	r.buf = r.buf[8*n:]
	return out
}

func (r *decoder) tokens() []token {
	n := r.count()
	if r.err != nil || n == 0 {
		return nil
	}
	n-- // 1 + length, 0 for nil
	const size = 8 + 4 + 1
	if len(r.buf) < size*n {
		r.fail("tokens")
		return nil
	}
	out := make([]token, n)
	for i := range out {
		b := r.buf[size*i:]
		out[i] = token{
			id:     binary.LittleEndian.Uint64(b),
			weight: math.Float32frombits(binary.LittleEndian.Uint32(b[8:])),
			name:   b[12]&1 != 0,
			key:    b[12]&2 != 0,
		}
	}
	r.buf = r.buf[size*n:]
	return out
}
