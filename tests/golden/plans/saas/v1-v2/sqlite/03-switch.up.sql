-- migc 0.1.0: switch phase (up) for sqlite
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: sqlite3 DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [21] turn index `api_keys_tenant_name_key` into a unique constraint
--     lock: database write lock; rebuilds `api_keys` (copies every row into a new table); rewrite: yes; scan: yes; from v2/security.mig:15:3
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_switch_up;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx', 'api_keys_tenant_name_key') ORDER BY name)) = 'api_keys_tenant_id_idx,api_keys_tenant_name_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,description,due_date,estimate_hours,estimate_minutes,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tasks_insert,migc_sync_tasks_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
-- rebuild "api_keys" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "api_keys";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'api_keys' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('api_keys_prefix_key', 'api_keys_tenant_id_idx', 'api_keys_tenant_name_key'));
CREATE TABLE "migc_new_api_keys" (
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "prefix" varchar(12) NOT NULL,
  "secret_hash" blob NOT NULL,
  "created_by" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" timestamptz,
  "expires_at" timestamptz,
  "revoked_at" timestamptz,
  PRIMARY KEY ("id"),
  CONSTRAINT "api_keys_expiry_after_creation" CHECK ("expires_at" IS NULL OR "expires_at" > "created_at"),
  CONSTRAINT "api_keys_prefix_key" UNIQUE ("prefix"),
  CONSTRAINT "api_keys_tenant_name_key" UNIQUE ("tenant_id", "name"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL
);
INSERT INTO "migc_new_api_keys" (rowid, "id", "tenant_id", "name", "prefix", "secret_hash", "created_by", "created_at", "last_used_at", "expires_at", "revoked_at") SELECT rowid, "id", "tenant_id", "name", "prefix", "secret_hash", "created_by", "created_at", "last_used_at", "expires_at", "revoked_at" FROM "api_keys";
DROP TABLE "api_keys";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_api_keys" RENAME TO "api_keys";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "api_keys_tenant_id_idx" ON "api_keys" ("tenant_id") WHERE "revoked_at" IS NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "api_keys") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [22] check `invitations.state__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- SQLite has no NOT VALID: `invitations.state__migc_new` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [23] validate that `invitations.state__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- validated where `invitations` gets NOT NULL (`invitations_state__migc_new_not_null` exists only in the plan)

-- [24] set `invitations.state__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v2/members.mig:36:3
-- `invitations.state__migc_new` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "invitations" WHERE "state__migc_new" IS NULL);

-- [25] validate check `tasks_estimate_minutes_check` on existing rows
--     lock: database write lock; part of the rebuild of `tasks` at step 26; rewrite: yes; scan: yes; from v2/projects.mig:36:37
-- done by the rebuild of `tasks` at step 26

-- [26] validate foreign key `tasks_assignee_fkey` on existing rows
--     lock: database write lock; rebuilds `tasks` (copies every row into a new table); rewrite: yes; scan: yes; from v2/projects.mig:44:3
-- rebuild "tasks" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "tasks";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tasks' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tasks_number_key', 'tasks_board', 'tasks_tenant_id_assignee_id_idx', 'migc_sync_tasks_insert', 'migc_sync_tasks_update'));
CREATE TABLE "migc_new_tasks" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "project_id" text NOT NULL,
  "number" integer NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "body" text,
  "status" text NOT NULL DEFAULT 'todo' CHECK ("status" IN ('todo', 'in_progress', 'blocked', 'done', 'archived')),
  "priority" integer NOT NULL DEFAULT 3,
  "assignee_id" text,
  "estimate_minutes" integer,
  "estimate_hours" numeric(5,1),
  "due_date" date,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "tasks_number_check" CHECK ("number" > 0),
  CONSTRAINT "tasks_title_check" CHECK (length("title") BETWEEN 1 AND 500),
  CONSTRAINT "tasks_priority_check" CHECK ("priority" BETWEEN 1 AND 5),
  CONSTRAINT "tasks_estimate_hours_check" CHECK ("estimate_hours" >= 0),
  CONSTRAINT "tasks_estimate_minutes_check" CHECK ("estimate_minutes" >= 0),
  CONSTRAINT "tasks_number_key" UNIQUE ("tenant_id", "project_id", "number"),
  FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects" ("tenant_id", "id") ON DELETE CASCADE,
  FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "memberships" ("tenant_id", "user_id")
);
INSERT INTO "migc_new_tasks" (rowid, "tenant_id", "id", "project_id", "number", "title", "description", "body", "status", "priority", "assignee_id", "estimate_minutes", "estimate_hours", "due_date", "created_at", "updated_at") SELECT rowid, "tenant_id", "id", "project_id", "number", "title", "description", "body", "status", "priority", "assignee_id", "estimate_minutes", "estimate_hours", "due_date", "created_at", "updated_at" FROM "tasks";
DROP TABLE "tasks";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tasks" RENAME TO "tasks";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "status" <> 'archived';
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" ("tenant_id", "assignee_id") WHERE "assignee_id" IS NOT NULL;
CREATE TRIGGER "migc_sync_tasks_insert" AFTER INSERT ON "tasks"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_tasks_guard" (active) VALUES (1);
  -- written by the old application: the new columns from the deployed ones
  UPDATE "tasks" SET "description" = "body", "estimate_minutes" = round("estimate_hours" * 60) WHERE rowid = NEW.rowid AND NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "tasks" SET "body" = "description", "estimate_hours" = "estimate_minutes" / 60.0 WHERE rowid = NEW.rowid AND NOT (NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL);
  DELETE FROM "migc_sync_tasks_guard";
END;
CREATE TRIGGER "migc_sync_tasks_update" AFTER UPDATE ON "tasks"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_tasks_guard")
BEGIN
  -- updated by the old application (or a row not filled yet)
  UPDATE "tasks" SET "description" = "body", "estimate_minutes" = round("estimate_hours" * 60) WHERE rowid = NEW.rowid AND (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL) OR coalesce(NEW."estimate_hours" <> OLD."estimate_hours", NEW."estimate_hours" IS NOT NULL OR OLD."estimate_hours" IS NOT NULL) OR NEW."description" IS NULL AND NEW."estimate_minutes" IS NULL) AND NOT (coalesce(NEW."description" <> OLD."description", NEW."description" IS NOT NULL OR OLD."description" IS NOT NULL) OR coalesce(NEW."estimate_minutes" <> OLD."estimate_minutes", NEW."estimate_minutes" IS NOT NULL OR OLD."estimate_minutes" IS NOT NULL));
  -- updated by the new application
  UPDATE "tasks" SET "body" = "description", "estimate_hours" = "estimate_minutes" / 60.0 WHERE rowid = NEW.rowid AND (coalesce(NEW."description" <> OLD."description", NEW."description" IS NOT NULL OR OLD."description" IS NOT NULL) OR coalesce(NEW."estimate_minutes" <> OLD."estimate_minutes", NEW."estimate_minutes" IS NOT NULL OR OLD."estimate_minutes" IS NOT NULL)) AND NOT (coalesce(NEW."body" <> OLD."body", NEW."body" IS NOT NULL OR OLD."body" IS NOT NULL) OR coalesce(NEW."estimate_hours" <> OLD."estimate_hours", NEW."estimate_hours" IS NOT NULL OR OLD."estimate_hours" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tasks") = (SELECT rows FROM temp.migc_count WHERE n = 2);
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,name')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx') ORDER BY name)) = 'api_keys_tenant_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,description,due_date,estimate_hours,estimate_minutes,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tasks_insert,migc_sync_tasks_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('api_keys'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tasks'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 10;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 2;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
