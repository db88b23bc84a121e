-- migc 0.1.0: contract phase (down) for sqlite
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: sqlite3 DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [67] undo: recreate view `published_posts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/search.mig:14:6
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_contract_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('authors') ORDER BY name)) = 'avatar_media_id,bio,created_at,email,handle,id,is_editor,name,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('authors') WHERE name IN ('authors_email_key', 'authors_handle_key') ORDER BY name)) = 'authors_email_key,authors_handle_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_moderation_queue__migc', 'comments_parent_id_idx', 'comments_post_id_created_at_idx', 'comments_post_id_created_at_idx__migc') ORDER BY name)) = 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
DROP VIEW "published_posts";

-- [66] undo: drop column `posts.body`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text NOT NULL,
  "body" text,
  "excerpt" text,
  "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  "published_at" timestamptz,
  "comments_enabled" boolean NOT NULL DEFAULT true,
  "series_id" integer,
  "series_position" integer,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  "view_count" integer NOT NULL DEFAULT 0,
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count") SELECT "id", "author_id", "slug", "title", "body_markdown", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count" FROM "posts";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 1);
UPDATE "posts" SET "body" = "body_markdown" WHERE "body" IS NULL;

-- [65] undo: remove the dual-write trigger on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v2/posts.mig:8:7
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key'));
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
  "comments_enabled" boolean NOT NULL DEFAULT true,
  "series_id" integer,
  "series_position" integer,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  "view_count" integer NOT NULL,
  CONSTRAINT "posts_view_count_check__migc" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count") SELECT "id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count" FROM "posts";
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
CREATE TABLE "migc_sync_posts_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [64] undo: rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
--     lock: database write lock; part of the rebuild of `posts` at step 65; rewrite: yes; scan: yes; from v2/posts.mig:19:52
-- undone by the rebuild of `posts` at step 65

-- [63] undo: set the default of `posts.view_count`
--     lock: database write lock; part of the rebuild of `posts` at step 65; rewrite: yes; scan: yes; from v2/posts.mig:19:3
-- undone by the rebuild of `posts` at step 65

-- [62] undo: put shadow column `view_count__migc_new` in place of `posts.view_count`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v2/posts.mig:19:3
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "posts";
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
  "comments_enabled" boolean NOT NULL DEFAULT true,
  "series_id" integer,
  "series_position" integer,
  "search" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  "view_count__migc_new" integer,
  CONSTRAINT "posts_view_count_check__migc" CHECK ("view_count__migc_new" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new") SELECT "id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count" FROM "posts";
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
  UPDATE "posts" SET "view_count__migc_new" = "view_count" WHERE rowid = NEW.rowid AND (0 OR NEW."view_count__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "posts" SET "body_markdown" = "body" WHERE rowid = NEW.rowid AND (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL) OR NEW."body_markdown" IS NULL) AND NOT (coalesce(NEW."body_markdown" <> OLD."body_markdown", NEW."body_markdown" IS NOT NULL OR OLD."body_markdown" IS NOT NULL));
  -- updated by the new application
  UPDATE "posts" SET "body" = "body_markdown" WHERE rowid = NEW.rowid AND (coalesce(NEW."body_markdown" <> OLD."body_markdown", NEW."body_markdown" IS NOT NULL OR OLD."body_markdown" IS NOT NULL)) AND NOT (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [61] undo: drop column `posts.view_count`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "posts";
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
  CONSTRAINT "posts_view_count_check__migc" CHECK ("view_count__migc_new" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new") SELECT "id", "author_id", "slug", "title", "body_markdown", "body", "excerpt", "status", "published_at", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at", "view_count__migc_new" FROM "posts";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 4);
INSERT OR REPLACE INTO "migc_sync_posts_guard" (active) VALUES (1);
UPDATE "posts" SET "view_count" = min("view_count__migc_new", 2147483647) WHERE "view_count" IS NULL;
DELETE FROM "migc_sync_posts_guard";

-- [60] undo: drop column `authors.avatar_url`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v2/authors.mig:13:15
-- rebuild "authors" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "authors";
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
  CONSTRAINT "authors_handle_check" CHECK (length("handle") >= 2),
  FOREIGN KEY ("avatar_media_id") REFERENCES "media" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_authors" ("id", "handle", "email", "name", "bio", "avatar_media_id", "is_editor", "created_at", "updated_at") SELECT "id", "handle", "email", "name", "bio", "avatar_media_id", "is_editor", "created_at", "updated_at" FROM "authors";
DROP TABLE "authors";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_authors" RENAME TO "authors";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "authors_handle_key" ON "authors" ((lower("handle")));
CREATE UNIQUE INDEX "authors_email_key" ON "authors" ((lower("email")));
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "authors") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [59] undo: drop view `published_posts` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `published_posts` comes back at the end of this script

-- [58] undo: let `posts.body` accept null before the dual-write trigger goes
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 6, count(*) FROM "posts";
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
  CONSTRAINT "posts_view_count_check__migc" CHECK ("view_count__migc_new" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 6);

-- [57] undo: drop check `posts_view_count_check` on `posts`
--     lock: database write lock; part of the rebuild of `posts` at step 58; rewrite: yes; scan: yes; from the deployed schema
-- undone by the rebuild of `posts` at step 58

-- [56] undo: remove the dual-write trigger on `comments`
--     lock: database write lock; rebuilds `comments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/comments.mig:7:7
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 7, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_parent_id_idx', 'comments_moderation_queue'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text NOT NULL,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL CHECK ("status" IN ('pending', 'approved', 'rejected')),
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status" FROM "comments";
DROP TABLE "comments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_comments" RENAME TO "comments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';
CREATE INDEX "comments_parent_id_idx" ON "comments" ("parent_id") WHERE "parent_id" IS NOT NULL;
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';
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
CREATE TABLE "migc_sync_comments_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 7);

