// Command corpus writes the plain texts and creation dates of a TimeML
// corpus as a folder of articles that every tool in the peer benchmark
// (scripts/peers.sh) reads the same way: one text file per document, whose
// first line is the document id (the headline) and whose remaining bytes are
// the document's plain text exactly as internal/evaluate extracts it, plus a
// manifest.json giving each document's id and creation date as its
// published_date.
//
// Because the text after the headline line is byte for byte the text the
// scorer reads, offsets the peers report into it score directly.
//
// Usage:
//
//	go run ./bench/corpus -o OUTDIR TIMEML_DIR
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/timelined/timelined/internal/evaluate"
)

// article is one entry of the manifest, in the format timeline.LoadArticles
// reads (testdata/articles/manifest.json).
type article struct {
	ID            string `json:"id"`
	File          string `json:"file"`
	Title         string `json:"title"`
	PublishedDate string `json:"published_date"`
}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output folder (created if missing)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 1 {
		return errors.New("usage: corpus -o OUTDIR TIMEML_DIR")
	}
	docs, err := evaluate.LoadDir(fs.Arg(0))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	var m struct {
		Articles []article `json:"articles"`
	}
	var size int
	for _, d := range docs {
		if d.DCT.IsZero() {
			return fmt.Errorf("document %s (%s) has no creation date", d.ID, d.Path)
		}
		name := fileName(d.ID) + ".txt"
		// The id line is the headline LoadArticles skips; every later byte
		// is the scored text.
		body := d.ID + "\n" + d.Text
		if err := os.WriteFile(filepath.Join(*out, name), []byte(body), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", d.ID, err)
		}
		size += len(d.Text)
		m.Articles = append(m.Articles, article{ID: d.ID, File: name, Title: d.ID, PublishedDate: d.DCT.String()})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(*out, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	fmt.Fprintf(stderr, "corpus: %d documents, %d bytes of text in %s\n", len(docs), size, *out)
	return nil
}

// fileName makes a document id safe to use as a file name.
func fileName(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, id)
}
