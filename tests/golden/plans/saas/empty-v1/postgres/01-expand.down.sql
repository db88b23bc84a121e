-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [37] undo: create view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/projects.mig:42:6
DROP VIEW IF EXISTS "open_tasks";

-- [36] undo: create unique index `users_email_key` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/tenants.mig:26:3
DROP INDEX CONCURRENTLY IF EXISTS "users_email_key";

-- [35] undo: add foreign key `memberships_user_id_fkey` on `memberships`
--     lock: SHARE ROW EXCLUSIVE (on `memberships` and `users`); rewrite: no; scan: yes; from v1/members.mig:19:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"memberships"') IS NOT NULL THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "memberships_user_id_fkey";
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

-- [34] undo: add foreign key `invitations_invited_by_fkey` on `invitations`
--     lock: SHARE ROW EXCLUSIVE (on `invitations` and `users`); rewrite: no; scan: yes; from v1/members.mig:32:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations"') IS NOT NULL THEN
        ALTER TABLE "invitations" DROP CONSTRAINT IF EXISTS "invitations_invited_by_fkey";
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

-- [33] undo: add foreign key `api_keys_created_by_fkey` on `api_keys`
--     lock: SHARE ROW EXCLUSIVE (on `api_keys` and `users`); rewrite: no; scan: yes; from v1/security.mig:8:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"api_keys"') IS NOT NULL THEN
        ALTER TABLE "api_keys" DROP CONSTRAINT IF EXISTS "api_keys_created_by_fkey";
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

-- [32] undo: create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:20:7
DROP TABLE IF EXISTS "users";

-- [31] undo: create unique index `tenants_slug_key` on `tenants`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/tenants.mig:17:3
DROP INDEX CONCURRENTLY IF EXISTS "tenants_slug_key";

-- [30] undo: create index `tenants_deleted_at_idx` on `tenants`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX CONCURRENTLY IF EXISTS "tenants_deleted_at_idx";

-- [29] undo: add foreign key `roles_tenant_id_fkey` on `roles`
--     lock: SHARE ROW EXCLUSIVE (on `roles` and `tenants`); rewrite: no; scan: yes; from v1/members.mig:8:40
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"roles"') IS NOT NULL THEN
        ALTER TABLE "roles" DROP CONSTRAINT IF EXISTS "roles_tenant_id_fkey";
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

-- [28] undo: add foreign key `projects_tenant_id_fkey` on `projects`
--     lock: SHARE ROW EXCLUSIVE (on `projects` and `tenants`); rewrite: no; scan: yes; from v1/projects.mig:9:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"projects"') IS NOT NULL THEN
        ALTER TABLE "projects" DROP CONSTRAINT IF EXISTS "projects_tenant_id_fkey";
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

-- [27] undo: add foreign key `memberships_tenant_id_fkey` on `memberships`
--     lock: SHARE ROW EXCLUSIVE (on `memberships` and `tenants`); rewrite: no; scan: yes; from v1/members.mig:18:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"memberships"') IS NOT NULL THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "memberships_tenant_id_fkey";
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

-- [26] undo: add foreign key `invitations_tenant_id_fkey` on `invitations`
--     lock: SHARE ROW EXCLUSIVE (on `invitations` and `tenants`); rewrite: no; scan: yes; from v1/members.mig:28:51
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations"') IS NOT NULL THEN
        ALTER TABLE "invitations" DROP CONSTRAINT IF EXISTS "invitations_tenant_id_fkey";
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

-- [25] undo: add foreign key `audit_log_tenant_id_fkey` on `audit_log`
--     lock: SHARE ROW EXCLUSIVE (on `audit_log` and `tenants`); rewrite: no; scan: yes; from v1/security.mig:20:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"audit_log"') IS NOT NULL THEN
        ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_tenant_id_fkey";
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

-- [24] undo: add foreign key `api_keys_tenant_id_fkey` on `api_keys`
--     lock: SHARE ROW EXCLUSIVE (on `api_keys` and `tenants`); rewrite: no; scan: yes; from v1/security.mig:4:48
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"api_keys"') IS NOT NULL THEN
        ALTER TABLE "api_keys" DROP CONSTRAINT IF EXISTS "api_keys_tenant_id_fkey";
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

