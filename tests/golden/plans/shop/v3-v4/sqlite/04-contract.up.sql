-- migc 0.1.0: contract phase (up) for sqlite
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: sqlite3 DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [41] drop check `orders_total_check` on `orders`
--     lock: database write lock; part of the rebuild of `orders` at step 42; rewrite: yes; scan: yes; from the deployed schema
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_contract_up;
DROP TABLE IF EXISTS temp.migc_check;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_verdict;
CREATE TEMP TABLE migc_check (kind TEXT NOT NULL, ok INTEGER);
CREATE TEMP TABLE migc_count (n INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TEMP TABLE migc_verdict (kind TEXT NOT NULL, failed INTEGER NOT NULL);
CREATE TEMP TRIGGER migc_verdict_start BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'start' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: the database is not in the state this script starts from (already applied?); nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_unmanaged BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'unmanaged' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: a table to rebuild has indexes or triggers that migc does not know (declare them in a native block of the schema); nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_steps BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'steps' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: a statement of this script failed (see the errors above); nothing was changed');
END;
CREATE TEMP TRIGGER migc_verdict_foreign_keys BEFORE INSERT ON migc_verdict WHEN NEW.kind = 'foreign keys' AND NEW.failed
BEGIN
  SELECT RAISE(ROLLBACK, 'migc: PRAGMA foreign_key_check finds rows without their parent; nothing was changed');
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT foreign_keys FROM pragma_foreign_keys) = 0;
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,placed_at,shipping_address_id,status,total,total_cents,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'attributes,category_id,created_at,deleted_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_deleted_at_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_deleted_at_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock_levels') ORDER BY name)) = 'product_id,quantity,reserved,reserved_quantity,warehouse_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'stock_levels' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_stock_levels_insert,migc_sync_stock_levels_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_stock_levels_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,role,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('users') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'email_normalized')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx') ORDER BY name)) = 'users_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
-- done by the rebuild of `orders` at step 42

-- [42] let `orders.total` accept null before the dual-write trigger goes
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  "total_cents" integer,
  "total" numeric(12,2),
  "customer_note" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "orders_total_cents_check" CHECK ("total_cents" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "status", "total_cents", "total", "customer_note", "placed_at", "created_at", "updated_at") SELECT "id", "user_id", "shipping_address_id", "status", "total_cents", "total", "customer_note", "placed_at", "created_at", "updated_at" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
CREATE TRIGGER "migc_sync_orders_insert" AFTER INSERT ON "orders"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_orders_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "orders" SET "total_cents" = round("total" * 100) WHERE rowid = NEW.rowid AND NEW."total_cents" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "orders" SET "total" = "total_cents" / 100.0 WHERE rowid = NEW.rowid AND NOT (NEW."total_cents" IS NULL);
  DELETE FROM "migc_sync_orders_guard";
