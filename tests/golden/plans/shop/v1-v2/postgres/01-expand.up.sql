-- migc 0.1.0: expand phase (up) for postgres
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [1] add value `paid` to enum `order_status` (renamed from `completed`)
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:30
ALTER TYPE "order_status" ADD VALUE IF NOT EXISTS 'paid' AFTER 'pending';

-- [2] add value `delivered` to enum `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:68
ALTER TYPE "order_status" ADD VALUE IF NOT EXISTS 'delivered' AFTER 'shipped';

-- [3] create enum `order_status__migc`, the new shape of `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"order_status__migc"') IS NULL THEN
    CREATE TYPE "order_status__migc" AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded');
  END IF;
END
$migc$;

-- [4] widen `order_items.unit_price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:28:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DECLARE
        dependent_views text[];
        dependent_options text[];
        dependent_defs text[];
      BEGIN
        WITH RECURSIVE deps(oid, depth) AS (
          SELECT r.ev_class, 1
          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
          WHERE d.refobjid = to_regclass('"order_items"') AND r.ev_class <> d.refobjid
          UNION ALL
          SELECT r.ev_class, deps.depth + 1
          FROM deps JOIN pg_depend d ON d.refobjid = deps.oid JOIN pg_rewrite r ON r.oid = d.objid
          WHERE r.ev_class <> deps.oid AND deps.depth < 32
        ), ranked AS (
          SELECT oid, max(depth) AS depth FROM deps GROUP BY oid
        )
        SELECT array_agg(oid::regclass::text ORDER BY depth DESC, oid),
               array_agg(coalesce((SELECT format(' WITH (%s)', array_to_string(c.reloptions, ', ')) FROM pg_class c WHERE c.oid = ranked.oid AND c.reloptions IS NOT NULL), '') ORDER BY depth DESC, oid),
               array_agg(pg_get_viewdef(oid) ORDER BY depth DESC, oid)
        INTO dependent_views, dependent_options, dependent_defs FROM ranked;
        FOR i IN 1 .. coalesce(array_length(dependent_views, 1), 0) LOOP
          EXECUTE format('DROP VIEW %s', dependent_views[i]);
        END LOOP;
        ALTER TABLE "order_items" ALTER COLUMN "unit_price" TYPE numeric(12,2);
        FOR i IN REVERSE coalesce(array_length(dependent_views, 1), 0) .. 1 LOOP
          EXECUTE format('CREATE VIEW %s%s AS %s', dependent_views[i], dependent_options[i], dependent_defs[i]);
        END LOOP;
      END;
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

-- [5] add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "status__migc_new" "order_status__migc";
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

-- [6] create index `orders_pending__migc` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:20:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"orders_pending__migc"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "orders_pending__migc";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_pending__migc" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';

-- [7] install the dual-write trigger on `orders`
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

-- [8] add column `payments.amount_cents` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" ADD COLUMN IF NOT EXISTS "amount_cents" bigint;
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

-- [9] add column `payments.currency`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:39:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" ADD COLUMN IF NOT EXISTS "currency" varchar(3) DEFAULT 'EUR' NOT NULL;
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

-- [10] create unique index `payments_provider_ref_key` on `payments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:41:36
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"payments_provider_ref_key"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "payments_provider_ref_key";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "payments_provider_ref_key" ON "payments" ("provider_ref");

-- [11] add check `payments_amount_cents_check` on `payments` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:40
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_cents_check') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_cents_check" CHECK ("amount_cents" > 0) NOT VALID;
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

-- [12] add check `payments_currency_check` on `payments` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:39:54
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_currency_check') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_currency_check" CHECK (length("currency") = 3) NOT VALID;
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

-- [13] install the dual-write trigger on `payments`
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

