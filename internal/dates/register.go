package dates

import "strings"

// This file tells informal writing from edited news: a news document that
// reads as a post or a message is read as Colloquial (dates.go explains
// what that changes). A caller who knows the kind of text says so with
// Options.DocType; the guess is for the callers who do not.

// maxPostBytes bounds the texts that may be read as posts: longer ones are
// articles, whatever their style.
const maxPostBytes = 600

// looksColloquial reports whether text reads as a post or a message: short,
// and written with a mark edited news does not use: a handle ("@nus"), a
// hashtag, a shortened link ("http://t.co/..."), an emoticon, doubled
// punctuation ("!!"), a first letter in lower case, a word of chat ("lol",
// "tmr"), or shouting (most letters capitals).
func looksColloquial(text string) bool {
	if len(text) > maxPostBytes {
		return false
	}
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if c := t[0]; c >= 'a' && c <= 'z' {
		return true
	}
	upper, letters := 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case isUpper(c):
			upper++
			letters++
		case isLetter(c):
			letters++
		case (c == '@' || c == '#') && i+1 < len(t) && (isLetter(t[i+1]) || isDigit(t[i+1]) || t[i+1] == '_') && (i == 0 || !isLetter(t[i-1]) && !isDigit(t[i-1])):
			return true // "@nus", "#coffee"; not "a@b.com"
		case (c == '!' || c == '?') && i+1 < len(t) && (t[i+1] == '!' || t[i+1] == '?'):
			return true
		case (c == ':' || c == ';') && i+1 < len(t) && strings.IndexByte(")(DPp", t[i+1]) >= 0 && (i+2 == len(t) || !isLetter(t[i+2])):
			return true // ":)", ";P"; not "Note: Paris"
		}
	}
	if letters >= 24 && upper*10 > letters*7 {
		return true
	}
	if strings.Contains(t, "://t.co/") || strings.Contains(t, "<3") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if chatWords[strings.Trim(w, ".,!?:;\"'()")] {
			return true
		}
	}
	return false
}

// chatWords are words of chat and text messages that edited news does not
// print: one of them in a short text makes it a post.
var chatWords = map[string]bool{
	"lol": true, "lmao": true, "haha": true, "hahaha": true, "omg": true, "u": true, "ur": true, "pls": true, "plz": true,
	"gonna": true, "wanna": true, "gotta": true, "tmr": true, "tmrw": true, "tdy": true, "2nite": true, "tonite": true,
	"abt": true, "alr": true, "jus": true, "thx": true, "btw": true, "idk": true, "gg": true, "xoxo": true,
}