END;
CREATE TRIGGER "migc_sync_orders_update" AFTER UPDATE ON "orders"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_orders_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "orders" SET "total_cents" = round("total" * 100) WHERE rowid = NEW.rowid AND (coalesce(NEW."total" <> OLD."total", NEW."total" IS NOT NULL OR OLD."total" IS NOT NULL) OR NEW."total_cents" IS NULL) AND NOT (coalesce(NEW."total_cents" <> OLD."total_cents", NEW."total_cents" IS NOT NULL OR OLD."total_cents" IS NOT NULL));
  -- updated by the new application
  UPDATE "orders" SET "total" = "total_cents" / 100.0 WHERE rowid = NEW.rowid AND (coalesce(NEW."total_cents" <> OLD."total_cents", NEW."total_cents" IS NOT NULL OR OLD."total_cents" IS NOT NULL)) AND NOT (coalesce(NEW."total" <> OLD."total", NEW."total" IS NOT NULL OR OLD."total" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [43] remove the dual-write trigger on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v4/orders.mig:10:7
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  "total_cents" integer NOT NULL,
  "total" numeric(12,2),
  "customer_note" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "orders_total_cents_check" CHECK ("total_cents" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "status", "total_cents", "total", "customer_note", "placed_at", "created_at", "updated_at") SELECT "id", "user_id", "shipping_address_id", "status", "total_cents", "total", "customer_note", "placed_at", "created_at", "updated_at" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
DROP TABLE "migc_sync_orders_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [44] set the default of `stock_levels.reserved_quantity`
--     lock: database write lock; part of the rebuild of `stock_levels` at step 46; rewrite: yes; scan: yes; from v4/inventory.mig:14:3
-- done by the rebuild of `stock_levels` at step 46

-- [45] drop check `stock_levels_reserved_check` on `stock_levels`
--     lock: database write lock; part of the rebuild of `stock_levels` at step 46; rewrite: yes; scan: yes; from the deployed schema
-- done by the rebuild of `stock_levels` at step 46

-- [46] drop check `stock_reserved_le_quantity` on `stock_levels`
--     lock: database write lock; rebuilds `stock_levels` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "stock_levels" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "stock_levels";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'stock_levels' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('migc_sync_stock_levels_insert', 'migc_sync_stock_levels_update'));
CREATE TABLE "migc_new_stock_levels" (
  "product_id" integer NOT NULL,
  "warehouse_id" integer NOT NULL,
  "quantity" integer NOT NULL DEFAULT 0,
  "reserved_quantity" integer DEFAULT 0,
  "reserved" integer DEFAULT 0,
  PRIMARY KEY ("product_id", "warehouse_id"),
  CONSTRAINT "stock_levels_quantity_check" CHECK ("quantity" >= 0),
  CONSTRAINT "stock_levels_reserved_quantity_check" CHECK ("reserved_quantity" >= 0),
  FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouses" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_stock_levels" (rowid, "product_id", "warehouse_id", "quantity", "reserved_quantity", "reserved") SELECT rowid, "product_id", "warehouse_id", "quantity", "reserved_quantity", "reserved" FROM "stock_levels";
DROP TABLE "stock_levels";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_stock_levels" RENAME TO "stock_levels";
PRAGMA legacy_alter_table = 0;
CREATE TRIGGER "migc_sync_stock_levels_insert" AFTER INSERT ON "stock_levels"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_stock_levels_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "stock_levels" SET "reserved_quantity" = "reserved" WHERE rowid = NEW.rowid AND NEW."reserved_quantity" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "stock_levels" SET "reserved" = "reserved_quantity" WHERE rowid = NEW.rowid AND NOT (NEW."reserved_quantity" IS NULL);
  DELETE FROM "migc_sync_stock_levels_guard";
  -- checks that mix columns the trigger fills with columns the application writes
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity__migc') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved_quantity" <= "quantity");
END;
CREATE TRIGGER "migc_sync_stock_levels_update" AFTER UPDATE ON "stock_levels"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_stock_levels_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "stock_levels" SET "reserved_quantity" = "reserved" WHERE rowid = NEW.rowid AND (coalesce(NEW."reserved" <> OLD."reserved", NEW."reserved" IS NOT NULL OR OLD."reserved" IS NOT NULL) OR NEW."reserved_quantity" IS NULL) AND NOT (coalesce(NEW."reserved_quantity" <> OLD."reserved_quantity", NEW."reserved_quantity" IS NOT NULL OR OLD."reserved_quantity" IS NOT NULL));
  -- updated by the new application
  UPDATE "stock_levels" SET "reserved" = "reserved_quantity" WHERE rowid = NEW.rowid AND (coalesce(NEW."reserved_quantity" <> OLD."reserved_quantity", NEW."reserved_quantity" IS NOT NULL OR OLD."reserved_quantity" IS NOT NULL)) AND NOT (coalesce(NEW."reserved" <> OLD."reserved", NEW."reserved" IS NOT NULL OR OLD."reserved" IS NOT NULL));
  -- checks that mix columns the trigger fills with columns the application writes
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity__migc') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved_quantity" <= "quantity");
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "stock_levels") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [47] rename constraint `stock_reserved_le_quantity__migc` to `stock_reserved_le_quantity` on `stock_levels`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v4/inventory.mig:16:3
DROP TRIGGER "migc_sync_stock_levels_insert";
DROP TRIGGER "migc_sync_stock_levels_update";
CREATE TRIGGER "migc_sync_stock_levels_insert" AFTER INSERT ON "stock_levels"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_stock_levels_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "stock_levels" SET "reserved_quantity" = "reserved" WHERE rowid = NEW.rowid AND NEW."reserved_quantity" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "stock_levels" SET "reserved" = "reserved_quantity" WHERE rowid = NEW.rowid AND NOT (NEW."reserved_quantity" IS NULL);
  DELETE FROM "migc_sync_stock_levels_guard";
  -- checks that mix columns the trigger fills with columns the application writes
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved_quantity" <= "quantity");
END;
CREATE TRIGGER "migc_sync_stock_levels_update" AFTER UPDATE ON "stock_levels"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_stock_levels_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "stock_levels" SET "reserved_quantity" = "reserved" WHERE rowid = NEW.rowid AND (coalesce(NEW."reserved" <> OLD."reserved", NEW."reserved" IS NOT NULL OR OLD."reserved" IS NOT NULL) OR NEW."reserved_quantity" IS NULL) AND NOT (coalesce(NEW."reserved_quantity" <> OLD."reserved_quantity", NEW."reserved_quantity" IS NOT NULL OR OLD."reserved_quantity" IS NOT NULL));
  -- updated by the new application
  UPDATE "stock_levels" SET "reserved" = "reserved_quantity" WHERE rowid = NEW.rowid AND (coalesce(NEW."reserved_quantity" <> OLD."reserved_quantity", NEW."reserved_quantity" IS NOT NULL OR OLD."reserved_quantity" IS NOT NULL)) AND NOT (coalesce(NEW."reserved" <> OLD."reserved", NEW."reserved" IS NOT NULL OR OLD."reserved" IS NOT NULL));
  -- checks that mix columns the trigger fills with columns the application writes
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved_quantity" <= "quantity");
END;

-- [48] remove the dual-write trigger on `stock_levels`
--     lock: database write lock; rebuilds `stock_levels` (copies every row into a new table); rewrite: yes; scan: yes; from v4/inventory.mig:9:7
-- rebuild "stock_levels" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "stock_levels";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'stock_levels' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('migc_sync_stock_levels_insert', 'migc_sync_stock_levels_update'));
CREATE TABLE "migc_new_stock_levels" (
  "product_id" integer NOT NULL,
  "warehouse_id" integer NOT NULL,
  "quantity" integer NOT NULL DEFAULT 0,
  "reserved_quantity" integer NOT NULL DEFAULT 0,
  "reserved" integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("product_id", "warehouse_id"),
  CONSTRAINT "stock_levels_quantity_check" CHECK ("quantity" >= 0),
  CONSTRAINT "stock_levels_reserved_quantity_check" CHECK ("reserved_quantity" >= 0),
  CONSTRAINT "stock_reserved_le_quantity" CHECK ("reserved_quantity" <= "quantity"),
  FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouses" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_stock_levels" (rowid, "product_id", "warehouse_id", "quantity", "reserved_quantity", "reserved") SELECT rowid, "product_id", "warehouse_id", "quantity", "reserved_quantity", coalesce("reserved", "reserved_quantity") FROM "stock_levels";
DROP TABLE "stock_levels";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_stock_levels" RENAME TO "stock_levels";
PRAGMA legacy_alter_table = 0;
DROP TABLE "migc_sync_stock_levels_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "stock_levels") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [49] set the default of `users.role`
--     lock: database write lock; part of the rebuild of `users` at step 50; rewrite: yes; scan: yes; from v4/users.mig:15:3
-- done by the rebuild of `users` at step 50

-- [50] remove the dual-write trigger on `users`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v4/users.mig:7:7
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_normalized_key', 'users_created_at_idx', 'migc_sync_users_insert', 'migc_sync_users_update'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "email_normalized" text NOT NULL,
  "first_name" text NOT NULL,
  "last_name" text NOT NULL,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "role" text NOT NULL DEFAULT 'customer' CHECK ("role" IN ('customer', 'support', 'admin')),
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_email_normalized_key" UNIQUE ("email_normalized")
);
INSERT INTO "migc_new_users" ("id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "role", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "role", coalesce("is_admin", "role" = 'admin'), "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
DROP TABLE "migc_sync_users_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [51] drop view `active_products` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "active_products";

-- [52] drop column `products.attributes`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v4/catalog.mig:23:15
ALTER TABLE "products" DROP COLUMN "attributes";

-- [53] recreate view `active_products`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v4/catalog.mig:31:6
CREATE VIEW "active_products" AS SELECT "p"."id", "p"."sku", "p"."name", "p"."price", "c"."slug" AS "category_slug" FROM "products" p JOIN "categories" c ON "c"."id" = "p"."category_id" WHERE "p"."is_active" AND "p"."deleted_at" IS NULL;

-- [54] drop view `customer_directory` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "customer_directory";

-- [55] drop column `users.is_admin`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
ALTER TABLE "users" DROP COLUMN "is_admin";

-- [56] recreate view `customer_directory`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v4/users.mig:44:6
CREATE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";

-- [57] drop view `order_totals` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "order_totals";

-- [58] drop column `orders.total`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
ALTER TABLE "orders" DROP COLUMN "total";

-- [59] recreate view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v4/orders.mig:59:6
CREATE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [60] drop view `product_stock` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "product_stock";

-- [61] drop column `stock_levels.reserved`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
ALTER TABLE "stock_levels" DROP COLUMN "reserved";

-- [62] recreate view `product_stock`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v4/inventory.mig:19:6
CREATE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved_quantity") AS "available" FROM "stock_levels" GROUP BY "product_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,placed_at,shipping_address_id,status,total_cents,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'category_id,created_at,deleted_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_deleted_at_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_deleted_at_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock_levels') ORDER BY name)) = 'product_id,quantity,reserved_quantity,warehouse_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'stock_levels' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_stock_levels_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,last_name,marketing_opt_in,password_hash,phone,role,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('users') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'email_normalized')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx') ORDER BY name)) = 'users_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('carts'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('refunds'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('stock_levels'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 27;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 8;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