-- [14] widen `products.price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/catalog.mig:20:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DECLARE
        dependent_views text[];
        dependent_options text[];
        dependent_defs text[];
      BEGIN
        WITH RECURSIVE deps(oid, depth) AS (
          SELECT r.ev_class, 1
          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
          WHERE d.refobjid = to_regclass('"products"') AND r.ev_class <> d.refobjid
          UNION ALL
          SELECT r.ev_class, deps.depth + 1
          FROM deps JOIN pg_depend d ON d.refobjid = deps.oid JOIN pg_rewrite r ON r.oid = d.objid
          WHERE r.ev_class <> deps.oid AND deps.depth < 32
        ), ranked AS (
          SELECT oid, max(depth) AS depth FROM deps GROUP BY oid
        )
        SELECT array_agg(oid::regclass::text ORDER BY depth DESC, oid),
               array_agg(coalesce((SELECT format(' WITH (%s)', array_to_string(c.reloptions, ', ')) FROM pg_class c WHERE c.oid = ranked.oid AND c.reloptions IS NOT NULL), '') ORDER BY depth DESC, oid),
               array_agg(pg_get_viewdef(oid) ORDER BY depth DESC, oid)
        INTO dependent_views, dependent_options, dependent_defs FROM ranked;
        FOR i IN 1 .. coalesce(array_length(dependent_views, 1), 0) LOOP
          EXECUTE format('DROP VIEW %s', dependent_views[i]);
        END LOOP;
        ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(12,2);
        FOR i IN REVERSE coalesce(array_length(dependent_views, 1), 0) .. 1 LOOP
          EXECUTE format('CREATE VIEW %s%s AS %s', dependent_views[i], dependent_options[i], dependent_defs[i]);
        END LOOP;
      END;
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

-- [15] add foreign key `stock_product_id_fkey` on `stock` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `stock` and `products`); rewrite: no; scan: no; from v2/inventory.mig:11:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_product_id_fkey') THEN
        ALTER TABLE "stock" ADD CONSTRAINT "stock_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE NOT VALID;
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

-- [16] add column `users.first_name` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:8:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "first_name" text;
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

-- [17] add column `users.last_name` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:9:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "last_name" text;
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

-- [18] add column `users.marketing_opt_in`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "marketing_opt_in" boolean DEFAULT false NOT NULL;
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
COMMENT ON COLUMN "users"."marketing_opt_in" IS 'consent to newsletters (GDPR)';

-- [19] install the dual-write trigger on `users`
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

-- [20] create view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/users.mig:47:6
CREATE OR REPLACE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";

-- [21] show `orders` to the old application in its shape (view `migc_08b7c3145ba3.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_08b7c3145ba3";
  CREATE OR REPLACE VIEW "migc_08b7c3145ba3"."orders" WITH (security_invoker = true) AS SELECT "id", "user_id", "shipping_address_id", "status", "total", "notes", "placed_at", "created_at", "updated_at" FROM "orders";
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

-- [22] show `orders` to the new application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_073fbcdad024";
  CREATE OR REPLACE VIEW "migc_073fbcdad024"."orders" WITH (security_invoker = true) AS SELECT "id", "user_id", "shipping_address_id", "status__migc_new" AS "status", "total", "notes", "placed_at", "created_at", "updated_at" FROM "orders";
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

-- [23] show `payments` to the old application in its shape (view `migc_08b7c3145ba3.payments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_08b7c3145ba3";
  CREATE OR REPLACE VIEW "migc_08b7c3145ba3"."payments" WITH (security_invoker = true) AS SELECT "id", "order_id", "method", "amount", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
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

-- [24] show `payments` to the new application in its shape (view `migc_073fbcdad024.payments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_073fbcdad024";
  CREATE OR REPLACE VIEW "migc_073fbcdad024"."payments" WITH (security_invoker = true) AS SELECT "id", "order_id", "method", "amount_cents", "currency", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
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

-- [25] show `users` to the old application in its shape (view `migc_08b7c3145ba3.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_08b7c3145ba3";
  CREATE OR REPLACE VIEW "migc_08b7c3145ba3"."users" WITH (security_invoker = true) AS SELECT "id", "email", "full_name", "nickname", "phone", "password_hash", "is_admin", "created_at", "updated_at" FROM "users";
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

-- [26] show `users` to the new application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_073fbcdad024";
  CREATE OR REPLACE VIEW "migc_073fbcdad024"."users" WITH (security_invoker = true) AS SELECT "id", "email", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
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
