-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] create enum `comment_status`
--     lock: none; rewrite: no; scan: no; from v1/comments.mig:4:6
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'authors');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'comments');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_views');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
-- SQLite has no enum types: columns of `comment_status` are text with a check of its labels

-- [2] create enum `post_status`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:5:6
-- SQLite has no enum types: columns of `post_status` are text with a check of its labels

-- [3] create table `authors`
--     lock: none (new table); rewrite: no; scan: no; from v1/authors.mig:4:7
CREATE TABLE "authors" (
  "id" integer PRIMARY KEY,
  "handle" varchar(40) NOT NULL,
  "email" text NOT NULL,
  "name" text NOT NULL,
  "bio" text,
  "avatar_url" text,
  "is_editor" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "authors_handle_check" CHECK (length("handle") >= 2)
);

-- [4] create unique index `authors_handle_key` on `authors`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/authors.mig:13:3
CREATE UNIQUE INDEX "authors_handle_key" ON "authors" ((lower("handle")));

-- [5] create unique index `authors_email_key` on `authors`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/authors.mig:14:3
CREATE UNIQUE INDEX "authors_email_key" ON "authors" ((lower("email")));

-- [6] create table `comments`
--     lock: none (new table); rewrite: no; scan: no; from v1/comments.mig:6:7
CREATE TABLE "comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text NOT NULL,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'spam')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);

-- [7] create index `comments_post_id_created_at_idx` on `comments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/comments.mig:16:3
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';

-- [8] create index `comments_moderation_queue` on `comments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/comments.mig:17:3
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';

-- [9] create table `post_tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:34:7
CREATE TABLE "post_tags" (
  "post_id" integer NOT NULL,
  "tag_id" integer NOT NULL,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "tag_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE
);

-- [10] create index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:39:3
CREATE INDEX "post_tags_tag_id_post_id_idx" ON "post_tags" ("tag_id", "post_id");

-- [11] create table `post_views`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:43:7
CREATE TABLE "post_views" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "viewed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "referrer" text,
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);

-- [12] create index `post_views_post_id_viewed_at_idx` on `post_views`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:48:3
CREATE INDEX "post_views_post_id_viewed_at_idx" ON "post_views" ("post_id", "viewed_at");

-- [13] create table `posts`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:7:7
CREATE TABLE "posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body" text NOT NULL,
  "excerpt" text,
  "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'review', 'published', 'archived')),
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

-- [14] add foreign key `comments_post_id_fkey` on `comments`
--     lock: none; rewrite: no; scan: no; from v1/comments.mig:8:51
-- SQLite adds foreign keys with the table: `comments_post_id_fkey` is in its CREATE TABLE

-- [15] add foreign key `post_tags_post_id_fkey` on `post_tags`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:35:44
-- SQLite adds foreign keys with the table: `post_tags_post_id_fkey` is in its CREATE TABLE

-- [16] add foreign key `post_views_post_id_fkey` on `post_views`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:45:45
-- SQLite adds foreign keys with the table: `post_views_post_id_fkey` is in its CREATE TABLE

-- [17] create index `posts_deleted_at_idx` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
CREATE INDEX "posts_deleted_at_idx" ON "posts" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- [18] create unique index `posts_slug_key` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:22:3
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" ("slug") WHERE "deleted_at" IS NULL;

-- [19] create index `posts_by_author` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:23:3
CREATE INDEX "posts_by_author" ON "posts" ("author_id", "published_at" DESC) WHERE "status" = 'published';

-- [20] create index `posts_published_at_idx` on `posts`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/posts.mig:24:3
CREATE INDEX "posts_published_at_idx" ON "posts" ("published_at" DESC) WHERE "status" = 'published' AND "deleted_at" IS NULL;

-- [21] add foreign key `posts_author_id_fkey` on `posts`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:9:49
-- SQLite adds foreign keys with the table: `posts_author_id_fkey` is in its CREATE TABLE

-- [22] create table `tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:27:7
CREATE TABLE "tags" (
  "id" integer PRIMARY KEY,
  "name" text NOT NULL,
  "slug" varchar(60) NOT NULL,
  CONSTRAINT "tags_slug_key" UNIQUE ("slug")
);

-- [23] add foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:36:44
-- SQLite adds foreign keys with the table: `post_tags_tag_id_fkey` is in its CREATE TABLE

-- [24] create view `published_posts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/search.mig:14:6
CREATE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [25] create view `tag_counts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/search.mig:21:6
CREATE VIEW "tag_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "tags" t LEFT JOIN "post_tags" pt ON "pt"."tag_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [26] apply native block `pg_trgm`
--     lock: none; rewrite: no; scan: no; from v1/search.mig:2:8
-- native block pg_trgm is not for SQLite

-- [27] apply native block `posts_search`
--     lock: none; rewrite: no; scan: no; from v1/search.mig:7:8
-- native block posts_search is not for SQLite
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_post_id_created_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_views') ORDER BY name)) = 'id,post_id,referrer,viewed_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_views') WHERE name IN ('post_views_post_id_viewed_at_idx') ORDER BY name)) = 'post_views_post_id_viewed_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,created_at,deleted_at,excerpt,id,published_at,search,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tags') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tags') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 17;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
