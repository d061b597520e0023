package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

//go:embed templates/*.html
var templateFiles embed.FS

var templates = template.Must(template.New("").ParseFS(templateFiles, "templates/*.html"))

// pages serves the story pages and their event streams.
type pages struct {
	stories   *story.Service
	log       *slog.Logger
	heartbeat time.Duration
}

// storyView is what the story page shows.
type storyView struct {
	ID, Title              string
	Version                int64
	Articles               int
	WindowStart, WindowEnd string
	Entries, Background    []entryView
}

// entryView is one entry as the page shows it.
type entryView struct {
	ID, Value, When, Key, Summary string
	Planned                       bool
	Citations                     []citationView
	Conflicts                     []conflictView
}

type citationView struct {
	Article, Before, Expression, After string
	// Title, Source and URL are the article's, when known.
	Title, Source, URL string
	Caption            bool
}

type conflictView struct{ Date, Note string }

func (p *pages) fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, story.ErrNotFound):
		http.Error(w, err.Error(), http.StatusNotFound)
	case errors.Is(err, story.ErrLimit):
		http.Error(w, err.Error(), http.StatusTooManyRequests)
	case errors.Is(err, story.ErrInvalid), errors.Is(err, story.ErrVersionAhead):
		http.Error(w, err.Error(), http.StatusBadRequest)
	case errors.Is(err, story.ErrClosed):
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	default:
		p.log.Error("story page", "err", err)
		http.Error(w, "internal error; the server logged the details", http.StatusInternalServerError)
	}
}

// list shows the first stories.
func (p *pages) list(w http.ResponseWriter, r *http.Request) {
	list, err := p.stories.ListStories(r.Context(), "", 200)
	if err != nil {
		p.fail(w, err)
		return
	}
	p.render(w, "list.html", list)
}

func (p *pages) render(w http.ResponseWriter, name string, data any) {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		p.log.Error("render page", "template", name, "err", err)
		http.Error(w, "internal error; the server logged the details", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// story shows a story's chronology.
func (p *pages) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("story")
	if !story.ValidID(id) {
		http.Error(w, fmt.Sprintf("%q is not a story id: %s", id, story.IDRule), http.StatusNotFound)
		return
	}
	st, chron, err := p.stories.Timeline(r.Context(), id)
	if err != nil {
		p.fail(w, err)
		return
	}
	v := storyView{ID: st.ID, Title: st.Title, Version: chron.Version, Articles: len(chron.Articles),
		WindowStart: chron.WindowStart.String(), WindowEnd: chron.WindowEnd.String()}
	info := infoByID(chron)
	for i := range chron.Entries {
		v.Entries = append(v.Entries, view(&chron.Entries[i], info))
	}
	for i := range chron.Background {
		v.Background = append(v.Background, view(&chron.Background[i], info))
	}
	w.Header().Set("Cache-Control", "no-store")
	p.render(w, "story.html", v)
}

// eventChange is one change as the page's script applies it.
type eventChange struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Background bool   `json:"background"`
	Key        string `json:"key,omitempty"`
	HTML       string `json:"html,omitempty"`
}

type eventBatch struct {
	Version  int64         `json:"version"`
	Reset    bool          `json:"reset"`
	Articles int           `json:"articles"`
	Window   string        `json:"window"`
	Changes  []eventChange `json:"changes"`
}

// events streams a story's changes as server-sent events, one "batch"
// event per version with the version as its id: a browser that reconnects
// sends it back (Last-Event-ID) and misses nothing.
func (p *pages) events(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("story")
	since := r.Header.Get("Last-Event-ID")
	if since == "" {
		since = r.URL.Query().Get("since")
	}
	var from int64
	if since != "" {
		n, err := strconv.ParseInt(since, 10, 64)
		if err != nil || n < 0 {
			http.Error(w, fmt.Sprintf("since: %q is not a version", since), http.StatusBadRequest)
			return
		}
		from = n
	}
	// Refuse what can be refused with a status before the stream starts:
	// the browser shows the page as live once the headers arrive.
	st, err := p.stories.GetStory(r.Context(), id)
	if err != nil {
		p.fail(w, err)
		return
	}
	if from > st.Version {
		http.Error(w, fmt.Sprintf("since: %d is after the story's version %d", from, st.Version), http.StatusBadRequest)
		return
	}
	rc := http.NewResponseController(w)
	var mu sync.Mutex // the heartbeat and the batches write in turn
	started := false
	start := func() {
		if !started {
			started = true
			w.Header().Set("Content-Type", "text/event-stream")
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("X-Accel-Buffering", "no")
			w.WriteHeader(http.StatusOK)
		}
	}
	start()
	fmt.Fprint(w, ": connected\n\n")
	rc.Flush()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		t := time.NewTicker(p.heartbeat)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mu.Lock()
				if started {
					fmt.Fprint(w, ": still here\n\n")
					rc.Flush()
				}
				mu.Unlock()
			}
		}
	}()
	// What the entries say of their articles: read again when a batch
	// cites an article the page has not seen.
	info := map[string]story.ArticleInfo{}
	err = p.stories.Watch(r.Context(), id, from, func(b *story.Batch) error {
		if citesUnknown(b, info) {
			if _, chron, err := p.stories.Timeline(r.Context(), id); err == nil {
				info = infoByID(chron)
			}
		}
		data, err := json.Marshal(toEvent(b, info))
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		start()
		if _, err := fmt.Fprintf(w, "id: %d\nevent: batch\ndata: %s\n\n", b.Version, data); err != nil {
			return err
		}
		return rc.Flush()
	})
	mu.Lock()
	defer mu.Unlock()
	switch {
	case err == nil, r.Context().Err() != nil:
		// The server is shutting down, or the browser went away.
	case !started:
		p.fail(w, err)
	default:
		// Tell the page; the browser reconnects with the last id.
		fmt.Fprintf(w, "event: failure\ndata: %q\n\n", err.Error())
		rc.Flush()
	}
}

