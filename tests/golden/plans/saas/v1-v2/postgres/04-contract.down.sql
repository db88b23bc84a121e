-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [63] undo: stop showing `tenants` to the new application in its shape (view `migc_6b981af45e06.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tenants"'), to_regclass('"tenants"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'slug', 'slug'), (3, 'name', 'name'), (4, 'plan', 'plan'), (5, 'seat_limit', 'seat_limit'), (6, 'region', 'region'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at'), (9, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."tenants"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"tenants"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."tenants"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [62] undo: stop showing `tasks` to the new application in its shape (view `migc_6b981af45e06.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tasks"'), to_regclass('"tasks"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'project_id', 'project_id'), (4, 'number', 'number'), (5, 'title', 'title'), (6, 'description', 'description'), (7, 'status', 'status'), (8, 'priority', 'priority'), (9, 'assignee_id', 'assignee_id'), (10, 'estimate_minutes', 'estimate_minutes'), (11, 'due_date', 'due_date'), (12, 'created_at', 'created_at'), (13, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."tasks"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"tasks"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."tasks"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [61] undo: stop showing `projects` to the new application in its shape (view `migc_6b981af45e06.projects`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"projects"'), to_regclass('"projects"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'key', 'key'), (4, 'name', 'name'), (5, 'description', 'description'), (6, 'owner_id', 'owner_id'), (7, 'visibility', 'visibility'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at'), (10, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."projects"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"projects"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."projects"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [60] undo: stop showing `invitations` to the new application in its shape (view `migc_6b981af45e06.invitations`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"invitations"'), to_regclass('"invitations"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'email', 'email'), (4, 'role_id', 'role_id'), (5, 'invited_by', 'invited_by'), (6, 'token_hash', 'token_hash'), (7, 'state__migc_new', 'state'), (8, 'expires_at', 'expires_at'), (9, 'created_at', 'created_at'), (10, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_6b981af45e06"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_6b981af45e06"."invitations"', cols, rel);
  ALTER TABLE "migc_6b981af45e06"."invitations" ALTER COLUMN "state" SET DEFAULT 'pending';
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"invitations"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_6b981af45e06"."invitations"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_6b981af45e06"');
END
$migc$;

-- [59] undo: recreate view `open_tasks`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS "open_tasks";

-- [58] undo: drop column `tasks.estimate_hours`
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

-- [57] undo: drop column `tasks.body`
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

-- [56] undo: drop view `open_tasks` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;

-- [55] undo: drop column `tenants.billing_email`
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

-- [54] undo: remove the dual-write trigger on `tasks`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/projects.mig:25:7
CREATE OR REPLACE FUNCTION "migc_sync_tasks"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."description" IS DISTINCT FROM OLD."description" OR NEW."estimate_minutes" IS DISTINCT FROM OLD."estimate_minutes" THEN
      NEW."body" := NEW."description";
      NEW."estimate_hours" := NEW."estimate_minutes" / 60.0;
    END IF;
  ELSIF coalesce('migc_b4f21449a28c' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."estimate_hours" IS DISTINCT FROM OLD."estimate_hours" OR (NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL) THEN
      NEW."description" := NEW."body";
      NEW."estimate_minutes" := round(NEW."estimate_hours" * 60);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [53] undo: drop check `tasks_estimate_hours_check` on `tasks`
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

-- [52] undo: rename table `memberships` to `members`
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

-- [51] undo: rename index `memberships_user_id_idx` to `members_user_id_idx`
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

-- [50] undo: rename constraint `memberships_role_fkey` to `members_role_fkey` on `memberships`
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

-- [49] undo: rename constraint `memberships_user_id_fkey` to `members_user_id_fkey` on `memberships`
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

-- [48] undo: rename constraint `memberships_tenant_id_fkey` to `members_tenant_id_fkey` on `memberships`
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

-- [47] undo: rename constraint `memberships_pkey` to `members_pkey` on `memberships`
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

-- [46] undo: remove the dual-write trigger on `invitations`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:29:7
CREATE OR REPLACE FUNCTION "migc_sync_invitations"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_6b981af45e06' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."state__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."state__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "state" of relation "invitations" violates not-null constraint', COLUMN = 'state', TABLE = 'invitations';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."state__migc_new" IS DISTINCT FROM OLD."state__migc_new" THEN
      NEW."state" := CAST(CASE CAST(NEW."state__migc_new" AS TEXT) WHEN 'revoked' THEN 'cancelled' ELSE CAST(NEW."state__migc_new" AS TEXT) END AS invitation_state);
    END IF;
  ELSIF coalesce('migc_b4f21449a28c' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' THEN
      NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."state" IS DISTINCT FROM OLD."state" OR NEW."state__migc_new" IS NULL THEN
      NEW."state__migc_new" := CAST(CASE CAST(NEW."state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW."state" AS TEXT) END AS invitation_state__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
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

-- [45] undo: set the default of `invitations.state`
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

-- [44] undo: put shadow column `state__migc_new` in place of `invitations.state`
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

-- [43] undo: give enum `invitation_state__migc` the name `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"invitation_state__migc"') IS NULL AND to_regtype('"invitation_state"') IS NOT NULL THEN
    ALTER TYPE "invitation_state" RENAME TO "invitation_state__migc";
    CREATE TYPE "invitation_state" AS ENUM ('pending', 'accepted', 'expired', 'cancelled');
  END IF;
END
$migc$;

-- [42] undo: drop column `invitations.state`
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

-- [41] undo: rename index `invitations_open_per_email__migc` to `invitations_open_per_email`
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

-- [40] undo: drop index `invitations_open_per_email` on `invitations`
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

-- [39] undo: drop the view `members` standing for table `memberships`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/members.mig:19:7
CREATE OR REPLACE VIEW "members" AS SELECT * FROM "memberships";

-- [38] undo: stop showing `tenants` to the old application in its shape (view `migc_b4f21449a28c.tenants`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tenants"'), to_regclass('"tenants"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'slug', 'slug'), (3, 'name', 'name'), (4, 'plan', 'plan'), (5, 'seat_limit', 'seat_limit'), (6, 'billing_email', 'billing_email'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at'), (9, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_b4f21449a28c"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_b4f21449a28c"."tenants"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"tenants"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."tenants"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [37] undo: stop showing `tasks` to the old application in its shape (view `migc_b4f21449a28c.tasks`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"tasks"'), to_regclass('"tasks"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'project_id', 'project_id'), (4, 'number', 'number'), (5, 'title', 'title'), (6, 'body', 'body'), (7, 'status', 'status'), (8, 'priority', 'priority'), (9, 'assignee_id', 'assignee_id'), (10, 'estimate_hours', 'estimate_hours'), (11, 'due_date', 'due_date'), (12, 'created_at', 'created_at'), (13, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_b4f21449a28c"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_b4f21449a28c"."tasks"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"tasks"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."tasks"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [36] undo: stop showing `projects` to the old application in its shape (view `migc_b4f21449a28c.projects`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"projects"'), to_regclass('"projects"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'key', 'key'), (4, 'name', 'name'), (5, 'description', 'description'), (6, 'owner_id', 'owner_id'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at'), (9, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_b4f21449a28c"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_b4f21449a28c"."projects"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"projects"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."projects"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;

-- [35] undo: stop showing `invitations` to the old application in its shape (view `migc_b4f21449a28c.invitations`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"invitations"'), to_regclass('"invitations"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'tenant_id', 'tenant_id'), (2, 'id', 'id'), (3, 'email', 'email'), (4, 'role_id', 'role_id'), (5, 'invited_by', 'invited_by'), (6, 'token_hash', 'token_hash'), (7, 'state', 'state'), (8, 'expires_at', 'expires_at'), (9, 'created_at', 'created_at'), (10, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_b4f21449a28c"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_b4f21449a28c"."invitations"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"invitations"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_b4f21449a28c"."invitations"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_b4f21449a28c"');
END
$migc$;
