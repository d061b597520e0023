package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteTimeML writes doc as a TimeML document in the layout of the TBAQ
// files (DOCID, DCT, TEXT), with a TIMEX3 element around each of
// doc.Timexes, so that the official TempEval-3 scorer can read it.
// Reading the output back with ReadTimeML gives doc's ID, DCT, Text and
// spans again.
//
// The annotations must be in text order, must not overlap and must start
// and end on character boundaries; tids are written as t1, t2, ... unless
// an annotation has its own ID. doc.DCTValue is written as the creation
// time, or doc.DCT when it is empty. The text must be valid UTF-8 made of
// characters XML allows.
func WriteTimeML(w io.Writer, doc *Document) error {
	if err := checkWritable(doc); err != nil {
		return fmt.Errorf("write TimeML %s: %w", doc.ID, err)
	}
	dct := doc.DCTValue
	if dct == "" {
		dct = doc.DCT.String()
	}
	dctType := "DATE"
	if strings.Contains(dct, "T") {
		dctType = "TIME"
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" ?>` + "\n")
	bw.WriteString(`<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">` + "\n\n")
	fmt.Fprintf(bw, "<DOCID>%s</DOCID>\n\n", escape(doc.ID))
	fmt.Fprintf(bw, `<DCT><TIMEX3 tid="t0" type="%s" value="%s" temporalFunction="false" functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>`+"\n\n",
		dctType, escape(dct), escape(dct))
	// The text is written as is, so the newlines around it belong to it.
	bw.WriteString("<TEXT>")
	at := 0
	for i, tx := range doc.Timexes {
		id := tx.ID
		if id == "" {
			id = fmt.Sprintf("t%d", i+1)
		}
		bw.WriteString(escape(doc.Text[at:tx.Start]))
		fmt.Fprintf(bw, `<TIMEX3 tid="%s" type="%s" value="%s"`, escape(id), escape(tx.Type), escape(tx.Value))
		if tx.Mod != "" {
			fmt.Fprintf(bw, ` mod="%s"`, escape(tx.Mod))
		}
		fmt.Fprintf(bw, `>%s</TIMEX3>`, escape(doc.Text[tx.Start:tx.End]))
		at = tx.End
	}
	bw.WriteString(escape(doc.Text[at:]))
	bw.WriteString("</TEXT>\n\n</TimeML>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write TimeML %s: %w", doc.ID, err)
	}
	return nil
}

// checkWritable reports why doc cannot be written as well-formed TimeML
// that reads back to the same text and spans.
func checkWritable(doc *Document) error {
	for i := 0; i < len(doc.Text); {
		r, size := utf8.DecodeRuneInString(doc.Text[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("text is not valid UTF-8 at byte %d", i)
		}
		if !xmlChar(r) {
			return fmt.Errorf("text has character %U at byte %d, which XML does not allow", r, i)
		}
		i += size
	}
	for _, s := range []string{doc.ID, doc.DCTValue} {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !xmlChar(r) }) {
			return fmt.Errorf("header field %q is not XML text", s)
		}
	}
	prevEnd := 0
	for _, tx := range doc.Timexes {
		switch {
		case tx.Start < prevEnd:
			return fmt.Errorf("annotation [%d,%d) overlaps the previous one or is out of order", tx.Start, tx.End)
		case tx.Start >= tx.End || tx.End > len(doc.Text):
			return fmt.Errorf("annotation [%d,%d) is not a span of the text (%d bytes)", tx.Start, tx.End, len(doc.Text))
		case !utf8.RuneStart(doc.Text[tx.Start]) || tx.End < len(doc.Text) && !utf8.RuneStart(doc.Text[tx.End]):
			return fmt.Errorf("annotation [%d,%d) cuts a character", tx.Start, tx.End)
		}
		for _, s := range []string{tx.ID, tx.Type, tx.Value, tx.Mod} {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !xmlChar(r) }) {
				return fmt.Errorf("annotation [%d,%d): attribute %q is not XML text", tx.Start, tx.End, s)
			}
		}
		prevEnd = tx.End
	}
	return nil
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// escaper escapes text for element content and double-quoted attributes.
// Carriage returns become references because XML parsers turn a literal
// one into a newline.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#xD;")

func escape(s string) string { return escaper.Replace(s) }
