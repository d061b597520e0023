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

// lookAheadWords are the words that look ahead from anywhere before a date
// in its sentence ("will", "upcoming"): willBefore.
var lookAheadWords = []string{"will", "ll", "shall", "upcoming", "ahead"}

// offsetWords are the words after a length that make it an offset from an
// event ("ten days before", "a year later").
var offsetWords = []string{"before", "after", "earlier", "later"}

// payWords are the words of pay: a length that measures one is money ("six
// months of base pay").
var payWords = []string{"pay", "salary", "salaries", "wages", "wage", "rent", "severance", "income"}

// amountWords are the words that end an amount ("$500 million", "20 percent").
var amountWords = []string{"million", "billion", "thousand", "hundred", "trillion", "percent", "cents", "dollars"}

// comparedAmountWords are the words of an amount right before a relative
// year ("$33 million last year").
var comparedAmountWords = []string{"million", "billion", "cents", "share"}

// yearPrepositions are the words before which a number under 1900 reads as a
// year in news ("in 1850", "since 1776").
var yearPrepositions = []string{"in", "since", "of", "by", "until", "from", "year", "fiscal", "before", "after", "during", "between", "and",
	"early", "late", "mid", "the", "to"}

// modifierOpeners are the words besides determiners before a year used as a
// modifier ("of 1913 levels", "that 1978 resolution").
var modifierOpeners = []string{"of", "that", "this", "these", "those"}

// numberLabels are the words before which a four-digit number is a label, a
// count or an amount, not a year ("page 1990", "flight 1500", "nearly
// 2000").
var numberLabels = []string{"no.", "page", "pages", "flight", "route", "room", "number", "no", "model", "windows", "about", "some",
	"nearly", "almost", "over", "than"}

// ambiguousMonthWords are the capitalised month words that need a date
// around them to be months ("May" the verb, "March" the noun, short forms).
var ambiguousMonthWords = []string{"may", "march", "mar", "jun", "jan", "dec", "aug", "sep", "oct", "nov", "apr", "jul", "feb", "sept"}

// monthOpeners are the words before a capitalised month that make it one
// ("in May", "since March").
var monthOpeners = []string{"in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "mid", "late", "during", "from",
	"through", "before", "after", "on", "to", "between"}

// nameFollowers are the words after a capitalised month and its determiner
// that make the phrase a name ("the March on Washington").
var nameFollowers = []string{"on", "for", "in", "at", "against", "with", "from", "by"}

// monthIntroducers are the words after which an ambiguous lower-case month
// is a month ("in march", "since may"): settleAmbiguous.
var monthIntroducers = []string{"in", "early", "late", "mid", "since", "until", "till"}

// rangeJoiners are the words that join the two ends of a range ("1861 to
// 1865", "March and April").
var rangeJoiners = []string{"to", "and", "or", "until", "through"}

// trailingJoiners are the words an optional slot can leave at the end of a
// match, which are not part of it.
var trailingJoiners = []string{"of", "or", "and", "to"}

// approximators are the words that make a date or time approximate ("around
// Nov. 1", "about 7:15 p.m.").
var approximators = []string{"around", "about", "approximately", "roughly"}

// countsOfTimes are the words of a count of times before which "a year" is a
// frequency ("twice a year").
var countsOfTimes = []string{"times", "twice", "once", "thrice"}

// modals are the modal verbs: "will one day" is some day to come.
var modals = []string{"will", "ll", "would", "could", "might", "may", "can", "shall"}

// lengthPrepositions are the prepositions before which a bare plural unit is
// a length ("for years", "within weeks").
var lengthPrepositions = []string{"for", "within", "over", "in"}

// afterLengthCues are the words after a bare plural unit that make it
// something else ("years of talks", "weeks before").
var afterLengthCues = []string{"of", "ago", "before", "after", "earlier", "later"}

// periodPrepositions are the prepositions that place an event inside a
// period ("over the years", "during the weeks").
var periodPrepositions = []string{"over", "in", "during", "through", "throughout"}

// aheadCues are the words after "the weeks", "the years" that make them
// relative to an event ("the weeks before the vote").
var aheadCues = []string{"of", "before", "after", "ahead"}

// soonAfterWords are the words after "soon" that make it relative to an
// event ("soon after", "soon thereafter").
var soonAfterWords = []string{"after", "afterward", "afterwards", "thereafter"}

// futureNounFollowers are the words after "future" that show it stands alone
// as a time ("in the future and", "the future is").
var futureNounFollowers = []string{"and", "or", "but", "as", "is", "was", "will", "to", "of", "that"}

// pastFutureFollowers are the words after "the past", "the future" that show
// they stand alone as times.
var pastFutureFollowers = []string{"and", "or", "but", "as", "is", "was", "will", "to", "of", "that", "it", "he", "she", "they", "we", "i", "you",
	"there", "if", "unless", "when", "while", "because", "than"}

