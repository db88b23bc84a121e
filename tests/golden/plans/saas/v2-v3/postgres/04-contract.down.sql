-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [58] undo: stop showing `tenants` to the new application in its shape (view `migc_156ae90ae671.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tenants"'), to_regclass('"tenants"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'slug', 'slug'), (3, 'name', 'display_name'), (4, 'plan', 'plan'), (5, 'seat_limit', 'seat_limit'), (6, 'region', 'region'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at'), (9, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_156ae90ae671"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_156ae90ae671"."tenants"', cols, rel);
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

-- [57] undo: stop showing `tasks` to the new application in its shape (view `migc_156ae90ae671.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tasks"'), to_regclass('"tasks"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'project_id', 'project_id'), (4, 'number', 'number'), (5, 'title', 'title'), (6, 'description', 'description'), (7, 'status__migc_new', 'status'), (8, 'priority', 'priority'), (9, 'assignee_id', 'assignee_id'), (10, 'estimate_minutes', 'estimate_minutes'), (11, 'due_date', 'due_date'), (12, 'archived_at', 'archived_at'), (13, 'created_at', 'created_at'), (14, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_156ae90ae671"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_156ae90ae671"."tasks"', cols, rel);
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

-- [56] undo: stop showing `audit_log` to the new application in its shape (view `migc_156ae90ae671.audit_log`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"audit_log"'), to_regclass('"audit_log"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'tenant_id', 'tenant_id'), (3, 'actor_id', 'actor_id'), (4, 'api_key_id', 'api_key_id'), (5, 'action', 'action'), (6, 'target', 'target'), (7, 'payload__migc_new', 'payload'), (8, 'ip_address', 'ip_address'), (9, 'occurred_at', 'occurred_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_156ae90ae671"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_156ae90ae671"."audit_log"', cols, rel);
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

-- [55] undo: stop showing `api_keys` to the new application in its shape (view `migc_156ae90ae671.api_keys`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"api_keys"'), to_regclass('"api_keys"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'tenant_id', 'tenant_id'), (3, 'name', 'name'), (4, 'prefix', 'prefix'), (5, 'secret_hash', 'secret_hash'), (6, 'created_by', 'created_by'), (7, 'created_at', 'created_at'), (8, 'last_used_at', 'last_used_at'), (9, 'expires_at', 'expires_at'), (10, 'revoked_at', 'revoked_at'), (11, 'scopes', 'scopes')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_156ae90ae671"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_156ae90ae671"."api_keys"', cols, rel);
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

-- [54] undo: rename column `tenants.name` to `display_name` (the new application has seen it so since expand)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/tenants.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tenants"') AND attname = 'display_name' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tenants"') AND attname = 'name' AND NOT attisdropped) THEN
        ALTER TABLE "tenants" RENAME COLUMN "display_name" TO "name";
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

-- [53] undo: recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS "open_tasks";

-- [52] undo: remove the dual-write trigger on `tasks`
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

-- [51] undo: set the default of `tasks.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status' AND NOT attisdropped) THEN
        ALTER TABLE "tasks" ALTER COLUMN "status" SET DEFAULT 'todo';
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

-- [50] undo: put shadow column `status__migc_new` in place of `tasks.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "tasks" RENAME COLUMN "status" TO "status__migc_new";
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

-- [49] undo: give enum `task_status__migc` the name `task_status`
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
DO $migc$
BEGIN
  IF to_regtype('"task_status__migc"') IS NULL AND to_regtype('"task_status"') IS NOT NULL THEN
    ALTER TYPE "task_status" RENAME TO "task_status__migc";
    CREATE TYPE "task_status" AS ENUM ('todo', 'in_progress', 'blocked', 'done', 'archived');
  END IF;
END
$migc$;

-- [48] undo: drop column `tasks.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "status" "task_status";
      ALTER TABLE "tasks" ALTER COLUMN "status" SET DEFAULT 'todo';
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

-- [47] undo: drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "t"."archived_at" IS NULL AND "p"."deleted_at" IS NULL;

-- [46] undo: rename index `tasks_board__migc` to `tasks_board`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:48:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks_board"') IS NOT NULL AND to_regclass('"tasks_board__migc"') IS NULL THEN
        ALTER INDEX "tasks_board" RENAME TO "tasks_board__migc";
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

-- [45] undo: drop index `tasks_board` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"tasks_board"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "tasks_board";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "status" <> 'archived';

-- [44] undo: drop column `audit_log.target_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:30:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ADD COLUMN IF NOT EXISTS "target_id" text;
      UPDATE "audit_log" SET "target_id" = split_part("target", ':', 2) WHERE "target_id" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "target_id" IS NULL) THEN
        ALTER TABLE "audit_log" ALTER COLUMN "target_id" SET NOT NULL;
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

