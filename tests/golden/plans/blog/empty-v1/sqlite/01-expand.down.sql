-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [27] undo: apply native block `posts_search`
--     lock: none; rewrite: no; scan: no; from v1/search.mig:7:8
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_post_id_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_views') ORDER BY name)) = 'id,post_id,referrer,viewed_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_views') WHERE name IN ('post_views_post_id_viewed_at_idx') ORDER BY name)) = 'post_views_post_id_viewed_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,created_at,deleted_at,excerpt,id,published_at,search,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tags') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tags') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
-- nothing to undo

-- [26] undo: apply native block `pg_trgm`
--     lock: none; rewrite: no; scan: no; from v1/search.mig:2:8
-- nothing to undo

-- [25] undo: create view `tag_counts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/search.mig:21:6
DROP VIEW "tag_counts";

-- [24] undo: create view `published_posts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/search.mig:14:6
DROP VIEW "published_posts";

-- [23] undo: add foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:36:44
-- nothing to undo

-- [22] undo: create table `tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:27:7
DROP TABLE "tags";

-- [21] undo: add foreign key `posts_author_id_fkey` on `posts`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:9:49
-- nothing to undo

-- [20] undo: create index `posts_published_at_idx` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:24:3
DROP INDEX "posts_published_at_idx";

-- [19] undo: create index `posts_by_author` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:23:3
DROP INDEX "posts_by_author";

-- [18] undo: create unique index `posts_slug_key` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:22:3
DROP INDEX "posts_slug_key";

-- [17] undo: create index `posts_deleted_at_idx` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX "posts_deleted_at_idx";

-- [16] undo: add foreign key `post_views_post_id_fkey` on `post_views`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:45:45
-- nothing to undo

-- [15] undo: add foreign key `post_tags_post_id_fkey` on `post_tags`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:35:44
-- nothing to undo

-- [14] undo: add foreign key `comments_post_id_fkey` on `comments`
--     lock: none; rewrite: no; scan: no; from v1/comments.mig:8:51
-- nothing to undo

-- [13] undo: create table `posts`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:7:7
DROP TABLE "posts";

-- [12] undo: create index `post_views_post_id_viewed_at_idx` on `post_views`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:48:3
DROP INDEX "post_views_post_id_viewed_at_idx";

-- [11] undo: create table `post_views`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:43:7
DROP TABLE "post_views";

-- [10] undo: create index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:39:3
DROP INDEX "post_tags_tag_id_post_id_idx";

-- [9] undo: create table `post_tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:34:7
DROP TABLE "post_tags";

-- [8] undo: create index `comments_moderation_queue` on `comments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/comments.mig:17:3
DROP INDEX "comments_moderation_queue";

-- [7] undo: create index `comments_post_id_created_at_idx` on `comments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/comments.mig:16:3
DROP INDEX "comments_post_id_created_at_idx";

-- [6] undo: create table `comments`
--     lock: none (new table); rewrite: no; scan: no; from v1/comments.mig:6:7
DROP TABLE "comments";

-- [5] undo: create unique index `authors_email_key` on `authors`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/authors.mig:14:3
DROP INDEX "authors_email_key";

-- [4] undo: create unique index `authors_handle_key` on `authors`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/authors.mig:13:3
DROP INDEX "authors_handle_key";

-- [3] undo: create table `authors`
--     lock: none (new table); rewrite: no; scan: no; from v1/authors.mig:4:7
DROP TABLE "authors";

-- [2] undo: create enum `post_status`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:5:6
-- nothing to undo

-- [1] undo: create enum `comment_status`
--     lock: none; rewrite: no; scan: no; from v1/comments.mig:4:6
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'authors');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'comments');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_views');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 17;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
