package server

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/timestamppb"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/errtext"
	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

// StoryService implements timelinev1.StoryServiceServer over a
// story.Service: it validates requests field by field, maps them to the
// domain and maps the domain's errors to status codes (storyCodes).
type StoryService struct {
	timelinev1.UnimplementedStoryServiceServer

	stories *story.Service
	limits  Limits
	decoded bool
}

// NewStoryService returns the gRPC face of stories, validating articles
// against l as BuildTimeline does.
func NewStoryService(stories *story.Service, l Limits) *StoryService {
	return &StoryService{stories: stories, limits: l.withDefaults()}
}

// AIP-158 page sizes.
const (
	defaultPageSize = 50
	maxPageSize     = 1000
)

// storyResource is the resource type in google.rpc.ResourceInfo.
const storyResource = "timeline.v1.Story"

// storyCodes is the one table from the domain's errors to status codes.
var storyCodes = []struct {
	err  error
	code codes.Code
}{
	{story.ErrNotFound, codes.NotFound},
	{story.ErrAlreadyExists, codes.AlreadyExists},
	{story.ErrInvalid, codes.InvalidArgument},
	{story.ErrLimit, codes.ResourceExhausted},
	{story.ErrVersionAhead, codes.OutOfRange},
	{story.ErrConflict, codes.Aborted},
	{story.ErrClosed, codes.Unavailable},
	{context.Canceled, codes.Canceled},
	{context.DeadlineExceeded, codes.DeadlineExceeded},
}

// storyStatus maps a domain error to its status, with details: the bad
// field (BadRequest), the story (ResourceInfo) and the limit
// (QuotaFailure). Errors of the store are INTERNAL.
func storyStatus(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	code := codes.Internal
	for _, m := range storyCodes {
		if errors.Is(err, m.err) {
			code = m.code
			break
		}
	}
	var de *story.Error
	if !errors.As(err, &de) {
		return status.Error(code, err.Error())
	}
	st := status.New(code, de.Error())
	var details []protoadapt.MessageV1
	if de.Field != "" {
		details = append(details, &errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{
			Field: de.Field, Description: strings.TrimPrefix(de.Error(), de.Field+": "),
		}}})
	}
	if de.Limit != "" {
		subject := "server"
		if de.Story != "" {
			subject = "stories/" + de.Story
		}
		details = append(details, &errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{
			Subject: subject, Description: de.Error(),
		}}})
	}
	if de.Story != "" && (code == codes.NotFound || code == codes.AlreadyExists) {
		details = append(details, &errdetails.ResourceInfo{ResourceType: storyResource, ResourceName: "stories/" + de.Story})
	}
	if len(details) > 0 {
		if withDetails, derr := st.WithDetails(details...); derr == nil {
			st = withDetails
		}
	}
	return st.Err()
}

// checkName parses field, "stories/{story}", into the story id.
func checkName(v *violations, field, name string) string {
	id, ok := strings.CutPrefix(name, "stories/")
	switch {
	case name == "":
		v.add(field, "required: a story name, stories/{story}")
	case !ok || !story.ValidID(id):
		v.add(field, "%s is not a story name: want stories/{story}, {story} %s", errtext.Clip(name), story.IDRule)
	}
	return id
}

// checkStoryFields checks the settable fields of a Story message.
func checkStoryFields(v *violations, path string, s *timelinev1.Story) (title string, focus []string, ws, we dates.Date) {
	checkString(v, path, ".title", s.GetTitle(), false, story.MaxTitleBytes, "max title bytes")
	if len(s.GetFocus()) > story.MaxFocus {
		v.add(path+".focus", "%d names exceed the limit of %d", len(s.GetFocus()), story.MaxFocus)
	}
	for i, f := range s.GetFocus() {
		checkString(v, path, fmt.Sprintf(".focus[%d]", i), f, true, story.MaxFocusBytes, "max focus bytes")
	}
	ws = checkDate(v, path, ".window_start", s.GetWindowStart())
	we = checkDate(v, path, ".window_end", s.GetWindowEnd())
	if !ws.IsZero() && !we.IsZero() && ws.After(we) {
		v.add(path+".window_end", "%s is before window_start %s", we, ws)
	}
	return s.GetTitle(), s.GetFocus(), ws, we
}