-- [43] undo: drop column `audit_log.target_type`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:29:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ADD COLUMN IF NOT EXISTS "target_type" varchar(32);
      UPDATE "audit_log" SET "target_type" = split_part("target", ':', 1) WHERE "target_type" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "target_type" IS NULL) THEN
        ALTER TABLE "audit_log" ALTER COLUMN "target_type" SET NOT NULL;
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

-- [42] undo: remove the dual-write trigger on `audit_log`
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

-- [41] undo: set the default of `audit_log.payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload' AND NOT attisdropped) THEN
        ALTER TABLE "audit_log" ALTER COLUMN "payload" SET DEFAULT '{}';
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

-- [40] undo: put shadow column `payload__migc_new` in place of `audit_log.payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "audit_log" RENAME COLUMN "payload" TO "payload__migc_new";
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

-- [39] undo: drop column `audit_log.payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ADD COLUMN IF NOT EXISTS "payload" jsonb;
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload__migc_new' AND NOT attisdropped) THEN
        UPDATE "audit_log" SET "payload" = "payload__migc_new" WHERE "payload" IS NULL;
      END IF;
      ALTER TABLE "audit_log" ALTER COLUMN "payload" SET NOT NULL;
      ALTER TABLE "audit_log" ALTER COLUMN "payload" SET DEFAULT '{}';
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

-- [38] undo: let `audit_log.target_id` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_target_id_not_null') THEN
        ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_target_id_not_null" CHECK ("target_id" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "target_id" IS NULL) THEN
        ALTER TABLE "audit_log" VALIDATE CONSTRAINT "audit_log_target_id_not_null";
        ALTER TABLE "audit_log" ALTER COLUMN "target_id" SET NOT NULL;
        ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_target_id_not_null";
      ELSE
        ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_target_id_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'audit_log', 'target_id';
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

-- [37] undo: let `audit_log.target_type` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_target_type_not_null') THEN
        ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_target_type_not_null" CHECK ("target_type" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "target_type" IS NULL) THEN
        ALTER TABLE "audit_log" VALIDATE CONSTRAINT "audit_log_target_type_not_null";
        ALTER TABLE "audit_log" ALTER COLUMN "target_type" SET NOT NULL;
        ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_target_type_not_null";
      ELSE
        ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_target_type_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'audit_log', 'target_type';
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

-- [36] undo: drop index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"audit_log_tenant_id_target_type_target_id_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "audit_log_tenant_id_target_type_target_id_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "audit_log_tenant_id_target_type_target_id_idx" ON "audit_log" ("tenant_id", "target_type", "target_id");

-- [35] undo: stop showing `tenants` to the old application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tenants"'), to_regclass('"tenants"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'slug', 'slug'), (3, 'name', 'name'), (4, 'plan', 'plan'), (5, 'seat_limit', 'seat_limit'), (6, 'region', 'region'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at'), (9, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."tenants"', cols, rel);
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

-- [34] undo: stop showing `tasks` to the old application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tasks"'), to_regclass('"tasks"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'project_id', 'project_id'), (4, 'number', 'number'), (5, 'title', 'title'), (6, 'description', 'description'), (7, 'status', 'status'), (8, 'priority', 'priority'), (9, 'assignee_id', 'assignee_id'), (10, 'estimate_minutes', 'estimate_minutes'), (11, 'due_date', 'due_date'), (12, 'created_at', 'created_at'), (13, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."tasks"', cols, rel);
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

-- [33] undo: stop showing `audit_log` to the old application in its shape (view `migc_6b981af45e06.audit_log`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"audit_log"'), to_regclass('"audit_log"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'tenant_id', 'tenant_id'), (3, 'actor_id', 'actor_id'), (4, 'api_key_id', 'api_key_id'), (5, 'action', 'action'), (6, 'target_type', 'target_type'), (7, 'target_id', 'target_id'), (8, 'payload', 'payload'), (9, 'ip_address', 'ip_address'), (10, 'occurred_at', 'occurred_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."audit_log"', cols, rel);
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

-- [32] undo: stop showing `api_keys` to the old application in its shape (view `migc_6b981af45e06.api_keys`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"api_keys"'), to_regclass('"api_keys"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'tenant_id', 'tenant_id'), (3, 'name', 'name'), (4, 'prefix', 'prefix'), (5, 'secret_hash', 'secret_hash'), (6, 'created_by', 'created_by'), (7, 'created_at', 'created_at'), (8, 'last_used_at', 'last_used_at'), (9, 'expires_at', 'expires_at'), (10, 'revoked_at', 'revoked_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."api_keys"', cols, rel);
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
