-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [30] undo: create unique index `tags_name_key` on `tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/posts.mig:50:3
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_expand_down;
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
  SELECT RAISE(ROLLBACK, 'migc: a table to rebuild has indexes or triggers that migc does not know (declare them in a native block of the schema); nothing was changed');
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_media_id,avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,status__migc_new,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_moderation_queue__migc', 'comments_parent_id_idx', 'comments_post_id_created_at_idx', 'comments_post_id_created_at_idx__migc') ORDER BY name)) = 'comments_moderation_queue,comments_moderation_queue__migc,comments_parent_id_idx,comments_post_id_created_at_idx,comments_post_id_created_at_idx__migc'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_comments_insert,migc_sync_comments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('media') ORDER BY name)) = 'alt_text,byte_size,content_type,created_at,height,id,storage_key,updated_at,uploaded_by,width'
  AND EXISTS (SELECT 1 FROM pragma_index_list('media') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'storage_key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('media') WHERE name IN ('media_uploaded_by_created_at_idx') ORDER BY name)) = 'media_uploaded_by_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count,view_count__migc_new'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('series') ORDER BY name)) = 'author_id,created_at,description,id,slug,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('series') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tags') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tags') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tags') WHERE name IN ('tags_name_key') ORDER BY name)) = 'tags_name_key';
DROP INDEX "tags_name_key";

-- [29] undo: install the dual-write trigger on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v2/posts.mig:8:7
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'migc_sync_posts_insert', 'migc_sync_posts_update'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text,
  "body" text NOT NULL,
  "excerpt" text,
  "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  "published_at" timestamptz,
  "view_count" integer NOT NULL DEFAULT 0,
  "comments_enabled" boolean NOT NULL DEFAULT true,
  "series_id" integer,
  "series_position" integer,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  "view_count__migc_new" integer,
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new") SELECT "id", "author_id", "slug", "title", "body_markdown", coalesce("body", "body_markdown"), "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new" FROM "posts";
DROP TABLE "posts";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_posts" RENAME TO "posts";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "posts_deleted_at_idx" ON "posts" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" ("slug") WHERE "deleted_at" IS NULL;
CREATE INDEX "posts_by_author" ON "posts" ("author_id", "published_at" DESC) WHERE "status" = 'published';
CREATE INDEX "posts_published_at_idx" ON "posts" ("published_at" DESC) WHERE "status" = 'published' AND "deleted_at" IS NULL;
CREATE INDEX "posts_scheduled" ON "posts" ("published_at") WHERE "status" = 'scheduled';
CREATE UNIQUE INDEX "posts_series_position_key" ON "posts" ("series_id", "series_position") WHERE "series_id" IS NOT NULL;
DROP TABLE "migc_sync_posts_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [28] undo: create unique index `posts_series_position_key` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/posts.mig:32:3
DROP INDEX "posts_series_position_key";

-- [27] undo: create index `posts_scheduled` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/posts.mig:31:3
DROP INDEX "posts_scheduled";

-- [26] undo: add foreign key `posts_series_id_fkey` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:21:49
-- nothing to undo

-- [25] undo: add check `posts_published_has_date` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:27:3
-- nothing to undo

-- [24] undo: drop check `posts_published_has_date` on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text,
  "body" text NOT NULL,
  "excerpt" text,
  "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  "published_at" timestamptz,
  "view_count" integer NOT NULL DEFAULT 0,
  "comments_enabled" boolean NOT NULL DEFAULT true,
  "series_id" integer,
  "series_position" integer,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  "view_count__migc_new" integer,
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" <> 'published' OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new") SELECT "id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new" FROM "posts";
DROP TABLE "posts";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_posts" RENAME TO "posts";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "posts_deleted_at_idx" ON "posts" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" ("slug") WHERE "deleted_at" IS NULL;
CREATE INDEX "posts_by_author" ON "posts" ("author_id", "published_at" DESC) WHERE "status" = 'published';
CREATE INDEX "posts_published_at_idx" ON "posts" ("published_at" DESC) WHERE "status" = 'published' AND "deleted_at" IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [23] undo: add check `posts_series_position_check` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:22:38
-- nothing to undo

-- [22] undo: add check `posts_view_count_check__migc` on `posts` for new rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:52
-- nothing to undo

-- [21] undo: add column `posts.series_position`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v2/posts.mig:22:3
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body" text NOT NULL,
  "excerpt" text,
  "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'review', 'published', 'archived', 'scheduled')),
  "published_at" timestamptz,
  "view_count" integer NOT NULL DEFAULT 0,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" <> 'published' OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body", "excerpt", "status", "published_at", "view_count", "search", "created_at", "updated_at", "deleted_at") SELECT "id", "author_id", "slug", "title", "body", "excerpt", "status", "published_at", "view_count", "search", "created_at", "updated_at", "deleted_at" FROM "posts";
DROP TABLE "posts";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_posts" RENAME TO "posts";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "posts_deleted_at_idx" ON "posts" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" ("slug") WHERE "deleted_at" IS NULL;
CREATE INDEX "posts_by_author" ON "posts" ("author_id", "published_at" DESC) WHERE "status" = 'published';
CREATE INDEX "posts_published_at_idx" ON "posts" ("published_at" DESC) WHERE "status" = 'published' AND "deleted_at" IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [20] undo: add column `posts.series_id`
--     lock: database write lock; part of the rebuild of `posts` at step 21; rewrite: yes; scan: yes; from v2/posts.mig:21:3
-- undone by the rebuild of `posts` at step 21

-- [19] undo: add column `posts.comments_enabled`
--     lock: database write lock; part of the rebuild of `posts` at step 21; rewrite: yes; scan: yes; from v2/posts.mig:20:3
-- undone by the rebuild of `posts` at step 21

-- [18] undo: add shadow column `posts.view_count__migc_new` of type `int64` for `view_count`
--     lock: database write lock; part of the rebuild of `posts` at step 21; rewrite: yes; scan: yes; from v2/posts.mig:19:3
-- undone by the rebuild of `posts` at step 21

-- [17] undo: add column `posts.body_markdown` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `posts` at step 21; rewrite: yes; scan: yes; from v2/posts.mig:14:3
-- undone by the rebuild of `posts` at step 21

-- [16] undo: install the dual-write trigger on `comments`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/comments.mig:7:7
DROP TRIGGER "migc_sync_comments_insert";
DROP TRIGGER "migc_sync_comments_update";
DROP TABLE "migc_sync_comments_guard";

-- [15] undo: create index `comments_moderation_queue__migc` on `comments`
--     lock: database write lock; rebuilds `comments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/comments.mig:19:3
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_moderation_queue', 'comments_post_id_created_at_idx__migc', 'comments_parent_id_idx', 'comments_moderation_queue__migc'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text NOT NULL,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'spam', 'rejected')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_name", "author_email", "body", "status", "created_at", "updated_at") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "status", "created_at", "updated_at" FROM "comments";
DROP TABLE "comments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_comments" RENAME TO "comments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [14] undo: create index `comments_parent_id_idx` on `comments`
--     lock: database write lock; part of the rebuild of `comments` at step 15; rewrite: yes; scan: yes; from v2/comments.mig:18:3
-- undone by the rebuild of `comments` at step 15

