-- migc 0.1.0: expand phase (up) for postgres
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [1] add value `gift_card` to enum `payment_method`
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:8:52
ALTER TYPE "payment_method" ADD VALUE IF NOT EXISTS 'gift_card' AFTER 'bank_transfer';

-- [2] create enum `user_role`
--     lock: none; rewrite: no; scan: no; from v4/users.mig:5:6
DO $migc$
BEGIN
  IF to_regtype('"user_role"') IS NULL THEN
    CREATE TYPE "user_role" AS ENUM ('customer', 'support', 'admin');
  END IF;
END
$migc$;

-- [3] create table `cart_items`
--     lock: none (new table); rewrite: no; scan: no; from v4/carts.mig:14:7
CREATE TABLE IF NOT EXISTS "cart_items" (
  "cart_id" uuid NOT NULL,
  "product_id" bigint NOT NULL,
  "quantity" integer DEFAULT 1 NOT NULL,
  "added_at" timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT "cart_items_pkey" PRIMARY KEY ("cart_id", "product_id"),
  CONSTRAINT "cart_items_quantity_check" CHECK ("quantity" BETWEEN 1 AND 99)
);

-- [4] create index `cart_items_product_id_idx` on `cart_items`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:20:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"cart_items_product_id_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "cart_items_product_id_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "cart_items_product_id_idx" ON "cart_items" ("product_id");

-- [5] add foreign key `cart_items_product_id_fkey` on `cart_items`
--     lock: SHARE ROW EXCLUSIVE (on `cart_items` and `products`); rewrite: no; scan: yes; from v4/carts.mig:16:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"cart_items"') AND conname = 'cart_items_product_id_fkey') THEN
        ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE;
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

-- [6] create table `carts`
--     lock: none (new table); rewrite: no; scan: no; from v4/carts.mig:4:7
CREATE TABLE IF NOT EXISTS "carts" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "user_id" bigint,
  "expires_at" timestamptz NOT NULL,
  "created_at" timestamptz DEFAULT now() NOT NULL,
  "updated_at" timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT "carts_pkey" PRIMARY KEY ("id")
);

-- [7] add foreign key `cart_items_cart_id_fkey` on `cart_items`
--     lock: SHARE ROW EXCLUSIVE (on `cart_items` and `carts`); rewrite: no; scan: yes; from v4/carts.mig:15:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"cart_items"') AND conname = 'cart_items_cart_id_fkey') THEN
        ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts" ("id") ON DELETE CASCADE;
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

-- [8] create unique index `carts_one_per_user` on `carts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:10:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"carts_one_per_user"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "carts_one_per_user";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "carts_one_per_user" ON "carts" ("user_id") WHERE "user_id" IS NOT NULL;

-- [9] create index `carts_expires_at_idx` on `carts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:11:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"carts_expires_at_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "carts_expires_at_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "carts_expires_at_idx" ON "carts" ("expires_at");

-- [10] add foreign key `carts_user_id_fkey` on `carts`
--     lock: SHARE ROW EXCLUSIVE (on `carts` and `users`); rewrite: no; scan: yes; from v4/carts.mig:7:42
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"carts"') AND conname = 'carts_user_id_fkey') THEN
        ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE;
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

-- [11] add column `orders.total_cents` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "total_cents" bigint;
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

-- [12] add check `orders_total_cents_check` on `orders` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_cents_check') THEN
        ALTER TABLE "orders" ADD CONSTRAINT "orders_total_cents_check" CHECK ("total_cents" >= 0) NOT VALID;
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

