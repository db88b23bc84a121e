-- migc 0.1.0: contract phase (down) for sqlite
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: sqlite3 DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [52] undo: recreate view `topic_counts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/search.mig:21:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_topics') ORDER BY name)) = 'added_at,post_id,topic_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'post_views');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body_markdown,comments_enabled,created_at,deleted_at,id,published_at,search,series_id,series_position,slug,status,summary,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tags');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('topics') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('topics') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topic_counts');
DROP VIEW "topic_counts";

-- [51] undo: rename table `post_tags` to `post_topics`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:54:7
ALTER TABLE "post_topics" RENAME TO "post_tags";

-- [50] undo: drop column `post_tags.tag_id`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "post_tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "post_tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'post_tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('post_topics_topic_id_post_id_idx'));
CREATE TABLE "migc_new_post_tags" (
  "post_id" integer NOT NULL,
  "topic_id" integer NOT NULL,
  "tag_id" integer,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "topic_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("topic_id") REFERENCES "topics" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_post_tags" (rowid, "post_id", "topic_id", "added_at") SELECT rowid, "post_id", "topic_id", "added_at" FROM "post_tags";
DROP TABLE "post_tags";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_post_tags" RENAME TO "post_tags";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "post_topics_topic_id_post_id_idx" ON "post_tags" ("topic_id", "post_id");
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "post_tags") = (SELECT rows FROM temp.migc_count WHERE n = 1);
UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE "tag_id" IS NULL;

-- [49] undo: rename table `tags` to `topics`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:46:7
ALTER TABLE "topics" RENAME TO "tags";

-- [48] undo: drop view `tag_counts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `tag_counts` comes back at the end of this script

-- [47] undo: drop the view `topics` standing for table `tags`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:46:7
CREATE VIEW "topics" AS SELECT * FROM "tags";
CREATE TRIGGER "migc_alias_topics_insert" INSTEAD OF INSERT ON "topics"
BEGIN
  INSERT INTO "tags" ("id", "name", "slug") VALUES (NEW."id", NEW."name", NEW."slug");
END;
CREATE TRIGGER "migc_alias_topics_update" INSTEAD OF UPDATE ON "topics"
BEGIN
  UPDATE "tags" SET "id" = NEW."id", "name" = NEW."name", "slug" = NEW."slug" WHERE "id" = OLD."id";
END;
CREATE TRIGGER "migc_alias_topics_delete" INSTEAD OF DELETE ON "topics"
BEGIN
  DELETE FROM "tags" WHERE "id" = OLD."id";
END;

-- [46] undo: drop the view `post_topics` standing for table `post_tags`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE VIEW "post_topics" AS SELECT * FROM "post_tags";
CREATE TRIGGER "migc_alias_post_topics_insert" INSTEAD OF INSERT ON "post_topics"
BEGIN
  INSERT INTO "post_tags" ("post_id", "topic_id", "tag_id", "added_at") VALUES (NEW."post_id", NEW."topic_id", NEW."tag_id", coalesce(NEW."added_at", current_timestamp));
END;
CREATE TRIGGER "migc_alias_post_topics_update" INSTEAD OF UPDATE ON "post_topics"
BEGIN
  UPDATE "post_tags" SET "post_id" = NEW."post_id", "topic_id" = NEW."topic_id", "tag_id" = NEW."tag_id", "added_at" = NEW."added_at" WHERE "post_id" = OLD."post_id" AND "topic_id" = OLD."topic_id";
END;
CREATE TRIGGER "migc_alias_post_topics_delete" INSTEAD OF DELETE ON "post_topics"
BEGIN
  DELETE FROM "post_tags" WHERE "post_id" = OLD."post_id" AND "topic_id" = OLD."topic_id";
END;

-- [45] undo: drop view `topic_counts` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `topic_counts` comes back at the end of this script

-- [44] undo: recreate view `published_posts`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW "published_posts";

-- [43] undo: drop column `posts.excerpt`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v3/posts.mig:16:3
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text NOT NULL,
  "summary" text NOT NULL,
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
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "summary", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at") SELECT "id", "author_id", "slug", "title", "body_markdown", "summary", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at" FROM "posts";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 2);
UPDATE "posts" SET "excerpt" = "summary" WHERE "excerpt" IS NULL;

-- [42] undo: drop view `published_posts` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `published_posts` comes back at the end of this script

