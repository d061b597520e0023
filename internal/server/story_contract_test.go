package server_test

import (
	"context"
	"fmt"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/fieldmaskpb"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/server"
	"github.com/timelined/timelined/internal/server/servertest"
	"github.com/timelined/timelined/internal/store/storetest"
	"github.com/timelined/timelined/internal/story"
)

// storyServer is a real server with stories on a loopback port.
type storyServer struct {
	srv      *server.Server
	stories  timelinev1.StoryServiceClient
	timeline timelinev1.TimelineServiceClient
	svc      *story.Service
}

// startStories serves stories kept in a fresh store of kind k.
func startStories(t *testing.T, k storetest.Kind, l story.Limits, sl server.Limits) *storyServer {
	t.Helper()
	return startStoriesAt(t, k.Location(t), l, sl)
}

func startStoriesAt(t *testing.T, loc string, l story.Limits, sl server.Limits) *storyServer {
	t.Helper()
	svc, err := story.New(story.Config{Store: storetest.Open(t, loc), Limits: l})
	if err != nil {
		t.Fatal(err)
	}
	srv, addr := servertest.Start(t, server.Config{Stories: svc, Limits: sl})
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &storyServer{srv: srv, stories: timelinev1.NewStoryServiceClient(conn),
		timeline: timelinev1.NewTimelineServiceClient(conn), svc: svc}
}

func (s *storyServer) create(t *testing.T, ctx context.Context, id string) *timelinev1.Story {
	t.Helper()
	resp, err := s.stories.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: id, Story: &timelinev1.Story{Title: "Story " + id}})
	if err != nil {
		t.Fatal(err)
	}
	return resp.GetStory()
}

// sameAsBuild fails t unless GetTimeline of name equals BuildTimeline
// over articles (ids aside), and returns the chronology.
func (s *storyServer) sameAsBuild(t *testing.T, ctx context.Context, name string, articles []*timelinev1.Article) *timelinev1.GetTimelineResponse {
	t.Helper()
	got, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.timeline.BuildTimeline(ctx, &timelinev1.BuildTimelineRequest{Articles: articles})
	if err != nil {
		t.Fatal(err)
	}
	plain := proto.Clone(got).(*timelinev1.GetTimelineResponse)
	for _, e := range append(plain.GetEntries(), plain.GetBackground()...) {
		if e.GetId() == "" {
			t.Errorf("entry %q has no id", e.GetSummary())
		}
		e.Id = ""
	}
	asBuilt := &timelinev1.BuildTimelineResponse{Entries: plain.GetEntries(), Background: plain.GetBackground(),
		Articles: plain.GetArticles(), WindowStart: plain.GetWindowStart(), WindowEnd: plain.GetWindowEnd()}
	if !proto.Equal(asBuilt, want) {
		t.Fatalf("GetTimeline(%s) differs from BuildTimeline over its %d articles", name, len(articles))
	}
	return got
}

