-- migc 0.1.0: switch phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [47] undo: validate foreign key `posts_series_id_fkey` on existing rows
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v2/posts.mig:21:49
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_switch_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count,view_count__migc_new'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'migc_sync_posts_insert', 'migc_sync_posts_update'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text,
  "body" text,
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
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new") SELECT "id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new" FROM "posts";
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
CREATE TRIGGER "migc_sync_posts_insert" AFTER INSERT ON "posts"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_posts_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "posts" SET "view_count__migc_new" = "view_count" WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "posts" SET "body_markdown" = "body" WHERE rowid = NEW.rowid AND NEW."body_markdown" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "posts" SET "body" = "body_markdown" WHERE rowid = NEW.rowid AND NOT (NEW."body_markdown" IS NULL);
  DELETE FROM "migc_sync_posts_guard";
END;
CREATE TRIGGER "migc_sync_posts_update" AFTER UPDATE ON "posts"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_posts_guard")
BEGIN
  UPDATE "posts" SET "view_count__migc_new" = "view_count" WHERE rowid = NEW.rowid AND (coalesce(NEW."view_count" <> OLD."view_count", NEW."view_count" IS NOT NULL OR OLD."view_count" IS NOT NULL) OR NEW."view_count__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "posts" SET "body_markdown" = "body" WHERE rowid = NEW.rowid AND (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL) OR NEW."body_markdown" IS NULL) AND NOT (coalesce(NEW."body_markdown" <> OLD."body_markdown", NEW."body_markdown" IS NOT NULL OR OLD."body_markdown" IS NOT NULL));
  -- updated by the new application
  UPDATE "posts" SET "body" = "body_markdown" WHERE rowid = NEW.rowid AND (coalesce(NEW."body_markdown" <> OLD."body_markdown", NEW."body_markdown" IS NOT NULL OR OLD."body_markdown" IS NOT NULL)) AND NOT (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [46] undo: validate check `posts_published_has_date` on existing rows
--     lock: database write lock; part of the rebuild of `posts` at step 47; rewrite: yes; scan: yes; from v2/posts.mig:27:3
-- undone by the rebuild of `posts` at step 47

-- [45] undo: validate check `posts_series_position_check` on existing rows
--     lock: database write lock; part of the rebuild of `posts` at step 47; rewrite: yes; scan: yes; from v2/posts.mig:22:38
-- undone by the rebuild of `posts` at step 47

-- [44] undo: validate check `posts_view_count_check__migc` on existing rows
--     lock: database write lock; part of the rebuild of `posts` at step 47; rewrite: yes; scan: yes; from v2/posts.mig:19:52
-- undone by the rebuild of `posts` at step 47

-- [43] undo: set `posts.view_count__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/posts.mig:19:3
-- nothing to undo: the column stays nullable

-- [42] undo: validate that `posts.view_count__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:3
-- nothing to undo

-- [41] undo: check `posts.view_count__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:3
-- nothing to undo

-- [40] undo: set `posts.body_markdown` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/posts.mig:14:3
-- nothing to undo: the column stays nullable

-- [39] undo: validate that `posts.body_markdown` holds no null
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:14:3
-- nothing to undo

-- [38] undo: check `posts.body_markdown` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:14:3
-- nothing to undo

-- [37] undo: validate foreign key `comments_parent_id_fkey` on existing rows
--     lock: database write lock; rebuilds `comments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/comments.mig:11:47
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_moderation_queue', 'comments_post_id_created_at_idx__migc', 'comments_parent_id_idx', 'comments_moderation_queue__migc', 'migc_sync_comments_insert', 'migc_sync_comments_update'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text NOT NULL,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected', 'spam')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'approved', 'rejected')),
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_name", "author_email", "body", "status", "created_at", "updated_at", "status__migc_new") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "status", "created_at", "updated_at", "status__migc_new" FROM "comments";
DROP TABLE "comments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_comments" RENAME TO "comments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';
CREATE INDEX "comments_post_id_created_at_idx__migc" ON "comments" ("post_id", "created_at") WHERE "status__migc_new" = 'approved';
CREATE INDEX "comments_parent_id_idx" ON "comments" ("parent_id") WHERE "parent_id" IS NOT NULL;
CREATE INDEX "comments_moderation_queue__migc" ON "comments" ("created_at") WHERE "status__migc_new" = 'pending';
CREATE TRIGGER "migc_sync_comments_insert" AFTER INSERT ON "comments"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_comments_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "comments" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'spam' THEN 'rejected' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_comments_guard";
END;
CREATE TRIGGER "migc_sync_comments_update" AFTER UPDATE ON "comments"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_comments_guard")
BEGIN
  UPDATE "comments" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'spam' THEN 'rejected' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR NEW."status__migc_new" IS NULL);
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [36] undo: set `comments.status__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/comments.mig:15:3
-- nothing to undo: the column stays nullable

-- [35] undo: validate that `comments.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:15:3
-- nothing to undo

-- [34] undo: check `comments.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:15:3
-- nothing to undo

-- [33] undo: validate foreign key `authors_avatar_media_id_fkey` on existing rows
--     lock: database write lock; rebuilds `authors` (copies every row into a new table); rewrite: yes; scan: yes; from v2/authors.mig:10:47
-- rebuild "authors" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "authors";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'authors' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('authors_handle_key', 'authors_email_key'));
CREATE TABLE "migc_new_authors" (
  "id" integer PRIMARY KEY,
  "handle" varchar(40) NOT NULL,
  "email" text NOT NULL,
  "name" text NOT NULL,
  "bio" text,
  "avatar_media_id" integer,
  "avatar_url" text,
  "is_editor" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "authors_handle_check" CHECK (length("handle") >= 2)
);
INSERT INTO "migc_new_authors" ("id", "handle", "email", "name", "bio", "avatar_media_id", "avatar_url", "is_editor", "created_at", "updated_at") SELECT "id", "handle", "email", "name", "bio", "avatar_media_id", "avatar_url", "is_editor", "created_at", "updated_at" FROM "authors";
DROP TABLE "authors";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_authors" RENAME TO "authors";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "authors_handle_key" ON "authors" ((lower("handle")));
CREATE UNIQUE INDEX "authors_email_key" ON "authors" ((lower("email")));
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "authors") = (SELECT rows FROM temp.migc_count WHERE n = 3);
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_media_id,avatar_url,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,status__migc_new,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_moderation_queue__migc', 'comments_parent_id_idx', 'comments_post_id_created_at_idx', 'comments_post_id_created_at_idx__migc') ORDER BY name)) = 'comments_moderation_queue,comments_moderation_queue__migc,comments_parent_id_idx,comments_post_id_created_at_idx,comments_post_id_created_at_idx__migc'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_comments_insert,migc_sync_comments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count,view_count__migc_new'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('authors'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('media'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_views'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('posts'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('series'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 13;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 7;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
