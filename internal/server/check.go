package server

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/reflect/protoreflect"

	timelinev1 "github.com/timelined/timelined/gen/timeline/v1"
	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/errtext"
	"github.com/timelined/timelined/internal/timeline"
)

// maxViolations bounds the field violations one error carries, so that a
// request with a thousand bad articles gets a readable answer of bounded size.
const maxViolations = 100

// violations collects what is wrong with a request, field by field.
// decoded says the request came off the wire, where protobuf has refused
// invalid UTF-8 in every string field already: the texts need no second
// scan (2% of a BuildTimeline's CPU).
type violations struct {
	list    []*errdetails.BadRequest_FieldViolation
	dropped int
	decoded bool
	// md and ruled are set by rules (validate.go): the request's type, and
	// the fields its buf.validate rules found wrong, which the checks
	// here then leave alone.
	md    protoreflect.MessageDescriptor
	ruled map[string]bool
}

func (v *violations) add(field, format string, args ...any) {
	if v.ruled[field] {
		return
	}
	if len(v.list) == maxViolations {
		v.dropped++
		return
	}
	v.list = append(v.list, &errdetails.BadRequest_FieldViolation{
		Field:       field,
		Description: fmt.Sprintf(format, args...),
	})
}

// err returns nil when nothing was added, else INVALID_ARGUMENT carrying a
// google.rpc.BadRequest. The message repeats the first violations so that a
// person who sees only the message (grpcurl, logs) knows what to fix.
func (v *violations) err(request string) error {
	if len(v.list) == 0 {
		return nil
	}
	v.sortViolations()
	var b strings.Builder
	fmt.Fprintf(&b, "invalid %s: ", request)
	const shown = 3
	for i, fv := range v.list[:min(shown, len(v.list))] {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %s", fv.Field, fv.Description)
	}
	if more := len(v.list) - shown + v.dropped; more > 0 {
		fmt.Fprintf(&b, " (and %d more)", more)
	}
	st, err := status.New(codes.InvalidArgument, b.String()).WithDetails(&errdetails.BadRequest{FieldViolations: v.list})
	if err != nil {
		// Only a marshalling bug gets here; the message alone still says it all.
		return status.Error(codes.InvalidArgument, b.String())
	}
	return st.Err()
}

// checkResolveDatesRequest validates req against l and returns the article
// and document type it asks about, or INVALID_ARGUMENT. decoded says req
// was decoded from the wire (see violations).
func checkResolveDatesRequest(req *timelinev1.ResolveDatesRequest, l Limits, decoded bool) (timeline.Article, dates.DocType, error) {
	v := violations{decoded: decoded}
	v.rules(req)
	var a timeline.Article
	if req.GetArticle() == nil {
		v.add("article", "required")
	} else {
		a = checkArticle(&v, "article", req.GetArticle(), l, zoneChecker{})
	}
	doc, ok := docType(req.GetDocumentType())
	if !ok {
		v.add("document_type", "unknown value %d", int32(req.GetDocumentType()))
	}
	return a, doc, v.err("ResolveDatesRequest")
}

// docType maps the contract's document types to the engine's; ok is false
// for values the contract does not define.
func docType(t timelinev1.DocumentType) (doc dates.DocType, ok bool) {
	switch t {
	case timelinev1.DocumentType_DOCUMENT_TYPE_UNSPECIFIED, timelinev1.DocumentType_DOCUMENT_TYPE_NEWS:
		return dates.News, true
	case timelinev1.DocumentType_DOCUMENT_TYPE_NARRATIVE:
		return dates.Narrative, true
	case timelinev1.DocumentType_DOCUMENT_TYPE_COLLOQUIAL:
		return dates.Colloquial, true
	}
	return dates.News, false
}

// checkBuildTimelineRequest validates req against l and returns the articles
// and options it asks for, or INVALID_ARGUMENT. decoded says req was
// decoded from the wire (see violations).
func checkBuildTimelineRequest(req *timelinev1.BuildTimelineRequest, l Limits, decoded bool) ([]timeline.Article, timeline.Options, error) {
	v := violations{decoded: decoded}
	v.rules(req)
	var opts timeline.Options
	in := req.GetArticles()
	switch {
	case len(in) == 0:
		v.add("articles", "at least one article is required")
	case len(in) > l.MaxArticles:
		// Refuse before looking at any article: the request is too big to read.
		v.add("articles", "%d articles exceed the limit of %d per request (max articles)", len(in), l.MaxArticles)
		return nil, opts, v.err("BuildTimelineRequest")
	}
	articles := make([]timeline.Article, len(in))
	first := make(map[string]int, len(in))
	zones := zoneChecker{}
	for i, pa := range in {
		path := fmt.Sprintf("articles[%d]", i)
		articles[i] = checkArticle(&v, path, pa, l, zones)
		id := pa.GetId()
		if id == "" {
			continue
		}
		if j, dup := first[id]; dup {
			v.add(path+".id", "duplicate of articles[%d].id %s", j, errtext.Clip(id))
			continue
		}
		first[id] = i
	}
	opts.WindowStart = checkDate(&v, "window_start", "", req.GetWindowStart())
	opts.WindowEnd = checkDate(&v, "window_end", "", req.GetWindowEnd())
	if !opts.WindowStart.IsZero() && !opts.WindowEnd.IsZero() && opts.WindowStart.After(opts.WindowEnd) {
		v.add("window_end", "%s is before window_start %s", opts.WindowEnd, opts.WindowStart)
	}
	opts.Focus = checkFocus(&v, req.GetFocus())
	return articles, opts, v.err("BuildTimelineRequest")
}