// TestStoryContract walks a story through its life over gRPC on every store.
func TestStoryContract(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		s := startStories(t, k, story.Limits{}, server.Limits{})
		ctx := callCtx(t)
		created := s.create(t, ctx, "biden-putin")
		if created.GetName() != "stories/biden-putin" || created.GetVersion() != 0 || created.GetCreateTime() == nil {
			t.Fatalf("created %v", created)
		}
		// A watcher from the start.
		wctx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		stream, err := s.stories.WatchTimeline(wctx, &timelinev1.WatchTimelineRequest{Name: "stories/biden-putin"})
		if err != nil {
			t.Fatal(err)
		}
		first, err := stream.Recv()
		if err != nil || !first.GetReset_() || first.GetVersion() != 0 {
			t.Fatalf("first watch message %v, %v", first, err)
		}
		model := map[string]*timelinev1.TimelineEntry{}

		as := seeds(t)
		for i, a := range as {
			resp, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/biden-putin", Articles: []*timelinev1.Article{a}})
			if err != nil {
				t.Fatal(err)
			}
			if resp.GetAdded() != 1 || resp.GetVersion() != int64(i+1) {
				t.Fatalf("AddArticles %d: %v", i, resp)
			}
			got := s.sameAsBuild(t, ctx, "stories/biden-putin", as[:i+1])
			msg, err := stream.Recv()
			if err != nil || msg.GetVersion() != int64(i+1) {
				t.Fatalf("watch message %v, %v; want version %d", msg, err, i+1)
			}
			for _, c := range msg.GetChanges() {
				if c.GetVersion() != msg.GetVersion() {
					t.Errorf("change of version %d in message %d", c.GetVersion(), msg.GetVersion())
				}
				if c.GetType() == timelinev1.ChangeType_CHANGE_TYPE_REMOVED {
					delete(model, c.GetEntryId())
				} else {
					model[c.GetEntryId()] = c.GetEntry()
				}
			}
			if n := len(got.GetEntries()) + len(got.GetBackground()); n != len(model) {
				t.Fatalf("after version %d the watcher holds %d entries, GetTimeline %d", i+1, len(model), n)
			}
			for _, e := range append(got.GetEntries(), got.GetBackground()...) {
				if !proto.Equal(model[e.GetId()], e) {
					t.Fatalf("after version %d the watcher's entry %s differs", i+1, e.GetId())
				}
			}
		}
		// Idempotent: the same articles again change nothing.
		again, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/biden-putin", Articles: as})
		if err != nil || again.GetUnchanged() != 5 || again.GetVersion() != 5 {
			t.Fatalf("re-adding: %v, %v", again, err)
		}
		// A correction.
		fixed := proto.Clone(as[2]).(*timelinev1.Article)
		fixed.Title += " (corrected)"
		corr, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/biden-putin", Articles: []*timelinev1.Article{fixed}})
		if err != nil || corr.GetReplaced() != 1 || corr.GetVersion() != 6 {
			t.Fatalf("correcting: %v, %v", corr, err)
		}
		now := slices.Clone(as)
		now[2] = fixed
		s.sameAsBuild(t, ctx, "stories/biden-putin", now)

		// Update: a title is metadata; a window rebuilds.
		upd, err := s.stories.UpdateStory(ctx, &timelinev1.UpdateStoryRequest{
			Story:      &timelinev1.Story{Name: "stories/biden-putin", Title: "Biden and Putin, March 2021"},
			UpdateMask: &fieldmaskpb.FieldMask{Paths: []string{"title"}},
		})
		if err != nil || upd.GetStory().GetTitle() != "Biden and Putin, March 2021" || upd.GetStory().GetVersion() != 6 {
			t.Fatalf("update title: %v, %v", upd, err)
		}
		upd, err = s.stories.UpdateStory(ctx, &timelinev1.UpdateStoryRequest{
			Story:      &timelinev1.Story{Name: "stories/biden-putin", WindowStart: "2021-03-01"},
			UpdateMask: &fieldmaskpb.FieldMask{Paths: []string{"window_start"}},
		})
		if err != nil || upd.GetStory().GetVersion() != 7 || upd.GetStory().GetWindowStart() != "2021-03-01" || upd.GetStory().GetTitle() != "Biden and Putin, March 2021" {
			t.Fatalf("update window: %v, %v", upd, err)
		}
		tl, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/biden-putin"})
		if err != nil || tl.GetWindowStart() != "2021-03-01" {
			t.Fatalf("timeline after the window: %v, %v", tl.GetWindowStart(), err)
		}
		// Remove.
		rm, err := s.stories.RemoveArticles(ctx, &timelinev1.RemoveArticlesRequest{Parent: "stories/biden-putin", Ids: []string{as[0].GetId(), "nope"}})
		if err != nil || rm.GetRemoved() != 1 || rm.GetAbsent() != 1 || rm.GetVersion() != 8 {
			t.Fatalf("remove: %v, %v", rm, err)
		}
		got, err := s.stories.GetStory(ctx, &timelinev1.GetStoryRequest{Name: "stories/biden-putin"})
		if err != nil || got.GetStory().GetArticleCount() != 4 || got.GetStory().GetVersion() != 8 {
			t.Fatalf("GetStory: %v, %v", got, err)
		}
		// Delete: the watch ends with NOT_FOUND.
		if _, err := s.stories.DeleteStory(ctx, &timelinev1.DeleteStoryRequest{Name: "stories/biden-putin"}); err != nil {
			t.Fatal(err)
		}
		for {
			if _, err = stream.Recv(); err != nil {
				break
			}
		}
		statusOf(t, err, codes.NotFound)
		_, err = s.stories.GetStory(ctx, &timelinev1.GetStoryRequest{Name: "stories/biden-putin"})
		st := statusOf(t, err, codes.NotFound)
		if !hasResource(st, "stories/biden-putin") {
			t.Errorf("NOT_FOUND without ResourceInfo: %v", st.Details())
		}
	})
}

func hasResource(st *status.Status, name string) bool {
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.ResourceInfo); ok && ri.GetResourceName() == name {
			return true
		}
	}
	return false
}