// duringPrepositions are the prepositions of time before "the morning", "the
// night" of a day just told ("in the morning").
var duringPrepositions = []string{"in", "during", "through", "throughout"}

// whichClauseWords are the words after "the morning", "the night" that say
// which one ("the night of Oct. 23", "the night that ...").
var whichClauseWords = []string{"of", "that", "when", "before", "after", "following", "preceding", "which", "where"}

// endedWords are the words after "the year" that tell its end ("the year
// ended June 30").
var endedWords = []string{"ended", "ending", "ends", "through"}

// afterUnitCues are the words after "the year", "the month" that make them
// relative to something else ("the year before", "the month of May").
var afterUnitCues = []string{"before", "after", "earlier", "later", "of", "ago", "when", "in", "that"}

// periodOfPrepositions are the prepositions before "the year", "the month"
// that make them the period in force ("for the year", "during the month").
var periodOfPrepositions = []string{"for", "during", "in", "over", "through", "throughout", "of"}

// choiceFollowers are the words after "a year or two" that show it ends there.
var choiceFollowers = []string{"of", "in", "to", "and", "before", "after", "for"}

// topicGovernors are the verbs and nouns that govern "about": it names a
// topic, not an approximation ("talking about three days").
var topicGovernors = []string{"talk", "talks", "talking", "talked", "think", "thinking", "thought", "speak", "speaking", "spoke", "ask",
	"asked", "asking", "worry", "worried", "worrying", "concerned", "care", "cares", "know", "knew", "learn",
	"learned", "wrote", "write", "writing", "said", "say", "questions", "question", "concern", "concerns"}

// lastingVerbs are the verbs of lasting or spending, after which "over"
// means "more than" ("lasted over a week").
var lastingVerbs = []string{"lasted", "waited", "stayed", "remained", "served", "needed", "required", "delayed", "extended"}

// auxiliaries are the auxiliaries whose tense a following future word
// overrides ("was expected to").
var auxiliaries = []string{"was", "were", "is", "are", "am", "had", "has", "have", "did"}

// postponeWords are the words before "until" or "to" that move an event to a
// later date ("postponed until March 6").
var postponeWords = []string{"postponed", "delayed", "deferred", "adjourned", "extended", "rescheduled", "off"}

// asidePrepositions are the prepositions after a comma that open an aside
// ("..., under a June agreement").
var asidePrepositions = []string{"under", "in", "on", "at", "with", "after", "before", "during", "since", "despite"}

// purposePrepositions are the prepositions that end a verb of intent's reach
// ("voted for an Arab force to ...").
var purposePrepositions = []string{"for", "of", "in", "on", "at", "with", "by", "from"}

// saysThat are verbs of saying and thinking: a "that" after them opens a
// clause ("said that morning papers were late"), not "that morning".
var saysThat = []string{"said", "says", "say", "saying", "told", "tells", "added", "noted", "reported", "announced", "warned",
	"believe", "believes", "believed", "think", "thinks", "thought", "know", "knew", "knows", "hope", "hoped", "hopes",
	"insisted", "argued", "claimed", "feared", "agreed", "showed", "shows", "suggested", "suggests", "means", "meant", "so", "such"}

// genericNouns are the classes after "today's" that make it "these days".
var genericNouns = []string{"world", "youth", "society", "generation", "children", "kids", "young",
	"teenagers", "culture", "standards", "technology", "economy", "families", "computers", "consumers",
	"students", "workers", "workplace", "media", "politics"}

// reportingVerbs are the past and present forms that report speech.
var reportingVerbs = []string{"said", "says", "told", "added", "announced", "reported"}

// determiners are the words before which an -ed word modifies a noun.
var determiners = []string{"a", "an", "the", "its", "their", "his", "her", "our"}

// intentWords are the verbs and nouns of intent whose infinitive looks
// ahead even in a past clause: "decided to admit them in March".
var intentWords = map[string]bool{
	"agreed": true, "decided": true, "voted": true, "promised": true, "pledged": true, "vowed": true,
	"arranged": true, "set": true, "slated": true, "poised": true, "subpoenaed": true, "summoned": true,
	"agreement": true, "ordered": true, "prepared": true,
	// Base forms after "did" or "did not": "did not plan to remove him on
	// Thursday morning".
	"plan": true, "intend": true, "agree": true, "decide": true, "promise": true, "vow": true,
}

