-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] create enum `order_status__migc`, the new shape of `order_status` (without `refunded`)
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_expand_up;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'refunds');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key', 'users_email_normalized_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'stock_levels');
-- SQLite has no enum types: columns of `order_status__migc` are text with a check of its labels

-- [2] create enum `refund_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:8:6
-- SQLite has no enum types: columns of `refund_status` are text with a check of its labels

-- [3] create table `refunds`
--     lock: none (new table); rewrite: no; scan: no; from v3/orders.mig:48:7
CREATE TABLE "refunds" (
  "id" integer PRIMARY KEY,
  "payment_id" integer NOT NULL,
  "amount_cents" integer NOT NULL,
  "reason" text NOT NULL,
  "status" text NOT NULL DEFAULT 'requested' CHECK ("status" IN ('requested', 'approved', 'rejected', 'paid_out')),
  "decided_by" integer,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "refunds_amount_cents_check" CHECK ("amount_cents" > 0),
  FOREIGN KEY ("payment_id") REFERENCES "payments" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("decided_by") REFERENCES "users" ("id") ON DELETE SET NULL
);

-- [4] create index `refunds_payment_id_idx` on `refunds`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/orders.mig:56:3
CREATE INDEX "refunds_payment_id_idx" ON "refunds" ("payment_id");

-- [5] create index `refunds_open` on `refunds`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/orders.mig:57:3
CREATE INDEX "refunds_open" ON "refunds" ("created_at") WHERE "status" IN ('requested', 'approved');

-- [6] add foreign key `refunds_payment_id_fkey` on `refunds`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:50:50
-- SQLite adds foreign keys with the table: `refunds_payment_id_fkey` is in its CREATE TABLE

-- [7] add foreign key `refunds_decided_by_fkey` on `refunds`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:54:46
-- SQLite adds foreign keys with the table: `refunds_decided_by_fkey` is in its CREATE TABLE

-- [8] expose table `stock` as `stock_levels` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:10:7
CREATE VIEW "stock_levels" AS SELECT * FROM "stock";
CREATE TRIGGER "migc_alias_stock_levels_insert" INSTEAD OF INSERT ON "stock_levels"
BEGIN
  INSERT INTO "stock" ("product_id", "warehouse_id", "quantity", "reserved") VALUES (NEW."product_id", NEW."warehouse_id", coalesce(NEW."quantity", 0), coalesce(NEW."reserved", 0));
END;
CREATE TRIGGER "migc_alias_stock_levels_update" INSTEAD OF UPDATE ON "stock_levels"
BEGIN
  UPDATE "stock" SET "product_id" = NEW."product_id", "warehouse_id" = NEW."warehouse_id", "quantity" = NEW."quantity", "reserved" = NEW."reserved" WHERE "product_id" = OLD."product_id" AND "warehouse_id" = OLD."warehouse_id";
END;
CREATE TRIGGER "migc_alias_stock_levels_delete" INSTEAD OF DELETE ON "stock_levels"
BEGIN
  DELETE FROM "stock" WHERE "product_id" = OLD."product_id" AND "warehouse_id" = OLD."warehouse_id";
END;

-- [9] add column `addresses.line1` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `addresses` at step 10; rewrite: yes; scan: yes; from v3/users.mig:33:3
-- done by the rebuild of `addresses` at step 10

-- [10] add column `addresses.line2`
--     lock: database write lock; rebuilds `addresses` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:34:3
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "addresses";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'addresses' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('addresses_one_default_per_user'));
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
INSERT INTO "migc_new_addresses" ("id", "user_id", "recipient", "street", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at") SELECT "id", "user_id", "recipient", "street", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at" FROM "addresses";
DROP TABLE "addresses";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_addresses" RENAME TO "addresses";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [11] install the dual-write trigger on `addresses`
--     lock: database write lock; rebuilds `addresses` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:28:7
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "addresses";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'addresses' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('addresses_one_default_per_user'));
CREATE TABLE "migc_new_addresses" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "recipient" text NOT NULL,
  "line1" text,
  "line2" text,
  "street" text,
  "house_number" varchar(16),
  "city" text NOT NULL,
  "postal_code" varchar(16) NOT NULL,
  "country" varchar(2) NOT NULL,
  "is_default" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("country") REFERENCES "countries" ("code") ON UPDATE CASCADE
);
INSERT INTO "migc_new_addresses" ("id", "user_id", "recipient", "line1", "line2", "street", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at") SELECT "id", "user_id", "recipient", "line1", "line2", "street", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at" FROM "addresses";
DROP TABLE "addresses";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_addresses" RENAME TO "addresses";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";
CREATE TRIGGER "migc_sync_addresses_insert" AFTER INSERT ON "addresses"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_addresses_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "addresses" SET "line1" = "street" || ' ' || "house_number" WHERE rowid = NEW.rowid AND NEW."line1" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "addresses" SET "street" = "line1", "house_number" = '' WHERE rowid = NEW.rowid AND NOT (NEW."line1" IS NULL);
  DELETE FROM "migc_sync_addresses_guard";
END;
CREATE TRIGGER "migc_sync_addresses_update" AFTER UPDATE ON "addresses"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_addresses_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "addresses" SET "line1" = "street" || ' ' || "house_number" WHERE rowid = NEW.rowid AND (coalesce(NEW."street" <> OLD."street", NEW."street" IS NOT NULL OR OLD."street" IS NOT NULL) OR coalesce(NEW."house_number" <> OLD."house_number", NEW."house_number" IS NOT NULL OR OLD."house_number" IS NOT NULL) OR NEW."line1" IS NULL) AND NOT (coalesce(NEW."line1" <> OLD."line1", NEW."line1" IS NOT NULL OR OLD."line1" IS NOT NULL));
  -- updated by the new application
  UPDATE "addresses" SET "street" = "line1", "house_number" = '' WHERE rowid = NEW.rowid AND (coalesce(NEW."line1" <> OLD."line1", NEW."line1" IS NOT NULL OR OLD."line1" IS NOT NULL)) AND NOT (coalesce(NEW."street" <> OLD."street", NEW."street" IS NOT NULL OR OLD."street" IS NOT NULL) OR coalesce(NEW."house_number" <> OLD."house_number", NEW."house_number" IS NOT NULL OR OLD."house_number" IS NOT NULL));
END;
CREATE TABLE "migc_sync_addresses_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [12] add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/orders.mig:16:3
ALTER TABLE "orders" ADD COLUMN "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled'));

-- [13] add column `orders.customer_note` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `orders` at step 14; rewrite: yes; scan: yes; from v3/orders.mig:18:3
-- done by the rebuild of `orders` at step 14

-- [14] create index `orders_pending__migc` on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v3/orders.mig:23:3
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  "total" numeric(12,2) NOT NULL,
  "customer_note" text,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "status", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new") SELECT "id", "user_id", "shipping_address_id", "status", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
CREATE INDEX "orders_pending__migc" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [15] install the dual-write trigger on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/orders.mig:12:7
CREATE TABLE "migc_sync_orders_guard" (active INTEGER PRIMARY KEY);
CREATE TRIGGER "migc_sync_orders_insert" AFTER INSERT ON "orders"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_orders_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'refunded' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "orders" SET "customer_note" = "notes" WHERE rowid = NEW.rowid AND NEW."customer_note" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "orders" SET "notes" = "customer_note" WHERE rowid = NEW.rowid AND NOT (NEW."customer_note" IS NULL);
  DELETE FROM "migc_sync_orders_guard";
END;
CREATE TRIGGER "migc_sync_orders_update" AFTER UPDATE ON "orders"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_orders_guard")
BEGIN
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'refunded' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR NEW."status__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "orders" SET "customer_note" = "notes" WHERE rowid = NEW.rowid AND (coalesce(NEW."notes" <> OLD."notes", NEW."notes" IS NOT NULL OR OLD."notes" IS NOT NULL) OR NEW."customer_note" IS NULL) AND NOT (coalesce(NEW."customer_note" <> OLD."customer_note", NEW."customer_note" IS NOT NULL OR OLD."customer_note" IS NOT NULL));
  -- updated by the new application
  UPDATE "orders" SET "notes" = "customer_note" WHERE rowid = NEW.rowid AND (coalesce(NEW."customer_note" <> OLD."customer_note", NEW."customer_note" IS NOT NULL OR OLD."customer_note" IS NOT NULL)) AND NOT (coalesce(NEW."notes" <> OLD."notes", NEW."notes" IS NOT NULL OR OLD."notes" IS NOT NULL));
END;

-- [16] add column `users.email_normalized` (filled from the deployed shape)
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:9:3
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "email_normalized" text,
  "first_name" text NOT NULL,
  "last_name" text NOT NULL,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "migc_new_users" ("id", "email", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [17] create unique index `users_email_normalized_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/users.mig:18:3
