-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [40] undo: create view `product_stock`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [39] undo: create view `order_totals`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/orders.mig:43:6
DROP VIEW IF EXISTS "order_totals";

-- [38] undo: create view `active_products`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/catalog.mig:28:6
DROP VIEW IF EXISTS "active_products";

-- [37] undo: add foreign key `warehouses_country_fkey` on `warehouses`
--     lock: SHARE ROW EXCLUSIVE (on `warehouses` and `countries`); rewrite: no; scan: yes; from v1/inventory.mig:6:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"warehouses"') IS NOT NULL THEN
        ALTER TABLE "warehouses" DROP CONSTRAINT IF EXISTS "warehouses_country_fkey";
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

-- [36] undo: add foreign key `stock_warehouse_id_fkey` on `stock`
--     lock: SHARE ROW EXCLUSIVE (on `stock` and `warehouses`); rewrite: no; scan: yes; from v1/inventory.mig:12:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock"') IS NOT NULL THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_warehouse_id_fkey";
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

-- [35] undo: create table `warehouses`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:2:7
DROP TABLE IF EXISTS "warehouses";

-- [34] undo: create index `users_created_at_idx` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/users.mig:15:3
DROP INDEX CONCURRENTLY IF EXISTS "users_created_at_idx";

-- [33] undo: create unique index `users_email_lower_key` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/users.mig:14:3
DROP INDEX CONCURRENTLY IF EXISTS "users_email_lower_key";

-- [32] undo: add foreign key `orders_user_id_fkey` on `orders`
--     lock: SHARE ROW EXCLUSIVE (on `orders` and `users`); rewrite: no; scan: yes; from v1/orders.mig:10:58
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders"') IS NOT NULL THEN
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_user_id_fkey";
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

-- [31] undo: add foreign key `legacy_sessions_user_id_fkey` on `legacy_sessions`
--     lock: SHARE ROW EXCLUSIVE (on `legacy_sessions` and `users`); rewrite: no; scan: yes; from v1/users.mig:42:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"legacy_sessions"') IS NOT NULL THEN
        ALTER TABLE "legacy_sessions" DROP CONSTRAINT IF EXISTS "legacy_sessions_user_id_fkey";
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

-- [30] undo: add foreign key `addresses_user_id_fkey` on `addresses`
--     lock: SHARE ROW EXCLUSIVE (on `addresses` and `users`); rewrite: no; scan: yes; from v1/users.mig:26:48
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"addresses"') IS NOT NULL THEN
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_user_id_fkey";
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

-- [29] undo: create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:4:7
DROP TABLE IF EXISTS "users";

-- [28] undo: create table `stock`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:9:7
DROP TABLE IF EXISTS "stock";

-- [27] undo: add foreign key `products_category_id_fkey` on `products`
--     lock: SHARE ROW EXCLUSIVE (on `products` and `categories`); rewrite: no; scan: yes; from v1/catalog.mig:15:50
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"products"') IS NOT NULL THEN
        ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "products_category_id_fkey";
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

-- [26] undo: create index `products_name_lower` on `products`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/catalog.mig:24:3
DROP INDEX CONCURRENTLY IF EXISTS "products_name_lower";

-- [25] undo: create index `products_category_id_is_active_idx` on `products`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/catalog.mig:23:3
DROP INDEX CONCURRENTLY IF EXISTS "products_category_id_is_active_idx";

-- [24] undo: add foreign key `order_items_product_id_fkey` on `order_items`
--     lock: SHARE ROW EXCLUSIVE (on `order_items` and `products`); rewrite: no; scan: yes; from v1/orders.mig:25:49
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"order_items"') IS NOT NULL THEN
        ALTER TABLE "order_items" DROP CONSTRAINT IF EXISTS "order_items_product_id_fkey";
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

-- [23] undo: create table `products`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:13:7
DROP TABLE IF EXISTS "products";

-- [22] undo: add foreign key `payments_order_id_fkey` on `payments`
--     lock: SHARE ROW EXCLUSIVE (on `payments` and `orders`); rewrite: no; scan: yes; from v1/orders.mig:34:51
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"payments"') IS NOT NULL THEN
        ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_order_id_fkey";
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

