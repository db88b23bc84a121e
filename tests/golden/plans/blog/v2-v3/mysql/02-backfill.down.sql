-- migc 0.1.0: backfill phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [36] undo: backfill `summary` on `posts`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:7:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [35] undo: backfill `topic_id` on `post_tags`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:54:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [34] undo: backfill `author_name__migc_new` on `comments`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/comments.mig:6:7
-- nothing to undo: the backfilled columns go with the expand rollback
