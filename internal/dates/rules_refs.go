package dates

import (
	"strings"
)

// referenceRules are the rules of one kind (rules.go explains the table): references to the present, past and future.
var referenceRules = []rule{
	{name: "reference word", src: "REF",
		build: func(r *run, m *match) bool {
			v := [...]string{refPresent: "PRESENT_REF", refPast: "PAST_REF", refFuture: "FUTURE_REF"}[m.tok(0).val]
			if m.is(0, "rn") || m.is(0, "atm") {
				// Chat for "right now", "at the moment"; elsewhere, or
				// capitalised or after a determiner, a nurse or a cash
				// machine ("an RN", "the atm").
				if r.docType != Colloquial || m.tok(0).flags&fCap != 0 || r.wordIs(m.before(1), "the", "an", "a", "my", "nearest", "any") {
					return false
				}
			}
			if m.is(0, "soon") && (r.wordIs(m.before(1), "as") || r.wordIs(m.after(1), soonAfterWords...)) {
				return false // "as soon as", "soon after": relative to an event
			}
			if m.is(0, "soon") && r.tense(m.start, m.end) == TensePast {
				return false // "he was soon released": shortly after the event told, not the future
			}
			if m.is(0, "future") {
				// "future earnings" is a kind, "the foreseeable future" an idiom;
				// "in the future" and "the near future" are times.
				if n := m.after(1); n != nil && n.kind == kWord && !r.wordIs(n, futureNounFollowers...) {
					return false
				}
				if r.wordIs(m.before(1), "foreseeable", "a") {
					return false
				}
			}
			if v == "PRESENT_REF" && m.is(0, "current") && r.wordIs(m.before(1), "then") {
				// "the then current price": the present of a past time.
				return r.emit(piece{from: m.start - 1, to: m.end, typ: TypeDate, value: "PAST_REF", expl: explain("'then %s' is the present of a past time", m.text())})
			}
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' refers to the %s without a date", m.text(), strings.ToLower(strings.TrimSuffix(v, "_REF"))))
		},
		examples: []example{{"is now the", "now", "PRESENT_REF"}, {"said recently", "recently", "PAST_REF"}, {"will soon", "soon", "FUTURE_REF"}, {"He was soon released", "soon", ""}, {"a trickle that soon became a flood", "soon", ""},
			{"at 50% of the then current market price", "then current", "PAST_REF"},
			{"cut future earnings", "", ""}, {"for the foreseeable future.", "", ""},
			{"Robert F. Angelo, formerly Phoenix's senior vice president", "", ""}, {"She is an RN at the clinic.", "", ""}},
		posts: []example{{"so bored rn", "rn", "PRESENT_REF"}, {"busy atm sorry", "atm", "PRESENT_REF"}, {"where is the nearest atm", "", ""}}},
	{name: "the past/future", src: "the near|distant|recent? past|future",
		build: func(r *run, m *match) bool {
			if n := m.after(1); n != nil && (n.class&(cUnit|cUnits|cNumWord|cFew|cDigits) != 0 || n.kind == kWord && !r.wordIs(n, pastFutureFollowers...)) && n.kind != kPunct {
				return false
			}
			v := "PAST_REF"
			if m.is(m.n-1, "future") {
				v = "FUTURE_REF"
			}
			return r.whole(m, TypeDate, v, "", TenseUnknown, explain("'%s' is an unspecified time", m.text()))
		},
		examples: []example{{"in the past, he", "the past", "PAST_REF"}, {"in the past it considered a merger", "the past", "PAST_REF"}, {"in the future.", "the future", "FUTURE_REF"},
			{"in the near future.", "the near future", "FUTURE_REF"},
			{"strikes to continue well into the future if he does not stop", "the future", "FUTURE_REF"}}},
	{name: "right now", src: "right now",
		build:    refersTo("PRESENT_REF", "refers to the present"),
		examples: []example{{"not happy right now", "right now", "PRESENT_REF"}}},
	{name: "as soon as possible", src: "as soon as possible",
		build:    refersTo("FUTURE_REF", "refers to the future"),
		examples: []example{{"to sell it as soon as possible.", "as soon as possible", "FUTURE_REF"}, {"as soon as he arrives", "", ""}}},
	{name: "a later date", src: "a later date",
		build:    refersTo("FUTURE_REF", "is an unnamed time to come"),
		examples: []example{{"financed by offerings at a later date.", "a later date", "FUTURE_REF"}}},
	{name: "these days", src: "these days",
		build:    refersTo("PRESENT_REF", "refers to the present"),
		examples: []example{{"more painfully these days.", "these days", "PRESENT_REF"}}},
	{name: "the near term", src: "the near|short|long term",
		build:    refersTo("FUTURE_REF", "refers to the future"),
		examples: []example{{"the challenges of the near term.", "the near term", "FUTURE_REF"}}},
}
