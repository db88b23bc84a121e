-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [54] swap the copy `payments__migc` in for `payments`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v2/orders.mig:39:54
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_currency_check')) THEN
        IF NOT EXISTS (SELECT 1 FROM `payments__migc_progress` WHERE whole = 1) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: the copy of payments is not filled yet: run the backfill phase first';
        END IF;
        CREATE TABLE IF NOT EXISTS `payments__migc_back` LIKE `payments`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_payments_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_payments_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_payments_insert__migc` BEFORE INSERT ON `payments__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`amount_cents` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''amount_cents'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`amount` = NEW.`amount_cents` / 100.0;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- written by the old application
      SET NEW.`amount_cents` = round(NEW.`amount` * 100);
    ELSEIF NEW.`amount_cents` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`amount_cents` = round(NEW.`amount` * 100);
    ELSE
      SET NEW.`amount` = NEW.`amount_cents` / 100.0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_payments_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_payments_update__migc` BEFORE UPDATE ON `payments__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the new application
      IF NEW.`amount_cents` IS NULL AND OLD.`amount_cents` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''amount_cents'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`amount_cents` <=> OLD.`amount_cents`) THEN
        SET NEW.`amount` = NEW.`amount_cents` / 100.0;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- updated by the old application
      IF NOT (NEW.`amount` <=> OLD.`amount`) OR NEW.`amount_cents` IS NULL THEN
        SET NEW.`amount_cents` = round(NEW.`amount` * 100);
      END IF;
    ELSE
      IF (NOT (NEW.`amount` <=> OLD.`amount`) OR NEW.`amount_cents` IS NULL) AND NOT (NOT (NEW.`amount_cents` <=> OLD.`amount_cents`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`amount_cents` = round(NEW.`amount` * 100);
      ELSEIF (NOT (NEW.`amount_cents` <=> OLD.`amount_cents`)) AND NOT (NOT (NEW.`amount` <=> OLD.`amount`)) THEN
        -- the new application''s
        SET NEW.`amount` = NEW.`amount_cents` / 100.0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_payments_back_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_payments_back_insert` AFTER INSERT ON `payments__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; INSERT INTO `payments__migc_back` (`id`, `order_id`, `method`, `amount_cents`, `currency`, `amount`, `provider_ref`, `paid_at`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`order_id`, NEW.`method`, NEW.`amount_cents`, NEW.`currency`, NEW.`amount`, NEW.`provider_ref`, NEW.`paid_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `order_id` = VALUES(`order_id`), `method` = VALUES(`method`), `amount_cents` = VALUES(`amount_cents`), `currency` = VALUES(`currency`), `amount` = VALUES(`amount`), `provider_ref` = VALUES(`provider_ref`), `paid_at` = VALUES(`paid_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_payments_back_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_payments_back_update` AFTER UPDATE ON `payments__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF NOT (NEW.`id` <=> OLD.`id`) THEN DELETE FROM `payments__migc_back` WHERE `id` = OLD.`id`; END IF; INSERT INTO `payments__migc_back` (`id`, `order_id`, `method`, `amount_cents`, `currency`, `amount`, `provider_ref`, `paid_at`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`order_id`, NEW.`method`, NEW.`amount_cents`, NEW.`currency`, NEW.`amount`, NEW.`provider_ref`, NEW.`paid_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `order_id` = VALUES(`order_id`), `method` = VALUES(`method`), `amount_cents` = VALUES(`amount_cents`), `currency` = VALUES(`currency`), `amount` = VALUES(`amount`), `provider_ref` = VALUES(`provider_ref`), `paid_at` = VALUES(`paid_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_payments_back_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_payments_back_delete` AFTER DELETE ON `payments__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; DELETE FROM `payments__migc_back` WHERE `id` = OLD.`id`; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        RENAME TABLE `payments` TO `payments__migc_swap`, `payments__migc` TO `payments`, `payments__migc_back` TO `payments__migc`, `payments__migc_swap` TO `payments__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [55] check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- orders.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [56] validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- orders_status__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [57] set `orders.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v2/orders.mig:13:3
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
        ALTER TABLE `orders` MODIFY COLUMN `status__migc_new` enum('pending','paid','shipped','delivered','cancelled','refunded') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [58] check `payments.amount_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- payments.amount_cents: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [59] validate that `payments.amount_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- payments_amount_cents_not_null: nothing to validate, SET NOT NULL checks the rows

-- [60] set `payments.amount_cents` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v2/orders.mig:38:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND COLUMN_NAME = 'amount_cents') THEN
        ALTER TABLE `payments` MODIFY COLUMN `amount_cents` bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [61] turn index `payments_provider_ref_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:41:36
-- payments: the unique index payments_provider_ref_key is the constraint in MySQL, nothing to attach

-- [62] validate check `payments_amount_cents_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:40
-- payments_amount_cents_check: nothing to validate, SET NOT NULL checks the rows

-- [63] validate check `payments_currency_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:39:54
-- payments_currency_check: nothing to validate, SET NOT NULL checks the rows

-- [64] validate foreign key `stock_product_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/inventory.mig:11:43
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `stock` AS c WHERE c.`product_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `products` AS p WHERE p.`id` = c.`product_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of stock break foreign key stock_product_id_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [65] check `users.first_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- users.first_name: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [66] validate that `users.first_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- users_first_name_not_null: nothing to validate, SET NOT NULL checks the rows

-- [67] set `users.first_name` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/users.mig:8:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'first_name' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `users__migc_progress`;
          CREATE TABLE `users__migc` LIKE `users`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `users__migc` MODIFY COLUMN `first_name` text NOT NULL, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `users__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `users__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_insert` AFTER INSERT ON `users` FOR EACH ROW IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_update` AFTER UPDATE ON `users` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `users__migc` SET `id` = NEW.`id`, `email` = NEW.`email`, `first_name` = NEW.`first_name`, `last_name` = NEW.`last_name`, `full_name` = NEW.`full_name`, `nickname` = NEW.`nickname`, `phone` = NEW.`phone`, `password_hash` = NEW.`password_hash`, `is_admin` = NEW.`is_admin`, `marketing_opt_in` = NEW.`marketing_opt_in`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `users__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
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
          INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`)
            SELECT `id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at` FROM `users` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey__migc` FOREIGN KEY (`user_id`) REFERENCES `users__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') THEN
          IF algo = 0 THEN
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`first_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- written by the old application
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSEIF NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSE
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the new application
      IF NEW.`first_name` IS NULL AND OLD.`first_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL AND OLD.`last_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`) THEN
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- updated by the old application
      IF NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      END IF;
    ELSE
      IF (NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL) AND NOT (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      ELSEIF (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) AND NOT (NOT (NEW.`full_name` <=> OLD.`full_name`)) THEN
        -- the new application''s
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND INDEX_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          ALTER TABLE `legacy_sessions` DROP INDEX `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_users_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_insert` BEFORE INSERT ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`first_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- written by the old application
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSEIF NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSE
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the new application
      IF NEW.`first_name` IS NULL AND OLD.`first_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL AND OLD.`last_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`) THEN
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- updated by the old application
      IF NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      END IF;
    ELSE
      IF (NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL) AND NOT (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      ELSEIF (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) AND NOT (NOT (NEW.`full_name` <=> OLD.`full_name`)) THEN
        -- the new application''s
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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

-- [68] check `users.last_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- users.last_name: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [69] validate that `users.last_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- users_last_name_not_null: nothing to validate, SET NOT NULL checks the rows

-- [70] set `users.last_name` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/users.mig:9:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'last_name' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `users__migc_progress`;
          CREATE TABLE `users__migc` LIKE `users`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `users__migc` MODIFY COLUMN `last_name` text NOT NULL, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `users__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `users__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_insert` AFTER INSERT ON `users` FOR EACH ROW IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_users_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_users_update` AFTER UPDATE ON `users` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `users__migc` SET `id` = NEW.`id`, `email` = NEW.`email`, `first_name` = NEW.`first_name`, `last_name` = NEW.`last_name`, `full_name` = NEW.`full_name`, `nickname` = NEW.`nickname`, `phone` = NEW.`phone`, `password_hash` = NEW.`password_hash`, `is_admin` = NEW.`is_admin`, `marketing_opt_in` = NEW.`marketing_opt_in`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `users__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `users__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`email`, NEW.`first_name`, NEW.`last_name`, NEW.`full_name`, NEW.`nickname`, NEW.`phone`, NEW.`password_hash`, NEW.`is_admin`, NEW.`marketing_opt_in`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `email` = VALUES(`email`), `first_name` = VALUES(`first_name`), `last_name` = VALUES(`last_name`), `full_name` = VALUES(`full_name`), `nickname` = VALUES(`nickname`), `phone` = VALUES(`phone`), `password_hash` = VALUES(`password_hash`), `is_admin` = VALUES(`is_admin`), `marketing_opt_in` = VALUES(`marketing_opt_in`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
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
          INSERT INTO `users__migc` (`id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`)
            SELECT `id`, `email`, `first_name`, `last_name`, `full_name`, `nickname`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at` FROM `users` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey__migc` FOREIGN KEY (`user_id`) REFERENCES `users__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey' AND REFERENCED_TABLE_NAME = 'users') THEN
          IF algo = 0 THEN
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`first_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- written by the old application
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSEIF NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSE
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the new application
      IF NEW.`first_name` IS NULL AND OLD.`first_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL AND OLD.`last_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`) THEN
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- updated by the old application
      IF NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      END IF;
    ELSE
      IF (NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL) AND NOT (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      ELSEIF (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) AND NOT (NOT (NEW.`full_name` <=> OLD.`full_name`)) THEN
        -- the new application''s
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND INDEX_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
          ALTER TABLE `legacy_sessions` DROP INDEX `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_users_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_users_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_users_insert` BEFORE INSERT ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`first_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- written by the old application
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSEIF NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
      SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
    ELSE
      SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
    IF COALESCE(@migc_app, '''') = ''migc_073fbcdad024'' THEN
      -- updated by the new application
      IF NEW.`first_name` IS NULL AND OLD.`first_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''first_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`last_name` IS NULL AND OLD.`last_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''last_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`) THEN
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_08b7c3145ba3'' THEN
      -- updated by the old application
      IF NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL THEN
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      END IF;
    ELSE
      IF (NOT (NEW.`full_name` <=> OLD.`full_name`) OR NEW.`first_name` IS NULL AND NEW.`last_name` IS NULL) AND NOT (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`first_name` = substring_index(substring_index(NEW.`full_name`, '' '', 1), '' '', -1);
        SET NEW.`last_name` = substring_index(substring_index(NEW.`full_name`, '' '', 2), '' '', -1);
      ELSEIF (NOT (NEW.`first_name` <=> OLD.`first_name`) OR NOT (NEW.`last_name` <=> OLD.`last_name`)) AND NOT (NOT (NEW.`full_name` <=> OLD.`full_name`)) THEN
        -- the new application''s
        SET NEW.`full_name` = concat(NEW.`first_name`, '' '', NEW.`last_name`);
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
