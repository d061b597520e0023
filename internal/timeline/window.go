package timeline

import (
	"slices"

	"github.com/timelined/timelined/internal/dates"
)

// storyGapDays is the largest silence inside one story. News refers back
// to its own earlier developments (the first call two months before the
// refusal); a development further back than a season with nothing dated in
// between is history the story recalls, not part of it.
const storyGapDays = 92

// storyWindow derives the story window from the data. The anchor is the
// latest publication date (the latest dated event when no article has
// one). The window is the run of dated events around the anchor in which
// consecutive event days are never more than storyGapDays apart: it walks
// back from the anchor through the event days while the gaps stay short,
// and forward the same way (plans the story announces). Only events told
// outside photo captions and dated to at most a quarter define the
// window; years and decades ("the 2020 election") never stretch it.
func storyWindow(clusters []*cluster, pubs []Publication) (dates.Date, dates.Date) {
	var anchor dates.Date
	for _, p := range pubs {
		if p.Date.After(anchor) {
			anchor = p.Date
		}
	}
	var days []int
	for _, k := range clusters {
		if k.captionOnly() || dayNumber(k.end)-dayNumber(k.start) > storyGapDays {
			continue
		}
		days = append(days, dayNumber(k.start))
	}
	if len(days) == 0 {
		return anchor, anchor
	}
	slices.Sort(days)
	days = slices.Compact(days)
	a := days[len(days)-1]
	if !anchor.IsZero() {
		a = dayNumber(anchor)
	}
	lo, hi := a, a
	// Walk back.
	i, _ := slices.BinarySearch(days, a+1)
	for j := i - 1; j >= 0; j-- {
		if lo-days[j] > storyGapDays {
			break
		}
		lo = min(lo, days[j])
	}
	// Walk forward.
	for j := i; j < len(days); j++ {
		if days[j]-hi > storyGapDays {
			break
		}
		hi = max(hi, days[j])
	}
	return fromDayNumber(lo), fromDayNumber(hi)
}

// fromDayNumber inverts dayNumber.
func fromDayNumber(n int) dates.Date { return dates.Date{Year: 1970, Month: 1, Day: 1}.AddDays(n) }
