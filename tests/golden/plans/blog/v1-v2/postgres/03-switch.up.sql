-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [39] validate foreign key `authors_avatar_media_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/authors.mig:10:47
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"authors"') AND conname = 'authors_avatar_media_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "authors" VALIDATE CONSTRAINT "authors_avatar_media_id_fkey";
  END IF;
END
$migc$;

-- [40] check `comments.status__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"comments"') AND conname = 'comments_status__migc_new_not_null') THEN
        ALTER TABLE "comments" ADD CONSTRAINT "comments_status__migc_new_not_null" CHECK ("status__migc_new" IS NOT NULL) NOT VALID;
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

-- [41] validate that `comments.status__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:15:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"comments"') AND conname = 'comments_status__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "comments" VALIDATE CONSTRAINT "comments_status__migc_new_not_null";
  END IF;
END
$migc$;

-- [42] set `comments.status__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" ALTER COLUMN "status__migc_new" SET NOT NULL;
      ALTER TABLE "comments" DROP CONSTRAINT IF EXISTS "comments_status__migc_new_not_null";
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

-- [43] validate foreign key `comments_parent_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:11:47
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"comments"') AND conname = 'comments_parent_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "comments" VALIDATE CONSTRAINT "comments_parent_id_fkey";
  END IF;
END
$migc$;

-- [44] check `posts.body_markdown` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_body_markdown_not_null') THEN
        ALTER TABLE "posts" ADD CONSTRAINT "posts_body_markdown_not_null" CHECK ("body_markdown" IS NOT NULL) NOT VALID;
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

-- [45] validate that `posts.body_markdown` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:14:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_body_markdown_not_null' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_body_markdown_not_null";
  END IF;
END
$migc$;

-- [46] set `posts.body_markdown` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ALTER COLUMN "body_markdown" SET NOT NULL;
      ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_body_markdown_not_null";
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

-- [47] check `posts.view_count__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count__migc_new_not_null') THEN
        ALTER TABLE "posts" ADD CONSTRAINT "posts_view_count__migc_new_not_null" CHECK ("view_count__migc_new" IS NOT NULL) NOT VALID;
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

-- [48] validate that `posts.view_count__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:19:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_view_count__migc_new_not_null";
  END IF;
END
$migc$;

-- [49] set `posts.view_count__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ALTER COLUMN "view_count__migc_new" SET NOT NULL;
      ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_view_count__migc_new_not_null";
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

-- [50] validate check `posts_view_count_check__migc` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:19:52
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count_check__migc' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_view_count_check__migc";
  END IF;
END
$migc$;

-- [51] validate check `posts_series_position_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:22:38
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_series_position_check' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_series_position_check";
  END IF;
END
$migc$;

-- [52] validate check `posts_published_has_date` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:27:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_published_has_date' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_published_has_date";
  END IF;
END
$migc$;

-- [53] validate foreign key `posts_series_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:21:49
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_series_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_series_id_fkey";
  END IF;
END
$migc$;
