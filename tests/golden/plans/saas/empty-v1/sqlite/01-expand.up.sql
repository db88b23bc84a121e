-- migc 0.1.0: expand phase (up) for sqlite
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: sqlite3 DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [1] create enum `invitation_state`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:4:6
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
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'api_keys');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'invitations');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'memberships');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'projects');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'roles');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tasks');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tenants');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
-- SQLite has no enum types: columns of `invitation_state` are text with a check of its labels

-- [2] create enum `plan_tier`
--     lock: none; rewrite: no; scan: no; from v1/tenants.mig:5:6
-- SQLite has no enum types: columns of `plan_tier` are text with a check of its labels

-- [3] create enum `task_status`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:6:6
-- SQLite has no enum types: columns of `task_status` are text with a check of its labels

-- [4] create table `api_keys`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:2:7
CREATE TABLE "api_keys" (
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
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL
);

-- [5] create index `api_keys_tenant_id_idx` on `api_keys`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:14:3
CREATE INDEX "api_keys_tenant_id_idx" ON "api_keys" ("tenant_id") WHERE "revoked_at" IS NULL;

-- [6] create table `audit_log`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:18:7
CREATE TABLE "audit_log" (
  "id" integer PRIMARY KEY,
  "tenant_id" text NOT NULL,
  "actor_id" text,
  "api_key_id" text,
  "action" varchar(64) NOT NULL,
  "target_type" varchar(32) NOT NULL,
  "target_id" text NOT NULL,
  "payload" text NOT NULL DEFAULT '{}',
  "ip_address" text,
  "occurred_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
);

-- [7] create index `audit_log_tenant_id_occurred_at_idx` on `audit_log`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:29:3
CREATE INDEX "audit_log_tenant_id_occurred_at_idx" ON "audit_log" ("tenant_id", "occurred_at" DESC);

-- [8] create index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:30:3
CREATE INDEX "audit_log_tenant_id_target_type_target_id_idx" ON "audit_log" ("tenant_id", "target_type", "target_id");

-- [9] create table `invitations`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:27:7
CREATE TABLE "invitations" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "email" text NOT NULL,
  "role_id" text NOT NULL,
  "invited_by" text,
  "token_hash" blob NOT NULL,
  "state" text NOT NULL DEFAULT 'pending' CHECK ("state" IN ('pending', 'accepted', 'expired', 'cancelled')),
  "expires_at" timestamptz NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "invitations_token_hash_key" UNIQUE ("token_hash"),
  FOREIGN KEY ("tenant_id", "role_id") REFERENCES "roles" ("tenant_id", "id") ON DELETE CASCADE,
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("invited_by") REFERENCES "users" ("id") ON DELETE SET NULL
);

-- [10] create unique index `invitations_open_per_email` on `invitations`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/members.mig:40:3
CREATE UNIQUE INDEX "invitations_open_per_email" ON "invitations" ("tenant_id", (lower("email"))) WHERE "state" = 'pending';

-- [11] create table `memberships`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:17:7
CREATE TABLE "memberships" (
  "tenant_id" text NOT NULL,
  "user_id" text NOT NULL,
  "role_id" text NOT NULL,
  "joined_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("tenant_id", "user_id"),
  FOREIGN KEY ("tenant_id", "role_id") REFERENCES "roles" ("tenant_id", "id") ON DELETE RESTRICT,
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- [12] create index `memberships_user_id_idx` on `memberships`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/members.mig:24:3
CREATE INDEX "memberships_user_id_idx" ON "memberships" ("user_id");

-- [13] create table `projects`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:8:7
CREATE TABLE "projects" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "key" varchar(10) NOT NULL,
  "name" text NOT NULL,
  "description" text,
  "owner_id" text NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "projects_key_check" CHECK ("key" = upper("key")),
  CONSTRAINT "projects_tenant_key_key" UNIQUE ("tenant_id", "key"),
  FOREIGN KEY ("tenant_id", "owner_id") REFERENCES "memberships" ("tenant_id", "user_id") ON DELETE RESTRICT,
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
);

-- [14] create index `projects_deleted_at_idx` on `projects`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
CREATE INDEX "projects_deleted_at_idx" ON "projects" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- [15] add foreign key `projects_tenant_id_owner_id_fkey` on `projects`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:19:3
-- SQLite adds foreign keys with the table: `projects_tenant_id_owner_id_fkey` is in its CREATE TABLE

-- [16] create table `roles`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:7:7
CREATE TABLE "roles" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "name" text NOT NULL,
  "permissions" text NOT NULL DEFAULT '[]',
  "is_builtin" boolean NOT NULL DEFAULT false,
  PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "roles_tenant_name_key" UNIQUE ("tenant_id", "name"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
);

-- [17] add foreign key `invitations_tenant_id_role_id_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:38:3
-- SQLite adds foreign keys with the table: `invitations_tenant_id_role_id_fkey` is in its CREATE TABLE

-- [18] add foreign key `memberships_role_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:23:3
-- SQLite adds foreign keys with the table: `memberships_role_fkey` is in its CREATE TABLE

