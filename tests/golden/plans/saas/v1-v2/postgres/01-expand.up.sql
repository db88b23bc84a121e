-- migc 0.1.0: expand phase (up) for postgres
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [1] add value `revoked` to enum `invitation_state` (renamed from `cancelled`)
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:53
ALTER TYPE "invitation_state" ADD VALUE IF NOT EXISTS 'revoked' AFTER 'expired';

-- [2] create enum `invitation_state__migc`, the new shape of `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"invitation_state__migc"') IS NULL THEN
    CREATE TYPE "invitation_state__migc" AS ENUM ('pending', 'accepted', 'expired', 'revoked');
  END IF;
END
$migc$;

-- [3] create enum `project_visibility`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:8:6
DO $migc$
BEGIN
  IF to_regtype('"project_visibility"') IS NULL THEN
    CREATE TYPE "project_visibility" AS ENUM ('private', 'tenant', 'public');
  END IF;
END
$migc$;

-- [4] add value `blocked` to enum `task_status`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:6:39
ALTER TYPE "task_status" ADD VALUE IF NOT EXISTS 'blocked' AFTER 'in_progress';

-- [5] expose table `memberships` as `members` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/members.mig:19:7
CREATE OR REPLACE VIEW "members" AS SELECT * FROM "memberships";

-- [6] create unique index `api_keys_tenant_name_key` on `api_keys`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/security.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"api_keys_tenant_name_key"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "api_keys_tenant_name_key";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "api_keys_tenant_name_key" ON "api_keys" ("tenant_id", "name");

-- [7] add shadow column `invitations.state__migc_new` of type `invitation_state__migc` for `state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "invitations" ADD COLUMN IF NOT EXISTS "state__migc_new" "invitation_state__migc";
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

-- [8] create unique index `invitations_open_per_email__migc` on `invitations`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/members.mig:42:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"invitations_open_per_email__migc"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "invitations_open_per_email__migc";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "invitations_open_per_email__migc" ON "invitations" ("tenant_id", (lower("email"))) WHERE "state__migc_new" = 'pending';

