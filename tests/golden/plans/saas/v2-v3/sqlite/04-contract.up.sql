-- migc 0.1.0: contract phase (up) for sqlite
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: sqlite3 DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [30] drop index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_contract_up;
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('audit_log') ORDER BY name)) = 'action,actor_id,api_key_id,id,ip_address,occurred_at,payload,payload__migc_new,target,target_id,target_type,tenant_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('audit_log') WHERE name IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_idx', 'audit_log_tenant_id_target_type_target_id_idx') ORDER BY name)) = 'audit_log_tenant_id_occurred_at_idx,audit_log_tenant_id_target_idx,audit_log_tenant_id_target_type_target_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_audit_log_insert,migc_sync_audit_log_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_audit_log_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'archived_at,assignee_id,created_at,description,due_date,estimate_minutes,id,number,priority,project_id,status,status__migc_new,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_board__migc', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_board__migc,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tasks_insert,migc_sync_tasks_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'created_at,deleted_at,display_name,id,name,plan,region,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tenants' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tenants_insert,migc_sync_tenants_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tenants_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
DROP INDEX "audit_log_tenant_id_target_type_target_id_idx";

-- [31] let `audit_log.target_type` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to do in SQLite

-- [32] let `audit_log.target_id` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to do in SQLite

-- [33] drop column `audit_log.payload`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
DROP TRIGGER "migc_sync_audit_log_insert";
DROP TRIGGER "migc_sync_audit_log_update";
ALTER TABLE "audit_log" DROP COLUMN "payload";
CREATE TRIGGER "migc_sync_audit_log_insert" AFTER INSERT ON "audit_log"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_audit_log_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "audit_log" SET "payload__migc_new" = "payload" WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "audit_log" SET "target" = "target_type" || ':' || "target_id" WHERE rowid = NEW.rowid AND NEW."target" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "audit_log" SET "target_type" = substr("target" || ':', 1, instr("target" || ':', ':') - 1), "target_id" = substr(substr("target" || ':', instr("target" || ':', ':') + length(':')), 1, instr(substr("target" || ':', instr("target" || ':', ':') + length(':')), ':') - 1) WHERE rowid = NEW.rowid AND NOT (NEW."target" IS NULL);
  DELETE FROM "migc_sync_audit_log_guard";
END;
CREATE TRIGGER "migc_sync_audit_log_update" AFTER UPDATE ON "audit_log"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_audit_log_guard")
BEGIN
  UPDATE "audit_log" SET "payload__migc_new" = "payload" WHERE rowid = NEW.rowid AND (0 OR NEW."payload__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "audit_log" SET "target" = "target_type" || ':' || "target_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."target_type" <> OLD."target_type", NEW."target_type" IS NOT NULL OR OLD."target_type" IS NOT NULL) OR coalesce(NEW."target_id" <> OLD."target_id", NEW."target_id" IS NOT NULL OR OLD."target_id" IS NOT NULL) OR NEW."target" IS NULL) AND NOT (coalesce(NEW."target" <> OLD."target", NEW."target" IS NOT NULL OR OLD."target" IS NOT NULL));
  -- updated by the new application
  UPDATE "audit_log" SET "target_type" = substr("target" || ':', 1, instr("target" || ':', ':') - 1), "target_id" = substr(substr("target" || ':', instr("target" || ':', ':') + length(':')), 1, instr(substr("target" || ':', instr("target" || ':', ':') + length(':')), ':') - 1) WHERE rowid = NEW.rowid AND (coalesce(NEW."target" <> OLD."target", NEW."target" IS NOT NULL OR OLD."target" IS NOT NULL)) AND NOT (coalesce(NEW."target_type" <> OLD."target_type", NEW."target_type" IS NOT NULL OR OLD."target_type" IS NOT NULL) OR coalesce(NEW."target_id" <> OLD."target_id", NEW."target_id" IS NOT NULL OR OLD."target_id" IS NOT NULL));
END;

