-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] add value `scheduled` to enum `post_status`
--     lock: database write lock; part of the rebuild of `posts` at step 11; rewrite: yes; scan: yes; from examples/blog/v2/posts.mig:6:35
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_expand_up;
DROP TABLE IF EXISTS temp.migc_check;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_verdict;
CREATE TEMP TABLE migc_check (kind TEXT NOT NULL, ok INTEGER);
CREATE TEMP TABLE migc_count (n INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TEMP TABLE migc_verdict (kind TEXT NOT NULL, failed INTEGER NOT NULL);
CREATE TEMP TRIGGER migc_verdict_start BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'start' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: the database is not in the state this script starts from (already applied?); nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_unmanaged BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'unmanaged' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: a table to rebuild has indexes or triggers that migc does not know; nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_steps BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'steps' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: a statement of this script failed (see the errors above); nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_foreign_keys BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'foreign keys' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: PRAGMA foreign_key_check finds rows without their parent; nothing was changed');
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT foreign_keys FROM pragma_foreign_keys) = 0;
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('authors') ORDER BY name)) IS 'avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) IS 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('comments') ORDER BY name)) IS 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) IS 'comments_moderation_queue,comments_post_id_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('posts') ORDER BY name)) IS 'author_id,body,created_at,deleted_at,excerpt,id,published_at,search,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) IS 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'series');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('tags') ORDER BY name)) IS 'id,name,slug'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tags') WHERE name IN ('tags_name_key', 'tags_slug_key') ORDER BY name)) IS 'tags_slug_key';
-- done by the rebuild of `posts` at step 11

