-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [29] turn index `api_keys_tenant_name_key` into a unique constraint
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/security.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"api_keys"') AND conname = 'api_keys_tenant_name_key') THEN
        ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_name_key" UNIQUE USING INDEX "api_keys_tenant_name_key";
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

-- [30] check `invitations.state__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"invitations"') AND conname = 'invitations_state__migc_new_not_null') THEN
        ALTER TABLE "invitations" ADD CONSTRAINT "invitations_state__migc_new_not_null" CHECK ("state__migc_new" IS NOT NULL) NOT VALID;
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

-- [31] validate that `invitations.state__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/members.mig:36:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"invitations"') AND conname = 'invitations_state__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "invitations" VALIDATE CONSTRAINT "invitations_state__migc_new_not_null";
  END IF;
END
$migc$;

-- [32] set `invitations.state__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "invitations" ALTER COLUMN "state__migc_new" SET NOT NULL;
      ALTER TABLE "invitations" DROP CONSTRAINT IF EXISTS "invitations_state__migc_new_not_null";
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

-- [33] validate check `tasks_estimate_minutes_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/projects.mig:36:37
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_estimate_minutes_check' AND NOT convalidated) THEN
    ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_estimate_minutes_check";
  END IF;
END
$migc$;

-- [34] validate foreign key `tasks_assignee_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/projects.mig:44:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_assignee_fkey' AND NOT convalidated) THEN
    ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_assignee_fkey";
  END IF;
END
$migc$;