-- [41] undo: rename index `tags_name_key` to `topics_name_key`
--     lock: database write lock; rebuilds `tags` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:50:3
-- rebuild "tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('topics_slug_key', 'topics_name_key'));
CREATE TABLE "migc_new_tags" (
  "id" integer PRIMARY KEY,
  "name" text NOT NULL,
  "slug" varchar(60) NOT NULL,
  CONSTRAINT "tags_slug_key" UNIQUE ("slug")
);
INSERT INTO "migc_new_tags" ("id", "name", "slug") SELECT "id", "name", "slug" FROM "tags";
DROP TABLE "tags";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tags" RENAME TO "tags";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "tags_name_key" ON "tags" ((lower("name")));
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tags") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [40] undo: rename constraint `tags_slug_key` to `topics_slug_key` on `tags`
--     lock: database write lock; part of the rebuild of `tags` at step 41; rewrite: yes; scan: yes; from v3/posts.mig:49:29
-- undone by the rebuild of `tags` at step 41

-- [39] undo: rename constraint `tags_pkey` to `topics_pkey` on `tags`
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:47:20
-- nothing to undo

-- [38] undo: remove the dual-write trigger on `posts`
--     lock: database write lock; rebuilds `posts` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:7:7
-- rebuild "posts" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "posts";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('posts_deleted_at_idx', 'posts_slug_key', 'posts_by_author', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key'));
CREATE TABLE "migc_new_posts" (
  "id" integer PRIMARY KEY,
  "author_id" integer NOT NULL,
  "slug" varchar(200) NOT NULL,
  "title" text NOT NULL,
  "body_markdown" text NOT NULL,
  "summary" text,
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
  CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0),
  CONSTRAINT "posts_series_position_check" CHECK ("series_position" > 0),
  CONSTRAINT "posts_published_has_date" CHECK ("status" NOT IN ('scheduled', 'published') OR "published_at" IS NOT NULL),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("series_id") REFERENCES "series" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_posts" ("id", "author_id", "slug", "title", "body_markdown", "summary", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at") SELECT "id", "author_id", "slug", "title", "body_markdown", "summary", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at" FROM "posts";
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
  -- written by the old application: the new columns from the deployed ones
  UPDATE "posts" SET "summary" = coalesce("excerpt", SUBSTR("body_markdown", 1, 280)) WHERE rowid = NEW.rowid AND NEW."summary" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "posts" SET "excerpt" = "summary" WHERE rowid = NEW.rowid AND NOT (NEW."summary" IS NULL);
  DELETE FROM "migc_sync_posts_guard";
END;
CREATE TRIGGER "migc_sync_posts_update" AFTER UPDATE ON "posts"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_posts_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "posts" SET "summary" = coalesce("excerpt", SUBSTR("body_markdown", 1, 280)) WHERE rowid = NEW.rowid AND (coalesce(NEW."excerpt" <> OLD."excerpt", NEW."excerpt" IS NOT NULL OR OLD."excerpt" IS NOT NULL) OR coalesce(NEW."body_markdown" <> OLD."body_markdown", NEW."body_markdown" IS NOT NULL OR OLD."body_markdown" IS NOT NULL) OR NEW."summary" IS NULL) AND NOT (coalesce(NEW."summary" <> OLD."summary", NEW."summary" IS NOT NULL OR OLD."summary" IS NOT NULL));
  -- updated by the new application
  UPDATE "posts" SET "excerpt" = "summary" WHERE rowid = NEW.rowid AND (coalesce(NEW."summary" <> OLD."summary", NEW."summary" IS NOT NULL OR OLD."summary" IS NOT NULL)) AND NOT (coalesce(NEW."excerpt" <> OLD."excerpt", NEW."excerpt" IS NOT NULL OR OLD."excerpt" IS NOT NULL));
END;
CREATE TABLE "migc_sync_posts_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "posts") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [37] undo: remove the dual-write trigger on `post_tags`
--     lock: database write lock; rebuilds `post_tags` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:54:7
-- rebuild "post_tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "post_tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'post_tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('post_topics_topic_id_post_id_idx'));
CREATE TABLE "migc_new_post_tags" (
  "post_id" integer NOT NULL,
  "topic_id" integer,
  "tag_id" integer,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "topic_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("topic_id") REFERENCES "tags" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_post_tags" (rowid, "post_id", "topic_id", "tag_id", "added_at") SELECT rowid, "post_id", "topic_id", "tag_id", "added_at" FROM "post_tags";
DROP TABLE "post_tags";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_post_tags" RENAME TO "post_tags";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "post_topics_topic_id_post_id_idx" ON "post_tags" ("topic_id", "post_id");
CREATE TRIGGER "migc_sync_post_tags_insert" AFTER INSERT ON "post_tags"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_post_tags_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "post_tags" SET "topic_id" = "tag_id" WHERE rowid = NEW.rowid AND NEW."topic_id" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE rowid = NEW.rowid AND NOT (NEW."topic_id" IS NULL);
  DELETE FROM "migc_sync_post_tags_guard";
END;
CREATE TRIGGER "migc_sync_post_tags_update" AFTER UPDATE ON "post_tags"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_post_tags_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "post_tags" SET "topic_id" = "tag_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."tag_id" <> OLD."tag_id", NEW."tag_id" IS NOT NULL OR OLD."tag_id" IS NOT NULL) OR NEW."topic_id" IS NULL) AND NOT (coalesce(NEW."topic_id" <> OLD."topic_id", NEW."topic_id" IS NOT NULL OR OLD."topic_id" IS NOT NULL));
  -- updated by the new application
  UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."topic_id" <> OLD."topic_id", NEW."topic_id" IS NOT NULL OR OLD."topic_id" IS NOT NULL)) AND NOT (coalesce(NEW."tag_id" <> OLD."tag_id", NEW."tag_id" IS NOT NULL OR OLD."tag_id" IS NOT NULL));
