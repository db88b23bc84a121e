-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [52] undo: recreate view `topic_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:21:6
DROP VIEW IF EXISTS "topic_counts";

-- [51] undo: rename table `post_tags` to `post_topics`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_topics"') IS NOT NULL AND to_regclass('"post_tags"') IS NULL THEN
        ALTER TABLE "post_topics" RENAME TO "post_tags";
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

-- [50] undo: drop column `post_tags.tag_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "post_tags" ADD COLUMN IF NOT EXISTS "tag_id" integer;
      UPDATE "post_tags" SET "tag_id" = "topic_id" WHERE "tag_id" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "post_tags" WHERE "tag_id" IS NULL) THEN
        ALTER TABLE "post_tags" ALTER COLUMN "tag_id" SET NOT NULL;
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

-- [49] undo: rename table `tags` to `topics`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:46:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"topics"') IS NOT NULL AND to_regclass('"tags"') IS NULL THEN
        ALTER TABLE "topics" RENAME TO "tags";
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

-- [48] undo: drop view `tag_counts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "tag_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "tags" t LEFT JOIN "post_tags" pt ON "pt"."tag_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [47] undo: drop the view `topics` standing for table `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:46:7
CREATE OR REPLACE VIEW "topics" AS SELECT * FROM "tags";

-- [46] undo: drop the view `post_topics` standing for table `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE OR REPLACE VIEW "post_topics" AS SELECT * FROM "post_tags";

-- [45] undo: drop view `topic_counts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "topic_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "topics" t LEFT JOIN "post_topics" pt ON "pt"."topic_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [44] undo: recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [43] undo: drop column `posts.excerpt`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ADD COLUMN IF NOT EXISTS "excerpt" text;
      UPDATE "posts" SET "excerpt" = "summary" WHERE "excerpt" IS NULL;
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

-- [42] undo: drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."summary", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [41] undo: rename index `tags_name_key` to `topics_name_key`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:50:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"topics_name_key"') IS NOT NULL AND to_regclass('"tags_name_key"') IS NULL THEN
        ALTER INDEX "topics_name_key" RENAME TO "tags_name_key";
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

-- [40] undo: rename constraint `tags_slug_key` to `topics_slug_key` on `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:49:29
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'topics_slug_key') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'tags_slug_key') THEN
        ALTER TABLE "tags" RENAME CONSTRAINT "topics_slug_key" TO "tags_slug_key";
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

-- [39] undo: rename constraint `tags_pkey` to `topics_pkey` on `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:47:20
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'topics_pkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tags"') AND conname = 'tags_pkey') THEN
        ALTER TABLE "tags" RENAME CONSTRAINT "topics_pkey" TO "tags_pkey";
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

-- [38] undo: remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_posts"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."summary" IS NULL THEN
      -- written by the old application
      NEW."summary" := coalesce(NEW."excerpt", SUBSTR(NEW."body_markdown", 1, 280));
    ELSE
      -- written by the new application
      NEW."excerpt" := NEW."summary";
    END IF;
  ELSIF (NEW."excerpt" IS DISTINCT FROM OLD."excerpt" OR NEW."body_markdown" IS DISTINCT FROM OLD."body_markdown" OR NEW."summary" IS NULL) AND NOT (NEW."summary" IS DISTINCT FROM OLD."summary") THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NEW."summary" := coalesce(NEW."excerpt", SUBSTR(NEW."body_markdown", 1, 280));
  ELSIF (NEW."summary" IS DISTINCT FROM OLD."summary") AND NOT (NEW."excerpt" IS DISTINCT FROM OLD."excerpt") THEN
    -- updated by the new application
    NEW."excerpt" := NEW."summary";
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

