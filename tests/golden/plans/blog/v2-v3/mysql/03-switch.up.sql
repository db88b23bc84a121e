-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [18] check `comments.author_name__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/comments.mig:11:3
-- comments.author_name__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [19] validate that `comments.author_name__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/comments.mig:11:3
-- comments_author_name__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [20] set `comments.author_name__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/blog/v3/comments.mig:11:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'author_name__migc_new') THEN
        ALTER TABLE comments MODIFY COLUMN author_name__migc_new varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [21] check `post_tags.topic_id` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/posts.mig:56:3
-- post_tags.topic_id: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [22] validate that `post_tags.topic_id` holds no null
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/posts.mig:56:3
-- post_tags_topic_id_not_null: nothing to validate, SET NOT NULL checks the rows

-- [23] set `post_tags.topic_id` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/blog/v3/posts.mig:56:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND COLUMN_NAME = 'topic_id') THEN
        ALTER TABLE post_tags MODIFY COLUMN topic_id int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [24] validate foreign key `post_topics_topic_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from examples/blog/v3/posts.mig:56:44
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM post_tags AS c WHERE c.topic_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM topics AS p WHERE p.id = c.topic_id)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of post_tags break foreign key post_topics_topic_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [25] check `posts.summary` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/posts.mig:15:3
-- posts.summary: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [26] validate that `posts.summary` holds no null
--     lock: none; rewrite: no; scan: no; from examples/blog/v3/posts.mig:15:3
-- posts_summary_not_null: nothing to validate, SET NOT NULL checks the rows

-- [27] set `posts.summary` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/blog/v3/posts.mig:15:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'summary') THEN
        ALTER TABLE posts MODIFY COLUMN summary text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
