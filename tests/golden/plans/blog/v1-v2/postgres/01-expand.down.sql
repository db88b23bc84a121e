-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [36] undo: show `posts` to the new application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [35] undo: show `posts` to the old application in its shape (view `migc_2887e11fa716.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_2887e11fa716"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_2887e11fa716"')) THEN
    DROP SCHEMA IF EXISTS "migc_2887e11fa716";
  END IF;
END
$migc$;

-- [34] undo: show `comments` to the new application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [33] undo: show `comments` to the old application in its shape (view `migc_2887e11fa716.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_2887e11fa716"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_2887e11fa716"')) THEN
    DROP SCHEMA IF EXISTS "migc_2887e11fa716";
  END IF;
END
$migc$;

-- [32] undo: show `authors` to the new application in its shape (view `migc_fcbcc06633a7.authors`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."authors";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [31] undo: show `authors` to the old application in its shape (view `migc_2887e11fa716.authors`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_2887e11fa716"."authors";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_2887e11fa716"')) THEN
    DROP SCHEMA IF EXISTS "migc_2887e11fa716";
  END IF;
END
$migc$;

-- [30] undo: create unique index `tags_name_key` on `tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:50:3
DROP INDEX CONCURRENTLY IF EXISTS "tags_name_key";

-- [29] undo: install the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:8:7
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

-- [28] undo: create unique index `posts_series_position_key` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:32:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_series_position_key";

-- [27] undo: create index `posts_scheduled` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:31:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_scheduled";

-- [26] undo: add foreign key `posts_series_id_fkey` on `posts` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `posts` and `series`); rewrite: no; scan: no; from v2/posts.mig:21:49
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_series_id_fkey";
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

-- [25] undo: add check `posts_published_has_date` on `posts` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:27:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_published_has_date";
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

-- [24] undo: drop check `posts_published_has_date` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_published_has_date') THEN
        ALTER TABLE "posts" ADD CONSTRAINT "posts_published_has_date" CHECK ("status" <> 'published' OR "published_at" IS NOT NULL) NOT VALID;
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
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_published_has_date' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_published_has_date";
  END IF;
END
$migc$;

-- [23] undo: add check `posts_series_position_check` on `posts` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:22:38
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_series_position_check";
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

-- [22] undo: add check `posts_view_count_check__migc` on `posts` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:52
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_view_count_check__migc";
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

-- [21] undo: add column `posts.series_position`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:22:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "series_position";
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

-- [20] undo: add column `posts.series_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:21:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "series_id";
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

-- [19] undo: add column `posts.comments_enabled`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:20:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "comments_enabled";
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

-- [18] undo: add shadow column `posts.view_count__migc_new` of type `int64` for `view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "view_count__migc_new";
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

-- [17] undo: add column `posts.body_markdown` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "body_markdown";
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

-- [16] undo: install the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:7:7
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

-- [15] undo: create index `comments_moderation_queue__migc` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:19:3
DROP INDEX CONCURRENTLY IF EXISTS "comments_moderation_queue__migc";

-- [14] undo: create index `comments_parent_id_idx` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:18:3
DROP INDEX CONCURRENTLY IF EXISTS "comments_parent_id_idx";

-- [13] undo: create index `comments_post_id_created_at_idx__migc` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:17:3
DROP INDEX CONCURRENTLY IF EXISTS "comments_post_id_created_at_idx__migc";

-- [12] undo: add foreign key `comments_parent_id_fkey` on `comments` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `comments` and `comments`); rewrite: no; scan: no; from v2/comments.mig:11:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"comments"') IS NOT NULL THEN
        ALTER TABLE "comments" DROP CONSTRAINT IF EXISTS "comments_parent_id_fkey";
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

-- [11] undo: add shadow column `comments.status__migc_new` of type `comment_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" DROP COLUMN IF EXISTS "status__migc_new";
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

-- [10] undo: add foreign key `authors_avatar_media_id_fkey` on `authors` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `authors` and `media`); rewrite: no; scan: no; from v2/authors.mig:10:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"authors"') IS NOT NULL THEN
        ALTER TABLE "authors" DROP CONSTRAINT IF EXISTS "authors_avatar_media_id_fkey";
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

-- [9] undo: add column `authors.avatar_media_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/authors.mig:10:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "authors" DROP COLUMN IF EXISTS "avatar_media_id";
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

-- [8] undo: add foreign key `series_author_id_fkey` on `series`
--     lock: SHARE ROW EXCLUSIVE (on `series` and `authors`); rewrite: no; scan: yes; from v2/posts.mig:38:48
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"series"') IS NOT NULL THEN
        ALTER TABLE "series" DROP CONSTRAINT IF EXISTS "series_author_id_fkey";
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

-- [7] undo: create table `series`
--     lock: none (new table); rewrite: no; scan: no; from v2/posts.mig:36:7
DROP TABLE IF EXISTS "series";

-- [6] undo: add foreign key `media_uploaded_by_fkey` on `media`
--     lock: SHARE ROW EXCLUSIVE (on `media` and `authors`); rewrite: no; scan: yes; from v2/authors.mig:21:49
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"media"') IS NOT NULL THEN
        ALTER TABLE "media" DROP CONSTRAINT IF EXISTS "media_uploaded_by_fkey";
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

-- [5] undo: create index `media_uploaded_by_created_at_idx` on `media`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/authors.mig:29:3
DROP INDEX CONCURRENTLY IF EXISTS "media_uploaded_by_created_at_idx";

-- [4] undo: create table `media`
--     lock: none (new table); rewrite: no; scan: no; from v2/authors.mig:19:7
DROP TABLE IF EXISTS "media";

-- [3] undo: add value `scheduled` to enum `post_status`
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:6:35
-- value 'scheduled' stays in enum post_status: PostgreSQL cannot remove an enum value

-- [2] undo: create enum `comment_status__migc`, the new shape of `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
DROP TYPE IF EXISTS "comment_status__migc";

-- [1] undo: add value `rejected` to enum `comment_status` (renamed from `spam`)
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:42
-- value 'rejected' stays in enum comment_status: PostgreSQL cannot remove an enum value
