-- migc 0.1.0: backfill phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [52] undo: backfill `email_normalized` on `users`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/users.mig:4:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [51] undo: backfill `customer_note`, `status__migc_new` on `orders`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/orders.mig:12:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [50] undo: backfill `line1` on `addresses`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/users.mig:28:7
-- nothing to undo: the backfilled columns go with the expand rollback
