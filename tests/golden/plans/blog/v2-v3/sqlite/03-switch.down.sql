-- migc 0.1.0: switch phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [27] undo: set `posts.summary` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/posts.mig:15:3
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id,topic_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx,post_topics_pkey__migc,post_topics_topic_id_post_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'post_tags' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_post_tags_insert,migc_sync_post_tags_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_post_tags_guard');
-- nothing to undo: the column stays nullable

-- [26] undo: validate that `posts.summary` holds no null
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:15:3
-- nothing to undo

-- [25] undo: check `posts.summary` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:15:3
-- nothing to undo

-- [24] undo: validate foreign key `post_topics_topic_id_fkey` on existing rows
--     lock: database write lock; rebuilds `post_tags` (copies every row into a new table); rewrite: yes; scan: yes; from v3/posts.mig:56:44
-- rebuild "post_tags" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "post_tags";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'post_tags' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx', 'migc_sync_post_tags_insert', 'migc_sync_post_tags_update'));
CREATE TABLE "migc_new_post_tags" (
  "post_id" integer NOT NULL,
  "topic_id" integer,
  "tag_id" integer,
  "added_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("post_id", "tag_id"),
  FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "post_tags") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [23] undo: set `post_tags.topic_id` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/posts.mig:56:3
-- nothing to undo: the column stays nullable

-- [22] undo: validate that `post_tags.topic_id` holds no null
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:56:3
-- nothing to undo

-- [21] undo: check `post_tags.topic_id` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/posts.mig:56:3
-- nothing to undo

-- [20] undo: set `comments.author_name__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/comments.mig:11:3
-- nothing to undo: the column stays nullable

-- [19] undo: validate that `comments.author_name__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/comments.mig:11:3
-- nothing to undo

-- [18] undo: check `comments.author_name__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/comments.mig:11:3
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('post_tags') ORDER BY name)) = 'added_at,post_id,tag_id,topic_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('post_tags') WHERE name IN ('post_tags_tag_id_post_id_idx', 'post_topics_pkey__migc', 'post_topics_topic_id_post_id_idx') ORDER BY name)) = 'post_tags_tag_id_post_id_idx,post_topics_pkey__migc,post_topics_topic_id_post_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'post_tags' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_post_tags_insert,migc_sync_post_tags_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_post_tags_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('post_tags'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 5;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 1;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