-- [19] create table `tasks`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:22:7
CREATE TABLE "tasks" (
  "tenant_id" text NOT NULL,
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "project_id" text NOT NULL,
  "number" integer NOT NULL,
  "title" text NOT NULL,
  "body" text,
  "status" text NOT NULL DEFAULT 'todo' CHECK ("status" IN ('todo', 'in_progress', 'done', 'archived')),
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

-- [20] create index `tasks_board` on `tasks`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/projects.mig:38:3
CREATE INDEX "tasks_board" ON "tasks" ("tenant_id", "project_id", "status", "priority") WHERE "status" <> 'archived';

-- [21] create index `tasks_tenant_id_assignee_id_idx` on `tasks`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/projects.mig:39:3
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" ("tenant_id", "assignee_id") WHERE "assignee_id" IS NOT NULL;

-- [22] add foreign key `tasks_project_fkey` on `tasks`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:36:3
-- SQLite adds foreign keys with the table: `tasks_project_fkey` is in its CREATE TABLE

-- [23] create table `tenants`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:7:7
CREATE TABLE "tenants" (
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "slug" varchar(63) NOT NULL,
  "name" text NOT NULL,
  "plan" text NOT NULL DEFAULT 'free' CHECK ("plan" IN ('free', 'pro', 'enterprise')),
  "seat_limit" integer,
  "billing_email" text,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("id"),
  CONSTRAINT "tenants_slug_check" CHECK (length("slug") >= 3),
  CONSTRAINT "tenants_seat_limit_check" CHECK ("seat_limit" > 0)
);

-- [24] add foreign key `api_keys_tenant_id_fkey` on `api_keys`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:4:48
-- SQLite adds foreign keys with the table: `api_keys_tenant_id_fkey` is in its CREATE TABLE

-- [25] add foreign key `audit_log_tenant_id_fkey` on `audit_log`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:20:47
-- SQLite adds foreign keys with the table: `audit_log_tenant_id_fkey` is in its CREATE TABLE

-- [26] add foreign key `invitations_tenant_id_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:28:51
-- SQLite adds foreign keys with the table: `invitations_tenant_id_fkey` is in its CREATE TABLE

-- [27] add foreign key `memberships_tenant_id_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:18:45
-- SQLite adds foreign keys with the table: `memberships_tenant_id_fkey` is in its CREATE TABLE

-- [28] add foreign key `projects_tenant_id_fkey` on `projects`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:9:47
-- SQLite adds foreign keys with the table: `projects_tenant_id_fkey` is in its CREATE TABLE

-- [29] add foreign key `roles_tenant_id_fkey` on `roles`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:8:40
-- SQLite adds foreign keys with the table: `roles_tenant_id_fkey` is in its CREATE TABLE

-- [30] create index `tenants_deleted_at_idx` on `tenants`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
CREATE INDEX "tenants_deleted_at_idx" ON "tenants" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- [31] create unique index `tenants_slug_key` on `tenants`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/tenants.mig:17:3
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" ((lower("slug")));

-- [32] create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:20:7
CREATE TABLE "users" (
  "id" text NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  "email" text NOT NULL,
  "display_name" text NOT NULL,
  "last_login_at" timestamptz,
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("id")
);

-- [33] add foreign key `api_keys_created_by_fkey` on `api_keys`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:8:44
-- SQLite adds foreign keys with the table: `api_keys_created_by_fkey` is in its CREATE TABLE

-- [34] add foreign key `invitations_invited_by_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:32:47
-- SQLite adds foreign keys with the table: `invitations_invited_by_fkey` is in its CREATE TABLE

-- [35] add foreign key `memberships_user_id_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:19:45
-- SQLite adds foreign keys with the table: `memberships_user_id_fkey` is in its CREATE TABLE

-- [36] create unique index `users_email_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/tenants.mig:26:3
CREATE UNIQUE INDEX "users_email_key" ON "users" ((lower("email")));

-- [37] create view `open_tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/projects.mig:42:6
CREATE VIEW "open_tasks" AS SELECT "t"."tenant_id", "t"."id", "p"."key", "t"."number", "t"."title", "t"."status", "t"."assignee_id", "t"."due_date" FROM "tasks" t JOIN "projects" p ON "p"."tenant_id" = "t"."tenant_id" AND "p"."id" = "t"."project_id" WHERE "t"."status" IN ('todo', 'in_progress') AND "p"."deleted_at" IS NULL;
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('api_keys') ORDER BY name)) = 'created_at,created_by,expires_at,id,last_used_at,name,prefix,revoked_at,secret_hash,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('api_keys') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'prefix')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx') ORDER BY name)) = 'api_keys_tenant_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('audit_log') ORDER BY name)) = 'action,actor_id,api_key_id,id,ip_address,occurred_at,payload,target_id,target_type,tenant_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('audit_log') WHERE name IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_type_target_id_idx') ORDER BY name)) = 'audit_log_tenant_id_occurred_at_idx,audit_log_tenant_id_target_type_target_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email') ORDER BY name)) = 'invitations_open_per_email';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('memberships') ORDER BY name)) = 'joined_at,role_id,tenant_id,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('memberships') WHERE name IN ('memberships_user_id_idx') ORDER BY name)) = 'memberships_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('roles') ORDER BY name)) = 'id,is_builtin,name,permissions,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('roles') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,name');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,due_date,estimate_hours,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,display_name,email,id,last_login_at,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_email_key') ORDER BY name)) = 'users_email_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 21;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
