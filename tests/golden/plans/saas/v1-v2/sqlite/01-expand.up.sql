-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] add value `revoked` to enum `invitation_state` (renamed from `cancelled`)
--     lock: database write lock; part of the rebuild of `invitations` at step 8; rewrite: yes; scan: yes; from v2/members.mig:5:53
-- migc: the phase runs in one transaction. The sqlite3 shell goes on after a failed statement,
-- so the checks at the end roll everything back unless every statement did its part.
PRAGMA busy_timeout = 10000;
PRAGMA foreign_keys = 0;
BEGIN IMMEDIATE;
-- starts the transaction even if BEGIN failed (the database was busy): nothing runs outside one
SAVEPOINT migc_expand_up;
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
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx', 'api_keys_tenant_name_key') ORDER BY name)) = 'api_keys_tenant_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email', 'invitations_open_per_email__migc') ORDER BY name)) = 'invitations_open_per_email'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'invitations' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_invitations_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,due_date,estimate_hours,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) IS NULL
  AND NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'members');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
-- done by the rebuild of `invitations` at step 8

-- [2] create enum `invitation_state__migc`, the new shape of `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
-- SQLite has no enum types: columns of `invitation_state__migc` are text with a check of its labels

-- [3] create enum `project_visibility`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:8:6
-- SQLite has no enum types: columns of `project_visibility` are text with a check of its labels

-- [4] add value `blocked` to enum `task_status`
--     lock: database write lock; part of the rebuild of `tasks` at step 12; rewrite: yes; scan: yes; from v2/projects.mig:6:39
-- done by the rebuild of `tasks` at step 12

-- [5] expose table `memberships` as `members` (an updatable view)
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/members.mig:19:7
CREATE VIEW "members" AS SELECT * FROM "memberships";
CREATE TRIGGER "migc_alias_members_insert" INSTEAD OF INSERT ON "members"
BEGIN
  INSERT INTO "memberships" ("tenant_id", "user_id", "role_id", "joined_at") VALUES (NEW."tenant_id", NEW."user_id", NEW."role_id", coalesce(NEW."joined_at", current_timestamp));
END;
CREATE TRIGGER "migc_alias_members_update" INSTEAD OF UPDATE ON "members"
BEGIN
  UPDATE "memberships" SET "tenant_id" = NEW."tenant_id", "user_id" = NEW."user_id", "role_id" = NEW."role_id", "joined_at" = NEW."joined_at" WHERE "tenant_id" = OLD."tenant_id" AND "user_id" = OLD."user_id";
END;
CREATE TRIGGER "migc_alias_members_delete" INSTEAD OF DELETE ON "members"
BEGIN
  DELETE FROM "memberships" WHERE "tenant_id" = OLD."tenant_id" AND "user_id" = OLD."user_id";
END;

-- [6] create unique index `api_keys_tenant_name_key` on `api_keys`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v2/security.mig:15:3
CREATE UNIQUE INDEX "api_keys_tenant_name_key" ON "api_keys" ("tenant_id", "name");

-- [7] add shadow column `invitations.state__migc_new` of type `invitation_state__migc` for `state`
--     lock: database write lock; part of the rebuild of `invitations` at step 8; rewrite: yes; scan: yes; from v2/members.mig:36:3
-- done by the rebuild of `invitations` at step 8

-- [8] create unique index `invitations_open_per_email__migc` on `invitations`
--     lock: database write lock; rebuilds `invitations` (copies every row into a new table); rewrite: yes; scan: yes; from v2/members.mig:42:3
-- rebuild "invitations" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 1, count(*) FROM "invitations";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'invitations' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('invitations_token_hash_key', 'invitations_open_per_email'));
CREATE TABLE "migc_new_invitations" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "email" text NOT NULL,
  "role_id" text NOT NULL,
  "invited_by" text,
  "token_hash" blob NOT NULL,
  "state" text NOT NULL DEFAULT 'pending' CHECK ("state" IN ('pending', 'accepted', 'expired', 'revoked', 'cancelled')),
  "expires_at" timestamptz NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "state__migc_new" text CHECK ("state__migc_new" IN ('pending', 'accepted', 'expired', 'revoked')),
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
CREATE UNIQUE INDEX "invitations_open_per_email__migc" ON "invitations" ("tenant_id", (lower("email"))) WHERE "state__migc_new" = 'pending';
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "invitations") = (SELECT rows FROM temp.migc_count WHERE n = 1);

-- [9] install the dual-write trigger on `invitations`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/members.mig:29:7
CREATE TABLE "migc_sync_invitations_guard" (active INTEGER PRIMARY KEY);
CREATE TRIGGER "migc_sync_invitations_insert" AFTER INSERT ON "invitations"
BEGIN
  INSERT OR REPLACE INTO "migc_sync_invitations_guard" (active) VALUES (1);
  -- shadow columns of type changes follow the deployed columns
  UPDATE "invitations" SET "state__migc_new" = CAST(CASE CAST("state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST("state" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid;
  DELETE FROM "migc_sync_invitations_guard";
END;
CREATE TRIGGER "migc_sync_invitations_update" AFTER UPDATE ON "invitations"
WHEN NOT EXISTS (SELECT 1 FROM "migc_sync_invitations_guard")
BEGIN
  UPDATE "invitations" SET "state__migc_new" = CAST(CASE CAST("state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST("state" AS TEXT) END AS TEXT) WHERE rowid = NEW.rowid AND (coalesce(NEW."state" <> OLD."state", NEW."state" IS NOT NULL OR OLD."state" IS NOT NULL) OR NEW."state__migc_new" IS NULL);
END;

-- [10] add column `projects.visibility`
--     lock: database write lock; rebuilds `projects` (copies every row into a new table); rewrite: yes; scan: yes; from v2/projects.mig:17:3
-- rebuild "projects" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 2, count(*) FROM "projects";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'projects' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('projects_tenant_key_key', 'projects_deleted_at_idx'));
CREATE TABLE "migc_new_projects" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "key" varchar(10) NOT NULL,
  "name" text NOT NULL,
  "description" text,
  "owner_id" text NOT NULL,
  "visibility" text NOT NULL DEFAULT 'private' CHECK ("visibility" IN ('private', 'tenant', 'public')),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "projects_key_check" CHECK ("key" = upper("key")),
  CONSTRAINT "projects_tenant_key_key" UNIQUE ("tenant_id", "key"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("tenant_id", "owner_id") REFERENCES "memberships" ("tenant_id", "user_id") ON DELETE RESTRICT
);
INSERT INTO "migc_new_projects" (rowid, "tenant_id", "id", "key", "name", "description", "owner_id", "created_at", "updated_at", "deleted_at") SELECT rowid, "tenant_id", "id", "key", "name", "description", "owner_id", "created_at", "updated_at", "deleted_at" FROM "projects";
DROP TABLE "projects";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_projects" RENAME TO "projects";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "projects_deleted_at_idx" ON "projects" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "projects") = (SELECT rows FROM temp.migc_count WHERE n = 2);

-- [11] add column `tasks.description` (filled from the deployed shape)
--     lock: database write lock; part of the rebuild of `tasks` at step 12; rewrite: yes; scan: yes; from v2/projects.mig:31:3
-- done by the rebuild of `tasks` at step 12

-- [12] add column `tasks.estimate_minutes` (filled from the deployed shape)
--     lock: database write lock; rebuilds `tasks` (copies every row into a new table); rewrite: yes; scan: yes; from v2/projects.mig:36:3
-- rebuild "tasks" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 3, count(*) FROM "tasks";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tasks' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tasks_number_key', 'tasks_board', 'tasks_tenant_id_assignee_id_idx'));
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tasks") = (SELECT rows FROM temp.migc_count WHERE n = 3);

-- [13] add check `tasks_estimate_minutes_check` on `tasks` for new rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:36:37
-- SQLite has no NOT VALID: check `tasks_estimate_minutes_check` is enforced from switch on, when the table is rebuilt and every row checked; until then rows that break it are not refused

-- [14] add foreign key `tasks_assignee_fkey` on `tasks` for new rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:44:3
-- SQLite has no NOT VALID: foreign key `tasks_assignee_fkey` is enforced from switch on, when the table is rebuilt and every row checked; until then rows without a parent are not refused

-- [15] install the dual-write trigger on `tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:25:7
CREATE TABLE "migc_sync_tasks_guard" (active INTEGER PRIMARY KEY);
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