-- [37] undo: remove the dual-write trigger on `post_tags`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE OR REPLACE FUNCTION "migc_sync_post_tags"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."topic_id" IS NULL THEN
      -- written by the old application
      NEW."topic_id" := NEW."tag_id";
    ELSE
      -- written by the new application
      NEW."tag_id" := NEW."topic_id";
    END IF;
  ELSIF (NEW."tag_id" IS DISTINCT FROM OLD."tag_id" OR NEW."topic_id" IS NULL) AND NOT (NEW."topic_id" IS DISTINCT FROM OLD."topic_id") THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NEW."topic_id" := NEW."tag_id";
  ELSIF (NEW."topic_id" IS DISTINCT FROM OLD."topic_id") AND NOT (NEW."tag_id" IS DISTINCT FROM OLD."tag_id") THEN
    -- updated by the new application
    NEW."tag_id" := NEW."topic_id";
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
      DROP TRIGGER IF EXISTS "migc_sync_post_tags" ON "post_tags";
      CREATE TRIGGER "migc_sync_post_tags" BEFORE INSERT OR UPDATE ON "post_tags" FOR EACH ROW EXECUTE FUNCTION "migc_sync_post_tags"();
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

-- [36] undo: let `post_tags.tag_id` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_tags_tag_id_not_null') THEN
        ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_tag_id_not_null" CHECK ("tag_id" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "post_tags" WHERE "tag_id" IS NULL) THEN
        ALTER TABLE "post_tags" VALIDATE CONSTRAINT "post_tags_tag_id_not_null";
        ALTER TABLE "post_tags" ALTER COLUMN "tag_id" SET NOT NULL;
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_tag_id_not_null";
      ELSE
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_tag_id_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'post_tags', 'tag_id';
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

-- [35] undo: drop index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"post_tags_tag_id_post_id_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "post_tags_tag_id_post_id_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "post_tags_tag_id_post_id_idx" ON "post_tags" ("tag_id", "post_id");

-- [34] undo: drop foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_tags_tag_id_fkey') THEN
        ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE NOT VALID;
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
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_tags_tag_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "post_tags" VALIDATE CONSTRAINT "post_tags_tag_id_fkey";
  END IF;
END
$migc$;

-- [33] undo: rename constraint `post_tags_post_id_fkey` to `post_topics_post_id_fkey` on `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:55:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_topics_post_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_tags_post_id_fkey') THEN
        ALTER TABLE "post_tags" RENAME CONSTRAINT "post_topics_post_id_fkey" TO "post_tags_post_id_fkey";
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

-- [32] undo: replace primary key `post_tags_pkey` of `post_tags` by `post_topics_pkey`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:58:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_topics_pkey__migc"') IS NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_topics_pkey", ADD CONSTRAINT "post_tags_pkey" PRIMARY KEY ("post_id", "tag_id");
        CREATE UNIQUE INDEX IF NOT EXISTS "post_topics_pkey__migc" ON "post_tags" ("post_id", "topic_id");
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

-- [31] undo: remove the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:6:7
CREATE OR REPLACE FUNCTION "migc_sync_comments"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- shadow columns of type changes follow the deployed columns
  IF TG_OP = 'INSERT' OR NEW."author_name" IS DISTINCT FROM OLD."author_name" THEN
    NEW."author_name__migc_new" := SUBSTR(NEW."author_name", 1, 100);
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

-- [30] undo: put shadow column `author_name__migc_new` in place of `comments.author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "comments" RENAME COLUMN "author_name" TO "author_name__migc_new";
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

-- [29] undo: drop column `comments.author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" ADD COLUMN IF NOT EXISTS "author_name" text;
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"comments"') AND attname = 'author_name__migc_new' AND NOT attisdropped) THEN
        UPDATE "comments" SET "author_name" = "author_name__migc_new" WHERE "author_name" IS NULL;
      END IF;
      ALTER TABLE "comments" ALTER COLUMN "author_name" SET NOT NULL;
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

-- [28] undo: drop table `post_views`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:63:12
CREATE TABLE IF NOT EXISTS "post_views" (
  "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  "post_id" bigint NOT NULL,
  "viewed_at" timestamptz DEFAULT now() NOT NULL,
  "referrer" text,
  CONSTRAINT "post_views_pkey" PRIMARY KEY ("id")
);
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"post_views_post_id_viewed_at_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "post_views_post_id_viewed_at_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "post_views_post_id_viewed_at_idx" ON "post_views" ("post_id", "viewed_at");
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_views"') AND conname = 'post_views_post_id_fkey') THEN
        ALTER TABLE "post_views" ADD CONSTRAINT "post_views_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE NOT VALID;
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
