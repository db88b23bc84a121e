-- migc 0.1.0: backfill phase (down) for postgres
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- [23] undo: backfill `summary` on `posts`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:7:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [22] undo: backfill `topic_id` on `post_tags`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:54:7
-- nothing to undo: the backfilled columns go with the expand rollback

-- [21] undo: backfill `author_name__migc_new` on `comments`
--     lock: ROW EXCLUSIVE (one batch of rows at a time); rewrite: no; scan: yes; from v3/comments.mig:6:7
-- nothing to undo: the backfilled columns go with the expand rollback
