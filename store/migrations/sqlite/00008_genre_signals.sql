-- Genre from every signal a feed gives: the operator's per-feed genre, and
-- per article the item's and feed's categories, the operator's genre of its
-- feed and the feed document's own title ("Example Times - Opinion").
-- Lists are JSON text, like feeds.tags.

-- +goose Up
ALTER TABLE feeds ADD COLUMN genre TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN genre TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN feed_title TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE articles DROP COLUMN feed_title;
ALTER TABLE articles DROP COLUMN genre;
ALTER TABLE articles DROP COLUMN categories;
ALTER TABLE feeds DROP COLUMN genre;
