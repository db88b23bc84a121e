-- migc 0.1.0: backfill phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [22] undo: backfill `archived_at`, `status__migc_new` on `tasks`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/projects.mig:29:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [21] undo: backfill `target`, `payload__migc_new` on `audit_log`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/security.mig:21:7
-- nothing to undo: the backfilled columns go with the expand rollback
