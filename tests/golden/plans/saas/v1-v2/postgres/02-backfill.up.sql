-- migc 0.1.0: backfill phase (up) for postgres
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [27] backfill `state__migc_new` on `invitations`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/members.mig:29:7
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
  SELECT "tenant_id", "id" INTO max_0, max_1 FROM "invitations" ORDER BY "tenant_id" DESC, "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"invitations"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "tenant_id", "id" FROM "invitations"
      WHERE (NOT started OR ("tenant_id", "id") > (last_0, last_1)) AND ("tenant_id", "id") <= (max_0, max_1)
      ORDER BY "tenant_id", "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "invitations" SET "state__migc_new" = coalesce("invitations"."state__migc_new", CAST(CASE CAST("invitations"."state" AS TEXT) WHEN 'cancelled' THEN 'revoked' ELSE CAST("invitations"."state" AS TEXT) END AS invitation_state__migc))
      FROM batch
      WHERE "invitations"."tenant_id" = batch."tenant_id" AND "invitations"."id" = batch."id" AND ("invitations"."state__migc_new" IS NULL)
      RETURNING 1
    )
    SELECT b."tenant_id", b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, last_1, seen, changed
      FROM (SELECT "tenant_id", "id" FROM batch ORDER BY "tenant_id" DESC, "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'invitations', seen_total, changed_total, estimate;
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

-- [28] backfill `description`, `estimate_minutes` on `tasks`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v2/projects.mig:25:7
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
      UPDATE "tasks" SET "description" = coalesce("tasks"."description", "tasks"."body"), "estimate_minutes" = coalesce("tasks"."estimate_minutes", round("tasks"."estimate_hours" * 60))
      FROM batch
      WHERE "tasks"."tenant_id" = batch."tenant_id" AND "tasks"."id" = batch."id" AND ("tasks"."description" IS NULL OR "tasks"."estimate_minutes" IS NULL)
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