// noNUL refuses U+0000 in a stored string: PostgreSQL's text cannot
// hold it, and a story must mean the same on every store.
func noNUL(v *violations, field, s string) {
	if strings.IndexByte(s, 0) >= 0 {
		v.add(field, "contains U+0000 (NUL), which a story cannot store")
	}
}

func storyToProto(s *story.Story) *timelinev1.Story {
	return &timelinev1.Story{
		Name: "stories/" + s.ID, Title: s.Title, Focus: s.Focus,
		WindowStart: s.WindowStart.String(), WindowEnd: s.WindowEnd.String(),
		ArticleCount: int32(s.ArticleCount), Version: s.Version,
		CreateTime: timestamppb.New(s.CreateTime), UpdateTime: timestamppb.New(s.UpdateTime),
	}
}

// CreateStory creates a story.
func (s *StoryService) CreateStory(ctx context.Context, req *timelinev1.CreateStoryRequest) (*timelinev1.CreateStoryResponse, error) {
	v := violations{decoded: s.decoded}
	in := req.GetStory()
	if in == nil {
		in = &timelinev1.Story{}
	}
	id := req.GetStoryId()
	field := "story_id"
	if id == "" && in.GetName() != "" {
		id = checkName(&v, "story.name", in.GetName())
		field = "story.name"
	}
	if id != "" && !story.ValidID(id) && field == "story_id" {
		v.add("story_id", "%s is not a story id: %s", errtext.Clip(id), story.IDRule)
	}
	title, focus, ws, we := checkStoryFields(&v, "story", in)
	noNUL(&v, "story.title", title)
	for i, f := range focus {
		noNUL(&v, fmt.Sprintf("story.focus[%d]", i), f)
	}
	if err := v.err("CreateStoryRequest"); err != nil {
		return nil, err
	}
	st, err := s.stories.CreateStory(ctx, story.Story{ID: id, Title: title, Focus: focus, WindowStart: ws, WindowEnd: we})
	if err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.CreateStoryResponse{Story: storyToProto(&st)}, nil
}

// GetStory returns a story.
func (s *StoryService) GetStory(ctx context.Context, req *timelinev1.GetStoryRequest) (*timelinev1.GetStoryResponse, error) {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "name", req.GetName())
	if err := v.err("GetStoryRequest"); err != nil {
		return nil, err
	}
	st, err := s.stories.GetStory(ctx, id)
	if err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.GetStoryResponse{Story: storyToProto(&st)}, nil
}

// pageToken is the opaque AIP-158 token: the last id of the page before.
const pageTokenPrefix = "after:"

// ListStories lists stories by name, one page at a time.
func (s *StoryService) ListStories(ctx context.Context, req *timelinev1.ListStoriesRequest) (*timelinev1.ListStoriesResponse, error) {
	v := violations{decoded: s.decoded}
	size := int(req.GetPageSize())
	switch {
	case size < 0:
		v.add("page_size", "%d is negative", size)
	case size == 0:
		size = defaultPageSize
	case size > maxPageSize:
		size = maxPageSize
	}
	var after string
	if tok := req.GetPageToken(); tok != "" {
		raw, err := base64.RawURLEncoding.DecodeString(tok)
		a, ok := strings.CutPrefix(string(raw), pageTokenPrefix)
		if err != nil || !ok || !story.ValidID(a) {
			v.add("page_token", "%s is not a token this service gave (pass next_page_token unchanged)", errtext.Clip(tok))
		}
		after = a
	}
	if err := v.err("ListStoriesRequest"); err != nil {
		return nil, err
	}
	// One more than the page tells whether there is a next page.
	list, err := s.stories.ListStories(ctx, after, size+1)
	if err != nil {
		return nil, storyStatus(err)
	}
	out := &timelinev1.ListStoriesResponse{}
	if len(list) > size {
		list = list[:size]
		out.NextPageToken = base64.RawURLEncoding.EncodeToString([]byte(pageTokenPrefix + list[size-1].ID))
	}
	for i := range list {
		out.Stories = append(out.Stories, storyToProto(&list[i]))
	}
	return out, nil
}

