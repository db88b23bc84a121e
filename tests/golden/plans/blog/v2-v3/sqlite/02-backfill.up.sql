-- migc 0.1.0: backfill phase (up) for sqlite
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: sqlite3 DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [15] backfill `author_name__migc_new` on `comments`
--     lock: database write lock for one UPDATE of every row to fill (a script cannot loop; the manifest's batches commit one by one); readers go on in WAL mode; rewrite: no; scan: yes; from v3/comments.mig:6:7
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_backfill_up;
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
-- one UPDATE of every row still to fill (a script cannot loop; the manifest has the batched form)
-- the dual-write trigger lets the backfill's writes through
INSERT OR REPLACE INTO "migc_sync_comments_guard" (active) VALUES (1);
UPDATE "comments" SET "author_name__migc_new" = coalesce("author_name__migc_new", SUBSTR("author_name", 1, 100)) WHERE "author_name__migc_new" IS NULL;
DELETE FROM "migc_sync_comments_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'backfill', NOT EXISTS (SELECT 1 FROM "comments" WHERE ("author_name__migc_new" IS NULL AND (SUBSTR("author_name", 1, 100)) IS NOT NULL));

-- [16] backfill `topic_id` on `post_tags`
--     lock: database write lock for one UPDATE of every row to fill (a script cannot loop; the manifest's batches commit one by one); readers go on in WAL mode; rewrite: no; scan: yes; from v3/posts.mig:54:7
-- one UPDATE of every row still to fill (a script cannot loop; the manifest has the batched form)
-- the dual-write trigger lets the backfill's writes through
INSERT OR REPLACE INTO "migc_sync_post_tags_guard" (active) VALUES (1);
UPDATE "post_tags" SET "topic_id" = coalesce("topic_id", "tag_id") WHERE "topic_id" IS NULL;
DELETE FROM "migc_sync_post_tags_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'backfill', NOT EXISTS (SELECT 1 FROM "post_tags" WHERE ("topic_id" IS NULL AND ("tag_id") IS NOT NULL));

-- [17] backfill `summary` on `posts`
--     lock: database write lock for one UPDATE of every row to fill (a script cannot loop; the manifest's batches commit one by one); readers go on in WAL mode; rewrite: no; scan: yes; from v3/posts.mig:7:7
-- one UPDATE of every row still to fill (a script cannot loop; the manifest has the batched form)
-- the dual-write trigger lets the backfill's writes through
INSERT OR REPLACE INTO "migc_sync_posts_guard" (active) VALUES (1);
UPDATE "posts" SET "summary" = coalesce("summary", coalesce("excerpt", SUBSTR("body_markdown", 1, 280))) WHERE "summary" IS NULL;
DELETE FROM "migc_sync_posts_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'backfill', NOT EXISTS (SELECT 1 FROM "posts" WHERE ("summary" IS NULL AND (coalesce("excerpt", SUBSTR("body_markdown", 1, 280))) IS NOT NULL));
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 4;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
