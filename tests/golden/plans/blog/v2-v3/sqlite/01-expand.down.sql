-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [14] undo: create view `topic_counts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/search.mig:21:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,author_name__migc_new,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_comments_insert,migc_sync_comments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id,topic_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx,post_topics_pkey__migc,post_topics_topic_id_post_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'post_tags' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_post_tags_insert,migc_sync_post_tags_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_post_tags_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,summary,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'post_topics');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topic_counts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topics');
DROP VIEW "topic_counts";

-- [13] undo: create view `published_posts` with its new query
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW "published_posts";

-- [12] undo: drop view `published_posts` to redefine it
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/search.mig:14:6
-- view `published_posts` comes back at the end of this script

-- [11] undo: install the dual-write trigger on `posts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:7:7
DROP TRIGGER "migc_sync_posts_insert";
DROP TRIGGER "migc_sync_posts_update";
DROP TABLE "migc_sync_posts_guard";

-- [10] undo: add column `posts.summary` (filled from the deployed shape)
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:15:3
ALTER TABLE "posts" DROP COLUMN "summary";

-- [9] undo: install the dual-write trigger on `post_tags`
--     lock: database write lock; rebuilds `post_tags` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:54:7
-- rebuild "post_tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "post_tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'post_tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx', 'migc_sync_post_tags_insert', 'migc_sync_post_tags_update'));
CREATE TABLE "migc_new_post_tags" (
  "post_id" integer NOT NULL,
  "topic_id" integer,
  "tag_id" integer NOT NULL,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "tag_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_post_tags" (rowid, "post_id", "topic_id", "tag_id", "added_at") SELECT rowid, "post_id", "topic_id", coalesce("tag_id", "topic_id"), "added_at" FROM "post_tags";
DROP TABLE "post_tags";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_post_tags" RENAME TO "post_tags";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "post_tags_tag_id_post_id_idx" ON "post_tags" ("tag_id", "post_id");
CREATE UNIQUE INDEX "post_topics_pkey__migc" ON "post_tags" ("post_id", "topic_id");
CREATE INDEX "post_topics_topic_id_post_id_idx" ON "post_tags" ("topic_id", "post_id");
DROP TABLE "migc_sync_post_tags_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "post_tags") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [8] undo: create index `post_topics_topic_id_post_id_idx` on `post_tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/posts.mig:59:3
DROP INDEX "post_topics_topic_id_post_id_idx";

-- [7] undo: add foreign key `post_topics_topic_id_fkey` on `post_tags` for new rows
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:56:44
-- nothing to undo

-- [6] undo: create unique index `post_topics_pkey__migc` on `post_tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/posts.mig:58:3
DROP INDEX "post_topics_pkey__migc";

-- [5] undo: expose table `post_tags` as `post_topics` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:54:7
DROP VIEW "post_topics";

-- [4] undo: add column `post_tags.topic_id` (filled from the deployed shape)
--     lock: database write lock; rebuilds `post_tags` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:56:3
ALTER TABLE "post_tags" DROP COLUMN "topic_id";

-- [3] undo: install the dual-write trigger on `comments`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/comments.mig:6:7
DROP TRIGGER "migc_sync_comments_insert";
DROP TRIGGER "migc_sync_comments_update";
DROP TABLE "migc_sync_comments_guard";

-- [2] undo: add shadow column `comments.author_name__migc_new` of type `varchar(100)` for `author_name`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/comments.mig:11:3
ALTER TABLE "comments" DROP COLUMN "author_name__migc_new";

-- [1] undo: expose table `tags` as `topics` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:46:7
DROP VIEW "topics";
-- the views this phase dropped
CREATE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'post_tags' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_post_tags_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'post_topics');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topic_counts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topics');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 17;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 1;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
