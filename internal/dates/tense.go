package dates

import (
	"strings"
)

// This file reads the tense of the clause a mention stands in: the nearest
// verb, what governs it (a modal, an infinitive of intent) and the cues
// that override it ("since", "payable", "postponed until").

// tense reads the orientation of the clause around tokens [i, j): the
// nearest tense-marking word in the sentence (auxiliaries, past-tense verbs,
// "will", "next"), preferring the left side on a tie. A verb governed by a
// future modal or an infinitive ("will be held", "plans to meet") is future.
func (r *run) tense(i, j int) Tense {
	left, right := TenseUnknown, TenseUnknown
	ld, rd := 1<<30, 1<<30
	for k := i - 1; k >= 0; k-- {
		if t := &r.toks[k]; t.class&cTenseMark != 0 && t.tense != TenseUnknown && !r.notVerb(k) {
			left, ld = r.governed(k, t.tense), i-k
			break
		}
	}
	comma := j > 0 && r.toks[j-1].kind == kPunct && r.toks[j-1].punct == ','
	for k := j; k < len(r.toks); k++ {
		if r.toks[k].kind == kPunct && r.toks[k].punct == ',' {
			comma = true
		}
		if t := &r.toks[k]; t.class&cTenseMark != 0 && t.tense != TenseUnknown && !r.notVerb(k) {
			// "... in early March, an official said": a reporting verb
			// after a comma tells when it was said, not when the reported
			// thing happens; the clause's own verb decides.
			if comma && left != TenseUnknown && r.wordIs(t, reportingVerbs...) {
				break
			}
			right, rd = r.governed(k, t.tense), k-j+1
			// "were planning", "is expected": the verb after the auxiliary
			// decides.
			// ("announced plans" is a past verb and its object).
			if k+1 < len(r.toks) && r.toks[k+1].tense == TenseFuture && r.toks[k+1].class&cDeictic == 0 &&
				r.wordIs(t, auxiliaries...) {
				right = TenseFuture
			}
			break
		}
	}
	// "postponed until Tuesday", "extended to Nov. 16": a delay moves a
	// thing to a later date, whatever the tense.
	if i > 1 && r.wordIs(&r.toks[i-1], "until", "till", "to") &&
		r.wordIs(&r.toks[i-2], postponeWords...) {
		return TenseFuture
	}
	// "since March", "since shortly after the Oct. 23 slaying": always
	// before.
	for k := i - 1; k >= 0 && k >= i-4 && r.toks[k].kind == kWord; k-- {
		if r.wordIs(&r.toks[k], "since") {
			return TensePast
		}
	}
	// "payable Dec. 7", "effective Feb. 1": a coming date, unless a past
	// verb stands right beside it ("until Thursday, they had not") or the
	// plan is told in the past perfect ("it had been due to expire
	// Friday": the date has passed).
	// "loans through January" is a term still running; "this year through
	// August" is a range whose start decides.
	if i > 0 && r.toks[i-1].class&cForward != 0 || i > 1 && r.toks[i-2].class&cForward != 0 && r.toks[i-1].kind == kWord && r.toks[i-1].class&cOf == 0 {
		f := i - 1
		if r.toks[f].class&cForward == 0 {
			f--
		}
		// "went into effect Monday": the verb before "effect" is beside it.
		near := 3
		if r.wordIs(&r.toks[f], "effect") {
			near += i - f
		}
		if !(left == TensePast && ld <= near || right == TensePast && rd <= 3 || r.pastPerfectBefore(i) ||
			r.wordIs(&r.toks[f], "through") && f > 0 && len(r.out) > 0 && r.out[len(r.out)-1].End == r.toks[f-1].end) {
			return TenseFuture
		}
	}
	// "the trial begins Monday", "on Monday, the trial begins": the present
	// of a scheduled start tells a coming day, when the day is a definite
	// one ("school starts on a Friday" says which weekday, not which day).
	// "the vote is Tuesday": the copula is both the tense word and the
	// schedule.
	if d := r.scheduledNear(i, j); (d < ld || d == ld && d <= i && r.wordIs(&r.toks[i-d], "is", "are")) && d < rd && !(i > 0 && r.toks[i-1].class&cIndef != 0) {
		return TenseFuture
	}
	// "as soon as Tuesday", "as early as next week".
	if i > 1 && r.wordIs(&r.toks[i-1], "as") && r.wordIs(&r.toks[i-2], "soon", "early") {
		return TenseFuture
	}
	if left == TensePresent && r.infinitiveBetween(i-ld, i, false) || left == TensePast && r.infinitiveBetween(i-ld, i, true) {
		left = TenseFuture // "is to resume trading Tuesday", "agreed to buy it in February"
	}
	if left != TenseUnknown && ld <= rd+leftBias {
		return left
	}
	if right != TenseUnknown {
		return right
	}
	return left
}

