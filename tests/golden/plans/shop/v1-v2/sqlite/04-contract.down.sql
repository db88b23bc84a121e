-- migc 0.1.0: contract phase (down) for sqlite
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: sqlite3 DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [59] undo: recreate view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/orders.mig:47:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'legacy_sessions');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('payments') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'provider_ref')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
DROP VIEW "order_totals";

-- [58] undo: remove the dual-write trigger on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:9:7
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "total" numeric(12,2) NOT NULL,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status") SELECT "id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status" FROM "orders";
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
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_orders_guard";
END;
CREATE TRIGGER "migc_sync_orders_update" AFTER UPDATE ON "orders"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_orders_guard")
BEGIN
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR NEW."status__migc_new" IS NULL);
END;
CREATE TABLE "migc_sync_orders_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [57] undo: set the default of `orders.status`
--     lock: database write lock; part of the rebuild of `orders` at step 58; rewrite: yes; scan: yes; from v2/orders.mig:13:3
-- undone by the rebuild of `orders` at step 58

-- [56] undo: put shadow column `status__migc_new` in place of `orders.status`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:13:3
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "total" numeric(12,2) NOT NULL,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new") SELECT "id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status" FROM "orders";
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
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_orders_guard";
END;
CREATE TRIGGER "migc_sync_orders_update" AFTER UPDATE ON "orders"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_orders_guard")
BEGIN
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (0 OR NEW."status__migc_new" IS NULL);
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [55] undo: give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
-- nothing to undo

-- [54] undo: drop column `orders.status`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "orders";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'orders' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('orders_user_id_placed_at_idx', 'orders_pending', 'migc_sync_orders_insert', 'migc_sync_orders_update'));
CREATE TABLE "migc_new_orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'completed', 'shipped', 'delivered', 'cancelled', 'refunded')),
  "total" numeric(12,2) NOT NULL,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status__migc_new" text CHECK ("status__migc_new" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new") SELECT "id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new" FROM "orders";
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
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_orders_guard";
END;
CREATE TRIGGER "migc_sync_orders_update" AFTER UPDATE ON "orders"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_orders_guard")
BEGIN
  UPDATE "orders" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'completed' THEN 'paid' ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR NEW."status__migc_new" IS NULL);
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [53] undo: drop view `order_totals` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `order_totals` comes back at the end of this script

-- [52] undo: recreate view `customer_directory`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/users.mig:47:6
DROP VIEW "customer_directory";

-- [51] undo: drop column `users.nickname`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v2/users.mig:16:15
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "first_name" text NOT NULL,
  "last_name" text NOT NULL,
  "nickname" text,
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

-- [50] undo: drop column `users.full_name`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v2/users.mig:10:3
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "first_name" text NOT NULL,
  "last_name" text NOT NULL,
  "full_name" text,
  "nickname" text,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "migc_new_users" ("id", "email", "first_name", "last_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "first_name", "last_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 5);
UPDATE "users" SET "full_name" = "first_name" || ' ' || "last_name" WHERE "full_name" IS NULL;

-- [49] undo: drop view `customer_directory` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- view `customer_directory` comes back at the end of this script

