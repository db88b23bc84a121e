-- migc 0.1.0: expand phase (up) for postgres
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [1] create enum `task_status__migc`, the new shape of `task_status` (without `archived`)
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
DO $migc$
BEGIN
  IF to_regtype('"task_status__migc"') IS NULL THEN
    CREATE TYPE "task_status__migc" AS ENUM ('todo', 'in_progress', 'blocked', 'done');
  END IF;
END
$migc$;

-- [2] add column `api_keys.scopes`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "api_keys" ADD COLUMN IF NOT EXISTS "scopes" jsonb DEFAULT '["*"]' NOT NULL;
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

-- [3] add column `audit_log.target` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:28:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ADD COLUMN IF NOT EXISTS "target" text;
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

-- [4] add shadow column `audit_log.payload__migc_new` of type `native(postgres: "jsonb", mysql: "json", sqlite: "text")` for `payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ADD COLUMN IF NOT EXISTS "payload__migc_new" jsonb;
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

-- [5] create index `audit_log_tenant_id_target_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/security.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"audit_log_tenant_id_target_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "audit_log_tenant_id_target_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "audit_log_tenant_id_target_idx" ON "audit_log" ("tenant_id", "target");

-- [6] install the dual-write trigger on `audit_log`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:21:7
CREATE OR REPLACE FUNCTION "migc_sync_audit_log"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_156ae90ae671' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."target" IS NULL AND (TG_OP = 'INSERT' OR OLD."target" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "target" of relation "audit_log" violates not-null constraint', COLUMN = 'target', TABLE = 'audit_log';
    END IF;
    IF NEW."payload__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."payload__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "payload" of relation "audit_log" violates not-null constraint', COLUMN = 'payload', TABLE = 'audit_log';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."target" IS DISTINCT FROM OLD."target" OR NEW."payload__migc_new" IS DISTINCT FROM OLD."payload__migc_new" THEN
      NEW."target_type" := split_part(NEW."target", ':', 1);
      NEW."target_id" := split_part(NEW."target", ':', 2);
      NEW."payload" := NEW."payload__migc_new";
    END IF;
  ELSIF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."target_type" IS DISTINCT FROM OLD."target_type" OR NEW."target_id" IS DISTINCT FROM OLD."target_id" OR (NEW."target" IS NULL) THEN
      NEW."target" := NEW."target_type" || ':' || NEW."target_id";
    END IF;
    IF TG_OP = 'INSERT' OR NEW."payload" IS DISTINCT FROM OLD."payload" OR NEW."payload__migc_new" IS NULL THEN
      NEW."payload__migc_new" := NEW."payload";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    -- shadow columns of type changes follow the deployed columns
    IF TG_OP = 'INSERT' OR NEW."payload" IS DISTINCT FROM OLD."payload" THEN
      NEW."payload__migc_new" := NEW."payload";
    END IF;
    IF TG_OP = 'INSERT' THEN
      IF NEW."target" IS NULL THEN
        -- written by the old application
        NEW."target" := NEW."target_type" || ':' || NEW."target_id";
      ELSE
        -- written by the new application
        NEW."target_type" := split_part(NEW."target", ':', 1);
        NEW."target_id" := split_part(NEW."target", ':', 2);
      END IF;
    ELSIF (NEW."target_type" IS DISTINCT FROM OLD."target_type" OR NEW."target_id" IS DISTINCT FROM OLD."target_id" OR NEW."target" IS NULL) AND NOT (NEW."target" IS DISTINCT FROM OLD."target") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."target" := NEW."target_type" || ':' || NEW."target_id";
    ELSIF (NEW."target" IS DISTINCT FROM OLD."target") AND NOT (NEW."target_type" IS DISTINCT FROM OLD."target_type" OR NEW."target_id" IS DISTINCT FROM OLD."target_id") THEN
      -- updated by the new application
      NEW."target_type" := split_part(NEW."target", ':', 1);
      NEW."target_id" := split_part(NEW."target", ':', 2);
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
      DROP TRIGGER IF EXISTS "migc_sync_audit_log" ON "audit_log";
      CREATE TRIGGER "migc_sync_audit_log" BEFORE INSERT OR UPDATE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "migc_sync_audit_log"();
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

