-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [35] stop showing `invitations` to the old application in its shape (view `migc_b4f21449a28c.invitations`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."invitations";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [36] stop showing `projects` to the old application in its shape (view `migc_b4f21449a28c.projects`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."projects";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [37] stop showing `tasks` to the old application in its shape (view `migc_b4f21449a28c.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [38] stop showing `tenants` to the old application in its shape (view `migc_b4f21449a28c.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_b4f21449a28c"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_b4f21449a28c"')) THEN
    DROP SCHEMA IF EXISTS "migc_b4f21449a28c";
  END IF;
END
$migc$;

-- [39] drop the view `members` standing for table `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:19:7
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'members' AND schemaname = current_schema()) THEN
        DROP VIEW "members";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [40] drop index `invitations_open_per_email` on `invitations`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations_open_per_email__migc"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "invitations_open_per_email";
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

-- [41] rename index `invitations_open_per_email__migc` to `invitations_open_per_email`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:42:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations_open_per_email__migc"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "invitations_open_per_email";
        ALTER INDEX "invitations_open_per_email__migc" RENAME TO "invitations_open_per_email";
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

-- [42] drop column `invitations.state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state__migc_new' AND NOT attisdropped) THEN
        DROP TRIGGER IF EXISTS "migc_sync_invitations" ON "invitations";
        ALTER TABLE "invitations" DROP COLUMN IF EXISTS "state";
        ALTER TABLE "invitations" RENAME COLUMN "state__migc_new" TO "state";
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

-- [43] give enum `invitation_state__migc` the name `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"invitation_state__migc"') IS NOT NULL THEN
    DROP TYPE IF EXISTS "invitation_state";
    ALTER TYPE "invitation_state__migc" RENAME TO "invitation_state";
  END IF;
END
$migc$;

-- [44] put shadow column `state__migc_new` in place of `invitations.state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state' AND NOT attisdropped) THEN
        ALTER TABLE "invitations" RENAME COLUMN "state__migc_new" TO "state";
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

-- [45] set the default of `invitations.state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state' AND NOT attisdropped) THEN
        ALTER TABLE "invitations" ALTER COLUMN "state" SET DEFAULT 'pending';
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

-- [46] remove the dual-write trigger on `invitations`
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

-- [47] rename constraint `memberships_pkey` to `members_pkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:24:3
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_pkey') THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "members_pkey";
        ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_pkey" TO "members_pkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [48] rename constraint `memberships_tenant_id_fkey` to `members_tenant_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:20:45
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_tenant_id_fkey') THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "members_tenant_id_fkey";
        ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_tenant_id_fkey" TO "members_tenant_id_fkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [49] rename constraint `memberships_user_id_fkey` to `members_user_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:21:45
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_user_id_fkey') THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "members_user_id_fkey";
        ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_user_id_fkey" TO "members_user_id_fkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [50] rename constraint `memberships_role_fkey` to `members_role_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:25:3
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_role_fkey') THEN
        ALTER TABLE "memberships" DROP CONSTRAINT IF EXISTS "members_role_fkey";
        ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_role_fkey" TO "members_role_fkey";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [51] rename index `memberships_user_id_idx` to `members_user_id_idx`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:26:3
DO $migc_guard$
BEGIN
  IF to_regclass('"memberships"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"memberships_user_id_idx"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "members_user_id_idx";
        ALTER INDEX "memberships_user_id_idx" RENAME TO "members_user_id_idx";
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
$migc$
$migc_unit$;
  END IF;
END
$migc_guard$;

-- [52] rename table `memberships` to `members`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:19:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"memberships"') IS NOT NULL AND to_regclass('"members"') IS NULL THEN
        ALTER TABLE "memberships" RENAME TO "members";
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

-- [53] drop check `tasks_estimate_hours_check` on `tasks`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"tasks"') IS NOT NULL THEN
        ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_estimate_hours_check";
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

-- [54] remove the dual-write trigger on `tasks`
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

-- [55] drop column `tenants.billing_email`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/tenants.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tenants" DROP COLUMN IF EXISTS "billing_email";
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

-- [56] drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "open_tasks";

-- [57] drop column `tasks.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "body";
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

-- [58] drop column `tasks.estimate_hours`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" DROP COLUMN IF EXISTS "estimate_hours";
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

-- [59] recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/projects.mig:49:6
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;

-- [60] stop showing `invitations` to the new application in its shape (view `migc_6b981af45e06.invitations`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."invitations";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [61] stop showing `projects` to the new application in its shape (view `migc_6b981af45e06.projects`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."projects";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [62] stop showing `tasks` to the new application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tasks";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;

-- [63] stop showing `tenants` to the new application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_6b981af45e06"."tenants";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_6b981af45e06"')) THEN
    DROP SCHEMA IF EXISTS "migc_6b981af45e06";
  END IF;
END
$migc$;
