// Command timelinectl builds a dated, source-backed chronology from news
// articles, lists the temporal expressions of articles with their
// resolutions, and measures the date engine on TimeML corpora.
//
// Usage:
//
//	timelinectl build   [flags] PATH...   merge articles into one chronology
//	timelinectl resolve [flags] PATH...   list each article's temporal expressions
//	timelinectl eval    [flags] DIR       TempEval-3 Task A figures on a TimeML corpus
//	timelinectl eval-dev [flags]          the same on every development set, beside HeidelTime
//	timelinectl eval-chronology [flags] DIR  entity timelines and chronologies on a SemEval-2015 Task 4 collection
//	timelinectl story COMMAND [flags] ... stories on a server: create, add, remove, get, watch, list, delete
//	timelinectl help    [COMMAND]
//
// build and resolve run the service in-process, with exactly the validation
// and mapping of the server, unless --addr names a running timelined. A PATH
// is a text file (headline on the first line), a folder of them, a folder or
// file manifest.json naming the articles and their publication dates, or, for
// resolve, TimeML (.tml) files or folders of them.
//
// Exit status: 0 on success, 1 when the work failed, 2 on a usage error
// (bad flags, unreadable paths, input the service rejects).
//
// Unless the environment sets them, it runs the garbage collector at
// GOGC=400 with a soft memory limit (GOMEMLIMIT) of 2 GiB: see package
// internal/gc.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	// Article time zones are validated with time.LoadLocation; embed the
	// zone database so the binary does not depend on the host's.
	_ "time/tzdata"

	"github.com/timelined/timelined/internal/gc"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one subcommand.
type command struct {
	name    string
	args    string // positional arguments, for the usage line
	summary string
	// flags returns the subcommand's FlagSet and a function that runs it
	// once the flags are parsed.
	flags func(stdout io.Writer) (*flag.FlagSet, func(ctx context.Context, args []string) error)
}

func commands() []command {
	return []command{
		{"build", "PATH...", "merge articles into one dated chronology", buildFlags},
		{"resolve", "PATH...", "list each article's temporal expressions and their resolutions", resolveFlags},
		{"eval", "DIR", "score the date engine (or another system) on a TimeML corpus", evalFlags},
		{"eval-dev", "", "score the date engine beside HeidelTime on every development set of ../shared", evalDevFlags},
		{"eval-chronology", "DIR", "score entity timelines and chronologies on a SemEval-2015 Task 4 collection", evalChronologyFlags},
	}
}

// usageError is an error caused by how the command was called; it exits 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func main() {
	gc.SetDefaults(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs timelinectl with args (without the program name) and returns the
// exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr)
		return exitUsage
	}
	name, args := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(args, stdout, stderr)
	case "story":
		return runStory(ctx, args, stdout, stderr)
	}
	cmd, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "timelinectl: unknown command %q\n\n", name)
		writeUsage(stderr)
		return exitUsage
	}
	fs, exec := cmd.flags(stdout)
	fs.SetOutput(stderr)
	fs.Usage = func() { writeCommandUsage(fs.Output(), cmd, fs) }
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		// The flag package has already printed the error and the usage.
		return exitUsage
	}
	if err := exec(ctx, pos); err != nil {
		fmt.Fprintf(stderr, "timelinectl %s: %v\n", cmd.name, err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "Run 'timelinectl help %s' for usage.\n", cmd.name)
			return exitUsage
		}
		return exitFail
	}
	return exitOK
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		writeUsage(stdout)
		return exitOK
	case 1:
		if args[0] == "story" {
			writeStoryUsage(stdout)
			return exitOK
		}
		cmd, ok := lookup(args[0])
		if !ok {
			fmt.Fprintf(stderr, "timelinectl help: unknown command %q\n", args[0])
			return exitUsage
		}
		fs, _ := cmd.flags(stdout)
		writeCommandUsage(stdout, cmd, fs)
		return exitOK
	}
	fmt.Fprintln(stderr, "usage: timelinectl help [COMMAND]")
	return exitUsage
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, `timelinectl builds dated, source-backed chronologies from news articles.

Usage:
  timelinectl COMMAND [flags] ARGS...

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `  story    keep stories on a server: create, add, remove, get, watch, list, delete
  help     show the flags of a command: timelinectl help COMMAND

build and resolve run in-process unless --addr names a timelined server.
A PATH is a text file (headline on its first line), a folder of *.txt files,
or a manifest.json (or a folder holding one) with ids and publication dates.

Example:
  timelinectl build testdata/articles
`)
}

func writeCommandUsage(w io.Writer, cmd command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: timelinectl %s [flags] %s\n\n%s.\n", cmd.name, cmd.args, capitalize(cmd.summary))
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	fmt.Fprintln(w, "\nFlags:")
	for _, n := range names {
		f := fs.Lookup(n)
		arg, help := flag.UnquoteUsage(f)
		head := "  --" + f.Name
		if arg != "" {
			head += " " + arg
		}
		fmt.Fprintf(w, "%s\n    \t%s", head, help)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseInterspersed parses fs from args, allowing flags after positional
// arguments ("build testdata/articles --format json"), and returns the
// positional arguments. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
