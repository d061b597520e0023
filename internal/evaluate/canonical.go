package evaluate

import (
	"strings"
)

// CanonicalValue rewrites the spellings of TIMEX3 values that some corpora
// use in place of TimeML's to TimeML's, so that values that mean the same
// compare equal. The SynTime tweets corpus writes a weekday suffix after a
// full date ("2011-11-26-WXX-6", which TimeML writes "2011-11-26"), a bare
// year as "2014-XX-XX" ("2014"), weeks of a month as "2013-10-W41"
// ("2013-W41"), a weekend of no known week as "XXXX-WE" ("XXXX-WXX-WE"),
// and leaves out zero padding ("2013-11-3", "T7:30", "T:07:30"). Any other
// value is returned unchanged; CanonicalValue of a canonical value is that
// value.
func CanonicalValue(v string) string {
	if v == "XXXX-WE" {
		return "XXXX-WXX-WE"
	}
	date, rest := v, ""
	if i := strings.IndexByte(v, 'T'); i > 0 && isDigit(v[0]) {
		date, rest = v[:i], v[i:]
	}
	if len(date) < 4 || !isDigit(date[0]) || strings.ContainsRune(date, ' ') {
		return v
	}
	parts := strings.Split(date, "-")
	// "2011-11-26-WXX-6": the weekday of a date already told.
	if len(parts) == 5 && parts[3] == "WXX" && len(parts[2]) <= 2 && parts[2] != "XX" {
		parts = parts[:3]
	}
	// "2013-10-W41": a week written under its month.
	if len(parts) >= 3 && strings.HasPrefix(parts[2], "W") && len(parts[1]) <= 2 && parts[1] != "XX" {
		parts = append(parts[:1], parts[2:]...)
	}
	// "2014-XX-XX": a year.
	if len(parts) == 3 && parts[1] == "XX" && parts[2] == "XX" && rest == "" {
		parts = parts[:1]
	}
	for k := 1; k < len(parts) && k <= 2; k++ {
		if len(parts[k]) == 1 && isDigit(parts[k][0]) && !(k == 2 && strings.HasPrefix(parts[1], "W")) {
			parts[k] = "0" + parts[k]
		}
	}
	return strings.Join(parts, "-") + canonicalTime(rest)
}

// canonicalTime pads the hour of a time part ("T7:30" -> "T07:30") and drops
// a stray colon after the T ("T:07:30").
func canonicalTime(t string) string {
	if t == "" {
		return t
	}
	body := strings.TrimPrefix(t[1:], ":")
	if len(body) >= 2 && isDigit(body[0]) && body[1] == ':' {
		body = "0" + body
	} else if len(body) == 1 && isDigit(body[0]) {
		body = "0" + body
	}
	return "T" + body
}

// Canonicalize rewrites, in place, the values of the gold annotations of
// docs and of the system annotations with CanonicalValue, so that Score
// counts only real disagreements on a corpus with its own spellings.
func Canonicalize(docs []*Document, system map[string][]Timex) {
	for _, d := range docs {
		for i := range d.Timexes {
			d.Timexes[i].Value = CanonicalValue(d.Timexes[i].Value)
		}
	}
	for _, ts := range system {
		for i := range ts {
			ts[i].Value = CanonicalValue(ts[i].Value)
		}
	}
}
