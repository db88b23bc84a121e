-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [40] undo: recreate view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from examples/shop/v2/users.mig:47:6
DROP VIEW IF EXISTS customer_directory;

-- [39] undo: drop column `users.nickname`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:16:15
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
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

-- [38] undo: drop column `users.full_name`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:10:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE users ADD COLUMN IF NOT EXISTS full_name text;
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

-- [37] undo: drop view `customer_directory` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW customer_directory AS SELECT id, email, first_name, last_name, phone FROM users;

-- [36] undo: remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:4:7
CREATE OR REPLACE FUNCTION migc_sync_users() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.first_name IS NULL AND NEW.last_name IS NULL THEN
      -- written by the old application
      NEW.first_name := split_part(NEW.full_name, ' ', 1);
      NEW.last_name := split_part(NEW.full_name, ' ', 2);
    ELSE
      -- written by the new application
      NEW.full_name := NEW.first_name || ' ' || NEW.last_name;
    END IF;
  ELSIF (NEW.full_name IS DISTINCT FROM OLD.full_name) AND NOT (NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name) THEN
    -- updated by the old application
    NEW.first_name := split_part(NEW.full_name, ' ', 1);
    NEW.last_name := split_part(NEW.full_name, ' ', 2);
  ELSIF (NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name) AND NOT (NEW.full_name IS DISTINCT FROM OLD.full_name) THEN
    -- updated by the new application
    NEW.full_name := NEW.first_name || ' ' || NEW.last_name;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_users ON users;
      CREATE TRIGGER migc_sync_users BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION migc_sync_users();
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

-- [35] undo: drop column `payments.amount`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE payments ADD COLUMN IF NOT EXISTS amount numeric(12,2);
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

-- [34] undo: remove the dual-write trigger on `payments`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/orders.mig:33:7
CREATE OR REPLACE FUNCTION migc_sync_payments() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.amount_cents IS NULL THEN
      -- written by the old application
      NEW.amount_cents := round(NEW.amount * 100);
    ELSE
      -- written by the new application
      NEW.amount := NEW.amount_cents / 100.0;
    END IF;
  ELSIF (NEW.amount IS DISTINCT FROM OLD.amount) AND NOT (NEW.amount_cents IS DISTINCT FROM OLD.amount_cents) THEN
    -- updated by the old application
    NEW.amount_cents := round(NEW.amount * 100);
  ELSIF (NEW.amount_cents IS DISTINCT FROM OLD.amount_cents) AND NOT (NEW.amount IS DISTINCT FROM OLD.amount) THEN
    -- updated by the new application
    NEW.amount := NEW.amount_cents / 100.0;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_payments ON payments;
      CREATE TRIGGER migc_sync_payments BEFORE INSERT OR UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION migc_sync_payments();
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

-- [33] undo: drop check `payments_amount_check` on `payments`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('payments') AND conname = 'payments_amount_check') THEN
        ALTER TABLE payments ADD CONSTRAINT payments_amount_check CHECK (amount > 0) NOT VALID;
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
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('payments') AND conname = 'payments_amount_check' AND NOT convalidated) THEN
    ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_check;
  END IF;
END
$migc$;

-- [32] undo: drop table `legacy_sessions`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/shop/v2/users.mig:45:12
CREATE TABLE IF NOT EXISTS legacy_sessions (
  token varchar(64) NOT NULL,
  user_id bigint NOT NULL,
  ip_address text,
  expires_at timestamptz NOT NULL,
  CONSTRAINT legacy_sessions_pkey PRIMARY KEY (token)
);
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('legacy_sessions_user_id_idx') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS legacy_sessions_user_id_idx;
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS legacy_sessions_user_id_idx ON legacy_sessions (user_id);
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('legacy_sessions_expires_at_idx') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS legacy_sessions_expires_at_idx;
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS legacy_sessions_expires_at_idx ON legacy_sessions (expires_at);
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('legacy_sessions') AND conname = 'legacy_sessions_user_id_fkey') THEN
        ALTER TABLE legacy_sessions ADD CONSTRAINT legacy_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;
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

-- [31] undo: rename value `completed` of enum `order_status` to `paid`
--     lock: none; rewrite: no; scan: no; from examples/shop/v2/orders.mig:5:30
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype('order_status') AND enumlabel = 'paid') THEN
    ALTER TYPE order_status RENAME VALUE 'paid' TO 'completed';
  END IF;
END
$migc$;
