-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [40] undo: create view `product_stock`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/inventory.mig:19:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('addresses') ORDER BY name)) = 'city,country,created_at,house_number,id,is_default,postal_code,recipient,street,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('addresses') WHERE name IN ('addresses_one_default_per_user') ORDER BY name)) = 'addresses_one_default_per_user';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('categories') ORDER BY name)) = 'id,name,parent_id,position,slug'
  AND EXISTS (SELECT 1 FROM pragma_index_list('categories') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'slug')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('categories') WHERE name IN ('categories_parent_id_position_idx') ORDER BY name)) = 'categories_parent_id_position_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('countries') ORDER BY name)) = 'code,name,ships_to';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('legacy_sessions') ORDER BY name)) = 'expires_at,ip_address,token,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('legacy_sessions') WHERE name IN ('legacy_sessions_expires_at_idx', 'legacy_sessions_user_id_idx') ORDER BY name)) = 'legacy_sessions_expires_at_idx,legacy_sessions_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('order_items') ORDER BY name)) = 'line,order_id,product_id,quantity,unit_price'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('order_items') WHERE name IN ('order_items_product_id_idx') ORDER BY name)) = 'order_items_product_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('orders') ORDER BY name)) = 'created_at,id,notes,placed_at,shipping_address_id,status,total,updated_at,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('orders') WHERE name IN ('orders_pending', 'orders_user_id_placed_at_idx') ORDER BY name)) = 'orders_pending,orders_user_id_placed_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('payments') ORDER BY name)) = 'amount,created_at,id,method,order_id,paid_at,provider_ref,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('payments') WHERE name IN ('payments_order_id_idx') ORDER BY name)) = 'payments_order_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('products') ORDER BY name)) = 'attributes,category_id,created_at,description,id,is_active,name,price,sku,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('products') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'sku')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('products') WHERE name IN ('products_category_id_is_active_idx', 'products_name_lower') ORDER BY name)) = 'products_category_id_is_active_idx,products_name_lower';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('stock') ORDER BY name)) = 'product_id,quantity,reserved,warehouse_id';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,full_name,id,is_admin,nickname,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('warehouses') ORDER BY name)) = 'code,country,id,name'
  AND EXISTS (SELECT 1 FROM pragma_index_list('warehouses') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'code');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
DROP VIEW "product_stock";

-- [39] undo: create view `order_totals`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/orders.mig:43:6
DROP VIEW "order_totals";

-- [38] undo: create view `active_products`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/catalog.mig:28:6
DROP VIEW "active_products";

-- [37] undo: add foreign key `warehouses_country_fkey` on `warehouses`
--     lock: none; rewrite: no; scan: no; from v1/inventory.mig:6:43
-- nothing to undo

-- [36] undo: add foreign key `stock_warehouse_id_fkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v1/inventory.mig:12:43
-- nothing to undo

-- [35] undo: create table `warehouses`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:2:7
DROP TABLE "warehouses";

-- [34] undo: create index `users_created_at_idx` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:15:3
DROP INDEX "users_created_at_idx";

-- [33] undo: create unique index `users_email_lower_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:14:3
DROP INDEX "users_email_lower_key";

-- [32] undo: add foreign key `orders_user_id_fkey` on `orders`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:10:58
-- nothing to undo

-- [31] undo: add foreign key `legacy_sessions_user_id_fkey` on `legacy_sessions`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:42:46
-- nothing to undo

-- [30] undo: add foreign key `addresses_user_id_fkey` on `addresses`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:26:48
-- nothing to undo

-- [29] undo: create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:4:7
DROP TABLE "users";

-- [28] undo: create table `stock`
--     lock: none (new table); rewrite: no; scan: no; from v1/inventory.mig:9:7
DROP TABLE "stock";

-- [27] undo: add foreign key `products_category_id_fkey` on `products`
--     lock: none; rewrite: no; scan: no; from v1/catalog.mig:15:50
-- nothing to undo

-- [26] undo: create index `products_name_lower` on `products`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:24:3
DROP INDEX "products_name_lower";

-- [25] undo: create index `products_category_id_is_active_idx` on `products`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:23:3
DROP INDEX "products_category_id_is_active_idx";

-- [24] undo: add foreign key `order_items_product_id_fkey` on `order_items`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:25:49
-- nothing to undo

-- [23] undo: create table `products`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:13:7
DROP TABLE "products";

-- [22] undo: add foreign key `payments_order_id_fkey` on `payments`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:34:51
-- nothing to undo

-- [21] undo: create index `payments_order_id_idx` on `payments`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:40:3
DROP INDEX "payments_order_id_idx";

-- [20] undo: create table `payments`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:32:7
DROP TABLE "payments";

-- [19] undo: add foreign key `orders_shipping_address_id_fkey` on `orders`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:11:54
-- nothing to undo

-- [18] undo: create index `orders_pending` on `orders`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:19:3
DROP INDEX "orders_pending";

-- [17] undo: create index `orders_user_id_placed_at_idx` on `orders`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:17:3
DROP INDEX "orders_user_id_placed_at_idx";

-- [16] undo: add foreign key `order_items_order_id_fkey` on `order_items`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:23:49
-- nothing to undo

-- [15] undo: create table `orders`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:8:7
DROP TABLE "orders";

-- [14] undo: create index `order_items_product_id_idx` on `order_items`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/orders.mig:29:3
DROP INDEX "order_items_product_id_idx";

-- [13] undo: create table `order_items`
--     lock: none (new table); rewrite: no; scan: no; from v1/orders.mig:22:7
DROP TABLE "order_items";

-- [12] undo: create index `legacy_sessions_expires_at_idx` on `legacy_sessions`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:46:3
DROP INDEX "legacy_sessions_expires_at_idx";

-- [11] undo: create index `legacy_sessions_user_id_idx` on `legacy_sessions`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:45:3
DROP INDEX "legacy_sessions_user_id_idx";

-- [10] undo: create table `legacy_sessions`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:40:7
DROP TABLE "legacy_sessions";

-- [9] undo: add foreign key `addresses_country_fkey` on `addresses`
--     lock: none; rewrite: no; scan: no; from v1/users.mig:32:48
-- nothing to undo

-- [8] undo: create table `countries`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:18:7
DROP TABLE "countries";

-- [7] undo: add foreign key `categories_parent_id_fkey` on `categories`
--     lock: none; rewrite: no; scan: no; from v1/catalog.mig:6:42
-- nothing to undo

-- [6] undo: create index `categories_parent_id_position_idx` on `categories`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/catalog.mig:10:3
DROP INDEX "categories_parent_id_position_idx";

-- [5] undo: create table `categories`
--     lock: none (new table); rewrite: no; scan: no; from v1/catalog.mig:4:7
DROP TABLE "categories";

-- [4] undo: create unique index `addresses_one_default_per_user` on `addresses`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/users.mig:36:3
DROP INDEX "addresses_one_default_per_user";

-- [3] undo: create table `addresses`
--     lock: none (new table); rewrite: no; scan: no; from v1/users.mig:24:7
DROP TABLE "addresses";

-- [2] undo: create enum `payment_method`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:6:6
-- nothing to undo

-- [1] undo: create enum `order_status`
--     lock: none; rewrite: no; scan: no; from v1/orders.mig:4:6
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'addresses');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'categories');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'countries');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'legacy_sessions');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'order_items');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'orders');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'payments');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'stock');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'warehouses');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'active_products');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'order_totals');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'product_stock');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 29;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
