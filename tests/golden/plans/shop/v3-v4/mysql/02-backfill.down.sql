-- migc 0.1.0: backfill phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [64] undo: backfill `role` on `users`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/users.mig:7:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [63] undo: backfill `reserved_quantity` on `stock_levels`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/inventory.mig:9:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [62] undo: backfill `total_cents` on `orders`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/orders.mig:10:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [61] undo: copy the rows of `stock_levels` to its copy `stock_levels__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v4/inventory.mig:16:3
-- stock_levels: the rows copied to stock_levels__migc go with it when expand is rolled back

-- [60] undo: copy the rows of `orders` to its copy `orders__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v4/orders.mig:16:45
-- orders: the rows copied to orders__migc go with it when expand is rolled back
