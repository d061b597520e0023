package timeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/timelined/timelined/internal/dates"
)

// manifestName is the file a folder of articles may carry to describe them.
const manifestName = "manifest.json"

// manifest is the JSON description of a folder of articles
// (testdata/articles/manifest.json).
type manifest struct {
	Articles []manifestArticle `json:"articles"`
}

type manifestArticle struct {
	ID            string `json:"id"`
	File          string `json:"file"`
	Title         string `json:"title"`
	PublishedDate string `json:"published_date"`
	URL           string `json:"url"`
	Source        string `json:"source"`
}

// LoadArticles reads articles from paths. Each path is a text file, a
// folder, or a manifest .json file. A folder holding manifest.json is read
// through it; any other folder yields every *.txt in it, sorted by name, with
// the file name without extension as ID. A text file's first non-empty line
// is its headline (the Title unless the manifest gives one) and Text is every
// byte after that line; a file with nothing after its first line is all
// text, with no headline. A leading "date YYYY-MM-DD" line is a header, not
// the headline; its date is Published unless the manifest gives one.
func LoadArticles(paths ...string) ([]Article, error) {
	var out []Article
	for _, p := range paths {
		as, err := loadPath(p)
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	return out, nil
}

func loadPath(p string) ([]Article, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("load articles: %w", err)
	}
	if fi.IsDir() {
		m := filepath.Join(p, manifestName)
		if _, err := os.Stat(m); err == nil {
			return loadManifest(m)
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("load articles: %w", err)
		}
		files, err := filepath.Glob(filepath.Join(p, "*.txt"))
		if err != nil {
			return nil, fmt.Errorf("load articles from %s: %w", p, err)
		}
		sort.Strings(files)
		out := make([]Article, 0, len(files))
		for _, f := range files {
			a, err := loadText(f, manifestArticle{})
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		return out, nil
	}
	if strings.EqualFold(filepath.Ext(p), ".json") {
		return loadManifest(p)
	}
	a, err := loadText(p, manifestArticle{})
	if err != nil {
		return nil, err
	}
	return []Article{a}, nil
}

func loadManifest(path string) ([]Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load manifest: %w", err)
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	out := make([]Article, 0, len(m.Articles))
	for i, ma := range m.Articles {
		if ma.File == "" {
			return nil, fmt.Errorf("manifest %s: article %d (%q) has no file", path, i, ma.ID)
		}
		f := ma.File
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		a, err := loadText(f, ma)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", path, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// loadText reads one article file; meta (possibly empty) comes from a manifest.
func loadText(path string, meta manifestArticle) (Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Article{}, fmt.Errorf("load article: %w", err)
	}
	a := Article{ID: meta.ID, Title: meta.Title, URL: meta.URL, Source: meta.Source}
	if a.ID == "" {
		a.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if meta.PublishedDate != "" {
		d, err := dates.ParseDate(meta.PublishedDate)
		if err != nil {
			return Article{}, fmt.Errorf("article %s: published_date: %w", path, err)
		}
		a.Published = d
	}
	headline, text, header := splitHeadline(string(data))
	if strings.TrimSpace(text) == "" {
		// One line, one paragraph: the article itself, not a headline
		// over nothing.
		headline, text = "", headline
	}
	if a.Title == "" {
		a.Title = headline
	}
	a.Text = text
	if a.Published.IsZero() && header != "" {
		d, err := dates.ParseDate(header)
		if err != nil {
			return Article{}, fmt.Errorf("article %s: date header: %w", path, err)
		}
		a.Published = d
	}
	return a, nil
}

// splitHeadline returns the first non-empty line that is not a date header
// (trimmed), every byte after that line, and the date of a date header
// before the headline, if any.
func splitHeadline(s string) (headline, text, header string) {
	rest := s
	for rest != "" {
		line, after, found := strings.Cut(rest, "\n")
		if !found {
			after = ""
		}
		trimmed := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		switch {
		case trimmed == "":
		case header == "" && headerLine.MatchString(trimmed):
			header = headerLine.FindStringSubmatch(trimmed)[1]
		default:
			return trimmed, after, header
		}
		rest = after
	}
	return "", "", header
}
