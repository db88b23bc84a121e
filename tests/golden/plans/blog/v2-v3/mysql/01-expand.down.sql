-- migc 0.1.0: expand phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [33] undo: show view `topic_counts` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`topic_counts`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [32] undo: show view `published_posts` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`published_posts`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [31] undo: show table `topics` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`topics`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [30] undo: show table `series` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`series`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [29] undo: show table `posts` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`posts`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [28] undo: show table `post_topics` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_topics`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [27] undo: show table `media` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`media`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [26] undo: show table `comments` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`comments`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [25] undo: show table `authors` to the new application in its shape (the version's database for `migc_56207f071892`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_56207f071892');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`authors`');
      PREPARE migc_stmt FROM @migc_sql;
      EXECUTE migc_stmt;
      DEALLOCATE PREPARE migc_stmt;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = vdb) THEN
        SET @migc_sql = CONCAT('DROP DATABASE IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [24] undo: show view `tag_counts` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `tag_counts` stays: its connections may be using it

-- [23] undo: show view `published_posts` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `published_posts` stays: its connections may be using it

-- [22] undo: show table `tags` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `tags` stays: its connections may be using it

-- [21] undo: show table `series` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `series` stays: its connections may be using it

-- [20] undo: show table `posts` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `posts` stays: its connections may be using it

-- [19] undo: show table `post_views` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `post_views` stays: its connections may be using it

-- [18] undo: show table `post_tags` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `post_tags` stays: its connections may be using it

-- [17] undo: show table `media` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `media` stays: its connections may be using it

-- [16] undo: show table `comments` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `comments` stays: its connections may be using it

-- [15] undo: show table `authors` to the old application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `authors` stays: its connections may be using it

-- [14] undo: create view `topic_counts`
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/search.mig:21:6
DROP VIEW IF EXISTS `topic_counts`;

-- [13] undo: create view `published_posts` with its new query
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/search.mig:14:6
DROP VIEW IF EXISTS `published_posts`;

-- [12] undo: drop view `published_posts` to redefine it
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/search.mig:14:6
CREATE OR REPLACE VIEW `published_posts` AS SELECT `p`.`id`, `p`.`slug`, `p`.`title`, `p`.`excerpt`, `p`.`published_at`, `a`.`handle` AS `author_handle`, `a`.`name` AS `author_name` FROM `posts` p JOIN `authors` a ON `a`.`id` = `p`.`author_id` WHERE `p`.`status` = 'published' AND `p`.`deleted_at` IS NULL;

-- [11] undo: install the dual-write trigger on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/posts.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_posts_insert`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update`;

-- [10] undo: add column `posts.summary` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/posts.mig:15:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      DECLARE EXIT HANDLER FOR 1845, 1846
      BEGIN
        SET algo = algo + 1;
        IF algo >= 2 THEN
          RESIGNAL;
        END IF;
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'summary') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `summary`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `summary`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [9] undo: install the dual-write trigger on `post_tags`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/posts.mig:54:7
DROP TRIGGER IF EXISTS `migc_sync_post_tags_insert`;
DROP TRIGGER IF EXISTS `migc_sync_post_tags_update`;

-- [8] undo: create index `post_topics_topic_id_post_id_idx` on `post_tags`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/posts.mig:59:3
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
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_topics_topic_id_post_id_idx') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_topic_id_post_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_tags_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_topic_id_post_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tag_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_tags_tag_id_fkey` (`tag_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_topic_id_post_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_topics_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_topic_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_topic_id_post_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'topic_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_topics_topic_id_fkey` (`topic_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `post_tags` DROP INDEX `post_topics_topic_id_post_id_idx`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [7] undo: add foreign key `post_topics_topic_id_fkey` on `post_tags` for new rows
--     lock: none (added in place, rows not checked; `tags` read); rewrite: no; scan: no; from v3/posts.mig:56:44
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      DECLARE EXIT HANDLER FOR 1845, 1846
      BEGIN
        SET algo = algo + 1;
        IF algo >= 2 THEN
          RESIGNAL;
        END IF;
      END;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_topic_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_topics_topic_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_topics_topic_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_topics_topic_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_topic_id_fkey') THEN
        ALTER TABLE `post_tags` DROP INDEX `post_topics_topic_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [6] undo: create unique index `post_topics_pkey__migc` on `post_tags`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/posts.mig:58:3
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
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_topics_pkey__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_pkey__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_tags_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_pkey__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tag_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_tags_tag_id_fkey` (`tag_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_pkey__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_topics_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_topics_topic_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME <> 'post_topics_pkey__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'topic_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `post_tags` ADD INDEX `post_topics_topic_id_fkey` (`topic_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `post_tags` DROP INDEX `post_topics_pkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [5] undo: expose table `post_tags` as `post_topics` (an updatable view)
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/posts.mig:54:7
DROP VIEW IF EXISTS `post_topics`;

-- [4] undo: add column `post_tags.topic_id` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/posts.mig:56:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      DECLARE EXIT HANDLER FOR 1845, 1846
      BEGIN
        SET algo = algo + 1;
        IF algo >= 2 THEN
          RESIGNAL;
        END IF;
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND COLUMN_NAME = 'topic_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_tags` DROP COLUMN `topic_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_tags` DROP COLUMN `topic_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [3] undo: install the dual-write trigger on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/comments.mig:6:7
DROP TRIGGER IF EXISTS `migc_sync_comments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update`;

-- [2] undo: add shadow column `comments.author_name__migc_new` of type `varchar(100)` for `author_name`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/comments.mig:11:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      DECLARE EXIT HANDLER FOR 1845, 1846
      BEGIN
        SET algo = algo + 1;
        IF algo >= 2 THEN
          RESIGNAL;
        END IF;
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'author_name__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` DROP COLUMN `author_name__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP COLUMN `author_name__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [1] undo: expose table `tags` as `topics` (an updatable view)
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/posts.mig:46:7
DROP VIEW IF EXISTS `topics`;
