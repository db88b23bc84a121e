-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [79] undo: stop showing `posts` to the new application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"posts"'), to_regclass('"posts"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'author_id', 'author_id'), (3, 'slug', 'slug'), (4, 'title', 'title'), (5, 'body_markdown', 'body_markdown'), (6, 'excerpt', 'excerpt'), (7, 'status', 'status'), (8, 'published_at', 'published_at'), (9, 'view_count__migc_new', 'view_count'), (10, 'comments_enabled', 'comments_enabled'), (11, 'series_id', 'series_id'), (12, 'series_position', 'series_position'), (13, 'search', 'search'), (14, 'created_at', 'created_at'), (15, 'updated_at', 'updated_at'), (16, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."posts"', cols, rel);
  ALTER TABLE "migc_fcbcc06633a7"."posts" ALTER COLUMN "view_count" SET DEFAULT 0;
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

-- [78] undo: stop showing `comments` to the new application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"comments"'), to_regclass('"comments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'post_id', 'post_id'), (3, 'parent_id', 'parent_id'), (4, 'author_name', 'author_name'), (5, 'author_email', 'author_email'), (6, 'body', 'body'), (7, 'status__migc_new', 'status'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."comments"', cols, rel);
  ALTER TABLE "migc_fcbcc06633a7"."comments" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [77] undo: stop showing `authors` to the new application in its shape (view `migc_fcbcc06633a7.authors`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"authors"'), to_regclass('"authors"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'handle', 'handle'), (3, 'email', 'email'), (4, 'name', 'name'), (5, 'bio', 'bio'), (6, 'avatar_media_id', 'avatar_media_id'), (7, 'is_editor', 'is_editor'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_fcbcc06633a7"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_fcbcc06633a7"."authors"', cols, rel);
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
    WHERE c.oid = to_regclass('"authors"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_fcbcc06633a7"."authors"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_fcbcc06633a7"');
END
$migc$;

-- [76] undo: recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [75] undo: drop column `posts.body`
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

-- [74] undo: remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/posts.mig:8:7
CREATE OR REPLACE FUNCTION "migc_sync_posts"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_fcbcc06633a7' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."body_markdown" IS NULL AND (TG_OP = 'INSERT' OR OLD."body_markdown" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "body_markdown" of relation "posts" violates not-null constraint', COLUMN = 'body_markdown', TABLE = 'posts';
    END IF;
    IF NEW."view_count__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."view_count__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "view_count" of relation "posts" violates not-null constraint', COLUMN = 'view_count', TABLE = 'posts';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."body_markdown" IS DISTINCT FROM OLD."body_markdown" OR NEW."view_count__migc_new" IS DISTINCT FROM OLD."view_count__migc_new" THEN
      NEW."body" := NEW."body_markdown";
      NEW."view_count" := least(NEW."view_count__migc_new", 2147483647);
    END IF;
  ELSIF coalesce('migc_2887e11fa716' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."body" IS DISTINCT FROM OLD."body" OR (NEW."body_markdown" IS NULL) THEN
      NEW."body_markdown" := NEW."body";
    END IF;
    IF TG_OP = 'INSERT' OR NEW."view_count" IS DISTINCT FROM OLD."view_count" OR NEW."view_count__migc_new" IS NULL THEN
      NEW."view_count__migc_new" := NEW."view_count";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [73] undo: rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
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

-- [72] undo: set the default of `posts.view_count`
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

-- [71] undo: put shadow column `view_count__migc_new` in place of `posts.view_count`
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

-- [70] undo: drop column `posts.view_count`
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

-- [69] undo: drop column `authors.avatar_url`
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

-- [68] undo: drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."excerpt", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [67] undo: let `posts.body` accept null before the dual-write trigger goes
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

-- [66] undo: drop check `posts_view_count_check` on `posts`
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

-- [65] undo: remove the dual-write trigger on `comments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/comments.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_comments"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_fcbcc06633a7' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."status__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."status__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "status" of relation "comments" violates not-null constraint', COLUMN = 'status', TABLE = 'comments';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status__migc_new" IS DISTINCT FROM OLD."status__migc_new" THEN
      NEW."status" := CAST(CASE CAST(NEW."status__migc_new" AS TEXT) WHEN 'rejected' THEN 'spam' ELSE CAST(NEW."status__migc_new" AS TEXT) END AS comment_status);
    END IF;
  ELSIF coalesce('migc_2887e11fa716' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' THEN
      NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."status__migc_new" IS NULL THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW."status" AS TEXT) END AS comment_status__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [64] undo: set the default of `comments.status`
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

-- [63] undo: put shadow column `status__migc_new` in place of `comments.status`
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

-- [62] undo: give enum `comment_status__migc` the name `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"comment_status__migc"') IS NULL AND to_regtype('"comment_status"') IS NOT NULL THEN
    ALTER TYPE "comment_status" RENAME TO "comment_status__migc";
    CREATE TYPE "comment_status" AS ENUM ('pending', 'approved', 'spam');
  END IF;
END
$migc$;

-- [61] undo: drop column `comments.status`
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

-- [60] undo: rename index `comments_moderation_queue__migc` to `comments_moderation_queue`
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

-- [59] undo: drop index `comments_moderation_queue` on `comments`
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

-- [58] undo: rename index `comments_post_id_created_at_idx__migc` to `comments_post_id_created_at_idx`
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

-- [57] undo: drop index `comments_post_id_created_at_idx` on `comments`
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

-- [56] undo: stop showing `posts` to the old application in its shape (view `migc_2887e11fa716.posts`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"posts"'), to_regclass('"posts"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'author_id', 'author_id'), (3, 'slug', 'slug'), (4, 'title', 'title'), (5, 'body', 'body'), (6, 'excerpt', 'excerpt'), (7, 'status', 'status'), (8, 'published_at', 'published_at'), (9, 'view_count', 'view_count'), (10, 'search', 'search'), (11, 'created_at', 'created_at'), (12, 'updated_at', 'updated_at'), (13, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_2887e11fa716"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_2887e11fa716"."posts"', cols, rel);
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_2887e11fa716"."posts"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_2887e11fa716"');
END
$migc$;

-- [55] undo: stop showing `comments` to the old application in its shape (view `migc_2887e11fa716.comments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"comments"'), to_regclass('"comments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'post_id', 'post_id'), (3, 'parent_id', 'parent_id'), (4, 'author_name', 'author_name'), (5, 'author_email', 'author_email'), (6, 'body', 'body'), (7, 'status', 'status'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_2887e11fa716"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_2887e11fa716"."comments"', cols, rel);
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_2887e11fa716"."comments"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_2887e11fa716"');
END
$migc$;

-- [54] undo: stop showing `authors` to the old application in its shape (view `migc_2887e11fa716.authors`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"authors"'), to_regclass('"authors"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'handle', 'handle'), (3, 'email', 'email'), (4, 'name', 'name'), (5, 'bio', 'bio'), (6, 'avatar_url', 'avatar_url'), (7, 'is_editor', 'is_editor'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_2887e11fa716"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_2887e11fa716"."authors"', cols, rel);
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
    WHERE c.oid = to_regclass('"authors"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_2887e11fa716"."authors"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_2887e11fa716"');
END
$migc$;
