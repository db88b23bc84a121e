-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [26] undo: show `tenants` to the new application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [25] undo: show `tenants` to the old application in its shape (view `migc_b4f21449a28c.tenants`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [24] undo: show `tasks` to the new application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [23] undo: show `tasks` to the old application in its shape (view `migc_b4f21449a28c.tasks`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [22] undo: show `projects` to the new application in its shape (view `migc_6b981af45e06.projects`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."projects";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [21] undo: show `projects` to the old application in its shape (view `migc_b4f21449a28c.projects`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."projects";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [20] undo: show `invitations` to the new application in its shape (view `migc_6b981af45e06.invitations`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."invitations";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [19] undo: show `invitations` to the old application in its shape (view `migc_b4f21449a28c.invitations`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."invitations";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [18] undo: create view `open_tasks` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS "open_tasks";

-- [17] undo: drop view `open_tasks` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:49:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress') AND "p"."deleted_at" IS NULL;

-- [16] undo: add column `tenants.region`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/tenants.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tenants" DROP COLUMN IF EXISTS "region";
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

-- [15] undo: install the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:25:7
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

-- [14] undo: add foreign key `tasks_assignee_fkey` on `tasks` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `tasks` and `memberships`); rewrite: no; scan: no; from v2/projects.mig:44:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks"') IS NOT NULL THEN
        ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_assignee_fkey";
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

-- [13] undo: add check `tasks_estimate_minutes_check` on `tasks` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:36:37
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks"') IS NOT NULL THEN
        ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_estimate_minutes_check";
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

-- [12] undo: add column `tasks.estimate_minutes` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "estimate_minutes";
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

-- [11] undo: add column `tasks.description` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:31:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "description";
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

-- [10] undo: add column `projects.visibility`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:17:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "projects" DROP COLUMN IF EXISTS "visibility";
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

-- [9] undo: install the dual-write trigger on `invitations`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:29:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_invitations" ON "invitations";
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
DROP FUNCTION IF EXISTS "migc_sync_invitations"();

-- [8] undo: create unique index `invitations_open_per_email__migc` on `invitations`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/members.mig:42:3
DROP INDEX CONCURRENTLY IF EXISTS "invitations_open_per_email__migc";

-- [7] undo: add shadow column `invitations.state__migc_new` of type `invitation_state__migc` for `state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "invitations" DROP COLUMN IF EXISTS "state__migc_new";
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

-- [6] undo: create unique index `api_keys_tenant_name_key` on `api_keys`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/security.mig:15:3
DROP INDEX CONCURRENTLY IF EXISTS "api_keys_tenant_name_key";

-- [5] undo: expose table `memberships` as `members` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/members.mig:19:7
DROP VIEW IF EXISTS "members";

-- [4] undo: add value `blocked` to enum `task_status`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:6:39
-- value 'blocked' stays in enum task_status: PostgreSQL cannot remove an enum value

-- [3] undo: create enum `project_visibility`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:8:6
DROP TYPE IF EXISTS "project_visibility";

-- [2] undo: create enum `invitation_state__migc`, the new shape of `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
DROP TYPE IF EXISTS "invitation_state__migc";

-- [1] undo: add value `revoked` to enum `invitation_state` (renamed from `cancelled`)
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:53
-- value 'revoked' stays in enum invitation_state: PostgreSQL cannot remove an enum value
