-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [20] undo: show `tenants` to the new application in its shape (view `migc_156ae90ae671.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [19] undo: show `tenants` to the old application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [18] undo: show `tasks` to the new application in its shape (view `migc_156ae90ae671.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [17] undo: show `tasks` to the old application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [16] undo: show `audit_log` to the new application in its shape (view `migc_156ae90ae671.audit_log`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."audit_log";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [15] undo: show `audit_log` to the old application in its shape (view `migc_6b981af45e06.audit_log`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."audit_log";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [14] undo: show `api_keys` to the new application in its shape (view `migc_156ae90ae671.api_keys`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_156ae90ae671"."api_keys";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_156ae90ae671"')) THEN
    DROP SCHEMA IF EXISTS "migc_156ae90ae671";
  END IF;
END
$migc$;

-- [13] undo: show `api_keys` to the old application in its shape (view `migc_6b981af45e06.api_keys`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."api_keys";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [12] undo: create view `open_tasks` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS "open_tasks";

-- [11] undo: drop view `open_tasks` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:52:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;

-- [10] undo: install the dual-write trigger on `tasks`
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

-- [9] undo: create index `tasks_board__migc` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/projects.mig:48:3
DROP INDEX CONCURRENTLY IF EXISTS "tasks_board__migc";

-- [8] undo: add column `tasks.archived_at` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:41:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "archived_at";
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

-- [7] undo: add shadow column `tasks.status__migc_new` of type `task_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "status__migc_new";
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

-- [6] undo: install the dual-write trigger on `audit_log`
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

-- [5] undo: create index `audit_log_tenant_id_target_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/security.mig:36:3
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_tenant_id_target_idx";

-- [4] undo: add shadow column `audit_log.payload__migc_new` of type `native(postgres: "jsonb", mysql: "json", sqlite: "text")` for `payload`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" DROP COLUMN IF EXISTS "payload__migc_new";
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

-- [3] undo: add column `audit_log.target` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:28:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" DROP COLUMN IF EXISTS "target";
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

-- [2] undo: add column `api_keys.scopes`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "api_keys" DROP COLUMN IF EXISTS "scopes";
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

-- [1] undo: create enum `task_status__migc`, the new shape of `task_status` (without `archived`)
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
DROP TYPE IF EXISTS "task_status__migc";
