package timeline

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"time"

	"github.com/timelined/timelined/internal/dates"
)

// ErrAnalysisVersion is returned by UnmarshalBinary for the encoding of an
// Analysis made by another AnalysisVersion: analyse the article anew.
var ErrAnalysisVersion = errors.New("timeline: analysis of another version")

// MarshalBinary encodes the analysis, everything Merge needs included, for
// UnmarshalBinary to restore: a varint AnalysisVersion, then the analysis
// as encoding/gob. The encoding holds the article's text.
func (an *Analysis) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	buf.Write(binary.AppendUvarint(nil, uint64(an.Version)))
	if err := gob.NewEncoder(&buf).Encode(an.wire()); err != nil {
		return nil, fmt.Errorf("timeline: encode analysis of %q: %w", an.Article.ID, err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary restores an analysis MarshalBinary encoded. It returns
// ErrAnalysisVersion (wrapped) for an analysis of another AnalysisVersion,
// and an error for data that is not an analysis; an then is unchanged.
func (an *Analysis) UnmarshalBinary(data []byte) error {
	v, n := binary.Uvarint(data)
	if n <= 0 {
		return errors.New("timeline: decode analysis: no version")
	}
	if v != AnalysisVersion {
		return fmt.Errorf("%w: %d, want %d", ErrAnalysisVersion, v, AnalysisVersion)
	}
	var w wireAnalysis
	if err := gob.NewDecoder(bytes.NewReader(data[n:])).Decode(&w); err != nil {
		return fmt.Errorf("timeline: decode analysis: %w", err)
	}
	out, err := w.analysis()
	if err != nil {
		return fmt.Errorf("timeline: decode analysis of %q: %w", w.Article.ID, err)
	}
	out.summarizeAll() // as Analyze does: a decoded analysis is merged many times
	*an = *out
	return nil
}

// The wire form of an Analysis: exported fields for encoding/gob, one for
// each field of the analysis and of its events (TestAnalysisRoundTrip
// fails when one is missing). Fields computed by Merge (the article
// index, weights, focus) are not kept.
type wireAnalysis struct {
	Version     int
	Article     Article
	Publication Publication
	Sentences   []Sentence
	Junk        []Span
	Captions    []Span
	Evidence    wireEvidence
	Events      []wireEvent
	Names       []uint64
}

type wireEvidence struct {
	Header     dates.Date
	Explicit   []wireDatedText
	MonthDays  []wireMonthDay
	LatestYear int
	ReportDay  int
	ReportText string
}

type wireDatedText struct {
	Date    dates.Date
	Text    string
	Planned bool
}

type wireMonthDay struct {
	Month, Day, Weekday int
	Text                string
}

type wireEvent struct {
	Citation         Citation
	Start, End       dates.Date
	Days             int
	Kind             Kind
	Summary          wireSummary
	Tokens           []wireToken
	Alts             []dates.Date
	Subject, Names   []uint64
	Sig              uint64
	Sentence         int
	Weak, Past       bool
	Core             []wireToken
	Proposal, Refers bool
	Head             []wireToken
	Frame            wireFrame
	Lead             bool
}

type wireSummary struct {
	MS, ME, Lo, Hi int32
	Plan, Split    bool
}

type wireFrame struct {
	Actions, Speakers, Infinitives, Agents []uint64
}

type wireToken struct {
	ID     uint64
	Weight float32
	Name   bool
	Key    bool
	Clause bool
}

func wireTokens(ts []token) []wireToken {
	if ts == nil {
		return nil
	}
	out := make([]wireToken, len(ts))
	for i, t := range ts {
		out[i] = wireToken{t.id, t.weight, t.name, t.key, t.clause}
	}
	return out
}

func fromWireTokens(ws []wireToken) []token {
	if ws == nil {
		return nil
	}
	out := make([]token, len(ws))
	for i, w := range ws {
		out[i] = token{id: w.ID, weight: w.Weight, name: w.Name, key: w.Key, clause: w.Clause}
	}
	return out
}

// wire returns the wire form of an.
func (an *Analysis) wire() *wireAnalysis {
	ev := &an.ev
	w := &wireAnalysis{
		Version: an.Version, Article: an.Article, Publication: an.Publication, Sentences: an.Sentences,
		Junk: an.clean.junk, Captions: an.clean.captions, Names: an.names,
		Evidence: wireEvidence{Header: ev.header, LatestYear: ev.latestYear, ReportDay: int(ev.reportDay), ReportText: ev.reportText},
	}
	for _, d := range ev.explicit {
		w.Evidence.Explicit = append(w.Evidence.Explicit, wireDatedText{d.date, d.text, d.planned})
	}
	for _, m := range ev.monthDays {
		w.Evidence.MonthDays = append(w.Evidence.MonthDays, wireMonthDay{int(m.month), m.day, int(m.weekday), m.text})
	}
	w.Events = make([]wireEvent, len(an.cands))
	for i := range an.cands {
		c := &an.cands[i]
		w.Events[i] = wireEvent{
			Citation: c.cit, Start: c.start, End: c.end, Days: c.days, Kind: c.kind,
			Summary: wireSummary{c.sum.ms, c.sum.me, c.sum.lo, c.sum.hi, c.sum.plan, c.sum.split}, Tokens: wireTokens(c.tokens), Alts: c.alts, Subject: c.subject, Names: c.names,
			Sig: c.sig, Sentence: c.leadOrder, Weak: c.weak, Past: c.past, Core: wireTokens(c.core),
			Proposal: c.proposal, Refers: c.refers, Head: wireTokens(c.head),
			Frame: wireFrame{Actions: nilIfEmpty(c.frame.actions()), Speakers: nilIfEmpty(c.frame.speakers()),
				Infinitives: nilIfEmpty(c.frame.infinitives()), Agents: nilIfEmpty(c.frame.agents())}, Lead: c.lead,
		}
	}
	return w
}

// analysis returns the analysis w holds, checking what Merge relies on:
// offsets inside the text, events on sentences of the analysis.
func (w *wireAnalysis) analysis() (*Analysis, error) {
	text := w.Article.Text
	an := &Analysis{
		Version: w.Version, Article: w.Article, Publication: w.Publication, Sentences: w.Sentences,
		clean: cleaned{junk: w.Junk, captions: w.Captions}, names: w.Names,
		ev: evidence{header: w.Evidence.Header, latestYear: w.Evidence.LatestYear,
			reportDay: time.Weekday(w.Evidence.ReportDay), reportText: w.Evidence.ReportText},
	}
	for _, s := range w.Sentences {
		if s.Start < 0 || s.Start > s.End || s.End > len(text) {
			return nil, fmt.Errorf("sentence [%d, %d) outside the text (%d bytes)", s.Start, s.End, len(text))
		}
	}
	for _, d := range w.Evidence.Explicit {
		an.ev.explicit = append(an.ev.explicit, datedText{d.Date, d.Text, d.Planned})
	}
	for _, m := range w.Evidence.MonthDays {
		an.ev.monthDays = append(an.ev.monthDays, monthDay{time.Month(m.Month), m.Day, time.Weekday(m.Weekday), m.Text})
	}
	if len(w.Events) > 0 {
		an.cands = make([]candidate, len(w.Events))
	}
	for i := range w.Events {
		e := &w.Events[i]
		q := &e.Citation
		if q.Start < 0 || q.Start > q.End || q.End > len(text) || text[q.Start:q.End] != q.Quote {
			return nil, fmt.Errorf("event %d quotes [%d, %d), not the text there", i, q.Start, q.End)
		}
		if e.Sentence < 0 || e.Sentence >= len(w.Sentences) {
			return nil, fmt.Errorf("event %d is told by sentence %d of %d", i, e.Sentence, len(w.Sentences))
		}
		if n := int32(len(w.Sentences[e.Sentence].Text(text))); !validSummary(e.Summary, n) {
			return nil, fmt.Errorf("event %d summarises [%d, %d) of a sentence of %d bytes", i, e.Summary.Lo, e.Summary.Hi, n)
		}
		an.cands[i] = candidate{
			cit: e.Citation, start: e.Start, end: e.End, days: e.Days, kind: e.Kind,
			sum:    summarySpec{e.Summary.MS, e.Summary.ME, e.Summary.Lo, e.Summary.Hi, e.Summary.Plan, e.Summary.Split},
			tokens: fromWireTokens(e.Tokens), alts: e.Alts, subject: e.Subject, names: e.Names,
			sig: e.Sig, leadOrder: e.Sentence, weak: e.Weak, past: e.Past, core: fromWireTokens(e.Core),
			proposal: e.Proposal, refers: e.Refers, head: fromWireTokens(e.Head),
			frame: newFrame(e.Frame.Actions, e.Frame.Speakers, e.Frame.Infinitives, e.Frame.Agents), lead: e.Lead,
		}
		an.ntok += len(e.Tokens) + len(e.Core)
	}
	return an, nil
}

// validSummary reports whether w lies in a clean sentence text of n bytes.
func validSummary(w wireSummary, n int32) bool {
	if w.MS < 0 || w.MS > w.ME || w.ME > n {
		return false
	}
	return !w.Split || 0 <= w.Lo && w.Lo <= w.MS && w.ME <= w.Hi && w.Hi <= n
}
