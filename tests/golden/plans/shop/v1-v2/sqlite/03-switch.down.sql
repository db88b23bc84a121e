-- migc 0.1.0: switch phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [39] undo: set `users.last_name` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/users.mig:9:3
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_switch_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('payments') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'provider_ref')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_payments_insert,migc_sync_payments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
-- nothing to undo: the column stays nullable

-- [38] undo: validate that `users.last_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- nothing to undo

-- [37] undo: check `users.last_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- nothing to undo

-- [36] undo: set `users.first_name` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/users.mig:8:3
-- nothing to undo: the column stays nullable

-- [35] undo: validate that `users.first_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- nothing to undo

-- [34] undo: check `users.first_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- nothing to undo

-- [33] undo: validate foreign key `stock_product_id_fkey` on existing rows
--     lock: database write lock; rebuilds `stock` (copies every row into a new table); rewrite: yes; scan: yes; from v2/inventory.mig:11:43
-- rebuild "stock" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "stock";
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
  FOREIGN KEY ("warehouse_id") REFERENCES "warehouses" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_stock" (rowid, "product_id", "warehouse_id", "quantity", "reserved") SELECT rowid, "product_id", "warehouse_id", "quantity", "reserved" FROM "stock";
DROP TABLE "stock";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_stock" RENAME TO "stock";
PRAGMA legacy_alter_table = 0;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "stock") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [32] undo: validate check `payments_currency_check` on existing rows
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:39:54
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "payments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'payments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('payments_order_id_idx', 'payments_provider_ref_key', 'migc_sync_payments_insert', 'migc_sync_payments_update'));
CREATE TABLE "migc_new_payments" (
  "id" integer PRIMARY KEY,
  "order_id" integer NOT NULL,
  "method" text NOT NULL CHECK ("method" IN ('card', 'paypal', 'bank_transfer')),
  "amount_cents" integer,
  "currency" varchar(3) NOT NULL DEFAULT 'EUR',
  "amount" numeric(12,2),
  "provider_ref" text,
  "paid_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments" ("provider_ref");
CREATE TRIGGER "migc_sync_payments_insert" AFTER INSERT ON "payments"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_payments_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "payments" SET "amount_cents" = round("amount" * 100) WHERE rowid = NEW.rowid AND NEW."amount_cents" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "payments" SET "amount" = "amount_cents" / 100.0 WHERE rowid = NEW.rowid AND NOT (NEW."amount_cents" IS NULL);
  DELETE FROM "migc_sync_payments_guard";
END;
CREATE TRIGGER "migc_sync_payments_update" AFTER UPDATE ON "payments"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_payments_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "payments" SET "amount_cents" = round("amount" * 100) WHERE rowid = NEW.rowid AND (coalesce(NEW."amount" <> OLD."amount", NEW."amount" IS NOT NULL OR OLD."amount" IS NOT NULL) OR NEW."amount_cents" IS NULL) AND NOT (coalesce(NEW."amount_cents" <> OLD."amount_cents", NEW."amount_cents" IS NOT NULL OR OLD."amount_cents" IS NOT NULL));
  -- updated by the new application
  UPDATE "payments" SET "amount" = "amount_cents" / 100.0 WHERE rowid = NEW.rowid AND (coalesce(NEW."amount_cents" <> OLD."amount_cents", NEW."amount_cents" IS NOT NULL OR OLD."amount_cents" IS NOT NULL)) AND NOT (coalesce(NEW."amount" <> OLD."amount", NEW."amount" IS NOT NULL OR OLD."amount" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [31] undo: validate check `payments_amount_cents_check` on existing rows
--     lock: database write lock; part of the rebuild of `payments` at step 32; rewrite: yes; scan: yes; from v2/orders.mig:38:40
-- undone by the rebuild of `payments` at step 32

-- [30] undo: turn index `payments_provider_ref_key` into a unique constraint
--     lock: database write lock; part of the rebuild of `payments` at step 32; rewrite: yes; scan: yes; from v2/orders.mig:41:36
-- undone by the rebuild of `payments` at step 32

-- [29] undo: set `payments.amount_cents` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/orders.mig:38:3
-- nothing to undo: the column stays nullable

-- [28] undo: validate that `payments.amount_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- nothing to undo

-- [27] undo: check `payments.amount_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- nothing to undo

-- [26] undo: set `orders.status__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/orders.mig:13:3
-- nothing to undo: the column stays nullable

-- [25] undo: validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- nothing to undo

-- [24] undo: check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx', 'payments_provider_ref_key') ORDER BY name)) = 'payments_order_id_idx,payments_provider_ref_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_payments_insert,migc_sync_payments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('stock'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 9;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 2;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
