-- migc 0.1.0: switch phase (up) for sqlite
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: sqlite3 DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- [18] check `audit_log.target` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
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
-- SQLite has no NOT VALID: `audit_log.target` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [19] validate that `audit_log.target` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
-- validated where `audit_log` gets NOT NULL (`audit_log_target_not_null` exists only in the plan)

-- [20] set `audit_log.target` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/security.mig:28:3
-- `audit_log.target` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "target" IS NULL);

-- [21] check `audit_log.payload__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- SQLite has no NOT VALID: `audit_log.payload__migc_new` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [22] validate that `audit_log.payload__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- validated where `audit_log` gets NOT NULL (`audit_log_payload__migc_new_not_null` exists only in the plan)

-- [23] set `audit_log.payload__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/security.mig:32:3
-- `audit_log.payload__migc_new` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "audit_log" WHERE "payload__migc_new" IS NULL);

-- [24] check `tasks.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- SQLite has no NOT VALID: `tasks.status__migc_new` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [25] validate that `tasks.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- validated where `tasks` gets NOT NULL (`tasks_status__migc_new_not_null` exists only in the plan)

-- [26] set `tasks.status__migc_new` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/projects.mig:36:3
-- `tasks.status__migc_new` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "tasks" WHERE "status__migc_new" IS NULL);

-- [27] check `tenants.display_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/tenants.mig:11:3
-- SQLite has no NOT VALID: `tenants.display_name` accepts null until a table rebuild makes it NOT NULL (at switch, or at contract when the dual-write trigger fills it)

-- [28] validate that `tenants.display_name` holds no null
--     lock: none; rewrite: no; scan: no; from v3/tenants.mig:11:3
-- validated where `tenants` gets NOT NULL (`tenants_display_name_not_null` exists only in the plan)

-- [29] set `tenants.display_name` not null
--     lock: database write lock; reads every row (NOT NULL itself comes at contract); rewrite: no; scan: yes; from v3/tenants.mig:11:3
-- `tenants.display_name` becomes NOT NULL at contract (SQLite checks NOT NULL before the dual-write
-- trigger fills the column for the old application's inserts); no row may hold null from now on
INSERT INTO temp.migc_check (kind, ok) SELECT 'not null', NOT EXISTS (SELECT 1 FROM "tenants" WHERE "display_name" IS NULL);
-- migc: the checks; any failure rolls the whole phase back
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'start', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'start' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'unmanaged', EXISTS (SELECT 1 FROM temp.migc_check WHERE kind = 'unmanaged' AND coalesce(ok, 0) <> 1);
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'steps', (SELECT count(*) FROM temp.migc_check WHERE kind <> 'foreign keys' AND ok = 1) <> 5;
INSERT INTO temp.migc_verdict (kind, failed) SELECT 'foreign keys', (SELECT count(*) FROM temp.migc_check WHERE kind = 'foreign keys' AND ok = 1) <> 0;
DROP TABLE IF EXISTS temp.migc_verdict;
DROP TABLE IF EXISTS temp.migc_count;
DROP TABLE IF EXISTS temp.migc_check;
COMMIT;
PRAGMA foreign_keys = 1;
