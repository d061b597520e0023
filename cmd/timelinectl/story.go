package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/timelined/timelined/client"
	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
)

// storyCommands are the subcommands of "timelinectl story": each calls
// the StoryService of the server at --addr.
func storyCommands() []command {
	return []command{
		{"create", "ID", "create a story", storyCreateFlags},
		{"add", "ID PATH...", "add articles to a story (or replace those with the same id)", storyAddFlags},
		{"remove", "ID ARTICLE_ID...", "remove articles from a story", storyRemoveFlags},
		{"get", "ID", "print a story's chronology", storyGetFlags},
		{"watch", "ID", "print a story's changes as they happen", storyWatchFlags},
		{"list", "", "list the stories", storyListFlags},
		{"delete", "ID", "delete a story", storyDeleteFlags},
	}
}

// runStory runs "timelinectl story SUBCOMMAND ...".
func runStory(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		writeStoryUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	name, args := args[0], args[1:]
	var cmd command
	for _, c := range storyCommands() {
		if c.name == name {
			cmd = c
		}
	}
	if cmd.name == "" {
		fmt.Fprintf(stderr, "timelinectl story: unknown command %q\n\n", name)
		writeStoryUsage(stderr)
		return exitUsage
	}
	cmd.name = "story " + cmd.name
	fs, exec := cmd.flags(stdout)
	fs.SetOutput(stderr)
	fs.Usage = func() { writeCommandUsage(fs.Output(), cmd, fs) }
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if err := exec(ctx, pos); err != nil {
		fmt.Fprintf(stderr, "timelinectl %s: %v\n", cmd.name, err)
		var ue usageError
		if errors.As(err, &ue) {
			return exitUsage
		}
		return exitFail
	}
	return exitOK
}

func writeStoryUsage(w io.Writer) {
	fmt.Fprint(w, `timelinectl story keeps stories on a timelined server (--addr): collections of
articles whose chronology the server keeps current as articles arrive.

Usage:
  timelinectl story COMMAND [flags] ARGS...

Commands:
`)
	for _, c := range storyCommands() {
		fmt.Fprintf(w, "  %-7s %s %s\n", c.name, padRight(c.args, 17), c.summary)
	}
	fmt.Fprint(w, `
Example:
  timelinectl story create --title "Biden and Putin" biden-putin
  timelinectl story add --each --interval 2s biden-putin testdata/articles
  timelinectl story watch biden-putin
`)
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// storyConn says which server to call.
type storyConn struct {
	addr    string
	tls     bool
	timeout time.Duration
}

func (c *storyConn) register(fs *flag.FlagSet, timeout time.Duration) {
	def := os.Getenv("TIMELINED_ADDR")
	if def == "" {
		def = server.DefaultAddr
	}
	fs.StringVar(&c.addr, "addr", def, "the timelined server, `HOST:PORT` (env TIMELINED_ADDR)")
	fs.BoolVar(&c.tls, "tls", false, "connect over TLS (system roots) instead of plaintext")
	fs.DurationVar(&c.timeout, "timeout", timeout, "give up after this `duration` (0: no limit)")
}

// with calls f with a StoryService client and ctx bounded by --timeout.
func (c *storyConn) with(ctx context.Context, f func(context.Context, *client.Client) error) error {
	opt := client.WithInsecure()
	if c.tls {
		opt = client.WithTLS(&tls.Config{MinVersion: tls.VersionTLS12})
	}
	cl, err := client.New(c.addr, opt)
	if err != nil {
		return err
	}
	defer cl.Close()
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	return f(ctx, cl)
}

// storyName turns an argument into a story name: "x" or "stories/x".
func storyName(arg string) string {
	if strings.HasPrefix(arg, "stories/") {
		return arg
	}
	return "stories/" + arg
}

func oneArg(args []string, what string) (string, error) {
	if len(args) != 1 {
		return "", usagef("want one argument, %s; got %d", what, len(args))
	}
	return args[0], nil
}

// stringsFlag is a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func storyCreateFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story create", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, time.Minute)
	title := fs.String("title", "", "the story's `title`")
	var focus stringsFlag
	fs.Var(&focus, "focus", "an entity the chronology follows, `NAME` (repeatable)")
	ws := fs.String("window-start", "", "first day `YYYY-MM-DD` of the story window (default: derived)")
	we := fs.String("window-end", "", "last day `YYYY-MM-DD` of the story window (default: derived)")
	return fs, func(ctx context.Context, args []string) error {
		id, err := oneArg(args, "the story id")
		if err != nil {
			return err
		}
		id = strings.TrimPrefix(id, "stories/")
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			resp, err := c.Stories().CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: id,
				Story: &timelinev1.Story{Title: *title, Focus: focus, WindowStart: *ws, WindowEnd: *we}})
			if err != nil {
				return callError(err)
			}
			fmt.Fprintf(stdout, "created %s\n", resp.GetStory().GetName())
			return nil
		})
	}
}

func storyAddFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story add", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, 10*time.Minute)
	each := fs.Bool("each", false, "add the articles one by one, one call each, in order")
	interval := fs.Duration("interval", 0, "with --each, wait this `duration` between articles (to watch the story grow)")
	batch := fs.Int("batch", server.DefaultMaxArticles, "most articles per call")
	noDates := fs.Bool("no-dates", false, "leave the publication dates out, so that the server infers them")
	return fs, func(ctx context.Context, args []string) error {
		if len(args) < 2 {
			return usagef("want a story id and at least one PATH")
		}
		if *batch <= 0 {
			return usagef("--batch must be positive")
		}
		name := storyName(args[0])
		inputs, err := loadInputs(args[1:])
		if err != nil {
			return err
		}
		var articles []*timelinev1.Article
		for _, in := range inputs {
			if *noDates {
				in.article.PublishedDate = ""
			}
			articles = append(articles, in.article)
		}
		size := *batch
		if *each {
			size = 1
		}
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			for i := 0; i < len(articles); i += size {
				if i > 0 && *interval > 0 {
					select {
					case <-ctx.Done():
						return ctx.Err()
					case <-time.After(*interval):
					}
				}
				part := articles[i:min(i+size, len(articles))]
				resp, err := c.Stories().AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: name, Articles: part})
				if err != nil {
					return callError(err)
				}
				what := fmt.Sprintf("%d articles", len(part))
				if len(part) == 1 {
					what = part[0].GetId()
				}
				fmt.Fprintf(stdout, "%s: %s: added %d, replaced %d, unchanged %d; version %d\n",
					name, what, resp.GetAdded(), resp.GetReplaced(), resp.GetUnchanged(), resp.GetVersion())
			}
			return nil
		})
	}
}

func storyRemoveFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story remove", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, time.Minute)
	return fs, func(ctx context.Context, args []string) error {
		if len(args) < 2 {
			return usagef("want a story id and at least one article id")
		}
		name := storyName(args[0])
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			resp, err := c.Stories().RemoveArticles(ctx, &timelinev1.RemoveArticlesRequest{Parent: name, Ids: args[1:]})
			if err != nil {
				return callError(err)
			}
			fmt.Fprintf(stdout, "%s: removed %d, absent %d; version %d\n", name, resp.GetRemoved(), resp.GetAbsent(), resp.GetVersion())
			return nil
		})
	}
}

func storyGetFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story get", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, time.Minute)
	format := fs.String("format", "table", "output `FORMAT`: table, markdown or json (protojson of GetTimeline's response)")
	return fs, func(ctx context.Context, args []string) error {
		arg, err := oneArg(args, "the story id")
		if err != nil {
			return err
		}
		name := storyName(arg)
		if *format != "table" && *format != "markdown" && *format != "json" {
			return usagef("unknown --format %q (want table, markdown or json)", *format)
		}
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			st, err := c.Stories().GetStory(ctx, &timelinev1.GetStoryRequest{Name: name})
			if err != nil {
				return callError(err)
			}
			tl, err := c.Stories().GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: name})
			if err != nil {
				return callError(err)
			}
			if *format == "json" {
				return writeJSON(stdout, false, tl)
			}
			s := st.GetStory()
			fmt.Fprintf(stdout, "%s", s.GetName())
			if s.GetTitle() != "" {
				fmt.Fprintf(stdout, ": %s", s.GetTitle())
			}
			fmt.Fprintf(stdout, " (version %d, %d articles)\n\n", tl.GetVersion(), len(tl.GetArticles()))
			// The chronology as build prints one: articles in the story's order.
			req := &timelinev1.BuildTimelineRequest{}
			for _, p := range tl.GetArticles() {
				req.Articles = append(req.Articles, &timelinev1.Article{Id: p.GetArticleId()})
			}
			out := newBuildOutput(req, &timelinev1.BuildTimelineResponse{Entries: tl.GetEntries(), Background: tl.GetBackground(),
				Articles: tl.GetArticles(), WindowStart: tl.GetWindowStart(), WindowEnd: tl.GetWindowEnd()})
			if *format == "markdown" {
				return writeBuildMarkdown(stdout, out)
			}
			return writeBuildTable(stdout, out)
		})
	}
}

func storyListFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story list", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, time.Minute)
	return fs, func(ctx context.Context, args []string) error {
		if len(args) != 0 {
			return usagef("list takes no arguments")
		}
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			var t table
			t.add("NAME", "VERSION", "ARTICLES", "UPDATED", "TITLE")
			token := ""
			for {
				resp, err := c.Stories().ListStories(ctx, &timelinev1.ListStoriesRequest{PageToken: token, PageSize: 1000})
				if err != nil {
					return callError(err)
				}
				for _, s := range resp.GetStories() {
					t.add(s.GetName(), fmt.Sprint(s.GetVersion()), fmt.Sprint(s.GetArticleCount()),
						s.GetUpdateTime().AsTime().Format(time.RFC3339), oneLine(s.GetTitle()))
				}
				if token = resp.GetNextPageToken(); token == "" {
					break
				}
			}
			return t.write(stdout)
		})
	}
}

func storyDeleteFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story delete", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, time.Minute)
	return fs, func(ctx context.Context, args []string) error {
		arg, err := oneArg(args, "the story id")
		if err != nil {
			return err
		}
		name := storyName(arg)
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			if _, err := c.Stories().DeleteStory(ctx, &timelinev1.DeleteStoryRequest{Name: name}); err != nil {
				return callError(err)
			}
			fmt.Fprintf(stdout, "deleted %s\n", name)
			return nil
		})
	}
}

func storyWatchFlags(stdout io.Writer) (*flag.FlagSet, func(context.Context, []string) error) {
	fs := flag.NewFlagSet("story watch", flag.ContinueOnError)
	var conn storyConn
	conn.register(fs, 0)
	since := fs.Int64("since", 0, "the last `VERSION` seen: print the changes after it (0: the whole chronology first)")
	count := fs.Int("count", 0, "stop after this many versions (0: run until interrupted)")
	return fs, func(ctx context.Context, args []string) error {
		arg, err := oneArg(args, "the story id")
		if err != nil {
			return err
		}
		if *since < 0 || *count < 0 {
			return usagef("--since and --count must not be negative")
		}
		name := storyName(arg)
		return conn.with(ctx, func(ctx context.Context, c *client.Client) error {
			return watchStory(ctx, c, name, *since, *count, stdout)
		})
	}
}

// watchStory prints the changes of a story, one block per version. When
// the stream ends (the server restarting) it reconnects from the last
// version it printed, so nothing is missed or printed twice.
func watchStory(ctx context.Context, c *client.Client, name string, since int64, count int, w io.Writer) error {
	last, seen := since, 0
	backoff := 200 * time.Millisecond
	for {
		stream, err := c.Stories().WatchTimeline(ctx, &timelinev1.WatchTimelineRequest{Name: name, SinceVersion: last})
		for err == nil {
			var m *timelinev1.WatchTimelineResponse
			if m, err = stream.Recv(); err != nil {
				break
			}
			backoff = 200 * time.Millisecond
			printBatch(w, m)
			last = m.GetVersion()
			if seen++; count > 0 && seen >= count {
				return nil
			}
		}
		if ctx.Err() != nil {
			return nil // interrupted: a normal end
		}
		code := status.Code(err)
		if !errors.Is(err, io.EOF) && code != codes.Unavailable {
			return callError(err)
		}
		fmt.Fprintf(w, "# the server closed the stream at version %d; reconnecting\n", last)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func printBatch(w io.Writer, m *timelinev1.WatchTimelineResponse) {
	head := fmt.Sprintf("version %d: %d articles", m.GetVersion(), m.GetArticleCount())
	if m.GetReset_() {
		head += ", the whole chronology"
	}
	if m.GetWindowStart() != "" {
		head += fmt.Sprintf(", window %s to %s", m.GetWindowStart(), m.GetWindowEnd())
	}
	fmt.Fprintln(w, head)
	for _, c := range m.GetChanges() {
		mark := map[timelinev1.ChangeType]string{
			timelinev1.ChangeType_CHANGE_TYPE_ADDED:   "+",
			timelinev1.ChangeType_CHANGE_TYPE_CHANGED: "~",
			timelinev1.ChangeType_CHANGE_TYPE_REMOVED: "-",
		}[c.GetType()]
		where := ""
		if c.GetBackground() {
			where = " (background)"
		}
		if c.GetType() == timelinev1.ChangeType_CHANGE_TYPE_REMOVED {
			fmt.Fprintf(w, "  %s %s%s\n", mark, c.GetEntryId(), where)
			continue
		}
		e := c.GetEntry()
		fmt.Fprintf(w, "  %s %s %-12s %s [%s]%s\n", mark, c.GetEntryId(), e.GetDate(), truncate(summary(e), 100),
			strings.Join(sources(e), ", "), where)
	}
}