-- [16] add column `tenants.region`
--     lock: database write lock; rebuilds `tenants` (copies every row into a new table); rewrite: yes; scan: yes; from v2/tenants.mig:14:3
-- rebuild "tenants" (copy every row into a new table, then swap it in)
INSERT INTO temp.migc_count (n, rows) SELECT 4, count(*) FROM "tenants";
INSERT INTO temp.migc_check (kind, ok) SELECT 'unmanaged', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = 'tenants' AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%' AND name NOT IN ('tenants_deleted_at_idx', 'tenants_slug_key'));
CREATE TABLE "migc_new_tenants" (
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "slug" varchar(63) NOT NULL,
  "name" text NOT NULL,
  "plan" text NOT NULL DEFAULT 'free' CHECK ("plan" IN ('free', 'pro', 'enterprise')),
  "seat_limit" integer,
  "region" varchar(16) NOT NULL DEFAULT 'eu-central-1',
  "billing_email" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("id"),
  CONSTRAINT "tenants_slug_check" CHECK (length("slug") >= 3),
  CONSTRAINT "tenants_seat_limit_check" CHECK ("seat_limit" > 0)
);
INSERT INTO "migc_new_tenants" (rowid, "id", "slug", "name", "plan", "seat_limit", "billing_email", "created_at", "updated_at", "deleted_at") SELECT rowid, "id", "slug", "name", "plan", "seat_limit", "billing_email", "created_at", "updated_at", "deleted_at" FROM "tenants";
DROP TABLE "tenants";
PRAGMA legacy_alter_table = 1;
ALTER TABLE "migc_new_tenants" RENAME TO "tenants";
PRAGMA legacy_alter_table = 0;
CREATE INDEX "tenants_deleted_at_idx" ON "tenants" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" ((lower("slug")));
INSERT INTO temp.migc_check (kind, ok) SELECT 'rows', (SELECT count(*) FROM "tenants") = (SELECT rows FROM temp.migc_count WHERE n = 4);

-- [17] drop view `open_tasks` to redefine it
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW "open_tasks";

-- [18] create view `open_tasks` with its new query
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v2/projects.mig:49:6
CREATE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress', 'blocked') AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx', 'api_keys_tenant_name_key') ORDER BY name)) = 'api_keys_tenant_id_idx,api_keys_tenant_name_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,state__migc_new,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email', 'invitations_open_per_email__migc') ORDER BY name)) = 'invitations_open_per_email,invitations_open_per_email__migc'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'invitations' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_invitations_insert,migc_sync_invitations_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_invitations_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at,visibility'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,description,due_date,estimate_hours,estimate_minutes,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tasks' AND name LIKE 'migc_sync_%' ORDER BY name)) = 'migc_sync_tasks_insert,migc_sync_tasks_update'
  AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migc_sync_tasks_guard');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,region,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'members');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('api_keys'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('audit_log'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('invitations'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('memberships'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('projects'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('roles'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tasks'));
INSERT INTO temp.migc_check (kind, ok) SELECT 'foreign keys', NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('tenants'));
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 23;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 8;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