-- [34] put shadow column `payload__migc_new` in place of `audit_log.payload`
--     lock: database write lock; rebuilds `audit_log` (copies every row into a new table); rewrite: yes; scan: yes; from v3/security.mig:32:3
-- rebuild "audit_log" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "audit_log";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'audit_log' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_idx', 'migc_sync_audit_log_insert', 'migc_sync_audit_log_update'));
CREATE TABLE "migc_new_audit_log" (
  "id" integer PRIMARY KEY,
  "tenant_id" text NOT NULL,
  "actor_id" text,
  "api_key_id" text,
  "action" varchar(64) NOT NULL,
  "target" text,
  "target_type" varchar(32),
  "target_id" text,
  "ip_address" text,
  "occurred_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "payload" text NOT NULL,
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_audit_log" ("id", "tenant_id", "actor_id", "api_key_id", "action", "target", "target_type", "target_id", "ip_address", "occurred_at", "payload") SELECT "id", "tenant_id", "actor_id", "api_key_id", "action", "target", "target_type", "target_id", "ip_address", "occurred_at", "payload__migc_new" FROM "audit_log";
DROP TABLE "audit_log";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_audit_log" RENAME TO "audit_log";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "audit_log_tenant_id_occurred_at_idx" ON "audit_log" ("tenant_id", "occurred_at" DESC);
CREATE INDEX "audit_log_tenant_id_target_idx" ON "audit_log" ("tenant_id", "target");
CREATE TRIGGER "migc_sync_audit_log_insert" AFTER INSERT ON "audit_log"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_audit_log_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "audit_log" SET "payload__migc_new" = "payload" WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "audit_log" SET "target" = "target_type" || ':' || "target_id" WHERE rowid = NEW.rowid AND NEW."target" IS NULL;
  -- written by the new application: the deployed columns from the new ones
  UPDATE "audit_log" SET "target_type" = substr("target" || ':', 1, instr("target" || ':', ':') - 1), "target_id" = substr(substr("target" || ':', instr("target" || ':', ':') + length(':')), 1, instr(substr("target" || ':', instr("target" || ':', ':') + length(':')), ':') - 1) WHERE rowid = NEW.rowid AND NOT (NEW."target" IS NULL);
  DELETE FROM "migc_sync_audit_log_guard";
END;
CREATE TRIGGER "migc_sync_audit_log_update" AFTER UPDATE ON "audit_log"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_audit_log_guard")
BEGIN
  UPDATE "audit_log" SET "payload__migc_new" = "payload" WHERE rowid = NEW.rowid AND (coalesce(NEW."payload" <> OLD."payload", NEW."payload" IS NOT NULL OR OLD."payload" IS NOT NULL) OR NEW."payload__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "audit_log" SET "target" = "target_type" || ':' || "target_id" WHERE rowid = NEW.rowid AND (coalesce(NEW."target_type" <> OLD."target_type", NEW."target_type" IS NOT NULL OR OLD."target_type" IS NOT NULL) OR coalesce(NEW."target_id" <> OLD."target_id", NEW."target_id" IS NOT NULL OR OLD."target_id" IS NOT NULL) OR NEW."target" IS NULL) AND NOT (coalesce(NEW."target" <> OLD."target", NEW."target" IS NOT NULL OR OLD."target" IS NOT NULL));
  -- updated by the new application
  UPDATE "audit_log" SET "target_type" = substr("target" || ':', 1, instr("target" || ':', ':') - 1), "target_id" = substr(substr("target" || ':', instr("target" || ':', ':') + length(':')), 1, instr(substr("target" || ':', instr("target" || ':', ':') + length(':')), ':') - 1) WHERE rowid = NEW.rowid AND (coalesce(NEW."target" <> OLD."target", NEW."target" IS NOT NULL OR OLD."target" IS NOT NULL)) AND NOT (coalesce(NEW."target_type" <> OLD."target_type", NEW."target_type" IS NOT NULL OR OLD."target_type" IS NOT NULL) OR coalesce(NEW."target_id" <> OLD."target_id", NEW."target_id" IS NOT NULL OR OLD."target_id" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "audit_log") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [35] set the default of `audit_log.payload`
--     lock: database write lock; part of the rebuild of `audit_log` at step 36; rewrite: yes; scan: yes; from v3/security.mig:32:3
-- done by the rebuild of `audit_log` at step 36

-- [36] remove the dual-write trigger on `audit_log`
--     lock: database write lock; rebuilds `audit_log` (copies every row into a new table); rewrite: yes; scan: yes; from v3/security.mig:21:7
-- rebuild "audit_log" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "audit_log";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'audit_log' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_idx', 'migc_sync_audit_log_insert', 'migc_sync_audit_log_update'));
CREATE TABLE "migc_new_audit_log" (
  "id" integer PRIMARY KEY,
  "tenant_id" text NOT NULL,
  "actor_id" text,
  "api_key_id" text,
  "action" varchar(64) NOT NULL,
  "target" text NOT NULL,
  "target_type" varchar(32),
  "target_id" text,
  "ip_address" text,
  "occurred_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "payload" text NOT NULL DEFAULT '{}',
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
);
INSERT INTO "migc_new_audit_log" ("id", "tenant_id", "actor_id", "api_key_id", "action", "target", "target_type", "target_id", "ip_address", "occurred_at", "payload") SELECT "id", "tenant_id", "actor_id", "api_key_id", "action", "target", "target_type", "target_id", "ip_address", "occurred_at", "payload" FROM "audit_log";
DROP TABLE "audit_log";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_audit_log" RENAME TO "audit_log";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "audit_log_tenant_id_occurred_at_idx" ON "audit_log" ("tenant_id", "occurred_at" DESC);
CREATE INDEX "audit_log_tenant_id_target_idx" ON "audit_log" ("tenant_id", "target");
DROP TABLE "migc_sync_audit_log_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "audit_log") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [37] drop column `audit_log.target_type`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v3/security.mig:29:3
ALTER TABLE "audit_log" DROP COLUMN "target_type";

-- [38] drop column `audit_log.target_id`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from v3/security.mig:30:3
ALTER TABLE "audit_log" DROP COLUMN "target_id";

-- [39] drop index `tasks_board` on `tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP INDEX "tasks_board";

-- [40] rename index `tasks_board__migc` to `tasks_board`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v3/projects.mig:48:3
DROP INDEX "tasks_board__migc";
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status__migc_new", "priority") WHERE "archived_at" IS NULL;

-- [41] let `tenants.name` accept null before the dual-write trigger goes
--     lock: none; rewrite: no; scan: no; from the deployed schema
-- nothing to do in SQLite

-- [42] remove the dual-write trigger on `tenants`
--     lock: database write lock; rebuilds `tenants` (copies every row into a new table); rewrite: yes; scan: yes; from v3/tenants.mig:7:7
-- rebuild "tenants" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "tenants";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tenants' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tenants_deleted_at_idx', 'tenants_slug_key', 'migc_sync_tenants_insert', 'migc_sync_tenants_update'));
CREATE TABLE "migc_new_tenants" (
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "slug" varchar(63) NOT NULL,
  "display_name" text NOT NULL,
  "name" text,
  "plan" text NOT NULL DEFAULT 'free' CHECK ("plan" IN ('free', 'pro', 'enterprise')),
  "seat_limit" integer,
  "region" varchar(16) NOT NULL DEFAULT 'eu-central-1',
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("id"),
  CONSTRAINT "tenants_slug_check" CHECK (length("slug") >= 3),
  CONSTRAINT "tenants_seat_limit_check" CHECK ("seat_limit" > 0)
);
INSERT INTO "migc_new_tenants" (rowid, "id", "slug", "display_name", "name", "plan", "seat_limit", "region", "created_at", "updated_at", "deleted_at") SELECT rowid, "id", "slug", "display_name", "name", "plan", "seat_limit", "region", "created_at", "updated_at", "deleted_at" FROM "tenants";
DROP TABLE "tenants";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tenants" RENAME TO "tenants";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tenants_deleted_at_idx" ON "tenants" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" ((lower("slug")));
DROP TABLE "migc_sync_tenants_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tenants") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [43] drop column `tenants.name`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
ALTER TABLE "tenants" DROP COLUMN "name";

-- [44] drop view `open_tasks` while its tables change
--     lock: database write lock (schema change only); rewrite: no; scan: no; from the deployed schema
DROP VIEW "open_tasks";

-- [45] drop column `tasks.status`
--     lock: database write lock; DROP COLUMN rewrites the table; rewrite: yes; scan: yes; from the deployed schema
DROP TRIGGER "migc_sync_tasks_insert";
DROP TRIGGER "migc_sync_tasks_update";
ALTER TABLE "tasks" DROP COLUMN "status";
CREATE TRIGGER "migc_sync_tasks_insert" AFTER INSERT ON "tasks"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_tasks_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "tasks" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "tasks" SET "archived_at" = CASE WHEN "status" = 'archived' THEN "updated_at" END WHERE rowid = NEW.rowid AND NEW."archived_at" IS NULL;
  DELETE FROM "migc_sync_tasks_guard";
END;
CREATE TRIGGER "migc_sync_tasks_update" AFTER UPDATE ON "tasks"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_tasks_guard")
BEGIN
  UPDATE "tasks" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (0 OR NEW."status__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "tasks" SET "archived_at" = CASE WHEN "status" = 'archived' THEN "updated_at" END WHERE rowid = NEW.rowid AND (coalesce(NEW."updated_at" <> OLD."updated_at", NEW."updated_at" IS NOT NULL OR OLD."updated_at" IS NOT NULL) OR NEW."archived_at" IS NULL) AND NOT (coalesce(NEW."archived_at" <> OLD."archived_at", NEW."archived_at" IS NOT NULL OR OLD."archived_at" IS NOT NULL));
END;

-- [46] give enum `task_status__migc` the name `task_status`
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
-- SQLite has no enum types: the columns of `task_status__migc` already check the labels of `task_status`

-- [47] put shadow column `status__migc_new` in place of `tasks.status`
--     lock: database write lock; rebuilds `tasks` (copies every row into a new table); rewrite: yes; scan: yes; from v3/projects.mig:36:3
-- rebuild "tasks" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "tasks";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tasks' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tasks_number_key', 'tasks_tenant_id_assignee_id_idx', 'tasks_board', 'migc_sync_tasks_insert', 'migc_sync_tasks_update'));
CREATE TABLE "migc_new_tasks" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "project_id" text NOT NULL,
  "number" integer NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "priority" integer NOT NULL DEFAULT 3,
  "assignee_id" text,
  "estimate_minutes" integer,
  "due_date" date,
  "archived_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL CHECK ("status" IN ('todo', 'in_progress', 'blocked', 'done')),
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "tasks_number_check" CHECK ("number" > 0),
  CONSTRAINT "tasks_title_check" CHECK (length("title") BETWEEN 1 AND 500),
  CONSTRAINT "tasks_priority_check" CHECK ("priority" BETWEEN 1 AND 5),
  CONSTRAINT "tasks_estimate_minutes_check" CHECK ("estimate_minutes" >= 0),
  CONSTRAINT "tasks_number_key" UNIQUE ("tenant_id", "project_id", "number"),
  FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects" ("tenant_id", "id") ON DELETE CASCADE,
  FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "members" ("tenant_id", "user_id")
);
INSERT INTO "migc_new_tasks" (rowid, "tenant_id", "id", "project_id", "number", "title", "description", "priority", "assignee_id", "estimate_minutes", "due_date", "archived_at", "created_at", "updated_at", "status") SELECT rowid, "tenant_id", "id", "project_id", "number", "title", "description", "priority", "assignee_id", "estimate_minutes", "due_date", "archived_at", "created_at", "updated_at", "status__migc_new" FROM "tasks";
DROP TABLE "tasks";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tasks" RENAME TO "tasks";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" ("tenant_id", "assignee_id") WHERE "assignee_id" IS NOT NULL;
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "archived_at" IS NULL;
CREATE TRIGGER "migc_sync_tasks_insert" AFTER INSERT ON "tasks"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_tasks_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "tasks" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  -- written by the old application: the new columns from the deployed ones
  UPDATE "tasks" SET "archived_at" = CASE WHEN "status" = 'archived' THEN "updated_at" END WHERE rowid = NEW.rowid AND NEW."archived_at" IS NULL;
  DELETE FROM "migc_sync_tasks_guard";
END;
CREATE TRIGGER "migc_sync_tasks_update" AFTER UPDATE ON "tasks"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_tasks_guard")
BEGIN
  UPDATE "tasks" SET "status__migc_new" = CAST(CASE CAST("status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST("status" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR NEW."status__migc_new" IS NULL);
  -- updated by the old application (or a row not filled yet)
  UPDATE "tasks" SET "archived_at" = CASE WHEN "status" = 'archived' THEN "updated_at" END WHERE rowid = NEW.rowid AND (coalesce(NEW."status" <> OLD."status", NEW."status" IS NOT NULL OR OLD."status" IS NOT NULL) OR coalesce(NEW."updated_at" <> OLD."updated_at", NEW."updated_at" IS NOT NULL OR OLD."updated_at" IS NOT NULL) OR NEW."archived_at" IS NULL) AND NOT (coalesce(NEW."archived_at" <> OLD."archived_at", NEW."archived_at" IS NOT NULL OR OLD."archived_at" IS NOT NULL));
END;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tasks") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [48] set the default of `tasks.status`
--     lock: database write lock; part of the rebuild of `tasks` at step 49; rewrite: yes; scan: yes; from v3/projects.mig:36:3
-- done by the rebuild of `tasks` at step 49

-- [49] remove the dual-write trigger on `tasks`
--     lock: database write lock; rebuilds `tasks` (copies every row into a new table); rewrite: yes; scan: yes; from v3/projects.mig:29:7
-- rebuild "tasks" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 5, count(*) FROM "tasks";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tasks' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tasks_number_key', 'tasks_tenant_id_assignee_id_idx', 'tasks_board', 'migc_sync_tasks_insert', 'migc_sync_tasks_update'));
CREATE TABLE "migc_new_tasks" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "project_id" text NOT NULL,
  "number" integer NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "priority" integer NOT NULL DEFAULT 3,
  "assignee_id" text,
  "estimate_minutes" integer,
  "due_date" date,
  "archived_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" text NOT NULL DEFAULT 'todo' CHECK ("status" IN ('todo', 'in_progress', 'blocked', 'done')),
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "tasks_number_check" CHECK ("number" > 0),
  CONSTRAINT "tasks_title_check" CHECK (length("title") BETWEEN 1 AND 500),
  CONSTRAINT "tasks_priority_check" CHECK ("priority" BETWEEN 1 AND 5),
  CONSTRAINT "tasks_estimate_minutes_check" CHECK ("estimate_minutes" >= 0),
  CONSTRAINT "tasks_number_key" UNIQUE ("tenant_id", "project_id", "number"),
  FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects" ("tenant_id", "id") ON DELETE CASCADE,
  FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "members" ("tenant_id", "user_id")
);
INSERT INTO "migc_new_tasks" (rowid, "tenant_id", "id", "project_id", "number", "title", "description", "priority", "assignee_id", "estimate_minutes", "due_date", "archived_at", "created_at", "updated_at", "status") SELECT rowid, "tenant_id", "id", "project_id", "number", "title", "description", "priority", "assignee_id", "estimate_minutes", "due_date", "archived_at", "created_at", "updated_at", "status" FROM "tasks";
DROP TABLE "tasks";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tasks" RENAME TO "tasks";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" ("tenant_id", "assignee_id") WHERE "assignee_id" IS NOT NULL;
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "archived_at" IS NULL;
DROP TABLE "migc_sync_tasks_guard";
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tasks") = (SELECT rows FROM temp.migc_count WHERE n = 5);

-- [50] recreate view `open_tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v3/projects.mig:52:6
CREATE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "t"."archived_at" IS NULL AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('audit_log') ORDER BY name)) = 'action,actor_id,api_key_id,id,ip_address,occurred_at,payload,target,tenant_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('audit_log') WHERE name IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_idx', 'audit_log_tenant_id_target_type_target_id_idx') ORDER BY name)) = 'audit_log_tenant_id_occurred_at_idx,audit_log_tenant_id_target_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_audit_log_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'archived_at,assignee_id,created_at,description,due_date,estimate_minutes,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_board__migc', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'created_at,deleted_at,display_name,id,plan,region,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tenants' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tenants_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('api_keys'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('audit_log'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('invitations'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('members'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('projects'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('roles'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tasks'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tenants'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 19;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 8;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
