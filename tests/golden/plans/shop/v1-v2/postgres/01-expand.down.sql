-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [26] undo: show `users` to the new application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [25] undo: show `users` to the old application in its shape (view `migc_08b7c3145ba3.users`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_08b7c3145ba3"."users";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_08b7c3145ba3"')) THEN
    DROP SCHEMA IF EXISTS "migc_08b7c3145ba3";
  END IF;
END
$migc$;

-- [24] undo: show `payments` to the new application in its shape (view `migc_073fbcdad024.payments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."payments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [23] undo: show `payments` to the old application in its shape (view `migc_08b7c3145ba3.payments`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_08b7c3145ba3"."payments";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_08b7c3145ba3"')) THEN
    DROP SCHEMA IF EXISTS "migc_08b7c3145ba3";
  END IF;
END
$migc$;

-- [22] undo: show `orders` to the new application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_073fbcdad024"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_073fbcdad024"')) THEN
    DROP SCHEMA IF EXISTS "migc_073fbcdad024";
  END IF;
END
$migc$;

-- [21] undo: show `orders` to the old application in its shape (view `migc_08b7c3145ba3.orders`)
--     lock: ACCESS SHARE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS "migc_08b7c3145ba3"."orders";
DO $migc$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('"migc_08b7c3145ba3"')) THEN
    DROP SCHEMA IF EXISTS "migc_08b7c3145ba3";
  END IF;
END
$migc$;

-- [20] undo: create view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v2/users.mig:47:6
DROP VIEW IF EXISTS "customer_directory";

-- [19] undo: install the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:4:7
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

-- [18] undo: add column `users.marketing_opt_in`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" DROP COLUMN IF EXISTS "marketing_opt_in";
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

-- [17] undo: add column `users.last_name` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:9:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" DROP COLUMN IF EXISTS "last_name";
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

-- [16] undo: add column `users.first_name` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:8:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" DROP COLUMN IF EXISTS "first_name";
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

-- [15] undo: add foreign key `stock_product_id_fkey` on `stock` for new rows
--     lock: SHARE ROW EXCLUSIVE (on `stock` and `products`); rewrite: no; scan: no; from v2/inventory.mig:11:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock"') IS NOT NULL THEN
        ALTER TABLE "stock" DROP CONSTRAINT IF EXISTS "stock_product_id_fkey";
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

-- [14] undo: widen `products.price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/catalog.mig:20:3
-- products.price stays numeric(12,2): narrowing it back rewrites the table and fails on longer values

-- [13] undo: install the dual-write trigger on `payments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:33:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_payments" ON "payments";
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
DROP FUNCTION IF EXISTS "migc_sync_payments"();

-- [12] undo: add check `payments_currency_check` on `payments` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:39:54
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"payments"') IS NOT NULL THEN
        ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_currency_check";
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

-- [11] undo: add check `payments_amount_cents_check` on `payments` for new rows
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:40
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"payments"') IS NOT NULL THEN
        ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_amount_cents_check";
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

-- [10] undo: create unique index `payments_provider_ref_key` on `payments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:41:36
DROP INDEX CONCURRENTLY IF EXISTS "payments_provider_ref_key";

-- [9] undo: add column `payments.currency`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:39:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" DROP COLUMN IF EXISTS "currency";
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

-- [8] undo: add column `payments.amount_cents` (filled from the deployed shape)
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" DROP COLUMN IF EXISTS "amount_cents";
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

-- [7] undo: install the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:9:7
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

-- [6] undo: create index `orders_pending__migc` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:20:3
DROP INDEX CONCURRENTLY IF EXISTS "orders_pending__migc";

-- [5] undo: add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
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

-- [4] undo: widen `order_items.unit_price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:28:3
-- order_items.unit_price stays numeric(12,2): narrowing it back rewrites the table and fails on longer values

-- [3] undo: create enum `order_status__migc`, the new shape of `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
DROP TYPE IF EXISTS "order_status__migc";

-- [2] undo: add value `delivered` to enum `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:68
-- value 'delivered' stays in enum order_status: PostgreSQL cannot remove an enum value

-- [1] undo: add value `paid` to enum `order_status` (renamed from `completed`)
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:30
-- value 'paid' stays in enum order_status: PostgreSQL cannot remove an enum value
