-- migc 0.1.0: expand phase (down) for sqlite
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: sqlite3 DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [37] undo: create view `open_tasks`
--     lock: database write lock (schema change only); rewrite: no; scan: no; from v1/projects.mig:42:6
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
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('api_keys') WHERE name IN ('api_keys_tenant_id_idx') ORDER BY name)) = 'api_keys_tenant_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('audit_log') ORDER BY name)) = 'action,actor_id,api_key_id,id,ip_address,occurred_at,payload,target_id,target_type,tenant_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('audit_log') WHERE name IN ('audit_log_tenant_id_occurred_at_idx', 'audit_log_tenant_id_target_type_target_id_idx') ORDER BY name)) = 'audit_log_tenant_id_occurred_at_idx,audit_log_tenant_id_target_type_target_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('invitations') ORDER BY name)) = 'created_at,email,expires_at,id,invited_by,role_id,state,tenant_id,token_hash,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('invitations') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'token_hash')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('invitations') WHERE name IN ('invitations_open_per_email') ORDER BY name)) = 'invitations_open_per_email';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('memberships') ORDER BY name)) = 'joined_at,role_id,tenant_id,user_id'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('memberships') WHERE name IN ('memberships_user_id_idx') ORDER BY name)) = 'memberships_user_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('projects') ORDER BY name)) = 'created_at,deleted_at,description,id,key,name,owner_id,tenant_id,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('projects') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,key')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('projects') WHERE name IN ('projects_deleted_at_idx') ORDER BY name)) = 'projects_deleted_at_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('roles') ORDER BY name)) = 'id,is_builtin,name,permissions,tenant_id'
  AND EXISTS (SELECT 1 FROM pragma_index_list('roles') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,name');
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tasks') ORDER BY name)) = 'assignee_id,body,created_at,due_date,estimate_hours,id,number,priority,project_id,status,tenant_id,title,updated_at'
  AND EXISTS (SELECT 1 FROM pragma_index_list('tasks') AS l WHERE l."unique" = 1 AND l.partial = 0 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'tenant_id,project_id,number')
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tasks') WHERE name IN ('tasks_board', 'tasks_tenant_id_assignee_id_idx') ORDER BY name)) = 'tasks_board,tasks_tenant_id_assignee_id_idx';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('tenants') ORDER BY name)) = 'billing_email,created_at,deleted_at,id,name,plan,seat_limit,slug,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('tenants') WHERE name IN ('tenants_deleted_at_idx', 'tenants_slug_key') ORDER BY name)) = 'tenants_deleted_at_idx,tenants_slug_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_xinfo('users') ORDER BY name)) = 'created_at,display_name,email,id,last_login_at,updated_at'
  AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_list('users') WHERE name IN ('users_email_key') ORDER BY name)) = 'users_email_key';
INSERT INTO temp.migc_check (kind, ok) SELECT 'start', EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
DROP VIEW "open_tasks";

-- [36] undo: create unique index `users_email_key` on `users`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/tenants.mig:26:3
DROP INDEX "users_email_key";

-- [35] undo: add foreign key `memberships_user_id_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:19:45
-- nothing to undo

-- [34] undo: add foreign key `invitations_invited_by_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:32:47
-- nothing to undo

-- [33] undo: add foreign key `api_keys_created_by_fkey` on `api_keys`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:8:44
-- nothing to undo

-- [32] undo: create table `users`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:20:7
DROP TABLE "users";

-- [31] undo: create unique index `tenants_slug_key` on `tenants`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/tenants.mig:17:3
DROP INDEX "tenants_slug_key";

-- [30] undo: create index `tenants_deleted_at_idx` on `tenants`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX "tenants_deleted_at_idx";

-- [29] undo: add foreign key `roles_tenant_id_fkey` on `roles`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:8:40
-- nothing to undo

-- [28] undo: add foreign key `projects_tenant_id_fkey` on `projects`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:9:47
-- nothing to undo