// scheduledPresent are third-person present verbs of events that are
// scheduled: told of a definite day ("the team plays Saturday", "the
// Senate votes Tuesday"), the day is a coming one (tense.go,
// scheduledVerb). Nouns of the same spelling that often stand right
// before a date ("reports", "rules", "talks", "results") are left out, and
// so are verbs of a state ("holds 14.6%").
var scheduledPresent = map[string]bool{
	"plays": true, "meets": true, "faces": true, "hosts": true, "visits": true, "travels": true, "arrives": true,
	"departs": true, "leaves": true, "closes": true, "ends": true, "concludes": true, "votes": true,
	"hears": true, "testifies": true, "appears": true, "launches": true, "goes": true, "heads": true,
	"returns": true, "unveils": true, "competes": true, "races": true, "sits": true, "gathers": true,
	"lands": true, "flies": true, "takes": true, "kicks": true, "tips": true, "wraps": true, "finishes": true,
	"decides": true, "celebrates": true, "releases": true, "welcomes": true, "graduates": true, "performs": true,
	"speaks": true,
}

// scheduledBase are the base forms of scheduledPresent told of a plural
// subject ("the Jets play Sunday", "voters go to the polls Tuesday").
var scheduledBase = map[string]bool{
	"play": true, "meet": true, "face": true, "host": true, "visit": true, "travel": true, "arrive": true,
	"depart": true, "leave": true, "vote": true, "hear": true, "testify": true, "appear": true,
	"go": true, "head": true, "return": true, "compete": true, "race": true, "sit": true, "gather": true,
	"begin": true, "start": true, "open": true, "reopen": true, "resume": true, "convene": true, "fly": true,
	"take": true, "perform": true, "speak": true, "celebrate": true, "decide": true,
}

// nounMarkers are words after which a verb-like word is a noun ("of
// visits", "more votes").
var nounMarkers = []string{"of", "more", "many", "few", "several", "some", "two", "three", "four", "her", "my", "your", "this", "that", "these", "those", "new", "final"}

// pluralPronouns are subject pronouns a base form agrees with ("they meet
// Monday").
var pluralPronouns = []string{"they", "we", "you", "i"}

// seasonNouns are the nouns of a period that straddles two calendar years,
// after which "2011-12" is one period ("the 2011-12 season", "the 2012-13
// budget", "the 2011-12 school year"): seasonNounAfter.
var seasonNouns = []string{"season", "seasons", "budget", "budgets", "fiscal", "financial", "academic", "school", "campaign",
	"term", "session", "crop", "harvest", "winter", "tax", "marketing"}

// datePrepositions are the prepositions before which a bare day ("on the
// 15th") or a month and day with a slash ("on 5/20") is a date.
var datePrepositions = []string{"on", "by", "until", "till", "since", "from", "before", "after"}

// eventFamilies are the words of events told with many words ("the
// shooting", "Slepian was killed", "the Oct. 23 slaying"), each mapped to
// its family: eventDate takes any of them for the others. Plurals are a
// family of their own ("sniper shootings" are other events than "the
// shooting").
var eventFamilies = map[string]string{
	"kill": "#kill", "killed": "#kill", "killing": "#kill", "slay": "#kill", "slaying": "#kill", "slain": "#kill",
	"shoot": "#kill", "shooting": "#kill", "shot": "#kill", "murder": "#kill", "murdered": "#kill",
	"gunned": "#kill", "assassination": "#kill", "assassinated": "#kill", "death": "#kill", "died": "#kill",
	"kills": "#kills", "killings": "#kills", "slayings": "#kills", "shootings": "#kills", "murders": "#kills",
	"attack": "#attack", "attacked": "#attack", "bombing": "#attack", "bombed": "#attack", "blast": "#attack",
	"explosion": "#attack", "attacks": "#attacks", "bombings": "#attacks", "explosions": "#attacks",
}

// eventStops end the noun that names an event after its determiner ("the
// vote on the bill", "the day that").
var eventStops = []string{"of", "in", "on", "at", "by", "for", "with", "to", "from", "that", "which", "who", "and", "or", "was", "were", "is", "are"}

// shortUnits are the singular short forms of units, which are units only
// after a number or "this" ("2 hr", "this yr"); alone they are other words
// ("lee min ho", "yr presence": your).
var shortUnits = []string{"hr", "min", "sec", "yr", "wk", "mth"}

// clauseWords are function words after a holiday's name that show it ends
// its phrase ("at Easter and ...", "Christmas was").
var clauseWords = []string{"and", "or", "but", "is", "was", "were", "are", "with", "in", "at", "on", "for", "to", "i", "we", "he", "she",
	"they", "it", "you", "when", "so", "then", "this", "that", "as", "s"}

// overnightFollowers are words after "overnight" that start an adjunct of
// the clause, not a noun it modifies ("struck overnight with", "fell
// overnight as").
var overnightFollowers = []string{"with", "from", "into", "after", "before", "as", "because", "while", "amid", "following", "there", "here", "again"}

// leavingVerbs are progressive forms of leaving that, before a weekday in
// a post, tell a plan ("flying out on sunday", "leaving fri").
var leavingVerbs = []string{"flying", "leaving", "heading", "departing", "travelling", "traveling"}
