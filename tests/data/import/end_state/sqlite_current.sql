CREATE TABLE customers (
  id integer PRIMARY KEY,
  email varchar(200) NOT NULL,
  name text NOT NULL
);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total numeric(12, 2) NOT NULL
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