-- [21] undo: create index `payments_order_id_idx` on `payments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/orders.mig:40:3
DROP INDEX CONCURRENTLY IF EXISTS "payments_order_id_idx";

-- [20] undo: create table `payments`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:32:7
DROP TABLE IF EXISTS "payments";

-- [19] undo: add foreign key `orders_shipping_address_id_fkey` on `orders`
--     lock: SHARE ROW EXCLUSIVE (on `orders` and `addresses`); rewrite: no; scan: yes; from v1/orders.mig:11:54
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders"') IS NOT NULL THEN
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_shipping_address_id_fkey";
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

-- [18] undo: create index `orders_pending` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/orders.mig:19:3
DROP INDEX CONCURRENTLY IF EXISTS "orders_pending";

-- [17] undo: create index `orders_user_id_placed_at_idx` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/orders.mig:17:3
DROP INDEX CONCURRENTLY IF EXISTS "orders_user_id_placed_at_idx";

-- [16] undo: add foreign key `order_items_order_id_fkey` on `order_items`
--     lock: SHARE ROW EXCLUSIVE (on `order_items` and `orders`); rewrite: no; scan: yes; from v1/orders.mig:23:49
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"order_items"') IS NOT NULL THEN
        ALTER TABLE "order_items" DROP CONSTRAINT IF EXISTS "order_items_order_id_fkey";
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

-- [15] undo: create table `orders`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:8:7
DROP TABLE IF EXISTS "orders";

-- [14] undo: create index `order_items_product_id_idx` on `order_items`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/orders.mig:29:3
DROP INDEX CONCURRENTLY IF EXISTS "order_items_product_id_idx";

-- [13] undo: create table `order_items`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:22:7
DROP TABLE IF EXISTS "order_items";

-- [12] undo: create index `legacy_sessions_expires_at_idx` on `legacy_sessions`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/users.mig:46:3
DROP INDEX CONCURRENTLY IF EXISTS "legacy_sessions_expires_at_idx";

-- [11] undo: create index `legacy_sessions_user_id_idx` on `legacy_sessions`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/users.mig:45:3
DROP INDEX CONCURRENTLY IF EXISTS "legacy_sessions_user_id_idx";

-- [10] undo: create table `legacy_sessions`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:40:7
DROP TABLE IF EXISTS "legacy_sessions";

-- [9] undo: add foreign key `addresses_country_fkey` on `addresses`
--     lock: SHARE ROW EXCLUSIVE (on `addresses` and `countries`); rewrite: no; scan: yes; from v1/users.mig:32:48
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"addresses"') IS NOT NULL THEN
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_country_fkey";
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

-- [8] undo: create table `countries`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:18:7
DROP TABLE IF EXISTS "countries";

-- [7] undo: add foreign key `categories_parent_id_fkey` on `categories`
--     lock: SHARE ROW EXCLUSIVE (on `categories` and `categories`); rewrite: no; scan: yes; from v1/catalog.mig:6:42
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"categories"') IS NOT NULL THEN
        ALTER TABLE "categories" DROP CONSTRAINT IF EXISTS "categories_parent_id_fkey";
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

-- [6] undo: create index `categories_parent_id_position_idx` on `categories`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/catalog.mig:10:3
DROP INDEX CONCURRENTLY IF EXISTS "categories_parent_id_position_idx";

-- [5] undo: create table `categories`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:4:7
DROP TABLE IF EXISTS "categories";

-- [4] undo: create unique index `addresses_one_default_per_user` on `addresses`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/users.mig:36:3
DROP INDEX CONCURRENTLY IF EXISTS "addresses_one_default_per_user";

-- [3] undo: create table `addresses`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:24:7
DROP TABLE IF EXISTS "addresses";

-- [2] undo: create enum `payment_method`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:6:6
DROP TYPE IF EXISTS "payment_method";

-- [1] undo: create enum `order_status`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:4:6
DROP TYPE IF EXISTS "order_status";
