-- migc 0.1.0: switch phase (up) for sqlite
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: sqlite3 DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [29] check `orders.total_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_switch_up;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock_levels') ORDER BY name)) = 'product_id,quantity,reserved,reserved_quantity,warehouse_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'stock_levels' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_stock_levels_insert,migc_sync_stock_levels_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_stock_levels_guard');
-- SQLite has no NOT VALID: `orders.total_cents` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [30] validate that `orders.total_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- validated where `orders` gets NOT NULL (`orders_total_cents_not_null` exists only in the plan)

-- [31] set `orders.total_cents` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v4/orders.mig:16:3
-- `orders.total_cents` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "orders" WHERE "total_cents" IS NULL);

-- [32] validate check `orders_total_cents_check` on existing rows
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v4/orders.mig:16:45
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
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
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

-- [33] check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- SQLite has no NOT VALID: `stock_levels.reserved_quantity` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [34] validate that `stock_levels.reserved_quantity` holds no null
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- validated where `stock_levels` gets NOT NULL (`stock_levels_reserved_quantity_not_null` exists only in the plan)

-- [35] set `stock_levels.reserved_quantity` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v4/inventory.mig:14:3
-- `stock_levels.reserved_quantity` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "stock_levels" WHERE "reserved_quantity" IS NULL);

-- [36] validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: database write lock; part of the rebuild of `stock_levels` at step 37; rewrite: yes; scan: yes; from v4/inventory.mig:14:47
-- done by the rebuild of `stock_levels` at step 37

-- [37] validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: database write lock; rebuilds `stock_levels` (copies every row into a new table); rewrite: yes; scan: yes; from v4/inventory.mig:16:3
-- rebuild "stock_levels" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "stock_levels";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'stock_levels' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('migc_sync_stock_levels_insert', 'migc_sync_stock_levels_update'));
CREATE TABLE "migc_new_stock_levels" (
  "product_id" integer NOT NULL,
  "warehouse_id" integer NOT NULL,
  "quantity" integer NOT NULL DEFAULT 0,
  "reserved_quantity" integer,
  "reserved" integer DEFAULT 0,
  PRIMARY KEY ("product_id", "warehouse_id"),
  CONSTRAINT "stock_levels_quantity_check" CHECK ("quantity" >= 0),
  CONSTRAINT "stock_levels_reserved_check" CHECK ("reserved" >= 0),
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
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved" <= "quantity");
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
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved" <= "quantity");
  SELECT RAISE(ABORT, 'CHECK constraint failed: stock_reserved_le_quantity__migc') FROM "stock_levels" WHERE rowid = NEW.rowid AND NOT ("reserved_quantity" <= "quantity");
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "stock_levels") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [38] check `users.role` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- SQLite has no NOT VALID: `users.role` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [39] validate that `users.role` holds no null
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- validated where `users` gets NOT NULL (`users_role_not_null` exists only in the plan)

-- [40] set `users.role` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v4/users.mig:15:3
-- `users.role` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "users" WHERE "role" IS NULL);
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,customer_note,id,placed_at,shipping_address_id,status,total,total_cents,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock_levels') ORDER BY name)) = 'product_id,quantity,reserved,reserved_quantity,warehouse_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'stock_levels' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_stock_levels_insert,migc_sync_stock_levels_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_stock_levels_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('stock_levels'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 12;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 4;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
