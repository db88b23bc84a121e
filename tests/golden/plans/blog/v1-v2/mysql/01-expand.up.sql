-- migc 0.1.0: expand phase (up) for mysql
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: mariadb DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [1] add value `rejected` to enum `comment_status` (renamed from `spam`)
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/comments.mig:5:42
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status' AND LOCATE(',''rejected'',', CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `comments__migc_progress`;
          CREATE TABLE `comments__migc` LIKE `comments`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `comments__migc` MODIFY COLUMN `status` enum('pending','approved','rejected','spam') NOT NULL DEFAULT 'pending', ADD CONSTRAINT `comments_post_id_fkey__migc` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `comments__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `comments__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_comments_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_comments_insert` AFTER INSERT ON `comments` FOR EACH ROW IF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `comments__migc` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`post_id`, NEW.`parent_id`, NEW.`author_name`, NEW.`author_email`, NEW.`body`, NEW.`status`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `post_id` = VALUES(`post_id`), `parent_id` = VALUES(`parent_id`), `author_name` = VALUES(`author_name`), `author_email` = VALUES(`author_email`), `body` = VALUES(`body`), `status` = VALUES(`status`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_comments_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_comments_update` AFTER UPDATE ON `comments` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `comments__migc` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`post_id`, NEW.`parent_id`, NEW.`author_name`, NEW.`author_email`, NEW.`body`, NEW.`status`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `post_id` = VALUES(`post_id`), `parent_id` = VALUES(`parent_id`), `author_name` = VALUES(`author_name`), `author_email` = VALUES(`author_email`), `body` = VALUES(`body`), `status` = VALUES(`status`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `comments__migc` SET `id` = NEW.`id`, `post_id` = NEW.`post_id`, `parent_id` = NEW.`parent_id`, `author_name` = NEW.`author_name`, `author_email` = NEW.`author_email`, `body` = NEW.`body`, `status` = NEW.`status`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `comments__migc` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`post_id`, NEW.`parent_id`, NEW.`author_name`, NEW.`author_email`, NEW.`body`, NEW.`status`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `post_id` = VALUES(`post_id`), `parent_id` = VALUES(`parent_id`), `author_name` = VALUES(`author_name`), `author_email` = VALUES(`author_email`), `body` = VALUES(`body`), `status` = VALUES(`status`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `comments__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `comments__migc` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`post_id`, NEW.`parent_id`, NEW.`author_name`, NEW.`author_email`, NEW.`body`, NEW.`status`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `post_id` = VALUES(`post_id`), `parent_id` = VALUES(`parent_id`), `author_name` = VALUES(`author_name`), `author_email` = VALUES(`author_email`), `body` = VALUES(`body`), `status` = VALUES(`status`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_comments_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_comments_delete` AFTER DELETE ON `comments` FOR EACH ROW IF EXISTS (SELECT 1 FROM `comments__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `comments__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `comments` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `comments__migc_progress` SET whole = 1;
          ELSE
            UPDATE `comments__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `comments`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `comments__migc` (`id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at`)
            SELECT `id`, `post_id`, `parent_id`, `author_name`, `author_email`, `body`, `status`, `created_at`, `updated_at` FROM `comments` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `comments__migc`.`id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_comments_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_comments_insert__migc` BEFORE INSERT ON `comments__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`status__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''status'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN ''rejected'' THEN ''spam'' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- written by the old application
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_comments_update__migc` BEFORE UPDATE ON `comments__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- updated by the new application
      IF NEW.`status__migc_new` IS NULL AND OLD.`status__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''status'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`status__migc_new` <=> OLD.`status__migc_new`) THEN
        SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN ''rejected'' THEN ''spam'' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application''s
        DO 0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `comments` TO `comments__migc_old`, `comments__migc` TO `comments`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `comments__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `comments__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_comments_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_comments_insert` BEFORE INSERT ON `comments` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`status__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''status'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN ''rejected'' THEN ''spam'' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- written by the old application
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_comments_update` BEFORE UPDATE ON `comments` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_fcbcc06633a7'' THEN
      -- updated by the new application
      IF NEW.`status__migc_new` IS NULL AND OLD.`status__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''status'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`status__migc_new` <=> OLD.`status__migc_new`) THEN
        SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN ''rejected'' THEN ''spam'' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_2887e11fa716'' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN ''spam'' THEN ''rejected'' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application''s
        DO 0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_comments_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_post_id_fkey') THEN
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [2] create enum `comment_status__migc`, the new shape of `comment_status`
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:5:6
-- enum comment_status__migc: MySQL enums are column types, nothing to do

-- [3] add value `scheduled` to enum `post_status`
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'status' AND LOCATE(',''scheduled'',', CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `posts__migc_progress`;
          CREATE TABLE `posts__migc` LIKE `posts`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts__migc` MODIFY COLUMN `status` enum('draft','review','scheduled','published','archived') NOT NULL DEFAULT 'draft', ADD CONSTRAINT `posts_author_id_fkey__migc` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `posts__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `posts__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_insert` AFTER INSERT ON `posts` FOR EACH ROW IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_update` AFTER UPDATE ON `posts` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `posts__migc` SET `id` = NEW.`id`, `author_id` = NEW.`author_id`, `slug` = NEW.`slug`, `title` = NEW.`title`, `body` = NEW.`body`, `excerpt` = NEW.`excerpt`, `status` = NEW.`status`, `published_at` = NEW.`published_at`, `view_count` = NEW.`view_count`, `search` = NEW.`search`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at`, `deleted_at` = NEW.`deleted_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF; ELSE DELETE FROM `posts__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF';
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
          INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`)
            SELECT `id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at` FROM `posts` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [4] create table `media`
--     lock: none (new table); rewrite: no; scan: no; from v2/authors.mig:19:7
CREATE TABLE IF NOT EXISTS `media` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `uploaded_by` bigint NOT NULL,
  `storage_key` text NOT NULL COMMENT 'object key in the bucket',
  `content_type` varchar(100) NOT NULL,
  `byte_size` bigint NOT NULL,
  `width` int NULL,
  `height` int NULL,
  `alt_text` text NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  CONSTRAINT `media_storage_key_key` UNIQUE KEY (`storage_key`(768)),
  CONSTRAINT `media_byte_size_check` CHECK (`byte_size` > 0)
) ENGINE=InnoDB;

-- [5] create index `media_uploaded_by_created_at_idx` on `media`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME = 'media_uploaded_by_created_at_idx') THEN
        ALTER TABLE `media` ADD INDEX `media_uploaded_by_created_at_idx` (`uploaded_by`, `created_at` DESC), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME = 'media_uploaded_by_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND INDEX_NAME <> 'media_uploaded_by_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'uploaded_by')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `media` DROP INDEX `media_uploaded_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [6] add foreign key `media_uploaded_by_fkey` on `media`
--     lock: none (added in place, rows not checked; `authors` read); rewrite: no; scan: no; from v2/authors.mig:21:49
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `media` AS c WHERE c.`uploaded_by` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `authors` AS p WHERE p.`id` = c.`uploaded_by`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of media break foreign key media_uploaded_by_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND CONSTRAINT_NAME = 'media_uploaded_by_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `media` ADD CONSTRAINT `media_uploaded_by_fkey` FOREIGN KEY (`uploaded_by`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [7] create table `series`
--     lock: none (new table); rewrite: no; scan: no; from v2/posts.mig:36:7
CREATE TABLE IF NOT EXISTS `series` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `author_id` bigint NOT NULL,
  `slug` varchar(200) NOT NULL,
  `title` text NOT NULL,
  `description` text NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  CONSTRAINT `series_slug_key` UNIQUE KEY (`slug`)
) ENGINE=InnoDB;

-- [8] add foreign key `series_author_id_fkey` on `series`
--     lock: none (added in place, rows not checked; `authors` read); rewrite: no; scan: no; from v2/posts.mig:38:48
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `series` AS c WHERE c.`author_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `authors` AS p WHERE p.`id` = c.`author_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of series break foreign key series_author_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND CONSTRAINT_NAME = 'series_author_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `series` ADD CONSTRAINT `series_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [9] add column `authors.avatar_media_id`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND COLUMN_NAME = 'avatar_media_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `authors` ADD COLUMN `avatar_media_id` bigint NULL AFTER `bio`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `authors` ADD COLUMN `avatar_media_id` bigint NULL AFTER `bio`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [10] add foreign key `authors_avatar_media_id_fkey` on `authors` for new rows
--     lock: none (added in place, rows not checked; `media` read); rewrite: no; scan: no; from v2/authors.mig:10:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND CONSTRAINT_NAME = 'authors_avatar_media_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `authors` ADD CONSTRAINT `authors_avatar_media_id_fkey` FOREIGN KEY (`avatar_media_id`) REFERENCES `media` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [11] add shadow column `comments.status__migc_new` of type `comment_status__migc` for `status`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `comments` ADD COLUMN `status__migc_new` enum('pending','approved','rejected') NULL AFTER `status`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `comments` ADD COLUMN `status__migc_new` enum('pending','approved','rejected') NULL AFTER `status`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [12] add foreign key `comments_parent_id_fkey` on `comments` for new rows
--     lock: none (added in place, rows not checked; `comments` read); rewrite: no; scan: no; from v2/comments.mig:11:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND CONSTRAINT_NAME = 'comments_parent_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `comments` ADD CONSTRAINT `comments_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `comments` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [13] create index `comments_post_id_created_at_idx__migc` on `comments`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_created_at_idx__migc') THEN
        ALTER TABLE `comments` ADD INDEX `comments_post_id_created_at_idx__migc` (`post_id`, `created_at`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_parent_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_parent_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [14] create index `comments_parent_id_idx` on `comments`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_idx') THEN
        ALTER TABLE `comments` ADD INDEX `comments_parent_id_idx` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_parent_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_parent_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [15] create index `comments_moderation_queue__migc` on `comments`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_moderation_queue__migc') THEN
        ALTER TABLE `comments` ADD INDEX `comments_moderation_queue__migc` (`created_at`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_post_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_post_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'post_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_post_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME = 'comments_parent_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND INDEX_NAME <> 'comments_parent_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'parent_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `comments` DROP INDEX `comments_parent_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [16] install the dual-write trigger on `comments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/comments.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_comments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_comments_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_comments_insert` BEFORE INSERT ON `comments` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_fcbcc06633a7' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`status__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN 'rejected' THEN 'spam' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '') = 'migc_2887e11fa716' THEN
      -- written by the old application
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_comments_update` BEFORE UPDATE ON `comments` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_fcbcc06633a7' THEN
      -- updated by the new application
      IF NEW.`status__migc_new` IS NULL AND OLD.`status__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`status__migc_new` <=> OLD.`status__migc_new`) THEN
        SET NEW.`status` = CAST(CASE CAST(NEW.`status__migc_new` AS CHAR) WHEN 'rejected' THEN 'spam' ELSE CAST(NEW.`status__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_2887e11fa716' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'spam' THEN 'rejected' ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application's
        DO 0;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [17] add column `posts.body_markdown` (filled from the deployed shape)
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'body_markdown') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ADD COLUMN `body_markdown` text NULL AFTER `title`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ADD COLUMN `body_markdown` text NULL AFTER `title`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [18] add shadow column `posts.view_count__migc_new` of type `int64` for `view_count`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ADD COLUMN `view_count__migc_new` bigint NULL AFTER `view_count`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ADD COLUMN `view_count__migc_new` bigint NULL AFTER `view_count`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [19] add column `posts.comments_enabled`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'comments_enabled') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ADD COLUMN `comments_enabled` boolean NOT NULL DEFAULT true AFTER `view_count__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ADD COLUMN `comments_enabled` boolean NOT NULL DEFAULT true AFTER `view_count__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [20] add column `posts.series_id`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'series_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ADD COLUMN `series_id` bigint NULL AFTER `comments_enabled`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ADD COLUMN `series_id` bigint NULL AFTER `comments_enabled`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [21] add column `posts.series_position`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'series_position') THEN
        IF algo = 0 THEN
          ALTER TABLE `posts` ADD COLUMN `series_position` smallint NULL AFTER `series_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `posts` ADD COLUMN `series_position` smallint NULL AFTER `series_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [22] add check `posts_view_count_check__migc` on `posts` for new rows
--     lock: none (added by the copy for check `posts_published_has_date`); rewrite: no; scan: no; from v2/posts.mig:19:52
-- posts: check posts_view_count_check__migc is added with check posts_published_has_date, by the same copy of the table

-- [23] add check `posts_series_position_check` on `posts` for new rows
--     lock: none (added by the copy for check `posts_published_has_date`); rewrite: no; scan: no; from v2/posts.mig:22:38
-- posts: check posts_series_position_check is added with check posts_published_has_date, by the same copy of the table

-- [24] drop check `posts_published_has_date` on `posts`
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

-- [25] add check `posts_published_has_date` on `posts` for new rows
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_published_has_date')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `posts__migc_progress`;
          CREATE TABLE `posts__migc` LIKE `posts`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts__migc` ADD CONSTRAINT `posts_published_has_date` CHECK (`status` NOT IN ('scheduled', 'published') OR `published_at` IS NOT NULL), ADD CONSTRAINT `posts_author_id_fkey__migc` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ALGORITHM=COPY;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND CONSTRAINT_NAME = 'posts_view_count_check__migc') THEN
            ALTER TABLE `posts__migc` ADD CONSTRAINT `posts_view_count_check__migc` CHECK (`view_count__migc_new` >= 0), ALGORITHM=COPY;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND CONSTRAINT_NAME = 'posts_series_position_check') THEN
            ALTER TABLE `posts__migc` ADD CONSTRAINT `posts_series_position_check` CHECK (`series_position` > 0), ALGORITHM=COPY;
          END IF;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `posts__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `posts__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_insert` AFTER INSERT ON `posts` FOR EACH ROW IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count__migc_new`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count__migc_new` = VALUES(`view_count__migc_new`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_posts_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_posts_update` AFTER UPDATE ON `posts` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count__migc_new`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count__migc_new` = VALUES(`view_count__migc_new`); END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `posts__migc` SET `id` = NEW.`id`, `author_id` = NEW.`author_id`, `slug` = NEW.`slug`, `title` = NEW.`title`, `body_markdown` = NEW.`body_markdown`, `body` = NEW.`body`, `excerpt` = NEW.`excerpt`, `status` = NEW.`status`, `published_at` = NEW.`published_at`, `view_count` = NEW.`view_count`, `comments_enabled` = NEW.`comments_enabled`, `series_id` = NEW.`series_id`, `series_position` = NEW.`series_position`, `search` = NEW.`search`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at`, `deleted_at` = NEW.`deleted_at`, `view_count__migc_new` = NEW.`view_count__migc_new` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count__migc_new`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count__migc_new` = VALUES(`view_count__migc_new`); END IF; ELSE DELETE FROM `posts__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `posts__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new`) VALUES (NEW.`id`, NEW.`author_id`, NEW.`slug`, NEW.`title`, NEW.`body_markdown`, NEW.`body`, NEW.`excerpt`, NEW.`status`, NEW.`published_at`, NEW.`view_count`, NEW.`comments_enabled`, NEW.`series_id`, NEW.`series_position`, NEW.`search`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`, NEW.`view_count__migc_new`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `author_id` = VALUES(`author_id`), `slug` = VALUES(`slug`), `title` = VALUES(`title`), `body_markdown` = VALUES(`body_markdown`), `body` = VALUES(`body`), `excerpt` = VALUES(`excerpt`), `status` = VALUES(`status`), `published_at` = VALUES(`published_at`), `view_count` = VALUES(`view_count`), `comments_enabled` = VALUES(`comments_enabled`), `series_id` = VALUES(`series_id`), `series_position` = VALUES(`series_position`), `search` = VALUES(`search`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`), `view_count__migc_new` = VALUES(`view_count__migc_new`); END IF';
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
          INSERT INTO `posts__migc` (`id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new`)
            SELECT `id`, `author_id`, `slug`, `title`, `body_markdown`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `comments_enabled`, `series_id`, `series_position`, `search`, `created_at`, `updated_at`, `deleted_at`, `view_count__migc_new` FROM `posts` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [26] add foreign key `posts_series_id_fkey` on `posts` for new rows
--     lock: none (added in place, rows not checked; `series` read); rewrite: no; scan: no; from v2/posts.mig:21:49
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND CONSTRAINT_NAME = 'posts_series_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `posts` ADD CONSTRAINT `posts_series_id_fkey` FOREIGN KEY (`series_id`) REFERENCES `series` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [27] create index `posts_scheduled` on `posts`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_scheduled') THEN
        ALTER TABLE `posts` ADD INDEX `posts_scheduled` (`published_at`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_author_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_author_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'author_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `posts` DROP INDEX `posts_author_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_series_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'series_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `posts` DROP INDEX `posts_series_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [28] create unique index `posts_series_position_key` on `posts`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_position_key') THEN
        ALTER TABLE `posts` ADD UNIQUE INDEX `posts_series_position_key` (`series_id`, `series_position`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_author_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_author_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'author_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `posts` DROP INDEX `posts_author_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME = 'posts_series_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME <> 'posts_series_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'series_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `posts` DROP INDEX `posts_series_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [29] install the dual-write trigger on `posts`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/posts.mig:8:7
DROP TRIGGER IF EXISTS `migc_sync_posts_insert`;
DROP TRIGGER IF EXISTS `migc_sync_posts_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_posts_insert` BEFORE INSERT ON `posts` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_fcbcc06633a7' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`body_markdown` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''body_markdown'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''view_count'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`body` = NEW.`body_markdown`;
      SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
    ELSEIF COALESCE(@migc_app, '') = 'migc_2887e11fa716' THEN
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
END//
CREATE TRIGGER `migc_sync_posts_update` BEFORE UPDATE ON `posts` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_fcbcc06633a7' THEN
      -- updated by the new application
      IF NEW.`body_markdown` IS NULL AND OLD.`body_markdown` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''body_markdown'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`view_count__migc_new` IS NULL AND OLD.`view_count__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''view_count'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`body_markdown` <=> OLD.`body_markdown`) THEN
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
      IF NOT (NEW.`view_count__migc_new` <=> OLD.`view_count__migc_new`) THEN
        SET NEW.`view_count` = least(NEW.`view_count__migc_new`, 2147483647);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_2887e11fa716' THEN
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
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`body_markdown` = NEW.`body`;
      ELSEIF (NOT (NEW.`body_markdown` <=> OLD.`body_markdown`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`)) THEN
        -- the new application's
        SET NEW.`body` = NEW.`body_markdown`;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [30] create unique index `tags_name_key` on `tags`
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
      DECLARE last_0 int;
      DECLARE upto_0 int;
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND INDEX_NAME = 'tags_name_key')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `tags__migc_progress`;
          CREATE TABLE `tags__migc` LIKE `tags`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `tags__migc` ADD COLUMN `tags_name_key__expr` text AS (lower(`name`)) STORED, ADD UNIQUE INDEX `tags_name_key` (`tags_name_key__expr`(768)), ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `tags__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 int NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `tags__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tags_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tags_insert` AFTER INSERT ON `tags` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tags__migc` (`id`, `name`, `slug`) VALUES (NEW.`id`, NEW.`name`, NEW.`slug`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `name` = VALUES(`name`), `slug` = VALUES(`slug`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tags_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tags_update` AFTER UPDATE ON `tags` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tags__migc` (`id`, `name`, `slug`) VALUES (NEW.`id`, NEW.`name`, NEW.`slug`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `name` = VALUES(`name`), `slug` = VALUES(`slug`); END IF; ELSEIF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `tags__migc` SET `id` = NEW.`id`, `name` = NEW.`name`, `slug` = NEW.`slug` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `tags__migc` (`id`, `name`, `slug`) VALUES (NEW.`id`, NEW.`name`, NEW.`slug`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `name` = VALUES(`name`), `slug` = VALUES(`slug`); END IF; ELSE DELETE FROM `tags__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tags__migc` (`id`, `name`, `slug`) VALUES (NEW.`id`, NEW.`name`, NEW.`slug`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `name` = VALUES(`name`), `slug` = VALUES(`slug`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tags_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tags_delete` AFTER DELETE ON `tags` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tags__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `tags__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `tags` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `tags__migc_progress` SET whole = 1;
          ELSE
            UPDATE `tags__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `tags`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `tags__migc` (`id`, `name`, `slug`)
            SELECT `id`, `name`, `slug` FROM `tags` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `tags__migc`.`id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey' AND REFERENCED_TABLE_NAME = 'tags') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `post_tags` ADD CONSTRAINT `post_tags_tag_id_fkey__migc` FOREIGN KEY (`tag_id`) REFERENCES `tags__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND CONSTRAINT_NAME = 'post_tags_tag_id_fkey' AND REFERENCED_TABLE_NAME = 'tags') THEN
          IF algo = 0 THEN
            ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_tag_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `post_tags` DROP FOREIGN KEY `post_tags_tag_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        RENAME TABLE `tags` TO `tags__migc_old`, `tags__migc` TO `tags`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `tags__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `tags__migc_progress`;
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [31] show table `authors` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`authors`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND COLUMN_NAME IN ('avatar_url', 'bio', 'created_at', 'email', 'handle', 'id', 'is_editor', 'name', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`authors` (`id`, `handle`, `email`, `name`, `bio`, `avatar_url`, `is_editor`, `created_at`, `updated_at`) AS SELECT `id`, `handle`, `email`, `name`, `bio`, `avatar_url`, `is_editor`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`authors`');
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

-- [32] show table `comments` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [33] show table `post_tags` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`post_tags`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND COLUMN_NAME IN ('added_at', 'post_id', 'tag_id')) = 3 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_tags` (`post_id`, `tag_id`, `added_at`) AS SELECT `post_id`, `tag_id`, `added_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`post_tags`');
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

-- [34] show table `post_views` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`post_views`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND COLUMN_NAME IN ('id', 'post_id', 'referrer', 'viewed_at')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_views` (`id`, `post_id`, `viewed_at`, `referrer`) AS SELECT `id`, `post_id`, `viewed_at`, `referrer` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`post_views`');
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

-- [35] show table `posts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME IN ('author_id', 'body', 'created_at', 'deleted_at', 'excerpt', 'id', 'published_at', 'search', 'slug', 'status', 'title', 'updated_at', 'view_count')) = 13 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`posts` (`id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `author_id`, `slug`, `title`, `body`, `excerpt`, `status`, `published_at`, `view_count`, `search`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`posts`');
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

-- [36] show table `tags` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tags`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND COLUMN_NAME IN ('id', 'name', 'slug')) = 3 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tags` (`id`, `name`, `slug`) AS SELECT `id`, `name`, `slug` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tags`');
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

