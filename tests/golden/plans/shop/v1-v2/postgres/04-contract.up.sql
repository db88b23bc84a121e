-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [31] rename value `completed` of enum `order_status` to `paid`
--     lock: none; rewrite: no; scan: no; from examples/shop/v2/orders.mig:5:30
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype('order_status') AND enumlabel = 'completed') THEN
    ALTER TYPE order_status RENAME VALUE 'completed' TO 'paid';
  END IF;
END
$migc$;

-- [32] drop table `legacy_sessions`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:45:12
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TABLE IF EXISTS legacy_sessions;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [33] drop check `payments_amount_check` on `payments`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF to_regclass('payments') IS NOT NULL THEN
        ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_amount_check;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [34] remove the dual-write trigger on `payments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/orders.mig:33:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_payments ON payments;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS migc_sync_payments();

-- [35] drop column `payments.amount`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE payments DROP COLUMN IF EXISTS amount;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [36] remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:4:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_users ON users;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DROP FUNCTION IF EXISTS migc_sync_users();

-- [37] drop view `customer_directory` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS customer_directory;

-- [38] drop column `users.full_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:10:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE users DROP COLUMN IF EXISTS full_name;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [39] drop column `users.nickname`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE users DROP COLUMN IF EXISTS nickname;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [40] recreate view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from examples/shop/v2/users.mig:47:6
CREATE OR REPLACE VIEW customer_directory AS SELECT id, email, first_name, last_name, phone FROM users;