// UpdateStory changes a story's title, focus or window.
func (s *StoryService) UpdateStory(ctx context.Context, req *timelinev1.UpdateStoryRequest) (*timelinev1.UpdateStoryResponse, error) {
	v := violations{decoded: s.decoded}
	in := req.GetStory()
	if in == nil {
		v.add("story", "required")
		return nil, v.err("UpdateStoryRequest")
	}
	id := checkName(&v, "story.name", in.GetName())
	title, focus, ws, we := checkStoryFields(&v, "story", in)
	noNUL(&v, "story.title", title)
	for i, f := range focus {
		noNUL(&v, fmt.Sprintf("story.focus[%d]", i), f)
	}
	var u story.Update
	paths := req.GetUpdateMask().GetPaths()
	if len(paths) == 0 {
		// AIP-134: no mask means every field that is set.
		if title != "" {
			paths = append(paths, "title")
		}
		if len(focus) > 0 {
			paths = append(paths, "focus")
		}
		if ws != (dates.Date{}) {
			paths = append(paths, "window_start")
		}
		if we != (dates.Date{}) {
			paths = append(paths, "window_end")
		}
	}
	for i, p := range paths {
		switch p {
		case "title":
			u.Title = &title
		case "focus":
			u.Focus = &focus
		case "window_start":
			u.WindowStart = &ws
		case "window_end":
			u.WindowEnd = &we
		case "*":
			u.Title, u.Focus, u.WindowStart, u.WindowEnd = &title, &focus, &ws, &we
		default:
			v.add(fmt.Sprintf("update_mask.paths[%d]", i), "%s is not a field UpdateStory changes: title, focus, window_start, window_end", errtext.Clip(p))
		}
	}
	if err := v.err("UpdateStoryRequest"); err != nil {
		return nil, err
	}
	st, err := s.stories.UpdateStory(ctx, id, u)
	if err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.UpdateStoryResponse{Story: storyToProto(&st)}, nil
}

// DeleteStory deletes a story.
func (s *StoryService) DeleteStory(ctx context.Context, req *timelinev1.DeleteStoryRequest) (*timelinev1.DeleteStoryResponse, error) {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "name", req.GetName())
	if err := v.err("DeleteStoryRequest"); err != nil {
		return nil, err
	}
	if err := s.stories.DeleteStory(ctx, id); err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.DeleteStoryResponse{}, nil
}

// AddArticles adds or replaces articles of a story.
func (s *StoryService) AddArticles(ctx context.Context, req *timelinev1.AddArticlesRequest) (*timelinev1.AddArticlesResponse, error) {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "parent", req.GetParent())
	articles, _, err := checkBuildTimelineRequest(&timelinev1.BuildTimelineRequest{Articles: req.GetArticles()}, s.limits, s.decoded)
	if err != nil {
		// The articles' violations, and the parent's before them.
		st, _ := status.FromError(err)
		for _, d := range st.Details() {
			if br, ok := d.(*errdetails.BadRequest); ok {
				for _, fv := range br.GetFieldViolations() {
					v.add(fv.GetField(), "%s", fv.GetDescription())
				}
			}
		}
	}
	in := make([]story.Article, len(articles))
	for i, pa := range req.GetArticles() {
		if i >= len(articles) {
			break
		}
		in[i] = story.Article{Article: articles[i], TimeZone: pa.GetTimeZone()}
		for _, f := range []struct{ name, s string }{{"id", pa.GetId()}, {"title", pa.GetTitle()}, {"text", pa.GetText()},
			{"time_zone", pa.GetTimeZone()}, {"url", pa.GetUrl()}, {"source", pa.GetSource()}} {
			noNUL(&v, fmt.Sprintf("articles[%d].%s", i, f.name), f.s)
		}
	}
	if err := v.err("AddArticlesRequest"); err != nil {
		return nil, err
	}
	res, err := s.stories.AddArticles(ctx, id, in)
	if err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.AddArticlesResponse{
		Added: int32(res.Added), Replaced: int32(res.Replaced), Unchanged: int32(res.Unchanged), Version: res.Version,
	}, nil
}

