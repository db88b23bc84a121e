-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [48] undo: recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from examples/blog/v2/search.mig:14:6
DROP VIEW IF EXISTS published_posts;

-- [47] undo: drop column `posts.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE posts ADD COLUMN IF NOT EXISTS body text;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [46] undo: rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:52
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check__migc') THEN
        ALTER TABLE posts RENAME CONSTRAINT posts_view_count_check TO posts_view_count_check__migc;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [45] undo: set the default of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count' AND NOT attisdropped) THEN
        ALTER TABLE posts ALTER COLUMN view_count DROP DEFAULT;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [44] undo: put shadow column `view_count__migc_new` in place of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count__migc_new' AND NOT attisdropped) THEN
        ALTER TABLE posts RENAME COLUMN view_count TO view_count__migc_new;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [43] undo: drop column `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE posts ADD COLUMN IF NOT EXISTS view_count integer DEFAULT 0;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [42] undo: drop column `authors.avatar_url`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/authors.mig:13:15
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE authors ADD COLUMN IF NOT EXISTS avatar_url text;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [41] undo: drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW published_posts AS SELECT p.id, p.slug, p.title, p.excerpt, p.published_at, a.handle AS author_handle, a.name AS author_name FROM posts p JOIN authors a ON a.id = p.author_id WHERE p.status = 'published' AND p.deleted_at IS NULL;

-- [40] undo: remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:8:7
CREATE OR REPLACE FUNCTION migc_sync_posts() RETURNS trigger LANGUAGE plpgsql AS $migc_fn$
BEGIN
  IF current_setting('migc.backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- shadow columns of type changes follow the deployed columns
  IF TG_OP = 'INSERT' OR NEW.view_count IS DISTINCT FROM OLD.view_count THEN
    NEW.view_count__migc_new := NEW.view_count;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.body_markdown IS NULL THEN
      -- written by the old application
      NEW.body_markdown := NEW.body;
    ELSE
      -- written by the new application
      NEW.body := NEW.body_markdown;
    END IF;
  ELSIF (NEW.body IS DISTINCT FROM OLD.body) AND NOT (NEW.body_markdown IS DISTINCT FROM OLD.body_markdown) THEN
    -- updated by the old application
    NEW.body_markdown := NEW.body;
  ELSIF (NEW.body_markdown IS DISTINCT FROM OLD.body_markdown) AND NOT (NEW.body IS DISTINCT FROM OLD.body) THEN
    -- updated by the new application
    NEW.body := NEW.body_markdown;
  END IF;
  RETURN NEW;
END
$migc_fn$;
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_posts ON posts;
      CREATE TRIGGER migc_sync_posts BEFORE INSERT OR UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION migc_sync_posts();
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [39] undo: drop check `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check') THEN
        ALTER TABLE posts ADD CONSTRAINT posts_view_count_check CHECK (view_count >= 0) NOT VALID;
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= 10 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of 10', attempt;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check' AND NOT convalidated) THEN
    ALTER TABLE posts VALIDATE CONSTRAINT posts_view_count_check;
  END IF;
END
$migc$;

-- [38] undo: rename value `spam` of enum `comment_status` to `rejected`
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/comments.mig:5:42
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype('comment_status') AND enumlabel = 'rejected') THEN
    ALTER TYPE comment_status RENAME VALUE 'rejected' TO 'spam';
  END IF;
END
$migc$;
