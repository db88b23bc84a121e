-- A SQLite schema as an application wrote it: storage options, AUTOINCREMENT, inline unique
-- constraints, clock defaults, type names as the application spelled them.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT,
  created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  balance DECIMAL(10,2) NOT NULL DEFAULT 0,
  external_id BIGINT,
  rank INT
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload BLOB
) STRICT;
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  UNIQUE (user_id, title)
);
CREATE INDEX posts_user_id_idx ON posts (user_id);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL
);
CREATE TABLE kv (
  k TEXT NOT NULL PRIMARY KEY,
  v TEXT
);
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  code varchar(20) NOT NULL,
  price Numeric(10, 2),
  qty integer,
  created TEXT DEFAULT (strftime('%s','now')),
  label varchar(20),
  total Numeric(12, 2) GENERATED ALWAYS AS (price * qty) STORED,
  code_lower TEXT AS (lower(code))
);
CREATE TRIGGER items_touch AFTER UPDATE OF price ON items
BEGIN
  UPDATE items SET qty = qty WHERE id = NEW.id;
END;
CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "token" varchar NOT NULL, "created_at" datetime(6) NOT NULL);
CREATE TABLE "Labels" ("id" integer PRIMARY KEY, "name" text NOT NULL);
CREATE TABLE "notes" ("id" integer PRIMARY KEY, "Title" text NOT NULL, "body" text);
CREATE INDEX "notes_title" ON "notes" ("Title");
CREATE TABLE "codes" ("code" text PRIMARY KEY, "label" text);
CREATE TABLE "memberships" ("group_id" integer, "user_id" integer NOT NULL, PRIMARY KEY ("group_id", "user_id"));
CREATE TABLE "Authors" ("id" integer PRIMARY KEY, "Name" text NOT NULL);
CREATE INDEX "authors_name" ON "Authors" ("Name");
CREATE TABLE "measures" ("id" integer PRIMARY KEY, "note" text, "amount" real, "code" int, "raw" text);
CREATE TABLE "prefs" ("id" integer PRIMARY KEY, "theme" text DEFAULT NULL, "beta" boolean DEFAULT TRUE, "emails" boolean DEFAULT false, "lang" text);
