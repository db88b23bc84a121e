-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [18] rename value `cancelled` of enum `invitation_state` to `revoked`
--     lock: none; rewrite: no; scan: no; from examples/saas/v2/members.mig:5:53
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype('invitation_state') AND enumlabel = 'cancelled') THEN
    ALTER TYPE invitation_state RENAME VALUE 'cancelled' TO 'revoked';
  END IF;
END
$migc$;

-- [19] drop the view `members` standing for table `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:19:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'members' AND schemaname = current_schema()) THEN
        DROP VIEW members;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [20] rename constraint `memberships_pkey` to `members_pkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:24:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'memberships_pkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'members_pkey') THEN
        ALTER TABLE memberships RENAME CONSTRAINT memberships_pkey TO members_pkey;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [21] rename constraint `memberships_tenant_id_fkey` to `members_tenant_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:20:45
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'memberships_tenant_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'members_tenant_id_fkey') THEN
        ALTER TABLE memberships RENAME CONSTRAINT memberships_tenant_id_fkey TO members_tenant_id_fkey;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [22] rename constraint `memberships_user_id_fkey` to `members_user_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:21:45
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'memberships_user_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'members_user_id_fkey') THEN
        ALTER TABLE memberships RENAME CONSTRAINT memberships_user_id_fkey TO members_user_id_fkey;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [23] rename constraint `memberships_role_fkey` to `members_role_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:25:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'memberships_role_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('memberships') AND conname = 'members_role_fkey') THEN
        ALTER TABLE memberships RENAME CONSTRAINT memberships_role_fkey TO members_role_fkey;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [24] rename table `memberships` to `members`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:19:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF to_regclass('memberships') IS NOT NULL AND to_regclass('members') IS NULL THEN
        ALTER TABLE memberships RENAME TO members;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [25] rename index `memberships_user_id_idx` to `members_user_id_idx`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/members.mig:26:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF to_regclass('memberships_user_id_idx') IS NOT NULL AND to_regclass('members_user_id_idx') IS NULL THEN
        ALTER INDEX memberships_user_id_idx RENAME TO members_user_id_idx;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [26] drop check `tasks_estimate_hours_check` on `tasks`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF to_regclass('tasks') IS NOT NULL THEN
        ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_estimate_hours_check;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [27] remove the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/projects.mig:25:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_tasks ON tasks;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS migc_sync_tasks();

-- [28] drop column `tenants.billing_email`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/saas/v2/tenants.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE tenants DROP COLUMN IF EXISTS billing_email;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [29] drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS open_tasks;

-- [30] drop column `tasks.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE tasks DROP COLUMN IF EXISTS body;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [31] drop column `tasks.estimate_hours`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE tasks DROP COLUMN IF EXISTS estimate_hours;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [32] recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from examples/saas/v2/projects.mig:49:6
CREATE OR REPLACE VIEW open_tasks AS SELECT t.tenant_id, t.id, p.key, t.number, t.title, t.status, t.assignee_id, t.due_date FROM tasks t JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id WHERE t.status IN ('todo', 'in_progress', 'blocked') AND p.deleted_at IS NULL;
