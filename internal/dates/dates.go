// Package dates finds the temporal expressions of English text and resolves
// each to a TIMEX3 value and a calendar interval, against a reference date
// (the publication date of a news article) or, in narrative text, against
// the last date mentioned.
//
// It knows nothing of gRPC or I/O. Offsets are byte offsets into the text
// given; callers that need code points convert at their boundary.
//
// # How it works
//
// One pass over the bytes cuts the text into tokens (tokenize.go): words
// (with abbreviations such as "Sept." and "p.m." kept whole), numbers (with
// "2,000", "3.5", "15:00", "19th" and "1990s" read as one token) and
// punctuation. Each word is looked up once, lowercased, in the lexicon
// (lexicon.go): a map from word to token classes (month, weekday, unit,
// number word, tense marker, ...) and a value. Text is handled a sentence at
// a time, the sentences of package sentences, which the chronology engine
// splits by too (so "the same sentence" means the same thing to both), and
// only a sentence's tokens are held at once.
//
// The rules (rules.go) are data: a token pattern such as "MONTH DAY ,? YEAR",
// a builder that turns a match into TIMEX3 values, and examples that the
// tests run. At each token that can start a rule, and only where a date-like
// word is near, the matcher (match.go) finds the longest match; its builder
// resolves it. No regular expression runs over the text.
//
// Resolution follows the TimeML/TIDES conventions and what works for news:
// a bare weekday is the last such day on or before the reference unless the
// clause is future ("will", "is scheduled to", "plans"); a month and day
// without a year takes the year that puts it nearest the reference, moved a
// year back (forward) when the clause is past (future) and the date would lie
// more than a month on the wrong side; a whole month just ahead stays this
// year's in a past clause whose verb stands away from it ("told of a
// cutback in September"); "last February" said in March is a year back,
// as the month just ended is "last month"; "last week" is the ISO week
// before the reference's. A comparison takes the granularity of the period in force:
// "a year earlier" after "the third quarter" is that quarter a year
// before, after "for the nine months" the year before; the quarter in force
// is the last one named that had begun by the reference and is not an
// aside ("after a flat second quarter") or a forecast. A quarter with its
// own end ("the quarter ended Sept. 29", "its fourth quarter ended June
// 30") is the calendar quarter holding most of its three months, whatever
// its number or the quarter named before: a fiscal quarter's number says
// nothing of its months. A fiscal quarter with no end told ("the fiscal
// first quarter") is an unknown quarter of the year (1989-QX, no
// interval), until "the quarter ended ..." within two sentences dates it.
// A length with a told end ("the year ended June 30", "the nine months
// ended Sept. 30") stays a DURATION (P1Y, P9M) with the interval it covers.
// Tense is read from
// the words around the mention: auxiliaries, a lexicon of irregular past
// forms, the -ed suffix (not after an article: "a still unspecified
// date"), "will"/"would"/"to", past verbs of intent ("agreed to buy it in
// February"), "since", "had been due to", and cues such as "payable" or
// "effective" just before a date; a reporting verb after a comma ("...,
// an official said") does not decide. Every mention carries a one-line
// Explanation of the choice.
//
// Inside news, what is told from an event counts from the day last
// mentioned, not from the publication day: "the day before", "a year
// earlier", "earlier that day" from the last date of fitting granularity;
// a part of day told from an event ("that night", "the next morning", "the
// night before", "That Friday", "in the morning") only from a day written
// in the same or the previous sentence, and is left out without one; a
// clock time in a past clause with no day of its own ("was shot at 10 p.m.")
// from a day written earlier in its paragraph, else the publication day;
// and a clock time followed by a length counted from an event ("at 6 a.m.
// ten days before the shooting") from no known day at all (XXXX-XX-XX).
//
// Spans follow TimeML: an article is part of a temporal noun phrase ("the
// late 1970s", "the early summer") but not of a time used as an adjective
// ("the year-ago results", "the two day rally"); "or so", "or later" and
// "and beyond" belong to the expression and set its mod; "over" after a
// verb ("evolved over several years") and "about" after a verb or noun that
// governs it ("talking about three days") are prepositions, not
// quantifiers; "post-1959" and "pre-1990" are one expression (mod AFTER,
// BEFORE).
//
// Some words that look like times are not: an amount per unit of time is a
// rate ("$5 a day", "8.5% annually", "24 hours a day"), a length that
// measures pay is money ("six months of base pay"), a capitalised unit,
// part of day or "Today" after a name is part of the name ("VOA Today",
// "This Week"), and so is a year ending a name given with a verb of naming
// ("a venture called Orion 1980"); after other capitalised words a year is
// a date ("Winter Show 2012").
// "The people of tomorrow" and "today's youth" name an age (FUTURE_REF,
// PRESENT_REF), not a day.
//
// Values are checked by ValidValue and turned into intervals by Interval;
// a value that fails the check is never emitted.
//
// # olebedev/when
//
// github.com/olebedev/when is not used by this package: it always resolves
// forward (the seeds' "on Friday" would become 2021-03-26), returns one date
// per call and runs regular expressions at every position, which is an
// order of magnitude slower. It is the baseline the peer comparison
// (scripts/peers.sh) measures this package against.
//
// # Measuring
//
// Accuracy on TimeBank + AQUAINT (TempEval-3 Task A):
//
//	go test ./internal/evaluate -run TestTBAQReport -v
//
// Speed (MB/s of text, allocations) on the same texts and on the seeds:
//
//	go test ./internal/dates -run '^$' -bench Resolve -benchmem
package dates

