-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [71] undo: stop showing `users` to the new application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"users"'), to_regclass('"users"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'email', 'email'), (3, 'first_name', 'first_name'), (4, 'last_name', 'last_name'), (5, 'phone', 'phone'), (6, 'password_hash', 'password_hash'), (7, 'is_admin', 'is_admin'), (8, 'marketing_opt_in', 'marketing_opt_in'), (9, 'created_at', 'created_at'), (10, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."users"', cols, rel);
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
    WHERE c.oid = to_regclass('"users"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;

-- [70] undo: stop showing `payments` to the new application in its shape (view `migc_073fbcdad024.payments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"payments"'), to_regclass('"payments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'order_id', 'order_id'), (3, 'method', 'method'), (4, 'amount_cents', 'amount_cents'), (5, 'currency', 'currency'), (6, 'provider_ref', 'provider_ref'), (7, 'paid_at', 'paid_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."payments"', cols, rel);
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
    WHERE c.oid = to_regclass('"payments"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."payments"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;

-- [69] undo: stop showing `orders` to the new application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status__migc_new', 'status'), (5, 'total', 'total'), (6, 'notes', 'notes'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."orders"', cols, rel);
  ALTER TABLE "migc_073fbcdad024"."orders" ALTER COLUMN "status" SET DEFAULT 'pending';
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
    WHERE c.oid = to_regclass('"orders"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;

-- [68] undo: recreate view `order_totals`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/orders.mig:47:6
DROP VIEW IF EXISTS "order_totals";

-- [67] undo: remove the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:9:7
CREATE OR REPLACE FUNCTION "migc_sync_orders"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."status__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."status__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "status" of relation "orders" violates not-null constraint', COLUMN = 'status', TABLE = 'orders';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status__migc_new" IS DISTINCT FROM OLD."status__migc_new" THEN
      NEW."status" := CAST(CASE CAST(NEW."status__migc_new" AS TEXT) WHEN 'paid' THEN 'completed' ELSE CAST(NEW."status__migc_new" AS TEXT) END AS order_status);
    END IF;
  ELSIF coalesce('migc_08b7c3145ba3' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' THEN
      NULL;
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."status__migc_new" IS NULL THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST(NEW."status" AS TEXT) END AS order_status__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    -- shadow columns of type changes follow the deployed columns
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST(NEW."status" AS TEXT) END AS order_status__migc);
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
      DROP TRIGGER IF EXISTS "migc_sync_orders" ON "orders";
      CREATE TRIGGER "migc_sync_orders" BEFORE INSERT OR UPDATE ON "orders" FOR EACH ROW EXECUTE FUNCTION "migc_sync_orders"();
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

-- [66] undo: set the default of `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status' AND NOT attisdropped) THEN
        ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [65] undo: put shadow column `status__migc_new` in place of `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "orders" RENAME COLUMN "status" TO "status__migc_new";
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

-- [64] undo: give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"order_status__migc"') IS NULL AND to_regtype('"order_status"') IS NOT NULL THEN
    ALTER TYPE "order_status" RENAME TO "order_status__migc";
    CREATE TYPE "order_status" AS ENUM ('pending', 'completed', 'shipped', 'cancelled', 'refunded');
  END IF;
END
$migc$;

-- [63] undo: drop column `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "status" "order_status";
      ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [62] undo: drop view `order_totals` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [61] undo: recreate view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/users.mig:47:6
DROP VIEW IF EXISTS "customer_directory";

-- [60] undo: drop column `users.nickname`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "nickname" text;
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

-- [59] undo: drop column `users.full_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:10:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "full_name" text;
      COMMENT ON COLUMN "users"."full_name" IS 'as typed at sign-up';
      UPDATE "users" SET "full_name" = "first_name" || ' ' || "last_name" WHERE "full_name" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "users" WHERE "full_name" IS NULL) THEN
        ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;
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

-- [58] undo: drop view `customer_directory` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";

-- [57] undo: remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:4:7
CREATE OR REPLACE FUNCTION "migc_sync_users"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."first_name" IS NULL AND (TG_OP = 'INSERT' OR OLD."first_name" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "first_name" of relation "users" violates not-null constraint', COLUMN = 'first_name', TABLE = 'users';
    END IF;
    IF NEW."last_name" IS NULL AND (TG_OP = 'INSERT' OR OLD."last_name" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "last_name" of relation "users" violates not-null constraint', COLUMN = 'last_name', TABLE = 'users';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."first_name" IS DISTINCT FROM OLD."first_name" OR NEW."last_name" IS DISTINCT FROM OLD."last_name" THEN
      NEW."full_name" := NEW."first_name" || ' ' || NEW."last_name";
    END IF;
  ELSIF coalesce('migc_08b7c3145ba3' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."full_name" IS DISTINCT FROM OLD."full_name" OR (NEW."first_name" IS NULL AND NEW."last_name" IS NULL) THEN
      NEW."first_name" := split_part(NEW."full_name", ' ', 1);
      NEW."last_name" := split_part(NEW."full_name", ' ', 2);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."first_name" IS NULL AND NEW."last_name" IS NULL THEN
        -- written by the old application
        NEW."first_name" := split_part(NEW."full_name", ' ', 1);
        NEW."last_name" := split_part(NEW."full_name", ' ', 2);
      ELSE
        -- written by the new application
        NEW."full_name" := NEW."first_name" || ' ' || NEW."last_name";
      END IF;
    ELSIF (NEW."full_name" IS DISTINCT FROM OLD."full_name" OR NEW."first_name" IS NULL AND NEW."last_name" IS NULL) AND NOT (NEW."first_name" IS DISTINCT FROM OLD."first_name" OR NEW."last_name" IS DISTINCT FROM OLD."last_name") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."first_name" := split_part(NEW."full_name", ' ', 1);
      NEW."last_name" := split_part(NEW."full_name", ' ', 2);
    ELSIF (NEW."first_name" IS DISTINCT FROM OLD."first_name" OR NEW."last_name" IS DISTINCT FROM OLD."last_name") AND NOT (NEW."full_name" IS DISTINCT FROM OLD."full_name") THEN
      -- updated by the new application
      NEW."full_name" := NEW."first_name" || ' ' || NEW."last_name";
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
      DROP TRIGGER IF EXISTS "migc_sync_users" ON "users";
      CREATE TRIGGER "migc_sync_users" BEFORE INSERT OR UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "migc_sync_users"();
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

-- [56] undo: let `users.full_name` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_full_name_not_null') THEN
        ALTER TABLE "users" ADD CONSTRAINT "users_full_name_not_null" CHECK ("full_name" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "users" WHERE "full_name" IS NULL) THEN
        ALTER TABLE "users" VALIDATE CONSTRAINT "users_full_name_not_null";
        ALTER TABLE "users" ALTER COLUMN "full_name" SET NOT NULL;
        ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_full_name_not_null";
      ELSE
        ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_full_name_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'users', 'full_name';
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

-- [55] undo: drop column `payments.amount`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" ADD COLUMN IF NOT EXISTS "amount" numeric(12,2);
      UPDATE "payments" SET "amount" = "amount_cents" / 100.0 WHERE "amount" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "payments" WHERE "amount" IS NULL) THEN
        ALTER TABLE "payments" ALTER COLUMN "amount" SET NOT NULL;
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

-- [54] undo: remove the dual-write trigger on `payments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:33:7
CREATE OR REPLACE FUNCTION "migc_sync_payments"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."amount_cents" IS NULL AND (TG_OP = 'INSERT' OR OLD."amount_cents" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "amount_cents" of relation "payments" violates not-null constraint', COLUMN = 'amount_cents', TABLE = 'payments';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."amount_cents" IS DISTINCT FROM OLD."amount_cents" THEN
      NEW."amount" := NEW."amount_cents" / 100.0;
    END IF;
  ELSIF coalesce('migc_08b7c3145ba3' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."amount" IS DISTINCT FROM OLD."amount" OR (NEW."amount_cents" IS NULL) THEN
      NEW."amount_cents" := round(NEW."amount" * 100);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."amount_cents" IS NULL THEN
        -- written by the old application
        NEW."amount_cents" := round(NEW."amount" * 100);
      ELSE
        -- written by the new application
        NEW."amount" := NEW."amount_cents" / 100.0;
      END IF;
    ELSIF (NEW."amount" IS DISTINCT FROM OLD."amount" OR NEW."amount_cents" IS NULL) AND NOT (NEW."amount_cents" IS DISTINCT FROM OLD."amount_cents") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."amount_cents" := round(NEW."amount" * 100);
    ELSIF (NEW."amount_cents" IS DISTINCT FROM OLD."amount_cents") AND NOT (NEW."amount" IS DISTINCT FROM OLD."amount") THEN
      -- updated by the new application
      NEW."amount" := NEW."amount_cents" / 100.0;
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
      DROP TRIGGER IF EXISTS "migc_sync_payments" ON "payments";
      CREATE TRIGGER "migc_sync_payments" BEFORE INSERT OR UPDATE ON "payments" FOR EACH ROW EXECUTE FUNCTION "migc_sync_payments"();
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

-- [53] undo: let `payments.amount` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_not_null') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_not_null" CHECK ("amount" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "payments" WHERE "amount" IS NULL) THEN
        ALTER TABLE "payments" VALIDATE CONSTRAINT "payments_amount_not_null";
        ALTER TABLE "payments" ALTER COLUMN "amount" SET NOT NULL;
        ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_amount_not_null";
      ELSE
        ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_amount_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'payments', 'amount';
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

-- [52] undo: drop check `payments_amount_check` on `payments`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_check') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK ("amount" > 0) NOT VALID;
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
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_check' AND NOT convalidated) THEN
    ALTER TABLE "payments" VALIDATE CONSTRAINT "payments_amount_check";
  END IF;
END
$migc$;

-- [51] undo: rename index `orders_pending__migc` to `orders_pending`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:20:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders_pending"') IS NOT NULL AND to_regclass('"orders_pending__migc"') IS NULL THEN
        ALTER INDEX "orders_pending" RENAME TO "orders_pending__migc";
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

-- [50] undo: drop index `orders_pending` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"orders_pending"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "orders_pending";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';

-- [49] undo: drop table `legacy_sessions`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:45:12
CREATE TABLE IF NOT EXISTS "legacy_sessions" (
  "token" varchar(64) NOT NULL,
  "user_id" bigint NOT NULL,
  "ip_address" text,
  "expires_at" timestamptz NOT NULL,
  CONSTRAINT "legacy_sessions_pkey" PRIMARY KEY ("token")
);
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"legacy_sessions_user_id_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "legacy_sessions_user_id_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "legacy_sessions_user_id_idx" ON "legacy_sessions" ("user_id");
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"legacy_sessions_expires_at_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "legacy_sessions_expires_at_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "legacy_sessions_expires_at_idx" ON "legacy_sessions" ("expires_at");
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"legacy_sessions"') AND conname = 'legacy_sessions_user_id_fkey') THEN
        ALTER TABLE "legacy_sessions" ADD CONSTRAINT "legacy_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
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

-- [48] undo: stop showing `users` to the old application in its shape (view `migc_08b7c3145ba3.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"users"'), to_regclass('"users"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'email', 'email'), (3, 'full_name', 'full_name'), (4, 'nickname', 'nickname'), (5, 'phone', 'phone'), (6, 'password_hash', 'password_hash'), (7, 'is_admin', 'is_admin'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_08b7c3145ba3"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_08b7c3145ba3"."users"', cols, rel);
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
    WHERE c.oid = to_regclass('"users"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_08b7c3145ba3"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_08b7c3145ba3"');
END
$migc$;

-- [47] undo: stop showing `payments` to the old application in its shape (view `migc_08b7c3145ba3.payments`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"payments"'), to_regclass('"payments"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'order_id', 'order_id'), (3, 'method', 'method'), (4, 'amount', 'amount'), (5, 'provider_ref', 'provider_ref'), (6, 'paid_at', 'paid_at'), (7, 'created_at', 'created_at'), (8, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_08b7c3145ba3"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_08b7c3145ba3"."payments"', cols, rel);
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
    WHERE c.oid = to_regclass('"payments"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_08b7c3145ba3"."payments"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_08b7c3145ba3"');
END
$migc$;

-- [46] undo: stop showing `orders` to the old application in its shape (view `migc_08b7c3145ba3.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status', 'status'), (5, 'total', 'total'), (6, 'notes', 'notes'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_08b7c3145ba3"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_08b7c3145ba3"."orders"', cols, rel);
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
    WHERE c.oid = to_regclass('"orders"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_08b7c3145ba3"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_08b7c3145ba3"');
END
$migc$;
