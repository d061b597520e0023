package story

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/errtext"
	"github.com/timelined/timelined/internal/timeline"
)

// Limits bound what a Service holds. Zero fields take their defaults.
type Limits struct {
	// MaxStories is the most stories the store may hold. Default 10,000.
	MaxStories int
	// MaxArticlesPerStory is the most articles one story may hold.
	// Default 100,000.
	MaxArticlesPerStory int
	// MaxTextBytesPerStory is the most article text (bytes of titles and
	// texts) one story may hold: rebuilding a story's chronology holds
	// about BytesPerStoryTextByte of memory per byte of it. Default
	// DefaultMaxTextBytesPerStory; a server derives it from its memory
	// budget (see TextBytesForMemory).
	MaxTextBytesPerStory int64
	// MaxWatchers is the most watches (WatchTimeline streams and pages'
	// event streams) one process serves at once. Default 1,000.
	MaxWatchers int
	// KeepVersions is how many versions of changes a story keeps for
	// watchers that resume; one further behind gets the whole chronology
	// again. Default 1,000.
	KeepVersions int64
}

// The defaults of Limits.
const (
	DefaultMaxStories          = 10_000
	DefaultMaxArticlesPerStory = 100_000
	DefaultMaxWatchers         = 1_000
	DefaultKeepVersions        = 1_000
	// DefaultLoadedBytes is the default of Config.LoadedBytes.
	DefaultLoadedBytes = 512 << 20
	// DefaultMaxTextBytesPerStory is what TextBytesForMemory gives for a
	// memory budget of 1 GiB.
	DefaultMaxTextBytesPerStory = (1 << 30) / 10 * storyShareOfBudget / BytesPerStoryTextByte
)

// BytesPerStoryTextByte is the memory a write to a story holds at its
// peak per byte of the story's article text: the stored analyses of its
// articles, kept loaded, the merge's candidates and clusters, and the
// chronologies before and after. Measured by BenchmarkWritePeak: 21 to 23
// for a 10,000-article story of news (TimeBank and AQUAINT texts, 20 MiB;
// 26 before the merge stopped copying the stored events); a server with a
// 50,000-article story peaked at 19 bytes of RSS per byte. With margin.
const BytesPerStoryTextByte = 28

// storyShareOfBudget is the tenths of a memory budget one story's write
// may take: as much as the calls in flight together (see
// server.BytesPerTextByte).
const storyShareOfBudget = 6

// TextBytesForMemory is the most article text one story may hold for its
// writes to stay within six tenths of a process's memory budget.
func TextBytesForMemory(budget int64) int64 {
	return budget / 10 * storyShareOfBudget / BytesPerStoryTextByte
}

func (l Limits) withDefaults() Limits {
	if l.MaxStories <= 0 {
		l.MaxStories = DefaultMaxStories
	}
	if l.MaxArticlesPerStory <= 0 {
		l.MaxArticlesPerStory = DefaultMaxArticlesPerStory
	}
	if l.MaxWatchers <= 0 {
		l.MaxWatchers = DefaultMaxWatchers
	}
	if l.MaxTextBytesPerStory <= 0 {
		l.MaxTextBytesPerStory = DefaultMaxTextBytesPerStory
	}
	if l.KeepVersions <= 0 {
		l.KeepVersions = DefaultKeepVersions
	}
	return l
}

// The bounds of a story's own fields.
const (
	// MaxTitleBytes bounds Story.Title.
	MaxTitleBytes = 1024
	// MaxFocus bounds the number of Story.Focus names, MaxFocusBytes each.
	MaxFocus      = 16
	MaxFocusBytes = 256
)

// Config configures a Service.
type Config struct {
	// Store keeps the stories. Required.
	Store Store
	// Limits bound what the service holds.
	Limits Limits
	// LoadedBytes bounds the memory of the stories kept loaded between
	// writes (their articles, analyses and chronology): a write to a
	// loaded story only merges. The least recently written stories are
	// unloaded beyond it, never the last one written. Default 512 MiB.
	LoadedBytes int64
	// Logger receives the service's warnings; nil discards them.
	Logger *slog.Logger
	// Now returns the time stamped on stories; time.Now when nil.
	Now func() time.Time
}

// Service is the story domain: it validates what the store cannot,
// builds chronologies, numbers their versions and fans changes out to
// watchers. It is safe for concurrent use.
type Service struct {
	store  Store
	limits Limits
	budget int64
	log    *slog.Logger
	now    func() time.Time
	hub    hub

	closing    chan struct{}
	closeOnce  sync.Once
	listening  sync.WaitGroup
	stopListen context.CancelFunc
	watchers   atomic.Int64
	stats      struct{ analysed, restored, reanalysed atomic.Int64 }

	mu     sync.Mutex
	states map[string]*state
	uses   int64 // a clock of writes, for unloading the least recent
}