// RemoveArticles removes articles of a story.
func (s *StoryService) RemoveArticles(ctx context.Context, req *timelinev1.RemoveArticlesRequest) (*timelinev1.RemoveArticlesResponse, error) {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "parent", req.GetParent())
	ids := req.GetIds()
	switch {
	case len(ids) == 0:
		v.add("ids", "at least one id is required")
	case len(ids) > s.limits.MaxArticles:
		v.add("ids", "%d ids exceed the limit of %d per request (max articles)", len(ids), s.limits.MaxArticles)
	}
	for i, aid := range ids {
		if i >= s.limits.MaxArticles {
			break
		}
		checkString(&v, fmt.Sprintf("ids[%d]", i), "", aid, true, maxIDBytes, "max id bytes")
		noNUL(&v, fmt.Sprintf("ids[%d]", i), aid)
	}
	if err := v.err("RemoveArticlesRequest"); err != nil {
		return nil, err
	}
	res, err := s.stories.RemoveArticles(ctx, id, ids)
	if err != nil {
		return nil, storyStatus(err)
	}
	return &timelinev1.RemoveArticlesResponse{Removed: int32(res.Removed), Absent: int32(res.Absent), Version: res.Version}, nil
}

// GetTimeline returns a story's chronology.
func (s *StoryService) GetTimeline(ctx context.Context, req *timelinev1.GetTimelineRequest) (*timelinev1.GetTimelineResponse, error) {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "name", req.GetName())
	if err := v.err("GetTimelineRequest"); err != nil {
		return nil, err
	}
	_, chron, err := s.stories.Timeline(ctx, id)
	if err != nil {
		return nil, storyStatus(err)
	}
	return ChronologyToProto(chron), nil
}

// ChronologyToProto maps a story's chronology to the contract.
func ChronologyToProto(c *story.Chronology) *timelinev1.GetTimelineResponse {
	out := &timelinev1.GetTimelineResponse{
		Entries:     storyEntries(c.Entries),
		Background:  storyEntries(c.Background),
		Articles:    make([]*timelinev1.PublicationDate, len(c.Articles)),
		WindowStart: c.WindowStart.String(),
		WindowEnd:   c.WindowEnd.String(),
		Version:     c.Version,
	}
	for i, p := range c.Articles {
		out.Articles[i] = publicationToProto(p)
	}
	return out
}

// storyEntries maps entries with their ids. The quotes were checked when
// the chronology was built, so no texts are needed.
func storyEntries(es []story.Entry) []*timelinev1.TimelineEntry {
	if len(es) == 0 {
		return nil
	}
	plain := make([]timeline.Entry, len(es))
	for i := range es {
		plain[i] = es[i].Entry
	}
	out := (&entryMapper{}).entries(plain)
	for i := range out {
		out[i].Id = es[i].ID
	}
	return out
}

// BatchToProto maps one version's changes to the contract.
func BatchToProto(b *story.Batch) *timelinev1.WatchTimelineResponse {
	out := &timelinev1.WatchTimelineResponse{
		Version: b.Version, Reset_: b.Reset,
		WindowStart: b.WindowStart.String(), WindowEnd: b.WindowEnd.String(), ArticleCount: int32(b.ArticleCount),
		Changes: make([]*timelinev1.TimelineChange, len(b.Changes)),
	}
	for i := range b.Changes {
		c := &b.Changes[i]
		pc := &timelinev1.TimelineChange{Version: b.Version, EntryId: c.Entry.ID, Background: c.Background}
		switch c.Type {
		case story.Added:
			pc.Type = timelinev1.ChangeType_CHANGE_TYPE_ADDED
		case story.Changed:
			pc.Type = timelinev1.ChangeType_CHANGE_TYPE_CHANGED
		case story.Removed:
			pc.Type = timelinev1.ChangeType_CHANGE_TYPE_REMOVED
		}
		if c.Type != story.Removed {
			pc.Entry = storyEntries([]story.Entry{c.Entry})[0]
		}
		out.Changes[i] = pc
	}
	return out
}

// WatchTimeline streams the changes of a story's chronology.
func (s *StoryService) WatchTimeline(req *timelinev1.WatchTimelineRequest, stream timelinev1.StoryService_WatchTimelineServer) error {
	v := violations{decoded: s.decoded}
	id := checkName(&v, "name", req.GetName())
	if req.GetSinceVersion() < 0 {
		v.add("since_version", "%d is negative", req.GetSinceVersion())
	}
	if err := v.err("WatchTimelineRequest"); err != nil {
		return err
	}
	err := s.stories.Watch(stream.Context(), id, req.GetSinceVersion(), func(b *story.Batch) error {
		return stream.Send(BatchToProto(b))
	})
	return storyStatus(err)
}
