package server

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/timeline"
)

// runeIndex converts byte offsets into a text to code-point offsets, the
// unit of the contract. It is built once per text in O(n) and answers in
// O(runeStride): it records the code-point count every runeStride bytes and
// counts the rest. ASCII texts, the common case, need no table at all.
type runeIndex struct {
	text  string
	marks []int32 // marks[i]: code points in text[:i*runeStride]; nil for ASCII
}

const runeStride = 64

func newRuneIndex(text string) *runeIndex {
	x := &runeIndex{text: text}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return x
	}
	x.marks = make([]int32, len(text)/runeStride+1)
	var n int32
	for i := range x.marks {
		x.marks[i] = n
		n += runeStarts(text[i*runeStride : min(len(text), (i+1)*runeStride)])
	}
	return x
}

// runeStarts counts the bytes of s that start a code point (are not
// continuation bytes, 10xxxxxx). Texts are valid UTF-8 (the checkers see
// to it), so that counts code points. Eight bytes at a time: this ran for
// every byte of every article of every BuildTimeline.
func runeStarts(s string) int32 {
	const high = 0x8080808080808080
	n := int32(len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte has its top bit set and the next one clear;
		// w<<1 moves each byte's second bit under its top bit.
		n -= int32(bits.OnesCount64(w &^ (w << 1) & high))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// offset returns the code-point offset of byte offset b, clamped to the text.
func (x *runeIndex) offset(b int) int32 {
	b = max(0, min(b, len(x.text)))
	if x.marks == nil {
		return int32(b)
	}
	i := b / runeStride
	return x.marks[i] + runeStarts(x.text[i*runeStride:b])
}

// validSlice returns q, which is text[start:end] (a Citation's quote),
// valid UTF-8: the text is (the checkers see to it), so a slice of it is
// when both ends start a code point. That costs two byte tests, where
// validUTF8 reads every byte of every quote.
func validSlice(text, q string, start, end int) string {
	if runeStart(text, start) && runeStart(text, end) {
		return q
	}
	return validUTF8(q)
}

// runeStart reports whether byte offset i of s starts a code point (or is
// the end of s).
func runeStart(s string, i int) bool {
	return i >= 0 && i <= len(s) && (i == len(s) || utf8.RuneStart(s[i]))
}

// validUTF8 guards the response: proto3 refuses to marshal invalid UTF-8,
// which would turn an engine slip (a quote cut inside a character) into a
// failed call.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func mentionsToProto(ms []dates.Mention, text string) []*timelinev1.TemporalMention {
	if len(ms) == 0 {
		return nil
	}
	idx := newRuneIndex(text)
	out := make([]*timelinev1.TemporalMention, len(ms))
	for i, m := range ms {
		out[i] = &timelinev1.TemporalMention{
			Text:        validUTF8(m.Text),
			Start:       idx.offset(m.Start),
			End:         idx.offset(m.End),
			Type:        timexType(m.Type),
			Value:       validUTF8(m.Value),
			StartDate:   m.StartDate.String(),
			EndDate:     m.EndDate.String(),
			Explanation: validUTF8(m.Explanation),
			Mod:         validUTF8(m.Mod),
		}
	}
	return out
}

func timexType(t dates.Type) timelinev1.TimexType {
	switch t {
	case dates.TypeDate:
		return timelinev1.TimexType_TIMEX_TYPE_DATE
	case dates.TypeTime:
		return timelinev1.TimexType_TIMEX_TYPE_TIME
	case dates.TypeDuration:
		return timelinev1.TimexType_TIMEX_TYPE_DURATION
	case dates.TypeSet:
		return timelinev1.TimexType_TIMEX_TYPE_SET
	}
	return timelinev1.TimexType_TIMEX_TYPE_UNSPECIFIED
}

func entryKind(k timeline.Kind) timelinev1.EntryKind {
	switch k {
	case timeline.Occurrence:
		return timelinev1.EntryKind_ENTRY_KIND_OCCURRENCE
	case timeline.Planned:
		return timelinev1.EntryKind_ENTRY_KIND_PLANNED
	}
	return timelinev1.EntryKind_ENTRY_KIND_UNSPECIFIED
}

func dateSource(s timeline.DateSource) timelinev1.DateSource {
	switch s {
	case timeline.FromExpression:
		return timelinev1.DateSource_DATE_SOURCE_EXPRESSION
	case timeline.FromContext:
		return timelinev1.DateSource_DATE_SOURCE_CONTEXT
	case timeline.FromPublication:
		return timelinev1.DateSource_DATE_SOURCE_PUBLICATION_DATE
	}
	return timelinev1.DateSource_DATE_SOURCE_UNSPECIFIED
}

func publicationToProto(p timeline.Publication) *timelinev1.PublicationDate {
	return &timelinev1.PublicationDate{
		ArticleId: p.ArticleID,
		Date:      p.Date.String(),
		Inferred:  p.Inferred,
		Basis:     validUTF8(p.Basis),
	}
}

// resultToProto maps a chronology to the contract. Citations carry their
// code-point offsets already (the timeline engine counts them once per
// article analysis); the texts are for checking the quotes.
func resultToProto(r *timeline.Result, articles []timeline.Article) *timelinev1.BuildTimelineResponse {
	m := &entryMapper{texts: make(map[string]string, len(articles))}
	for _, a := range articles {
		m.texts[a.ID] = a.Text
	}
	out := &timelinev1.BuildTimelineResponse{
		Entries:     m.entries(r.Entries),
		Background:  m.entries(r.Background),
		Articles:    make([]*timelinev1.PublicationDate, len(r.Articles)),
		WindowStart: r.WindowStart.String(),
		WindowEnd:   r.WindowEnd.String(),
	}
	for i, p := range r.Articles {
		out.Articles[i] = publicationToProto(p)
	}
	return out
}

type entryMapper struct {
	texts map[string]string // by article ID
}

func (m *entryMapper) entries(es []timeline.Entry) []*timelinev1.TimelineEntry {
	if len(es) == 0 {
		return nil
	}
	// The messages of all entries and citations in two slices: one
	// allocation each, not one per message.
	n := 0
	for i := range es {
		n += len(es[i].Citations)
	}
	pes := make([]timelinev1.TimelineEntry, len(es))
	pcs := make([]timelinev1.Citation, n)
	cps := make([]*timelinev1.Citation, n)
	out := make([]*timelinev1.TimelineEntry, len(es))
	for i := range es {
		e := &es[i]
		pe := &pes[i]
		pe.Date = validUTF8(e.Value)
		pe.StartDate = e.StartDate.String()
		pe.EndDate = e.EndDate.String()
		pe.Summary = validUTF8(e.Summary)
		pe.Kind = entryKind(e.Kind)
		pe.Citations, cps = cps[:len(e.Citations):len(e.Citations)], cps[len(e.Citations):]
		pe.DateSource = dateSource(e.Source)
		pe.Focus = e.Focus
		for j := range e.Citations {
			c := &e.Citations[j]
			pc := &pcs[0]
			pcs = pcs[1:]
			pc.ArticleId = c.ArticleID
			pc.Quote = validSlice(m.texts[c.ArticleID], c.Quote, c.Start, c.End)
			pc.Start = int32(c.RuneStart)
			pc.End = int32(c.RuneEnd)
			pc.Expression = validUTF8(c.Expression)
			pc.Value = validUTF8(c.Value)
			pc.Caption = c.Caption
			pc.DateSource = dateSource(c.Source)
			pc.Explanation = validUTF8(c.Explanation)
			pe.Citations[j] = pc
		}
		for _, c := range e.Conflicts {
			pc := &timelinev1.Conflict{
				Date:        validUTF8(c.Value),
				ArticleIds:  c.ArticleIDs,
				Expressions: make([]string, len(c.Expressions)),
				Note:        validUTF8(c.Note),
			}
			for k, s := range c.Expressions {
				pc.Expressions[k] = validUTF8(s)
			}
			pe.Conflicts = append(pe.Conflicts, pc)
		}
		out[i] = pe
	}
	return out
}

// ArticleToProto returns the request form of a loaded article, as the CLI
// and the load-test request writer send it.
func ArticleToProto(a timeline.Article) *timelinev1.Article {
	return &timelinev1.Article{
		Id:            a.ID,
		Title:         a.Title,
		Text:          a.Text,
		PublishedDate: a.Published.String(),
		Url:           a.URL,
		Source:        a.Source,
	}
}
