-- migc 0.1.0: expand phase (up) for mysql
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: mariadb DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [1] create enum `order_status__migc`, the new shape of `order_status` (without `refunded`)
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
-- enum order_status__migc: MySQL enums are column types, nothing to do

-- [2] create enum `refund_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:8:6
-- enum refund_status: MySQL enums are column types, nothing to do

-- [3] create table `refunds`
--     lock: none (new table); rewrite: no; scan: no; from v3/orders.mig:48:7
CREATE TABLE IF NOT EXISTS `refunds` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `payment_id` bigint NOT NULL,
  `amount_cents` bigint NOT NULL,
  `reason` text NOT NULL,
  `status` enum('requested','approved','rejected','paid_out') NOT NULL DEFAULT 'requested',
  `decided_by` bigint NULL COMMENT 'the support agent',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  CONSTRAINT `refunds_amount_cents_check` CHECK (`amount_cents` > 0)
) ENGINE=InnoDB;

-- [4] create index `refunds_payment_id_idx` on `refunds`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/orders.mig:56:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_payment_id_idx') THEN
        ALTER TABLE `refunds` ADD INDEX `refunds_payment_id_idx` (`payment_id`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_payment_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME <> 'refunds_payment_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'payment_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `refunds` DROP INDEX `refunds_payment_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_decided_by_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME <> 'refunds_decided_by_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'decided_by')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `refunds` DROP INDEX `refunds_decided_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [5] create index `refunds_open` on `refunds`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/orders.mig:57:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_open') THEN
        ALTER TABLE `refunds` ADD INDEX `refunds_open` (`created_at`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_payment_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME <> 'refunds_payment_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'payment_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `refunds` DROP INDEX `refunds_payment_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME = 'refunds_decided_by_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND INDEX_NAME <> 'refunds_decided_by_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'decided_by')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `refunds` DROP INDEX `refunds_decided_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [6] add foreign key `refunds_payment_id_fkey` on `refunds`
--     lock: none (added in place, rows not checked; `payments` read); rewrite: no; scan: no; from v3/orders.mig:50:50
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `refunds` AS c WHERE c.`payment_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `payments` AS p WHERE p.`id` = c.`payment_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of refunds break foreign key refunds_payment_id_fkey';
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_payment_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `refunds` ADD CONSTRAINT `refunds_payment_id_fkey` FOREIGN KEY (`payment_id`) REFERENCES `payments` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [7] add foreign key `refunds_decided_by_fkey` on `refunds`
--     lock: none (added in place, rows not checked; `users` read); rewrite: no; scan: no; from v3/orders.mig:54:46
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `refunds` AS c WHERE c.`decided_by` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` AS p WHERE p.`id` = c.`decided_by`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of refunds break foreign key refunds_decided_by_fkey';
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refunds' AND CONSTRAINT_NAME = 'refunds_decided_by_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `refunds` ADD CONSTRAINT `refunds_decided_by_fkey` FOREIGN KEY (`decided_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [8] expose table `stock` as `stock_levels` (an updatable view)
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/inventory.mig:10:7
CREATE OR REPLACE VIEW `stock_levels` AS SELECT * FROM `stock`;

-- [9] add column `addresses.line1` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:33:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'line1') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` ADD COLUMN `line1` text NULL AFTER `recipient`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` ADD COLUMN `line1` text NULL AFTER `recipient`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [10] add column `addresses.line2`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:34:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'line2') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` ADD COLUMN `line2` text NULL AFTER `line1`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` ADD COLUMN `line2` text NULL AFTER `line1`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [11] install the dual-write trigger on `addresses`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:28:7
DROP TRIGGER IF EXISTS `migc_sync_addresses_insert`;
DROP TRIGGER IF EXISTS `migc_sync_addresses_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_addresses_insert` BEFORE INSERT ON `addresses` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`line1` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''line1'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '';
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- written by the old application
      SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
    ELSEIF NEW.`line1` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
    ELSE
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '';
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_addresses_update` BEFORE UPDATE ON `addresses` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- updated by the new application
      IF NEW.`line1` IS NULL AND OLD.`line1` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''line1'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`line1` <=> OLD.`line1`) THEN
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '';
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- updated by the old application
      IF NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL THEN
        SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
      END IF;
    ELSEIF (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL) AND NOT (NOT (NEW.`line1` <=> OLD.`line1`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
    ELSEIF (NOT (NEW.`line1` <=> OLD.`line1`)) AND NOT (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`)) THEN
      -- the new application's
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '';
    END IF;
  END IF;
