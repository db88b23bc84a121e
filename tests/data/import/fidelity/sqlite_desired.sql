-- The same schema a release later: tables rebuilt for other changes keep their storage, keys
-- and counters; storage options added and removed.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL DEFAULT '',
  created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  balance DECIMAL(10,2) NOT NULL DEFAULT 0,
  external_id BIGINT,
  rank INT
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL DEFAULT 'on',
  updated_at INTEGER
) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload BLOB,
  seen INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT COLLATE NOCASE,
  UNIQUE (user_id, title)
) STRICT;
CREATE INDEX posts_user_id_idx ON posts (user_id);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  label TEXT NOT NULL UNIQUE
);
CREATE TABLE kv (
  k TEXT PRIMARY KEY,
  v TEXT
) WITHOUT ROWID;
CREATE TABLE log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message TEXT NOT NULL
);
CREATE TABLE audit (
  -- A key that is not the rowid holds NULL in SQLite unless it says NOT NULL; migc keys never do.
  id BIGINT NOT NULL PRIMARY KEY,
  at DATETIME NOT NULL,
  amount DOUBLE PRECISION,
  flag BOOLEAN NOT NULL DEFAULT 0,
  note VARCHAR(40)
);
-- Rebuilt (a column becomes NOT NULL): types keep the letter case and spaces they were
-- written with, a widened one its new spelling; a default SQLite alone can say stays as
-- written; a unique index stays an index, not a constraint.
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  code varchar(20) NOT NULL,
  price Numeric(10, 2),
  qty integer NOT NULL DEFAULT 1,
  created TEXT DEFAULT (strftime('%s','now')),
  label VARCHAR(30),
  total Numeric(12, 2) GENERATED ALWAYS AS (price * qty) STORED,
  code_lower TEXT AS (lower(code)),
  qty2 INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL
);
CREATE UNIQUE INDEX items_code_key ON items (code);
-- A trigger migc does not model, on the rebuilt table: made again after the rebuild.
CREATE TRIGGER items_touch AFTER UPDATE OF price ON items
BEGIN
  UPDATE items SET qty = qty WHERE id = NEW.id;
END;
-- As frameworks write SQLite tables: the rowid written NOT NULL, which the catalog shows;
-- rebuilt (a column becomes NOT NULL) and created.
CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "token" varchar NOT NULL, "created_at" datetime(6) NOT NULL, "user_agent" varchar DEFAULT '' NOT NULL);
CREATE TABLE "visits" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "path" varchar(255) NOT NULL);
CREATE TABLE "labels" ("id" integer PRIMARY KEY, "name" text NOT NULL);
CREATE TABLE "notes" ("id" integer PRIMARY KEY, "title" text NOT NULL, "body" text);
CREATE INDEX "notes_title" ON "notes" ("title");
-- Keys written without NOT NULL (SQLite then lets them hold null, and its catalog shows it):
-- kept so through a rebuild (a column becomes NOT NULL) and on a table created.
CREATE TABLE "codes" ("code" text PRIMARY KEY, "label" text NOT NULL DEFAULT '');
CREATE TABLE "memberships" ("group_id" integer, "user_id" integer NOT NULL, "role" text, PRIMARY KEY ("group_id", "user_id"));
CREATE TABLE "slugs" ("slug" varchar(40) PRIMARY KEY, "target" text);
-- A table and its column both renamed in letter case only: renamed in place, nothing copied.
CREATE TABLE "authors" ("id" integer PRIMARY KEY, "name" text NOT NULL);
CREATE INDEX "authors_name" ON "authors" ("name");
-- Declared types that change without changing a stored value (SQLite's type affinity): the
-- table is rebuilt with the new spellings, no `up` needed.
CREATE TABLE "measures" ("id" integer PRIMARY KEY, "note" varchar(500), "amount" numeric(10, 2), "code" bigint, "raw" blob);
-- Defaults SQLite shows as written: `NULL` and `TRUE` keep their text through a rebuild.
CREATE TABLE "prefs" ("id" integer PRIMARY KEY, "theme" text DEFAULT NULL, "beta" boolean DEFAULT TRUE, "emails" boolean DEFAULT false, "lang" text NOT NULL DEFAULT 'en');
