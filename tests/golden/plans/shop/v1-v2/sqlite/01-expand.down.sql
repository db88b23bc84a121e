-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [20] undo: create view `customer_directory`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/users.mig:47:6
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_expand_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('order_items') ORDER BY name)) = 'line,order_id,product_id,quantity,unit_price'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('order_items') WHERE name IN ('order_items_product_id_idx') ORDER BY name)) = 'order_items_product_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx', 'payments_provider_ref_key') ORDER BY name)) = 'payments_order_id_idx,payments_provider_ref_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_payments_insert,migc_sync_payments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'attributes,category_id,created_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,full_name,id,is_admin,last_name,marketing_opt_in,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
DROP VIEW "customer_directory";

-- [19] undo: install the dual-write trigger on `users`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v2/users.mig:4:7
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx', 'migc_sync_users_insert', 'migc_sync_users_update'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "first_name" text,
  "last_name" text,
  "full_name" text NOT NULL,
  "nickname" text,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "migc_new_users" ("id", "email", "first_name", "last_name", "full_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "first_name", "last_name", coalesce("full_name", "first_name" || ' ' || "last_name"), "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
DROP TABLE "migc_sync_users_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [18] undo: add column `users.marketing_opt_in`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v2/users.mig:14:3
ALTER TABLE "users" DROP COLUMN "first_name";
ALTER TABLE "users" DROP COLUMN "last_name";
ALTER TABLE "users" DROP COLUMN "marketing_opt_in";

-- [17] undo: add column `users.last_name` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `users` at step 18; rewrite: yes; scan: yes; from v2/users.mig:9:3
-- undone by the rebuild of `users` at step 18

-- [16] undo: add column `users.first_name` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `users` at step 18; rewrite: yes; scan: yes; from v2/users.mig:8:3
-- undone by the rebuild of `users` at step 18

-- [15] undo: add foreign key `stock_product_id_fkey` on `stock` for new rows
--     lock: none; rewrite: no; scan: no; from v2/inventory.mig:11:43
-- nothing to undo

-- [14] undo: widen `products.price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: database write lock; rebuilds `products` (copies every row into a new table); rewrite: yes; scan: yes; from v2/catalog.mig:20:3
-- rebuild "products" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "products";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'products' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('products_sku_key', 'products_category_id_is_active_idx', 'products_name_lower'));
CREATE TABLE "migc_new_products" (
  "id" integer PRIMARY KEY,
  "category_id" integer NOT NULL,
  "sku" varchar(64) NOT NULL,
  "name" text NOT NULL,
  "description" text,
  "price" numeric(10,2) NOT NULL,
  "is_active" boolean NOT NULL DEFAULT true,
  "attributes" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "products_price_check" CHECK ("price" >= 0),
  CONSTRAINT "products_sku_key" UNIQUE ("sku"),
  FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_products" ("id", "category_id", "sku", "name", "description", "price", "is_active", "attributes", "created_at", "updated_at") SELECT "id", "category_id", "sku", "name", "description", "price", "is_active", "attributes", "created_at", "updated_at" FROM "products";
DROP TABLE "products";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_products" RENAME TO "products";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "products_category_id_is_active_idx" ON "products" ("category_id", "is_active");
CREATE INDEX "products_name_lower" ON "products" ((lower("name")));
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "products") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [13] undo: install the dual-write trigger on `payments`
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:33:7
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "payments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'payments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('payments_order_id_idx', 'payments_provider_ref_key', 'migc_sync_payments_insert', 'migc_sync_payments_update'));
CREATE TABLE "migc_new_payments" (
  "id" integer PRIMARY KEY,
  "order_id" integer NOT NULL,
  "method" text NOT NULL CHECK ("method" IN ('card', 'paypal', 'bank_transfer')),
  "amount_cents" integer,
  "currency" varchar(3) NOT NULL DEFAULT 'EUR',
  "amount" numeric(12,2) NOT NULL,
  "provider_ref" text,
  "paid_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", coalesce("amount", "amount_cents" / 100.0), "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments" ("provider_ref");
DROP TABLE "migc_sync_payments_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [12] undo: add check `payments_currency_check` on `payments` for new rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:39:54
-- nothing to undo

-- [11] undo: add check `payments_amount_cents_check` on `payments` for new rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:40
-- nothing to undo

-- [10] undo: create unique index `payments_provider_ref_key` on `payments`
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:41:36
DROP INDEX "payments_provider_ref_key";
ALTER TABLE "payments" DROP COLUMN "amount_cents";
ALTER TABLE "payments" DROP COLUMN "currency";

-- [9] undo: add column `payments.currency`
--     lock: database write lock; part of the rebuild of `payments` at step 10; rewrite: yes; scan: yes; from v2/orders.mig:39:3
-- undone by the rebuild of `payments` at step 10

-- [8] undo: add column `payments.amount_cents` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `payments` at step 10; rewrite: yes; scan: yes; from v2/orders.mig:38:3
-- undone by the rebuild of `payments` at step 10

-- [7] undo: install the dual-write trigger on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/orders.mig:9:7
DROP TRIGGER "migc_sync_orders_insert";
DROP TRIGGER "migc_sync_orders_update";
DROP TABLE "migc_sync_orders_guard";

-- [6] undo: create index `orders_pending__migc` on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:20:3
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'orders_pending__migc'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'completed', 'shipped', 'cancelled', 'refunded', 'paid', 'delivered')),
  "total" numeric(12,2) NOT NULL,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "status", "total", "notes", "placed_at", "created_at", "updated_at") SELECT "id", "user_id", "shipping_address_id", "status", "total", "notes", "placed_at", "created_at", "updated_at" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [5] undo: add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: database write lock; part of the rebuild of `orders` at step 6; rewrite: yes; scan: yes; from v2/orders.mig:13:3
-- undone by the rebuild of `orders` at step 6

-- [4] undo: widen `order_items.unit_price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: database write lock; rebuilds `order_items` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:28:3
-- rebuild "order_items" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "order_items";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'order_items' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('order_items_product_id_idx'));
CREATE TABLE "migc_new_order_items" (
  "order_id" integer NOT NULL,
  "line" integer NOT NULL,
  "product_id" integer NOT NULL,
  "quantity" integer NOT NULL,
  "unit_price" numeric(10,2) NOT NULL,
  PRIMARY KEY ("order_id", "line"),
  CONSTRAINT "order_items_quantity_check" CHECK ("quantity" > 0),
  CONSTRAINT "order_items_unit_price_check" CHECK ("unit_price" >= 0),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_order_items" (rowid, "order_id", "line", "product_id", "quantity", "unit_price") SELECT rowid, "order_id", "line", "product_id", "quantity", "unit_price" FROM "order_items";
DROP TABLE "order_items";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_order_items" RENAME TO "order_items";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "order_items_product_id_idx" ON "order_items" ("product_id");
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "order_items") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [3] undo: create enum `order_status__migc`, the new shape of `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
-- nothing to undo

-- [2] undo: add value `delivered` to enum `order_status`
--     lock: database write lock; part of the rebuild of `orders` at step 6; rewrite: yes; scan: yes; from v2/orders.mig:5:68
-- undone by the rebuild of `orders` at step 6

-- [1] undo: add value `paid` to enum `order_status` (renamed from `completed`)
--     lock: database write lock; part of the rebuild of `orders` at step 6; rewrite: yes; scan: yes; from v2/orders.mig:5:30
-- undone by the rebuild of `orders` at step 6
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('order_items') ORDER BY name)) = 'line,order_id,product_id,quantity,unit_price'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('order_items') WHERE name IN ('order_items_product_id_idx') ORDER BY name)) = 'order_items_product_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,created_at,id,method,order_id,paid_at,provider_ref,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx', 'payments_provider_ref_key') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'attributes,category_id,created_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,full_name,id,is_admin,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('legacy_sessions'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('products'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 23;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 7;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
