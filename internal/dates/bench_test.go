package dates

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkResolve measures tagging and resolution throughput (b.SetBytes:
// the MB/s column) over the plain text of every TBAQ document and over the
// seed articles:
//
//	go test ./internal/dates -run '^$' -bench Resolve -benchmem
func BenchmarkResolve(b *testing.B) {
	b.Run("TBAQ", func(b *testing.B) {
		docs := loadTBAQ(b)
		benchTexts(b, docs)
	})
	b.Run("seeds", func(b *testing.B) {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
		if len(files) == 0 {
			b.Fatal("no seed articles in testdata/articles")
		}
		docs := make([]timeMLDoc, 0, len(files))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, timeMLDoc{text: string(t), dct: testRef})
		}
		benchTexts(b, docs)
	})
}

func benchTexts(b *testing.B, docs []timeMLDoc) {
	var n int64
	for _, d := range docs {
		n += int64(len(d.text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Resolve(d.text, Options{Reference: d.dct})
		}
	}
}