// TestListStoriesPages: AIP-158 pages cover every story once, in order.
func TestListStoriesPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		s := startStories(t, k, story.Limits{}, server.Limits{})
		ctx := callCtx(t)
		var want []string
		for i := range 7 {
			id := fmt.Sprintf("story-%02d", i)
			s.create(t, ctx, id)
			want = append(want, "stories/"+id)
		}
		var got []string
		token := ""
		for pages := 0; ; pages++ {
			resp, err := s.stories.ListStories(ctx, &timelinev1.ListStoriesRequest{PageSize: 3, PageToken: token})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range resp.GetStories() {
				got = append(got, st.GetName())
			}
			if token = resp.GetNextPageToken(); token == "" {
				if pages != 2 {
					t.Errorf("%d pages of 3 for 7 stories", pages+1)
				}
				break
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("pages list %v, want %v", got, want)
		}
	})
}

// TestStoryBadInput: each bad request gets its status, names the field,
// and changes nothing.
func TestStoryBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		s := startStories(t, k, story.Limits{MaxStories: 3, MaxArticlesPerStory: 5}, server.Limits{MaxArticles: 4, MaxArticleBytes: 4000})
		ctx := callCtx(t)
		s.create(t, ctx, "s")
		as := seeds(t)
		if _, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: as[:2]}); err != nil {
			t.Fatal(err)
		}
		big := proto.Clone(as[2]).(*timelinev1.Article)
		big.Text = strings.Repeat("Talks were held on Friday. ", 200)
		nul := proto.Clone(as[2]).(*timelinev1.Article)
		nul.Text += "\x00"
		fresh := func(n int) []*timelinev1.Article {
			out := make([]*timelinev1.Article, n)
			for i := range out {
				out[i] = proto.Clone(as[i%5]).(*timelinev1.Article)
				out[i].Id = fmt.Sprintf("new-%d", i)
			}
			return out
		}
		tests := []struct {
			name  string
			call  func() error
			code  codes.Code
			field string
		}{
			{"unknown story", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/nope", Articles: as[:1]})
				return err
			}, codes.NotFound, ""},
			{"bad name", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/Not_OK", Articles: as[:1]})
				return err
			}, codes.InvalidArgument, "parent"},
			{"no parent", func() error {
				_, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{})
				return err
			}, codes.InvalidArgument, "name"},
			{"too many articles in a request", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: fresh(5)})
				return err
			}, codes.InvalidArgument, "articles"},
			{"too many articles in the story", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: fresh(4)})
				return err
			}, codes.ResourceExhausted, "articles"},
			{"article over the size limit", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: []*timelinev1.Article{big}})
				return err
			}, codes.InvalidArgument, "articles[0].text"},
			{"NUL in a text", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: []*timelinev1.Article{nul}})
				return err
			}, codes.InvalidArgument, "articles[0].text"},
			{"duplicate ids", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: []*timelinev1.Article{as[3], as[3]}})
				return err
			}, codes.InvalidArgument, "articles[1].id"},
			{"no articles", func() error {
				_, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s"})
				return err
			}, codes.InvalidArgument, "articles"},
			{"bad story id", func() error {
				_, err := s.stories.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "-bad-"})
				return err
			}, codes.InvalidArgument, "story_id"},
			{"existing story", func() error {
				_, err := s.stories.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "s"})
				return err
			}, codes.AlreadyExists, ""},
			{"window backwards", func() error {
				_, err := s.stories.UpdateStory(ctx, &timelinev1.UpdateStoryRequest{Story: &timelinev1.Story{
					Name: "stories/s", WindowStart: "2021-03-10", WindowEnd: "2021-03-01"}})
				return err
			}, codes.InvalidArgument, "story.window_end"},
			{"unknown mask path", func() error {
				_, err := s.stories.UpdateStory(ctx, &timelinev1.UpdateStoryRequest{Story: &timelinev1.Story{Name: "stories/s"},
					UpdateMask: &fieldmaskpb.FieldMask{Paths: []string{"version"}}})
				return err
			}, codes.InvalidArgument, "update_mask.paths[0]"},
			{"bad page token", func() error {
				_, err := s.stories.ListStories(ctx, &timelinev1.ListStoriesRequest{PageToken: "garbage"})
				return err
			}, codes.InvalidArgument, "page_token"},
			{"negative page size", func() error {
				_, err := s.stories.ListStories(ctx, &timelinev1.ListStoriesRequest{PageSize: -1})
				return err
			}, codes.InvalidArgument, "page_size"},
			{"watch from the future", func() error {
				st, err := s.stories.WatchTimeline(ctx, &timelinev1.WatchTimelineRequest{Name: "stories/s", SinceVersion: 99})
				if err != nil {
					return err
				}
				_, err = st.Recv()
				return err
			}, codes.OutOfRange, "since_version"},
			{"NUL in an id to remove", func() error {
				_, err := s.stories.RemoveArticles(ctx, &timelinev1.RemoveArticlesRequest{Parent: "stories/s", Ids: []string{"a\x00"}})
				return err
			}, codes.InvalidArgument, "ids[0]"},
			{"no ids to remove", func() error {
				_, err := s.stories.RemoveArticles(ctx, &timelinev1.RemoveArticlesRequest{Parent: "stories/s"})
				return err
			}, codes.InvalidArgument, "ids"},
		}
		before, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/s"})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			err := tt.call()
			st, ok := status.FromError(err)
			if !ok || st.Code() != tt.code {
				t.Errorf("%s: %v, want %v", tt.name, err, tt.code)
				continue
			}
			if tt.field != "" && !slices.Contains(fieldViolations(st), tt.field) {
				t.Errorf("%s: violations name %v, want %s (%s)", tt.name, fieldViolations(st), tt.field, st.Message())
			}
			if tt.code == codes.ResourceExhausted && !hasQuota(st) {
				t.Errorf("%s: no QuotaFailure: %s", tt.name, st.Message())
			}
		}
		after, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/s"})
		if err != nil {
			t.Fatal(err)
		}
		if !proto.Equal(before, after) {
			t.Fatal("a refused request changed the story")
		}
		s.create(t, ctx, "t")
		s.create(t, ctx, "u")
		_, err = s.stories.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "v"})
		if st := statusOf(t, err, codes.ResourceExhausted); !strings.Contains(st.Message(), "max stories") || !hasQuota(st) {
			t.Errorf("a fourth story: %v", st.Message())
		}
	})
}