import "context"

// Type is the TIMEX3 type of an expression.
type Type int

// The TIMEX3 types.
const (
	TypeDate Type = iota + 1
	TypeTime
	TypeDuration
	TypeSet
)

// String returns the TIMEX3 name of t ("DATE").
func (t Type) String() string {
	switch t {
	case TypeDate:
		return "DATE"
	case TypeTime:
		return "TIME"
	case TypeDuration:
		return "DURATION"
	case TypeSet:
		return "SET"
	}
	return "UNKNOWN"
}

// DocType says what relative expressions anchor to.
type DocType int

// The document types.
const (
	// News anchors relative expressions to the reference (publication)
	// date. A short text that reads as a post rather than edited news (a
	// handle, a hashtag, an emoticon, a lower-case first letter; see
	// register.go) is read as Colloquial.
	News DocType = iota
	// Narrative anchors relative expressions to the last date mentioned.
	Narrative
	// Colloquial is informal writing (posts, messages, chat) about the
	// moment it is written: relative expressions anchor to the reference,
	// as in news, and the words such writing uses alone are times of that
	// day ("good morning", "what a night", "this weekend's plans") or
	// lengths ("a long day", "hours of queueing").
	Colloquial
)

// String returns the document type's name: "news", "narrative",
// "colloquial".
func (d DocType) String() string {
	switch d {
	case News:
		return "news"
	case Narrative:
		return "narrative"
	case Colloquial:
		return "colloquial"
	}
	return "unknown"
}

// Tense is the grammatical orientation of the clause an expression stands in.
type Tense int

// The tenses the resolver distinguishes.
const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

// Mention is one temporal expression found in a text and its resolution.
type Mention struct {
	// Text is the expression as written: text[Start:End].
	Text string
	// Start and End are half-open byte offsets into the text.
	Start, End int
	// Type is the TIMEX3 type.
	Type Type
	// Value is the TIMEX3 value ("2021-03-17", "2021-W11", "P5Y", "PAST_REF").
	Value string
	// Mod is the TIMEX3 mod ("START", "MID", "END", "APPROX", ...) or "".
	Mod string
	// StartDate and EndDate are the inclusive calendar interval the value
	// covers; both zero when the mention is not anchored (sets, PAST_REF,
	// unanchored weekdays, durations). A duration whose end is told ("the
	// year ended June 30", TimeML's endPoint) is anchored: its interval is
	// the days it covers up to that end, while its value stays the length.
	StartDate, EndDate Date
	// Tense is the orientation of the clause, as used to resolve the mention.
	Tense Tense
	// Explanation says in one line why the value was chosen.
	Explanation string
}

// Anchored reports whether m resolved to a calendar interval.
func (m Mention) Anchored() bool { return !m.StartDate.IsZero() }

// Options control a resolution.
type Options struct {
	// Reference is the date relative expressions resolve against: the
	// publication date for news. When zero, relative expressions stay
	// unanchored (values with X, no interval).
	Reference Date
	// DocType selects news or narrative anchoring.
	DocType DocType
}

// Resolve finds every temporal expression in text, in text order, and
// resolves each according to opts. Mentions do not overlap. Resolve never
// panics, whatever the bytes: invalid UTF-8 is skipped over, and a
// reference outside years 1..9999 counts as no reference.
func Resolve(text string, opts Options) []Mention {
	ms, _ := resolve(context.Background(), text, opts)
	return ms
}

// ResolveContext is Resolve that stops early when ctx ends: it looks at ctx
// every few thousand tokens and, once ctx has ended, returns the mentions
// found so far and ctx.Err(). Callers serving requests use it so that a cancelled call stops
// tagging a long text.
func ResolveContext(ctx context.Context, text string, opts Options) ([]Mention, error) {
	return resolve(ctx, text, opts)
}