// infoByID indexes a chronology's articles.
func infoByID(c *story.Chronology) map[string]story.ArticleInfo {
	m := make(map[string]story.ArticleInfo, len(c.Info))
	for _, a := range c.Info {
		m[a.ID] = a
	}
	return m
}

// citesUnknown reports whether a change of b cites an article not in info.
func citesUnknown(b *story.Batch, info map[string]story.ArticleInfo) bool {
	for i := range b.Changes {
		for _, c := range b.Changes[i].Entry.Citations {
			if _, ok := info[c.ArticleID]; !ok {
				return true
			}
		}
	}
	return false
}

func toEvent(b *story.Batch, info map[string]story.ArticleInfo) eventBatch {
	ev := eventBatch{Version: b.Version, Reset: b.Reset, Articles: b.ArticleCount,
		Window: windowText(b.WindowStart, b.WindowEnd), Changes: make([]eventChange, 0, len(b.Changes))}
	for i := range b.Changes {
		c := &b.Changes[i]
		ec := eventChange{Type: c.Type.String(), ID: c.Entry.ID, Background: c.Background}
		if c.Type != story.Removed {
			v := view(&c.Entry, info)
			var h bytes.Buffer
			if err := templates.ExecuteTemplate(&h, "entry", v); err == nil {
				ec.HTML, ec.Key = h.String(), v.Key
			}
		}
		ev.Changes = append(ev.Changes, ec)
	}
	return ev
}

func windowText(a, b dates.Date) string {
	if a.IsZero() && b.IsZero() {
		return ""
	}
	return a.String() + " to " + b.String()
}

// view prepares an entry for the page: its date in words, its sort key
// (the chronology's order: first day, then the longer first, then
// summary) and each quote with its expression set apart.
func view(e *story.Entry, info map[string]story.ArticleInfo) entryView {
	v := entryView{ID: e.ID, Value: e.Value, When: when(e.StartDate, e.EndDate), Summary: e.Summary,
		Planned: e.Kind == timeline.Planned, Key: sortKey(e)}
	for _, c := range e.Citations {
		a := info[c.ArticleID]
		cv := citationView{Article: c.ArticleID, Before: c.Quote, Caption: c.Caption, Title: a.Title, Source: a.Source, URL: a.URL}
		if c.Expression != "" {
			if i := strings.Index(c.Quote, c.Expression); i >= 0 {
				cv.Before, cv.Expression, cv.After = c.Quote[:i], c.Expression, c.Quote[i+len(c.Expression):]
			}
		}
		v.Citations = append(v.Citations, cv)
	}
	for _, c := range e.Conflicts {
		v.Conflicts = append(v.Conflicts, conflictView{Date: c.Value, Note: c.Note})
	}
	return v
}

func dayNumber(d dates.Date) int64 {
	return int64(d.Year+20000)*10000 + int64(d.Month)*100 + int64(d.Day)
}

func sortKey(e *story.Entry) string {
	return fmt.Sprintf("%09d|%09d|%s", dayNumber(e.StartDate), 999999999-dayNumber(e.EndDate), e.Summary)
}

// when says an entry's interval in words: "Wednesday 17 March 2021",
// "15 to 21 March 2021".
func when(a, b dates.Date) string {
	if a.IsZero() {
		return ""
	}
	if a.Year < 1 {
		return a.String() + " to " + b.String()
	}
	ta, tb := a.Time(), b.Time()
	switch {
	case a == b:
		return ta.Format("Monday 2 January 2006")
	case a.Day == 1 && a.Month == b.Month && a.Year == b.Year && b.AddDays(1).Month != b.Month:
		return ta.Format("January 2006")
	case a.Day == 1 && a.Month == 1 && b.Month == 12 && b.Day == 31 && a.Year == b.Year:
		return ta.Format("2006")
	case a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d to %s", a.Day, tb.Format("2 January 2006"))
	case a.Year == b.Year:
		return fmt.Sprintf("%s to %s", ta.Format("2 January"), tb.Format("2 January 2006"))
	}
	return fmt.Sprintf("%s to %s", ta.Format("2 January 2006"), tb.Format("2 January 2006"))
}
