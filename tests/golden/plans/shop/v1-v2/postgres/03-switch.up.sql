-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [30] check `orders.status__migc_new` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_status__migc_new_not_null') THEN
        ALTER TABLE "orders" ADD CONSTRAINT "orders_status__migc_new_not_null" CHECK ("status__migc_new" IS NOT NULL) NOT VALID;
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

-- [31] validate that `orders.status__migc_new` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:13:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_status__migc_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_status__migc_new_not_null";
  END IF;
END
$migc$;

-- [32] set `orders.status__migc_new` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:13:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ALTER COLUMN "status__migc_new" SET NOT NULL;
      ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_status__migc_new_not_null";
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

-- [33] check `payments.amount_cents` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_cents_not_null') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_cents_not_null" CHECK ("amount_cents" IS NOT NULL) NOT VALID;
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

-- [34] validate that `payments.amount_cents` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:38:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_cents_not_null' AND NOT convalidated) THEN
    ALTER TABLE "payments" VALIDATE CONSTRAINT "payments_amount_cents_not_null";
  END IF;
END
$migc$;

-- [35] set `payments.amount_cents` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:38:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "payments" ALTER COLUMN "amount_cents" SET NOT NULL;
      ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_amount_cents_not_null";
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

-- [36] turn index `payments_provider_ref_key` into a unique constraint
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/orders.mig:41:36
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_provider_ref_key') THEN
        ALTER TABLE "payments" ADD CONSTRAINT "payments_provider_ref_key" UNIQUE USING INDEX "payments_provider_ref_key";
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

-- [37] validate check `payments_amount_cents_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:38:40
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_amount_cents_check' AND NOT convalidated) THEN
    ALTER TABLE "payments" VALIDATE CONSTRAINT "payments_amount_cents_check";
  END IF;
END
$migc$;

-- [38] validate check `payments_currency_check` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/orders.mig:39:54
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"payments"') AND conname = 'payments_currency_check' AND NOT convalidated) THEN
    ALTER TABLE "payments" VALIDATE CONSTRAINT "payments_currency_check";
  END IF;
END
$migc$;

-- [39] validate foreign key `stock_product_id_fkey` on existing rows
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/inventory.mig:11:43
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_product_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "stock" VALIDATE CONSTRAINT "stock_product_id_fkey";
  END IF;
END
$migc$;

-- [40] check `users.first_name` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:8:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_first_name_not_null') THEN
        ALTER TABLE "users" ADD CONSTRAINT "users_first_name_not_null" CHECK ("first_name" IS NOT NULL) NOT VALID;
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

-- [41] validate that `users.first_name` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/users.mig:8:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_first_name_not_null' AND NOT convalidated) THEN
    ALTER TABLE "users" VALIDATE CONSTRAINT "users_first_name_not_null";
  END IF;
END
$migc$;

-- [42] set `users.first_name` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:8:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ALTER COLUMN "first_name" SET NOT NULL;
      ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_first_name_not_null";
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

-- [43] check `users.last_name` is not null, without scanning
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:9:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_last_name_not_null') THEN
        ALTER TABLE "users" ADD CONSTRAINT "users_last_name_not_null" CHECK ("last_name" IS NOT NULL) NOT VALID;
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

-- [44] validate that `users.last_name` holds no null
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v2/users.mig:9:3
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"users"') AND conname = 'users_last_name_not_null' AND NOT convalidated) THEN
    ALTER TABLE "users" VALIDATE CONSTRAINT "users_last_name_not_null";
  END IF;
END
$migc$;

-- [45] set `users.last_name` not null
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v2/users.mig:9:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ALTER COLUMN "last_name" SET NOT NULL;
      ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_last_name_not_null";
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
