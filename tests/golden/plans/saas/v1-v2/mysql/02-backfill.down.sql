-- migc 0.1.0: backfill phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [42] undo: backfill `description`, `estimate_minutes` on `tasks`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/projects.mig:25:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [41] undo: backfill `state__migc_new` on `invitations`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/members.mig:29:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [40] undo: copy the rows of `tasks` to its copy `tasks__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v2/projects.mig:36:37
-- tasks: the rows copied to tasks__migc go with it when expand is rolled back
