-- migc 0.1.0: backfill phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [29] undo: backfill `first_name`, `last_name` on `users`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/users.mig:4:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [28] undo: backfill `amount_cents` on `payments`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:33:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [27] undo: backfill `status__migc_new` on `orders`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:9:7
-- nothing to undo: the backfilled columns go with the expand rollback
