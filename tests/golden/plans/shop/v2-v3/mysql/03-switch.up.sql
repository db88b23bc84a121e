-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [53] check `addresses.line1` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/users.mig:33:3
-- addresses.line1: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [54] validate that `addresses.line1` holds no null
--     lock: none; rewrite: no; scan: no; from v3/users.mig:33:3
-- addresses_line1_not_null: nothing to validate, SET NOT NULL checks the rows

-- [55] set `addresses.line1` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v3/users.mig:33:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'line1' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `addresses__migc_progress`;
          CREATE TABLE `addresses__migc` LIKE `addresses`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `addresses__migc` MODIFY COLUMN `line1` text NOT NULL, ADD CONSTRAINT `addresses_user_id_fkey__migc` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `addresses_country_fkey__migc` FOREIGN KEY (`country`) REFERENCES `countries` (`code`) ON UPDATE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `addresses__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `addresses__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_addresses_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_addresses_insert` AFTER INSERT ON `addresses` FOR EACH ROW IF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `addresses__migc` (`id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`recipient`, NEW.`line1`, NEW.`line2`, NEW.`street`, NEW.`house_number`, NEW.`city`, NEW.`postal_code`, NEW.`country`, NEW.`is_default`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `recipient` = VALUES(`recipient`), `line1` = VALUES(`line1`), `line2` = VALUES(`line2`), `street` = VALUES(`street`), `house_number` = VALUES(`house_number`), `city` = VALUES(`city`), `postal_code` = VALUES(`postal_code`), `country` = VALUES(`country`), `is_default` = VALUES(`is_default`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_addresses_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_addresses_update` AFTER UPDATE ON `addresses` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `addresses__migc` (`id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`recipient`, NEW.`line1`, NEW.`line2`, NEW.`street`, NEW.`house_number`, NEW.`city`, NEW.`postal_code`, NEW.`country`, NEW.`is_default`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `recipient` = VALUES(`recipient`), `line1` = VALUES(`line1`), `line2` = VALUES(`line2`), `street` = VALUES(`street`), `house_number` = VALUES(`house_number`), `city` = VALUES(`city`), `postal_code` = VALUES(`postal_code`), `country` = VALUES(`country`), `is_default` = VALUES(`is_default`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `addresses__migc` SET `id` = NEW.`id`, `user_id` = NEW.`user_id`, `recipient` = NEW.`recipient`, `line1` = NEW.`line1`, `line2` = NEW.`line2`, `street` = NEW.`street`, `house_number` = NEW.`house_number`, `city` = NEW.`city`, `postal_code` = NEW.`postal_code`, `country` = NEW.`country`, `is_default` = NEW.`is_default`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `addresses__migc` (`id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`recipient`, NEW.`line1`, NEW.`line2`, NEW.`street`, NEW.`house_number`, NEW.`city`, NEW.`postal_code`, NEW.`country`, NEW.`is_default`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `recipient` = VALUES(`recipient`), `line1` = VALUES(`line1`), `line2` = VALUES(`line2`), `street` = VALUES(`street`), `house_number` = VALUES(`house_number`), `city` = VALUES(`city`), `postal_code` = VALUES(`postal_code`), `country` = VALUES(`country`), `is_default` = VALUES(`is_default`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `addresses__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `addresses__migc` (`id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`recipient`, NEW.`line1`, NEW.`line2`, NEW.`street`, NEW.`house_number`, NEW.`city`, NEW.`postal_code`, NEW.`country`, NEW.`is_default`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `recipient` = VALUES(`recipient`), `line1` = VALUES(`line1`), `line2` = VALUES(`line2`), `street` = VALUES(`street`), `house_number` = VALUES(`house_number`), `city` = VALUES(`city`), `postal_code` = VALUES(`postal_code`), `country` = VALUES(`country`), `is_default` = VALUES(`is_default`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_addresses_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_addresses_delete` AFTER DELETE ON `addresses` FOR EACH ROW IF EXISTS (SELECT 1 FROM `addresses__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `addresses__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `addresses` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `addresses__migc_progress` SET whole = 1;
          ELSE
            UPDATE `addresses__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `addresses`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `addresses__migc` (`id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`)
            SELECT `id`, `user_id`, `recipient`, `line1`, `line2`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at` FROM `addresses` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `addresses__migc`.`id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey' AND REFERENCED_TABLE_NAME = 'addresses') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_shipping_address_id_fkey__migc` FOREIGN KEY (`shipping_address_id`) REFERENCES `addresses__migc` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey' AND REFERENCED_TABLE_NAME = 'addresses') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_addresses_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_addresses_insert__migc` BEFORE INSERT ON `addresses__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`line1` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''line1'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '''';
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the old application
      SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
    ELSEIF NEW.`line1` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
    ELSE
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '''';
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_addresses_update__migc` BEFORE UPDATE ON `addresses__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the new application
      IF NEW.`line1` IS NULL AND OLD.`line1` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''line1'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`line1` <=> OLD.`line1`) THEN
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '''';
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the old application
      IF NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL THEN
        SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
      END IF;
    ELSE
      IF (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL) AND NOT (NOT (NEW.`line1` <=> OLD.`line1`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
      ELSEIF (NOT (NEW.`line1` <=> OLD.`line1`)) AND NOT (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`)) THEN
        -- the new application''s
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '''';
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `addresses` TO `addresses__migc_old`, `addresses__migc` TO `addresses`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `addresses__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `addresses__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_shipping_address_id_fkey` FOREIGN KEY (`shipping_address_id`) REFERENCES `addresses` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_shipping_address_id_fkey__migc') THEN
          ALTER TABLE `orders` DROP INDEX `orders_shipping_address_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_addresses_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_addresses_insert` BEFORE INSERT ON `addresses` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`line1` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''line1'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '''';
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the old application
      SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
    ELSEIF NEW.`line1` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
    ELSE
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '''';
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_addresses_update` BEFORE UPDATE ON `addresses` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the new application
      IF NEW.`line1` IS NULL AND OLD.`line1` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''line1'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`line1` <=> OLD.`line1`) THEN
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '''';
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the old application
      IF NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL THEN
        SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
      END IF;
    ELSE
      IF (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL) AND NOT (NOT (NEW.`line1` <=> OLD.`line1`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`line1` = concat(NEW.`street`, '' '', NEW.`house_number`);
      ELSEIF (NOT (NEW.`line1` <=> OLD.`line1`)) AND NOT (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`)) THEN
        -- the new application''s
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '''';
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_addresses_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `addresses` ADD CONSTRAINT `addresses_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND INDEX_NAME = 'addresses_user_id_fkey__migc') THEN
          ALTER TABLE `addresses` DROP INDEX `addresses_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_country_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `addresses` ADD CONSTRAINT `addresses_country_fkey` FOREIGN KEY (`country`) REFERENCES `countries` (`code`) ON UPDATE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_country_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_country_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_country_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND INDEX_NAME = 'addresses_country_fkey__migc') THEN
          ALTER TABLE `addresses` DROP INDEX `addresses_country_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [56] check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:16:3
-- orders.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [57] validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:16:3
-- orders_status__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [58] set `orders.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/orders.mig:16:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE `orders` MODIFY COLUMN `status__migc_new` enum('pending','paid','shipped','delivered','cancelled') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [59] check `users.email_normalized` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/users.mig:9:3
-- users.email_normalized: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [60] validate that `users.email_normalized` holds no null
--     lock: none; rewrite: no; scan: no; from v3/users.mig:9:3
-- users_email_normalized_not_null: nothing to validate, SET NOT NULL checks the rows

-- [61] set `users.email_normalized` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v3/users.mig:9:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'email_normalized' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `users__migc_progress`;
          CREATE TABLE `users__migc` LIKE `users`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `users__migc` MODIFY COLUMN `email_normalized` text NOT NULL, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `users__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `users__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_insert` AFTER INSERT ON `users` FOR EACH ROW IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`email_normalized`, NEW.`first_name`, NEW.`last_name`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `email_normalized` = VALUES(`email_normalized`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_update` AFTER UPDATE ON `users` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`email_normalized`, NEW.`first_name`, NEW.`last_name`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `email_normalized` = VALUES(`email_normalized`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `users__migc` SET `id` = NEW.`id`, `email` = NEW.`email`, `email_normalized` = NEW.`email_normalized`, `first_name` = NEW.`first_name`, `last_name` = NEW.`last_name`, `phone` = NEW.`phone`, `password_hash` = NEW.`password_hash`, `is_admin` = NEW.`is_admin`, `marketing_opt_in` = NEW.`marketing_opt_in`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `users__migc` (`id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`email_normalized`, NEW.`first_name`, NEW.`last_name`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `email_normalized` = VALUES(`email_normalized`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `users__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`email_normalized`, NEW.`first_name`, NEW.`last_name`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `email_normalized` = VALUES(`email_normalized`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_delete` AFTER DELETE ON `users` FOR EACH ROW IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `users__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `users` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `users__migc_progress` SET whole = 1;
          ELSE
            UPDATE `users__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `users`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `users__migc` (`id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`)
            SELECT `id`, `email`, `email_normalized`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at` FROM `users` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `users__migc`.`id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `addresses` ADD CONSTRAINT `addresses_user_id_fkey__migc` FOREIGN KEY (`user_id`) REFERENCES `users__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') THEN
          IF algo = 0 THEN
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_user_id_fkey__migc` FOREIGN KEY (`user_id`) REFERENCES `users__migc` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey' AND REFERENCED_TABLE_NAME = 'users') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `refunds` ADD CONSTRAINT `refunds_decided_by_fkey__migc` FOREIGN KEY (`decided_by`) REFERENCES `users__migc` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey' AND REFERENCED_TABLE_NAME = 'users') THEN
          IF algo = 0 THEN
            ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_decided_by_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_decided_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_users_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_insert__migc` BEFORE INSERT ON `users__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`email_normalized` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''email_normalized'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the old application
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSEIF NEW.`email_normalized` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSE
      DO 0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_update__migc` BEFORE UPDATE ON `users__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the new application
      IF NEW.`email_normalized` IS NULL AND OLD.`email_normalized` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''email_normalized'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the old application
      IF NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL THEN
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      END IF;
    ELSE
      IF (NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL) AND NOT (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      ELSEIF (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) AND NOT (FALSE) THEN
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
        RENAME TABLE `users` TO `users__migc_old`, `users__migc` TO `users`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `users__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `users__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `addresses` ADD CONSTRAINT `addresses_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND CONSTRAINT_NAME = 'addresses_user_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `addresses` DROP FOREIGN KEY `addresses_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND INDEX_NAME = 'addresses_user_id_fkey__migc') THEN
          ALTER TABLE `addresses` DROP INDEX `addresses_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_user_id_fkey__migc') THEN
          ALTER TABLE `orders` DROP INDEX `orders_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `refunds` ADD CONSTRAINT `refunds_decided_by_fkey` FOREIGN KEY (`decided_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_decided_by_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `refunds` DROP FOREIGN KEY `refunds_decided_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_decided_by_fkey__migc') THEN
          ALTER TABLE `refunds` DROP INDEX `refunds_decided_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_users_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_insert` BEFORE INSERT ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`email_normalized` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''email_normalized'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the old application
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSEIF NEW.`email_normalized` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSE
      DO 0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_update` BEFORE UPDATE ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the new application
      IF NEW.`email_normalized` IS NULL AND OLD.`email_normalized` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''email_normalized'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the old application
      IF NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL THEN
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      END IF;
    ELSE
      IF (NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL) AND NOT (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      ELSEIF (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) AND NOT (FALSE) THEN
        -- the new application''s
        DO 0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
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

-- [62] turn index `users_email_normalized_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from v3/users.mig:18:3
-- users: the unique index users_email_normalized_key is the constraint in MySQL, nothing to attach