// New returns a Service over cfg.Store. When the store tells of other
// processes' commits (Notifier), New listens until Close.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("story: Config.Store is nil")
	}
	s := &Service{
		store: cfg.Store, limits: cfg.Limits.withDefaults(), budget: cfg.LoadedBytes,
		log: cfg.Logger, now: cfg.Now, closing: make(chan struct{}), states: make(map[string]*state),
	}
	if s.budget <= 0 {
		s.budget = DefaultLoadedBytes
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.hub.subs = make(map[string]map[*subscriber]struct{})
	ctx, cancel := context.WithCancel(context.Background())
	s.stopListen = cancel
	if n, ok := cfg.Store.(Notifier); ok {
		s.listening.Go(func() {
			err := n.Listen(ctx, func(id string, _ int64) { s.hub.publish(id) })
			if err != nil && ctx.Err() == nil {
				s.log.Error("listening for other replicas' changes stopped", "err", err)
			}
		})
	}
	return s, nil
}

// Stats counts the service's article analyses since it started.
type Stats struct {
	// Analysed counts the articles analysed when added (new or corrected).
	Analysed int64
	// Restored counts the stored analyses loaded with a story.
	Restored int64
	// Reanalysed counts the articles a story's build had to analyse again:
	// a stored analysis missing or of another AnalysisVersion, or dated
	// against a publication date that the other articles changed.
	Reanalysed int64
	// Watchers is the number of watches served now.
	Watchers int64
}

// Stats returns the service's counters.
func (s *Service) Stats() Stats {
	return Stats{Analysed: s.stats.analysed.Load(), Restored: s.stats.restored.Load(), Reanalysed: s.stats.reanalysed.Load(),
		Watchers: max(0, s.watchers.Load())}
}

// Limits returns the limits the service enforces.
func (s *Service) Limits() Limits { return s.limits }

// Close ends every watch (their Watch calls return nil: a clean end) and
// stops listening to the store; later calls fail with ErrClosed. It does
// not close the store.
func (s *Service) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.stopListen()
	})
	s.listening.Wait()
}

func (s *Service) open() error {
	select {
	case <-s.closing:
		return &Error{Err: ErrClosed, Msg: "the server is shutting down"}
	default:
		return nil
	}
}

