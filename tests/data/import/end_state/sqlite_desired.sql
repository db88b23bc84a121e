CREATE TABLE customers (
  id integer PRIMARY KEY,
  email varchar(200) NOT NULL,
  name text NOT NULL,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX customers_email_key ON customers (email);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total numeric(12, 2) NOT NULL,
  note text,
  CONSTRAINT orders_total_check CHECK (total >= 0)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_lower_note_idx ON orders (lower(note));
CREATE TABLE refunds (
  id integer PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id),
  amount numeric(12, 2) NOT NULL
);
CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE deleted_at IS NULL;
