-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [78] undo: stop showing `users` to the new application in its shape (view `migc_5dc31f109be8.users`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"users"'), to_regclass('"users"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'email', 'email'), (3, 'email_normalized', 'email_normalized'), (4, 'first_name', 'first_name'), (5, 'last_name', 'last_name'), (6, 'phone', 'phone'), (7, 'password_hash', 'password_hash'), (8, 'role', 'role'), (9, 'marketing_opt_in', 'marketing_opt_in'), (10, 'created_at', 'created_at'), (11, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_5dc31f109be8"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_5dc31f109be8"."users"', cols, rel);
  ALTER TABLE "migc_5dc31f109be8"."users" ALTER COLUMN "role" SET DEFAULT 'customer';
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."users"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [77] undo: stop showing `stock_levels` to the new application in its shape (view `migc_5dc31f109be8.stock_levels`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"stock_levels"'), to_regclass('"stock_levels"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'product_id', 'product_id'), (2, 'warehouse_id', 'warehouse_id'), (3, 'quantity', 'quantity'), (4, 'reserved_quantity', 'reserved_quantity')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_5dc31f109be8"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_5dc31f109be8"."stock_levels"', cols, rel);
  ALTER TABLE "migc_5dc31f109be8"."stock_levels" ALTER COLUMN "reserved_quantity" SET DEFAULT 0;
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
    WHERE c.oid = to_regclass('"stock_levels"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."stock_levels"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [76] undo: stop showing `products` to the new application in its shape (view `migc_5dc31f109be8.products`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"products"'), to_regclass('"products"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'category_id', 'category_id'), (3, 'sku', 'sku'), (4, 'name', 'name'), (5, 'description', 'description'), (6, 'price', 'price'), (7, 'is_active', 'is_active'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at'), (10, 'deleted_at', 'deleted_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_5dc31f109be8"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_5dc31f109be8"."products"', cols, rel);
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
    WHERE c.oid = to_regclass('"products"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."products"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [75] undo: stop showing `orders` to the new application in its shape (view `migc_5dc31f109be8.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status', 'status'), (5, 'total_cents', 'total_cents'), (6, 'customer_note', 'customer_note'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_5dc31f109be8"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_5dc31f109be8"."orders"', cols, rel);
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
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_5dc31f109be8"."orders"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_5dc31f109be8"');
END
$migc$;

-- [74] undo: recreate view `product_stock`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/inventory.mig:19:6
DROP VIEW IF EXISTS "product_stock";

-- [73] undo: drop column `stock_levels.reserved`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "stock_levels" ADD COLUMN IF NOT EXISTS "reserved" integer;
      UPDATE "stock_levels" SET "reserved" = "reserved_quantity" WHERE "reserved" IS NULL;
      ALTER TABLE "stock_levels" ALTER COLUMN "reserved" SET DEFAULT 0;
      IF NOT EXISTS (SELECT 1 FROM "stock_levels" WHERE "reserved" IS NULL) THEN
        ALTER TABLE "stock_levels" ALTER COLUMN "reserved" SET NOT NULL;
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

-- [72] undo: drop view `product_stock` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved_quantity") AS "available" FROM "stock_levels" GROUP BY "product_id";

-- [71] undo: recreate view `order_totals`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/orders.mig:59:6
DROP VIEW IF EXISTS "order_totals";

-- [70] undo: drop column `orders.total`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "total" numeric(12,2);
      UPDATE "orders" SET "total" = "total_cents" / 100.0 WHERE "total" IS NULL;
      IF NOT EXISTS (SELECT 1 FROM "orders" WHERE "total" IS NULL) THEN
        ALTER TABLE "orders" ALTER COLUMN "total" SET NOT NULL;
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

-- [69] undo: drop view `order_totals` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [68] undo: recreate view `customer_directory`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/users.mig:44:6
DROP VIEW IF EXISTS "customer_directory";

-- [67] undo: drop column `users.is_admin`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "is_admin" boolean;
      UPDATE "users" SET "is_admin" = "role" = 'admin' WHERE "is_admin" IS NULL;
      ALTER TABLE "users" ALTER COLUMN "is_admin" SET DEFAULT false;
      IF NOT EXISTS (SELECT 1 FROM "users" WHERE "is_admin" IS NULL) THEN
        ALTER TABLE "users" ALTER COLUMN "is_admin" SET NOT NULL;
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

-- [66] undo: drop view `customer_directory` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";

-- [65] undo: recreate view `active_products`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v4/catalog.mig:31:6
DROP VIEW IF EXISTS "active_products";

-- [64] undo: drop column `products.attributes`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/catalog.mig:23:15
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      ALTER TABLE "products" ADD COLUMN IF NOT EXISTS "attributes" jsonb;
      COMMENT ON COLUMN "products"."attributes" IS 'free-form facets: colour, size, material';
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

-- [63] undo: drop view `active_products` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW "active_products" AS SELECT "p"."id", "p"."sku", "p"."name", "p"."price", "c"."slug" AS "category_slug" FROM "products" p JOIN "categories" c ON "c"."id" = "p"."category_id" WHERE "p"."is_active" AND "p"."deleted_at" IS NULL;

-- [62] undo: remove the dual-write trigger on `users`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:7:7
CREATE OR REPLACE FUNCTION "migc_sync_users"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."role" IS NULL AND (TG_OP = 'INSERT' OR OLD."role" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "role" of relation "users" violates not-null constraint', COLUMN = 'role', TABLE = 'users';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."role" IS DISTINCT FROM OLD."role" THEN
      NEW."is_admin" := NEW."role" = 'admin';
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."is_admin" IS DISTINCT FROM OLD."is_admin" OR (NEW."role" IS NULL) THEN
      NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."role" IS NULL THEN
        -- written by the old application
        NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
      ELSE
        -- written by the new application
        NEW."is_admin" := NEW."role" = 'admin';
      END IF;
    ELSIF (NEW."is_admin" IS DISTINCT FROM OLD."is_admin" OR NEW."role" IS NULL) AND NOT (NEW."role" IS DISTINCT FROM OLD."role") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."role" := CASE WHEN NEW."is_admin" THEN 'admin' ELSE 'customer' END;
    ELSIF (NEW."role" IS DISTINCT FROM OLD."role") AND NOT (NEW."is_admin" IS DISTINCT FROM OLD."is_admin") THEN
      -- updated by the new application
      NEW."is_admin" := NEW."role" = 'admin';
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

-- [61] undo: set the default of `users.role`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/users.mig:15:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"users"') AND attname = 'role' AND NOT attisdropped) THEN
        ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;
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

-- [60] undo: remove the dual-write trigger on `stock_levels`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:9:7
CREATE OR REPLACE FUNCTION "migc_sync_stock_levels"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."reserved_quantity" IS NULL AND (TG_OP = 'INSERT' OR OLD."reserved_quantity" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "reserved_quantity" of relation "stock_levels" violates not-null constraint', COLUMN = 'reserved_quantity', TABLE = 'stock_levels';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity" THEN
      NEW."reserved" := NEW."reserved_quantity";
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."reserved" IS DISTINCT FROM OLD."reserved" OR (NEW."reserved_quantity" IS NULL) THEN
      NEW."reserved_quantity" := NEW."reserved";
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."reserved_quantity" IS NULL THEN
        -- written by the old application
        NEW."reserved_quantity" := NEW."reserved";
      ELSE
        -- written by the new application
        NEW."reserved" := NEW."reserved_quantity";
      END IF;
    ELSIF (NEW."reserved" IS DISTINCT FROM OLD."reserved" OR NEW."reserved_quantity" IS NULL) AND NOT (NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."reserved_quantity" := NEW."reserved";
    ELSIF (NEW."reserved_quantity" IS DISTINCT FROM OLD."reserved_quantity") AND NOT (NEW."reserved" IS DISTINCT FROM OLD."reserved") THEN
      -- updated by the new application
      NEW."reserved" := NEW."reserved_quantity";
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
      DROP TRIGGER IF EXISTS "migc_sync_stock_levels" ON "stock_levels";
      CREATE TRIGGER "migc_sync_stock_levels" BEFORE INSERT OR UPDATE ON "stock_levels" FOR EACH ROW EXECUTE FUNCTION "migc_sync_stock_levels"();
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

-- [59] undo: rename constraint `stock_reserved_le_quantity__migc` to `stock_reserved_le_quantity` on `stock_levels`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:16:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity__migc') THEN
        ALTER TABLE "stock_levels" RENAME CONSTRAINT "stock_reserved_le_quantity" TO "stock_reserved_le_quantity__migc";
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

-- [58] undo: drop check `stock_reserved_le_quantity` on `stock_levels`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity') THEN
        ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_reserved_le_quantity" CHECK ("reserved" <= "quantity") NOT VALID;
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
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_reserved_le_quantity' AND NOT convalidated) THEN
    ALTER TABLE "stock_levels" VALIDATE CONSTRAINT "stock_reserved_le_quantity";
  END IF;
END
$migc$;

-- [57] undo: drop check `stock_levels_reserved_check` on `stock_levels`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_check') THEN
        ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_reserved_check" CHECK ("reserved" >= 0) NOT VALID;
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
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"stock_levels"') AND conname = 'stock_levels_reserved_check' AND NOT convalidated) THEN
    ALTER TABLE "stock_levels" VALIDATE CONSTRAINT "stock_levels_reserved_check";
  END IF;
END
$migc$;

-- [56] undo: set the default of `stock_levels.reserved_quantity`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from v4/inventory.mig:14:3
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"stock_levels"') AND attname = 'reserved_quantity' AND NOT attisdropped) THEN
        ALTER TABLE "stock_levels" ALTER COLUMN "reserved_quantity" DROP DEFAULT;
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

-- [55] undo: remove the dual-write trigger on `orders`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from v4/orders.mig:10:7
CREATE OR REPLACE FUNCTION "migc_sync_orders"() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF coalesce('migc_5dc31f109be8' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the new application, through its version's views
    IF NEW."total_cents" IS NULL AND (TG_OP = 'INSERT' OR OLD."total_cents" IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'null value in column "total_cents" of relation "orders" violates not-null constraint', COLUMN = 'total_cents', TABLE = 'orders';
    END IF;
    IF TG_OP = 'INSERT' OR NEW."total_cents" IS DISTINCT FROM OLD."total_cents" THEN
      NEW."total" := NEW."total_cents" / 100.0;
    END IF;
  ELSIF coalesce('migc_ead8aada0f99' = ANY (pg_catalog.current_schemas(false)), false) THEN
    -- written by the old application, through its version's views
    IF TG_OP = 'INSERT' OR NEW."total" IS DISTINCT FROM OLD."total" OR (NEW."total_cents" IS NULL) THEN
      NEW."total_cents" := round(NEW."total" * 100);
    END IF;
  ELSE
    -- written by a connection of neither version: told by the columns it fills
    IF TG_OP = 'INSERT' THEN
      IF NEW."total_cents" IS NULL THEN
        -- written by the old application
        NEW."total_cents" := round(NEW."total" * 100);
      ELSE
        -- written by the new application
        NEW."total" := NEW."total_cents" / 100.0;
      END IF;
    ELSIF (NEW."total" IS DISTINCT FROM OLD."total" OR NEW."total_cents" IS NULL) AND NOT (NEW."total_cents" IS DISTINCT FROM OLD."total_cents") THEN
      -- updated by the old application (or a row the backfill has not reached yet)
      NEW."total_cents" := round(NEW."total" * 100);
    ELSIF (NEW."total_cents" IS DISTINCT FROM OLD."total_cents") AND NOT (NEW."total" IS DISTINCT FROM OLD."total") THEN
      -- updated by the new application
      NEW."total" := NEW."total_cents" / 100.0;
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

-- [54] undo: let `orders.total` accept null before the dual-write trigger goes
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_not_null') THEN
        ALTER TABLE "orders" ADD CONSTRAINT "orders_total_not_null" CHECK ("total" IS NOT NULL) NOT VALID;
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
      IF NOT EXISTS (SELECT 1 FROM "orders" WHERE "total" IS NULL) THEN
        ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_total_not_null";
        ALTER TABLE "orders" ALTER COLUMN "total" SET NOT NULL;
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_not_null";
      ELSE
        ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_not_null";
        RAISE NOTICE 'migc: %.% stays nullable: rows hold null', 'orders', 'total';
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

-- [53] undo: drop check `orders_total_check` on `orders`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_check') THEN
        ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK ("total" >= 0) NOT VALID;
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
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('"orders"') AND conname = 'orders_total_check' AND NOT convalidated) THEN
    ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_total_check";
  END IF;
END
$migc$;

-- [52] undo: stop showing `users` to the old application in its shape (view `migc_ead8aada0f99.users`)
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

-- [51] undo: stop showing `stock_levels` to the old application in its shape (view `migc_ead8aada0f99.stock_levels`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"stock_levels"'), to_regclass('"stock_levels"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'product_id', 'product_id'), (2, 'warehouse_id', 'warehouse_id'), (3, 'quantity', 'quantity'), (4, 'reserved', 'reserved')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."stock_levels"', cols, rel);
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
    WHERE c.oid = to_regclass('"stock_levels"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."stock_levels"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [50] undo: stop showing `products` to the old application in its shape (view `migc_ead8aada0f99.products`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"products"'), to_regclass('"products"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'category_id', 'category_id'), (3, 'sku', 'sku'), (4, 'name', 'name'), (5, 'description', 'description'), (6, 'price', 'price'), (7, 'is_active', 'is_active'), (8, 'attributes', 'attributes'), (9, 'created_at', 'created_at'), (10, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."products"', cols, rel);
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
    WHERE c.oid = to_regclass('"products"') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', r.privilege, '"migc_ead8aada0f99"."products"', r.grantee);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO PUBLIC', '"migc_ead8aada0f99"');
END
$migc$;

-- [49] undo: stop showing `orders` to the old application in its shape (view `migc_ead8aada0f99.orders`)
--     lock: ACCESS EXCLUSIVE (on the view); rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  rel regclass := coalesce(to_regclass('"orders"'), to_regclass('"orders"'));
  cols text;
BEGIN
  SELECT string_agg(format('%I AS %I', CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = v.physical AND NOT attisdropped) THEN v.physical ELSE v.name END, v.name), ', ' ORDER BY v.n)
  INTO cols
  FROM (VALUES (1, 'id', 'id'), (2, 'user_id', 'user_id'), (3, 'shipping_address_id', 'shipping_address_id'), (4, 'status', 'status'), (5, 'total', 'total'), (6, 'customer_note', 'customer_note'), (7, 'placed_at', 'placed_at'), (8, 'created_at', 'created_at'), (9, 'updated_at', 'updated_at')) AS v(n, physical, name);
  EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', '"migc_ead8aada0f99"');
  EXECUTE format('CREATE OR REPLACE VIEW %s WITH (security_invoker = true) AS SELECT %s FROM %s', '"migc_ead8aada0f99"."orders"', cols, rel);
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
