-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [32] stop showing `api_keys` to the old application in its shape (view `migc_6b981af45e06.api_keys`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."api_keys";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [33] stop showing `audit_log` to the old application in its shape (view `migc_6b981af45e06.audit_log`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."audit_log";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [34] stop showing `tasks` to the old application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [35] stop showing `tenants` to the old application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [36] drop index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_tenant_id_target_type_target_id_idx";

-- [37] let `audit_log.target_type` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'target_type' AND NOT attisdropped) THEN
        ALTER TABLE "audit_log" ALTER COLUMN "target_type" DROP NOT NULL;
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

-- [38] let `audit_log.target_id` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'target_id' AND NOT attisdropped) THEN
        ALTER TABLE "audit_log" ALTER COLUMN "target_id" DROP NOT NULL;
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

-- [39] drop column `audit_log.payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload__migc_new' AND NOT attisdropped) THEN
        DROP TRIGGER IF EXISTS "migc_sync_audit_log" ON "audit_log";
        ALTER TABLE "audit_log" DROP COLUMN IF EXISTS "payload";
        ALTER TABLE "audit_log" RENAME COLUMN "payload__migc_new" TO "payload";
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

-- [40] put shadow column `payload__migc_new` in place of `audit_log.payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"audit_log"') AND attname = 'payload' AND NOT attisdropped) THEN
        ALTER TABLE "audit_log" RENAME COLUMN "payload__migc_new" TO "payload";
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

-- [41] set the default of `audit_log.payload`
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

-- [42] remove the dual-write trigger on `audit_log`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:21:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_audit_log" ON "audit_log";
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
DROP FUNCTION IF EXISTS "migc_sync_audit_log"();

-- [43] drop column `audit_log.target_type`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:29:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" DROP COLUMN IF EXISTS "target_type";
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

-- [44] drop column `audit_log.target_id`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:30:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" DROP COLUMN IF EXISTS "target_id";
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

-- [45] drop index `tasks_board` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks_board__migc"') IS NOT NULL THEN
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

-- [46] rename index `tasks_board__migc` to `tasks_board`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:48:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks_board__migc"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "tasks_board";
        ALTER INDEX "tasks_board__migc" RENAME TO "tasks_board";
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

-- [47] drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "open_tasks";

-- [48] drop column `tasks.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        DROP TRIGGER IF EXISTS "migc_sync_tasks" ON "tasks";
        ALTER TABLE "tasks" DROP COLUMN IF EXISTS "status";
        ALTER TABLE "tasks" RENAME COLUMN "status__migc_new" TO "status";
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

-- [49] give enum `task_status__migc` the name `task_status`
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
DO $migc$
BEGIN
  IF to_regtype('"task_status__migc"') IS NOT NULL THEN
    DROP TYPE IF EXISTS "task_status";
    ALTER TYPE "task_status__migc" RENAME TO "task_status";
  END IF;
END
$migc$;

-- [50] put shadow column `status__migc_new` in place of `tasks.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tasks"') AND attname = 'status' AND NOT attisdropped) THEN
        ALTER TABLE "tasks" RENAME COLUMN "status__migc_new" TO "status";
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

-- [51] set the default of `tasks.status`
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

-- [52] remove the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:29:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_tasks" ON "tasks";
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
DROP FUNCTION IF EXISTS "migc_sync_tasks"();

-- [53] recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/projects.mig:52:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "t"."archived_at" IS NULL AND "p"."deleted_at" IS NULL;

-- [54] rename column `tenants.name` to `display_name` (the new application has seen it so since expand)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/tenants.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tenants"') AND attname = 'name' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"tenants"') AND attname = 'display_name' AND NOT attisdropped) THEN
        ALTER TABLE "tenants" RENAME COLUMN "name" TO "display_name";
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

-- [55] stop showing `api_keys` to the new application in its shape (view `migc_156ae90ae671.api_keys`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."api_keys";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [56] stop showing `audit_log` to the new application in its shape (view `migc_156ae90ae671.audit_log`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."audit_log";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [57] stop showing `tasks` to the new application in its shape (view `migc_156ae90ae671.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [58] stop showing `tenants` to the new application in its shape (view `migc_156ae90ae671.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;
