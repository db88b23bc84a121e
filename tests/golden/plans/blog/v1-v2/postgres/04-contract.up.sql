-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [38] rename value `spam` of enum `comment_status` to `rejected`
--     lock: none; rewrite: no; scan: no; from examples/blog/v2/comments.mig:5:42
DO $migc$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype('comment_status') AND enumlabel = 'spam') THEN
    ALTER TYPE comment_status RENAME VALUE 'spam' TO 'rejected';
  END IF;
END
$migc$;

-- [39] drop check `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF to_regclass('posts') IS NOT NULL THEN
        ALTER TABLE posts DROP CONSTRAINT IF EXISTS posts_view_count_check;
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

-- [40] remove the dual-write trigger on `posts`
--     lock: SHARE ROW EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:8:7
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      DROP TRIGGER IF EXISTS migc_sync_posts ON posts;
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
DROP FUNCTION IF EXISTS migc_sync_posts();

-- [41] drop view `published_posts` while its tables change
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS published_posts;

-- [42] drop column `authors.avatar_url`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/authors.mig:13:15
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE authors DROP COLUMN IF EXISTS avatar_url;
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

-- [43] drop column `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE posts DROP COLUMN IF EXISTS view_count;
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

-- [44] put shadow column `view_count__migc_new` in place of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count__migc_new' AND NOT attisdropped)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count' AND NOT attisdropped) THEN
        ALTER TABLE posts RENAME COLUMN view_count__migc_new TO view_count;
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

-- [45] set the default of `posts.view_count`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:3
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('posts') AND attname = 'view_count' AND NOT attisdropped) THEN
        ALTER TABLE posts ALTER COLUMN view_count SET DEFAULT 0;
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

-- [46] rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from examples/blog/v2/posts.mig:19:52
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check__migc') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('posts') AND conname = 'posts_view_count_check') THEN
        ALTER TABLE posts RENAME CONSTRAINT posts_view_count_check__migc TO posts_view_count_check;
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

-- [47] drop column `posts.body`
--     lock: ACCESS EXCLUSIVE; rewrite: no; scan: no; from the deployed schema
DO $migc$
DECLARE
  attempt integer := 0;
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', '2s', true);
      ALTER TABLE posts DROP COLUMN IF EXISTS body;
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

-- [48] recreate view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from examples/blog/v2/search.mig:14:6
CREATE OR REPLACE VIEW published_posts AS SELECT p.id, p.slug, p.title, p.excerpt, p.published_at, a.handle AS author_handle, a.name AS author_name FROM posts p JOIN authors a ON a.id = p.author_id WHERE p.status = 'published' AND p.deleted_at IS NULL;
