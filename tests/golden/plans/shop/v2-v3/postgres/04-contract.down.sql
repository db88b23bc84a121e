-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [71] undo: stop showing `users` to the new application in its shape (view `migc_ead8aada0f99.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"users"'), to_regclass('"users"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'email', 'email'), (3, 'email_normalized', 'email_normalized'), (4, 'first_name', 'first_name'), (5, 'last_name', 'last_name'), (6, 'phone', 'phone'), (7, 'password_hash', 'password_hash'), (8, 'is_admin', 'is_admin'), (9, 'marketing_opt_in', 'marketing_opt_in'), (10, 'created_at', 'created_at'), (11, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."users"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"users"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [70] undo: stop showing `orders` to the new application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status__migc_new', 'status'), (5, 'total', 'total'), (6, 'customer_note', 'customer_note'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."orders"', cols, rel);
  ALTER TABLE "migc_ead8aada0f99"."orders" ALTER COLUMN "status" SET DEFAULT 'pending';
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"orders"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [69] undo: stop showing `addresses` to the new application in its shape (view `migc_ead8aada0f99.addresses`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"addresses"'), to_regclass('"addresses"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'recipient', 'recipient'), (4, 'line1', 'line1'), (5, 'line2', 'line2'), (6, 'city', 'city'), (7, 'postal_code', 'postal_code'), (8, 'country', 'country'), (9, 'is_default', 'is_default'), (10, 'created_at', 'created_at'), (11, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."addresses"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"addresses"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."addresses"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [68] undo: recreate view `product_stock`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [67] undo: rename table `stock` to `stock_levels`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:10:7
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"stock_levels"') IS NOT NULL AND to_regclass('"stock"') IS NULL THEN
        ALTER TABLE "stock_levels" RENAME TO "stock";
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

-- [66] undo: drop the view `stock_levels` standing for table `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:10:7
CREATE OR REPLACE VIEW "stock_levels" AS SELECT * FROM "stock";

-- [65] undo: drop view `product_stock` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock_levels" GROUP BY "product_id";

-- [64] undo: recreate view `order_totals`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v3/orders.mig:60:6
DROP VIEW IF EXISTS "order_totals";

-- [63] undo: drop column `orders.notes`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "notes" text;
      UPDATE "orders" SET "notes" = "customer_note" WHERE "notes" IS NULL;
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

-- [62] undo: remove the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:12:7
CREATE OR REPLACE FUNCTION "migc_sync_orders"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."status__migc_new" IS NULL AND (TG_OP = 'INSERT' OR OLD."status__migc_new" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "status" of relation "orders" violates not-null constraint', COLUMN = 'status', TABLE = 'orders';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."customer_note" IS DISTINCT FROM OLD."customer_note" OR NEW."status__migc_new" IS DISTINCT FROM OLD."status__migc_new" THEN
      NEW."notes" := NEW."customer_note";
      NEW."status" := CAST(CAST(NEW."status__migc_new" AS TEXT) AS order_status);
    END IF;
  ELSIF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."notes" IS DISTINCT FROM OLD."notes" OR (NEW."customer_note" IS NULL) THEN
      NEW."customer_note" := NEW."notes";
    END IF;
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."status__migc_new" IS NULL THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'refunded' THEN NULL ELSE CAST(NEW."status" AS TEXT) END AS order_status__migc);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    -- shadow columns of type changes follow the deployed columns
    IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" THEN
      NEW."status__migc_new" := CAST(CASE CAST(NEW."status" AS TEXT) WHEN 'refunded' THEN NULL ELSE CAST(NEW."status" AS TEXT) END AS order_status__migc);
    END IF;
    IF TG_OP = 'INSERT' THEN
      IF NEW."customer_note" IS NULL THEN
        -- written by the old application
        NEW."customer_note" := NEW."notes";
      ELSE
        -- written by the new application
        NEW."notes" := NEW."customer_note";
      END IF;
    ELSIF (NEW."notes" IS DISTINCT FROM OLD."notes" OR NEW."customer_note" IS NULL) AND NOT (NEW."customer_note" IS DISTINCT FROM OLD."customer_note") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."customer_note" := NEW."notes";
    ELSIF (NEW."customer_note" IS DISTINCT FROM OLD."customer_note") AND NOT (NEW."notes" IS DISTINCT FROM OLD."notes") THEN
      -- updated by the new application
      NEW."notes" := NEW."customer_note";
    END IF;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_orders" ON "orders";
      CREATE TRIGGER "migc_sync_orders" BEFORE INSERT OR UPDATE ON "orders" FOR EACH ROW EXECUTE FUNCTION "migc_sync_orders"();
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

-- [61] undo: set the default of `orders.status`
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

-- [60] undo: put shadow column `status__migc_new` in place of `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"orders"') AND attname = 'status__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE "orders" RENAME COLUMN "status" TO "status__migc_new";
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

-- [59] undo: give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
DO $migc$
BEGIN
  IF to_regtype('"order_status__migc"') IS NULL AND to_regtype('"order_status"') IS NOT NULL THEN
    ALTER TYPE "order_status" RENAME TO "order_status__migc";
    CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded');
  END IF;
END
$migc$;

-- [58] undo: drop column `orders.status`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "status" "order_status";
      ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'pending';
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

-- [57] undo: drop view `order_totals` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [56] undo: remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:4:7
CREATE OR REPLACE FUNCTION "migc_sync_users"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."email_normalized" IS NULL AND (TG_OP = 'INSERT' OR OLD."email_normalized" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "email_normalized" of relation "users" violates not-null constraint', COLUMN = 'email_normalized', TABLE = 'users';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."email_normalized" IS DISTINCT FROM OLD."email_normalized" THEN
      NULL;
    END IF;
  ELSIF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."email" IS DISTINCT FROM OLD."email" OR (NEW."email_normalized" IS NULL) THEN
      NEW."email_normalized" := lower(TRIM(NEW."email"));
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."email_normalized" IS NULL THEN
        -- written by the old application
        NEW."email_normalized" := lower(TRIM(NEW."email"));
      ELSE
        -- written by the new application
        NULL;
      END IF;
    ELSIF (NEW."email" IS DISTINCT FROM OLD."email" OR NEW."email_normalized" IS NULL) AND NOT (NEW."email_normalized" IS DISTINCT FROM OLD."email_normalized") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."email_normalized" := lower(TRIM(NEW."email"));
    ELSIF (NEW."email_normalized" IS DISTINCT FROM OLD."email_normalized") AND NOT (false) THEN
      -- updated by the new application
      NULL;
    END IF;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_users" ON "users";
      CREATE TRIGGER "migc_sync_users" BEFORE INSERT OR UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "migc_sync_users"();
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

-- [55] undo: drop index `users_email_lower_key` on `users`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"users_email_lower_key"') AND NOT indisvalid) THEN
        DROP INDEX IF EXISTS "users_email_lower_key";
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
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_email_lower_key" ON "users" ((lower("email")));

-- [54] undo: rename constraint `stock_warehouse_id_fkey` to `stock_levels_warehouse_id_fkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:12:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_levels_warehouse_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_warehouse_id_fkey') THEN
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_levels_warehouse_id_fkey" TO "stock_warehouse_id_fkey";
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

-- [53] undo: rename constraint `stock_product_id_fkey` to `stock_levels_product_id_fkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:11:43
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_levels_product_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_product_id_fkey') THEN
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_levels_product_id_fkey" TO "stock_product_id_fkey";
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

-- [52] undo: rename constraint `stock_reserved_check` to `stock_levels_reserved_check` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:14:42
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_levels_reserved_check') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_reserved_check') THEN
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_levels_reserved_check" TO "stock_reserved_check";
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

-- [51] undo: rename constraint `stock_quantity_check` to `stock_levels_quantity_check` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:13:42
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_levels_quantity_check') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_quantity_check') THEN
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_levels_quantity_check" TO "stock_quantity_check";
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

-- [50] undo: rename constraint `stock_pkey` to `stock_levels_pkey` on `stock`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/inventory.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_levels_pkey') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock"') AND conname = 'stock_pkey') THEN
        ALTER TABLE "stock" RENAME CONSTRAINT "stock_levels_pkey" TO "stock_pkey";
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

-- [49] undo: rename index `orders_pending__migc` to `orders_pending`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/orders.mig:23:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"orders_pending"') IS NOT NULL AND to_regclass('"orders_pending__migc"') IS NULL THEN
        ALTER INDEX "orders_pending" RENAME TO "orders_pending__migc";
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

-- [48] undo: drop index `orders_pending` on `orders`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('"orders_pending"') AND NOT indisvalid) THEN
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
CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';

-- [47] undo: drop column `addresses.house_number`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:36:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" ADD COLUMN IF NOT EXISTS "house_number" varchar(16);
      UPDATE "addresses" SET "house_number" = '' WHERE "house_number" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "addresses" WHERE "house_number" IS NULL) THEN
        ALTER TABLE "addresses" ALTER COLUMN "house_number" SET NOT NULL;
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

-- [46] undo: drop column `addresses.street`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:35:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "addresses" ADD COLUMN IF NOT EXISTS "street" text;
      UPDATE "addresses" SET "street" = "line1" WHERE "street" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "addresses" WHERE "street" IS NULL) THEN
        ALTER TABLE "addresses" ALTER COLUMN "street" SET NOT NULL;
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

-- [45] undo: remove the dual-write trigger on `addresses`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v3/users.mig:28:7
CREATE OR REPLACE FUNCTION "migc_sync_addresses"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."line1" IS NULL AND (TG_OP = 'INSERT' OR OLD."line1" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "line1" of relation "addresses" violates not-null constraint', COLUMN = 'line1', TABLE = 'addresses';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."line1" IS DISTINCT FROM OLD."line1" THEN
      NEW."street" := NEW."line1";
      NEW."house_number" := '';
    END IF;
  ELSIF coalesce('migc_073fbcdad024' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."street" IS DISTINCT FROM OLD."street" OR NEW."house_number" IS DISTINCT FROM OLD."house_number" OR (NEW."line1" IS NULL) THEN
      NEW."line1" := NEW."street" || ' ' || NEW."house_number";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."line1" IS NULL THEN
        -- written by the old application
        NEW."line1" := NEW."street" || ' ' || NEW."house_number";
      ELSE
        -- written by the new application
        NEW."street" := NEW."line1";
        NEW."house_number" := '';
      END IF;
    ELSIF (NEW."street" IS DISTINCT FROM OLD."street" OR NEW."house_number" IS DISTINCT FROM OLD."house_number" OR NEW."line1" IS NULL) AND NOT (NEW."line1" IS DISTINCT FROM OLD."line1") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."line1" := NEW."street" || ' ' || NEW."house_number";
    ELSIF (NEW."line1" IS DISTINCT FROM OLD."line1") AND NOT (NEW."street" IS DISTINCT FROM OLD."street" OR NEW."house_number" IS DISTINCT FROM OLD."house_number") THEN
      -- updated by the new application
      NEW."street" := NEW."line1";
      NEW."house_number" := '';
    END IF;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      DROP TRIGGER IF EXISTS "migc_sync_addresses" ON "addresses";
      CREATE TRIGGER "migc_sync_addresses" BEFORE INSERT OR UPDATE ON "addresses" FOR EACH ROW EXECUTE FUNCTION "migc_sync_addresses"();
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

-- [44] undo: let `addresses.house_number` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"addresses"') AND conname = 'addresses_house_number_not_null') THEN
        ALTER TABLE "addresses" ADD CONSTRAINT "addresses_house_number_not_null" CHECK ("house_number" IS NOT NULL) NOT VALID;
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
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM "addresses" WHERE "house_number" IS NULL) THEN
        ALTER TABLE "addresses" VALIDATE CONSTRAINT "addresses_house_number_not_null";
        ALTER TABLE "addresses" ALTER COLUMN "house_number" SET NOT NULL;
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_house_number_not_null";
      ELSE
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_house_number_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'addresses', 'house_number';
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

-- [43] undo: let `addresses.street` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"addresses"') AND conname = 'addresses_street_not_null') THEN
        ALTER TABLE "addresses" ADD CONSTRAINT "addresses_street_not_null" CHECK ("street" IS NOT NULL) NOT VALID;
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
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM "addresses" WHERE "street" IS NULL) THEN
        ALTER TABLE "addresses" VALIDATE CONSTRAINT "addresses_street_not_null";
        ALTER TABLE "addresses" ALTER COLUMN "street" SET NOT NULL;
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_street_not_null";
      ELSE
        ALTER TABLE "addresses" DROP CONSTRAINT IF EXISTS "addresses_street_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'addresses', 'street';
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

-- [42] undo: stop showing `users` to the old application in its shape (view `migc_073fbcdad024.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"users"'), to_regclass('"users"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'email', 'email'), (3, 'first_name', 'first_name'), (4, 'last_name', 'last_name'), (5, 'phone', 'phone'), (6, 'password_hash', 'password_hash'), (7, 'is_admin', 'is_admin'), (8, 'marketing_opt_in', 'marketing_opt_in'), (9, 'created_at', 'created_at'), (10, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."users"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"users"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;

-- [41] undo: stop showing `orders` to the old application in its shape (view `migc_073fbcdad024.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status', 'status'), (5, 'total', 'total'), (6, 'notes', 'notes'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."orders"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"orders"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;

-- [40] undo: stop showing `addresses` to the old application in its shape (view `migc_073fbcdad024.addresses`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"addresses"'), to_regclass('"addresses"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'recipient', 'recipient'), (4, 'street', 'street'), (5, 'house_number', 'house_number'), (6, 'city', 'city'), (7, 'postal_code', 'postal_code'), (8, 'country', 'country'), (9, 'is_default', 'is_default'), (10, 'created_at', 'created_at'), (11, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_073fbcdad024"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_073fbcdad024"."addresses"', cols, rel);
END
$migc$;
DO $migc$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT a.privilege_type AS privilege,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"addresses"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_073fbcdad024"."addresses"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_073fbcdad024"');
END
$migc$;
