-- A shop, as a team built it on MariaDB.
CREATE TABLE customers (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email varchar(200) NOT NULL,
  full_name text NOT NULL,
  created_at datetime(6) NOT NULL DEFAULT current_timestamp(6),
  deleted_at datetime(6) NULL,
  referred_by bigint NULL,
  UNIQUE KEY customers_email_key (email),
  CONSTRAINT customers_email_check CHECK (char_length(email) > 3),
  CONSTRAINT customers_referred_by_fkey FOREIGN KEY (referred_by) REFERENCES customers (id)
) COMMENT='people who buy';
CREATE TABLE `user` (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `order` int NOT NULL DEFAULT 0,
  `select` text,
  `CamelCase` tinyint(1) NOT NULL DEFAULT 0
);
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id bigint NOT NULL,
  status enum('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending',
  total decimal(12,2) NOT NULL,
  note varchar(500) COMMENT 'free text',
  placed_on date NOT NULL,
  payload json,
  CONSTRAINT orders_total_check CHECK (total >= 0),
  CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  KEY orders_open_idx (customer_id, placed_on),
  KEY orders_total_desc_idx (total DESC)
);
CREATE TABLE products (
  sku varchar(40) NOT NULL PRIMARY KEY,
  name text NOT NULL,
  price decimal(10,2) NOT NULL,
  weight float,
  ratio double,
  picture longblob,
  FULLTEXT KEY products_name_ft (name)
);
CREATE TABLE order_items (
  order_id bigint NOT NULL,
  line smallint NOT NULL,
  sku varchar(40) NOT NULL,
  quantity int NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, line),
  UNIQUE KEY order_items_order_id_sku_key (order_id, sku),
  CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_items_sku_fkey FOREIGN KEY (sku) REFERENCES products (sku) ON UPDATE CASCADE
);
CREATE TABLE teams (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, captain_id int);
CREATE TABLE players (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  team_id int,
  nick text NOT NULL,
  CONSTRAINT players_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL
);
ALTER TABLE teams ADD CONSTRAINT teams_captain_fk FOREIGN KEY (captain_id) REFERENCES players (id) ON DELETE SET NULL;
CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE deleted_at IS NULL;
CREATE TRIGGER customers_touch BEFORE INSERT ON customers FOR EACH ROW SET NEW.full_name = TRIM(NEW.full_name);