CREATE UNIQUE INDEX "users_email_normalized_key" ON "users" ("email_normalized");

-- [18] install the dual-write trigger on `users`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/users.mig:4:7
CREATE TABLE "migc_sync_users_guard" (active INTEGER PRIMARY KEY);
CREATE TRIGGER "migc_sync_users_insert" AFTER INSERT ON "users"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_users_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "users" SET "email_normalized" = lower(TRIM("email")) WHERE rowid = NEW.rowid AND NEW."email_normalized" IS NULL;
  DELETE FROM "migc_sync_users_guard";
END;
CREATE TRIGGER "migc_sync_users_update" AFTER UPDATE ON "users"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_users_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "users" SET "email_normalized" = lower(TRIM("email")) WHERE rowid = NEW.rowid AND (coalesce(NEW."email" <> OLD."email", NEW."email" IS NOT NULL OR OLD."email" IS NOT NULL) OR NEW."email_normalized" IS NULL) AND NOT (coalesce(NEW."email_normalized" <> OLD."email_normalized", NEW."email_normalized" IS NOT NULL OR OLD."email_normalized" IS NOT NULL));
END;

-- [19] drop view `product_stock` to redefine it
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:19:6
DROP VIEW "product_stock";

-- [20] create view `product_stock` with its new query
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:19:6
CREATE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock_levels" GROUP BY "product_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,line1,line2,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_addresses_insert,migc_sync_addresses_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('refunds') ORDER BY name)) = 'amount_cents,created_at,decided_by,id,payment_id,reason,status,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('refunds') WHERE name IN ('refunds_open', 'refunds_payment_id_idx') ORDER BY name)) = 'refunds_open,refunds_payment_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key', 'users_email_normalized_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key,users_email_normalized_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'stock_levels');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('refunds'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 21;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 6;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
