package main

import (
	"flag"
	"strings"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
)

// docTypeFlags are the flags that choose how the date engine reads a text:
// --doc-type news|narrative|colloquial, and --narrative, its older short form.
type docTypeFlags struct {
	name      string
	narrative bool
}

func (d *docTypeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.name, "doc-type", "news", "how to read the text: news (anchor to the publication date), narrative (to the last date\nmentioned: history, encyclopedic text) or colloquial (posts and messages: anchor to the\npublication date and read 'tonight', 'a long day', 'the weekend' as said that day)")
	fs.BoolVar(&d.narrative, "narrative", false, "the same as --doc-type narrative")
}

// docTypes names each document type the flag accepts.
var docTypes = []struct {
	name  string
	proto timelinev1.DocumentType
	dates dates.DocType
}{
	{"news", timelinev1.DocumentType_DOCUMENT_TYPE_NEWS, dates.News},
	{"narrative", timelinev1.DocumentType_DOCUMENT_TYPE_NARRATIVE, dates.Narrative},
	{"colloquial", timelinev1.DocumentType_DOCUMENT_TYPE_COLLOQUIAL, dates.Colloquial},
}

// get returns the document type chosen, as the contract and the engine
// name it, or a usage error naming the flag.
func (d *docTypeFlags) get() (timelinev1.DocumentType, dates.DocType, error) {
	name := strings.ToLower(d.name)
	if d.narrative {
		if name != "news" && name != "narrative" {
			return 0, 0, usagef("--narrative and --doc-type %s disagree", d.name)
		}
		name = "narrative"
	}
	names := make([]string, 0, len(docTypes))
	for _, t := range docTypes {
		if t.name == name {
			return t.proto, t.dates, nil
		}
		names = append(names, t.name)
	}
	return 0, 0, usagef("--doc-type: unknown %q (want %s)", d.name, strings.Join(names, ", "))
}

// set reports whether a document type other than news was asked for.
func (d *docTypeFlags) set() bool { return d.narrative || strings.ToLower(d.name) != "news" }