-- [27] undo: add foreign key `memberships_tenant_id_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:18:45
-- nothing to undo

-- [26] undo: add foreign key `invitations_tenant_id_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:28:51
-- nothing to undo

-- [25] undo: add foreign key `audit_log_tenant_id_fkey` on `audit_log`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:20:47
-- nothing to undo

-- [24] undo: add foreign key `api_keys_tenant_id_fkey` on `api_keys`
--     lock: none; rewrite: no; scan: no; from v1/security.mig:4:48
-- nothing to undo

-- [23] undo: create table `tenants`
--     lock: none (new table); rewrite: no; scan: no; from v1/tenants.mig:7:7
DROP TABLE "tenants";

-- [22] undo: add foreign key `tasks_project_fkey` on `tasks`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:36:3
-- nothing to undo

-- [21] undo: create index `tasks_tenant_id_assignee_id_idx` on `tasks`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/projects.mig:39:3
DROP INDEX "tasks_tenant_id_assignee_id_idx";

-- [20] undo: create index `tasks_board` on `tasks`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/projects.mig:38:3
DROP INDEX "tasks_board";

-- [19] undo: create table `tasks`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:22:7
DROP TABLE "tasks";

-- [18] undo: add foreign key `memberships_role_fkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:23:3
-- nothing to undo

-- [17] undo: add foreign key `invitations_tenant_id_role_id_fkey` on `invitations`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:38:3
-- nothing to undo

-- [16] undo: create table `roles`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:7:7
DROP TABLE "roles";

-- [15] undo: add foreign key `projects_tenant_id_owner_id_fkey` on `projects`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:19:3
-- nothing to undo

-- [14] undo: create index `projects_deleted_at_idx` on `projects`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX "projects_deleted_at_idx";

-- [13] undo: create table `projects`
--     lock: none (new table); rewrite: no; scan: no; from v1/projects.mig:8:7
DROP TABLE "projects";

-- [12] undo: create index `memberships_user_id_idx` on `memberships`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/members.mig:24:3
DROP INDEX "memberships_user_id_idx";

-- [11] undo: create table `memberships`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:17:7
DROP TABLE "memberships";

-- [10] undo: create unique index `invitations_open_per_email` on `invitations`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/members.mig:40:3
DROP INDEX "invitations_open_per_email";

-- [9] undo: create table `invitations`
--     lock: none (new table); rewrite: no; scan: no; from v1/members.mig:27:7
DROP TABLE "invitations";

-- [8] undo: create index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:30:3
DROP INDEX "audit_log_tenant_id_target_type_target_id_idx";

-- [7] undo: create index `audit_log_tenant_id_occurred_at_idx` on `audit_log`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:29:3
DROP INDEX "audit_log_tenant_id_occurred_at_idx";

-- [6] undo: create table `audit_log`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:18:7
DROP TABLE "audit_log";

-- [5] undo: create index `api_keys_tenant_id_idx` on `api_keys`
--     lock: database write lock while the index is built; rewrite: no; scan: yes; from v1/security.mig:14:3
DROP INDEX "api_keys_tenant_id_idx";

-- [4] undo: create table `api_keys`
--     lock: none (new table); rewrite: no; scan: no; from v1/security.mig:2:7
DROP TABLE "api_keys";

-- [3] undo: create enum `task_status`
--     lock: none; rewrite: no; scan: no; from v1/projects.mig:6:6
-- nothing to undo

-- [2] undo: create enum `plan_tier`
--     lock: none; rewrite: no; scan: no; from v1/tenants.mig:5:6
-- nothing to undo

-- [1] undo: create enum `invitation_state`
--     lock: none; rewrite: no; scan: no; from v1/members.mig:4:6
-- nothing to undo
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'api_keys');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'invitations');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'memberships');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'projects');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'roles');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tasks');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tenants');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users');
INSERT INTO temp.migc_check (kind, ok) SELECT 'end', NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = 'open_tasks');
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 21;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