-- [48] undo: remove the dual-write trigger on `users`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v2/users.mig:4:7
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 6, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "first_name" text,
  "last_name" text,
  "full_name" text,
  "nickname" text,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "migc_new_users" ("id", "email", "first_name", "last_name", "full_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "first_name", "last_name", "full_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
CREATE TRIGGER "migc_sync_users_insert" AFTER INSERT ON "users"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_users_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "users" SET "first_name" = substr("full_name" || ' ', 1, instr("full_name" || ' ', ' ') - 1), "last_name" = substr(substr("full_name" || ' ', instr("full_name" || ' ', ' ') + length(' ')), 1, instr(substr("full_name" || ' ', instr("full_name" || ' ', ' ') + length(' ')), ' ') - 1) WHERE rowid = NEW.rowid AND NEW."first_name" IS NULL AND NEW."last_name" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "users" SET "full_name" = "first_name" || ' ' || "last_name" WHERE rowid = NEW.rowid AND NOT (NEW."first_name" IS NULL AND NEW."last_name" IS NULL);
  DELETE FROM "migc_sync_users_guard";
END;
CREATE TRIGGER "migc_sync_users_update" AFTER UPDATE ON "users"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_users_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "users" SET "first_name" = substr("full_name" || ' ', 1, instr("full_name" || ' ', ' ') - 1), "last_name" = substr(substr("full_name" || ' ', instr("full_name" || ' ', ' ') + length(' ')), 1, instr(substr("full_name" || ' ', instr("full_name" || ' ', ' ') + length(' ')), ' ') - 1) WHERE rowid = NEW.rowid AND (coalesce(NEW."full_name" <> OLD."full_name", NEW."full_name" IS NOT NULL OR OLD."full_name" IS NOT NULL) OR NEW."first_name" IS NULL AND NEW."last_name" IS NULL) AND NOT (coalesce(NEW."first_name" <> OLD."first_name", NEW."first_name" IS NOT NULL OR OLD."first_name" IS NOT NULL) OR coalesce(NEW."last_name" <> OLD."last_name", NEW."last_name" IS NOT NULL OR OLD."last_name" IS NOT NULL));
  -- updated by the new application
  UPDATE "users" SET "full_name" = "first_name" || ' ' || "last_name" WHERE rowid = NEW.rowid AND (coalesce(NEW."first_name" <> OLD."first_name", NEW."first_name" IS NOT NULL OR OLD."first_name" IS NOT NULL) OR coalesce(NEW."last_name" <> OLD."last_name", NEW."last_name" IS NOT NULL OR OLD."last_name" IS NOT NULL)) AND NOT (coalesce(NEW."full_name" <> OLD."full_name", NEW."full_name" IS NOT NULL OR OLD."full_name" IS NOT NULL));
END;
CREATE TABLE "migc_sync_users_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 6);

-- [47] undo: let `users.full_name` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to undo

-- [46] undo: drop column `payments.amount`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 7, count(*) FROM "payments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'payments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('payments_order_id_idx', 'payments_provider_ref_key'));
CREATE TABLE "migc_new_payments" (
  "id" integer PRIMARY KEY,
  "order_id" integer NOT NULL,
  "method" text NOT NULL CHECK ("method" IN ('card', 'paypal', 'bank_transfer')),
  "amount_cents" integer NOT NULL,
  "currency" varchar(3) NOT NULL DEFAULT 'EUR',
  "amount" numeric(12,2),
  "provider_ref" text,
  "paid_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "payments_amount_cents_check" CHECK ("amount_cents" > 0),
  CONSTRAINT "payments_currency_check" CHECK (length("currency") = 3),
  CONSTRAINT "payments_provider_ref_key" UNIQUE ("provider_ref"),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 7);
UPDATE "payments" SET "amount" = "amount_cents" / 100.0 WHERE "amount" IS NULL;

-- [45] undo: remove the dual-write trigger on `payments`
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:33:7
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 8, count(*) FROM "payments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'payments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('payments_order_id_idx', 'payments_provider_ref_key'));
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
  CONSTRAINT "payments_amount_cents_check" CHECK ("amount_cents" > 0),
  CONSTRAINT "payments_currency_check" CHECK (length("currency") = 3),
  CONSTRAINT "payments_provider_ref_key" UNIQUE ("provider_ref"),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
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
CREATE TABLE "migc_sync_payments_guard" (active INTEGER PRIMARY KEY);
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 8);

-- [44] undo: let `payments.amount` accept null before the dual-write trigger goes
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 9, count(*) FROM "payments";
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
  CONSTRAINT "payments_amount_cents_check" CHECK ("amount_cents" > 0),
  CONSTRAINT "payments_currency_check" CHECK (length("currency") = 3),
  CONSTRAINT "payments_provider_ref_key" UNIQUE ("provider_ref"),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 9);

-- [43] undo: drop check `payments_amount_check` on `payments`
--     lock: database write lock; part of the rebuild of `payments` at step 44; rewrite: yes; scan: yes; from the deployed schema
-- undone by the rebuild of `payments` at step 44

-- [42] undo: rename index `orders_pending__migc` to `orders_pending`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/orders.mig:20:3
DROP INDEX "orders_pending";
CREATE INDEX "orders_pending__migc" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';

-- [41] undo: drop index `orders_pending` on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';

-- [40] undo: drop table `legacy_sessions`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/users.mig:45:12
CREATE TABLE "legacy_sessions" (
  "token" varchar(64) NOT NULL,
  "user_id" integer NOT NULL,
  "ip_address" text,
  "expires_at" timestamptz NOT NULL,
  PRIMARY KEY ("token"),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "legacy_sessions_user_id_idx" ON "legacy_sessions" ("user_id");
CREATE INDEX "legacy_sessions_expires_at_idx" ON "legacy_sessions" ("expires_at");
-- the views this phase dropped
CREATE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";
CREATE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('legacy_sessions') ORDER BY name)) = 'expires_at,ip_address,token,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('legacy_sessions') WHERE name IN ('legacy_sessions_expires_at_idx', 'legacy_sessions_user_id_idx') ORDER BY name)) = 'legacy_sessions_expires_at_idx,legacy_sessions_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('payments') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'provider_ref')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_payments_insert,migc_sync_payments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,full_name,id,is_admin,last_name,marketing_opt_in,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('legacy_sessions'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 31;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 6;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
