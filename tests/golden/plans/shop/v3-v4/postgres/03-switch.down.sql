-- migc 0.1.0: switch phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [48] undo: set `users.role` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ALTER COLUMN "role" DROP NOT NULL;
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

-- [47] undo: validate that `users.role` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/users.mig:15:3
-- nothing to undo: users_role_not_null stays validated

-- [46] undo: check `users.role` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"users"') IS NOT NULL THEN
        ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_role_not_null";
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

-- [45] undo: validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:16:3
-- nothing to undo: stock_reserved_le_quantity__migc stays validated

-- [44] undo: validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:14:47
-- nothing to undo: stock_levels_reserved_quantity_check stays validated

-- [43] undo: set `stock_levels.reserved_quantity` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "stock_levels" ALTER COLUMN "reserved_quantity" DROP NOT NULL;
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

-- [42] undo: validate that `stock_levels.reserved_quantity` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/inventory.mig:14:3
-- nothing to undo: stock_levels_reserved_quantity_not_null stays validated

-- [41] undo: check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock_levels"') IS NOT NULL THEN
        ALTER TABLE "stock_levels" DROP CONSTRAINT IF EXISTS "stock_levels_reserved_quantity_not_null";
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

-- [40] undo: validate check `orders_total_cents_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/orders.mig:16:45
-- nothing to undo: orders_total_cents_check stays validated

-- [39] undo: set `orders.total_cents` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ALTER COLUMN "total_cents" DROP NOT NULL;
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

-- [38] undo: validate that `orders.total_cents` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v4/orders.mig:16:3
-- nothing to undo: orders_total_cents_not_null stays validated

-- [37] undo: check `orders.total_cents` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders"') IS NOT NULL THEN
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_cents_not_null";
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