END;
CREATE TABLE "migc_sync_post_tags_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "post_tags") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [36] undo: let `post_tags.tag_id` accept null before the dual-write trigger goes
--     lock: database write lock; rebuilds `post_tags` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "post_tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 6, count(*) FROM "post_tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'post_tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('post_topics_topic_id_post_id_idx', 'migc_sync_post_tags_insert', 'migc_sync_post_tags_update'));
CREATE TABLE "migc_new_post_tags" (
  "post_id" integer NOT NULL,
  "topic_id" integer,
  "tag_id" integer,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "tag_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("topic_id") REFERENCES "tags" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_post_tags" (rowid, "post_id", "topic_id", "tag_id", "added_at") SELECT rowid, "post_id", "topic_id", "tag_id", "added_at" FROM "post_tags";
DROP TABLE "post_tags";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_post_tags" RENAME TO "post_tags";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "post_tags_tag_id_post_id_idx" ON "post_tags" ("tag_id", "post_id");
CREATE UNIQUE INDEX "post_topics_pkey__migc" ON "post_tags" ("post_id", "topic_id");
CREATE INDEX "post_topics_topic_id_post_id_idx" ON "post_tags" ("topic_id", "post_id");
CREATE TRIGGER "migc_sync_post_tags_insert" AFTER INSERT ON "post_tags"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_post_tags_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "post_tags" SET "topic_id" = "tag_id" WHERE rowid = NEW.rowid AND NEW."topic_id" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE rowid = NEW.rowid AND NOT (NEW."topic_id" IS NULL);
  DELETE FROM "migc_sync_post_tags_guard";
END;
CREATE TRIGGER "migc_sync_post_tags_update" AFTER UPDATE ON "post_tags"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_post_tags_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "post_tags" SET "topic_id" = "tag_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."tag_id" <> OLD."tag_id", NEW."tag_id" IS NOT NULL OR OLD."tag_id" IS NOT NULL) OR NEW."topic_id" IS NULL) AND NOT (coalesce(NEW."topic_id" <> OLD."topic_id", NEW."topic_id" IS NOT NULL OR OLD."topic_id" IS NOT NULL));
  -- updated by the new application
  UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."topic_id" <> OLD."topic_id", NEW."topic_id" IS NOT NULL OR OLD."topic_id" IS NOT NULL)) AND NOT (coalesce(NEW."tag_id" <> OLD."tag_id", NEW."tag_id" IS NOT NULL OR OLD."tag_id" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "post_tags") = (SELECT rows FROM temp.migc_count WHERE n = 6);

-- [35] undo: drop index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: database write lock; part of the rebuild of `post_tags` at step 36; rewrite: yes; scan: yes; from the deployed schema
-- undone by the rebuild of `post_tags` at step 36

-- [34] undo: drop foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: database write lock; part of the rebuild of `post_tags` at step 36; rewrite: yes; scan: yes; from the deployed schema
-- undone by the rebuild of `post_tags` at step 36

-- [33] undo: rename constraint `post_tags_post_id_fkey` to `post_topics_post_id_fkey` on `post_tags`
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:55:44
-- nothing to undo

-- [32] undo: replace primary key `post_tags_pkey` of `post_tags` by `post_topics_pkey`
--     lock: database write lock; part of the rebuild of `post_tags` at step 36; rewrite: yes; scan: yes; from v3/posts.mig:58:3
-- undone by the rebuild of `post_tags` at step 36

-- [31] undo: remove the dual-write trigger on `comments`
--     lock: database write lock; rebuilds `comments` (copies every row into a new table); rewrite: yes; scan: yes; from v3/comments.mig:6:7
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 7, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_parent_id_idx', 'comments_moderation_queue'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "author_name__migc_new" varchar(100),
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_email", "body", "status", "created_at", "updated_at", "author_name__migc_new") SELECT "id", "post_id", "parent_id", "author_email", "body", "status", "created_at", "updated_at", "author_name" FROM "comments";
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
  UPDATE "comments" SET "author_name__migc_new" = SUBSTR("author_name", 1, 100) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_comments_guard";
END;
CREATE TRIGGER "migc_sync_comments_update" AFTER UPDATE ON "comments"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_comments_guard")
BEGIN
  UPDATE "comments" SET "author_name__migc_new" = SUBSTR("author_name", 1, 100) WHERE rowid = NEW.rowid AND (0 OR NEW."author_name__migc_new" IS NULL);
END;
CREATE TABLE "migc_sync_comments_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 7);

-- [30] undo: put shadow column `author_name__migc_new` in place of `comments.author_name`
--     lock: database write lock; part of the rebuild of `comments` at step 31; rewrite: yes; scan: yes; from v3/comments.mig:11:3
-- undone by the rebuild of `comments` at step 31

-- [29] undo: drop column `comments.author_name`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "comments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 8, count(*) FROM "comments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'comments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('comments_post_id_created_at_idx', 'comments_parent_id_idx', 'comments_moderation_queue', 'migc_sync_comments_insert', 'migc_sync_comments_update'));
CREATE TABLE "migc_new_comments" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "parent_id" integer,
  "author_name" text,
  "author_email" text NOT NULL,
  "body" text NOT NULL,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "author_name__migc_new" varchar(100),
  CONSTRAINT "comments_body_check" CHECK (length("body") <= 10000),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_comments" ("id", "post_id", "parent_id", "author_email", "body", "status", "created_at", "updated_at", "author_name__migc_new") SELECT "id", "post_id", "parent_id", "author_email", "body", "status", "created_at", "updated_at", "author_name__migc_new" FROM "comments";
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
  UPDATE "comments" SET "author_name__migc_new" = SUBSTR("author_name", 1, 100) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_comments_guard";
END;
CREATE TRIGGER "migc_sync_comments_update" AFTER UPDATE ON "comments"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_comments_guard")
BEGIN
  UPDATE "comments" SET "author_name__migc_new" = SUBSTR("author_name", 1, 100) WHERE rowid = NEW.rowid AND (coalesce(NEW."author_name" <> OLD."author_name", NEW."author_name" IS NOT NULL OR OLD."author_name" IS NOT NULL) OR NEW."author_name__migc_new" IS NULL);
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "comments") = (SELECT rows FROM temp.migc_count WHERE n = 8);
INSERT OR REPLACE INTO "migc_sync_comments_guard" (active) VALUES (1);
UPDATE "comments" SET "author_name" = "author_name__migc_new" WHERE "author_name" IS NULL;
DELETE FROM "migc_sync_comments_guard";

