-- migc 0.1.0: switch phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [33] undo: turn index `users_email_normalized_key` into a unique constraint
--     lock: database write lock; rebuilds `users` (copies every row into a new table); rewrite: yes; scan: yes; from v3/users.mig:18:3
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_switch_down;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('users') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'email_normalized')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
-- rebuild "users" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "users";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('users_email_lower_key', 'users_created_at_idx', 'users_email_normalized_key', 'migc_sync_users_insert', 'migc_sync_users_update'));
CREATE TABLE "migc_new_users" (
  "id" integer PRIMARY KEY,
  "email" text NOT NULL,
  "email_normalized" text,
  "first_name" text NOT NULL,
  "last_name" text NOT NULL,
  "phone" varchar(32),
  "password_hash" text NOT NULL,
  "is_admin" boolean NOT NULL DEFAULT false,
  "marketing_opt_in" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "migc_new_users" ("id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at") SELECT "id", "email", "email_normalized", "first_name", "last_name", "phone", "password_hash", "is_admin", "marketing_opt_in", "created_at", "updated_at" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email")));
CREATE INDEX "users_created_at_idx" ON "users" ("created_at");
CREATE UNIQUE INDEX "users_email_normalized_key" ON "users" ("email_normalized");
CREATE TRIGGER "migc_sync_users_insert" AFTER INSERT ON "users"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_users_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "users" SET "email_normalized" = lower(TRIM("email")) WHERE rowid = NEW.rowid AND NEW."email_normalized" IS NULL;
  DELETE FROM "migc_sync_users_guard";
END;
CREATE TRIGGER "migc_sync_users_update" AFTER UPDATE ON "users"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_users_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "users" SET "email_normalized" = lower(TRIM("email")) WHERE rowid = NEW.rowid AND (coalesce(NEW."email" <> OLD."email", NEW."email" IS NOT NULL OR OLD."email" IS NOT NULL) OR NEW."email_normalized" IS NULL) AND NOT (coalesce(NEW."email_normalized" <> OLD."email_normalized", NEW."email_normalized" IS NOT NULL OR OLD."email_normalized" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "users") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [32] undo: set `users.email_normalized` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/users.mig:9:3
-- nothing to undo: the column stays nullable

-- [31] undo: validate that `users.email_normalized` holds no null
--     lock: none; rewrite: no; scan: no; from v3/users.mig:9:3
-- nothing to undo

-- [30] undo: check `users.email_normalized` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/users.mig:9:3
-- nothing to undo

-- [29] undo: set `orders.status__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/orders.mig:16:3
-- nothing to undo: the column stays nullable

-- [28] undo: validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:16:3
-- nothing to undo

-- [27] undo: check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:16:3
-- nothing to undo

-- [26] undo: set `addresses.line1` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/users.mig:33:3
-- nothing to undo: the column stays nullable

-- [25] undo: validate that `addresses.line1` holds no null
--     lock: none; rewrite: no; scan: no; from v3/users.mig:33:3
-- nothing to undo

-- [24] undo: check `addresses.line1` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/users.mig:33:3
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,email,email_normalized,first_name,id,is_admin,last_name,marketing_opt_in,password_hash,phone,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_created_at_idx', 'users_email_lower_key', 'users_email_normalized_key') ORDER BY name)) = 'users_created_at_idx,users_email_lower_key,users_email_normalized_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'users' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_users_insert,migc_sync_users_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_users_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('addresses'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('orders'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('refunds'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 5;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 4;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
