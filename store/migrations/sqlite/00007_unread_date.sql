-- An article whose feed gave a date newsdigest could not read keeps that
-- date as written, so the article's state says its publication time is
-- unknown (published_at then holds the first-seen time). Such articles are
-- not posted live, and from a feed's first fetch they stay out of
-- time-windowed digests (window_at 0).

-- +goose Up
ALTER TABLE articles ADD COLUMN unread_date TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE articles DROP COLUMN unread_date;
