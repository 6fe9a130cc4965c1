-- A permanent platform error (channel deleted, bot removed) stops every
-- post to the channel, live ones included, not only its schedule.

-- +goose Up
ALTER TABLE channels ADD COLUMN stop_reason TEXT NOT NULL DEFAULT '';
-- Schedules stopped by the platform before this migration stop their channel.
UPDATE channels SET stop_reason = (SELECT s.stop_reason FROM schedules s WHERE s.channel_id = channels.id)
WHERE EXISTS (SELECT 1 FROM schedules s WHERE s.channel_id = channels.id
    AND NOT s.enabled AND s.stop_reason <> '' AND s.stop_reason <> 'turned off in chat');

-- +goose Down
ALTER TABLE channels DROP COLUMN stop_reason;
