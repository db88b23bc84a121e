-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [50] undo: recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS "open_tasks";

-- [49] undo: remove the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:29:7
CREATE OR REPLACE FUNCTION "migc_sync_tasks"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
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

-- [48] undo: set the default of `tasks.status`
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

-- [47] undo: put shadow column `status__migc_new` in place of `tasks.status`
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

-- [46] undo: give enum `task_status__migc` the name `task_status`
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
DO $migc$
BEGIN
  IF to_regtype('"task_status__migc"') IS NULL AND to_regtype('"task_status"') IS NOT NULL THEN
    ALTER TYPE "task_status" RENAME TO "task_status__migc";
    CREATE TYPE "task_status" AS ENUM ('todo', 'in_progress', 'blocked', 'done', 'archived');
  END IF;
END
$migc$;

-- [45] undo: drop column `tasks.status`
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

-- [44] undo: drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "t"."archived_at" IS NULL AND "p"."deleted_at" IS NULL;

-- [43] undo: drop column `tenants.name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tenants" ADD COLUMN IF NOT EXISTS "name" text;
      UPDATE "tenants" SET "name" = "display_name" WHERE "name" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "tenants" WHERE "name" IS NULL) THEN
        ALTER TABLE "tenants" ALTER COLUMN "name" SET NOT NULL;
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

-- [42] undo: remove the dual-write trigger on `tenants`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/tenants.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_tenants"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."display_name" IS NULL THEN
      -- written by the old application
      NEW."display_name" := NEW."name";
    ELSE
      -- written by the new application
      NEW."name" := NEW."display_name";
    END IF;
  ELSIF (NEW."name" IS DISTINCT FROM OLD."name" OR NEW."display_name" IS NULL) AND NOT (NEW."display_name" IS DISTINCT FROM OLD."display_name") THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NEW."display_name" := NEW."name";
  ELSIF (NEW."display_name" IS DISTINCT FROM OLD."display_name") AND NOT (NEW."name" IS DISTINCT FROM OLD."name") THEN
    -- updated by the new application
    NEW."name" := NEW."display_name";
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
      DROP TRIGGER IF EXISTS "migc_sync_tenants" ON "tenants";
      CREATE TRIGGER "migc_sync_tenants" BEFORE INSERT OR UPDATE ON "tenants" FOR EACH ROW EXECUTE FUNCTION "migc_sync_tenants"();
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

-- [41] undo: let `tenants.name` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tenants"') AND conname = 'tenants_name_not_null') THEN
        ALTER TABLE "tenants" ADD CONSTRAINT "tenants_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "tenants" WHERE "name" IS NULL) THEN
        ALTER TABLE "tenants" VALIDATE CONSTRAINT "tenants_name_not_null";
        ALTER TABLE "tenants" ALTER COLUMN "name" SET NOT NULL;
        ALTER TABLE "tenants" DROP CONSTRAINT IF EXISTS "tenants_name_not_null";
      ELSE
        ALTER TABLE "tenants" DROP CONSTRAINT IF EXISTS "tenants_name_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'tenants', 'name';
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

-- [40] undo: rename index `tasks_board__migc` to `tasks_board`
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

-- [39] undo: drop index `tasks_board` on `tasks`
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

-- [38] undo: drop column `audit_log.target_id`
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

-- [37] undo: drop column `audit_log.target_type`
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

-- [36] undo: remove the dual-write trigger on `audit_log`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:21:7
CREATE OR REPLACE FUNCTION "migc_sync_audit_log"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
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

-- [35] undo: set the default of `audit_log.payload`
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

-- [34] undo: put shadow column `payload__migc_new` in place of `audit_log.payload`
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

-- [33] undo: drop column `audit_log.payload`
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

-- [32] undo: let `audit_log.target_id` accept null before the dual-write trigger goes
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

-- [31] undo: let `audit_log.target_type` accept null before the dual-write trigger goes
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

-- [30] undo: drop index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
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
