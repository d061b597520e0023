-- Stories, their articles (with each one's analysis), the current
-- chronology (one row per entry) and the changes of each version.
CREATE TABLE stories (
	id            TEXT PRIMARY KEY,
	title         TEXT NOT NULL,
	focus         TEXT NOT NULL,    -- JSON array of names
	window_start  TEXT NOT NULL,    -- YYYY-MM-DD or ''
	window_end    TEXT NOT NULL,
	version       INTEGER NOT NULL,
	article_count INTEGER NOT NULL,
	create_time   INTEGER NOT NULL, -- Unix microseconds
	update_time   INTEGER NOT NULL,
	chron_start   TEXT NOT NULL,    -- the window the chronology used, [y,m,d] or ''
	chron_end     TEXT NOT NULL,
	entry_order   BLOB NOT NULL     -- JSON [[entry ids], [background ids]]
) WITHOUT ROWID;

CREATE TABLE articles (
	story_id         TEXT NOT NULL,
	id               TEXT NOT NULL,
	seq              INTEGER NOT NULL, -- order of first addition
	title            TEXT NOT NULL,
	text             TEXT NOT NULL,
	published        TEXT NOT NULL,
	time_zone        TEXT NOT NULL,
	url              TEXT NOT NULL,
	source           TEXT NOT NULL,
	hash             TEXT NOT NULL,    -- of the content, for idempotent adds
	analysis         BLOB,             -- timeline.Cache.Encode
	analysis_version INTEGER NOT NULL,
	publication      TEXT NOT NULL,    -- JSON: the date the chronology used
	PRIMARY KEY (story_id, id)
) WITHOUT ROWID;
CREATE INDEX articles_by_seq ON articles (story_id, seq);

CREATE TABLE entries (
	story_id TEXT NOT NULL,
	id       TEXT NOT NULL,
	body     BLOB NOT NULL, -- JSON entry
	PRIMARY KEY (story_id, id)
) WITHOUT ROWID;

-- The changes of each version, for watchers: row 0 of a version is its
-- header (window, article count), rows 1.. its changes in order.
CREATE TABLE changes (
	story_id   TEXT NOT NULL,
	version    INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	kind       INTEGER NOT NULL,    -- 0 header, 1 added, 2 changed, 3 removed
	entry_id   TEXT NOT NULL,
	background INTEGER NOT NULL,    -- 1 when the entry is in the background
	body       BLOB NOT NULL,    -- the header's or the entry's JSON; empty for removed
	PRIMARY KEY (story_id, version, idx)
) WITHOUT ROWID;
