-- migc 0.1.0: expand phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [48] undo: show view `tag_counts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tag_counts`');
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

-- [47] undo: show view `published_posts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [46] undo: show table `tags` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tags`');
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

-- [45] undo: show table `series` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [44] undo: show table `posts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [43] undo: show table `post_views` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_views`');
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

-- [42] undo: show table `post_tags` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_tags`');
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

-- [41] undo: show table `media` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [40] undo: show table `comments` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [39] undo: show table `authors` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_fcbcc06633a7');
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

-- [38] undo: show view `tag_counts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `tag_counts` stays: its connections may be using it

-- [37] undo: show view `published_posts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `published_posts` stays: its connections may be using it

-- [36] undo: show table `tags` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `tags` stays: its connections may be using it

-- [35] undo: show table `posts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `posts` stays: its connections may be using it

-- [34] undo: show table `post_views` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `post_views` stays: its connections may be using it

-- [33] undo: show table `post_tags` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `post_tags` stays: its connections may be using it

-- [32] undo: show table `comments` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `comments` stays: its connections may be using it

-- [31] undo: show table `authors` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `authors` stays: its connections may be using it

-- [30] undo: create unique index `tags_name_key` on `tags`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:50:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_tag_id_fkey` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_tag_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_tag_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_tags_tag_id_fkey__migc') THEN
        ALTER TABLE `post_tags` DROP INDEX `post_tags_tag_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_tags_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_tags_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_tags_insert`;
DROP TRIGGER IF EXISTS `migc_copy_tags_update`;
DROP TRIGGER IF EXISTS `migc_copy_tags_delete`;
DROP TABLE IF EXISTS `tags__migc`, `tags__migc_old`, `tags__migc_progress`;
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND INDEX_NAME = 'tags_name_key') THEN
        ALTER TABLE `tags` DROP INDEX `tags_name_key`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND COLUMN_NAME = 'tags_name_key__expr') THEN
        IF algo = 0 THEN
          ALTER TABLE `tags` DROP COLUMN `tags_name_key__expr`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tags` DROP COLUMN `tags_name_key__expr`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [29] undo: install the dual-write trigger on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:8:7
DROP TRIGGER IF EXISTS `migc_sync_posts_insert`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update`;

-- [28] undo: create unique index `posts_series_position_key` on `posts`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/posts.mig:32:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_position_key') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_author_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_series_position_key' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'author_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `posts` ADD INDEX `posts_author_id_fkey` (`author_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_series_position_key' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'series_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `posts` ADD INDEX `posts_series_id_fkey` (`series_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `posts` DROP INDEX `posts_series_position_key`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [27] undo: create index `posts_scheduled` on `posts`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/posts.mig:31:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_scheduled') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_author_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_scheduled' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'author_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `posts` ADD INDEX `posts_author_id_fkey` (`author_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_scheduled' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'series_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `posts` ADD INDEX `posts_series_id_fkey` (`series_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `posts` DROP INDEX `posts_scheduled`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [26] undo: add foreign key `posts_series_id_fkey` on `posts` for new rows
--     lock: none (added in place, rows not checked; `series` read); rewrite: no; scan: no; from v2/posts.mig:21:49
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP FOREIGN KEY `posts_series_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP FOREIGN KEY `posts_series_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') THEN
        ALTER TABLE `posts` DROP INDEX `posts_series_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [25] undo: add check `posts_published_has_date` on `posts` for new rows
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:27:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `comments` ADD CONSTRAINT `comments_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_fkey__migc') THEN
        ALTER TABLE `comments` DROP INDEX `comments_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_tags_post_id_fkey__migc') THEN
        ALTER TABLE `post_tags` DROP INDEX `post_tags_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `post_views` ADD CONSTRAINT `post_views_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND INDEX_NAME = 'post_views_post_id_fkey__migc') THEN
        ALTER TABLE `post_views` DROP INDEX `post_views_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_posts_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_posts_insert`;
DROP TRIGGER IF EXISTS `migc_copy_posts_update`;
DROP TRIGGER IF EXISTS `migc_copy_posts_delete`;
DROP TABLE IF EXISTS `posts__migc`, `posts__migc_old`, `posts__migc_progress`;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_published_has_date') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP CONSTRAINT `posts_published_has_date`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP CONSTRAINT `posts_published_has_date`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [24] undo: drop check `posts_published_has_date` on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
-- check posts_published_has_date is not restored: adding a check copies the table on MySQL

-- [23] undo: add check `posts_series_position_check` on `posts` for new rows
--     lock: none (added by the copy for check `posts_published_has_date`); rewrite: no; scan: no; from v2/posts.mig:22:38
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_position_check') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP CONSTRAINT `posts_series_position_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP CONSTRAINT `posts_series_position_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [22] undo: add check `posts_view_count_check__migc` on `posts` for new rows
--     lock: none (added by the copy for check `posts_published_has_date`); rewrite: no; scan: no; from v2/posts.mig:19:52
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_view_count_check__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP CONSTRAINT `posts_view_count_check__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP CONSTRAINT `posts_view_count_check__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [21] undo: add column `posts.series_position`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:22:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'series_position') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `series_position`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `series_position`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [20] undo: add column `posts.series_id`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:21:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'series_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `series_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `series_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [19] undo: add column `posts.comments_enabled`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:20:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'comments_enabled') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `comments_enabled`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `comments_enabled`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [18] undo: add shadow column `posts.view_count__migc_new` of type `int64` for `view_count`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:19:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `view_count__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `view_count__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [17] undo: add column `posts.body_markdown` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:14:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'body_markdown') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `body_markdown`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `body_markdown`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [16] undo: install the dual-write trigger on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_comments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update`;

