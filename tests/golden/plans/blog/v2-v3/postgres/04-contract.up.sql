-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [34] stop showing `comments` to the old application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [35] stop showing `post_tags` to the old application in its shape (view `migc_fcbcc06633a7.post_tags`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."post_tags"
$migc_unit$;
  END IF;
END
$migc_guard$;
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [36] stop showing `posts` to the old application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_fcbcc06633a7"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_fcbcc06633a7"')) THEN
    DROP SCHEMA IF EXISTS "migc_fcbcc06633a7";
  END IF;
END
$migc$;

-- [37] drop table `post_views`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:63:12
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TABLE IF EXISTS "post_views";
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

-- [38] drop column `comments.author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name__migc_new' AND NOT attisdropped) THEN
        DROP TRIGGER IF EXISTS "migc_sync_comments" ON "comments";
        ALTER TABLE "comments" DROP COLUMN IF EXISTS "author_name";
        ALTER TABLE "comments" RENAME COLUMN "author_name__migc_new" TO "author_name";
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

-- [39] put shadow column `author_name__migc_new` in place of `comments.author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name' AND NOT attisdropped) THEN
        ALTER TABLE "comments" RENAME COLUMN "author_name__migc_new" TO "author_name";
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

-- [40] remove the dual-write trigger on `comments`
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

-- [41] replace primary key `post_tags_pkey` of `post_tags` by `post_topics_pkey`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:58:3
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_topics_pkey__migc"') IS NOT NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_pkey", ADD CONSTRAINT "post_topics_pkey" PRIMARY KEY USING INDEX "post_topics_pkey__migc";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [42] rename constraint `post_tags_post_id_fkey` to `post_topics_post_id_fkey` on `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:55:44
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_tags_post_id_fkey') THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_topics_post_id_fkey";
        ALTER TABLE "post_tags" RENAME CONSTRAINT "post_tags_post_id_fkey" TO "post_topics_post_id_fkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [43] drop foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_tags"') IS NOT NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_tag_id_fkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [44] drop index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP INDEX CONCURRENTLY IF EXISTS "post_tags_tag_id_post_id_idx";

-- [45] let `post_tags.tag_id` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"post_tags"') AND attname = 'tag_id' AND NOT attisdropped) THEN
        ALTER TABLE "post_tags" ALTER COLUMN "tag_id" DROP NOT NULL;
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [46] remove the dual-write trigger on `post_tags`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DROP FUNCTION IF EXISTS "migc_sync_post_tags"()
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [47] remove the dual-write trigger on `posts`
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

-- [48] rename constraint `tags_pkey` to `topics_pkey` on `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:47:20
DO $migc_guard$
BEGIN
  IF to_regclass('"tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'tags_pkey') THEN
        ALTER TABLE "tags" DROP CONSTRAINT IF EXISTS "topics_pkey";
        ALTER TABLE "tags" RENAME CONSTRAINT "tags_pkey" TO "topics_pkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [49] rename constraint `tags_slug_key` to `topics_slug_key` on `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:49:29
DO $migc_guard$
BEGIN
  IF to_regclass('"tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'tags_slug_key') THEN
        ALTER TABLE "tags" DROP CONSTRAINT IF EXISTS "topics_slug_key";
        ALTER TABLE "tags" RENAME CONSTRAINT "tags_slug_key" TO "topics_slug_key";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [50] rename index `tags_name_key` to `topics_name_key`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:50:3
DO $migc_guard$
BEGIN
  IF to_regclass('"tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tags_name_key"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "topics_name_key";
        ALTER INDEX "tags_name_key" RENAME TO "topics_name_key";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [51] drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "published_posts";

-- [52] drop column `posts.excerpt`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" DROP COLUMN IF EXISTS "excerpt";
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

-- [53] recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:14:6
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."summary", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [54] drop view `topic_counts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "topic_counts";

-- [55] drop the view `post_topics` standing for table `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'post_topics' AND schemaname = current_schema()) THEN
        DROP VIEW "post_topics";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [56] drop the view `topics` standing for table `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:46:7
DO $migc_guard$
BEGIN
  IF to_regclass('"tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'topics' AND schemaname = current_schema()) THEN
        DROP VIEW "topics";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [57] drop view `tag_counts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "tag_counts";

-- [58] rename table `tags` to `topics`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:46:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tags"') IS NOT NULL AND to_regclass('"topics"') IS NULL THEN
        ALTER TABLE "tags" RENAME TO "topics";
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

-- [59] drop column `post_tags.tag_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "post_tags" DROP COLUMN IF EXISTS "tag_id";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [60] rename table `post_tags` to `post_topics`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_tags"') IS NOT NULL AND to_regclass('"post_topics"') IS NULL THEN
        ALTER TABLE "post_tags" RENAME TO "post_topics";
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

-- [61] recreate view `topic_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:21:6
CREATE OR REPLACE VIEW "topic_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "topics" t LEFT JOIN "post_topics" pt ON "pt"."topic_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [62] stop showing `comments` to the new application in its shape (view `migc_56207f071892.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_56207f071892"."comments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$;

-- [63] stop showing `post_tags` to the new application in its shape (view `migc_56207f071892.post_topics`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DROP VIEW IF EXISTS "migc_56207f071892"."post_topics"
$migc_unit$;
  END IF;
END
$migc_guard$;
DO $migc_guard$
BEGIN
  IF to_regclass('"post_tags"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [64] stop showing `posts` to the new application in its shape (view `migc_56207f071892.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_56207f071892"."posts";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_56207f071892"')) THEN
    DROP SCHEMA IF EXISTS "migc_56207f071892";
  END IF;
END
$migc$;
