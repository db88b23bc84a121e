-- migc 0.1.0: switch phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [34] undo: validate foreign key `tasks_assignee_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/projects.mig:44:3
-- nothing to undo: tasks_assignee_fkey stays validated

-- [33] undo: validate check `tasks_estimate_minutes_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/projects.mig:36:37
-- nothing to undo: tasks_estimate_minutes_check stays validated

-- [32] undo: set `invitations.state__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "invitations" ALTER COLUMN "state__migc_new" DROP NOT NULL;
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

-- [31] undo: validate that `invitations.state__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/members.mig:36:3
-- nothing to undo: invitations_state__migc_new_not_null stays validated

-- [30] undo: check `invitations.state__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations"') IS NOT NULL THEN
        ALTER TABLE "invitations" DROP CONSTRAINT IF EXISTS "invitations_state__migc_new_not_null";
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

-- [29] undo: turn index `api_keys_tenant_name_key` into a unique constraint
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/security.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"api_keys"') IS NOT NULL THEN
        ALTER TABLE "api_keys" DROP CONSTRAINT IF EXISTS "api_keys_tenant_name_key";
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
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"api_keys_tenant_name_key"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "api_keys_tenant_name_key";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "api_keys_tenant_name_key" ON "api_keys" ("tenant_id", "name");