func hasQuota(st *status.Status) bool {
	for _, d := range st.Details() {
		if _, ok := d.(*errdetails.QuotaFailure); ok {
			return true
		}
	}
	return false
}

// TestConcurrentWriters: 16 writers on one story and 16 on 16 others, with
// a watcher per story: no update lost, no duplicate, versions strictly
// increasing with no gap, every watcher sees every version, and the
// chronology equals BuildTimeline over the articles in the story's order.
func TestConcurrentWriters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, k storetest.Kind) {
		s := startStories(t, k, story.Limits{}, server.Limits{})
		ctx := callCtx(t)
		const writers, each = 16, 3
		base := seeds(t)
		article := func(story string, w, i int) *timelinev1.Article {
			a := proto.Clone(base[(w+i)%len(base)]).(*timelinev1.Article)
			a.Id = fmt.Sprintf("%s-w%d-a%d", story, w, i)
			a.Text += fmt.Sprintf("\n\nUpdate %d from writer %d.", i, w)
			return a
		}
		stories := []string{"shared"}
		for w := range writers {
			stories = append(stories, fmt.Sprintf("solo-%d", w))
		}
		for _, id := range stories {
			s.create(t, ctx, id)
		}
		// A watcher per story, from the start.
		type seen struct {
			mu       sync.Mutex
			versions []int64
			err      error
		}
		watched := make(map[string]*seen)
		var wwg sync.WaitGroup
		wctx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		for _, id := range stories {
			sn := &seen{}
			watched[id] = sn
			stream, err := s.stories.WatchTimeline(wctx, &timelinev1.WatchTimelineRequest{Name: "stories/" + id})
			if err != nil {
				t.Fatal(err)
			}
			if m, err := stream.Recv(); err != nil || !m.GetReset_() {
				t.Fatalf("watch %s: %v %v", id, m, err)
			}
			wwg.Go(func() {
				for {
					m, err := stream.Recv()
					sn.mu.Lock()
					if err != nil {
						sn.err = err
						sn.mu.Unlock()
						return
					}
					sn.versions = append(sn.versions, m.GetVersion())
					sn.mu.Unlock()
				}
			})
		}
		var mu sync.Mutex
		versions := map[string][]int64{}
		var wg sync.WaitGroup
		for w := range writers {
			for _, id := range []string{"shared", fmt.Sprintf("solo-%d", w)} {
				wg.Go(func() {
					var last int64
					for i := range each {
						resp, err := s.stories.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/" + id,
							Articles: []*timelinev1.Article{article(id, w, i)}})
						if err != nil {
							t.Errorf("writer %d on %s: %v", w, id, err)
							return
						}
						if resp.GetVersion() <= last || resp.GetAdded() != 1 {
							t.Errorf("writer %d on %s: version %d after %d, added %d", w, id, resp.GetVersion(), last, resp.GetAdded())
						}
						last = resp.GetVersion()
						mu.Lock()
						versions[id] = append(versions[id], last)
						mu.Unlock()
					}
				})
			}
		}
		wg.Wait()
		for _, id := range stories {
			vs := versions[id]
			slices.Sort(vs)
			n := len(vs)
			for i, v := range vs {
				if v != int64(i+1) {
					t.Fatalf("%s: acknowledged versions %v: want 1..%d, each once", id, vs, n)
				}
			}
			tl, err := s.stories.GetTimeline(ctx, &timelinev1.GetTimelineRequest{Name: "stories/" + id})
			if err != nil {
				t.Fatal(err)
			}
			if tl.GetVersion() != int64(n) || len(tl.GetArticles()) != n {
				t.Fatalf("%s: version %d with %d articles, want %d", id, tl.GetVersion(), len(tl.GetArticles()), n)
			}
			var inOrder []*timelinev1.Article
			seenIDs := map[string]bool{}
			for _, p := range tl.GetArticles() {
				if seenIDs[p.GetArticleId()] {
					t.Fatalf("%s: article %s twice", id, p.GetArticleId())
				}
				seenIDs[p.GetArticleId()] = true
				var w, i int
				if _, err := fmt.Sscanf(strings.TrimPrefix(p.GetArticleId(), id+"-"), "w%d-a%d", &w, &i); err != nil {
					t.Fatalf("%s: unknown article %s", id, p.GetArticleId())
				}
				inOrder = append(inOrder, article(id, w, i))
			}
			s.sameAsBuild(t, ctx, "stories/"+id, inOrder)
		}
		// Every watcher sees every version, in order.
		deadline := time.Now().Add(20 * time.Second)
		for _, id := range stories {
			for time.Now().Before(deadline) {
				sn := watched[id]
				sn.mu.Lock()
				n := len(sn.versions)
				sn.mu.Unlock()
				if n >= len(versions[id]) {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		stopWatch()
		wwg.Wait()
		for _, id := range stories {
			sn := watched[id]
			if status.Code(sn.err) != codes.Canceled {
				t.Errorf("watch %s ended with %v", id, sn.err)
			}
			for i, v := range sn.versions {
				if v != int64(i+1) {
					t.Fatalf("watch %s saw versions %v, want 1..%d", id, sn.versions, len(versions[id]))
				}
			}
			if len(sn.versions) != len(versions[id]) {
				t.Fatalf("watch %s saw %d versions, want %d", id, len(sn.versions), len(versions[id]))
			}
		}
	})
}

