-- Initial newsdigest schema for SQLite.
-- Times are stored as INTEGER microseconds since the Unix epoch (UTC), 0 meaning
-- "not set", so that SQLite and PostgreSQL compare them the same way.
-- Lists (tags, feed ids, message ids) and analyses are JSON text.

-- +goose Up
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    scope         TEXT    NOT NULL DEFAULT '',
    source_url    TEXT    NOT NULL,          -- the URL as configured or added; identity with scope
    url           TEXT    NOT NULL,          -- the URL polled now (follows permanent redirects)
    name          TEXT    NOT NULL DEFAULT '',
    lean          TEXT    NOT NULL DEFAULT '',
    tags          TEXT    NOT NULL DEFAULT '[]',
    from_config   INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1, -- 0: a config feed no longer listed, kept for its articles
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    next_check_at INTEGER NOT NULL DEFAULT 0,
    last_check_at INTEGER NOT NULL DEFAULT 0,
    error_count   INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    unhealthy     INTEGER NOT NULL DEFAULT 0,
    fetched       INTEGER NOT NULL DEFAULT 0,
    lease_owner   TEXT    NOT NULL DEFAULT '',
    lease_until   INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (scope, source_url)
);
CREATE INDEX feeds_due ON feeds (next_check_at) WHERE active = 1;
CREATE INDEX feeds_lease_owner ON feeds (lease_owner) WHERE lease_owner <> '';

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    ident         TEXT    NOT NULL UNIQUE,   -- feed GUID, else canonical URL, else title+published digest
    guid          TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    canonical_url TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL DEFAULT '',
    lean          TEXT    NOT NULL DEFAULT '',
    author        TEXT    NOT NULL DEFAULT '',
    published_at  INTEGER NOT NULL DEFAULT 0,
    body          TEXT    NOT NULL DEFAULT '',
    content_hash  TEXT    NOT NULL DEFAULT '',
    simhash       INTEGER NOT NULL DEFAULT 0,
    duplicate_of  INTEGER NOT NULL DEFAULT 0,
    story_id      INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    backlog       INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    first_seen_at INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL DEFAULT 0,
    window_at     INTEGER NOT NULL           -- published_at, or first_seen_at when unknown
);
CREATE UNIQUE INDEX articles_feed_guid ON articles (feed_id, guid) WHERE guid <> '';
CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url <> '';
CREATE INDEX articles_window ON articles (window_at);
CREATE INDEX articles_feed ON articles (feed_id);
CREATE INDEX articles_story ON articles (story_id);

CREATE TABLE analyses (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data        TEXT    NOT NULL,
    analyzed_at INTEGER NOT NULL
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, -- the founding article
    title         TEXT    NOT NULL DEFAULT '',
    first_seen_at INTEGER NOT NULL DEFAULT 0,
    last_seen_at  INTEGER NOT NULL DEFAULT 0,
    outlet_count  INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE channels (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    platform    TEXT    NOT NULL,
    scope       TEXT    NOT NULL DEFAULT '',
    channel_ref TEXT    NOT NULL,           -- the platform's channel id
    tags        TEXT    NOT NULL DEFAULT '[]',
    feed_ids    TEXT    NOT NULL DEFAULT '[]',
    live        INTEGER NOT NULL DEFAULT 0,
    live_per_hour INTEGER NOT NULL DEFAULT 0,
    include     TEXT    NOT NULL DEFAULT '[]',
    exclude     TEXT    NOT NULL DEFAULT '[]',
    nothing_new INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (platform, channel_ref)
);
CREATE INDEX channels_scope ON channels (scope);

CREATE TABLE schedules (
    channel_id      INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
    cron            TEXT    NOT NULL,
    timezone        TEXT    NOT NULL DEFAULT 'UTC',
    next_run_at     INTEGER NOT NULL DEFAULT 0,
    last_period_end INTEGER NOT NULL DEFAULT 0,
    enabled         INTEGER NOT NULL DEFAULT 1,
    stop_reason     TEXT    NOT NULL DEFAULT '',
    lease_owner     TEXT    NOT NULL DEFAULT '',
    lease_until     INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX schedules_due ON schedules (next_run_at) WHERE enabled = 1;
CREATE INDEX schedules_lease_owner ON schedules (lease_owner) WHERE lease_owner <> '';

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    period_key      TEXT    NOT NULL,
    kind            TEXT    NOT NULL DEFAULT 'digest',
    status          TEXT    NOT NULL DEFAULT 'pending',
    payload         TEXT    NOT NULL DEFAULT 'null',
    stories         TEXT    NOT NULL DEFAULT '[]',
    message_ids     TEXT    NOT NULL DEFAULT '[]',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    lease_owner     TEXT    NOT NULL DEFAULT '',
    lease_until     INTEGER NOT NULL DEFAULT 0,
    error           TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL DEFAULT 0,
    sent_at         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (channel_id, period_key)
);
CREATE INDEX deliveries_open ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX deliveries_lease_owner ON deliveries (lease_owner) WHERE lease_owner <> '';
CREATE INDEX deliveries_channel_created ON deliveries (channel_id, created_at);

CREATE TABLE sent_stories (
    channel_id    INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    story_id      INTEGER NOT NULL,
    outlet_count  INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0,
    delivery_id   INTEGER NOT NULL DEFAULT 0,
    sent_at       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, story_id)
);

-- +goose Down
DROP TABLE sent_stories;
DROP TABLE deliveries;
DROP TABLE schedules;
DROP TABLE channels;
DROP TABLE analyses;
DROP TABLE articles;
DROP TABLE stories;
DROP TABLE feeds;
