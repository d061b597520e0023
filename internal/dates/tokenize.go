package dates

import "strings"

// Token kinds.
const (
	kWord  = iota + 1 // letters (and acronyms with periods: "p.m.", "U.S.")
	kNum              // digits, with merged thousands groups, decimals, ordinals
	kPunct            // one ASCII punctuation byte
	kOther            // a run of non-ASCII bytes (quotes, dashes, other scripts)
)

// Token flags.
const (
	fSpace   = 1 << iota // whitespace (or the text start) before the token
	fCap                 // starts with an upper-case letter
	fGrouped             // a number written with thousands separators: "2,000"
	fDecimal             // a number with a decimal part: "3.5"
	fMoney               // a number right after a currency sign: "$8"
	fBreak               // a paragraph break before the token
	fHalf                // a number followed by "1/2": "2 1/2"
	fEra                 // a year with its era: "480 BC", "AD 70" (val is astronomical: 480 BC is -479)
	fAmbig               // a calendar word that is also a common word ("may", "sat", "sun"): kept only where a date stands (settleAmbiguous)
	fPlus                // a number with a "+" glued after it, which the tokenizer passes over: "4+ hours", "5+am"
)

// token is one unit of the text as the rules see it.
type token struct {
	start, end int
	class      class
	val        int32
	kind       uint8
	flags      uint16
	tense      Tense
	// punct is the byte of a kPunct token.
	punct byte
}

func (t *token) has(c class) bool { return t.class&c != 0 }

// maxWord bounds the words looked up in the lexicon; longer runs of letters
// cannot be date words.
const maxWord = 24

// tokenizer walks the text once, left to right.
type tokenizer struct {
	text string
	pos  int
	buf  [maxWord]byte
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }

// apostropheAt reports the length of an apostrophe (ASCII or U+2019) at i.
func apostropheAt(s string, i int) int {
	if i < len(s) && s[i] == '\'' {
		return 1
	}
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// next returns the next token, or false at the end of the text.
func (z *tokenizer) next(t *token) bool {
	s := z.text
	i := z.pos
	space := i == 0
	newlines := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			i++
			continue
		}
		if c == '\n' {
			space = true
			newlines++
			i++
			continue
		}
		// U+00A0 no-break space.
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 {
			space = true
			i += 2
			continue
		}
		break
	}
	if i >= len(s) {
		z.pos = i
		return false
	}
	*t = token{start: i}
	if space {
		t.flags |= fSpace
	}
	if newlines >= 2 {
		t.flags |= fBreak
	}
	c := s[i]
	switch {
	case isLetter(c):
		z.word(t, i)
		if i > 0 && s[i-1] == '#' {
			// "Happy #Friday", "#Christmas season": a hashtag is a
			// label, not a date told.
			t.class &^= calendarClasses
		}
	case isDigit(c):
		z.number(t, i)
		if glued(s, i) {
			// "#Olympics2014", "KLPF2013", "#HWW1HR": digits glued to a
			// name are part of it.
			t.class = 0
		}
		if e := t.end; t.class&cDigits != 0 && t.flags&(fMoney|fGrouped) == 0 && e+1 < len(s) && s[e] == '+' && (s[e+1] == ' ' || isLetter(s[e+1])) {
			// "4+ hours", "1+ hr ago", "5+am": at least that many.
			t.flags |= fPlus
			z.pos = e + 1
			return true
		}
	case c < 0x80:
		t.kind = kPunct
		t.punct = c
		t.end = i + 1
	default:
		if n := apostropheAt(s, i); n > 0 {
			t.kind = kPunct
			t.punct = '\''
			t.end = i + n
			break
		}
		// U+2013 en dash, the dash of ranges ("1939–45", "12–14 March"),
		// reads as a hyphen.
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x93 {
			t.kind = kPunct
			t.punct = '-'
			t.end = i + 3
			break
		}
		j := i + 1
		for j < len(s) && s[j] >= 0x80 && apostropheAt(s, j) == 0 {
			j++
		}
		t.kind = kOther
		t.end = j
	}
	z.pos = t.end
	return true
}

