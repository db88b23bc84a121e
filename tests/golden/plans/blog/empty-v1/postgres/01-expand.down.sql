-- migc 0.1.0: expand phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [27] undo: apply native block `posts_search`
--     lock: as written; rewrite: no; scan: no; from v1/search.mig:7:8
drop index concurrently if exists posts_search_gin;
drop index concurrently if exists posts_title_trgm;

-- [26] undo: apply native block `pg_trgm`
--     lock: as written; rewrite: no; scan: no; from v1/search.mig:2:8
drop extension if exists pg_trgm;

-- [25] undo: create view `tag_counts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/search.mig:21:6
DROP VIEW IF EXISTS "tag_counts";

-- [24] undo: create view `published_posts`
--     lock: ACCESS SHARE; rewrite: no; scan: no; from v1/search.mig:14:6
DROP VIEW IF EXISTS "published_posts";

-- [23] undo: add foreign key `post_tags_tag_id_fkey` on `post_tags`
--     lock: SHARE ROW EXCLUSIVE (on `post_tags` and `tags`); rewrite: no; scan: yes; from v1/posts.mig:36:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_tags"') IS NOT NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_tag_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [22] undo: create table `tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:27:7
DROP TABLE IF EXISTS "tags";

-- [21] undo: add foreign key `posts_author_id_fkey` on `posts`
--     lock: SHARE ROW EXCLUSIVE (on `posts` and `authors`); rewrite: no; scan: yes; from v1/posts.mig:9:49
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"posts"') IS NOT NULL THEN
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_author_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [20] undo: create index `posts_published_at_idx` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/posts.mig:24:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_published_at_idx";

-- [19] undo: create index `posts_by_author` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/posts.mig:23:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_by_author";

-- [18] undo: create unique index `posts_slug_key` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/posts.mig:22:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_slug_key";

-- [17] undo: create index `posts_deleted_at_idx` on `posts`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from <std>/soft_delete.mig:4:3
DROP INDEX CONCURRENTLY IF EXISTS "posts_deleted_at_idx";

-- [16] undo: add foreign key `post_views_post_id_fkey` on `post_views`
--     lock: SHARE ROW EXCLUSIVE (on `post_views` and `posts`); rewrite: no; scan: yes; from v1/posts.mig:45:45
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_views"') IS NOT NULL THEN
        ALTER TABLE "post_views" DROP CONSTRAINT IF EXISTS "post_views_post_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [15] undo: add foreign key `post_tags_post_id_fkey` on `post_tags`
--     lock: SHARE ROW EXCLUSIVE (on `post_tags` and `posts`); rewrite: no; scan: yes; from v1/posts.mig:35:44
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"post_tags"') IS NOT NULL THEN
        ALTER TABLE "post_tags" DROP CONSTRAINT IF EXISTS "post_tags_post_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [14] undo: add foreign key `comments_post_id_fkey` on `comments`
--     lock: SHARE ROW EXCLUSIVE (on `comments` and `posts`); rewrite: no; scan: yes; from v1/comments.mig:8:51
DO $migc$
DECLARE
  attempt integer := 0;
  attempts integer := coalesce(nullif(current_setting('migc.lock_attempts', true), '')::integer, 10);
BEGIN
  LOOP
    BEGIN
      PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('migc.lock_timeout', true), ''), '2s'), true);
      IF to_regclass('"comments"') IS NOT NULL THEN
        ALTER TABLE "comments" DROP CONSTRAINT IF EXISTS "comments_post_id_fkey";
      END IF;
      EXIT;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      attempt := attempt + 1;
      IF attempt >= attempts THEN
        RAISE;
      END IF;
      RAISE NOTICE 'migc: lock not available, attempt % of %', attempt, attempts;
      PERFORM pg_sleep(least(0.1 * power(2, attempt), 10) * (0.5 + random() / 2));
    END;
  END LOOP;
END
$migc$;

-- [13] undo: create table `posts`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:7:7
DROP TABLE IF EXISTS "posts";

-- [12] undo: create index `post_views_post_id_viewed_at_idx` on `post_views`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/posts.mig:48:3
DROP INDEX CONCURRENTLY IF EXISTS "post_views_post_id_viewed_at_idx";

-- [11] undo: create table `post_views`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:43:7
DROP TABLE IF EXISTS "post_views";

-- [10] undo: create index `post_tags_tag_id_post_id_idx` on `post_tags`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/posts.mig:39:3
DROP INDEX CONCURRENTLY IF EXISTS "post_tags_tag_id_post_id_idx";

-- [9] undo: create table `post_tags`
--     lock: none (new table); rewrite: no; scan: no; from v1/posts.mig:34:7
DROP TABLE IF EXISTS "post_tags";

-- [8] undo: create index `comments_moderation_queue` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/comments.mig:17:3
DROP INDEX CONCURRENTLY IF EXISTS "comments_moderation_queue";

-- [7] undo: create index `comments_post_id_created_at_idx` on `comments`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/comments.mig:16:3
DROP INDEX CONCURRENTLY IF EXISTS "comments_post_id_created_at_idx";

-- [6] undo: create table `comments`
--     lock: none (new table); rewrite: no; scan: no; from v1/comments.mig:6:7
DROP TABLE IF EXISTS "comments";

-- [5] undo: create unique index `authors_email_key` on `authors`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/authors.mig:14:3
DROP INDEX CONCURRENTLY IF EXISTS "authors_email_key";

-- [4] undo: create unique index `authors_handle_key` on `authors`
--     lock: SHARE UPDATE EXCLUSIVE; rewrite: no; scan: yes; from v1/authors.mig:13:3
DROP INDEX CONCURRENTLY IF EXISTS "authors_handle_key";

-- [3] undo: create table `authors`
--     lock: none (new table); rewrite: no; scan: no; from v1/authors.mig:4:7
DROP TABLE IF EXISTS "authors";

-- [2] undo: create enum `post_status`
--     lock: none; rewrite: no; scan: no; from v1/posts.mig:5:6
DROP TYPE IF EXISTS "post_status";

-- [1] undo: create enum `comment_status`
--     lock: none; rewrite: no; scan: no; from v1/comments.mig:4:6
DROP TYPE IF EXISTS "comment_status";
