-- A shop, as an application created it in SQLite.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email varchar(200) NOT NULL UNIQUE,
  full_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  deleted_at timestamptz,
  referred_by integer REFERENCES customers (id),
  CONSTRAINT customers_email_check CHECK (length(email) > 3)
);
CREATE TABLE "user" (
  id integer PRIMARY KEY,
  "order" integer NOT NULL DEFAULT 0,
  "select" text,
  "CamelCase" boolean NOT NULL DEFAULT 0
);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped')),
  total numeric(12, 2) NOT NULL CHECK (total >= 0),
  note varchar(500),
  placed_on date NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX orders_open_idx ON orders (customer_id, placed_on) WHERE status <> 'cancelled';
CREATE INDEX orders_note_lower_idx ON orders (lower(note));
CREATE TABLE products (
  sku varchar(40) PRIMARY KEY,
  name text NOT NULL,
  price numeric(10, 2) NOT NULL,
  picture blob
);
CREATE UNIQUE INDEX products_name_key ON products (name);
CREATE TABLE order_items (
  order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line integer NOT NULL,
  sku varchar(40) NOT NULL REFERENCES products (sku) ON UPDATE CASCADE,
  quantity integer NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, line)
);
CREATE TABLE teams (id integer PRIMARY KEY, name text NOT NULL, captain_id integer REFERENCES players (id) ON DELETE SET NULL);
CREATE TABLE players (id integer PRIMARY KEY, team_id integer REFERENCES teams (id) ON DELETE SET NULL, nick text NOT NULL);
CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE deleted_at IS NULL;
CREATE TRIGGER customers_touch AFTER UPDATE ON customers BEGIN
  UPDATE customers SET created_at = created_at WHERE id = NEW.id;
END;
