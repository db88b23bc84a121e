-- migc 0.1.0: backfill phase (up) for postgres
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [21] backfill `author_name__migc_new` on `comments`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/comments.mig:6:7
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
  SELECT "id" INTO max_0 FROM "comments" ORDER BY "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"comments"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "id" FROM "comments"
      WHERE (NOT started OR ("id") > (last_0)) AND ("id") <= (max_0)
      ORDER BY "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "comments" SET "author_name__migc_new" = coalesce("comments"."author_name__migc_new", SUBSTR("comments"."author_name", 1, 100))
      FROM batch
      WHERE "comments"."id" = batch."id" AND ("comments"."author_name__migc_new" IS NULL)
      RETURNING 1
    )
    SELECT b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, seen, changed
      FROM (SELECT "id" FROM batch ORDER BY "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'comments', seen_total, changed_total, estimate;
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

-- [22] backfill `topic_id` on `post_tags`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:54:7
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
  SELECT "post_id", "tag_id" INTO max_0, max_1 FROM "post_tags" ORDER BY "post_id" DESC, "tag_id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"post_tags"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "post_id", "tag_id" FROM "post_tags"
      WHERE (NOT started OR ("post_id", "tag_id") > (last_0, last_1)) AND ("post_id", "tag_id") <= (max_0, max_1)
      ORDER BY "post_id", "tag_id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "post_tags" SET "topic_id" = coalesce("post_tags"."topic_id", "post_tags"."tag_id")
      FROM batch
      WHERE "post_tags"."post_id" = batch."post_id" AND "post_tags"."tag_id" = batch."tag_id" AND ("post_tags"."topic_id" IS NULL)
      RETURNING 1
    )
    SELECT b."post_id", b."tag_id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, last_1, seen, changed
      FROM (SELECT "post_id", "tag_id" FROM batch ORDER BY "post_id" DESC, "tag_id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'post_tags', seen_total, changed_total, estimate;
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

-- [23] backfill `summary` on `posts`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:7:7
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
  SELECT "id" INTO max_0 FROM "posts" ORDER BY "id" DESC LIMIT 1;
  IF NOT FOUND THEN
    PERFORM set_config('migc.backfill', '', false);
    RETURN;
  END IF;
  SELECT greatest(reltuples::bigint, 0) INTO estimate FROM pg_class WHERE oid = to_regclass('"posts"');
  LOOP
    batch_began := clock_timestamp();
    WITH batch AS (
      SELECT "id" FROM "posts"
      WHERE (NOT started OR ("id") > (last_0)) AND ("id") <= (max_0)
      ORDER BY "id"
      LIMIT batch_size
      FOR NO KEY UPDATE
    ), updated AS (
      UPDATE "posts" SET "summary" = coalesce("posts"."summary", coalesce("posts"."excerpt", SUBSTR("posts"."body_markdown", 1, 280)))
      FROM batch
      WHERE "posts"."id" = batch."id" AND ("posts"."summary" IS NULL)
      RETURNING 1
    )
    SELECT b."id", (SELECT count(*) FROM batch), (SELECT count(*) FROM updated)
      INTO last_0, seen, changed
      FROM (SELECT "id" FROM batch ORDER BY "id" DESC LIMIT 1) AS b;
    EXIT WHEN NOT FOUND;
    started := true;
    seen_total := seen_total + seen;
    changed_total := changed_total + changed;
    RAISE NOTICE 'migc: backfill %: % rows read, % updated (about % rows in all)', 'posts', seen_total, changed_total, estimate;
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
