-- migc 0.1.0: contract phase (up) for mysql
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: mariadb DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [66] stop showing table `authors` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [67] stop showing table `comments` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [68] stop showing table `post_tags` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [69] stop showing table `post_views` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [70] stop showing table `posts` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [71] stop showing table `tags` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [72] stop showing view `published_posts` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [73] stop showing view `tag_counts` to the old application (the version's database for `migc_2887e11fa716`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [74] keep showing table `comments` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_fcbcc06633a7`)
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
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`comments`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME IN ('author_email', 'author_name', 'body', 'created_at', 'id', 'parent_id', 'post_id', 'status__migc_new', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`comments` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) AS SELECT `id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status__migc_new`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`comments`');
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        OPEN grants;
        granting: LOOP
          FETCH grants INTO granted_to, granted, granted_on;
          IF finished = 1 THEN
            LEAVE granting;
          END IF;
          SET @migc_sql = CONCAT('GRANT ', granted, ' ON ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.', granted_on, ' TO ', IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1)))));
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END LOOP;
        CLOSE grants;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [75] keep showing table `posts` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_fcbcc06633a7`)
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
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`posts`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME IN ('author_id', 'body_markdown', 'comments_enabled', 'created_at', 'deleted_at', 'excerpt', 'id', 'published_at', 'search', 'series_id', 'series_position', 'slug', 'status', 'title', 'updated_at', 'view_count__migc_new')) = 16 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`posts` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `author_id`, `slug`, `title`, `body_markdown`, `excerpt`, `status`, `published_at`, `view_count__migc_new`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`posts`');
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        OPEN grants;
        granting: LOOP
          FETCH grants INTO granted_to, granted, granted_on;
          IF finished = 1 THEN
            LEAVE granting;
          END IF;
          SET @migc_sql = CONCAT('GRANT ', granted, ' ON ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.', granted_on, ' TO ', IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1)))));
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END LOOP;
        CLOSE grants;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [76] drop index `comments_post_id_created_at_idx` on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP TRIGGER IF EXISTS `migc_sync_comments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update`;
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx') AND EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_created_at_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_created_at_idx' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_parent_id_fkey` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `comments` DROP INDEX `comments_post_id_created_at_idx`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [77] show table `comments` to the new application as it now is (the version's database for `migc_fcbcc06633a7`)
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
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`comments`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME IN ('author_email', 'author_name', 'body', 'created_at', 'id', 'parent_id', 'post_id', 'status', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`comments` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) AS SELECT `id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`comments`');
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        OPEN grants;
        granting: LOOP
          FETCH grants INTO granted_to, granted, granted_on;
          IF finished = 1 THEN
            LEAVE granting;
          END IF;
          SET @migc_sql = CONCAT('GRANT ', granted, ' ON ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.', granted_on, ' TO ', IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1)))));
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END LOOP;
        CLOSE grants;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [78] rename index `comments_post_id_created_at_idx__migc` to `comments_post_id_created_at_idx`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:17:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` RENAME INDEX `comments_post_id_created_at_idx__migc` TO `comments_post_id_created_at_idx`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` RENAME INDEX `comments_post_id_created_at_idx__migc` TO `comments_post_id_created_at_idx`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [79] drop index `comments_moderation_queue` on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue') AND EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_moderation_queue' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_post_id_fkey` (`post_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_moderation_queue' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `comments` ADD INDEX `comments_parent_id_fkey` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `comments` DROP INDEX `comments_moderation_queue`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [80] rename index `comments_moderation_queue__migc` to `comments_moderation_queue`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:19:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` RENAME INDEX `comments_moderation_queue__migc` TO `comments_moderation_queue`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` RENAME INDEX `comments_moderation_queue__migc` TO `comments_moderation_queue`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [81] drop column `comments.status`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
          ALTER TABLE `comments` DROP COLUMN `status`, RENAME COLUMN `status__migc_new` TO `status`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` DROP COLUMN `status`, RENAME COLUMN `status__migc_new` TO `status`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [82] give enum `comment_status__migc` the name `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
-- enum comment_status__migc becomes comment_status: MySQL enums are column types, nothing to do

-- [83] put shadow column `status__migc_new` in place of `comments.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status__migc_new') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` RENAME COLUMN `status__migc_new` TO `status`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` RENAME COLUMN `status__migc_new` TO `status`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [84] set the default of `comments.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` ALTER COLUMN `status` SET DEFAULT 'pending', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` ALTER COLUMN `status` SET DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [85] remove the dual-write trigger on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_comments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update`;

-- [86] drop check `posts_view_count_check` on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP TRIGGER IF EXISTS `migc_sync_posts_insert`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update`;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_view_count_check') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_view_count_check__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP CONSTRAINT `posts_view_count_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP CONSTRAINT `posts_view_count_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [87] show table `posts` to the new application as it now is (the version's database for `migc_fcbcc06633a7`)
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
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`posts`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME IN ('author_id', 'body_markdown', 'comments_enabled', 'created_at', 'deleted_at', 'excerpt', 'id', 'published_at', 'search', 'series_id', 'series_position', 'slug', 'status', 'title', 'updated_at', 'view_count')) = 16 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`posts` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `author_id`, `slug`, `title`, `body_markdown`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`posts`');
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        OPEN grants;
        granting: LOOP
          FETCH grants INTO granted_to, granted, granted_on;
          IF finished = 1 THEN
            LEAVE granting;
          END IF;
          SET @migc_sql = CONCAT('GRANT ', granted, ' ON ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.', granted_on, ' TO ', IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1)))));
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END LOOP;
        CLOSE grants;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [88] let `posts.body` accept null before the dual-write trigger goes
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'body') THEN
        ALTER TABLE `posts` MODIFY COLUMN `body` text NULL COMMENT 'Markdown', ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [89] drop view `published_posts` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS `published_posts`;

-- [90] drop column `authors.avatar_url`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/authors.mig:13:15
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND COLUMN_NAME = 'avatar_url') THEN
        IF algo = 0 THEN
          ALTER TABLE `authors` DROP COLUMN `avatar_url`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `authors` DROP COLUMN `avatar_url`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [91] drop column `posts.view_count`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
          ALTER TABLE `posts` DROP COLUMN `view_count`, RENAME COLUMN `view_count__migc_new` TO `view_count`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `view_count`, RENAME COLUMN `view_count__migc_new` TO `view_count`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [92] put shadow column `view_count__migc_new` in place of `posts.view_count`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count__migc_new') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` RENAME COLUMN `view_count__migc_new` TO `view_count`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` RENAME COLUMN `view_count__migc_new` TO `view_count`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [93] set the default of `posts.view_count`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ALTER COLUMN `view_count` SET DEFAULT 0, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ALTER COLUMN `view_count` SET DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [94] rename constraint `posts_view_count_check__migc` to `posts_view_count_check` on `posts`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:19:52
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 bigint;
      DECLARE upto_0 bigint;
      DECLARE started INT DEFAULT 0;
      DECLARE locked_rows INT;
      DECLARE batch_rows INT;
      DECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, 1000);
      DECLARE fixed_size INT DEFAULT @migc_batch_size IS NOT NULL;
      DECLARE pause_ms INT DEFAULT @migc_pause_ms;
      DECLARE batch_began DATETIME(6);
      DECLARE batch_took DOUBLE;
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_view_count_check') OR NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_view_count_check__migc')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `posts__migc_progress`;
          CREATE TABLE `posts__migc` LIKE `posts`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts__migc` DROP CONSTRAINT `posts_view_count_check__migc`, ADD CONSTRAINT `posts_view_count_check` CHECK (`view_count` >= 0), ADD CONSTRAINT `posts_author_id_fkey__migc` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ADD CONSTRAINT `posts_series_id_fkey__migc` FOREIGN KEY (`series_id`) REFERENCES `series` (`id`) ON DELETE SET NULL, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `posts__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `posts__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_insert` AFTER INSERT ON `posts` FOR EACH ROW IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count` = VALUES(`view_count`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_update` AFTER UPDATE ON `posts` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count` = VALUES(`view_count`); END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `posts__migc` SET `id` = NEW.`id`, `author_id` = NEW.`author_id`, `slug` = NEW.`slug`, `title` = NEW.`title`, `body_markdown` = NEW.`body_markdown`, `body` = NEW.`body`, `excerpt` = NEW.`excerpt`, `status` = NEW.`status`, `published_at` = NEW.`published_at`, `comments_enabled` = NEW.`comments_enabled`, `series_id` = NEW.`series_id`, `series_position` = NEW.`series_position`, `search` = NEW.`search`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at`, `deleted_at` = NEW.`deleted_at`, `view_count` = NEW.`view_count` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count` = VALUES(`view_count`); END IF; ELSE DELETE FROM `posts__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count` = VALUES(`view_count`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_delete` AFTER DELETE ON `posts` FOR EACH ROW IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `posts__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `posts` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `posts__migc_progress` SET whole = 1;
          ELSE
            UPDATE `posts__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `posts`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count`)
            SELECT `id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count` FROM `posts` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `posts__migc`.`id`;
          COMMIT;
          IF upto_0 IS NULL THEN
            LEAVE copy;
          END IF;
          SET last_0 = upto_0, started = 1, attempt = 0;
          SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
          IF NOT fixed_size THEN
            SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
          END IF;
          IF pause_ms IS NOT NULL THEN
            DO SLEEP(pause_ms / 1000);
          ELSEIF batch_took > 0.4 THEN
            DO SLEEP(LEAST(batch_took, 5));
          END IF;
        END LOOP;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `comments` ADD CONSTRAINT `comments_post_id_fkey__migc` FOREIGN KEY (`post_id`) REFERENCES `posts__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') THEN
          IF algo = 0 THEN
            ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_post_id_fkey__migc` FOREIGN KEY (`post_id`) REFERENCES `posts__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') THEN
          IF algo = 0 THEN
            ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `post_views` ADD CONSTRAINT `post_views_post_id_fkey__migc` FOREIGN KEY (`post_id`) REFERENCES `posts__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND CONSTRAINT_NAME = 'post_views_post_id_fkey' AND REFERENCED_TABLE_NAME = 'posts') THEN
          IF algo = 0 THEN
            ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `post_views` DROP FOREIGN KEY `post_views_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_posts_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_posts_insert__migc` BEFORE INSERT ON `posts__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`body_markdown` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''body_markdown'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''view_count'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`body` = NEW.`body_markdown`;
      SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- written by the old application
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body_markdown` = NEW.`body`;
    ELSEIF NEW.`body_markdown` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body_markdown` = NEW.`body`;
    ELSE
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body` = NEW.`body_markdown`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_posts_update__migc` BEFORE UPDATE ON `posts__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- updated by the new application
      IF NEW.`body_markdown` IS NULL AND OLD.`body_markdown` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''body_markdown'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL AND OLD.`view_count__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''view_count'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`body_markdown` <=> OLD.`body_markdown`) THEN
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
      IF NOT (NEW.`view_count__migc_new` <=> OLD.`view_count__migc_new`) THEN
        SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- updated by the old application
      IF NOT (NEW.`view_count` <=> OLD.`view_count`) THEN
        SET NEW.`view_count__migc_new` = NEW.`view_count`;
      END IF;
      IF NOT (NEW.`body` <=> OLD.`body`) OR NEW.`body_markdown` IS NULL THEN
        SET NEW.`body_markdown` = NEW.`body`;
      END IF;
    ELSE
      IF NOT (NEW.`view_count` <=> OLD.`view_count`) THEN
        SET NEW.`view_count__migc_new` = NEW.`view_count`;
      END IF;
      IF (NOT (NEW.`body` <=> OLD.`body`) OR NEW.`body_markdown` IS NULL) AND NOT (NOT (NEW.`body_markdown` <=> OLD.`body_markdown`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`body_markdown` = NEW.`body`;
      ELSEIF (NOT (NEW.`body_markdown` <=> OLD.`body_markdown`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`)) THEN
        -- the new application''s
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `posts` TO `posts__migc_old`, `posts__migc` TO `posts`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `posts__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `posts__migc_progress`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_posts_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_posts_insert` BEFORE INSERT ON `posts` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`body_markdown` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''body_markdown'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''view_count'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`body` = NEW.`body_markdown`;
      SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- written by the old application
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body_markdown` = NEW.`body`;
    ELSEIF NEW.`body_markdown` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body_markdown` = NEW.`body`;
    ELSE
      SET NEW.`view_count__migc_new` = NEW.`view_count`;
      SET NEW.`body` = NEW.`body_markdown`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_posts_update` BEFORE UPDATE ON `posts` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- updated by the new application
      IF NEW.`body_markdown` IS NULL AND OLD.`body_markdown` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''body_markdown'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL AND OLD.`view_count__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''view_count'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`body_markdown` <=> OLD.`body_markdown`) THEN
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
      IF NOT (NEW.`view_count__migc_new` <=> OLD.`view_count__migc_new`) THEN
        SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- updated by the old application
      IF NOT (NEW.`view_count` <=> OLD.`view_count`) THEN
        SET NEW.`view_count__migc_new` = NEW.`view_count`;
      END IF;
      IF NOT (NEW.`body` <=> OLD.`body`) OR NEW.`body_markdown` IS NULL THEN
        SET NEW.`body_markdown` = NEW.`body`;
      END IF;
    ELSE
      IF NOT (NEW.`view_count` <=> OLD.`view_count`) THEN
        SET NEW.`view_count__migc_new` = NEW.`view_count`;
      END IF;
      IF (NOT (NEW.`body` <=> OLD.`body`) OR NEW.`body_markdown` IS NULL) AND NOT (NOT (NEW.`body_markdown` <=> OLD.`body_markdown`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`body_markdown` = NEW.`body`;
      ELSEIF (NOT (NEW.`body_markdown` <=> OLD.`body_markdown`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`)) THEN
        -- the new application''s
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_posts_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_author_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_author_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_author_id_fkey__migc') THEN
          ALTER TABLE `posts` DROP INDEX `posts_author_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts` ADD CONSTRAINT `posts_series_id_fkey` FOREIGN KEY (`series_id`) REFERENCES `series` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `posts` DROP FOREIGN KEY `posts_series_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `posts` DROP FOREIGN KEY `posts_series_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_id_fkey__migc') THEN
          ALTER TABLE `posts` DROP INDEX `posts_series_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [95] remove the dual-write trigger on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:8:7
DROP TRIGGER IF EXISTS `migc_sync_posts_insert`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update`;

-- [96] drop column `posts.body`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'body') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` DROP COLUMN `body`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` DROP COLUMN `body`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [97] recreate view `published_posts`
--     lock: shared metadata lock; rewrite: no; scan: no; from v2/search.mig:14:6
CREATE OR REPLACE VIEW `published_posts` AS SELECT `p`.`id`, `p`.`slug`, `p`.`title`, `p`.`excerpt`, `p`.`published_at`, `a`.`handle` AS `author_handle`, `a`.`name` AS `author_name` FROM `posts` p JOIN `authors` a ON `a`.`id` = `p`.`author_id` WHERE `p`.`status` = 'published' AND `p`.`deleted_at` IS NULL;

-- [98] show view `published_posts` to the new application as it now is (the version's database for `migc_fcbcc06633a7`)
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
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`published_posts`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'published_posts' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE CONTINUE HANDLER FOR 1356, 1243 BEGIN END;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'published_posts') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`published_posts` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`published_posts`');
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        OPEN grants;
        granting: LOOP
          FETCH grants INTO granted_to, granted, granted_on;
          IF finished = 1 THEN
            LEAVE granting;
          END IF;
          SET @migc_sql = CONCAT('GRANT ', granted, ' ON ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.', granted_on, ' TO ', IF(LOCATE('''@''', granted_to) = 0, QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - 2)), CONCAT(QUOTE(SUBSTRING(granted_to, 2, CHAR_LENGTH(granted_to) - CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 4)), '@', QUOTE(LEFT(SUBSTRING_INDEX(granted_to, '''@''', -1), CHAR_LENGTH(SUBSTRING_INDEX(granted_to, '''@''', -1)) - 1)))));
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END LOOP;
        CLOSE grants;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
