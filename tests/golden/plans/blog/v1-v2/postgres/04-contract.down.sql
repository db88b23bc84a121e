-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [67] undo: recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [66] undo: drop column `posts.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ADD COLUMN IF NOT EXISTS "body" text;
      COMMENT ON COLUMN "posts"."body" IS 'Markdown';
      UPDATE "posts" SET "body" = "body_markdown" WHERE "body" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "posts" WHERE "body" IS NULL) THEN
        ALTER TABLE "posts" ALTER COLUMN "body" SET NOT NULL;
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

-- [65] undo: remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:8:7
CREATE OR REPLACE FUNCTION "migc_sync_posts"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- shadow columns of type changes follow the deployed columns
  IF TG_OP = 'INSERT' OR NEW."view_count" IS DISTINCT FROM OLD."view_count" THEN
    NEW."view_count__migc_new" := NEW."view_count";
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."body_markdown" IS NULL THEN
      -- written by the old application
      NEW."body_markdown" := NEW."body";
    ELSE
      -- written by the new application
      NEW."body" := NEW."body_markdown";
    END IF;
  ELSIF (NEW."body" IS DISTINCT FROM OLD."body" OR NEW."body_markdown" IS NULL) AND NOT (NEW."body_markdown" IS DISTINCT FROM OLD."body_markdown") THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NEW."body_markdown" := NEW."body";
  ELSIF (NEW."body_markdown" IS DISTINCT FROM OLD."body_markdown") AND NOT (NEW."body" IS DISTINCT FROM OLD."body") THEN
    -- updated by the new application
    NEW."body" := NEW."body_markdown";
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_posts" ON "posts";
      CREATE TRIGGER "migc_sync_posts" BEFORE INSERT OR UPDATE ON "posts" FOR EACH ROW EXECUTE FUNCTION "migc_sync_posts"();
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

-- [64] undo: rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:52
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count_check') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count_check__migc') THEN
        ALTER TABLE "posts" RENAME CONSTRAINT "posts_view_count_check" TO "posts_view_count_check__migc";
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

-- [63] undo: set the default of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"posts"') AND attname = 'view_count' AND NOT attisdropped) THEN
        ALTER TABLE "posts" ALTER COLUMN "view_count" SET DEFAULT 0;
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

-- [62] undo: put shadow column `view_count__migc_new` in place of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"posts"') AND attname = 'view_count' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"posts"') AND attname = 'view_count__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "posts" RENAME COLUMN "view_count" TO "view_count__migc_new";
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

-- [61] undo: drop column `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ADD COLUMN IF NOT EXISTS "view_count" integer;
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"posts"') AND attname = 'view_count__migc_new' AND NOT attisdropped) THEN
        UPDATE "posts" SET "view_count" = least("view_count__migc_new", 2147483647) WHERE "view_count" IS NULL;
      END IF;
      ALTER TABLE "posts" ALTER COLUMN "view_count" SET NOT NULL;
      ALTER TABLE "posts" ALTER COLUMN "view_count" SET DEFAULT 0;
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

-- [60] undo: drop column `authors.avatar_url`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/authors.mig:13:15
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "authors" ADD COLUMN IF NOT EXISTS "avatar_url" text;
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

-- [59] undo: drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [58] undo: let `posts.body` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_body_not_null') THEN
        ALTER TABLE "posts" ADD CONSTRAINT "posts_body_not_null" CHECK ("body" IS NOT NULL) NOT VALID;
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
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM "posts" WHERE "body" IS NULL) THEN
        ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_body_not_null";
        ALTER TABLE "posts" ALTER COLUMN "body" SET NOT NULL;
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_body_not_null";
      ELSE
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_body_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'posts', 'body';
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

-- [57] undo: drop check `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count_check') THEN
        ALTER TABLE "posts" ADD CONSTRAINT "posts_view_count_check" CHECK ("view_count" >= 0) NOT VALID;
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
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"posts"') AND conname = 'posts_view_count_check' AND NOT convalidated) THEN
    ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_view_count_check";
  END IF;
END
$migc$;

-- [56] undo: remove the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_comments"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- shadow columns of type changes follow the deployed columns
  IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" THEN
    NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW."status" AS TEXT) END AS comment_status__migc);
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF true THEN
      -- written by the old application
      NULL;
    ELSE
      -- written by the new application
      NULL;
    END IF;
  ELSIF (false OR true) AND NOT (false) THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NULL;
  ELSIF (false) AND NOT (false) THEN
    -- updated by the new application
    NULL;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_comments" ON "comments";
      CREATE TRIGGER "migc_sync_comments" BEFORE INSERT OR UPDATE ON "comments" FOR EACH ROW EXECUTE FUNCTION "migc_sync_comments"();
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

-- [55] undo: set the default of `comments.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'status' AND NOT attisdropped) THEN
        ALTER TABLE "comments" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [54] undo: put shadow column `status__migc_new` in place of `comments.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'status' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "comments" RENAME COLUMN "status" TO "status__migc_new";
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

-- [53] undo: give enum `comment_status__migc` the name `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"comment_status__migc"') IS NULL AND to_regtype('"comment_status"') IS NOT NULL THEN
    ALTER TYPE "comment_status" RENAME TO "comment_status__migc";
    CREATE TYPE "comment_status" AS ENUM ('pending', 'approved', 'spam');
  END IF;
END
$migc$;

-- [52] undo: drop column `comments.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" ADD COLUMN IF NOT EXISTS "status" "comment_status";
      ALTER TABLE "comments" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [51] undo: rename index `comments_moderation_queue__migc` to `comments_moderation_queue`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"comments_moderation_queue"') IS NOT NULL AND to_regclass('"comments_moderation_queue__migc"') IS NULL THEN
        ALTER INDEX "comments_moderation_queue" RENAME TO "comments_moderation_queue__migc";
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

-- [50] undo: drop index `comments_moderation_queue` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"comments_moderation_queue"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "comments_moderation_queue";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "comments_moderation_queue" ON "comments" ("created_at") WHERE "status" = 'pending';

-- [49] undo: rename index `comments_post_id_created_at_idx__migc` to `comments_post_id_created_at_idx`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:17:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"comments_post_id_created_at_idx"') IS NOT NULL AND to_regclass('"comments_post_id_created_at_idx__migc"') IS NULL THEN
        ALTER INDEX "comments_post_id_created_at_idx" RENAME TO "comments_post_id_created_at_idx__migc";
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

-- [48] undo: drop index `comments_post_id_created_at_idx` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"comments_post_id_created_at_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "comments_post_id_created_at_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "comments_post_id_created_at_idx" ON "comments" ("post_id", "created_at") WHERE "status" = 'approved';
