-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [23] check `audit_log.target` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:28:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_target_not_null') THEN
        ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_target_not_null" CHECK ("target" IS NOT NULL) NOT VALID;
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

-- [24] validate that `audit_log.target` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/security.mig:28:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_target_not_null' AND NOT convalidated) THEN
    ALTER TABLE "audit_log" VALIDATE CONSTRAINT "audit_log_target_not_null";
  END IF;
END
$migc$;

-- [25] set `audit_log.target` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:28:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ALTER COLUMN "target" SET NOT NULL;
      ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_target_not_null";
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

-- [26] check `audit_log.payload__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_payload__migc_new_not_null') THEN
        ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_payload__migc_new_not_null" CHECK ("payload__migc_new" IS NOT NULL) NOT VALID;
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

-- [27] validate that `audit_log.payload__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/security.mig:32:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"audit_log"') AND conname = 'audit_log_payload__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "audit_log" VALIDATE CONSTRAINT "audit_log_payload__migc_new_not_null";
  END IF;
END
$migc$;

-- [28] set `audit_log.payload__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/security.mig:32:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "audit_log" ALTER COLUMN "payload__migc_new" SET NOT NULL;
      ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_payload__migc_new_not_null";
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

-- [29] check `tasks.status__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_status__migc_new_not_null') THEN
        ALTER TABLE "tasks" ADD CONSTRAINT "tasks_status__migc_new_not_null" CHECK ("status__migc_new" IS NOT NULL) NOT VALID;
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

-- [30] validate that `tasks.status__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/projects.mig:36:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_status__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_status__migc_new_not_null";
  END IF;
END
$migc$;

-- [31] set `tasks.status__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/projects.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ALTER COLUMN "status__migc_new" SET NOT NULL;
      ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_status__migc_new_not_null";
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
