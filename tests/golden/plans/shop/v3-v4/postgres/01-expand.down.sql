-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [33] undo: show `users` to the new application in its shape (view `migc_5dc31f109be8.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_5dc31f109be8"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_5dc31f109be8"')) THEN
    DROP SCHEMA IF EXISTS "migc_5dc31f109be8";
  END IF;
END
$migc$;

-- [32] undo: show `users` to the old application in its shape (view `migc_ead8aada0f99.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [31] undo: show `stock_levels` to the new application in its shape (view `migc_5dc31f109be8.stock_levels`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_5dc31f109be8"."stock_levels";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_5dc31f109be8"')) THEN
    DROP SCHEMA IF EXISTS "migc_5dc31f109be8";
  END IF;
END
$migc$;

-- [30] undo: show `stock_levels` to the old application in its shape (view `migc_ead8aada0f99.stock_levels`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."stock_levels";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [29] undo: show `products` to the new application in its shape (view `migc_5dc31f109be8.products`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_5dc31f109be8"."products";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_5dc31f109be8"')) THEN
    DROP SCHEMA IF EXISTS "migc_5dc31f109be8";
  END IF;
END
$migc$;

-- [28] undo: show `products` to the old application in its shape (view `migc_ead8aada0f99.products`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."products";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [27] undo: show `orders` to the new application in its shape (view `migc_5dc31f109be8.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_5dc31f109be8"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_5dc31f109be8"')) THEN
    DROP SCHEMA IF EXISTS "migc_5dc31f109be8";
  END IF;
END
$migc$;

-- [26] undo: show `orders` to the old application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [25] undo: create view `product_stock` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [24] undo: drop view `product_stock` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:19:6
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock_levels" GROUP BY "product_id";

-- [23] undo: create view `active_products` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/catalog.mig:31:6
DROP VIEW IF EXISTS "active_products";

-- [22] undo: drop view `active_products` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/catalog.mig:31:6
CREATE OR REPLACE VIEW "active_products" AS SELECT "p"."id", "p"."sku", "p"."name", "p"."price", "c"."slug" AS "category_slug" FROM "products" p JOIN "categories" c ON "c"."id" = "p"."category_id" WHERE "p"."is_active";

-- [21] undo: install the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:7:7
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

-- [20] undo: add column `users.role` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" DROP COLUMN IF EXISTS "role";
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

-- [19] undo: install the dual-write trigger on `stock_levels`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:9:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_stock_levels" ON "stock_levels";
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
DROP FUNCTION IF EXISTS "migc_sync_stock_levels"();

-- [18] undo: add check `stock_reserved_le_quantity__migc` on `stock_levels` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock_levels"') IS NOT NULL THEN
        ALTER TABLE "stock_levels" DROP CONSTRAINT IF EXISTS "stock_reserved_le_quantity__migc";
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

-- [17] undo: add check `stock_levels_reserved_quantity_check` on `stock_levels` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:47
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock_levels"') IS NOT NULL THEN
        ALTER TABLE "stock_levels" DROP CONSTRAINT IF EXISTS "stock_levels_reserved_quantity_check";
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

-- [16] undo: add column `stock_levels.reserved_quantity` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "stock_levels" DROP COLUMN IF EXISTS "reserved_quantity";
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

-- [15] undo: create index `products_deleted_at_idx` on `products`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX CONCURRENTLY IF EXISTS "products_deleted_at_idx";

-- [14] undo: add column `products.deleted_at`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from <std>/soft_delete.mig:3:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "products" DROP COLUMN IF EXISTS "deleted_at";
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

-- [13] undo: install the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:10:7
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

-- [12] undo: add check `orders_total_cents_check` on `orders` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders"') IS NOT NULL THEN
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_cents_check";
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

-- [11] undo: add column `orders.total_cents` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" DROP COLUMN IF EXISTS "total_cents";
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

-- [10] undo: add foreign key `carts_user_id_fkey` on `carts`
--     lock: SHARE ROW EXCLUSIVE (on `carts` and `users`); rewrite: no; scan: yes; from v4/carts.mig:7:42
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"carts"') IS NOT NULL THEN
        ALTER TABLE "carts" DROP CONSTRAINT IF EXISTS "carts_user_id_fkey";
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

-- [9] undo: create index `carts_expires_at_idx` on `carts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:11:3
DROP INDEX CONCURRENTLY IF EXISTS "carts_expires_at_idx";

-- [8] undo: create unique index `carts_one_per_user` on `carts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:10:3
DROP INDEX CONCURRENTLY IF EXISTS "carts_one_per_user";

-- [7] undo: add foreign key `cart_items_cart_id_fkey` on `cart_items`
--     lock: SHARE ROW EXCLUSIVE (on `cart_items` and `carts`); rewrite: no; scan: yes; from v4/carts.mig:15:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"cart_items"') IS NOT NULL THEN
        ALTER TABLE "cart_items" DROP CONSTRAINT IF EXISTS "cart_items_cart_id_fkey";
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

-- [6] undo: create table `carts`
--     lock: none (new table); rewrite: no; scan: no; from v4/carts.mig:4:7
DROP TABLE IF EXISTS "carts";

-- [5] undo: add foreign key `cart_items_product_id_fkey` on `cart_items`
--     lock: SHARE ROW EXCLUSIVE (on `cart_items` and `products`); rewrite: no; scan: yes; from v4/carts.mig:16:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"cart_items"') IS NOT NULL THEN
        ALTER TABLE "cart_items" DROP CONSTRAINT IF EXISTS "cart_items_product_id_fkey";
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

-- [4] undo: create index `cart_items_product_id_idx` on `cart_items`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/carts.mig:20:3
DROP INDEX CONCURRENTLY IF EXISTS "cart_items_product_id_idx";

-- [3] undo: create table `cart_items`
--     lock: none (new table); rewrite: no; scan: no; from v4/carts.mig:14:7
DROP TABLE IF EXISTS "cart_items";

-- [2] undo: create enum `user_role`
--     lock: none; rewrite: no; scan: no; from v4/users.mig:5:6
DROP TYPE IF EXISTS "user_role";

-- [1] undo: add value `gift_card` to enum `payment_method`
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:8:52
-- value 'gift_card' stays in enum payment_method: PostgreSQL cannot remove an enum value