// idPattern is AIP-122's resource id: RFC 1034 labels, lower case.
var idPattern = regexp.MustCompile(`^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)

// ValidID reports whether id can be the {story} of stories/{story}: 1 to
// 63 lower-case letters, digits and hyphens, starting with a letter and
// not ending with a hyphen.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// IDRule says what ValidID accepts, for error messages.
const IDRule = "1 to 63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen"

// newID returns a fresh story id: "s" and 12 random hex digits.
func newID() string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return "s" + hex.EncodeToString(b[:])
}

// stamp is the time stamped on a story, at the microsecond that every
// store keeps.
func (s *Service) stamp() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// checkStory validates the fields a caller sets.
func checkStory(st *Story) error {
	if len(st.Title) > MaxTitleBytes {
		return invalid("title", "%d bytes exceed the limit of %d bytes", len(st.Title), MaxTitleBytes)
	}
	if len(st.Focus) > MaxFocus {
		return invalid("focus", "%d names exceed the limit of %d", len(st.Focus), MaxFocus)
	}
	for i, f := range st.Focus {
		switch {
		case len(f) == 0:
			return invalid(fmt.Sprintf("focus[%d]", i), "empty name")
		case len(f) > MaxFocusBytes:
			return invalid(fmt.Sprintf("focus[%d]", i), "%d bytes exceed the limit of %d bytes", len(f), MaxFocusBytes)
		}
	}
	if !st.WindowStart.IsZero() && !st.WindowEnd.IsZero() && st.WindowStart.After(st.WindowEnd) {
		return invalid("window_end", "%s is before window_start %s", st.WindowEnd, st.WindowStart)
	}
	return nil
}

// CreateStory creates a story with st's id (a fresh one when empty),
// title, focus and window, at version 0.
func (s *Service) CreateStory(ctx context.Context, st Story) (Story, error) {
	if err := s.open(); err != nil {
		return Story{}, err
	}
	if st.ID == "" {
		st.ID = newID()
	} else if !ValidID(st.ID) {
		return Story{}, invalid("story_id", "%s is not a story id: %s", errtext.Clip(st.ID), IDRule)
	}
	if err := checkStory(&st); err != nil {
		return Story{}, err
	}
	now := s.stamp()
	st = Story{ID: st.ID, Title: st.Title, Focus: st.Focus, WindowStart: st.WindowStart, WindowEnd: st.WindowEnd,
		CreateTime: now, UpdateTime: now}
	if err := s.store.CreateStory(ctx, st, s.limits.MaxStories); err != nil {
		return Story{}, err
	}
	return st, nil
}

// GetStory returns a story's metadata.
func (s *Service) GetStory(ctx context.Context, id string) (Story, error) {
	if err := s.open(); err != nil {
		return Story{}, err
	}
	return s.store.GetStory(ctx, id)
}

// ListStories returns at most limit stories with ids after after, in id
// order.
func (s *Service) ListStories(ctx context.Context, after string, limit int) ([]Story, error) {
	if err := s.open(); err != nil {
		return nil, err
	}
	return s.store.ListStories(ctx, after, limit)
}

// DeleteStory deletes a story; its watchers end with ErrNotFound.
func (s *Service) DeleteStory(ctx context.Context, id string) error {
	if err := s.open(); err != nil {
		return err
	}
	st := s.state(id)
	st.mu.Lock()
	err := s.store.DeleteStory(ctx, id)
	if err == nil || errors.Is(err, ErrNotFound) {
		st.unload()
	}
	st.mu.Unlock()
	s.drop(st)
	s.hub.publish(id)
	return err
}

// Timeline returns a story's metadata and current chronology: from
// memory when the story is loaded at the stored version, else from the
// store.
func (s *Service) Timeline(ctx context.Context, id string) (Story, *Chronology, error) {
	if err := s.open(); err != nil {
		return Story{}, nil, err
	}
	if st := s.peek(id); st != nil {
		if p := st.current.Load(); p != nil {
			story, err := s.store.GetStory(ctx, id)
			if err != nil {
				return Story{}, nil, err
			}
			if story.Version == p.Version {
				return story, p, nil
			}
		}
	}
	return s.store.Chronology(ctx, id)
}

// Update says which of a story's fields UpdateStory changes: those not nil.
type Update struct {
	Title                  *string
	Focus                  *[]string
	WindowStart, WindowEnd *dates.Date
}

// UpdateStory changes a story's title, focus or window. A new focus or
// window rebuilds the chronology at a new version.
func (s *Service) UpdateStory(ctx context.Context, id string, u Update) (Story, error) {
	if err := s.open(); err != nil {
		return Story{}, err
	}
	var out Story
	err := s.write(ctx, id, func(d *loaded) (*edit, error) {
		next := d.story
		if u.Title != nil {
			next.Title = *u.Title
		}
		if u.Focus != nil {
			next.Focus = *u.Focus
		}
		if u.WindowStart != nil {
			next.WindowStart = *u.WindowStart
		}
		if u.WindowEnd != nil {
			next.WindowEnd = *u.WindowEnd
		}
		if err := checkStory(&next); err != nil {
			return nil, err
		}
		e := &edit{story: next, setTitle: next.Title != d.story.Title}
		e.rebuild = !slices.Equal(next.Focus, d.story.Focus) || next.WindowStart != d.story.WindowStart || next.WindowEnd != d.story.WindowEnd
		if !e.rebuild && !e.setTitle {
			out = d.story
			return nil, nil
		}
		return e, nil
	}, func(st Story) { out = st })
	return out, err
}

// AddResult says what AddArticles changed.
type AddResult struct {
	Added, Replaced, Unchanged int
	// Version is the story's version after the call.
	Version int64
}

// AddArticles adds articles (ids unique) to a story: a new id is added,
// a known id with other content replaces its article, with the same
// content it is a no-op. The chronology is rebuilt and committed before
// it returns.
func (s *Service) AddArticles(ctx context.Context, id string, in []Article) (AddResult, error) {
	if err := s.open(); err != nil {
		return AddResult{}, err
	}
	if len(in) == 0 {
		return AddResult{}, invalid("articles", "at least one article is required")
	}
	hashes := make([]string, len(in))
	seen := make(map[string]int, len(in))
	for i := range in {
		if j, dup := seen[in[i].ID]; dup {
			return AddResult{}, invalid(fmt.Sprintf("articles[%d].id", i), "duplicate of articles[%d].id %s", j, errtext.Clip(in[i].ID))
		}
		seen[in[i].ID] = i
		hashes[i] = contentHash(&in[i])
	}
	// Analyse what the story does not hold yet, outside the story's lock,
	// so that concurrent writers analyse in parallel.
	st := s.state(id)
	st.mu.Lock()
	d, err := s.ensure(ctx, st)
	var todo []timeline.Article
	if err == nil {
		for i := range in {
			if k, ok := d.index[in[i].ID]; !ok || d.meta[k].hash != hashes[i] {
				todo = append(todo, in[i].Article)
			}
		}
	}
	st.mu.Unlock()
	if err != nil {
		return AddResult{}, err
	}
	analyses, err := analyse(ctx, todo)
	s.stats.analysed.Add(int64(len(todo)))
	if err != nil {
		return AddResult{}, err
	}

	var res AddResult
	err = s.write(ctx, id, func(d *loaded) (*edit, error) {
		res = AddResult{}
		e := &edit{story: d.story, rebuild: true}
		var added int
		for i := range in {
			k, ok := d.index[in[i].ID]
			switch {
			case !ok:
				added++
			case d.meta[k].hash == hashes[i]:
				res.Unchanged++
				continue
			default:
				res.Replaced++
			}
			e.put = append(e.put, put{article: in[i], hash: hashes[i], analysis: analyses[in[i].ID]})
		}
		res.Added = added
		if n := len(d.articles) + added; n > s.limits.MaxArticlesPerStory {
			return nil, &Error{Err: ErrLimit, Story: id, Field: "articles", Limit: "max articles per story",
				Msg: fmt.Sprintf("articles: adding %d new articles to the %d of stories/%s would exceed the limit of %d articles per story (max articles per story)",
					added, len(d.articles), id, s.limits.MaxArticlesPerStory)}
		}
		if before, after := d.textBytes(), d.textBytesAfter(e.put); after > before && after > s.limits.MaxTextBytesPerStory {
			return nil, &Error{Err: ErrLimit, Story: id, Field: "articles", Limit: "max text bytes per story",
				Msg: fmt.Sprintf("articles: these articles would bring the text of stories/%s from %d to %d bytes, over the limit of %d bytes per story (max text bytes per story: a write holds about %d bytes of memory per byte of a story's text; the server's memory budget sets the limit)",
					id, before, after, s.limits.MaxTextBytesPerStory, BytesPerStoryTextByte)}
		}
		if len(e.put) == 0 {
			res.Version = d.story.Version
			return nil, nil
		}
		return e, nil
	}, func(st Story) { res.Version = st.Version })
	return res, err
}

// RemoveResult says what RemoveArticles changed.
type RemoveResult struct {
	Removed, Absent int
	Version         int64
}

// RemoveArticles removes articles from a story by id; ids it does not
// hold are counted as absent.
func (s *Service) RemoveArticles(ctx context.Context, id string, ids []string) (RemoveResult, error) {
	if err := s.open(); err != nil {
		return RemoveResult{}, err
	}
	if len(ids) == 0 {
		return RemoveResult{}, invalid("ids", "at least one id is required")
	}
	var res RemoveResult
	err := s.write(ctx, id, func(d *loaded) (*edit, error) {
		res = RemoveResult{}
		e := &edit{story: d.story, rebuild: true}
		seen := make(map[string]bool, len(ids))
		for _, aid := range ids {
			if seen[aid] {
				continue
			}
			seen[aid] = true
			if _, ok := d.index[aid]; ok {
				e.remove = append(e.remove, aid)
			} else {
				res.Absent++
			}
		}
		res.Removed = len(e.remove)
		if res.Removed == 0 {
			res.Version = d.story.Version
			return nil, nil
		}
		return e, nil
	}, func(st Story) { res.Version = st.Version })
	return res, err
}

// contentHash identifies an article's content: every field but the id.
func contentHash(a *Article) string {
	h := sha256.New()
	var n [8]byte
	for _, f := range []string{a.Title, a.Text, a.Published.String(), a.TimeZone, a.URL, a.Source} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// analyse returns the encoded analysis of each article, by id.
func analyse(ctx context.Context, as []timeline.Article) (map[string][]byte, error) {
	if len(as) == 0 {
		return nil, nil
	}
	c := timeline.NewCache(1 << 62)
	if _, err := timeline.Build(ctx, as, timeline.Options{Cache: c}); err != nil {
		return nil, fmt.Errorf("analyse articles: %w", err)
	}
	out := make(map[string][]byte, len(as))
	for i := range as {
		out[as[i].ID] = c.Encode(&as[i])
	}
	return out, nil
}

// buildOptions is the one place a story's settings become the options of
// timeline.Build.
//
// Focus is stored and returned but not applied yet: package timeline has
// no focus option on this branch (issue 12 adds it). When it does, set it
// here (Options.Focus = st.Focus) and the stories follow.
func buildOptions(st *Story, c *timeline.Cache) timeline.Options {
	return timeline.Options{WindowStart: st.WindowStart, WindowEnd: st.WindowEnd, Focus: st.Focus, Cache: c}
}
