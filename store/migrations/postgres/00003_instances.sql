-- Several instances on one database: named leases on work only one
-- instance may do at a time (clustering new articles, the Discord gateway),
-- the order in which articles were put into stories (so an instance taking
-- over rebuilds exactly the index its predecessor had), and the chat
-- requests already handled (replay protection shared by every instance and
-- kept across restarts).

-- +goose Up
CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    lease_owner TEXT   NOT NULL DEFAULT '',
    lease_until BIGINT NOT NULL DEFAULT 0,
    token       BIGINT NOT NULL DEFAULT 0, -- changes whenever the lease changes hands (a fencing token)
    seq         BIGINT NOT NULL DEFAULT 0  -- counts the fenced writes made under the lease
);

-- 0: clustered before this migration (or not yet); such articles are
-- replayed first, in time order.
ALTER TABLE articles ADD COLUMN story_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE seen_requests (
    key        TEXT PRIMARY KEY, -- "discord:<interaction id>", "slack-sig:<signature>", …
    expires_at BIGINT NOT NULL
);
CREATE INDEX seen_requests_expires ON seen_requests (expires_at);

-- +goose Down
DROP TABLE seen_requests;
ALTER TABLE articles DROP COLUMN story_seq;
DROP TABLE leases;
