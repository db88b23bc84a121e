-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [26] undo: show `users` to the new application in its shape (view `migc_ead8aada0f99.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [25] undo: show `users` to the old application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [24] undo: show `orders` to the new application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [23] undo: show `orders` to the old application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [22] undo: show `addresses` to the new application in its shape (view `migc_ead8aada0f99.addresses`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_ead8aada0f99"."addresses";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_ead8aada0f99"')) THEN
    DROP SCHEMA IF EXISTS "migc_ead8aada0f99";
  END IF;
END
$migc$;

-- [21] undo: show `addresses` to the old application in its shape (view `migc_073fbcdad024.addresses`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."addresses";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [20] undo: create view `product_stock` with its new query
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [19] undo: drop view `product_stock` to redefine it
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:19:6
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock" GROUP BY "product_id";

-- [18] undo: install the dual-write trigger on `users`
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

-- [17] undo: create unique index `users_email_normalized_key` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/users.mig:18:3
DROP INDEX CONCURRENTLY IF EXISTS "users_email_normalized_key";

-- [16] undo: add column `users.email_normalized` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:9:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" DROP COLUMN IF EXISTS "email_normalized";
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

-- [15] undo: install the dual-write trigger on `orders`
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

-- [14] undo: create index `orders_pending__migc` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/orders.mig:23:3
DROP INDEX CONCURRENTLY IF EXISTS "orders_pending__migc";

-- [13] undo: add column `orders.customer_note` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:18:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" DROP COLUMN IF EXISTS "customer_note";
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

-- [12] undo: add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" DROP COLUMN IF EXISTS "status__migc_new";
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

-- [11] undo: install the dual-write trigger on `addresses`
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

-- [10] undo: add column `addresses.line2`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:34:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" DROP COLUMN IF EXISTS "line2";
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

-- [9] undo: add column `addresses.line1` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:33:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" DROP COLUMN IF EXISTS "line1";
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

-- [8] undo: expose table `stock` as `stock_levels` (an updatable view)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/inventory.mig:10:7
DROP VIEW IF EXISTS "stock_levels";

-- [7] undo: add foreign key `refunds_decided_by_fkey` on `refunds`
--     lock: SHARE ROW EXCLUSIVE (on `refunds` and `users`); rewrite: no; scan: yes; from v3/orders.mig:54:46
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"refunds"') IS NOT NULL THEN
        ALTER TABLE "refunds" DROP CONSTRAINT IF EXISTS "refunds_decided_by_fkey";
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

-- [6] undo: add foreign key `refunds_payment_id_fkey` on `refunds`
--     lock: SHARE ROW EXCLUSIVE (on `refunds` and `payments`); rewrite: no; scan: yes; from v3/orders.mig:50:50
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"refunds"') IS NOT NULL THEN
        ALTER TABLE "refunds" DROP CONSTRAINT IF EXISTS "refunds_payment_id_fkey";
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

-- [5] undo: create index `refunds_open` on `refunds`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/orders.mig:57:3
DROP INDEX CONCURRENTLY IF EXISTS "refunds_open";

-- [4] undo: create index `refunds_payment_id_idx` on `refunds`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v3/orders.mig:56:3
DROP INDEX CONCURRENTLY IF EXISTS "refunds_payment_id_idx";

-- [3] undo: create table `refunds`
--     lock: none (new table); rewrite: no; scan: no; from v3/orders.mig:48:7
DROP TABLE IF EXISTS "refunds";

-- [2] undo: create enum `refund_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:8:6
DROP TYPE IF EXISTS "refund_status";

-- [1] undo: create enum `order_status__migc`, the new shape of `order_status` (without `refunded`)
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
DROP TYPE IF EXISTS "order_status__migc";