-- [28] undo: drop table `post_views`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/posts.mig:63:12
CREATE TABLE "post_views" (
  "id" integer PRIMARY KEY,
  "post_id" integer NOT NULL,
  "viewed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "referrer" text,
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);
CREATE INDEX "post_views_post_id_viewed_at_idx" ON "post_views" ("post_id", "viewed_at");
-- the views this phase dropped
CREATE VIEW "tag_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "tags" t LEFT JOIN "post_tags" pt ON "pt"."tag_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";
CREATE VIEW "topic_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "topics" t LEFT JOIN "post_topics" pt ON "pt"."topic_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";
CREATE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."summary", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('comments') ORDER BY name)) = 'author_email,author_name,author_name__migc_new,body,created_at,id,parent_id,post_id,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('comments') WHERE name IN ('comments_moderation_queue', 'comments_parent_id_idx', 'comments_post_id_created_at_idx') ORDER BY name)) = 'comments_moderation_queue,comments_parent_id_idx,comments_post_id_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'comments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_comments_insert,migc_sync_comments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_comments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id,topic_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx,post_topics_pkey__migc,post_topics_topic_id_post_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'post_tags' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_post_tags_insert,migc_sync_post_tags_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_post_tags_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_views') ORDER BY name)) = 'id,post_id,referrer,viewed_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_views') WHERE name IN ('post_views_post_id_viewed_at_idx') ORDER BY name)) = 'post_views_post_id_viewed_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('posts') ORDER BY name)) = 'author_id,body_markdown,comments_enabled,created_at,deleted_at,excerpt,id,published_at,search,series_id,series_position,slug,status,summary,title,updated_at,view_count'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('posts') WHERE name IN ('posts_by_author', 'posts_deleted_at_idx', 'posts_published_at_idx', 'posts_scheduled', 'posts_series_position_key', 'posts_slug_key') ORDER BY name)) = 'posts_by_author,posts_deleted_at_idx,posts_published_at_idx,posts_scheduled,posts_series_position_key,posts_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'posts' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_posts_insert,migc_sync_posts_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_posts_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tags') ORDER BY name)) = 'id,name,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tags') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tags') WHERE name IN ('tags_name_key', 'topics_name_key', 'topics_slug_key') ORDER BY name)) = 'tags_name_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'post_topics');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'published_posts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'tag_counts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topic_counts');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'topics');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_views'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('posts'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tags'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 37;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 5;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
