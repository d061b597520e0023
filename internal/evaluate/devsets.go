package evaluate

import (
	"fmt"
	"path/filepath"

	"github.com/timelined/timelined/internal/dates"
)

// DevSet is one development corpus of the shared data folder and how it is
// scored: its document type, whether its gold values need CanonicalValue,
// and where HeidelTime's output on it is kept.
type DevSet struct {
	// Name is the corpus's folder name under data/timeml.
	Name string
	// Kind says what text it is ("news", "narratives", "tweets").
	Kind string
	// Dir is the TimeML folder; HeidelTime the --system JSON of HeidelTime
	// 2.2.1 on it.
	Dir, HeidelTime string
	// DocType is the engine's document type for the corpus.
	DocType dates.DocType
	// Canonical says the gold values use their own spellings
	// (CanonicalValue), so both sides are canonicalized before scoring.
	Canonical bool
}

// DevSets returns the development corpora under shared (the ../shared
// folder beside the repository): TimeBank + AQUAINT (news), WikiWars train
// (narratives, scored in narrative mode) and the SynTime tweets train split
// (colloquial text, canonical values), as data/timeml/SOURCES.md describes
// them.
func DevSets(shared string) []DevSet {
	set := func(name, kind string, dt dates.DocType, canonical bool) DevSet {
		return DevSet{
			Name: name, Kind: kind,
			Dir:        filepath.Join(shared, "data", "timeml", name),
			HeidelTime: filepath.Join(shared, "data", "heideltime", name+".json"),
			DocType:    dt, Canonical: canonical,
		}
	}
	return []DevSet{
		set("tbaq", "news", dates.News, false),
		set("wikiwars-train", "narratives", dates.Narrative, false),
		set("tweets-train", "tweets", dates.Colloquial, true),
	}
}

// DevResult is the engine's and HeidelTime's report on one DevSet.
type DevResult struct {
	Set        DevSet
	Engine     *Report
	HeidelTime *Report // nil when HeidelTime's output is not there
}

// RunDevSet loads set, runs the engine on it and scores it, and scores
// HeidelTime's output on it when that file exists.
func RunDevSet(set DevSet) (*DevResult, error) {
	docs, err := LoadDir(set.Dir)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", set.Name, err)
	}
	res := &DevResult{Set: set}
	sys := ResolveAll(docs, Options{DocType: set.DocType})
	var ht map[string][]Timex
	if out, err := LoadSystem(set.HeidelTime); err == nil {
		if ht, err = out.Spans(docs); err != nil {
			return nil, fmt.Errorf("evaluate: %s: %w", set.HeidelTime, err)
		}
	}
	if set.Canonical {
		Canonicalize(docs, sys)
		Canonicalize(nil, ht)
	}
	if res.Engine, err = Score(docs, sys); err != nil {
		return nil, err
	}
	if ht != nil {
		if res.HeidelTime, err = Score(docs, ht); err != nil {
			return nil, err
		}
	}
	return res, nil
}
