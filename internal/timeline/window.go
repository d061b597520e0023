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

// storyWindow derives the story window from the data. It ends at the
// latest publication date: the story is what the articles report up to
// the day they appeared (plans beyond it are background, still reported).
// The publication dates are evidence of the story's span: a collection
// published over four years tells four years, so every day from the
// earliest publication to the latest is in the window. Before the earliest
// publication, the window reaches the earliest event day found by walking
// back through the event days while consecutive days are never more than
// storyGapDays apart: the gaps between the dates the articles give, not a
// fixed span, decide how far back the story reaches. Only events told
// outside photo captions and dated to at most a quarter define the window;
// years and decades ("the 2020 election") never stretch it. With no
// publication date at all, the window is the run of event days around the
// latest one.
func storyWindow(clusters []*cluster, pubs []Publication) (dates.Date, dates.Date) {
	var anchor, earliest dates.Date
	for _, p := range pubs {
		if p.Date.After(anchor) {
			anchor = p.Date
		}
		if !p.Date.IsZero() && (earliest.IsZero() || p.Date.Before(earliest)) {
			earliest = p.Date
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
		return earliest, anchor
	}
	slices.Sort(days)
	days = slices.Compact(days)
	a := days[len(days)-1]
	lo, hi := a, a
	if !anchor.IsZero() {
		a, lo, hi = dayNumber(earliest), dayNumber(earliest), dayNumber(anchor)
	}
	// Walk back.
	i, _ := slices.BinarySearch(days, a+1)
	for j := i - 1; j >= 0; j-- {
		if lo-days[j] > storyGapDays {
			break
		}
		lo = min(lo, days[j])
	}
	// Walk forward only when no publication date ends the window.
	for j := i; anchor.IsZero() && j < len(days); j++ {
		if days[j]-hi > storyGapDays {
			break
		}
		hi = max(hi, days[j])
	}
	return fromDayNumber(lo), fromDayNumber(hi)
}

// fromDayNumber inverts dayNumber.
func fromDayNumber(n int) dates.Date { return dates.Date{Year: 1970, Month: 1, Day: 1}.AddDays(n) }
