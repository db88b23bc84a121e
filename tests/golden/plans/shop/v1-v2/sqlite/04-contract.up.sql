-- migc 0.1.0: contract phase (up) for sqlite
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: sqlite3 DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [40] drop table `legacy_sessions`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/users.mig:45:12
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('legacy_sessions') ORDER BY name)) = 'expires_at,ip_address,token,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('legacy_sessions') WHERE name IN ('legacy_sessions_expires_at_idx', 'legacy_sessions_user_id_idx') ORDER BY name)) = 'legacy_sessions_expires_at_idx,legacy_sessions_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,status__migc_new,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_pending__migc,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_orders_insert,migc_sync_orders_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('payments') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'provider_ref')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_payments_insert,migc_sync_payments_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,full_name,id,is_admin,last_name,marketing_opt_in,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
DROP TABLE "legacy_sessions";

-- [41] drop index `orders_pending` on `orders`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP INDEX "orders_pending";

-- [42] rename index `orders_pending__migc` to `orders_pending`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/orders.mig:20:3
DROP INDEX "orders_pending__migc";
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status__migc_new" = 'pending';

-- [43] drop check `payments_amount_check` on `payments`
--     lock: database write lock; part of the rebuild of `payments` at step 44; rewrite: yes; scan: yes; from the deployed schema
-- done by the rebuild of `payments` at step 44

-- [44] let `payments.amount` accept null before the dual-write trigger goes
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from the deployed schema
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "payments";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [45] remove the dual-write trigger on `payments`
--     lock: database write lock; rebuilds `payments` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:33:7
-- rebuild "payments" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "payments";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'payments' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('payments_order_id_idx', 'payments_provider_ref_key', 'migc_sync_payments_insert', 'migc_sync_payments_update'));
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
INSERT INTO "migc_new_payments" ("id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at") SELECT "id", "order_id", "method", "amount_cents", "currency", "amount", "provider_ref", "paid_at", "created_at", "updated_at" FROM "payments";
DROP TABLE "payments";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_payments" RENAME TO "payments";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");
DROP TABLE "migc_sync_payments_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "payments") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [46] drop column `payments.amount`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
ALTER TABLE "payments" DROP COLUMN "amount";

-- [47] let `users.full_name` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to do in SQLite

-- [48] remove the dual-write trigger on `users`
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v2/users.mig:4:7
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx', 'migc_sync_users_insert', 'migc_sync_users_update'));
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
INSERT INTO "migc_new_users" ("id", "email", "first_name", "last_name", "full_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "first_name", "last_name", "full_name", "nickname", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
DROP TABLE "migc_sync_users_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [49] drop view `customer_directory` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "customer_directory";

-- [50] drop column `users.full_name`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v2/users.mig:10:3
ALTER TABLE "users" DROP COLUMN "full_name";

-- [51] drop column `users.nickname`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v2/users.mig:16:15
ALTER TABLE "users" DROP COLUMN "nickname";

-- [52] recreate view `customer_directory`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/users.mig:47:6
CREATE VIEW "customer_directory" AS SELECT "id", "email", "first_name", "last_name", "phone" FROM "users";

-- [53] drop view `order_totals` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "order_totals";

-- [54] drop column `orders.status`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
DROP TRIGGER "migc_sync_orders_insert";
DROP TRIGGER "migc_sync_orders_update";
ALTER TABLE "orders" DROP COLUMN "status";
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

-- [55] give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
-- SQLite has no enum types: the columns of `order_status__migc` already check the labels of `order_status`

-- [56] put shadow column `status__migc_new` in place of `orders.status`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:13:3
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "orders";
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
  "status" text NOT NULL CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_orders" ("id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status") SELECT "id", "user_id", "shipping_address_id", "total", "notes", "placed_at", "created_at", "updated_at", "status__migc_new" FROM "orders";
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [57] set the default of `orders.status`
--     lock: database write lock; part of the rebuild of `orders` at step 58; rewrite: yes; scan: yes; from v2/orders.mig:13:3
-- done by the rebuild of `orders` at step 58

-- [58] remove the dual-write trigger on `orders`
--     lock: database write lock; rebuilds `orders` (copies every row into a new table); rewrite: yes; scan: yes; from v2/orders.mig:9:7
-- rebuild "orders" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "orders";
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
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
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
DROP TABLE "migc_sync_orders_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "orders") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [59] recreate view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/orders.mig:47:6
CREATE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'legacy_sessions');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_pending__migc', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_orders_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount_cents,created_at,currency,id,method,order_id,paid_at,provider_ref,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('payments') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'provider_ref')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payments' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_payments_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'customer_directory');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('order_items'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('payments'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 23;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 5;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
