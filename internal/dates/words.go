package dates

// This file holds the word lists the cues and anchors read, apart from the
// lexicon (lexicon.go), which gives words their token classes. Each list
// says what it is for; the words were gathered from the development
// corpora's errors and general English usage, not from one document.

// openers are the words that may stand before a date that opens its
// sentence ("In 1941, ...", "During 1863", "But by 1944", "Then, in May"):
// such a date sets the story's time (memory.tell).
var openers = []string{"in", "during", "by", "from", "throughout", "until", "till", "after", "before", "since", "on", "at",
	"and", "but", "then", "so", "yet", "also", "however", "meanwhile", "later", "still", "again", "only", "even", "toward", "towards", "around", "about", "circa", "c."}

// namingVerbs introduce a name, which may end in a year that is part of
// it: "a venture called Orion 1980" (span.go, namedYear).
var namingVerbs = []string{"called", "named", "dubbed", "titled", "entitled", "codenamed", "christened"}

// dayIntroducers are the words after which an ambiguous weekday word is a
// day ("this sat", "on sun", "till wed", "every mon"): settleAmbiguous.
var dayIntroducers = []string{"this", "next", "last", "on", "every", "each", "by", "till", "til", "until", "from", "coming",
	"since", "thru", "through", "nxt"}

// seasonVerbCues are the words before which "spring" (or another season
// word) is a verb, not a time: "to spring", "will spring" (rules_named.go).
var seasonVerbCues = []string{"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did", "does", "do"}
