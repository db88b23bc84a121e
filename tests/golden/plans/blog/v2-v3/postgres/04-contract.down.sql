-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [64] undo: stop showing `posts` to the new application in its shape (view `migc_56207f071892.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"posts"'), to_regclass('"posts"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'author_id', 'author_id'), (3, 'slug', 'slug'), (4, 'title', 'title'), (5, 'body_markdown', 'body_markdown'), (6, 'summary', 'summary'), (7, 'status', 'status'), (8, 'published_at', 'published_at'), (9, 'view_count', 'view_count'), (10, 'comments_enabled', 'comments_enabled'), (11, 'series_id', 'series_id'), (12, 'series_position', 'series_position'), (13, 'search', 'search'), (14, 'created_at', 'created_at'), (15, 'updated_at', 'updated_at'), (16, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_56207f071892"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_56207f071892"."posts"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"posts"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_56207f071892"."posts"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_56207f071892"');
END
$migc$;

-- [63] undo: stop showing `post_tags` to the new application in its shape (view `migc_56207f071892.post_topics`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"post_tags"'), to_regclass('"post_topics"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'post_id', 'post_id'), (2, 'topic_id', 'topic_id'), (3, 'added_at', 'added_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_56207f071892"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_56207f071892"."post_topics"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"post_tags"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_56207f071892"."post_topics"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_56207f071892"');
END
$migc$;

-- [62] undo: stop showing `comments` to the new application in its shape (view `migc_56207f071892.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"comments"'), to_regclass('"comments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'post_id', 'post_id'), (3, 'parent_id', 'parent_id'), (4, 'author_name__migc_new', 'author_name'), (5, 'author_email', 'author_email'), (6, 'body', 'body'), (7, 'status', 'status'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_56207f071892"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_56207f071892"."comments"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"comments"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_56207f071892"."comments"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_56207f071892"');
END
$migc$;

-- [61] undo: recreate view `topic_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:21:6
DROP VIEW IF EXISTS "topic_counts";

-- [60] undo: rename table `post_tags` to `post_topics`
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

-- [59] undo: drop column `post_tags.tag_id`
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

-- [58] undo: rename table `tags` to `topics`
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

-- [57] undo: drop view `tag_counts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "tag_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "tags" t LEFT JOIN "post_tags" pt ON "pt"."tag_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [56] undo: drop the view `topics` standing for table `tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:46:7
CREATE OR REPLACE VIEW "topics" AS SELECT * FROM "tags";

-- [55] undo: drop the view `post_topics` standing for table `post_tags`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE OR REPLACE VIEW "post_topics" AS SELECT * FROM "post_tags";

-- [54] undo: drop view `topic_counts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "topic_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "topics" t LEFT JOIN "post_topics" pt ON "pt"."topic_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [53] undo: recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [52] undo: drop column `posts.excerpt`
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

-- [51] undo: drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."summary", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [50] undo: rename index `tags_name_key` to `topics_name_key`
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

-- [49] undo: rename constraint `tags_slug_key` to `topics_slug_key` on `tags`
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

-- [48] undo: rename constraint `tags_pkey` to `topics_pkey` on `tags`
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

-- [47] undo: remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_posts"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_56207f071892' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."summary" IS NULL AND (TG_OP = 'INSERT' OR OLD."summary" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "summary" of relation "posts" violates not-null constraint', COLUMN = 'summary', TABLE = 'posts';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."summary" IS DISTINCT FROM OLD."summary" THEN
      NEW."excerpt" := NEW."summary";
    END IF;
  ELSIF coalesce('migc_fcbcc06633a7' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."excerpt" IS DISTINCT FROM OLD."excerpt" OR NEW."body_markdown" IS DISTINCT FROM OLD."body_markdown" OR (NEW."summary" IS NULL) THEN
      NEW."summary" := coalesce(NEW."excerpt", SUBSTR(NEW."body_markdown", 1, 280));
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [46] undo: remove the dual-write trigger on `post_tags`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE OR REPLACE FUNCTION "migc_sync_post_tags"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_56207f071892' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."topic_id" IS NULL AND (TG_OP = 'INSERT' OR OLD."topic_id" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "topic_id" of relation "post_tags" violates not-null constraint', COLUMN = 'topic_id', TABLE = 'post_tags';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."topic_id" IS DISTINCT FROM OLD."topic_id" THEN
      NEW."tag_id" := NEW."topic_id";
    END IF;
  ELSIF coalesce('migc_fcbcc06633a7' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."tag_id" IS DISTINCT FROM OLD."tag_id" OR (NEW."topic_id" IS NULL) THEN
      NEW."topic_id" := NEW."tag_id";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [45] undo: let `post_tags.tag_id` accept null before the dual-write trigger goes
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

-- [44] undo: drop index `post_tags_tag_id_post_id_idx` on `post_tags`
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

-- [43] undo: drop foreign key `post_tags_tag_id_fkey` on `post_tags`
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

-- [42] undo: rename constraint `post_tags_post_id_fkey` to `post_topics_post_id_fkey` on `post_tags`
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

-- [41] undo: replace primary key `post_tags_pkey` of `post_tags` by `post_topics_pkey`
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

-- [40] undo: remove the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:6:7
CREATE OR REPLACE FUNCTION "migc_sync_comments"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_56207f071892' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."author_name__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."author_name__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "author_name" of relation "comments" violates not-null constraint', COLUMN = 'author_name', TABLE = 'comments';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."author_name__migc_new" IS DISTINCT FROM OLD."author_name__migc_new" THEN
      NEW."author_name" := NEW."author_name__migc_new";
    END IF;
  ELSIF coalesce('migc_fcbcc06633a7' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' THEN
      NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."author_name" IS DISTINCT FROM OLD."author_name" OR NEW."author_name__migc_new" IS NULL THEN
      NEW."author_name__migc_new" := SUBSTR(NEW."author_name", 1, 100);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [39] undo: put shadow column `author_name__migc_new` in place of `comments.author_name`
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

-- [38] undo: drop column `comments.author_name`
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

-- [37] undo: drop table `post_views`
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

-- [36] undo: stop showing `posts` to the old application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"posts"'), to_regclass('"posts"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'author_id', 'author_id'), (3, 'slug', 'slug'), (4, 'title', 'title'), (5, 'body_markdown', 'body_markdown'), (6, 'excerpt', 'excerpt'), (7, 'status', 'status'), (8, 'published_at', 'published_at'), (9, 'view_count', 'view_count'), (10, 'comments_enabled', 'comments_enabled'), (11, 'series_id', 'series_id'), (12, 'series_position', 'series_position'), (13, 'search', 'search'), (14, 'created_at', 'created_at'), (15, 'updated_at', 'updated_at'), (16, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."posts"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"posts"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_fcbcc06633a7"."posts"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_fcbcc06633a7"');
END
$migc$;

-- [35] undo: stop showing `post_tags` to the old application in its shape (view `migc_fcbcc06633a7.post_tags`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"post_tags"'), to_regclass('"post_tags"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'post_id', 'post_id'), (2, 'tag_id', 'tag_id'), (3, 'added_at', 'added_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."post_tags"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"post_tags"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_fcbcc06633a7"."post_tags"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_fcbcc06633a7"');
END
$migc$;

-- [34] undo: stop showing `comments` to the old application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"comments"'), to_regclass('"comments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'post_id', 'post_id'), (3, 'parent_id', 'parent_id'), (4, 'author_name', 'author_name'), (5, 'author_email', 'author_email'), (6, 'body', 'body'), (7, 'status', 'status'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."comments"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"comments"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_fcbcc06633a7"."comments"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_fcbcc06633a7"');
END
$migc$;
