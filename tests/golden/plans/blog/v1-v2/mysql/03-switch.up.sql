-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [51] validate foreign key `authors_avatar_media_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/authors.mig:10:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'authors' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `authors` AS c WHERE c.`avatar_media_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `media` AS p WHERE p.`id` = c.`avatar_media_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of authors break foreign key authors_avatar_media_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [52] check `comments.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:15:3
-- comments.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [53] validate that `comments.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/comments.mig:15:3
-- comments_status__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [54] set `comments.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v2/comments.mig:15:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE `comments` MODIFY COLUMN `status__migc_new` enum('pending','approved','rejected') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [55] validate foreign key `comments_parent_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/comments.mig:11:47
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'comments' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `comments` AS c WHERE c.`parent_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `comments` AS p WHERE p.`id` = c.`parent_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of comments break foreign key comments_parent_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [56] check `posts.body_markdown` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:14:3
-- posts.body_markdown: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [57] validate that `posts.body_markdown` holds no null
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:14:3
-- posts_body_markdown_not_null: nothing to validate, SET NOT NULL checks the rows

-- [58] set `posts.body_markdown` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:14:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'body_markdown' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `posts__migc_progress`;
          CREATE TABLE `posts__migc` LIKE `posts`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts__migc` MODIFY COLUMN `body_markdown` text NOT NULL, ADD CONSTRAINT `posts_author_id_fkey__migc` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ADD CONSTRAINT `posts_series_id_fkey__migc` FOREIGN KEY (`series_id`) REFERENCES `series` (`id`) ON DELETE SET NULL, ALGORITHM=COPY;
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

-- [59] check `posts.view_count__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:3
-- posts.view_count__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [60] validate that `posts.view_count__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:3
-- posts_view_count__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [61] set `posts.view_count__migc_new` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/posts.mig:19:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND COLUMN_NAME = 'view_count__migc_new' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `posts__migc_progress`;
          CREATE TABLE `posts__migc` LIKE `posts`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `posts__migc` MODIFY COLUMN `view_count__migc_new` bigint NOT NULL, ADD CONSTRAINT `posts_author_id_fkey__migc` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE RESTRICT, ADD CONSTRAINT `posts_series_id_fkey__migc` FOREIGN KEY (`series_id`) REFERENCES `series` (`id`) ON DELETE SET NULL, ALGORITHM=COPY;
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

-- [62] validate check `posts_view_count_check__migc` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:19:52
-- posts_view_count_check__migc: nothing to validate, SET NOT NULL checks the rows

-- [63] validate check `posts_series_position_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:22:38
-- posts_series_position_check: nothing to validate, SET NOT NULL checks the rows

-- [64] validate check `posts_published_has_date` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/posts.mig:27:3
-- posts_published_has_date: nothing to validate, SET NOT NULL checks the rows

-- [65] validate foreign key `posts_series_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/posts.mig:21:49
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `posts` AS c WHERE c.`series_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `series` AS p WHERE p.`id` = c.`series_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of posts break foreign key posts_series_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
