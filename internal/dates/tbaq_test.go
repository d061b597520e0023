package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tbaqDir is the TimeBank + AQUAINT corpus, outside the repository.
const tbaqDir = "../../../shared/data/timeml/tbaq"

// goldTimex is one annotated TIMEX3 of a TimeML document.
type goldTimex struct {
	start, end int // byte offsets into the document's plain text
	typ, value string
}

// timeMLDoc is a TimeML document reduced to its plain text, its creation
// date and its TIMEX3 annotations.
type timeMLDoc struct {
	name string
	text string
	dct  Date
	gold []goldTimex
}

// loadTBAQ reads every .tml file of the corpus, or skips the test when the
// corpus is absent.
func loadTBAQ(tb testing.TB) []timeMLDoc {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(tbaqDir, "*", "*.tml"))
	if len(files) == 0 {
		tb.Skipf("TBAQ corpus not found at %s (it lives outside the repository)", tbaqDir)
	}
	docs := make([]timeMLDoc, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("read %s: %v", f, err)
		}
		docs = append(docs, parseTimeML(filepath.Base(f), string(b)))
	}
	return docs
}

// parseTimeML strips the tags of the <TEXT> element, decoding the XML
// entities, and records where each TIMEX3 lies in the plain text.
func parseTimeML(name, src string) timeMLDoc {
	d := timeMLDoc{name: name}
	if i := strings.Index(src, `functionInDocument="CREATION_TIME"`); i >= 0 {
		if j := strings.LastIndex(src[:i], "<TIMEX3"); j >= 0 {
			tag := src[j:]
			tag = tag[:strings.IndexByte(tag, '>')+1]
			if v := attr(tag, "value"); len(v) >= 10 {
				d.dct, _ = ParseDate(v[:10])
			}
		}
	}
	start := strings.Index(src, "<TEXT>")
	end := strings.Index(src, "</TEXT>")
	if start < 0 || end < start {
		return d
	}
	body := src[start+len("<TEXT>") : end]
	var out strings.Builder
	var open *goldTimex
	for i := 0; i < len(body); {
		switch c := body[i]; c {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				i = len(body)
				continue
			}
			tag := body[i : i+j+1]
			if strings.HasPrefix(tag, "<TIMEX3") {
				open = &goldTimex{start: out.Len(), typ: attr(tag, "type"), value: attr(tag, "value")}
			} else if tag == "</TIMEX3>" && open != nil {
				open.end = out.Len()
				d.gold = append(d.gold, *open)
				open = nil
			}
			i += j + 1
		case '&':
			j := strings.IndexByte(body[i:], ';')
			ent := ""
			if j > 0 && j < 8 {
				ent = body[i : i+j+1]
			}
			switch ent {
			case "&amp;":
				out.WriteByte('&')
			case "&lt;":
				out.WriteByte('<')
			case "&gt;":
				out.WriteByte('>')
			case "&quot;":
				out.WriteByte('"')
			case "&apos;":
				out.WriteByte('\'')
			default:
				out.WriteByte('&')
				i++
				continue
			}
			i += len(ent)
		default:
			out.WriteByte(c)
			i++
		}
	}
	d.text = out.String()
	return d
}

func attr(tag, name string) string {
	i := strings.Index(tag, " "+name+`="`)
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+3:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return ""
}