-- [15] undo: create index `comments_moderation_queue__migc` on `comments`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/comments.mig:19:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_moderation_queue__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_moderation_queue__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_parent_id_fkey` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `comments` DROP INDEX `comments_moderation_queue__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [14] undo: create index `comments_parent_id_idx` on `comments`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/comments.mig:18:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_idx') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_parent_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_parent_id_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_parent_id_fkey` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `comments` DROP INDEX `comments_parent_id_idx`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [13] undo: create index `comments_post_id_created_at_idx__migc` on `comments`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/comments.mig:17:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_created_at_idx__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_created_at_idx__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_parent_id_fkey` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `comments` DROP INDEX `comments_post_id_created_at_idx__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [12] undo: add foreign key `comments_parent_id_fkey` on `comments` for new rows
--     lock: none (added in place, rows not checked; `comments` read); rewrite: no; scan: no; from v2/comments.mig:11:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_parent_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_parent_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') THEN
        ALTER TABLE `comments` DROP INDEX `comments_parent_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [11] undo: add shadow column `comments.status__migc_new` of type `comment_status__migc` for `status`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:15:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` DROP COLUMN `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP COLUMN `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [10] undo: add foreign key `authors_avatar_media_id_fkey` on `authors` for new rows
--     lock: none (added in place, rows not checked; `media` read); rewrite: no; scan: no; from v2/authors.mig:10:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND CONSTRAINT_NAME = 'authors_avatar_media_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `authors` DROP FOREIGN KEY `authors_avatar_media_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `authors` DROP FOREIGN KEY `authors_avatar_media_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND INDEX_NAME = 'authors_avatar_media_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND CONSTRAINT_NAME = 'authors_avatar_media_id_fkey') THEN
        ALTER TABLE `authors` DROP INDEX `authors_avatar_media_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [9] undo: add column `authors.avatar_media_id`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/authors.mig:10:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND COLUMN_NAME = 'avatar_media_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `authors` DROP COLUMN `avatar_media_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `authors` DROP COLUMN `avatar_media_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [8] undo: add foreign key `series_author_id_fkey` on `series`
--     lock: none (added in place, rows not checked; `authors` read); rewrite: no; scan: no; from v2/posts.mig:38:48
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND CONSTRAINT_NAME = 'series_author_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `series` DROP FOREIGN KEY `series_author_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `series` DROP FOREIGN KEY `series_author_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND INDEX_NAME = 'series_author_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND CONSTRAINT_NAME = 'series_author_id_fkey') THEN
        ALTER TABLE `series` DROP INDEX `series_author_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [7] undo: create table `series`
--     lock: none (new table); rewrite: no; scan: no; from v2/posts.mig:36:7
DROP TABLE IF EXISTS `series`;

-- [6] undo: add foreign key `media_uploaded_by_fkey` on `media`
--     lock: none (added in place, rows not checked; `authors` read); rewrite: no; scan: no; from v2/authors.mig:21:49
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND CONSTRAINT_NAME = 'media_uploaded_by_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `media` DROP FOREIGN KEY `media_uploaded_by_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `media` DROP FOREIGN KEY `media_uploaded_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME = 'media_uploaded_by_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND CONSTRAINT_NAME = 'media_uploaded_by_fkey') THEN
        ALTER TABLE `media` DROP INDEX `media_uploaded_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [5] undo: create index `media_uploaded_by_created_at_idx` on `media`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/authors.mig:29:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME = 'media_uploaded_by_created_at_idx') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND CONSTRAINT_NAME = 'media_uploaded_by_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME <> 'media_uploaded_by_created_at_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'uploaded_by')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `media` ADD INDEX `media_uploaded_by_fkey` (`uploaded_by`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `media` DROP INDEX `media_uploaded_by_created_at_idx`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [4] undo: create table `media`
--     lock: none (new table); rewrite: no; scan: no; from v2/authors.mig:19:7
DROP TABLE IF EXISTS `media`;

-- [3] undo: add value `scheduled` to enum `post_status`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:6:35
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `comments` ADD CONSTRAINT `comments_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_fkey__migc') THEN
        ALTER TABLE `comments` DROP INDEX `comments_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND INDEX_NAME = 'post_tags_post_id_fkey__migc') THEN
        ALTER TABLE `post_tags` DROP INDEX `post_tags_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `post_views` ADD CONSTRAINT `post_views_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND INDEX_NAME = 'post_views_post_id_fkey__migc') THEN
        ALTER TABLE `post_views` DROP INDEX `post_views_post_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_posts_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_posts_insert`;
DROP TRIGGER IF EXISTS `migc_copy_posts_update`;
DROP TRIGGER IF EXISTS `migc_copy_posts_delete`;
DROP TABLE IF EXISTS `posts__migc`, `posts__migc_old`, `posts__migc_progress`;
-- value 'scheduled' stays in enum post_status: removing an enum member copies the table

-- [2] undo: create enum `comment_status__migc`, the new shape of `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
-- enum comment_status__migc: MySQL enums are column types, nothing to do

-- [1] undo: add value `rejected` to enum `comment_status` (renamed from `spam`)
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/comments.mig:5:42
DROP TRIGGER IF EXISTS `migc_sync_comments_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_comments_insert`;
DROP TRIGGER IF EXISTS `migc_copy_comments_update`;
DROP TRIGGER IF EXISTS `migc_copy_comments_delete`;
DROP TABLE IF EXISTS `comments__migc`, `comments__migc_old`, `comments__migc_progress`;
-- value 'rejected' stays in enum comment_status: removing an enum member copies the table