// checkFocus checks the focus names: at most timeline.MaxFocus, each with
// a letter or digit, at most timeline.MaxFocusBytes, none given twice.
func checkFocus(v *violations, focus []string) []string {
	if len(focus) > timeline.MaxFocus {
		v.add("focus", "%d names exceed the limit of %d", len(focus), timeline.MaxFocus)
		return nil
	}
	seen := make(map[string]int, len(focus))
	for i, name := range focus {
		path := fmt.Sprintf("focus[%d]", i)
		checkString(v, path, "", name, true, timeline.MaxFocusBytes, "max focus name bytes")
		if strings.TrimSpace(name) != "" && !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			v.add(path, "%s names nothing: want a name with a letter or digit", errtext.Clip(name))
		}
		key := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if j, dup := seen[key]; dup {
			v.add(path, "%s repeats focus[%d]", errtext.Clip(name), j)
		}
		seen[key] = i
	}
	return focus
}

// checkArticle adds a violation under path for each bad field of a and
// returns it as a domain article.
func checkArticle(v *violations, path string, a *timelinev1.Article, l Limits, zones zoneChecker) timeline.Article {
	if a == nil {
		v.add(path, "required")
		return timeline.Article{}
	}
	// Fields in the order of the contract, so violations read in that order.
	checkString(v, path, ".id", a.GetId(), true, maxIDBytes, "max id bytes")
	checkString(v, path, ".title", a.GetTitle(), false, 0, "")
	checkString(v, path, ".text", a.GetText(), true, l.MaxArticleBytes, "max article bytes")
	published := checkDate(v, path, ".published_date", a.GetPublishedDate())
	if tz := a.GetTimeZone(); tz != "" {
		if err := zones.check(tz); err != nil {
			v.add(path+".time_zone", "%s is not an IANA time zone name (like \"Europe/Moscow\")", errtext.Clip(tz))
		}
	}
	checkString(v, path, ".url", a.GetUrl(), false, 0, "")
	checkString(v, path, ".source", a.GetSource(), false, 0, "")
	return timeline.Article{
		ID:        a.GetId(),
		Title:     a.GetTitle(),
		Text:      a.GetText(),
		Published: published,
		URL:       a.GetUrl(),
		Source:    a.GetSource(),
	}
}

// checkString checks that s is valid UTF-8 (unless decoded from the wire),
// is not blank when required, and is at most limit bytes when limit > 0
// (limitName names the limit). The field is path+sub, joined only for a
// violation: naming every field of every article up front cost 3% of a
// BuildTimeline.
func checkString(v *violations, path, sub, s string, required bool, limit int, limitName string) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.add(path+sub, "required")
	case limit > 0 && len(s) > limit:
		v.add(path+sub, "%d bytes exceed the limit of %d bytes (%s)", len(s), limit, limitName)
	case !v.decoded && !utf8.ValidString(s):
		v.add(path+sub, "invalid UTF-8 at byte %d", invalidUTF8At(s))
	}
}

// invalidUTF8At returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1.
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// checkDate parses the optional YYYY-MM-DD field path+sub; empty gives the
// zero Date.
func checkDate(v *violations, path, sub, s string) dates.Date {
	if s == "" {
		return dates.Date{}
	}
	d, err := dates.ParseDate(s)
	if err != nil {
		v.add(path+sub, "%s is not a date: want YYYY-MM-DD, a real day in years %04d to %04d", errtext.Clip(s), dates.MinYear, dates.MaxYear)
		return dates.Date{}
	}
	return d
}

// zoneChecker validates IANA time zone names, loading each name once per
// request (time.LoadLocation reads the zone database every time).
type zoneChecker map[string]error

func (z zoneChecker) check(name string) error {
	if err, ok := z[name]; ok {
		return err
	}
	var err error
	if name == "Local" {
		// "Local" names the server's own zone, which a caller cannot know.
		err = fmt.Errorf("time zone %q is the server's local zone", name)
	} else if _, lerr := time.LoadLocation(name); lerr != nil {
		err = fmt.Errorf("load time zone: %w", lerr)
	}
	z[name] = err
	return err
}
