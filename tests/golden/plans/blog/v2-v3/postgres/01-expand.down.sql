-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [20] undo: show `posts` to the new application in its shape (view `migc_56207f071892.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_56207f071892"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$;

-- [19] undo: show `posts` to the old application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [18] undo: show `post_tags` to the new application in its shape (view `migc_56207f071892.post_topics`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_56207f071892"."post_topics";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$;

-- [17] undo: show `post_tags` to the old application in its shape (view `migc_fcbcc06633a7.post_tags`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."post_tags";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [16] undo: show `comments` to the new application in its shape (view `migc_56207f071892.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_56207f071892"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$;

-- [15] undo: show `comments` to the old application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [14] undo: create view `topic_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:21:6
DROP VIEW IF EXISTS "topic_counts";

-- [13] undo: create view `published_posts` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [12] undo: drop view `published_posts` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/search.mig:14:6
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [11] undo: install the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:7:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_posts" ON "posts";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS "migc_sync_posts"();

-- [10] undo: add column `posts.summary` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "summary";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [9] undo: install the dual-write trigger on `post_tags`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_post_tags" ON "post_tags";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS "migc_sync_post_tags"();

-- [8] undo: create index `post_topics_topic_id_post_id_idx` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/posts.mig:59:3
DROP INDEX CONCURRENTLY IF EXISTS "post_topics_topic_id_post_id_idx";

-- [7] undo: add foreign key `post_topics_topic_id_fkey` on `post_tags` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `post_tags` and `tags`); rewrite: no; scan: no; from v3/posts.mig:56:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_tags"') IS NOT NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_topics_topic_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [6] undo: create unique index `post_topics_pkey__migc` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/posts.mig:58:3
DROP INDEX CONCURRENTLY IF EXISTS "post_topics_pkey__migc";

-- [5] undo: expose table `post_tags` as `post_topics` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/posts.mig:54:7
DROP VIEW IF EXISTS "post_topics";

-- [4] undo: add column `post_tags.topic_id` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:56:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "post_tags" DROP COLUMN IF EXISTS "topic_id";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [3] undo: install the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:6:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_comments" ON "comments";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS "migc_sync_comments"();

-- [2] undo: add shadow column `comments.author_name__migc_new` of type `varchar(100)` for `author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" DROP COLUMN IF EXISTS "author_name__migc_new";
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [1] undo: expose table `tags` as `topics` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/posts.mig:46:7
DROP VIEW IF EXISTS "topics";
