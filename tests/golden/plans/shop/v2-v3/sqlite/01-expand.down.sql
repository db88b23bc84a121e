-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [20] undo: create view `product_stock` with its new query
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:19:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,line1,line2,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_addresses_insert,migc_sync_addresses_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('refunds') ORDER BY name)) = 'amount_cents,created_at,decided_by,id,payment_id,reason,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('refunds') WHERE name IN ('refunds_open', 'refunds_payment_id_idx') ORDER BY name)) = 'refunds_open,refunds_payment_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key', 'users_email_normalized_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key,users_email_normalized_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'stock_levels');
DROP VIEW "product_stock";

-- [19] undo: drop view `product_stock` to redefine it
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:19:6
-- view `product_stock` comes back at the end of this script

-- [18] undo: install the dual-write trigger on `users`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/users.mig:4:7
DROP TRIGGER "migc_sync_users_insert";
DROP TRIGGER "migc_sync_users_update";
DROP TABLE "migc_sync_users_guard";

-- [17] undo: create unique index `users_email_normalized_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/users.mig:18:3
DROP INDEX "users_email_normalized_key";

-- [16] undo: add column `users.email_normalized` (filled from the deployed shape)
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:9:3
ALTER TABLE "users" DROP COLUMN "email_normalized";

-- [15] undo: install the dual-write trigger on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/orders.mig:12:7
DROP TRIGGER "migc_sync_orders_insert";
DROP TRIGGER "migc_sync_orders_update";
DROP TABLE "migc_sync_orders_guard";

-- [14] undo: create index `orders_pending__migc` on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v3/orders.mig:23:3
DROP INDEX "orders_pending__migc";
ALTER TABLE "orders" DROP COLUMN "customer_note";

-- [13] undo: add column `orders.customer_note` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `orders` at step 14; rewrite: yes; scan: yes; from v3/orders.mig:18:3
-- undone by the rebuild of `orders` at step 14

-- [12] undo: add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/orders.mig:16:3
ALTER TABLE "orders" DROP COLUMN "status__migc_new";

-- [11] undo: install the dual-write trigger on `addresses`
--     lock: database write lock; rebuilds `addresses` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:28:7
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "addresses";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'addresses' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('addresses_one_default_per_user', 'migc_sync_addresses_insert', 'migc_sync_addresses_update'));
CREATE TABLE "migc_new_addresses" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "recipient" text NOT NULL,
  "line1" text,
  "line2" text,
  "street" text NOT NULL,
  "house_number" varchar(16) NOT NULL,
  "city" text NOT NULL,
  "postal_code" varchar(16) NOT NULL,
  "country" varchar(2) NOT NULL,
  "is_default" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("country") REFERENCES "countries" ("code") ON UPDATE CASCADE
);
INSERT INTO "migc_new_addresses" ("id", "user_id", "recipient", "line1", "line2", "street", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at") SELECT "id", "user_id", "recipient", "line1", "line2", coalesce("street", "line1"), coalesce("house_number", ''), "city", "postal_code", "country", "is_default", "created_at", "updated_at" FROM "addresses";
DROP TABLE "addresses";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_addresses" RENAME TO "addresses";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";
DROP TABLE "migc_sync_addresses_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [10] undo: add column `addresses.line2`
--     lock: database write lock; rebuilds `addresses` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:34:3
ALTER TABLE "addresses" DROP COLUMN "line1";
ALTER TABLE "addresses" DROP COLUMN "line2";

-- [9] undo: add column `addresses.line1` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `addresses` at step 10; rewrite: yes; scan: yes; from v3/users.mig:33:3
-- undone by the rebuild of `addresses` at step 10

-- [8] undo: expose table `stock` as `stock_levels` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:10:7
DROP VIEW "stock_levels";

-- [7] undo: add foreign key `refunds_decided_by_fkey` on `refunds`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:54:46
-- nothing to undo

-- [6] undo: add foreign key `refunds_payment_id_fkey` on `refunds`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:50:50
-- nothing to undo

-- [5] undo: create index `refunds_open` on `refunds`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/orders.mig:57:3
DROP INDEX "refunds_open";

-- [4] undo: create index `refunds_payment_id_idx` on `refunds`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/orders.mig:56:3
DROP INDEX "refunds_payment_id_idx";

-- [3] undo: create table `refunds`
--     lock: none (new table); rewrite: no; scan: no; from v3/orders.mig:48:7
DROP TABLE "refunds";

-- [2] undo: create enum `refund_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:8:6
-- nothing to undo

-- [1] undo: create enum `order_status__migc`, the new shape of `order_status` (without `refunded`)
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
-- nothing to undo
-- the views this phase dropped
CREATE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock" GROUP BY "product_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'refunds');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key', 'users_email_normalized_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'stock_levels');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 15;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 2;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