-- [37] show view `published_posts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
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

-- [38] show view `tag_counts` to the old application in its shape (the version's database for `migc_2887e11fa716`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_2887e11fa716');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tag_counts`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag_counts' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag_counts') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tag_counts` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tag_counts`');
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

-- [39] show table `authors` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`authors`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND COLUMN_NAME IN ('avatar_media_id', 'bio', 'created_at', 'email', 'handle', 'id', 'is_editor', 'name', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`authors` (`id`, `handle`, `email`, `name`, `bio`, `avatar_media_id`, `is_editor`, `created_at`, `updated_at`) AS SELECT `id`, `handle`, `email`, `name`, `bio`, `avatar_media_id`, `is_editor`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`authors`');
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

-- [40] show table `comments` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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

-- [41] show table `media` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`media`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'media' AND COLUMN_NAME IN ('alt_text', 'byte_size', 'content_type', 'created_at', 'height', 'id', 'storage_key', 'updated_at', 'uploaded_by', 'width')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`media` (`id`, `uploaded_by`, `storage_key`, `content_type`, `byte_size`, `width`, `height`, `alt_text`, `created_at`, `updated_at`) AS SELECT `id`, `uploaded_by`, `storage_key`, `content_type`, `byte_size`, `width`, `height`, `alt_text`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`media`');
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

-- [42] show table `post_tags` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`post_tags`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_tags' AND COLUMN_NAME IN ('added_at', 'post_id', 'tag_id')) = 3 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_tags` (`post_id`, `tag_id`, `added_at`) AS SELECT `post_id`, `tag_id`, `added_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`post_tags`');
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

-- [43] show table `post_views` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`post_views`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post_views' AND COLUMN_NAME IN ('id', 'post_id', 'referrer', 'viewed_at')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`post_views` (`id`, `post_id`, `viewed_at`, `referrer`) AS SELECT `id`, `post_id`, `viewed_at`, `referrer` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`post_views`');
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

-- [44] show table `posts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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

-- [45] show table `series` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`series`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'series' AND COLUMN_NAME IN ('author_id', 'created_at', 'description', 'id', 'slug', 'title', 'updated_at')) = 7 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`series` (`id`, `author_id`, `slug`, `title`, `description`, `created_at`, `updated_at`) AS SELECT `id`, `author_id`, `slug`, `title`, `description`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`series`');
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

-- [46] show table `tags` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tags`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tags' AND COLUMN_NAME IN ('id', 'name', 'slug')) = 3 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tags` (`id`, `name`, `slug`) AS SELECT `id`, `name`, `slug` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tags`');
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

-- [47] show view `published_posts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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

-- [48] show view `tag_counts` to the new application in its shape (the version's database for `migc_fcbcc06633a7`)
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
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tag_counts`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag_counts' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tag_counts') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tag_counts` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tag_counts`');
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
