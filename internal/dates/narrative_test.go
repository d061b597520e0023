package dates

import (
	"strings"
	"testing"
)

// narrativeCases are texts read in narrative mode (the reference is far
// from the story, as a Wikipedia history's retrieval date is) and a
// mention each must yield.
var narrativeCases = []struct {
	text, span, value string
}{
	// A month or a month-day with no year takes the year last told, at any
	// granularity.
	{"In late May 1940 the British withdrew. On June 4 the evacuation ended.", "June 4", "1940-06-04"},
	{"During 1863 the armies met. In July the Union won at Gettysburg.", "July", "1863-07"},
	{"The siege began on 12 March 1918. By 20 July the Germans were back.", "20 July", "1918-07-20"},
	// Story order: a month just after the last one told is the next year's;
	// one well behind it goes back within the year.
	{"Japan attacked on December 7, 1941. In January the Allies met.", "January", "1942-01"},
	{"In September 1940 the invasion was cancelled. The siege of Malta had begun in June.", "June", "1940-06"},
	// A range of months over a new year is told around the story's date
	// when it holds it, else it goes on from there.
	{"Manila fell in January 1945. The Japanese were beaten in Burma from October to March, then Rangoon fell by May 3.", "May 3", "1945-05-03"},
	{"In March 1945 Manila fell. The line held from November to February.", "November", "1945-11"},
	{"In March 1945 Manila fell. The line held from November to February.", "February", "1946-02"},
	// A clause in the past perfect looks back: its month does not move on
	// into the next year, unless "by" makes it a deadline the story reaches.
	{"Kiev fell on 17 December 1919. Yudenich, who had spent the spring and summer raising an army, attacked.", "the spring", "1919-SP"},
	{"The city fell on 20 November 1942. The Germans had crossed the river in February.", "February", "1942-02"},
	{"The city fell on 20 November 1942. The offensive had been repulsed by January.", "January", "1943-01"},
	// A year told again does not lose the finer date of it.
	{"The embargo of 1941 failed. On December 7 (December 8 in Asian time zones), 1941, Japan attacked. In January the Allies met.", "January", "1942-01"},
	// Seasons, likewise.
	{"By 1941 the war had spread. During the summer, the Axis advanced.", "the summer", "1941-SU"},
	{"In December 1776 Washington crossed the Delaware. The next spring he marched north.", "next spring", "1777-SP"},
	// A length counted from an event is a date in a narrative: the event
	// is the one last dated, unless the phrase restates the day just told.
	{"Fort Sumter fell on April 12, 1861. The arsenal was seized eight days after Fort Sumter.", "eight days after", "1861-04-20"},
	// Units with no count around an event leave the unit unknown ("units
	// around an event"); hours stay on the day told.
	{"On June 25, 1950, the North invaded. Hours later, the Council met.", "Hours later", "1950-06-25TXX"},
	{"The Bulgarians lost at Dobro Pole in September 1918 but days later they won.", "days later", "XXXX-XX-XX"},
	{"On 27 June 1950, two days after the invasion, Truman acted.", "two days after", "1950-06-27"},
	{"Belgrade was freed on October 20, 1944. A few days later, the Soviets attacked.", "A few days later", "FUTURE_REF"},
	// A year told in passing inside a sentence does not move a story that
	// goes on in the month just told; a year that opens its sentence, or
	// another month, does.
	{"On 10 March 1975, Dung attacked. The road would be open for a planned campaign in 1976. The town fell on 11 March.", "11 March", "1975-03-11"},
	{"On 2 August 1964 the ship was attacked. A report declassified in 2005 said there was no attack on 4 August.", "4 August", "1964-08-04"},
	{"The war began in July 1916. Ludendorff wrote on the fighting in 1917, \"The 25th of August ended it.\"", "The 25th of August", "1917-08-25"},
	{"The war began in March 1916. In 1917, the tide turned. On 11 March the army fell back.", "11 March", "1917-03-11"},
	// A glance back ("the previous year", "two years earlier") does not
	// move the story.
	{"Japan won at Changsha in early January 1942, keeping the gains of the previous year. In January, the Germans attacked.", "January", "1942-01"},
	{"The King called the Estates in 1788, which had not met since 1614. He agreed on 27 December.", "27 December", "1788-12-27"},
	// A date in parentheses is told in passing: a work's year, a count's
	// date, an aside's; the story goes on from where it stood.
	{"The fleet sailed on 2 May 1805. Its admiral, author of a treatise (1798), feared storms. On 17 August it reached Cadiz.", "17 August", "1805-08-17"},
	{"The truce held from March 1951. Losses (as of December 5, 1953) were heavy. In late November the lines moved.", "late November", "1951-11"},
	{"The king fled in June 1791. The reforms of the clergy (1790-1791) split the country. By September the Assembly had finished.", "September", "1791-09"},
	// A date of the year before the story's, recalled inside a sentence, is
	// told in passing; one that opens its sentence or paragraph, or lies
	// further back, takes the story back.
	{"The offensive opened on 21 March 1918. A council, set up on 5 November 1917, gave Foch command. The Marne attack began on 15 July.", "15 July", "1918-07-15"},
	{"The government took office on May 20, 2006. This followed the election in December 2005. On November 23, a bomb killed 215.", "November 23", "2006-11-23"},
	{"Losses fell to 100 in spring 2008, from a high of 300 in summer 2007. A March operation began it.", "March", "2008-03"},
	{"The raids ended on 11 May 1941.\n\nIn Asia, the front had frozen in December 1940. In August the communists attacked.", "August", "1940-08"},
	{"The raids ended on 11 May 1941. In December 1940, the front had frozen. In August the communists attacked.", "August", "1940-08"},
	{"The armistice came in November 1918. The army had first attacked in March 1916. In June it took the fort.", "June", "1916-06"},
	// The limit of a stretch ("until") is told in passing: the story does
	// not jump to it.
	{"The siege began on 20 October 1944 and lasted until the fall of the city in February 1945. By the start of July the army had crossed the river.", "the start of July", "1944-07"},
	{"Talks began in May 1920 and went on until March 1921. In August the treaty was signed.", "August", "1920-08"},
	{"Talks began in May 1920. Until March 1921 nothing moved. In August the treaty was signed.", "August", "1921-08"},
	// So is a later year a sentence sums up by; a year that opens the
	// sentence moves the story.
	{"Washington took command in July 1775. Powder was scarce, and most was imported by the end of 1776. The standoff went on through the fall.", "the fall", "1775-FA"},
	{"The army landed in June 1943, and by 1945 the island was a base. In August the army crossed to the mainland.", "August", "1943-08"},
	{"The army landed in June 1943. By 1944 the island was a base. In August the army crossed to the mainland.", "August", "1944-08"},
	// A season with no year takes one written just after it in the sentence.
	{"By April 1943 the front was quiet. The Germans spent the spring and early summer of 1942 preparing.", "the spring", "1942-SP"},
	{"In 1943 the Allies landed. The Germans launched their main summer offensive in June 1942.", "summer", "1942-SU"},
	// A few days from a month or a year told: a day of that year.
	{"The attack began in October 1915; four days later the Bulgarians joined.", "four days later", "1915-XX-XX"},
	{"On 8 August 1918 the army attacked. Ludendorff called this day the Black Day.", "this day", "1918-08-08"},
	// "today" with no day told is the narrative's present.
	{"In 1965 the war grew. Forces there today would fail, he wrote.", "today", "PRESENT_REF"},
	{"On June 24, 1950 Truman was told. Hitler's 1930s aggressions had come twenty years earlier.", "twenty years earlier", "1930"},
	{"The army landed on 6 June 1944. Three weeks after the landing, Cherbourg fell. Two days after the treaty was signed, they left.", "Two days after", "1944-XX-XX"},
	{"In July 1944 the city fell. The following day the war ended.", "The following day", "1944-XX-XX"},
	// A winter is named for the year of its January.
	{"The army camped at Valley Forge in December 1777. Over the winter, many died.", "the winter", "1778-WI"},
	{"Princeton was taken on January 3, 1777. The militia harassed the British throughout the winter.", "the winter", "1777-WI"},
	// A history tells years of the past wherever they stand.
	{"The militia was weak, but as late as 1781 senior officials in London hoped to win.", "1781", "1781"},
	// Years before the era: the era written after the year or before it,
	// the first end of a range taking the era of the second, and a month
	// with no year taking the year told, BC included.
	{"The Persians invaded in 480 BC. In August the fleet met.", "480 BC", "BC0480"},
	{"The Persians invaded in 480 BC. In August the fleet met.", "August", "BC0480-08"},
	{"The revolt of 499-493 BC failed.", "499", "BC0499"},
	{"The revolt of 499-493 BC failed.", "493 BC", "BC0493"},
	{"From 218 to 201 BC Hannibal fought.", "218", "BC0218"},
	{"The city was taken in AD 70.", "AD 70", "0070"},
	{"Marathon was fought in 490 BC. The following year Miltiades died.", "The following year", "BC0489"},
	// A unit left unknown in a story before the era keeps the era.
	{"Miltiades was wounded at Paros in 489 BC and died weeks later of the wound.", "weeks later", "BCXXXX-WXX"},
	{"In 480 BC the fleet sailed; days later it met the Persians.", "days later", "BCXXXX-XX-XX"},
	{"In 1915 the fleet sailed; days later it met the Turks.", "days later", "XXXX-XX-XX"},
	// Era words count only in capitals.
	{"I saw 2 ads in 2010 bc it was cheap.", "2010", "2010"},
	// ... and as whole words: not inside a link.
	{"In 1998 it began: http://t.co/Gt9Yg2BC6O", "1998", "1998"},
	// Before any year is told, the reference, as in news.
	{"In June the talks began.", "June", "2020-06"},
}

func TestNarrativeAnchoring(t *testing.T) {
	for _, c := range narrativeCases {
		ms := Resolve(c.text, Options{Reference: testRef, DocType: Narrative})
		found := false
		for _, m := range ms {
			if m.Text == c.span {
				found = true
				if m.Value != c.value {
					t.Errorf("%q: %q = %s, want %s (%s)", c.text, c.span, m.Value, c.value, m.Explanation)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q in %s", c.text, c.span, dump(ms))
		}
	}
}

// TestPassingExplained checks that a resolution counted from the story's
// date names the date told in passing after it, so a reader can see why
// that one was not taken.
func TestPassingExplained(t *testing.T) {
	text := "The fleet sailed on 2 May 1805. Its admiral, author of a treatise (1798), feared storms. On 17 August it reached Cadiz."
	for _, m := range Resolve(text, Options{Reference: testRef, DocType: Narrative}) {
		if m.Text == "17 August" {
			if want := "the year of the last date told, 1805-05-02 (1798 was told in passing)"; !strings.Contains(m.Explanation, want) {
				t.Errorf("%q: explanation %q does not say %q", m.Text, m.Explanation, want)
			}
			return
		}
	}
	t.Errorf("no '17 August' in %q", text)
}
