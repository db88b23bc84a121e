-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [37] check `orders.total_cents` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_cents_not_null') THEN
        ALTER TABLE "orders" ADD CONSTRAINT "orders_total_cents_not_null" CHECK ("total_cents" IS NOT NULL) NOT VALID;
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

-- [38] validate that `orders.total_cents` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/orders.mig:16:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_cents_not_null' AND NOT convalidated) THEN
    ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_total_cents_not_null";
  END IF;
END
$migc$;

-- [39] set `orders.total_cents` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ALTER COLUMN "total_cents" SET NOT NULL;
      ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_cents_not_null";
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

-- [40] validate check `orders_total_cents_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/orders.mig:16:45
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_cents_check' AND NOT convalidated) THEN
    ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_total_cents_check";
  END IF;
END
$migc$;

-- [41] check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_quantity_not_null') THEN
        ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_reserved_quantity_not_null" CHECK ("reserved_quantity" IS NOT NULL) NOT VALID;
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

-- [42] validate that `stock_levels.reserved_quantity` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:14:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_quantity_not_null' AND NOT convalidated) THEN
    ALTER TABLE "stock_levels" VALIDATE CONSTRAINT "stock_levels_reserved_quantity_not_null";
  END IF;
END
$migc$;

-- [43] set `stock_levels.reserved_quantity` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "stock_levels" ALTER COLUMN "reserved_quantity" SET NOT NULL;
      ALTER TABLE "stock_levels" DROP CONSTRAINT IF EXISTS "stock_levels_reserved_quantity_not_null";
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

-- [44] validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:14:47
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_quantity_check' AND NOT convalidated) THEN
    ALTER TABLE "stock_levels" VALIDATE CONSTRAINT "stock_levels_reserved_quantity_check";
  END IF;
END
$migc$;

-- [45] validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:16:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity__migc' AND NOT convalidated) THEN
    ALTER TABLE "stock_levels" VALIDATE CONSTRAINT "stock_reserved_le_quantity__migc";
  END IF;
END
$migc$;

-- [46] check `users.role` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_role_not_null') THEN
        ALTER TABLE "users" ADD CONSTRAINT "users_role_not_null" CHECK ("role" IS NOT NULL) NOT VALID;
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

-- [47] validate that `users.role` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/users.mig:15:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_role_not_null' AND NOT convalidated) THEN
    ALTER TABLE "users" VALIDATE CONSTRAINT "users_role_not_null";
  END IF;
END
$migc$;

-- [48] set `users.role` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ALTER COLUMN "role" SET NOT NULL;
      ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_role_not_null";
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
