-- migc 0.1.0: backfill phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [28] undo: backfill `description`, `estimate_minutes` on `tasks`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/projects.mig:25:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [27] undo: backfill `state__migc_new` on `invitations`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/members.mig:29:7
-- nothing to undo: the backfilled columns go with the expand rollback