-- [55] undo: set the default of `comments.status`
--     lock: database write lock; part of the rebuild of `comments` at step 56; rewrite: yes; scan: yes; from v2/comments.mig:15:3
-- undone by the rebuild of `comments` at step 56

-- [54] undo: put shadow column `status__migc_new` in place of `comments.status`
--     lock: database write lock; rebuilds `comments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/comments.mig:15:3
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 8, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_parent_id_idx', 'comments_moderation_queue', 'migc_sync_comments_insert', 'migc_sync_comments_update'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text NOT NULL,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'approved', 'rejected')),
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status__migc_new") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status" FROM "comments";
DROP TABLE "comments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_comments" RENAME TO "comments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status__migc_new" = 'approved';
CREATE INDEX "comments_parent_id_idx" ON "comments" ("parent_id") WHERE "parent_id" IS NOT NULL;
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status__migc_new" = 'pending';
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
  UPDATE "comments" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'spam' THEN 'rejected' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (0 OR NEW."status__migc_new" IS NULL);
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 8);

-- [53] undo: give enum `comment_status__migc` the name `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
-- nothing to undo

-- [52] undo: drop column `comments.status`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 9, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_parent_id_idx', 'comments_moderation_queue', 'migc_sync_comments_insert', 'migc_sync_comments_update'));
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
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status__migc_new") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "created_at", "updated_at", "status__migc_new" FROM "comments";
DROP TABLE "comments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_comments" RENAME TO "comments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status__migc_new" = 'approved';
CREATE INDEX "comments_parent_id_idx" ON "comments" ("parent_id") WHERE "parent_id" IS NOT NULL;
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status__migc_new" = 'pending';
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 9);

-- [51] undo: rename index `comments_moderation_queue__migc` to `comments_moderation_queue`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/comments.mig:19:3
DROP INDEX "comments_moderation_queue";
CREATE INDEX "comments_moderation_queue__migc" ON "comments" ("created_at") WHERE "status__migc_new" = 'pending';

-- [50] undo: drop index `comments_moderation_queue` on `comments`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
CREATE INDEX "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';

-- [49] undo: rename index `comments_post_id_created_at_idx__migc` to `comments_post_id_created_at_idx`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/comments.mig:17:3
DROP INDEX "comments_post_id_created_at_idx";
CREATE INDEX "comments_post_id_created_at_idx__migc" ON "comments" ("post_id", "created_at") WHERE "status__migc_new" = 'approved';

-- [48] undo: drop index `comments_post_id_created_at_idx` on `comments`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
CREATE INDEX "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';
-- the views this phase dropped
CREATE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('authors'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('media'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_views'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('posts'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('series'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 27;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 7;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
