-- migc 0.1.0: switch phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [53] undo: validate foreign key `posts_series_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:21:49
-- nothing to undo: posts_series_id_fkey stays validated

-- [52] undo: validate check `posts_published_has_date` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:27:3
-- nothing to undo: posts_published_has_date stays validated

-- [51] undo: validate check `posts_series_position_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:22:38
-- nothing to undo: posts_series_position_check stays validated

-- [50] undo: validate check `posts_view_count_check__migc` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:19:52
-- nothing to undo: posts_view_count_check__migc stays validated

-- [49] undo: set `posts.view_count__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ALTER COLUMN "view_count__migc_new" DROP NOT NULL;
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

-- [48] undo: validate that `posts.view_count__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:19:3
-- nothing to undo: posts_view_count__migc_new_not_null stays validated

-- [47] undo: check `posts.view_count__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_view_count__migc_new_not_null";
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

-- [46] undo: set `posts.body_markdown` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ALTER COLUMN "body_markdown" DROP NOT NULL;
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

-- [45] undo: validate that `posts.body_markdown` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/posts.mig:14:3
-- nothing to undo: posts_body_markdown_not_null stays validated

-- [44] undo: check `posts.body_markdown` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_body_markdown_not_null";
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

-- [43] undo: validate foreign key `comments_parent_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:11:47
-- nothing to undo: comments_parent_id_fkey stays validated

-- [42] undo: set `comments.status__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" ALTER COLUMN "status__migc_new" DROP NOT NULL;
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

-- [41] undo: validate that `comments.status__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/comments.mig:15:3
-- nothing to undo: comments_status__migc_new_not_null stays validated

-- [40] undo: check `comments.status__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"comments"') IS NOT NULL THEN
        ALTER TABLE "comments" DROP CONSTRAINT IF EXISTS "comments_status__migc_new_not_null";
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

-- [39] undo: validate foreign key `authors_avatar_media_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/authors.mig:10:47
-- nothing to undo: authors_avatar_media_id_fkey stays validated
