-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [18] undo: create view `open_tasks` with its new query
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:49:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx', 'api_keys_tenant_name_key') ORDER BY name)) = 'api_keys_tenant_id_idx,api_keys_tenant_name_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,state__migc_new,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email', 'invitations_open_per_email__migc') ORDER BY name)) = 'invitations_open_per_email,invitations_open_per_email__migc'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'invitations' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_invitations_insert,migc_sync_invitations_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_invitations_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at,visibility'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,description,due_date,estimate_hours,estimate_minutes,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tasks_insert,migc_sync_tasks_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,region,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'members');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
DROP VIEW "open_tasks";

-- [17] undo: drop view `open_tasks` to redefine it
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:49:6
-- view `open_tasks` comes back at the end of this script

-- [16] undo: add column `tenants.region`
--     lock: database write lock; rebuilds `tenants` (copies every row into a new table); rewrite: yes; scan: yes; from v2/tenants.mig:14:3
ALTER TABLE "tenants" DROP COLUMN "region";

-- [15] undo: install the dual-write trigger on `tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:25:7
DROP TRIGGER "migc_sync_tasks_insert";
DROP TRIGGER "migc_sync_tasks_update";
DROP TABLE "migc_sync_tasks_guard";

-- [14] undo: add foreign key `tasks_assignee_fkey` on `tasks` for new rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:44:3
-- nothing to undo

-- [13] undo: add check `tasks_estimate_minutes_check` on `tasks` for new rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:36:37
-- nothing to undo

-- [12] undo: add column `tasks.estimate_minutes` (filled from the deployed shape)
--     lock: database write lock; rebuilds `tasks` (copies every row into a new table); rewrite: yes; scan: yes; from v2/projects.mig:36:3
-- rebuild "tasks" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "tasks";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tasks' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tasks_number_key', 'tasks_board', 'tasks_tenant_id_assignee_id_idx'));
CREATE TABLE "migc_new_tasks" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "project_id" text NOT NULL,
  "number" integer NOT NULL,
  "title" text NOT NULL,
  "body" text,
  "status" text NOT NULL DEFAULT 'todo' CHECK ("status" IN ('todo', 'in_progress', 'done', 'archived', 'blocked')),
  "priority" integer NOT NULL DEFAULT 3,
  "assignee_id" text,
  "estimate_hours" numeric(5,1),
  "due_date" date,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "tasks_number_check" CHECK ("number" > 0),
  CONSTRAINT "tasks_title_check" CHECK (length("title") BETWEEN 1 AND 500),
  CONSTRAINT "tasks_priority_check" CHECK ("priority" BETWEEN 1 AND 5),
  CONSTRAINT "tasks_estimate_hours_check" CHECK ("estimate_hours" >= 0),
  CONSTRAINT "tasks_number_key" UNIQUE ("tenant_id", "project_id", "number"),
  FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects" ("tenant_id", "id") ON DELETE CASCADE
);
INSERT INTO "migc_new_tasks" (rowid, "tenant_id", "id", "project_id", "number", "title", "body", "status", "priority", "assignee_id", "estimate_hours", "due_date", "created_at", "updated_at") SELECT rowid, "tenant_id", "id", "project_id", "number", "title", "body", "status", "priority", "assignee_id", "estimate_hours", "due_date", "created_at", "updated_at" FROM "tasks";
DROP TABLE "tasks";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tasks" RENAME TO "tasks";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "status" <> 'archived';
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" ("tenant_id", "assignee_id") WHERE "assignee_id" IS NOT NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tasks") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [11] undo: add column `tasks.description` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `tasks` at step 12; rewrite: yes; scan: yes; from v2/projects.mig:31:3
-- undone by the rebuild of `tasks` at step 12

-- [10] undo: add column `projects.visibility`
--     lock: database write lock; rebuilds `projects` (copies every row into a new table); rewrite: yes; scan: yes; from v2/projects.mig:17:3
ALTER TABLE "projects" DROP COLUMN "visibility";

-- [9] undo: install the dual-write trigger on `invitations`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/members.mig:29:7
DROP TRIGGER "migc_sync_invitations_insert";
DROP TRIGGER "migc_sync_invitations_update";
DROP TABLE "migc_sync_invitations_guard";

-- [8] undo: create unique index `invitations_open_per_email__migc` on `invitations`
--     lock: database write lock; rebuilds `invitations` (copies every row into a new table); rewrite: yes; scan: yes; from v2/members.mig:42:3
-- rebuild "invitations" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "invitations";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'invitations' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('invitations_token_hash_key', 'invitations_open_per_email', 'invitations_open_per_email__migc'));
CREATE TABLE "migc_new_invitations" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "email" text NOT NULL,
  "role_id" text NOT NULL,
  "invited_by" text,
  "token_hash" blob NOT NULL,
  "state" text NOT NULL DEFAULT 'pending' CHECK ("state" IN ('pending', 'accepted', 'expired', 'cancelled', 'revoked')),
  "expires_at" timestamptz NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "invitations_token_hash_key" UNIQUE ("token_hash"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("invited_by") REFERENCES "users" ("id") ON DELETE SET NULL,
  FOREIGN KEY ("tenant_id", "role_id") REFERENCES "roles" ("tenant_id", "id") ON DELETE CASCADE
);
INSERT INTO "migc_new_invitations" (rowid, "tenant_id", "id", "email", "role_id", "invited_by", "token_hash", "state", "expires_at", "created_at", "updated_at") SELECT rowid, "tenant_id", "id", "email", "role_id", "invited_by", "token_hash", "state", "expires_at", "created_at", "updated_at" FROM "invitations";
DROP TABLE "invitations";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_invitations" RENAME TO "invitations";
PRAGMA legacy_alter_table = 0;
CREATE UNIQUE INDEX "invitations_open_per_email" ON "invitations" ("tenant_id", (lower("email"))) WHERE "state" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "invitations") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [7] undo: add shadow column `invitations.state__migc_new` of type `invitation_state__migc` for `state`
--     lock: database write lock; part of the rebuild of `invitations` at step 8; rewrite: yes; scan: yes; from v2/members.mig:36:3
-- undone by the rebuild of `invitations` at step 8

-- [6] undo: create unique index `api_keys_tenant_name_key` on `api_keys`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/security.mig:15:3
DROP INDEX "api_keys_tenant_name_key";

-- [5] undo: expose table `memberships` as `members` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/members.mig:19:7
DROP VIEW "members";

-- [4] undo: add value `blocked` to enum `task_status`
--     lock: database write lock; part of the rebuild of `tasks` at step 12; rewrite: yes; scan: yes; from v2/projects.mig:6:39
-- undone by the rebuild of `tasks` at step 12

-- [3] undo: create enum `project_visibility`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:8:6
-- nothing to undo

-- [2] undo: create enum `invitation_state__migc`, the new shape of `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
-- nothing to undo

-- [1] undo: add value `revoked` to enum `invitation_state` (renamed from `cancelled`)
--     lock: database write lock; part of the rebuild of `invitations` at step 8; rewrite: yes; scan: yes; from v2/members.mig:5:53
-- undone by the rebuild of `invitations` at step 8
-- the views this phase dropped
CREATE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress') AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx', 'api_keys_tenant_name_key') ORDER BY name)) = 'api_keys_tenant_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email', 'invitations_open_per_email__migc') ORDER BY name)) = 'invitations_open_per_email'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'invitations' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_invitations_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,due_date,estimate_hours,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'members');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('invitations'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tasks'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 19;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 2;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
