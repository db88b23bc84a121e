-- migc 0.1.0: contract phase (down) for sqlite
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: sqlite3 DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [59] undo: recreate view `product_stock`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:19:6
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_contract_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,id,is_default,line1,line2,postal_code,recipient,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock_levels') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('users') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'email_normalized')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
DROP VIEW "product_stock";

-- [58] undo: rename table `stock` to `stock_levels`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/inventory.mig:10:7
ALTER TABLE "stock_levels" RENAME TO "stock";

-- [57] undo: drop the view `stock_levels` standing for table `stock`
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

-- [56] undo: drop view `product_stock` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `product_stock` comes back at the end of this script

-- [55] undo: recreate view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/orders.mig:60:6
DROP VIEW "order_totals";

-- [54] undo: drop column `orders.notes`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "total" numeric(12,2) NOT NULL,
  "customer_note" text,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "customer_note", "placed_at", "created_at", "updated_at", "status") SELECT "id", "user_id", "shipping_address_id", "total", "customer_note", "placed_at", "created_at", "updated_at", "status" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 1);
UPDATE "orders" SET "notes" = "customer_note" WHERE "notes" IS NULL;

-- [53] undo: remove the dual-write trigger on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v3/orders.mig:12:7
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "total" numeric(12,2) NOT NULL,
  "customer_note" text,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status") SELECT "id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';
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
CREATE TABLE "migc_sync_orders_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [52] undo: set the default of `orders.status`
--     lock: database write lock; part of the rebuild of `orders` at step 53; rewrite: yes; scan: yes; from v3/orders.mig:16:3
-- undone by the rebuild of `orders` at step 53

