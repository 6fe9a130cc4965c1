-- A permanent platform error (channel deleted, bot removed) stops every
-- post to the channel, live ones included, not only its schedule.

-- +goose Up
ALTER TABLE channels ADD COLUMN stop_reason TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE channels DROP COLUMN stop_reason;