-- [13] undo: create index `comments_post_id_created_at_idx__migc` on `comments`
--     lock: database write lock; part of the rebuild of `comments` at step 15; rewrite: yes; scan: yes; from v2/comments.mig:17:3
-- undone by the rebuild of `comments` at step 15

-- [12] undo: add foreign key `comments_parent_id_fkey` on `comments` for new rows
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:11:47
-- nothing to undo

-- [11] undo: add shadow column `comments.status__migc_new` of type `comment_status__migc` for `status`
--     lock: database write lock; part of the rebuild of `comments` at step 15; rewrite: yes; scan: yes; from v2/comments.mig:15:3
-- undone by the rebuild of `comments` at step 15

-- [10] undo: add foreign key `authors_avatar_media_id_fkey` on `authors` for new rows
--     lock: none; rewrite: no; scan: no; from v2/authors.mig:10:47
-- nothing to undo

-- [9] undo: add column `authors.avatar_media_id`
--     lock: database write lock; rebuilds `authors` (copies every row into a new table); rewrite: yes; scan: yes; from v2/authors.mig:10:3
ALTER TABLE "authors" DROP COLUMN "avatar_media_id";

-- [8] undo: add foreign key `series_author_id_fkey` on `series`
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:38:48
-- nothing to undo

-- [7] undo: create table `series`
--     lock: none (new table); rewrite: no; scan: no; from v2/posts.mig:36:7
DROP TABLE "series";

-- [6] undo: add foreign key `media_uploaded_by_fkey` on `media`
--     lock: none; rewrite: no; scan: no; from v2/authors.mig:21:49
-- nothing to undo

-- [5] undo: create index `media_uploaded_by_created_at_idx` on `media`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/authors.mig:29:3
DROP INDEX "media_uploaded_by_created_at_idx";

-- [4] undo: create table `media`
--     lock: none (new table); rewrite: no; scan: no; from v2/authors.mig:19:7
DROP TABLE "media";

-- [3] undo: add value `scheduled` to enum `post_status`
--     lock: database write lock; part of the rebuild of `posts` at step 21; rewrite: yes; scan: yes; from v2/posts.mig:6:35
-- undone by the rebuild of `posts` at step 21

-- [2] undo: create enum `comment_status__migc`, the new shape of `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
-- nothing to undo

-- [1] undo: add value `rejected` to enum `comment_status` (renamed from `spam`)
--     lock: database write lock; part of the rebuild of `comments` at step 15; rewrite: yes; scan: yes; from v2/comments.mig:5:42
-- undone by the rebuild of `comments` at step 15
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_moderation_queue__migc', 'comments_parent_id_idx', 'comments_post_id_created_at_idx', 'comments_post_id_created_at_idx__migc') ORDER BY name)) = 'comments_moderation_queue,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,created_at,deleted_at,excerpt,id,published_at,search,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'series');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tags') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tags') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tags') WHERE name IN ('tags_name_key') ORDER BY name)) IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_views'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('posts'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 21;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 4;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
