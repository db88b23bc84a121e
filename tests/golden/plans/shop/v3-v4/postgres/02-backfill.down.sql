-- migc 0.1.0: backfill phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [36] undo: backfill `role` on `users`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/users.mig:7:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [35] undo: backfill `reserved_quantity` on `stock_levels`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/inventory.mig:9:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [34] undo: backfill `total_cents` on `orders`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/orders.mig:10:7
-- nothing to undo: the backfilled columns go with the expand rollback
