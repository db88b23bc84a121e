-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [40] stop showing `addresses` to the old application in its shape (view `migc_073fbcdad024.addresses`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."addresses";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [41] stop showing `orders` to the old application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [42] stop showing `users` to the old application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [43] let `addresses.street` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"addresses"') AND attname = 'street' AND NOT attisdropped) THEN
        ALTER TABLE "addresses" ALTER COLUMN "street" DROP NOT NULL;
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

-- [44] let `addresses.house_number` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"addresses"') AND attname = 'house_number' AND NOT attisdropped) THEN
        ALTER TABLE "addresses" ALTER COLUMN "house_number" DROP NOT NULL;
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

-- [45] remove the dual-write trigger on `addresses`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:28:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_addresses" ON "addresses";
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
DROP FUNCTION IF EXISTS "migc_sync_addresses"();

-- [46] drop column `addresses.street`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:35:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" DROP COLUMN IF EXISTS "street";
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

-- [47] drop column `addresses.house_number`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" DROP COLUMN IF EXISTS "house_number";
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

-- [48] drop index `orders_pending` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders_pending__migc"') IS NOT NULL THEN
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

-- [49] rename index `orders_pending__migc` to `orders_pending`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:23:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders_pending__migc"') IS NOT NULL THEN
        DROP INDEX IF EXISTS "orders_pending";
        ALTER INDEX "orders_pending__migc" RENAME TO "orders_pending";
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

-- [50] rename constraint `stock_pkey` to `stock_levels_pkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:15:3
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_pkey') THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_levels_pkey";
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_pkey" TO "stock_levels_pkey";
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

-- [51] rename constraint `stock_quantity_check` to `stock_levels_quantity_check` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:13:42
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_quantity_check') THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_levels_quantity_check";
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_quantity_check" TO "stock_levels_quantity_check";
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

-- [52] rename constraint `stock_reserved_check` to `stock_levels_reserved_check` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:14:42
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_reserved_check') THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_levels_reserved_check";
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_reserved_check" TO "stock_levels_reserved_check";
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

-- [53] rename constraint `stock_product_id_fkey` to `stock_levels_product_id_fkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:11:43
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_product_id_fkey') THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_levels_product_id_fkey";
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_product_id_fkey" TO "stock_levels_product_id_fkey";
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

-- [54] rename constraint `stock_warehouse_id_fkey` to `stock_levels_warehouse_id_fkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:12:43
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_warehouse_id_fkey') THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_levels_warehouse_id_fkey";
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_warehouse_id_fkey" TO "stock_levels_warehouse_id_fkey";
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

-- [55] drop index `users_email_lower_key` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP INDEX CONCURRENTLY IF EXISTS "users_email_lower_key";

-- [56] remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:4:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_users" ON "users";
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
DROP FUNCTION IF EXISTS "migc_sync_users"();

-- [57] drop view `order_totals` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "order_totals";

-- [58] drop column `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        DROP TRIGGER IF EXISTS "migc_sync_orders" ON "orders";
        ALTER TABLE "orders" DROP COLUMN IF EXISTS "status";
        ALTER TABLE "orders" RENAME COLUMN "status__migc_new" TO "status";
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

-- [59] give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
DO $migc$
BEGIN
  IF to_regtype('"order_status__migc"') IS NOT NULL THEN
    DROP TYPE IF EXISTS "order_status";
    ALTER TYPE "order_status__migc" RENAME TO "order_status";
  END IF;
END
$migc$;

-- [60] put shadow column `status__migc_new` in place of `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status' AND NOT attisdropped) THEN
        ALTER TABLE "orders" RENAME COLUMN "status__migc_new" TO "status";
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

-- [61] set the default of `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:16:3
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

-- [62] remove the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:12:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_orders" ON "orders";
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
DROP FUNCTION IF EXISTS "migc_sync_orders"();

-- [63] drop column `orders.notes`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" DROP COLUMN IF EXISTS "notes";
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

-- [64] recreate view `order_totals`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/orders.mig:60:6
CREATE OR REPLACE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [65] drop view `product_stock` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "product_stock";

-- [66] drop the view `stock_levels` standing for table `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:10:7
DO $migc_guard$
BEGIN
  IF to_regclass('"stock"') IS NOT NULL THEN
    EXECUTE $migc_unit$
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'stock_levels' AND schemaname = current_schema()) THEN
        DROP VIEW "stock_levels";
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

-- [67] rename table `stock` to `stock_levels`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:10:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock"') IS NOT NULL AND to_regclass('"stock_levels"') IS NULL THEN
        ALTER TABLE "stock" RENAME TO "stock_levels";
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

-- [68] recreate view `product_stock`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/inventory.mig:19:6
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock_levels" GROUP BY "product_id";

-- [69] stop showing `addresses` to the new application in its shape (view `migc_ead8aada0f99.addresses`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."addresses";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [70] stop showing `orders` to the new application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [71] stop showing `users` to the new application in its shape (view `migc_ead8aada0f99.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;