END//
DELIMITER ;

-- [12] add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/orders.mig:16:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` ADD COLUMN `status__migc_new` enum('pending','paid','shipped','delivered','cancelled') NULL AFTER `status`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` ADD COLUMN `status__migc_new` enum('pending','paid','shipped','delivered','cancelled') NULL AFTER `status`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [13] add column `orders.customer_note` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/orders.mig:18:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'customer_note') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` ADD COLUMN `customer_note` text NULL AFTER `total`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` ADD COLUMN `customer_note` text NULL AFTER `total`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [14] create index `orders_pending__migc` on `orders`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/orders.mig:23:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_pending__migc') THEN
        ALTER TABLE `orders` ADD INDEX `orders_pending__migc` (`placed_at`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_user_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME <> 'orders_user_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'user_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `orders` DROP INDEX `orders_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_shipping_address_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME <> 'orders_shipping_address_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'shipping_address_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `orders` DROP INDEX `orders_shipping_address_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [15] install the dual-write trigger on `orders`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/orders.mig:12:7
DROP TRIGGER IF EXISTS `migc_sync_orders_insert`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_orders_insert` BEFORE INSERT ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- written by the new application (its connections set @migc_app)
      SET NEW.`notes` = NEW.`customer_note`;
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- written by the old application
      SET NEW.`customer_note` = NEW.`notes`;
    ELSEIF NEW.`customer_note` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`customer_note` = NEW.`notes`;
    ELSE
      SET NEW.`notes` = NEW.`customer_note`;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_orders_update` BEFORE UPDATE ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF NOT (NEW.`status` <=> OLD.`status`) THEN
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- updated by the new application
      IF NOT (NEW.`customer_note` <=> OLD.`customer_note`) THEN
        SET NEW.`notes` = NEW.`customer_note`;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- updated by the old application
      IF NOT (NEW.`notes` <=> OLD.`notes`) OR NEW.`customer_note` IS NULL THEN
        SET NEW.`customer_note` = NEW.`notes`;
      END IF;
    ELSEIF (NOT (NEW.`notes` <=> OLD.`notes`) OR NEW.`customer_note` IS NULL) AND NOT (NOT (NEW.`customer_note` <=> OLD.`customer_note`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`customer_note` = NEW.`notes`;
    ELSEIF (NOT (NEW.`customer_note` <=> OLD.`customer_note`)) AND NOT (NOT (NEW.`notes` <=> OLD.`notes`)) THEN
      -- the new application's
      SET NEW.`notes` = NEW.`customer_note`;
    END IF;
  END IF;
END//
DELIMITER ;

-- [16] add column `users.email_normalized` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:9:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'email_normalized') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` ADD COLUMN `email_normalized` text NULL AFTER `email`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` ADD COLUMN `email_normalized` text NULL AFTER `email`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [17] create unique index `users_email_normalized_key` on `users`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/users.mig:18:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME = 'users_email_normalized_key') THEN
        ALTER TABLE `users` ADD UNIQUE INDEX `users_email_normalized_key` (`email_normalized`(768)), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [18] install the dual-write trigger on `users`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:4:7
DROP TRIGGER IF EXISTS `migc_sync_users_insert`;
DROP TRIGGER IF EXISTS `migc_sync_users_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_users_insert` BEFORE INSERT ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`email_normalized` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''email_normalized'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      DO 0;
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- written by the old application
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSEIF NEW.`email_normalized` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSE
      DO 0;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_users_update` BEFORE UPDATE ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_9a8ef67683f2' THEN
      -- updated by the new application
      IF NEW.`email_normalized` IS NULL AND OLD.`email_normalized` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''email_normalized'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`email_normalized` <=> OLD.`email_normalized`) THEN
        DO 0;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_92424caa6679' THEN
      -- updated by the old application
      IF NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL THEN
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      END IF;
    ELSEIF (NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL) AND NOT (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
    ELSEIF (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) AND NOT (FALSE) THEN
      -- the new application's
      DO 0;
    END IF;
  END IF;
END//
DELIMITER ;

-- [19] drop view `product_stock` to redefine it
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/inventory.mig:19:6
DROP VIEW IF EXISTS `product_stock`;

-- [20] create view `product_stock` with its new query
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/inventory.mig:19:6
CREATE OR REPLACE VIEW `product_stock` AS SELECT `product_id`, sum(`quantity` - `reserved`) AS `available` FROM `stock_levels` GROUP BY `product_id`;
