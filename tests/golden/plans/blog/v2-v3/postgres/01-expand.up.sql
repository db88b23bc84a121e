-- migc 0.1.0: expand phase (up) for postgres
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [1] expose table `tags` as `topics` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/posts.mig:46:7
CREATE OR REPLACE VIEW "topics" AS SELECT * FROM "tags";

-- [2] add shadow column `comments.author_name__migc_new` of type `varchar(100)` for `author_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/comments.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "comments" ADD COLUMN IF NOT EXISTS "author_name__migc_new" varchar(100);
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

-- [3] install the dual-write trigger on `comments`
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

-- [4] add column `post_tags.topic_id` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:56:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "post_tags" ADD COLUMN IF NOT EXISTS "topic_id" integer;
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

-- [5] expose table `post_tags` as `post_topics` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/posts.mig:54:7
CREATE OR REPLACE VIEW "post_topics" AS SELECT * FROM "post_tags";

-- [6] create unique index `post_topics_pkey__migc` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/posts.mig:58:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"post_topics_pkey__migc"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "post_topics_pkey__migc";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "post_topics_pkey__migc" ON "post_tags" ("post_id", "topic_id");

-- [7] add foreign key `post_topics_topic_id_fkey` on `post_tags` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `post_tags` and `tags`); rewrite: no; scan: no; from v3/posts.mig:56:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"post_tags"') AND conname = 'post_topics_topic_id_fkey') THEN
        ALTER TABLE "post_tags" ADD CONSTRAINT "post_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "tags" ("id") ON DELETE CASCADE NOT VALID;
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

-- [8] create index `post_topics_topic_id_post_id_idx` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/posts.mig:59:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"post_topics_topic_id_post_id_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "post_topics_topic_id_post_id_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "post_topics_topic_id_post_id_idx" ON "post_tags" ("topic_id", "post_id");

-- [9] install the dual-write trigger on `post_tags`
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

-- [10] add column `posts.summary` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/posts.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "posts" ADD COLUMN IF NOT EXISTS "summary" text;
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

-- [11] install the dual-write trigger on `posts`
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

-- [12] drop view `published_posts` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [13] create view `published_posts` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:14:6
CREATE OR REPLACE VIEW "published_posts" AS SELECT "p"."id", "p"."slug", "p"."title", "p"."summary", "p"."published_at", "a"."handle" AS "author_handle", "a"."name" AS "author_name" FROM "posts" p JOIN "authors" a ON "a"."id" = "p"."author_id" WHERE "p"."status" = 'published' AND "p"."deleted_at" IS NULL;

-- [14] create view `topic_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/search.mig:21:6
CREATE OR REPLACE VIEW "topic_counts" AS SELECT "t"."id", "t"."slug", "t"."name", count("pt"."post_id") AS "posts" FROM "topics" t LEFT JOIN "post_topics" pt ON "pt"."topic_id" = "t"."id" GROUP BY "t"."id", "t"."slug", "t"."name";

-- [15] show `comments` to the old application in its shape (view `migc_fcbcc06633a7.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_fcbcc06633a7";
  CREATE OR REPLACE VIEW "migc_fcbcc06633a7"."comments" WITH (security_invoker = true) AS SELECT "id", "post_id", "parent_id", "author_name", "author_email", "body", "status", "created_at", "updated_at" FROM "comments";
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

-- [16] show `comments` to the new application in its shape (view `migc_56207f071892.comments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_56207f071892";
  CREATE OR REPLACE VIEW "migc_56207f071892"."comments" WITH (security_invoker = true) AS SELECT "id", "post_id", "parent_id", "author_name__migc_new" AS "author_name", "author_email", "body", "status", "created_at", "updated_at" FROM "comments";
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

-- [17] show `post_tags` to the old application in its shape (view `migc_fcbcc06633a7.post_tags`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_fcbcc06633a7";
  CREATE OR REPLACE VIEW "migc_fcbcc06633a7"."post_tags" WITH (security_invoker = true) AS SELECT "post_id", "tag_id", "added_at" FROM "post_tags";
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

-- [18] show `post_tags` to the new application in its shape (view `migc_56207f071892.post_topics`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_56207f071892";
  CREATE OR REPLACE VIEW "migc_56207f071892"."post_topics" WITH (security_invoker = true) AS SELECT "post_id", "topic_id", "added_at" FROM "post_tags";
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

-- [19] show `posts` to the old application in its shape (view `migc_fcbcc06633a7.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_fcbcc06633a7";
  CREATE OR REPLACE VIEW "migc_fcbcc06633a7"."posts" WITH (security_invoker = true) AS SELECT "id", "author_id", "slug", "title", "body_markdown", "excerpt", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at" FROM "posts";
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

-- [20] show `posts` to the new application in its shape (view `migc_56207f071892.posts`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_56207f071892";
  CREATE OR REPLACE VIEW "migc_56207f071892"."posts" WITH (security_invoker = true) AS SELECT "id", "author_id", "slug", "title", "body_markdown", "summary", "status", "published_at", "view_count", "comments_enabled", "series_id", "series_position", "search", "created_at", "updated_at", "deleted_at" FROM "posts";
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
