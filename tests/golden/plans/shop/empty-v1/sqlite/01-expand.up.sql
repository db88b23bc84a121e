-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] create enum `order_status`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:4:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'addresses');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'categories');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'countries');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'legacy_sessions');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'order_items');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'orders');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'payments');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'warehouses');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
-- SQLite has no enum types: columns of `order_status` are text with a check of its labels

-- [2] create enum `payment_method`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:6:6
-- SQLite has no enum types: columns of `payment_method` are text with a check of its labels

-- [3] create table `addresses`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:24:7
CREATE TABLE "addresses" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "recipient" text NOT NULL,
  "street" text NOT NULL,
  "house_number" varchar(16) NOT NULL,
  "city" text NOT NULL,
  "postal_code" varchar(16) NOT NULL,
  "country" varchar(2) NOT NULL,
  "is_default" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY ("country") REFERENCES "countries" ("code") ON UPDATE CASCADE,
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- [4] create unique index `addresses_one_default_per_user` on `addresses`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:36:3
CREATE UNIQUE INDEX "addresses_one_default_per_user" ON "addresses" ("user_id") WHERE "is_default";

-- [5] create table `categories`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:4:7
CREATE TABLE "categories" (
  "id" integer PRIMARY KEY,
  "parent_id" integer,
  "name" text NOT NULL,
  "slug" varchar(120) NOT NULL,
  "position" integer NOT NULL DEFAULT 0,
  CONSTRAINT "categories_position_check" CHECK ("position" >= 0),
  CONSTRAINT "categories_slug_key" UNIQUE ("slug"),
  FOREIGN KEY ("parent_id") REFERENCES "categories" ("id") ON DELETE SET NULL
);

-- [6] create index `categories_parent_id_position_idx` on `categories`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:10:3
CREATE INDEX "categories_parent_id_position_idx" ON "categories" ("parent_id", "position");

-- [7] add foreign key `categories_parent_id_fkey` on `categories`
--     lock: none; rewrite: no; scan: no; from v1/catalog.mig:6:42
-- SQLite adds foreign keys with the table: `categories_parent_id_fkey` is in its CREATE TABLE

-- [8] create table `countries`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:18:7
CREATE TABLE "countries" (
  "code" varchar(2) NOT NULL,
  "name" text NOT NULL,
  "ships_to" boolean NOT NULL DEFAULT true,
  PRIMARY KEY ("code")
);

-- [9] add foreign key `addresses_country_fkey` on `addresses`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:32:48
-- SQLite adds foreign keys with the table: `addresses_country_fkey` is in its CREATE TABLE