-- [7] add shadow column `tasks.status__migc_new` of type `task_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "status__migc_new" "task_status__migc";
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

-- [8] add column `tasks.archived_at` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:41:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "archived_at" timestamptz;
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

-- [9] create index `tasks_board__migc` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/projects.mig:48:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"tasks_board__migc"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "tasks_board__migc";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_board__migc" ON "tasks" ("tenant_id", "project_id", "status__migc_new", "priority") WHERE "archived_at" IS NULL;

-- [10] install the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:29:7
CREATE OR REPLACE FUNCTION "migc_sync_tasks"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_156ae90ae671' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."status__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."status__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "status" of relation "tasks" violates not-null constraint', COLUMN = 'status', TABLE = 'tasks';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."archived_at" IS DISTINCT FROM OLD."archived_at" OR NEW."status__migc_new" IS DISTINCT FROM OLD."status__migc_new" THEN
      NEW."status" := CAST(CAST(NEW."status__migc_new" AS TEXT) AS task_status);
    END IF;
  ELSIF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."updated_at" IS DISTINCT FROM OLD."updated_at" OR (NEW."archived_at" IS NULL) THEN
      NEW."archived_at" := CASE WHEN NEW."status" = 'archived' THEN NEW."updated_at" END;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."status__migc_new" IS NULL THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST(NEW."status" AS TEXT) END AS task_status__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    -- shadow columns of type changes follow the deployed columns
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST(NEW."status" AS TEXT) END AS task_status__migc);
    END IF;
    IF TG_OP = 'INSERT' THEN
      IF NEW."archived_at" IS NULL THEN
        -- written by the old application
        NEW."archived_at" := CASE WHEN NEW."status" = 'archived' THEN NEW."updated_at" END;
      ELSE
        -- written by the new application
        NULL;
      END IF;
    ELSIF (NEW."status" IS DISTINCT FROM OLD."status" OR NEW."updated_at" IS DISTINCT FROM OLD."updated_at" OR NEW."archived_at" IS NULL) AND NOT (NEW."archived_at" IS DISTINCT FROM OLD."archived_at") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."archived_at" := CASE WHEN NEW."status" = 'archived' THEN NEW."updated_at" END;
    ELSIF (NEW."archived_at" IS DISTINCT FROM OLD."archived_at") AND NOT (false) THEN
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

-- [11] drop view `open_tasks` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS "open_tasks";

-- [12] create view `open_tasks` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/projects.mig:52:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "t"."archived_at" IS NULL AND "p"."deleted_at" IS NULL;

-- [13] show `api_keys` to the old application in its shape (view `migc_6b981af45e06.api_keys`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."api_keys" WITH (security_invoker = true) AS SELECT "id", "tenant_id", "name", "prefix", "secret_hash", "created_by", "created_at", "last_used_at", "expires_at", "revoked_at" FROM "api_keys";
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
    WHERE c.oid = to_regclass('"api_keys"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."api_keys"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [14] show `api_keys` to the new application in its shape (view `migc_156ae90ae671.api_keys`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_156ae90ae671";
  CREATE OR REPLACE VIEW "migc_156ae90ae671"."api_keys" WITH (security_invoker = true) AS SELECT "id", "tenant_id", "name", "prefix", "secret_hash", "created_by", "created_at", "last_used_at", "expires_at", "revoked_at", "scopes" FROM "api_keys";
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
    WHERE c.oid = to_regclass('"api_keys"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_156ae90ae671"."api_keys"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_156ae90ae671"');
END
$migc$;

-- [15] show `audit_log` to the old application in its shape (view `migc_6b981af45e06.audit_log`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_6b981af45e06";
  CREATE OR REPLACE VIEW "migc_6b981af45e06"."audit_log" WITH (security_invoker = true) AS SELECT "id", "tenant_id", "actor_id", "api_key_id", "action", "target_type", "target_id", "payload", "ip_address", "occurred_at" FROM "audit_log";
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
    WHERE c.oid = to_regclass('"audit_log"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."audit_log"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [16] show `audit_log` to the new application in its shape (view `migc_156ae90ae671.audit_log`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_156ae90ae671";
  CREATE OR REPLACE VIEW "migc_156ae90ae671"."audit_log" WITH (security_invoker = true) AS SELECT "id", "tenant_id", "actor_id", "api_key_id", "action", "target", "payload__migc_new" AS "payload", "ip_address", "occurred_at" FROM "audit_log";
  ALTER TABLE "migc_156ae90ae671"."audit_log" ALTER COLUMN "payload" SET DEFAULT '{}';
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
    WHERE c.oid = to_regclass('"audit_log"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_156ae90ae671"."audit_log"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_156ae90ae671"');
END
$migc$;

-- [17] show `tasks` to the old application in its shape (view `migc_6b981af45e06.tasks`)
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

-- [18] show `tasks` to the new application in its shape (view `migc_156ae90ae671.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_156ae90ae671";
  CREATE OR REPLACE VIEW "migc_156ae90ae671"."tasks" WITH (security_invoker = true) AS SELECT "tenant_id", "id", "project_id", "number", "title", "description", "status__migc_new" AS "status", "priority", "assignee_id", "estimate_minutes", "due_date", "archived_at", "created_at", "updated_at" FROM "tasks";
  ALTER TABLE "migc_156ae90ae671"."tasks" ALTER COLUMN "status" SET DEFAULT 'todo';
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_156ae90ae671"."tasks"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_156ae90ae671"');
END
$migc$;

-- [19] show `tenants` to the old application in its shape (view `migc_6b981af45e06.tenants`)
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

-- [20] show `tenants` to the new application in its shape (view `migc_156ae90ae671.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_156ae90ae671";
  CREATE OR REPLACE VIEW "migc_156ae90ae671"."tenants" WITH (security_invoker = true) AS SELECT "id", "slug", "name" AS "display_name", "plan", "seat_limit", "region", "created_at", "updated_at", "deleted_at" FROM "tenants";
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_156ae90ae671"."tenants"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_156ae90ae671"');
END
$migc$;
