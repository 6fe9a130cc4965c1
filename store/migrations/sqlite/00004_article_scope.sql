-- Articles belong to the scope of the feed that carried them (the operator's
-- feeds, or one Discord server's or Slack workspace's): the same URL from
-- feeds of two scopes is two articles, so no server's text stands for
-- another's, and chat lookups see their own scope and the operator's only.
-- Until now the first feed to see a URL owned the one row for everybody;
-- that row stays with its owner's scope, and the other scopes' feeds store
-- their own copy on their next poll. A republished-copy link
-- (duplicate_of) that points into another server's scope is dropped.

-- +goose Up
ALTER TABLE articles ADD COLUMN scope TEXT NOT NULL DEFAULT '';
UPDATE articles SET scope = COALESCE((SELECT f.scope FROM feeds f WHERE f.id = articles.feed_id), '');
-- URL identities were global ("u:<url>"); a chat scope's become "u:<scope>|<url>".
UPDATE articles SET ident = 'u:' || scope || '|' || canonical_url
WHERE scope <> '' AND guid = '' AND canonical_url <> '' AND ident = 'u:' || canonical_url;
DROP INDEX articles_canonical_url;
CREATE UNIQUE INDEX articles_scope_canonical_url ON articles (scope, canonical_url) WHERE canonical_url <> '';
CREATE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url <> '';
UPDATE articles SET duplicate_of = 0
WHERE duplicate_of <> 0 AND NOT EXISTS (
    SELECT 1 FROM articles d WHERE d.id = articles.duplicate_of AND (d.scope = articles.scope OR d.scope = ''));

-- +goose Down
-- Back to one row per URL: the operator's copy, else the oldest, wins.
DELETE FROM articles WHERE canonical_url <> '' AND EXISTS (
    SELECT 1 FROM articles o WHERE o.canonical_url = articles.canonical_url AND o.id <> articles.id
        AND ((o.scope = '' AND articles.scope <> '') OR ((o.scope = '') = (articles.scope = '') AND o.id < articles.id)));
UPDATE articles SET ident = 'u:' || canonical_url WHERE scope <> '' AND ident = 'u:' || scope || '|' || canonical_url;
DROP INDEX articles_canonical_url;
DROP INDEX articles_scope_canonical_url;
CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url <> '';
ALTER TABLE articles DROP COLUMN scope;