-- [9] install the dual-write trigger on `invitations`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:29:7
CREATE OR REPLACE FUNCTION "migc_sync_invitations"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."state__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."state__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "state" of relation "invitations" violates not-null constraint', COLUMN = 'state', TABLE = 'invitations';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."state__migc_new" IS DISTINCT FROM OLD."state__migc_new" THEN
      NEW."state" := CAST(CASE CAST(NEW."state__migc_new" AS TEXT) WHEN 'revoked' THEN 'cancelled' ELSE CAST(NEW."state__migc_new" AS TEXT) END AS invitation_state);
    END IF;
  ELSIF coalesce('migc_b4f21449a28c' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' THEN
      NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."state" IS DISTINCT FROM OLD."state" OR NEW."state__migc_new" IS NULL THEN
      NEW."state__migc_new" := CAST(CASE CAST(NEW."state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW."state" AS TEXT) END AS invitation_state__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    -- shadow columns of type changes follow the deployed columns
    IF TG_OP = 'INSERT' OR NEW."state" IS DISTINCT FROM OLD."state" THEN
      NEW."state__migc_new" := CAST(CASE CAST(NEW."state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW."state" AS TEXT) END AS invitation_state__migc);
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
      DROP TRIGGER IF EXISTS "migc_sync_invitations" ON "invitations";
      CREATE TRIGGER "migc_sync_invitations" BEFORE INSERT OR UPDATE ON "invitations" FOR EACH ROW EXECUTE FUNCTION "migc_sync_invitations"();
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

-- [10] add column `projects.visibility`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:17:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "projects" ADD COLUMN IF NOT EXISTS "visibility" "project_visibility" DEFAULT 'private' NOT NULL;
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

-- [11] add column `tasks.description` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:31:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "description" text;
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

-- [12] add column `tasks.estimate_minutes` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "estimate_minutes" integer;
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

-- [13] add check `tasks_estimate_minutes_check` on `tasks` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:36:37
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_estimate_minutes_check') THEN
        ALTER TABLE "tasks" ADD CONSTRAINT "tasks_estimate_minutes_check" CHECK ("estimate_minutes" >= 0) NOT VALID;
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

-- [14] add foreign key `tasks_assignee_fkey` on `tasks` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `tasks` and `memberships`); rewrite: no; scan: no; from v2/projects.mig:44:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_assignee_fkey') THEN
        ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_fkey" FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "memberships" ("tenant_id", "user_id") NOT VALID;
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

-- [15] install the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:25:7
CREATE OR REPLACE FUNCTION "migc_sync_tasks"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes" THEN
      NEW."body" := NEW."description";
      NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
    END IF;
  ELSIF coalesce('migc_b4f21449a28c' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours" OR (NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL) THEN
      NEW."description" := NEW."body";
      NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL THEN
        -- written by the old application
        NEW."description" := NEW."body";
        NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
      ELSE
        -- written by the new application
        NEW."body" := NEW."description";
        NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
      END IF;
    ELSIF (NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours" OR NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL) AND NOT (NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."description" := NEW."body";
      NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
    ELSIF (NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes") AND NOT (NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours") THEN
      -- updated by the new application
      NEW."body" := NEW."description";
      NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
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
      DROP TRIGGER IF EXISTS "migc_sync_tasks" ON "tasks";
      CREATE TRIGGER "migc_sync_tasks" BEFORE INSERT OR UPDATE ON "tasks" FOR EACH ROW EXECUTE FUNCTION "migc_sync_tasks"();
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

-- [16] add column `tenants.region`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/tenants.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tenants" ADD COLUMN IF NOT EXISTS "region" varchar(16) DEFAULT 'eu-central-1' NOT NULL;
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

-- [17] drop view `open_tasks` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS "open_tasks";

-- [18] create view `open_tasks` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/projects.mig:49:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;

-- [19] show `invitations` to the old application in its shape (view `migc_b4f21449a28c.invitations`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_b4f21449a28c";
  CREATE OR REPLACE VIEW "migc_b4f21449a28c"."invitations" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "email", "role_id", "invited_by", "token_hash", "state", "expires_at", "created_at", "updated_at" FROM "invitations";
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
    WHERE c.oid = to_regclass('"invitations"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."invitations"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [20] show `invitations` to the new application in its shape (view `migc_6b981af45e06.invitations`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."invitations" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "email", "role_id", "invited_by", "token_hash", "state__migc_new" AS "state", "expires_at", "created_at", "updated_at" FROM "invitations";
  ALTER TABLE "migc_6b981af45e06"."invitations" ALTER COLUMN "state" SET DEFAULT 'pending';
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
    WHERE c.oid = to_regclass('"invitations"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."invitations"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [21] show `projects` to the old application in its shape (view `migc_b4f21449a28c.projects`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_b4f21449a28c";
  CREATE OR REPLACE VIEW "migc_b4f21449a28c"."projects" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "key", "name", "description", "owner_id", "created_at", "updated_at", "deleted_at" FROM "projects";
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
    WHERE c.oid = to_regclass('"projects"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."projects"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [22] show `projects` to the new application in its shape (view `migc_6b981af45e06.projects`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."projects" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "key", "name", "description", "owner_id", "visibility", "created_at", "updated_at", "deleted_at" FROM "projects";
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
    WHERE c.oid = to_regclass('"projects"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."projects"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [23] show `tasks` to the old application in its shape (view `migc_b4f21449a28c.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_b4f21449a28c";
  CREATE OR REPLACE VIEW "migc_b4f21449a28c"."tasks" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "project_id", "number", "title", "body", "status", "priority", "assignee_id", "estimate_hours", "due_date", "created_at", "updated_at" FROM "tasks";
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
    WHERE c.oid = to_regclass('"tasks"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."tasks"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [24] show `tasks` to the new application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."tasks" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "project_id", "number", "title", "description", "status", "priority", "assignee_id", "estimate_minutes", "due_date", "created_at", "updated_at" FROM "tasks";
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
    WHERE c.oid = to_regclass('"tasks"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."tasks"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [25] show `tenants` to the old application in its shape (view `migc_b4f21449a28c.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_b4f21449a28c";
  CREATE OR REPLACE VIEW "migc_b4f21449a28c"."tenants" WITH (security_invoker = true) AS SELECT "id", "slug", "name", "plan", "seat_limit", "billing_email", "created_at", "updated_at", "deleted_at" FROM "tenants";
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
    WHERE c.oid = to_regclass('"tenants"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."tenants"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [26] show `tenants` to the new application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."tenants" WITH (security_invoker = true) AS SELECT "id", "slug", "name", "plan", "seat_limit", "region", "created_at", "updated_at", "deleted_at" FROM "tenants";
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
    WHERE c.oid = to_regclass('"tenants"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."tenants"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;