// pastPerfectBefore reports whether "had" stands among the six words
// before token i.
func (r *run) pastPerfectBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if r.wordIs(&r.toks[k], "had") {
			return true
		}
	}
	return false
}

// looksBackTo reports whether the month or season at token i stands in a
// clause in the past perfect that looks back from the story's time ("who
// had spent the spring and summer organizing"): "had" among the words
// before it, and no "by" right before it, which makes the date a deadline
// the story reaches ("the offensive had been repulsed by January").
func (r *run) looksBackTo(i int) bool {
	return r.pastPerfectBefore(i) && !(i > 0 && r.wordIs(&r.toks[i-1], "by"))
}

// notVerb reports whether the tense word at k is not a verb here: "plans"
// without an infinitive is a noun ("set aside vacation plans for the
// trip"; "plans to meet" is a verb or a plan, future either way), and an
// -ed word after an article, a possessive or "still" modifies a noun
// rather than telling a past event ("on a still unspecified date", "the
// proposed merger", "its restated results"), as does one after a
// determiner and an -ly adverb ("the hastily planned trip"). Other -ed
// words the lexicon knows are left alone.
func (r *run) notVerb(k int) bool {
	t := &r.toks[k]
	if r.wordIs(t, "plans") {
		return k+1 >= len(r.toks) || !r.wordIs(&r.toks[k+1], "to")
	}
	if k == 0 || t.kind != kWord {
		return false
	}
	w := r.text[t.start:t.end]
	if len(w) < 4 || w[len(w)-2:] != "ed" {
		return false
	}
	// "the hastily planned trip": an -ly adverb between a determiner and
	// the -ed word makes it an adjective, even one the lexicon knows.
	if p := &r.toks[k-1]; k >= 2 && p.kind == kWord && strings.HasSuffix(strings.ToLower(r.text[p.start:p.end]), "ly") &&
		r.wordIs(&r.toks[k-2], determiners...) {
		return true
	}
	if t.tense != TensePast {
		return false
	}
	if _, ok := lexicon[strings.ToLower(w)]; ok {
		return false
	}
	return r.wordIs(&r.toks[k-1], append(determiners, "still", "newly")...)
}

// infinitiveBetween reports whether "to" and a verb-like word stand between
// tokens a and b (a plan: "is to resume", "are set to meet"). After a past
// verb, only an infinitive of intent counts ("agreed to buy it in
// February", "was set to resume Monday"): in "shot to death last Oct. 23"
// or "extended their offers to acquire it Friday" the date is the past
// verb's.
func (r *run) infinitiveBetween(a, b int, intent bool) bool {
	// A comma and a preposition after the infinitive start an adjunct of
	// the clause, not of the infinitive: "is continuing to try to sell
	// itself, under a June agreement" names an existing agreement.
	for k := b - 1; k > a; k-- {
		if r.toks[k].kind == kPunct && r.toks[k].punct == ',' && k+1 < b &&
			r.wordIs(&r.toks[k+1], asidePrepositions...) {
			a = k
			break
		}
	}
	for k := a + 1; k+1 < b; k++ {
		if r.wordIs(&r.toks[k], "to") && r.toks[k+1].kind == kWord && r.toks[k+1].flags&fCap == 0 && r.toks[k+1].class&(cDet|cIndef) == 0 &&
			(!intent || r.intentBefore(k)) {
			return true
		}
	}
	return false
}

// intentBefore reports whether a word of intent governs the "to" at k:
// right before it ("agreed to") or before its object ("subpoenaed
// 6-year-old Elian to testify", "ordered them to leave").
func (r *run) intentBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		t := &r.toks[b]
		if t.kind == kPunct && t.punct != '-' {
			return false
		}
		if intentWords[strings.ToLower(r.text[t.start:t.end])] {
			return true
		}
		if t.class&cTenseMark != 0 || r.wordIs(t, purposePrepositions...) {
			return false // "voted for an Arab force to protect it": the force's purpose
		}
	}
	return false
}

// leftBias is how much nearer a tense word after a date must be to win
// over one before it: the verb that governs a date mostly precedes it
// ("was busy on Friday", "will meet Bush on Thursday").
const leftBias = 4

// governed returns the tense of the verb at k given the three words before
// it: a future modal or "to" there makes it future.
func (r *run) governed(k int, t Tense) Tense {
	if t == TenseFuture {
		// "had been scheduled to expire Friday", "as previously planned
		// Saturday night": a plan told as past is a past date.
		if r.wordIs(&r.toks[k], "scheduled", "planned", "expected") {
			for b := k - 1; b >= 0 && b >= k-2 && r.toks[b].kind == kWord; b-- {
				if r.wordIs(&r.toks[b], "had", "previously", "originally") {
					return TensePast
				}
			}
		}
		return t
	}
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		x := &r.toks[b]
		// A name between "to" and the verb ends the look back: in "the
		// three months to March showed growth" "to" is a preposition.
		if x.kind != kWord || x.flags&fCap != 0 && b > 0 {
			break
		}
		if b == k-1 && t == TensePast && x.tense == TensePresent {
			return TensePresent // "is heard": a passive, not a past
		}
		if x.tense == TenseFuture && x.class&(cNext|cDeictic) == 0 || r.wordIs(x, "to") {
			return TenseFuture
		}
	}
	return t
}