-- [13] install the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:10:7
CREATE OR REPLACE FUNCTION "migc_sync_orders"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."total_cents" IS NULL AND (TG_OP = 'INSERT' OR OLD."total_cents" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "total_cents" of relation "orders" violates not-null constraint', COLUMN = 'total_cents', TABLE = 'orders';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."total_cents" IS DISTINCT FROM OLD."total_cents" THEN
      NEW."total" := NEW."total_cents" / 100.0;
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."total" IS DISTINCT FROM OLD."total" OR (NEW."total_cents" IS NULL) THEN
      NEW."total_cents" := round(NEW."total" * 100);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."total_cents" IS NULL THEN
        -- written by the old application
        NEW."total_cents" := round(NEW."total" * 100);
      ELSE
        -- written by the new application
        NEW."total" := NEW."total_cents" / 100.0;
      END IF;
    ELSIF (NEW."total" IS DISTINCT FROM OLD."total" OR NEW."total_cents" IS NULL) AND NOT (NEW."total_cents" IS DISTINCT FROM OLD."total_cents") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."total_cents" := round(NEW."total" * 100);
    ELSIF (NEW."total_cents" IS DISTINCT FROM OLD."total_cents") AND NOT (NEW."total" IS DISTINCT FROM OLD."total") THEN
      -- updated by the new application
      NEW."total" := NEW."total_cents" / 100.0;
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

-- [14] add column `products.deleted_at`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from <std>/soft_delete.mig:3:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "products" ADD COLUMN IF NOT EXISTS "deleted_at" timestamptz;
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

-- [15] create index `products_deleted_at_idx` on `products`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"products_deleted_at_idx"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "products_deleted_at_idx";
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "products_deleted_at_idx" ON "products" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- [16] add column `stock_levels.reserved_quantity` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "stock_levels" ADD COLUMN IF NOT EXISTS "reserved_quantity" integer;
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

-- [17] add check `stock_levels_reserved_quantity_check` on `stock_levels` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_quantity_check') THEN
        ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_reserved_quantity_check" CHECK ("reserved_quantity" >= 0) NOT VALID;
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

-- [18] add check `stock_reserved_le_quantity__migc` on `stock_levels` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity__migc') THEN
        ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_reserved_le_quantity__migc" CHECK ("reserved_quantity" <= "quantity") NOT VALID;
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

-- [19] install the dual-write trigger on `stock_levels`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:9:7
CREATE OR REPLACE FUNCTION "migc_sync_stock_levels"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."reserved_quantity" IS NULL AND (TG_OP = 'INSERT' OR OLD."reserved_quantity" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "reserved_quantity" of relation "stock_levels" violates not-null constraint', COLUMN = 'reserved_quantity', TABLE = 'stock_levels';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity" THEN
      NEW."reserved" := NEW."reserved_quantity";
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."reserved" IS DISTINCT FROM OLD."reserved" OR (NEW."reserved_quantity" IS NULL) THEN
      NEW."reserved_quantity" := NEW."reserved";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."reserved_quantity" IS NULL THEN
        -- written by the old application
        NEW."reserved_quantity" := NEW."reserved";
      ELSE
        -- written by the new application
        NEW."reserved" := NEW."reserved_quantity";
      END IF;
    ELSIF (NEW."reserved" IS DISTINCT FROM OLD."reserved" OR NEW."reserved_quantity" IS NULL) AND NOT (NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."reserved_quantity" := NEW."reserved";
    ELSIF (NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity") AND NOT (NEW."reserved" IS DISTINCT FROM OLD."reserved") THEN
      -- updated by the new application
      NEW."reserved" := NEW."reserved_quantity";
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
      DROP TRIGGER IF EXISTS "migc_sync_stock_levels" ON "stock_levels";
      CREATE TRIGGER "migc_sync_stock_levels" BEFORE INSERT OR UPDATE ON "stock_levels" FOR EACH ROW EXECUTE FUNCTION "migc_sync_stock_levels"();
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

-- [20] add column `users.role` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "role" "user_role";
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

-- [21] install the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_users"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."role" IS NULL AND (TG_OP = 'INSERT' OR OLD."role" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "role" of relation "users" violates not-null constraint', COLUMN = 'role', TABLE = 'users';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."role" IS DISTINCT FROM OLD."role" THEN
      NEW."is_admin" := NEW."role" = 'admin';
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."is_admin" IS DISTINCT FROM OLD."is_admin" OR (NEW."role" IS NULL) THEN
      NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."role" IS NULL THEN
        -- written by the old application
        NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
      ELSE
        -- written by the new application
        NEW."is_admin" := NEW."role" = 'admin';
      END IF;
    ELSIF (NEW."is_admin" IS DISTINCT FROM OLD."is_admin" OR NEW."role" IS NULL) AND NOT (NEW."role" IS DISTINCT FROM OLD."role") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
    ELSIF (NEW."role" IS DISTINCT FROM OLD."role") AND NOT (NEW."is_admin" IS DISTINCT FROM OLD."is_admin") THEN
      -- updated by the new application
      NEW."is_admin" := NEW."role" = 'admin';
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

-- [22] drop view `active_products` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/catalog.mig:31:6
DROP VIEW IF EXISTS "active_products";

-- [23] create view `active_products` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/catalog.mig:31:6
CREATE OR REPLACE VIEW "active_products" AS SELECT "p"."id", "p"."sku", "p"."name", "p"."price", "c"."slug" AS "category_slug" FROM "products" p JOIN "categories" c ON "c"."id" = "p"."category_id" WHERE "p"."is_active" AND "p"."deleted_at" IS NULL;

-- [24] drop view `product_stock` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [25] create view `product_stock` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/inventory.mig:19:6
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved_quantity") AS "available" FROM "stock_levels" GROUP BY "product_id";

-- [26] show `orders` to the old application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_ead8aada0f99";
  CREATE OR REPLACE VIEW "migc_ead8aada0f99"."orders" WITH (security_invoker = true) AS SELECT "id", "user_id", "shipping_address_id", "status", "total", "customer_note", "placed_at", "created_at", "updated_at" FROM "orders";
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [27] show `orders` to the new application in its shape (view `migc_5dc31f109be8.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_5dc31f109be8";
  CREATE OR REPLACE VIEW "migc_5dc31f109be8"."orders" WITH (security_invoker = true) AS SELECT "id", "user_id", "shipping_address_id", "status", "total_cents", "customer_note", "placed_at", "created_at", "updated_at" FROM "orders";
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [28] show `products` to the old application in its shape (view `migc_ead8aada0f99.products`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_ead8aada0f99";
  CREATE OR REPLACE VIEW "migc_ead8aada0f99"."products" WITH (security_invoker = true) AS SELECT "id", "category_id", "sku", "name", "description", "price", "is_active", "attributes", "created_at", "updated_at" FROM "products";
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
    WHERE c.oid = to_regclass('"products"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."products"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [29] show `products` to the new application in its shape (view `migc_5dc31f109be8.products`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_5dc31f109be8";
  CREATE OR REPLACE VIEW "migc_5dc31f109be8"."products" WITH (security_invoker = true) AS SELECT "id", "category_id", "sku", "name", "description", "price", "is_active", "created_at", "updated_at", "deleted_at" FROM "products";
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
    WHERE c.oid = to_regclass('"products"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."products"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [30] show `stock_levels` to the old application in its shape (view `migc_ead8aada0f99.stock_levels`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_ead8aada0f99";
  CREATE OR REPLACE VIEW "migc_ead8aada0f99"."stock_levels" WITH (security_invoker = true) AS SELECT "product_id", "warehouse_id", "quantity", "reserved" FROM "stock_levels";
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
    WHERE c.oid = to_regclass('"stock_levels"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."stock_levels"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [31] show `stock_levels` to the new application in its shape (view `migc_5dc31f109be8.stock_levels`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_5dc31f109be8";
  CREATE OR REPLACE VIEW "migc_5dc31f109be8"."stock_levels" WITH (security_invoker = true) AS SELECT "product_id", "warehouse_id", "quantity", "reserved_quantity" FROM "stock_levels";
  ALTER TABLE "migc_5dc31f109be8"."stock_levels" ALTER COLUMN "reserved_quantity" SET DEFAULT 0;
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
    WHERE c.oid = to_regclass('"stock_levels"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."stock_levels"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [32] show `users` to the old application in its shape (view `migc_ead8aada0f99.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_ead8aada0f99";
  CREATE OR REPLACE VIEW "migc_ead8aada0f99"."users" WITH (security_invoker = true) AS SELECT "id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [33] show `users` to the new application in its shape (view `migc_5dc31f109be8.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DO $migc$
BEGIN
  CREATE SCHEMA IF NOT EXISTS "migc_5dc31f109be8";
  CREATE OR REPLACE VIEW "migc_5dc31f109be8"."users" WITH (security_invoker = true) AS SELECT "id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "role", "marketing_opt_in", "created_at", "updated_at" FROM "users";
  ALTER TABLE "migc_5dc31f109be8"."users" ALTER COLUMN "role" SET DEFAULT 'customer';
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;
