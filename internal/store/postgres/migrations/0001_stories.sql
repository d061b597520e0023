-- Stories, their articles (with each one's analysis), the current
-- chronology (one row per entry) and the changes of each version.
CREATE TABLE stories (
	id            TEXT PRIMARY KEY,
	title         TEXT NOT NULL,
	focus         TEXT NOT NULL,    -- JSON array of names
	window_start  TEXT NOT NULL,    -- YYYY-MM-DD or ''
	window_end    TEXT NOT NULL,
	version       BIGINT NOT NULL,
	article_count BIGINT NOT NULL,
	create_time   BIGINT NOT NULL, -- Unix microseconds
	update_time   BIGINT NOT NULL,
	chron_start   TEXT NOT NULL,    -- the window the chronology used, [y,m,d] or ''
	chron_end     TEXT NOT NULL,
	entry_order   BYTEA NOT NULL     -- JSON [[entry ids], [background ids]]
);

CREATE TABLE articles (
	story_id         TEXT NOT NULL,
	id               TEXT NOT NULL,
	seq              BIGINT NOT NULL, -- order of first addition
	title            TEXT NOT NULL,
	text             TEXT NOT NULL,
	published        TEXT NOT NULL,
	time_zone        TEXT NOT NULL,
	url              TEXT NOT NULL,
	source           TEXT NOT NULL,
	hash             TEXT NOT NULL,    -- of the content, for idempotent adds
	analysis         BYTEA,             -- timeline.Cache.Encode
	analysis_version BIGINT NOT NULL,
	publication      TEXT NOT NULL,    -- JSON: the date the chronology used
	PRIMARY KEY (story_id, id)
);
CREATE INDEX articles_by_seq ON articles (story_id, seq);

CREATE TABLE entries (
	story_id TEXT NOT NULL,
	id       TEXT NOT NULL,
	body     BYTEA NOT NULL, -- JSON entry
	PRIMARY KEY (story_id, id)
);

-- The changes of each version, for watchers: row 0 of a version is its
-- header (window, article count), rows 1.. its changes in order.
CREATE TABLE changes (
	story_id   TEXT NOT NULL,
	version    BIGINT NOT NULL,
	idx        BIGINT NOT NULL,
	kind       BIGINT NOT NULL,    -- 0 header, 1 added, 2 changed, 3 removed
	entry_id   TEXT NOT NULL,
	background BIGINT NOT NULL,    -- 1 when the entry is in the background
	body       BYTEA NOT NULL,    -- the header's or the entry's JSON; empty for removed
	PRIMARY KEY (story_id, version, idx)
);
