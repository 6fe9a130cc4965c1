-- How a channel's digests look: how many stories, brief or full, with or
-- without the coverage chart. 0, '' and false leave each to the bot's
-- default (6 stories, brief, with the chart).

-- +goose Up
ALTER TABLE channels ADD COLUMN max_stories BIGINT NOT NULL DEFAULT 0;
ALTER TABLE channels ADD COLUMN detail TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN hide_image BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE channels DROP COLUMN hide_image;
ALTER TABLE channels DROP COLUMN detail;
ALTER TABLE channels DROP COLUMN max_stories;
