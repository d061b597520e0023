// Package evaluate measures temporal taggers on TimeML corpora with the
// TempEval-3 Task A definitions: it reads TimeML files, scores system
// annotations against the gold TIMEX3 annotations, and writes TimeML for the
// official scorer.
//
// # Reading
//
// ReadTimeML and LoadDir return each document's DOCID, its creation time
// (DCT), the plain text of its TEXT element (tags removed, entities
// decoded) and its gold TIMEX3 annotations with byte offsets into that
// text. Every offset in this package is a byte offset into Document.Text.
//
// # Scoring
//
// Score pairs each document's gold and system annotations one-to-one:
// first identical spans, then, in text order, each remaining gold span with
// the leftmost remaining system span that overlaps it. A pair is a relaxed
// match; with identical spans it is also a strict match. Counts are summed
// over all documents before dividing (micro-averaging). Precision is
// matches / system annotations, recall is matches / gold annotations, F1
// their harmonic mean. Value F1 is (relaxed matches with the right value /
// relaxed matches) x relaxed F1, type F1 likewise; values are compared as
// exact strings, as the official scorer does. The report adds a value
// figure with one-digit ISO weeks zero-padded ("2000-W8", an AQUAINT
// quirk), clearly labelled as not a TempEval-3 figure.
//
// Report.Write prints the figures and the errors of each class (missed,
// spurious, span, value, type) by TIMEX3 type and, when verbose, every
// error with its context. To see the engine's errors on TimeBank + AQUAINT:
//
//	go test ./internal/evaluate -run TestTBAQReport -v
//
// TestTBAQFloor fails when the engine's figures fall below the floors
// recorded in evaluate_test.go.
//
// # Other systems
//
// Evaluate runs this project's engine. Other systems are scored with the
// same code from their output in this JSON form (ReadSystem, LoadSystem,
// then SystemOutput.Spans and Score):
//
//	{
//	  "system": "olebedev/when v1.1.0",
//	  "units": "bytes",
//	  "docs": {
//	    "APW19980807.0261": [
//	      {"start": 128, "end": 134, "type": "DATE", "value": "1998-08-07"}
//	    ]
//	  }
//	}
//
// "start" and "end" are half-open offsets into the plain text of the
// document named by the key; "units" says what they count: "bytes" (UTF-8,
// the default), "utf16" (JavaScript string indices) or "codepoints".
// "system", "units", and each annotation's "mod", "text" and "tid" are
// optional; unknown fields are errors, to catch misspellings. A document
// left out has no annotations.
//
// To feed a system exactly the text the offsets refer to, WriteCorpus
// writes the corpus as JSON lines, one document a line:
//
//	{"id":"APW19980807.0261","dct":"1998-08-07","text":"\nNAIROBI, Kenya (AP) _\n..."}
//
// where "dct" is the creation date to use as the reference date.
//
// # Writing
//
// WriteTimeML writes a document with TIMEX3 tags in the layout of the TBAQ
// files, for the official TempEval-3 scorer and for TimeML output of the
// command line.
package evaluate
