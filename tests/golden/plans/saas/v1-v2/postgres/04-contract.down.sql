-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [47] undo: recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS "open_tasks";

-- [46] undo: drop column `tasks.estimate_hours`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "estimate_hours" numeric(5,1);
      UPDATE "tasks" SET "estimate_hours" = "estimate_minutes" / 60.0 WHERE "estimate_hours" IS NULL;
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

-- [45] undo: drop column `tasks.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "body" text;
      UPDATE "tasks" SET "body" = "description" WHERE "body" IS NULL;
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
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;

-- [43] undo: drop column `tenants.billing_email`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/tenants.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "tenants" ADD COLUMN IF NOT EXISTS "billing_email" text;
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

-- [42] undo: remove the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:25:7
CREATE OR REPLACE FUNCTION "migc_sync_tasks"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL THEN
      -- written by the old application
      NEW."description" := NEW."body";
      NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
    ELSE
      -- written by the new application
      NEW."body" := NEW."description";
      NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
    END IF;
  ELSIF (NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours" OR NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL) AND NOT (NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes") THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NEW."description" := NEW."body";
    NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
  ELSIF (NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes") AND NOT (NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours") THEN
    -- updated by the new application
    NEW."body" := NEW."description";
    NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
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

-- [41] undo: drop check `tasks_estimate_hours_check` on `tasks`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_estimate_hours_check') THEN
        ALTER TABLE "tasks" ADD CONSTRAINT "tasks_estimate_hours_check" CHECK ("estimate_hours" >= 0) NOT VALID;
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
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"tasks"') AND conname = 'tasks_estimate_hours_check' AND NOT convalidated) THEN
    ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_estimate_hours_check";
  END IF;
END
$migc$;

-- [40] undo: rename table `memberships` to `members`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:19:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"members"') IS NOT NULL AND to_regclass('"memberships"') IS NULL THEN
        ALTER TABLE "members" RENAME TO "memberships";
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

-- [39] undo: rename index `memberships_user_id_idx` to `members_user_id_idx`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:26:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"members_user_id_idx"') IS NOT NULL AND to_regclass('"memberships_user_id_idx"') IS NULL THEN
        ALTER INDEX "members_user_id_idx" RENAME TO "memberships_user_id_idx";
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

-- [38] undo: rename constraint `memberships_role_fkey` to `members_role_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:25:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'members_role_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_role_fkey') THEN
        ALTER TABLE "memberships" RENAME CONSTRAINT "members_role_fkey" TO "memberships_role_fkey";
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

-- [37] undo: rename constraint `memberships_user_id_fkey` to `members_user_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:21:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'members_user_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_user_id_fkey') THEN
        ALTER TABLE "memberships" RENAME CONSTRAINT "members_user_id_fkey" TO "memberships_user_id_fkey";
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

-- [36] undo: rename constraint `memberships_tenant_id_fkey` to `members_tenant_id_fkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:20:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'members_tenant_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_tenant_id_fkey') THEN
        ALTER TABLE "memberships" RENAME CONSTRAINT "members_tenant_id_fkey" TO "memberships_tenant_id_fkey";
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

-- [35] undo: rename constraint `memberships_pkey` to `members_pkey` on `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:24:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'members_pkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"memberships"') AND conname = 'memberships_pkey') THEN
        ALTER TABLE "memberships" RENAME CONSTRAINT "members_pkey" TO "memberships_pkey";
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

-- [34] undo: remove the dual-write trigger on `invitations`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:29:7
CREATE OR REPLACE FUNCTION "migc_sync_invitations"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- shadow columns of type changes follow the deployed columns
  IF TG_OP = 'INSERT' OR NEW."state" IS DISTINCT FROM OLD."state" THEN
    NEW."state__migc_new" := CAST(CASE CAST(NEW."state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW."state" AS TEXT) END AS invitation_state__migc);
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF true THEN
      -- written by the old application
      NULL;
    ELSE
      -- written by the new application
      NULL;
    END IF;
  ELSIF (false OR true) AND NOT (false) THEN
    -- updated by the old application (or a row the backfill has not reached yet)
    NULL;
  ELSIF (false) AND NOT (false) THEN
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
      DROP TRIGGER IF EXISTS "migc_sync_invitations" ON "invitations";
      CREATE TRIGGER "migc_sync_invitations" BEFORE INSERT OR UPDATE ON "invitations" FOR EACH ROW EXECUTE FUNCTION "migc_sync_invitations"();
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

-- [33] undo: set the default of `invitations.state`
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

-- [32] undo: put shadow column `state__migc_new` in place of `invitations.state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"invitations"') AND attname = 'state__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "invitations" RENAME COLUMN "state" TO "state__migc_new";
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

-- [31] undo: give enum `invitation_state__migc` the name `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"invitation_state__migc"') IS NULL AND to_regtype('"invitation_state"') IS NOT NULL THEN
    ALTER TYPE "invitation_state" RENAME TO "invitation_state__migc";
    CREATE TYPE "invitation_state" AS ENUM ('pending', 'accepted', 'expired', 'cancelled');
  END IF;
END
$migc$;

-- [30] undo: drop column `invitations.state`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "invitations" ADD COLUMN IF NOT EXISTS "state" "invitation_state";
      ALTER TABLE "invitations" ALTER COLUMN "state" SET DEFAULT 'pending';
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

-- [29] undo: rename index `invitations_open_per_email__migc` to `invitations_open_per_email`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:42:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"invitations_open_per_email"') IS NOT NULL AND to_regclass('"invitations_open_per_email__migc"') IS NULL THEN
        ALTER INDEX "invitations_open_per_email" RENAME TO "invitations_open_per_email__migc";
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

-- [28] undo: drop index `invitations_open_per_email` on `invitations`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"invitations_open_per_email"') AND NOT indisvalid) THEN
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "invitations_open_per_email" ON "invitations" ("tenant_id", (lower("email"))) WHERE "state" = 'pending';

-- [27] undo: drop the view `members` standing for table `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:19:7
CREATE OR REPLACE VIEW "members" AS SELECT * FROM "memberships";