-- [51] undo: put shadow column `status__migc_new` in place of `orders.status`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v3/orders.mig:16:3
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
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
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status__migc_new") SELECT "id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';
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
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'refunded' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (0 OR NEW."status__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "orders" SET "customer_note" = "notes" WHERE rowid = NEW.rowid AND (coalesce(NEW."notes" <> OLD."notes", NEW."notes" IS NOT NULL OR OLD."notes" IS NOT NULL) OR NEW."customer_note" IS NULL) AND NOT (coalesce(NEW."customer_note" <> OLD."customer_note", NEW."customer_note" IS NOT NULL OR OLD."customer_note" IS NOT NULL));
  -- updated by the new application
  UPDATE "orders" SET "notes" = "customer_note" WHERE rowid = NEW.rowid AND (coalesce(NEW."customer_note" <> OLD."customer_note", NEW."customer_note" IS NOT NULL OR OLD."customer_note" IS NOT NULL)) AND NOT (coalesce(NEW."notes" <> OLD."notes", NEW."notes" IS NOT NULL OR OLD."notes" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [50] undo: give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
-- nothing to undo

-- [49] undo: drop column `orders.status`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
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
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status__migc_new") SELECT "id", "user_id", "shipping_address_id", "total", "customer_note", "notes", "placed_at", "created_at", "updated_at", "status__migc_new" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [48] undo: drop view `order_totals` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `order_totals` comes back at the end of this script

-- [47] undo: remove the dual-write trigger on `users`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:4:7
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_created_at_idx', 'users_email_normalized_key'));
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
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_email_normalized_key" UNIQUE ("email_normalized")
);
INSERT INTO "migc_new_users" ("id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
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
CREATE TABLE "migc_sync_users_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [46] undo: drop index `users_email_lower_key` on `users`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));

-- [45] undo: rename constraint `stock_warehouse_id_fkey` to `stock_levels_warehouse_id_fkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v3/inventory.mig:12:43
-- nothing to undo

-- [44] undo: rename constraint `stock_product_id_fkey` to `stock_levels_product_id_fkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v3/inventory.mig:11:43
-- nothing to undo

-- [43] undo: rename constraint `stock_reserved_check` to `stock_levels_reserved_check` on `stock`
--     lock: database write lock; rebuilds `stock` (copies every row into a new table); rewrite: yes; scan: yes; from v3/inventory.mig:14:42
-- rebuild "stock" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 6, count(*) FROM "stock";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'stock' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%');
CREATE TABLE "migc_new_stock" (
  "product_id" integer NOT NULL,
  "warehouse_id" integer NOT NULL,
  "quantity" integer NOT NULL DEFAULT 0,
  "reserved" integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("product_id", "warehouse_id"),
  CONSTRAINT "stock_quantity_check" CHECK ("quantity" >= 0),
  CONSTRAINT "stock_reserved_check" CHECK ("reserved" >= 0),
  CONSTRAINT "stock_reserved_le_quantity" CHECK ("reserved" <= "quantity"),
  FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouses" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_stock" (rowid, "product_id", "warehouse_id", "quantity", "reserved") SELECT rowid, "product_id", "warehouse_id", "quantity", "reserved" FROM "stock";
DROP TABLE "stock";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_stock" RENAME TO "stock";
PRAGMA legacy_alter_table = 0;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "stock") = (SELECT rows FROM temp.migc_count WHERE n = 6);

-- [42] undo: rename constraint `stock_quantity_check` to `stock_levels_quantity_check` on `stock`
--     lock: database write lock; part of the rebuild of `stock` at step 43; rewrite: yes; scan: yes; from v3/inventory.mig:13:42
-- undone by the rebuild of `stock` at step 43

-- [41] undo: rename constraint `stock_pkey` to `stock_levels_pkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v3/inventory.mig:15:3
-- nothing to undo

-- [40] undo: rename index `orders_pending__migc` to `orders_pending`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/orders.mig:23:3
DROP INDEX "orders_pending";
CREATE INDEX "orders_pending__migc" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';

-- [39] undo: drop index `orders_pending` on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';

-- [38] undo: drop column `addresses.house_number`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v3/users.mig:36:3
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 7, count(*) FROM "addresses";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'addresses' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('addresses_one_default_per_user'));
CREATE TABLE "migc_new_addresses" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "recipient" text NOT NULL,
  "line1" text NOT NULL,
  "line2" text,
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
INSERT INTO "migc_new_addresses" ("id", "user_id", "recipient", "line1", "line2", "city", "postal_code", "country", "is_default", "created_at", "updated_at") SELECT "id", "user_id", "recipient", "line1", "line2", "city", "postal_code", "country", "is_default", "created_at", "updated_at" FROM "addresses";
DROP TABLE "addresses";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_addresses" RENAME TO "addresses";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 7);
UPDATE "addresses" SET "house_number" = '' WHERE "house_number" IS NULL;

-- [37] undo: drop column `addresses.street`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v3/users.mig:35:3
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 8, count(*) FROM "addresses";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'addresses' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('addresses_one_default_per_user'));
CREATE TABLE "migc_new_addresses" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "recipient" text NOT NULL,
  "line1" text NOT NULL,
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
INSERT INTO "migc_new_addresses" ("id", "user_id", "recipient", "line1", "line2", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at") SELECT "id", "user_id", "recipient", "line1", "line2", "house_number", "city", "postal_code", "country", "is_default", "created_at", "updated_at" FROM "addresses";
DROP TABLE "addresses";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_addresses" RENAME TO "addresses";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 8);
UPDATE "addresses" SET "street" = "line1" WHERE "street" IS NULL;

-- [36] undo: remove the dual-write trigger on `addresses`
--     lock: database write lock; rebuilds `addresses` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:28:7
-- rebuild "addresses" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 9, count(*) FROM "addresses";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "addresses") = (SELECT rows FROM temp.migc_count WHERE n = 9);

-- [35] undo: let `addresses.house_number` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to undo

-- [34] undo: let `addresses.street` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to undo
-- the views this phase dropped
CREATE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock_levels" GROUP BY "product_id";
CREATE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,line1,line2,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'addresses' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_addresses_insert,migc_sync_addresses_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_addresses_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('users') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'email_normalized')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'stock_levels');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('refunds'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('stock'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 33;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 7;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
