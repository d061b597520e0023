package dates

import (
	"sort"
	"strings"
)

// This file finds the date of an event that a time is told relative to
// ("in the weeks before the shooting", "days after a sniper killed Dr.
// Slepian"): news tells the event's date once ("the Oct. 23 sniper
// shooting") and refers to the event by its words afterwards.

// eventReach is how far (bytes) from a date an event word may stand, in the
// date's own sentence, to be the event the date is of.
const eventReach = 60

// eventWindow is how many tokens after "before" or "after" the words of
// the event are looked for.
const eventWindow = 8

// eventKeys collects, from the tokens after the direction word at k, the
// words that name the event: words of a family of events (eventFamilies:
// "killed", "the slaying") and the head noun after a determiner ("the
// vote", "the stock market crash"). Each key is an event family or the
// first letters of the word, lower case.
func (r *run) eventKeys(k int, keys []string) []string {
	head := ""
	inNoun := false
	for i := k + 1; i < len(r.toks) && i <= k+eventWindow; i++ {
		t := &r.toks[i]
		if t.kind == kPunct && t.punct != '\'' && t.punct != '-' {
			break
		}
		if t.kind != kWord {
			continue
		}
		w := r.text[t.start:t.end]
		if f, ok := eventFamilies[strings.ToLower(w)]; ok {
			keys = append(keys, f)
		}
		switch {
		case r.wordIs(t, determiners...):
			inNoun, head = true, ""
		case inNoun && t.flags&fCap == 0 && (r.wordIs(t, eventStops...) || t.class&cTenseMark != 0):
			inNoun = false
		case inNoun && t.flags&fCap == 0 && len(w) >= 4:
			head = w
		}
		if !inNoun && head != "" {
			keys = append(keys, eventStem(head))
			head = ""
		}
	}
	if head != "" {
		keys = append(keys, eventStem(head))
	}
	return keys
}

// eventStem is the key of a word outside the event families: its first
// five letters, lower case ("vote", "voted" and "voting" agree).
func eventStem(w string) string {
	w = strings.ToLower(w)
	if len(w) > 5 {
		w = w[:5]
	}
	return w
}

// eventDate is the latest anchored date told before offset limit, in a
// sentence where a word of the event (keys) stands within eventReach bytes
// of it and before limit, and whether there is one. The day of a report
// ("said Friday") is not an event's.
func (r *run) eventDate(keys []string, limit int) (Mention, bool) {
	if len(keys) == 0 {
		return Mention{}, false
	}
	best, bestDist := -1, eventReach+1
	for j := len(r.out) - 1; j >= 0; j-- {
		ms := r.out[j]
		if !ms.Anchored() || ms.Type != TypeDate && ms.Type != TypeTime || r.reportedOn(ms.Start) {
			continue
		}
		// The sentence of the mention.
		from, to := 0, len(r.text)
		if s := sort.Search(len(r.sents), func(i int) bool { return r.sents[i].End > ms.Start }); s < len(r.sents) {
			from, to = r.sents[s].Start, r.sents[s].End
		}
		from, to = max(from, ms.Start-eventReach), min(to, ms.End+eventReach, limit)
		// The date nearest a word of the event is the event's ("charged
		// Thursday with murder ... killed last fall when he was gunned
		// down"); between equals, the latest.
		if d := r.eventWordBefore(from, ms.Start, keys); d < bestDist {
			best, bestDist = j, d
		}
		if d := r.eventWordAfter(ms.End, to, keys); d < bestDist {
			best, bestDist = j, d
		}
	}
	if best < 0 {
		return Mention{}, false
	}
	return r.out[best], true
}

// reportedOn reports whether the word before offset i is a reporting verb
// ("said Friday").
func (r *run) reportedOn(i int) bool {
	j := i
	for j > 0 && r.text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isLetter(r.text[k-1]) {
		k--
	}
	w := r.text[k:j]
	for _, v := range reportingVerbs {
		if equalFold(w, v) {
			return true
		}
	}
	return false
}

// eventWordBefore is the distance (bytes) from the last word of the event
// (keys) in text[from:to] to to, or more than eventReach when there is none.
func (r *run) eventWordBefore(from, to int, keys []string) int {
	d := eventReach + 1
	for _, j := range r.eventWords(from, to, keys) {
		d = to - j
	}
	return d
}

// eventWordAfter is the distance (bytes) from from to the first word of
// the event (keys) in text[from:to], or more than eventReach.
func (r *run) eventWordAfter(from, to int, keys []string) int {
	for i := range r.eventWords(from, to, keys) {
		return i - from
	}
	return eventReach + 1
}

// eventWords yields the start and end of each word of the event (keys) in
// text[from:to]. A plural of a family ("sniper shootings") is other events
// than its singular ("the shooting").
func (r *run) eventWords(from, to int, keys []string) func(yield func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i := from; i < to; {
			if !isLetter(r.text[i]) {
				i++
				continue
			}
			j := i
			for j < len(r.text) && isLetter(r.text[j]) {
				j++
			}
			w := strings.ToLower(r.text[i:j])
			f, fam := eventFamilies[w]
			for _, k := range keys {
				if fam && k == f || !fam && len(w) >= 4 && eventStem(w) == k {
					if !yield(i, j) {
						return
					}
					break
				}
			}
			i = j
		}
	}
}

// aroundEvent is the DATE value of units ('days', 'weeks') told around an
// event whose date is at (granularity g, value v): a stretch before or
// after it ("in the weeks before the shooting") is the event's month (or
// its coarser value: "last fall"); a time some units away ("days after a
// sniper killed ...") is an unknown day, week or month of the event's
// month or year. ok is false when the year is unknown.
func aroundEvent(at Date, g gran, v string, u int, stretch bool) (string, bool) {
	if at.IsZero() {
		return "", false
	}
	month := g >= gMonth
	switch {
	case u == uHour && g >= gDay:
		return dayValue(at), true
	case stretch && u == uMonth:
		return yearValue(at.Year), true
	case stretch && month:
		return monthValue(at.Year, at.Month), true
	case stretch:
		return v, true
	case u == uWeek:
		return yearValue(at.Year) + "-WXX", true
	case u == uMonth:
		return yearValue(at.Year) + "-XX", true
	case month:
		return monthValue(at.Year, at.Month) + "-XX", true
	}
	return yearValue(at.Year) + "-XX-XX", true
}