// TestWatchEndsOnShutdown: a graceful shutdown ends watch streams at once,
// with UNAVAILABLE (open it again elsewhere), and does not wait for them.
func TestWatchEndsOnShutdown(t *testing.T) {
	svc, err := story.New(story.Config{Store: storetest.Open(t, storetest.Kinds()[0].Location(t))})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Stories: svc})
	if err != nil {
		t.Fatal(err)
	}
	lis, err := netListen()
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := callCtx(t)
	c := timelinev1.NewStoryServiceClient(conn)
	if _, err := c.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "s"}); err != nil {
		t.Fatal(err)
	}
	stream, err := c.WatchTimeline(ctx, &timelinev1.WatchTimelineRequest{Name: "stories/s"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Recv(); err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		t.Fatalf("shutdown with a watch open: %v (it should not wait for the stream)", err)
	}
	// The drain ends every stream with UNAVAILABLE, which tells a watcher
	// to open it again (on another instance) from its last version.
	if _, err := stream.Recv(); status.Code(err) != codes.Unavailable {
		t.Fatalf("the watch ended with %v, want UNAVAILABLE", err)
	}
	if err := <-served; err != nil {
		t.Fatal(err)
	}
}

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// TestStoryMetrics: the story service's counters are in the registry.
func TestStoryMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	svc, err := story.New(story.Config{Store: storetest.Open(t, storetest.Kinds()[0].Location(t))})
	if err != nil {
		t.Fatal(err)
	}
	_, addr := servertest.Start(t, server.Config{Stories: svc, Registry: reg})
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := callCtx(t)
	c := timelinev1.NewStoryServiceClient(conn)
	if _, err := c.CreateStory(ctx, &timelinev1.CreateStoryRequest{StoryId: "s"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddArticles(ctx, &timelinev1.AddArticlesRequest{Parent: "stories/s", Articles: seeds(t)}); err != nil {
		t.Fatal(err)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			got[mf.GetName()] = m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	if got["timelined_story_articles_analysed_total"] != 5 || got["timelined_story_articles_reanalysed_total"] != 0 {
		t.Errorf("story metrics: %v", got)
	}
}
