package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/store/sqlite"
	"github.com/timelined/timelined/internal/story"
)

// TestStoryCommands drives every story subcommand against a real server.
func TestStoryCommands(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "stories.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := story.New(story.Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	_, addr := servertest.Start(t, server.Config{Stories: svc})

	if out := mustRun(t, "story", "create", "--addr", addr, "--title", "Biden and Putin", "biden-putin"); out != "created stories/biden-putin\n" {
		t.Errorf("create: %q", out)
	}
	out := mustRun(t, "story", "add", "--addr", addr, "--each", "biden-putin", seeds)
	if n := strings.Count(out, "added 1"); n != 5 || !strings.Contains(out, "version 5") {
		t.Errorf("add --each:\n%s", out)
	}
	out = mustRun(t, "story", "add", "--addr", addr, "biden-putin", seeds)
	if !strings.Contains(out, "unchanged 5; version 5") {
		t.Errorf("add again:\n%s", out)
	}
	// get prints the chronology build prints for the same articles (the
	// list of articles aside: a story's chronology does not carry titles).
	got := mustRun(t, "story", "get", "--addr", addr, "biden-putin")
	want := mustRun(t, "build", seeds)
	got, _, _ = strings.Cut(got, "\nArticles (")
	want, _, _ = strings.Cut(want, "\nArticles (")
	if !strings.HasPrefix(got, "stories/biden-putin: Biden and Putin (version 5, 5 articles)\n\n") || !strings.HasSuffix(got, want) {
		t.Errorf("get:\n%s\nwant the build table:\n%s", got, want)
	}
	out = mustRun(t, "story", "watch", "--addr", addr, "--since", "3", "--count", "2", "biden-putin")
	if !strings.HasPrefix(out, "version 4: 4 articles") || !strings.Contains(out, "\nversion 5: 5 articles") {
		t.Errorf("watch:\n%s", out)
	}
	out = mustRun(t, "story", "watch", "--addr", addr, "--count", "1", "biden-putin")
	if !strings.HasPrefix(out, "version 5: 5 articles, the whole chronology") {
		t.Errorf("watch from 0:\n%s", out)
	}
	if out := mustRun(t, "story", "list", "--addr", addr); !strings.Contains(out, "stories/biden-putin  5        5") {
		t.Errorf("list:\n%s", out)
	}
	if out := mustRun(t, "story", "remove", "--addr", addr, "biden-putin", "001_0403fd99ef106a4c"); !strings.Contains(out, "removed 1, absent 0; version 6") {
		t.Errorf("remove: %q", out)
	}
	if out := mustRun(t, "story", "delete", "--addr", addr, "biden-putin"); out != "deleted stories/biden-putin\n" {
		t.Errorf("delete: %q", out)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"story", "get", "--addr", addr, "biden-putin"}, exitFail, "NOT_FOUND"},
		{[]string{"story", "create", "--addr", addr, "Bad_Id"}, exitUsage, "story_id"},
		{[]string{"story", "add", "--addr", addr, "x"}, exitUsage, "want a story id and at least one PATH"},
		{[]string{"story", "frobnicate"}, exitUsage, "unknown command"},
		{[]string{"story"}, exitUsage, ""},
	} {
		_, errOut, code := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	if out := mustRun(t, "help", "story"); !strings.Contains(out, "watch") {
		t.Errorf("help story:\n%s", out)
	}
}