-- [23] undo: create table `tenants`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:7:7
DROP TABLE IF EXISTS "tenants";

-- [22] undo: add foreign key `tasks_project_fkey` on `tasks`
--     lock: SHARE ROW EXCLUSIVE (on `tasks` and `projects`); rewrite: no; scan: yes; from v1/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks"') IS NOT NULL THEN
        ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_project_fkey";
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

-- [21] undo: create index `tasks_tenant_id_assignee_id_idx` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/projects.mig:39:3
DROP INDEX CONCURRENTLY IF EXISTS "tasks_tenant_id_assignee_id_idx";

-- [20] undo: create index `tasks_board` on `tasks`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/projects.mig:38:3
DROP INDEX CONCURRENTLY IF EXISTS "tasks_board";

-- [19] undo: create table `tasks`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:22:7
DROP TABLE IF EXISTS "tasks";

-- [18] undo: add foreign key `memberships_role_fkey` on `memberships`
--     lock: SHARE ROW EXCLUSIVE (on `memberships` and `roles`); rewrite: no; scan: yes; from v1/members.mig:23:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"memberships"') IS NOT NULL THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "memberships_role_fkey";
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

-- [17] undo: add foreign key `invitations_tenant_id_role_id_fkey` on `invitations`
--     lock: SHARE ROW EXCLUSIVE (on `invitations` and `roles`); rewrite: no; scan: yes; from v1/members.mig:38:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations"') IS NOT NULL THEN
        ALTER TABLE "invitations" DROP CONSTRAINT IF EXISTS "invitations_tenant_id_role_id_fkey";
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

-- [16] undo: create table `roles`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:7:7
DROP TABLE IF EXISTS "roles";

-- [15] undo: add foreign key `projects_tenant_id_owner_id_fkey` on `projects`
--     lock: SHARE ROW EXCLUSIVE (on `projects` and `memberships`); rewrite: no; scan: yes; from v1/projects.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"projects"') IS NOT NULL THEN
        ALTER TABLE "projects" DROP CONSTRAINT IF EXISTS "projects_tenant_id_owner_id_fkey";
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

-- [14] undo: create index `projects_deleted_at_idx` on `projects`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX CONCURRENTLY IF EXISTS "projects_deleted_at_idx";

-- [13] undo: create table `projects`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:8:7
DROP TABLE IF EXISTS "projects";

-- [12] undo: create index `memberships_user_id_idx` on `memberships`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/members.mig:24:3
DROP INDEX CONCURRENTLY IF EXISTS "memberships_user_id_idx";

-- [11] undo: create table `memberships`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:17:7
DROP TABLE IF EXISTS "memberships";

-- [10] undo: create unique index `invitations_open_per_email` on `invitations`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/members.mig:40:3
DROP INDEX CONCURRENTLY IF EXISTS "invitations_open_per_email";

-- [9] undo: create table `invitations`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:27:7
DROP TABLE IF EXISTS "invitations";

-- [8] undo: create index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/security.mig:30:3
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_tenant_id_target_type_target_id_idx";

-- [7] undo: create index `audit_log_tenant_id_occurred_at_idx` on `audit_log`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/security.mig:29:3
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_tenant_id_occurred_at_idx";

-- [6] undo: create table `audit_log`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:18:7
DROP TABLE IF EXISTS "audit_log";

-- [5] undo: create index `api_keys_tenant_id_idx` on `api_keys`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/security.mig:14:3
DROP INDEX CONCURRENTLY IF EXISTS "api_keys_tenant_id_idx";

-- [4] undo: create table `api_keys`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:2:7
DROP TABLE IF EXISTS "api_keys";

-- [3] undo: create enum `task_status`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:6:6
DROP TYPE IF EXISTS "task_status";

-- [2] undo: create enum `plan_tier`
--     lock: none; rewrite: no; scan: no; from v1/tenants.mig:5:6
DROP TYPE IF EXISTS "plan_tier";

-- [1] undo: create enum `invitation_state`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:4:6
DROP TYPE IF EXISTS "invitation_state";
