-- migc 0.1.0: backfill phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [53] undo: backfill `first_name`, `last_name` on `users`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/users.mig:4:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [52] undo: backfill `amount_cents` on `payments`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:33:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [51] undo: backfill `status__migc_new` on `orders`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:9:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [50] undo: copy the rows of `payments` to its copy `payments__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v2/orders.mig:39:54
-- payments: the rows copied to payments__migc go with it when expand is rolled back