func tenseWord(t Tense) string {
	switch t {
	case TensePast:
		return "a past-tense clause"
	case TenseFuture:
		return "a future clause"
	case TensePresent:
		return "a present-tense clause"
	}
	return "a clause of unknown tense"
}

// scheduleVerbs are present forms that, told of a definite day, schedule a
// start or an opening.
var scheduleVerbs = []string{"begins", "starts", "opens", "reopens", "resumes", "convenes", "premieres", "debuts"}

// scheduledNear returns how far (in tokens, as tense counts) a schedule
// verb stands from tokens [i, j), within four words and with no
// punctuation but a comma right after the date between; 1<<30 when none
// does. A schedule verb is one of scheduleVerbs, a present verb of a
// scheduled event (scheduledVerb), or "is"/"are" with the date as what
// they say ("the vote is Tuesday", "the deadline is midnight Friday").
func (r *run) scheduledNear(i, j int) int {
	d := 1 << 30
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := &r.toks[k]
		if t.kind != kWord {
			break
		}
		if r.wordIs(t, scheduleVerbs...) || r.scheduledVerb(k) || r.scheduleCopula(k, i) {
			d = i - k
			break
		}
	}
	for k := j; k < len(r.toks) && k < j+5 && k-j+1 < d; k++ {
		t := &r.toks[k]
		if t.kind == kPunct && t.punct == ',' && k == j {
			continue
		}
		// "began raising its stake in July, and holds 14.6%": a verb
		// after a conjunction heads a clause of its own.
		if t.kind != kWord || r.wordIs(t, "and", "but", "or") {
			break
		}
		if r.wordIs(t, scheduleVerbs...) || r.scheduledVerb(k) {
			return k - j + 1
		}
	}
	return d
}

// scheduledVerb reports whether the word at k is a present verb of a
// scheduled event: a third-person form ("the team plays Saturday", "the
// court hears arguments Monday") not after a determiner or a number (where
// it is a noun: "the plays", "two visits"), or a base form after a plural
// subject, a name, a pronoun or a comma ("the Jets play Sunday", "Arafat and
// Netanyahu meet Monday", "the Jets, who lost Sunday, play Thursday"), in both cases with no past word governing it ("did not
// play Saturday", "filed tax returns Monday").
func (r *run) scheduledVerb(k int) bool {
	t := &r.toks[k]
	if t.kind != kWord || t.end-t.start > maxWord {
		return false
	}
	var buf [maxWord]byte
	w := buf[:0]
	for i := t.start; i < t.end; i++ {
		c := r.text[i]
		if isUpper(c) {
			c |= 0x20
		}
		w = append(w, c)
	}
	third, base := scheduledPresent[string(w)], scheduledBase[string(w)] // no allocation: a map index by a converted []byte
	if !third && !base || k == 0 {
		return false
	}
	p := &r.toks[k-1]
	if p.kind == kNum || r.wordIs(p, determiners...) || r.wordIs(p, nounMarkers...) {
		return false
	}
	if base {
		pw := r.text[p.start:p.end]
		// After a comma the subject is further back ("the Jets, who lost
		// Sunday, play Thursday").
		if p.kind == kPunct && p.punct == ',' {
			return true
		}
		if p.kind != kWord || p.flags&fCap == 0 && !strings.HasSuffix(pw, "s") && !r.wordIs(p, pluralPronouns...) ||
			strings.HasSuffix(strings.ToLower(pw), "ss") || r.wordIs(p, seasonVerbCues...) || r.wordIs(p, modals...) {
			return false
		}
	}
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		x := &r.toks[b]
		if x.kind == kPunct && x.punct != '\'' {
			break
		}
		if x.tense == TensePast && x.class&cTenseMark != 0 && !r.wordIs(x, reportingVerbs...) && !r.notVerb(b) {
			return false
		}
	}
	return true
}

// scheduleCopula reports whether "is" or "are" at k says the date at i is
// when a thing takes place: right before it, or with only "on", "at", "set
// for" or "slated for" between ("the vote is Tuesday", "the game is on
// Saturday", "the hearing is set for Monday").
func (r *run) scheduleCopula(k, i int) bool {
	if !r.wordIs(&r.toks[k], "is", "are") {
		return false
	}
	switch i - k {
	case 1:
		return true
	case 2:
		return r.wordIs(&r.toks[k+1], "on", "at")
	case 3:
		return r.wordIs(&r.toks[k+1], "set", "slated") && r.wordIs(&r.toks[k+2], "for")
	}
	return false
}
