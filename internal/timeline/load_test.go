package timeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelined/timelined/internal/dates"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadArticles(t *testing.T) {
	d := func(s string) dates.Date {
		v, err := dates.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name    string
		files   map[string]string
		path    string // relative to the temp dir; "" is the dir itself
		want    []Article
		wantErr string
	}{
		{
			name:  "plain text file",
			files: map[string]string{"a.txt": "\nHeadline here\n\nBody line.\nMore.\n"},
			path:  "a.txt",
			want:  []Article{{ID: "a", Title: "Headline here", Text: "\nBody line.\nMore.\n"}},
		},
		{
			name:  "one line is the text, not a headline",
			files: map[string]string{"c.txt": "date 2021-03-22\n\nBiden spoke on Friday.\n\n"},
			path:  "c.txt",
			want:  []Article{{ID: "c", Text: "Biden spoke on Friday.", Published: d("2021-03-22")}},
		},
		{
			name:  "date header is not the headline",
			files: map[string]string{"b.txt": " date 2021-03-22 .\nThe headline\n\nBody."},
			path:  "b.txt",
			want:  []Article{{ID: "b", Title: "The headline", Text: "\nBody.", Published: d("2021-03-22")}},
		},
		{
			name: "folder without manifest is sorted",
			files: map[string]string{
				"z.txt": "Z\nzz", "a.txt": "A\naa", "notes.md": "ignored",
			},
			want: []Article{{ID: "a", Title: "A", Text: "aa"}, {ID: "z", Title: "Z", Text: "zz"}},
		},
		{
			name: "folder with manifest",
			files: map[string]string{
				"manifest.json": `{"articles":[{"id":"x1","file":"x.txt","title":"Given","published_date":"2020-01-02","url":"http://u","source":"S"}]}`,
				"x.txt":         " date 2021-03-22 .\nFile headline\nBody",
				"other.txt":     "not listed\n",
			},
			want: []Article{{ID: "x1", Title: "Given", Text: "Body", Published: d("2020-01-02"), URL: "http://u", Source: "S"}},
		},
		{
			name: "manifest file without date uses header",
			files: map[string]string{
				"m.json": `{"articles":[{"id":"x1","file":"x.txt"}]}`,
				"x.txt":  "date 2021-03-22\nFile headline\nBody",
			},
			path: "m.json",
			want: []Article{{ID: "x1", Title: "File headline", Text: "Body", Published: d("2021-03-22")}},
		},
		{
			name:    "missing file",
			files:   map[string]string{"m.json": `{"articles":[{"id":"x1","file":"gone.txt"}]}`},
			path:    "m.json",
			wantErr: "gone.txt",
		},
		{
			name:    "bad manifest date",
			files:   map[string]string{"m.json": `{"articles":[{"id":"x1","file":"x.txt","published_date":"22/03/2021"}]}`, "x.txt": "H\nB"},
			path:    "m.json",
			wantErr: "published_date",
		},
		{
			name:    "bad json",
			files:   map[string]string{"m.json": `{"articles":[`},
			path:    "m.json",
			wantErr: "m.json",
		},
		{
			name:    "manifest entry without file",
			files:   map[string]string{"m.json": `{"articles":[{"id":"x1"}]}`},
			path:    "m.json",
			wantErr: "has no file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			got, err := LoadArticles(filepath.Join(dir, tt.path))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d articles, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestLoadArticlesSeeds(t *testing.T) {
	as, err := LoadArticles("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 5 {
		t.Fatalf("got %d seed articles, want 5", len(as))
	}
	for _, a := range as {
		if a.Published.String() != "2021-03-22" || a.Title == "" || a.Text == "" {
			t.Errorf("seed %s: published %s title %q text %d bytes", a.ID, a.Published, a.Title, len(a.Text))
		}
		if strings.Contains(a.Text, "date 2021-03-22") {
			t.Errorf("seed %s: date header left in text", a.ID)
		}
	}
}