-- [10] create table `legacy_sessions`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:40:7
CREATE TABLE "legacy_sessions" (
  "token" varchar(64) NOT NULL,
  "user_id" integer NOT NULL,
  "ip_address" text,
  "expires_at" timestamptz NOT NULL,
  PRIMARY KEY ("token"),
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- [11] create index `legacy_sessions_user_id_idx` on `legacy_sessions`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:45:3
CREATE INDEX "legacy_sessions_user_id_idx" ON "legacy_sessions" ("user_id");

-- [12] create index `legacy_sessions_expires_at_idx` on `legacy_sessions`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:46:3
CREATE INDEX "legacy_sessions_expires_at_idx" ON "legacy_sessions" ("expires_at");

-- [13] create table `order_items`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:22:7
CREATE TABLE "order_items" (
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

-- [14] create index `order_items_product_id_idx` on `order_items`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:29:3
CREATE INDEX "order_items_product_id_idx" ON "order_items" ("product_id");

-- [15] create table `orders`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:8:7
CREATE TABLE "orders" (
  "id" integer PRIMARY KEY,
  "user_id" integer NOT NULL,
  "shipping_address_id" integer,
  "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'completed', 'shipped', 'cancelled', 'refunded')),
  "total" numeric(12,2) NOT NULL,
  "notes" text,
  "placed_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "orders_total_check" CHECK ("total" >= 0),
  FOREIGN KEY ("shipping_address_id") REFERENCES "addresses" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

-- [16] add foreign key `order_items_order_id_fkey` on `order_items`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:23:49
-- SQLite adds foreign keys with the table: `order_items_order_id_fkey` is in its CREATE TABLE

-- [17] create index `orders_user_id_placed_at_idx` on `orders`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:17:3
CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);

-- [18] create index `orders_pending` on `orders`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:19:3
CREATE INDEX "orders_pending" ON "orders" ("placed_at") WHERE "status" = 'pending';

-- [19] add foreign key `orders_shipping_address_id_fkey` on `orders`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:11:54
-- SQLite adds foreign keys with the table: `orders_shipping_address_id_fkey` is in its CREATE TABLE

-- [20] create table `payments`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:32:7
CREATE TABLE "payments" (
  "id" integer PRIMARY KEY,
  "order_id" integer NOT NULL,
  "method" text NOT NULL CHECK ("method" IN ('card', 'paypal', 'bank_transfer')),
  "amount" numeric(12,2) NOT NULL,
  "provider_ref" text,
  "paid_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "payments_amount_check" CHECK ("amount" > 0),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);

-- [21] create index `payments_order_id_idx` on `payments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:40:3
CREATE INDEX "payments_order_id_idx" ON "payments" ("order_id");

-- [22] add foreign key `payments_order_id_fkey` on `payments`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:34:51
-- SQLite adds foreign keys with the table: `payments_order_id_fkey` is in its CREATE TABLE

-- [23] create table `products`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:13:7
CREATE TABLE "products" (
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

-- [24] add foreign key `order_items_product_id_fkey` on `order_items`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:25:49
-- SQLite adds foreign keys with the table: `order_items_product_id_fkey` is in its CREATE TABLE

-- [25] create index `products_category_id_is_active_idx` on `products`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:23:3
CREATE INDEX "products_category_id_is_active_idx" ON "products" ("category_id", "is_active");

-- [26] create index `products_name_lower` on `products`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:24:3
CREATE INDEX "products_name_lower" ON "products" ((lower("name")));

-- [27] add foreign key `products_category_id_fkey` on `products`
--     lock: none; rewrite: no; scan: no; from v1/catalog.mig:15:50
-- SQLite adds foreign keys with the table: `products_category_id_fkey` is in its CREATE TABLE

-- [28] create table `stock`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:9:7
CREATE TABLE "stock" (
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

-- [29] create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:4:7
CREATE TABLE "users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "full_name" text NOT NULL,
  "nickname" text,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- [30] add foreign key `addresses_user_id_fkey` on `addresses`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:26:48
-- SQLite adds foreign keys with the table: `addresses_user_id_fkey` is in its CREATE TABLE

-- [31] add foreign key `legacy_sessions_user_id_fkey` on `legacy_sessions`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:42:46
-- SQLite adds foreign keys with the table: `legacy_sessions_user_id_fkey` is in its CREATE TABLE

-- [32] add foreign key `orders_user_id_fkey` on `orders`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:10:58
-- SQLite adds foreign keys with the table: `orders_user_id_fkey` is in its CREATE TABLE

-- [33] create unique index `users_email_lower_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:14:3
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));

-- [34] create index `users_created_at_idx` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:15:3
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");

-- [35] create table `warehouses`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:2:7
CREATE TABLE "warehouses" (
  "id" integer PRIMARY KEY,
  "code" varchar(16) NOT NULL,
  "name" text NOT NULL,
  "country" varchar(2) NOT NULL,
  CONSTRAINT "warehouses_code_key" UNIQUE ("code"),
  FOREIGN KEY ("country") REFERENCES "countries" ("code") ON UPDATE CASCADE
);

-- [36] add foreign key `stock_warehouse_id_fkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v1/inventory.mig:12:43
-- SQLite adds foreign keys with the table: `stock_warehouse_id_fkey` is in its CREATE TABLE

-- [37] add foreign key `warehouses_country_fkey` on `warehouses`
--     lock: none; rewrite: no; scan: no; from v1/inventory.mig:6:43
-- SQLite adds foreign keys with the table: `warehouses_country_fkey` is in its CREATE TABLE

-- [38] create view `active_products`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/catalog.mig:28:6
CREATE VIEW "active_products" AS SELECT "p"."id", "p"."sku", "p"."name", "p"."price", "c"."slug" AS "category_slug" FROM "products" p JOIN "categories" c ON "c"."id" = "p"."category_id" WHERE "p"."is_active";

-- [39] create view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/orders.mig:43:6
CREATE VIEW "order_totals" AS SELECT "o"."id" AS "order_id", "o"."user_id", count(*) AS "lines", sum("i"."quantity" * "i"."unit_price") AS "items_total" FROM "orders" o JOIN "order_items" i ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."user_id";

-- [40] create view `product_stock`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/inventory.mig:19:6
CREATE VIEW "product_stock" AS SELECT "product_id", sum("quantity" - "reserved") AS "available" FROM "stock" GROUP BY "product_id";
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('categories') ORDER BY name)) = 'id,name,parent_id,position,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('categories') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('categories') WHERE name IN ('categories_parent_id_position_idx') ORDER BY name)) = 'categories_parent_id_position_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('countries') ORDER BY name)) = 'code,name,ships_to';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('legacy_sessions') ORDER BY name)) = 'expires_at,ip_address,token,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('legacy_sessions') WHERE name IN ('legacy_sessions_expires_at_idx', 'legacy_sessions_user_id_idx') ORDER BY name)) = 'legacy_sessions_expires_at_idx,legacy_sessions_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('order_items') ORDER BY name)) = 'line,order_id,product_id,quantity,unit_price'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('order_items') WHERE name IN ('order_items_product_id_idx') ORDER BY name)) = 'order_items_product_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,created_at,id,method,order_id,paid_at,provider_ref,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'attributes,category_id,created_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,full_name,id,is_admin,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('warehouses') ORDER BY name)) = 'code,country,id,name'
  AND EXISTS (SELECT 1 FROM pragma_index_list('warehouses') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'code');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 29;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
