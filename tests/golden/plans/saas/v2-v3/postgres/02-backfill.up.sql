-- migc 0.1.0: backfill phase (up) for postgres
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [21] backfill `target`, `payload__migc_new` on `audit_log`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/security.mig:21:7
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
  SELECT "id" INTO max_0 FROM "audit_log" ORDER BY "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"audit_log"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "id" FROM "audit_log"
      WHERE (NOT started OR ("id") > (last_0)) AND ("id") <= (max_0)
      ORDER BY "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "audit_log" SET "target" = coalesce("audit_log"."target", "audit_log"."target_type" || ':' || "audit_log"."target_id"), "payload__migc_new" = coalesce("audit_log"."payload__migc_new", CAST("audit_log"."payload" AS jsonb))
      FROM batch
      WHERE "audit_log"."id" = batch."id" AND ("audit_log"."target" IS NULL OR "audit_log"."payload__migc_new" IS NULL)
      RETURNING 1
    )
    SELECT b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, seen, changed
      FROM (SELECT "id" FROM batch ORDER BY "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'audit_log', seen_total, changed_total, estimate;
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

-- [22] backfill `archived_at`, `status__migc_new` on `tasks`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/projects.mig:29:7
DO $migc$
DECLARE
  last_0 uuid;
  max_0 uuid;
  last_1 uuid;
  max_1 uuid;
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
  SELECT "tenant_id", "id" INTO max_0, max_1 FROM "tasks" ORDER BY "tenant_id" DESC, "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"tasks"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "tenant_id", "id" FROM "tasks"
      WHERE (NOT started OR ("tenant_id", "id") > (last_0, last_1)) AND ("tenant_id", "id") <= (max_0, max_1)
      ORDER BY "tenant_id", "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "tasks" SET "archived_at" = coalesce("tasks"."archived_at", CASE WHEN "tasks"."status" = 'archived' THEN "tasks"."updated_at" END), "status__migc_new" = coalesce("tasks"."status__migc_new", CAST(CASE CAST("tasks"."status" AS TEXT) WHEN 'archived' THEN NULL ELSE CAST("tasks"."status" AS TEXT) END AS task_status__migc))
      FROM batch
      WHERE "tasks"."tenant_id" = batch."tenant_id" AND "tasks"."id" = batch."id" AND ("tasks"."archived_at" IS NULL OR "tasks"."status__migc_new" IS NULL)
      RETURNING 1
    )
    SELECT b."tenant_id", b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, last_1, seen, changed
      FROM (SELECT "tenant_id", "id" FROM batch ORDER BY "tenant_id" DESC, "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'tasks', seen_total, changed_total, estimate;
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