-- [2] create table `media`
--     lock: none (new table); rewrite: no; scan: no; from examples/blog/v2/authors.mig:19:7
CREATE TABLE media (
  id integer NOT NULL,
  uploaded_by integer NOT NULL,
  storage_key text NOT NULL,
  content_type varchar(100) NOT NULL,
  byte_size integer NOT NULL,
  width integer,
  height integer,
  alt_text text,
  created_at timestamptz NOT NULL DEFAULT (current_timestamp),
  updated_at timestamptz NOT NULL DEFAULT (current_timestamp),
  PRIMARY KEY (id),
  CONSTRAINT media_byte_size_check CHECK (byte_size > 0),
  FOREIGN KEY (uploaded_by) REFERENCES authors (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX media_storage_key_key ON media (storage_key);

-- [3] create index `media_uploaded_by_created_at_idx` on `media`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from examples/blog/v2/authors.mig:29:3
CREATE INDEX media_uploaded_by_created_at_idx ON media (uploaded_by, created_at DESC);

-- [4] add foreign key `media_uploaded_by_fkey` on `media`
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/authors.mig:21:49
-- SQLite adds foreign keys with the table: `media_uploaded_by_fkey` is in its CREATE TABLE

-- [5] create table `series`
--     lock: none (new table); rewrite: no; scan: no; from examples/blog/v2/posts.mig:36:7
CREATE TABLE series (
  id integer NOT NULL,
  author_id integer NOT NULL,
  slug varchar(200) NOT NULL,
  title text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT (current_timestamp),
  updated_at timestamptz NOT NULL DEFAULT (current_timestamp),
  PRIMARY KEY (id),
  FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX series_slug_key ON series (slug);

-- [6] add foreign key `series_author_id_fkey` on `series`
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:38:48
-- SQLite adds foreign keys with the table: `series_author_id_fkey` is in its CREATE TABLE

-- [7] add column `authors.avatar_media_id`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from examples/blog/v2/authors.mig:10:3
ALTER TABLE authors ADD COLUMN avatar_media_id integer;

-- [8] add foreign key `authors_avatar_media_id_fkey` on `authors` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/authors.mig:10:47
-- SQLite has no NOT VALID: foreign key `authors_avatar_media_id_fkey` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused

-- [9] add foreign key `comments_parent_id_fkey` on `comments` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/comments.mig:11:47
-- SQLite has no NOT VALID: foreign key `comments_parent_id_fkey` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused

-- [10] create index `comments_parent_id_idx` on `comments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from examples/blog/v2/comments.mig:18:3
CREATE INDEX comments_parent_id_idx ON comments (parent_id) WHERE parent_id IS NOT NULL;

-- [11] add column `posts.body_markdown` (filled from the deployed shape)
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from examples/blog/v2/posts.mig:14:3
-- rebuild posts (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM posts;
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx'));
CREATE TABLE migc_new_posts (
  id integer NOT NULL,
  author_id integer NOT NULL,
  slug varchar(200) NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  excerpt text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  published_at timestamptz,
  view_count integer NOT NULL DEFAULT 0,
  search text,
  created_at timestamptz NOT NULL DEFAULT (current_timestamp),
  updated_at timestamptz NOT NULL DEFAULT (current_timestamp),
  deleted_at timestamptz,
  body_markdown text,
  PRIMARY KEY (id),
  CONSTRAINT posts_view_count_check CHECK (view_count >= 0),
  CONSTRAINT posts_published_has_date CHECK (status <> 'published' OR published_at IS NOT NULL),
  FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE RESTRICT
);
INSERT INTO migc_new_posts (id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at) SELECT id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at FROM posts;
DROP TABLE posts;
PRAGMA legacy_alter_table = ON;
ALTER TABLE migc_new_posts RENAME TO posts;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX posts_deleted_at_idx ON posts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE UNIQUE INDEX posts_slug_key ON posts (slug) WHERE deleted_at IS NULL;
CREATE INDEX posts_by_author ON posts (author_id, published_at DESC) WHERE status = 'published';
CREATE INDEX posts_published_at_idx ON posts (published_at DESC) WHERE status = 'published' AND deleted_at IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM posts) = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [12] check `posts.body_markdown` is not null for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:14:3
-- SQLite has no NOT VALID: `posts.body_markdown` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [13] add shadow column `posts.view_count__migc_new` of type `int64` for `view_count`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
ALTER TABLE posts ADD COLUMN view_count__migc_new integer;

-- [14] check `posts.view_count__migc_new` is not null for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
-- SQLite has no NOT VALID: `posts.view_count__migc_new` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [15] add column `posts.comments_enabled`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from examples/blog/v2/posts.mig:20:3
ALTER TABLE posts ADD COLUMN comments_enabled boolean NOT NULL DEFAULT true;

-- [16] add column `posts.series_id`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from examples/blog/v2/posts.mig:21:3
ALTER TABLE posts ADD COLUMN series_id integer;

-- [17] add column `posts.series_position`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from examples/blog/v2/posts.mig:22:3
ALTER TABLE posts ADD COLUMN series_position integer;

-- [18] add check `posts_view_count_check__migc` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:52
-- SQLite has no NOT VALID: check `posts_view_count_check__migc` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused

-- [19] add check `posts_series_position_check` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:22:38
-- SQLite has no NOT VALID: check `posts_series_position_check` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused

-- [20] drop check `posts_published_has_date` on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild posts (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM posts;
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx'));
CREATE TABLE migc_new_posts (
  id integer NOT NULL,
  author_id integer NOT NULL,
  slug varchar(200) NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  excerpt text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  published_at timestamptz,
  view_count integer NOT NULL DEFAULT 0,
  search text,
  created_at timestamptz NOT NULL DEFAULT (current_timestamp),
  updated_at timestamptz NOT NULL DEFAULT (current_timestamp),
  deleted_at timestamptz,
  body_markdown text,
  view_count__migc_new integer,
  comments_enabled boolean NOT NULL DEFAULT true,
  series_id integer,
  series_position integer,
  PRIMARY KEY (id),
  CONSTRAINT posts_view_count_check CHECK (view_count >= 0),
  FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE RESTRICT
);
INSERT INTO migc_new_posts (id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at, body_markdown, view_count__migc_new, comments_enabled, series_id, series_position) SELECT id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at, body_markdown, view_count__migc_new, comments_enabled, series_id, series_position FROM posts;
DROP TABLE posts;
PRAGMA legacy_alter_table = ON;
ALTER TABLE migc_new_posts RENAME TO posts;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX posts_deleted_at_idx ON posts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE UNIQUE INDEX posts_slug_key ON posts (slug) WHERE deleted_at IS NULL;
CREATE INDEX posts_by_author ON posts (author_id, published_at DESC) WHERE status = 'published';
CREATE INDEX posts_published_at_idx ON posts (published_at DESC) WHERE status = 'published' AND deleted_at IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM posts) = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [21] add check `posts_published_has_date` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:27:3
-- SQLite has no NOT VALID: check `posts_published_has_date` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused

-- [22] add foreign key `posts_series_id_fkey` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/posts.mig:21:49
-- SQLite has no NOT VALID: foreign key `posts_series_id_fkey` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused

-- [23] create index `posts_scheduled` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from examples/blog/v2/posts.mig:31:3
CREATE INDEX posts_scheduled ON posts (published_at) WHERE status = 'scheduled';

-- [24] create unique index `posts_series_position_key` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from examples/blog/v2/posts.mig:32:3
CREATE UNIQUE INDEX posts_series_position_key ON posts (series_id, series_position) WHERE series_id IS NOT NULL;

-- [25] install the dual-write trigger on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from examples/blog/v2/posts.mig:8:7
-- rebuild posts (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM posts;
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key'));
CREATE TABLE migc_new_posts (
  id integer NOT NULL,
  author_id integer NOT NULL,
  slug varchar(200) NOT NULL,
  title text NOT NULL,
  body text,
  excerpt text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  published_at timestamptz,
  view_count integer NOT NULL DEFAULT 0,
  search text,
  created_at timestamptz NOT NULL DEFAULT (current_timestamp),
  updated_at timestamptz NOT NULL DEFAULT (current_timestamp),
  deleted_at timestamptz,
  body_markdown text,
  view_count__migc_new integer,
  comments_enabled boolean NOT NULL DEFAULT true,
  series_id integer,
  series_position integer,
  PRIMARY KEY (id),
  CONSTRAINT posts_view_count_check CHECK (view_count >= 0),
  FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE RESTRICT
);
INSERT INTO migc_new_posts (id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at, body_markdown, view_count__migc_new, comments_enabled, series_id, series_position) SELECT id, author_id, slug, title, body, excerpt, status, published_at, view_count, search, created_at, updated_at, deleted_at, body_markdown, view_count__migc_new, comments_enabled, series_id, series_position FROM posts;
DROP TABLE posts;
PRAGMA legacy_alter_table = ON;
ALTER TABLE migc_new_posts RENAME TO posts;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX posts_deleted_at_idx ON posts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE UNIQUE INDEX posts_slug_key ON posts (slug) WHERE deleted_at IS NULL;
CREATE INDEX posts_by_author ON posts (author_id, published_at DESC) WHERE status = 'published';
CREATE INDEX posts_published_at_idx ON posts (published_at DESC) WHERE status = 'published' AND deleted_at IS NULL;
CREATE INDEX posts_scheduled ON posts (published_at) WHERE status = 'scheduled';
CREATE UNIQUE INDEX posts_series_position_key ON posts (series_id, series_position) WHERE series_id IS NOT NULL;
CREATE TRIGGER migc_sync_posts_insert AFTER INSERT ON posts
BEGIN
  INSERT OR REPLACE INTO migc_sync_posts_guard (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE posts SET view_count__migc_new = view_count WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE posts SET body_markdown = body WHERE rowid = NEW.rowid AND NEW.body_markdown IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE posts SET body = body_markdown WHERE rowid = NEW.rowid AND NOT (NEW.body_markdown IS NULL);
  DELETE FROM migc_sync_posts_guard;
END;
CREATE TRIGGER migc_sync_posts_update AFTER UPDATE ON posts
WHEN NOT EXISTS (SELECT 1 FROM migc_sync_posts_guard)
BEGIN
  UPDATE posts SET view_count__migc_new = view_count WHERE rowid = NEW.rowid AND (NEW.view_count IS NOT OLD.view_count OR NEW.view_count__migc_new IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE posts SET body_markdown = body WHERE rowid = NEW.rowid AND (NEW.body IS NOT OLD.body OR NEW.body_markdown IS NULL) AND NOT (NEW.body_markdown IS NOT OLD.body_markdown);
  -- updated by the new application
  UPDATE posts SET body = body_markdown WHERE rowid = NEW.rowid AND (NEW.body_markdown IS NOT OLD.body_markdown) AND NOT (NEW.body IS NOT OLD.body);
END;
CREATE TABLE migc_sync_posts_guard (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM posts) = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [26] create unique index `tags_name_key` on `tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from examples/blog/v2/posts.mig:50:3
CREATE UNIQUE INDEX tags_name_key ON tags ((lower(name)));
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('authors') ORDER BY name)) IS 'avatar_media_id,avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) IS 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('comments') ORDER BY name)) IS 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) IS 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('media') ORDER BY name)) IS 'alt_text,byte_size,content_type,created_at,height,id,storage_key,updated_at,uploaded_by,width'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('media') WHERE name IN ('media_storage_key_key', 'media_uploaded_by_created_at_idx') ORDER BY name)) IS 'media_storage_key_key,media_uploaded_by_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('posts') ORDER BY name)) IS 'author_id,body,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count,view_count__migc_new'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) IS 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('series') ORDER BY name)) IS 'author_id,created_at,description,id,slug,title,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('series') WHERE name IN ('series_slug_key') ORDER BY name)) IS 'series_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('tags') ORDER BY name)) IS 'id,name,slug'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tags') WHERE name IN ('tags_name_key', 'tags_slug_key') ORDER BY name)) IS 'tags_name_key,tags_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_views'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('posts'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND ok IS NOT 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND ok IS NOT 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok IS 1) IS NOT 19;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok IS 1) IS NOT 4;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = ON;
