-- migc 0.1.0: backfill phase (up) for postgres
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [34] backfill `total_cents` on `orders`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/orders.mig:10:7
DO $migc$
DECLARE
  last_0 bigint;
  max_0 bigint;
  started boolean := false;
  fixed_size integer := nullif(current_setting('migc.batch_size', true), '')::integer;
  batch_size integer := coalesce(fixed_size, 1000);
  pause_ms integer := nullif(current_setting('migc.pause_ms', true), '')::integer;
  batch_began timestamptz := clock_timestamp();
  batch_took double precision;
  seen bigint;
  changed bigint;
  seen_total bigint := 0;
  changed_total bigint := 0;
  estimate bigint;
BEGIN
  PERFORM set_config('migc.backfill', 'on', false);
  SELECT "id" INTO max_0 FROM "orders" ORDER BY "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"orders"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "id" FROM "orders"
      WHERE (NOT started OR ("id") > (last_0)) AND ("id") <= (max_0)
      ORDER BY "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "orders" SET "total_cents" = coalesce("orders"."total_cents", round("orders"."total" * 100))
      FROM batch
      WHERE "orders"."id" = batch."id" AND ("orders"."total_cents" IS NULL)
      RETURNING 1
    )
    SELECT b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, seen, changed
      FROM (SELECT "id" FROM batch ORDER BY "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'orders', seen_total, changed_total, estimate;
    COMMIT;
    PERFORM set_config('migc.backfill', 'on', false);
    batch_took := extract(epoch FROM clock_timestamp() - batch_began);
    IF fixed_size IS NULL THEN
      batch_size := least(greatest(least(greatest(round(batch_size * 0.1 / greatest(batch_took, 0.001))::integer, batch_size / 2), batch_size * 2), 100), 50000);
    END IF;
    IF pause_ms IS NOT NULL THEN
      PERFORM pg_sleep(pause_ms / 1000.0);
    ELSIF batch_took > 0.4 THEN
      PERFORM pg_sleep(least(batch_took, 5));
    END IF;
  END LOOP;
  PERFORM set_config('migc.backfill', '', false);
END
$migc$;

-- [35] backfill `reserved_quantity` on `stock_levels`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/inventory.mig:9:7
DO $migc$
DECLARE
  last_0 bigint;
  max_0 bigint;
  last_1 integer;
  max_1 integer;
  started boolean := false;
  fixed_size integer := nullif(current_setting('migc.batch_size', true), '')::integer;
  batch_size integer := coalesce(fixed_size, 1000);
  pause_ms integer := nullif(current_setting('migc.pause_ms', true), '')::integer;
  batch_began timestamptz := clock_timestamp();
  batch_took double precision;
  seen bigint;
  changed bigint;
  seen_total bigint := 0;
  changed_total bigint := 0;
  estimate bigint;
BEGIN
  PERFORM set_config('migc.backfill', 'on', false);
  SELECT "product_id", "warehouse_id" INTO max_0, max_1 FROM "stock_levels" ORDER BY "product_id" DESC, "warehouse_id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"stock_levels"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "product_id", "warehouse_id" FROM "stock_levels"
      WHERE (NOT started OR ("product_id", "warehouse_id") > (last_0, last_1)) AND ("product_id", "warehouse_id") <= (max_0, max_1)
      ORDER BY "product_id", "warehouse_id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "stock_levels" SET "reserved_quantity" = coalesce("stock_levels"."reserved_quantity", "stock_levels"."reserved")
      FROM batch
      WHERE "stock_levels"."product_id" = batch."product_id" AND "stock_levels"."warehouse_id" = batch."warehouse_id" AND ("stock_levels"."reserved_quantity" IS NULL)
      RETURNING 1
    )
    SELECT b."product_id", b."warehouse_id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, last_1, seen, changed
      FROM (SELECT "product_id", "warehouse_id" FROM batch ORDER BY "product_id" DESC, "warehouse_id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'stock_levels', seen_total, changed_total, estimate;
    COMMIT;
    PERFORM set_config('migc.backfill', 'on', false);
    batch_took := extract(epoch FROM clock_timestamp() - batch_began);
    IF fixed_size IS NULL THEN
      batch_size := least(greatest(least(greatest(round(batch_size * 0.1 / greatest(batch_took, 0.001))::integer, batch_size / 2), batch_size * 2), 100), 50000);
    END IF;
    IF pause_ms IS NOT NULL THEN
      PERFORM pg_sleep(pause_ms / 1000.0);
    ELSIF batch_took > 0.4 THEN
      PERFORM pg_sleep(least(batch_took, 5));
    END IF;
  END LOOP;
  PERFORM set_config('migc.backfill', '', false);
END
$migc$;

-- [36] backfill `role` on `users`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v4/users.mig:7:7
DO $migc$
DECLARE
  last_0 bigint;
  max_0 bigint;
  started boolean := false;
  fixed_size integer := nullif(current_setting('migc.batch_size', true), '')::integer;
  batch_size integer := coalesce(fixed_size, 1000);
  pause_ms integer := nullif(current_setting('migc.pause_ms', true), '')::integer;
  batch_began timestamptz := clock_timestamp();
  batch_took double precision;
  seen bigint;
  changed bigint;
  seen_total bigint := 0;
  changed_total bigint := 0;
  estimate bigint;
BEGIN
  PERFORM set_config('migc.backfill', 'on', false);
  SELECT "id" INTO max_0 FROM "users" ORDER BY "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"users"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "id" FROM "users"
      WHERE (NOT started OR ("id") > (last_0)) AND ("id") <= (max_0)
      ORDER BY "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "users" SET "role" = coalesce("users"."role", CAST(CASE WHEN "users"."is_admin" THEN 'admin' ELSE 'customer' END AS "user_role"))
      FROM batch
      WHERE "users"."id" = batch."id" AND ("users"."role" IS NULL)
      RETURNING 1
    )
    SELECT b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, seen, changed
      FROM (SELECT "id" FROM batch ORDER BY "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'users', seen_total, changed_total, estimate;
    COMMIT;
    PERFORM set_config('migc.backfill', 'on', false);
    batch_took := extract(epoch FROM clock_timestamp() - batch_began);
    IF fixed_size IS NULL THEN
      batch_size := least(greatest(least(greatest(round(batch_size * 0.1 / greatest(batch_took, 0.001))::integer, batch_size / 2), batch_size * 2), 100), 50000);
    END IF;
    IF pause_ms IS NOT NULL THEN
      PERFORM pg_sleep(pause_ms / 1000.0);
    ELSIF batch_took > 0.4 THEN
      PERFORM pg_sleep(least(batch_took, 5));
    END IF;
  END LOOP;
  PERFORM set_config('migc.backfill', '', false);
END
$migc$;