// word reads letters from i: a plain word, an acronym with periods
// ("p.m.", "U.S."), or an abbreviation the lexicon knows with its period.
func (z *tokenizer) word(t *token, i int) {
	s := z.text
	t.kind = kWord
	if isUpper(s[i]) {
		t.flags |= fCap
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	// Acronym: single letters separated by periods.
	if j == i+1 && j+1 < len(s) && s[j] == '.' && isLetter(s[j+1]) {
		k := j
		for k+1 < len(s) && s[k] == '.' && isLetter(s[k+1]) && (k+2 >= len(s) || !isLetter(s[k+2])) {
			k += 2
		}
		if k < len(s) && s[k] == '.' {
			k++
		}
		j = k
	}
	n := j - i
	if n <= maxWord {
		b := z.buf[:0]
		for k := i; k < j; k++ {
			b = append(b, s[k]|0x20*btoi(isUpper(s[k])))
		}
		// An abbreviation takes its period: "Jan.", "Sept.", "Fri.".
		if j < len(s) && s[j] == '.' && n <= 5 {
			b2 := append(b, '.')
			if e, ok := lexicon[string(b2)]; ok {
				t.class, t.val, t.tense = e.class, e.val, e.tense
				t.end = j + 1
				z.fixCase(t, b2)
				return
			}
		}
		if e, ok := lexicon[string(b)]; ok {
			t.class, t.val, t.tense = e.class, e.val, e.tense
		} else if n >= 4 && b[n-1] == 'd' && b[n-2] == 'e' && !notPast[string(b)] {
			t.tense = TensePast
			t.class |= cTenseMark
		}
	}
	t.end = j
	if n <= maxWord {
		z.fixCase(t, z.buf[:n])
	}
}

// fixCase marks the month and weekday words that are also common words
// (ambiguousCalendar: "may", "march", "sat", "sun") for settleAmbiguous,
// which keeps them only where a date stands. The others are calendar
// words in any case: colloquial text writes "friday" and "november".
func (z *tokenizer) fixCase(t *token, w []byte) {
	if t.class&(cMonth|cWeekday) == 0 {
		return
	}
	switch ambiguousCalendar[string(w)] {
	case ambiguousLower:
		if t.flags&fCap == 0 {
			t.flags |= fAmbig
		}
	case ambiguousAlways:
		t.flags |= fAmbig
	}
}

func btoi(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// number reads digits from i, merging thousands groups ("2,000"), decimals
// ("3.5"), clock times ("15:00" -> cClock) and ordinal or plural suffixes
// ("19th", "1990s").
func (z *tokenizer) number(t *token, i int) {
	s := z.text
	if s[i] == '2' && z.numeral(t, i) {
		return
	}
	t.kind = kNum
	j := i
	v := 0
	for j < len(s) && isDigit(s[j]) {
		if v < 1<<24 {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	nd := j - i
	if i > 0 && (s[i-1] == '$' || (i >= 2 && s[i-2] == 0xC2 && s[i-1] == 0xA3) || (i >= 3 && s[i-3] == 0xE2 && s[i-2] == 0x82 && s[i-1] == 0xAC)) {
		t.flags |= fMoney
	}
	// Thousands groups and decimals.
	for j+3 < len(s)+0 && s[j] == ',' && isDigit(s[j+1]) && j+3 < len(s) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 >= len(s) || !isDigit(s[j+4])) && nd <= 3 {
		t.flags |= fGrouped
		j += 4
	}
	if nd <= 2 && v <= 12 && j+3 < len(s) && s[j] == '.' && isDigit(s[j+1]) && isDigit(s[j+2]) && s[j+1] < '6' && ampmAt(s, j+3) {
		// "7.30am", "1.10 pm": a clock written with a dot, as British and
		// informal writing does; the am/pm after it says it is one.
		t.class = cClock
		t.val = int32(v*60 + int(s[j+1]-'0')*10 + int(s[j+2]-'0'))
		t.end = j + 3
		return
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		t.flags |= fDecimal
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	t.val = int32(v)
	t.end = j
	if t.flags&(fGrouped|fDecimal) != 0 {
		t.class = cDigits
		return
	}
	t.class = cDigits
	// Clock time h:mm or hh:mm (optionally :ss).
	if nd <= 2 && v <= 24 && j+2 < len(s) && s[j] == ':' && isDigit(s[j+1]) && isDigit(s[j+2]) && (j+3 >= len(s) || !isDigit(s[j+3])) {
		m := int(s[j+1]-'0')*10 + int(s[j+2]-'0')
		if m < 60 {
			j += 3
			if j+2 < len(s) && s[j] == ':' && isDigit(s[j+1]) && isDigit(s[j+2]) && (j+3 >= len(s) || !isDigit(s[j+3])) {
				j += 3
			}
			t.class = cClock
			t.val = int32(v*60 + m)
			t.end = j
			return
		}
	}
	// "the 1980's", "the late 1970's", "the '90's": a decade written with
	// an apostrophe, after a word that leads a period ("the", "early",
	// "mid-"); elsewhere "1990's" may be the year's possessive ("in 1990's
	// budget").
	if a := apostropheAt(s, j); a > 0 && t.flags&fMoney == 0 && v%10 == 0 && (nd == 4 || nd == 2 && v >= 20) &&
		j+a < len(s) && s[j+a]|0x20 == 's' && (j+a+1 == len(s) || !isLetter(s[j+a+1]) && !isDigit(s[j+a+1])) && decadeLead(s, i) {
		t.class = cDecadeNum
		if nd == 2 {
			t.class = cDecadeWord
		}
		t.val = int32(v / 10)
		t.end = j + a + 1
		return
	}
	// Suffixes glued to the digits.
	k := j
	for k < len(s) && isLetter(s[k]) {
		k++
	}
	if k > j && k-j <= 2 && t.flags&fMoney == 0 {
		suf := strings.ToLower(s[j:k])
		switch {
		case suf == "s" && (nd == 4 || nd == 3) && v%10 == 0:
			// "1990s"; "470s", a decade of an early century ("the 470s BC").
			t.class = cDecadeNum
			t.val = int32(v / 10)
			t.end = k
			return
		case suf == "s" && nd == 2 && v%10 == 0 && v >= 20:
			// "90s", "'90s": a decade whose century the rule infers.
			t.class = cDecadeWord
			t.val = int32(v / 10)
			t.end = k
			return
		case (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && ordinalSuffixOK(v, suf):
			t.class = cOrdNum | cDigits
			if v >= 1 && v <= 31 {
				t.class |= cDayNum
			}
			t.end = k
			return
		}
	}
	if t.flags&fMoney != 0 {
		return
	}
	if nd <= 2 && v >= 1 && v <= 31 {
		t.class |= cDayNum
		// "9/11" alone is a named day, as a holiday's name is (the rule
		// "9/11" reads it): the class lets the matcher look there.
		if nd == 1 && v == 9 && strings.HasPrefix(s[j:], "/11") && (j+3 == len(s) || !isDigit(s[j+3]) && s[j+3] != '/') && (i == 0 || s[i-1] != '/') {
			t.class |= cHoliday
		}
	}
	if nd == 4 && v >= 1000 && v <= 2099 {
		t.class |= cYearNum
	}
}

// numeral reads a word spelt with the numeral 2 for "to" ("2day", "2nite",
// "2moro"): a word when the lexicon knows it.
func (z *tokenizer) numeral(t *token, i int) bool {
	s := z.text
	j := i + 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if j == i+1 || j-i > maxWord {
		return false
	}
	b := append(z.buf[:0], '2')
	for k := i + 1; k < j; k++ {
		b = append(b, s[k]|0x20*btoi(isUpper(s[k])))
	}
	e, ok := lexicon[string(b)]
	if !ok {
		return false
	}
	t.kind, t.class, t.val, t.tense, t.end = kWord, e.class, e.val, e.tense, j
	return true
}

// ordinalSuffixOK checks "1st", "2nd", "3rd", "11th", "22nd" agree.
func ordinalSuffixOK(v int, suf string) bool {
	want := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suf == want
}

// decadeLead reports whether the word before the number at i leads a
// decade: "the 1980's", "late 1970's", "mid-1960's", "the '90's".
func decadeLead(s string, i int) bool {
	e := i
	if e > 0 && (s[e-1] == '\'' || s[e-1] == '-') {
		e--
	} else if e >= 3 && s[e-3] == 0xE2 && s[e-2] == 0x80 && s[e-1] == 0x99 {
		e -= 3
	}
	for e > 0 && s[e-1] == ' ' {
		e--
	}
	b := e
	for b > 0 && isLetter(s[b-1]) {
		b--
	}
	if b == e || e-b > 6 {
		return false
	}
	switch strings.ToLower(s[b:e]) {
	case "the", "early", "mid", "late":
		return true
	}
	return false
}

// ampmAt reports whether "am", "pm", "a.m." or "p.m." (in any case) stands
// at i, right there or after one space, as a word of its own.
func ampmAt(s string, i int) bool {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	if i+1 >= len(s) || s[i]|0x20 != 'a' && s[i]|0x20 != 'p' {
		return false
	}
	j := i + 1
	if s[j] == '.' {
		j++
	}
	if j >= len(s) || s[j]|0x20 != 'm' {
		return false
	}
	j++
	return j == len(s) || !isLetter(s[j]) && !isDigit(s[j])
}

// calendarClasses are the classes of words that name a time by themselves.
const calendarClasses = cMonth | cWeekday | cDeictic | cHoliday | cHolidayWord | cSeason | cPOD | cUnit | cUnits | cSetWord | cRef | cDecadeWord

// glued reports whether the number at i is glued to a word of two or more
// letters before it that is not a month or a period prefix ("FY2014",
// "Q3", "Jan2015" keep their numbers).
func glued(s string, i int) bool {
	k := i
	for k > 0 && isLetter(s[k-1]) {
		k--
	}
	if i-k < 2 || i-k > maxWord {
		return false
	}
	var buf [maxWord]byte
	b := buf[:0]
	for j := k; j < i; j++ {
		b = append(b, s[j]|0x20*btoi(isUpper(s[j])))
	}
	return lexicon[string(b)].class&(cMonth|cPeriod) == 0
}
