-- migc 0.1.0: contract phase (down) for mysql
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: mariadb DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [108] undo: show view `product_stock` to the new application as it now is (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`product_stock`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'product_stock' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'product_stock') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`product_stock` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`product_stock`');
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

-- [107] undo: recreate view `product_stock`
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/inventory.mig:19:6
DROP VIEW IF EXISTS `product_stock`;

-- [106] undo: show table `stock_levels` to the new application as it now is (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`stock_levels`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND COLUMN_NAME IN ('product_id', 'quantity', 'reserved', 'warehouse_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`stock_levels` (`product_id`, `warehouse_id`, `quantity`, `reserved`) AS SELECT `product_id`, `warehouse_id`, `quantity`, `reserved` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`stock_levels`');
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

-- [105] undo: rename table `stock` to `stock_levels`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/inventory.mig:10:7
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        RENAME TABLE `stock_levels` TO `stock`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [104] undo: drop the view `stock_levels` standing for table `stock`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/inventory.mig:10:7
CREATE OR REPLACE VIEW `stock_levels` AS SELECT * FROM `stock`;

-- [103] undo: drop view `product_stock` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW `product_stock` AS SELECT `product_id`, sum(`quantity` - `reserved`) AS `available` FROM `stock_levels` GROUP BY `product_id`;

-- [102] undo: show view `order_totals` to the new application as it now is (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`order_totals`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_totals' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_totals') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`order_totals` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`order_totals`');
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

-- [101] undo: recreate view `order_totals`
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/orders.mig:60:6
DROP VIEW IF EXISTS `order_totals`;

-- [100] undo: drop column `orders.notes`
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'notes') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` ADD COLUMN `notes` text NULL AFTER `customer_note`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` ADD COLUMN `notes` text NULL AFTER `customer_note`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'notes') THEN
        UPDATE `orders` SET `notes` = `customer_note` WHERE `notes` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'notes') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` MODIFY COLUMN `notes` text NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` MODIFY COLUMN `notes` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [99] undo: remove the dual-write trigger on `orders`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/orders.mig:12:7
-- the dual-write triggers of orders come back with the first contract step on it

-- [98] undo: set the default of `orders.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` ALTER COLUMN `status` SET DEFAULT 'pending', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` ALTER COLUMN `status` SET DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [97] undo: put shadow column `status__migc_new` in place of `orders.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [96] undo: give enum `order_status__migc` the name `order_status`
--     lock: none; rewrite: no; scan: no; from v3/orders.mig:6:6
-- enum order_status__migc becomes order_status: MySQL enums are column types, nothing to do

-- [95] undo: drop column `orders.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` ADD COLUMN `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NULL AFTER `shipping_address_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` ADD COLUMN `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NULL AFTER `shipping_address_id`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` MODIFY COLUMN `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NULL DEFAULT 'pending', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` MODIFY COLUMN `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NULL DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM `orders` WHERE `status` IS NULL) THEN
          ALTER TABLE `orders` MODIFY COLUMN `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NOT NULL DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [94] undo: drop view `order_totals` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW `order_totals` AS SELECT `o`.`id` AS `order_id`, `o`.`user_id`, count(*) AS `lines`, sum(`i`.`quantity` * `i`.`unit_price`) AS `items_total` FROM `orders` o JOIN `order_items` i ON `i`.`order_id` = `o`.`id` GROUP BY `o`.`id`, `o`.`user_id`;

-- [93] undo: remove the dual-write trigger on `users`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:4:7
-- the dual-write triggers of users come back with the first contract step on it

-- [92] undo: drop index `users_email_lower_key` on `users`
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME = 'users_email_lower_key')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `users__migc_progress`;
          CREATE TABLE `users__migc` LIKE `users`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `users__migc` ADD COLUMN `users_email_lower_key__expr` text AS (lower(`email`)) STORED, ADD UNIQUE INDEX `users_email_lower_key` (`users_email_lower_key__expr`(768)), ALGORITHM=COPY;
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
DROP TRIGGER IF EXISTS `migc_sync_users_insert`;
DROP TRIGGER IF EXISTS `migc_sync_users_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_users_insert` BEFORE INSERT ON `users` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`email_normalized` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''email_normalized'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
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
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- updated by the new application
      IF NEW.`email_normalized` IS NULL AND OLD.`email_normalized` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''email_normalized'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
      -- updated by the old application
      IF NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL THEN
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      END IF;
    ELSE
      IF (NOT (NEW.`email` <=> OLD.`email`) OR NEW.`email_normalized` IS NULL) AND NOT (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`email_normalized` = lower(TRIM(NEW.`email`));
      ELSEIF (NOT (NEW.`email_normalized` <=> OLD.`email_normalized`)) AND NOT (FALSE) THEN
        -- the new application's
        DO 0;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [91] undo: rename constraint `stock_warehouse_id_fkey` to `stock_levels_warehouse_id_fkey` on `stock`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/inventory.mig:12:43
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_warehouse_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock` ADD CONSTRAINT `stock_warehouse_id_fkey` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_levels_warehouse_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey') THEN
          ALTER TABLE `stock` DROP INDEX `stock_levels_warehouse_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [90] undo: rename constraint `stock_product_id_fkey` to `stock_levels_product_id_fkey` on `stock`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/inventory.mig:11:43
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock` ADD CONSTRAINT `stock_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock` DROP FOREIGN KEY `stock_levels_product_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock` DROP FOREIGN KEY `stock_levels_product_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_levels_product_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey') THEN
          ALTER TABLE `stock` DROP INDEX `stock_levels_product_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [89] undo: rename constraint `stock_reserved_check` to `stock_levels_reserved_check` on `stock`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v3/inventory.mig:14:42
DROP TRIGGER IF EXISTS `migc_sync_stock_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_stock_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_stock_insert`;
DROP TRIGGER IF EXISTS `migc_copy_stock_update`;
DROP TRIGGER IF EXISTS `migc_copy_stock_delete`;
DROP TABLE IF EXISTS `stock__migc`, `stock__migc_old`, `stock__migc_progress`;
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
      DECLARE last_1 int;
      DECLARE upto_1 int;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_reserved_check') OR NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_reserved_check')) THEN
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
            DROP TABLE IF EXISTS `stock__migc_progress`;
            CREATE TABLE `stock__migc` LIKE `stock`;
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock__migc` DROP CONSTRAINT `stock_levels_reserved_check`, ADD CONSTRAINT `stock_reserved_check` CHECK (`reserved` >= 0), ADD CONSTRAINT `stock_product_id_fkey__migc` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `stock_warehouse_id_fkey__migc` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=COPY;
            SET SESSION foreign_key_checks = 1;
          END IF;
          CREATE TABLE IF NOT EXISTS `stock__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL, claimed_1 int NULL) ENGINE=InnoDB;
          INSERT IGNORE INTO `stock__migc_progress` (id) VALUES (1);
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_insert` AFTER INSERT ON `stock` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_update` AFTER UPDATE ON `stock` FOR EACH ROW IF NEW.`product_id` <=> OLD.`product_id` AND NEW.`warehouse_id` <=> OLD.`warehouse_id` THEN IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF; ELSEIF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `stock__migc` SET `product_id` = NEW.`product_id`, `warehouse_id` = NEW.`warehouse_id`, `quantity` = NEW.`quantity`, `reserved` = NEW.`reserved` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; IF ROW_COUNT() = 0 THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF; ELSE DELETE FROM `stock__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_delete`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_delete` AFTER DELETE ON `stock` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `stock__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
          copy: LOOP
            SET batch_began = SYSDATE(6);
            SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
            SELECT b.`product_id`, b.`warehouse_id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
              FROM (SELECT `product_id`, `warehouse_id` FROM `stock` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) ORDER BY `product_id`, `warehouse_id` LIMIT batch_size) AS b
              ORDER BY b.`product_id` DESC, b.`warehouse_id` DESC LIMIT 1;
            IF batch_rows < batch_size THEN
              SET upto_0 = NULL, upto_1 = NULL;
            END IF;
            START TRANSACTION;
            IF upto_0 IS NULL THEN
              UPDATE `stock__migc_progress` SET whole = 1;
            ELSE
              UPDATE `stock__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
            END IF;
            COMMIT;
            START TRANSACTION;
            SELECT COUNT(*) INTO locked_rows FROM `stock`
              WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1)) FOR UPDATE;
            INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`)
              SELECT `product_id`, `warehouse_id`, `quantity`, `reserved` FROM `stock` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1))
              ON DUPLICATE KEY UPDATE `product_id` = `stock__migc`.`product_id`;
            COMMIT;
            IF upto_0 IS NULL THEN
              LEAVE copy;
            END IF;
            SET last_0 = upto_0, last_1 = upto_1, started = 1, attempt = 0;
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
          RENAME TABLE `stock` TO `stock__migc_old`, `stock__migc` TO `stock`;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE `stock__migc_old`;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `stock__migc_progress`;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock` ADD CONSTRAINT `stock_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
            SET SESSION foreign_key_checks = 1;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey__migc') THEN
            IF algo = 0 THEN
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey__migc`, ALGORITHM=INSTANT;
            ELSE
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
            END IF;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_product_id_fkey__migc') THEN
            ALTER TABLE `stock` DROP INDEX `stock_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_warehouse_id_fkey') THEN
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock` ADD CONSTRAINT `stock_warehouse_id_fkey` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
            SET SESSION foreign_key_checks = 1;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_warehouse_id_fkey__migc') THEN
            IF algo = 0 THEN
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_warehouse_id_fkey__migc`, ALGORITHM=INSTANT;
            ELSE
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
            END IF;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_warehouse_id_fkey__migc') THEN
            ALTER TABLE `stock` DROP INDEX `stock_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
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
DROP TRIGGER IF EXISTS `migc_sync_stock_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_stock_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_stock_insert`;
DROP TRIGGER IF EXISTS `migc_copy_stock_update`;
DROP TRIGGER IF EXISTS `migc_copy_stock_delete`;
DROP TABLE IF EXISTS `stock__migc`, `stock__migc_old`, `stock__migc_progress`;

-- [88] undo: rename constraint `stock_quantity_check` to `stock_levels_quantity_check` on `stock`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v3/inventory.mig:13:42
DROP TRIGGER IF EXISTS `migc_sync_stock_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_stock_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_stock_insert`;
DROP TRIGGER IF EXISTS `migc_copy_stock_update`;
DROP TRIGGER IF EXISTS `migc_copy_stock_delete`;
DROP TABLE IF EXISTS `stock__migc`, `stock__migc_old`, `stock__migc_progress`;
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
      DECLARE last_1 int;
      DECLARE upto_1 int;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_quantity_check') OR NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_levels_quantity_check')) THEN
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
            DROP TABLE IF EXISTS `stock__migc_progress`;
            CREATE TABLE `stock__migc` LIKE `stock`;
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock__migc` DROP CONSTRAINT `stock_levels_quantity_check`, ADD CONSTRAINT `stock_quantity_check` CHECK (`quantity` >= 0), ADD CONSTRAINT `stock_product_id_fkey__migc` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `stock_warehouse_id_fkey__migc` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=COPY;
            SET SESSION foreign_key_checks = 1;
          END IF;
          CREATE TABLE IF NOT EXISTS `stock__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL, claimed_1 int NULL) ENGINE=InnoDB;
          INSERT IGNORE INTO `stock__migc_progress` (id) VALUES (1);
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_insert` AFTER INSERT ON `stock` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_update` AFTER UPDATE ON `stock` FOR EACH ROW IF NEW.`product_id` <=> OLD.`product_id` AND NEW.`warehouse_id` <=> OLD.`warehouse_id` THEN IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF; ELSEIF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `stock__migc` SET `product_id` = NEW.`product_id`, `warehouse_id` = NEW.`warehouse_id`, `quantity` = NEW.`quantity`, `reserved` = NEW.`reserved` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; IF ROW_COUNT() = 0 THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF; ELSE DELETE FROM `stock__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved` = VALUES(`reserved`); END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_delete`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_delete` AFTER DELETE ON `stock` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `stock__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
          copy: LOOP
            SET batch_began = SYSDATE(6);
            SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
            SELECT b.`product_id`, b.`warehouse_id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
              FROM (SELECT `product_id`, `warehouse_id` FROM `stock` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) ORDER BY `product_id`, `warehouse_id` LIMIT batch_size) AS b
              ORDER BY b.`product_id` DESC, b.`warehouse_id` DESC LIMIT 1;
            IF batch_rows < batch_size THEN
              SET upto_0 = NULL, upto_1 = NULL;
            END IF;
            START TRANSACTION;
            IF upto_0 IS NULL THEN
              UPDATE `stock__migc_progress` SET whole = 1;
            ELSE
              UPDATE `stock__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
            END IF;
            COMMIT;
            START TRANSACTION;
            SELECT COUNT(*) INTO locked_rows FROM `stock`
              WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1)) FOR UPDATE;
            INSERT INTO `stock__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved`)
              SELECT `product_id`, `warehouse_id`, `quantity`, `reserved` FROM `stock` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1))
              ON DUPLICATE KEY UPDATE `product_id` = `stock__migc`.`product_id`;
            COMMIT;
            IF upto_0 IS NULL THEN
              LEAVE copy;
            END IF;
            SET last_0 = upto_0, last_1 = upto_1, started = 1, attempt = 0;
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
          RENAME TABLE `stock` TO `stock__migc_old`, `stock__migc` TO `stock`;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE `stock__migc_old`;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `stock__migc_progress`;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock` ADD CONSTRAINT `stock_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
            SET SESSION foreign_key_checks = 1;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey__migc') THEN
            IF algo = 0 THEN
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey__migc`, ALGORITHM=INSTANT;
            ELSE
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
            END IF;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_product_id_fkey__migc') THEN
            ALTER TABLE `stock` DROP INDEX `stock_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_warehouse_id_fkey') THEN
            SET SESSION foreign_key_checks = 0;
            ALTER TABLE `stock` ADD CONSTRAINT `stock_warehouse_id_fkey` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
            SET SESSION foreign_key_checks = 1;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_warehouse_id_fkey__migc') THEN
            IF algo = 0 THEN
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_warehouse_id_fkey__migc`, ALGORITHM=INSTANT;
            ELSE
              ALTER TABLE `stock` DROP FOREIGN KEY `stock_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
            END IF;
          END IF;
          IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_warehouse_id_fkey__migc') THEN
            ALTER TABLE `stock` DROP INDEX `stock_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
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
DROP TRIGGER IF EXISTS `migc_sync_stock_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_stock_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_stock_insert`;
DROP TRIGGER IF EXISTS `migc_copy_stock_update`;
DROP TRIGGER IF EXISTS `migc_copy_stock_delete`;
DROP TABLE IF EXISTS `stock__migc`, `stock__migc_old`, `stock__migc_progress`;

-- [87] undo: rename constraint `stock_pkey` to `stock_levels_pkey` on `stock`
--     lock: none; rewrite: no; scan: no; from v3/inventory.mig:15:3
-- stock_pkey becomes stock_levels_pkey: MySQL names every primary key PRIMARY

-- [86] undo: rename index `orders_pending__migc` to `orders_pending`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/orders.mig:23:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_pending') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_pending__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` RENAME INDEX `orders_pending` TO `orders_pending__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` RENAME INDEX `orders_pending` TO `orders_pending__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [85] undo: show table `orders` to the new application as it now is (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`orders`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME IN ('created_at', 'customer_note', 'id', 'placed_at', 'shipping_address_id', 'status', 'total', 'updated_at', 'user_id')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`orders` (`id`, `user_id`, `shipping_address_id`, `status`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at`) AS SELECT `id`, `user_id`, `shipping_address_id`, `status`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`orders`');
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

-- [84] undo: drop index `orders_pending` on `orders`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_pending') THEN
        ALTER TABLE `orders` ADD INDEX `orders_pending` (`placed_at`), ALGORITHM=INPLACE, LOCK=NONE;
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
DROP TRIGGER IF EXISTS `migc_sync_orders_insert`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_orders_insert` BEFORE INSERT ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`status__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`notes` = NEW.`customer_note`;
      SET NEW.`status` = CAST(CAST(NEW.`status__migc_new` AS CHAR) AS CHAR);
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
      -- written by the old application
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      SET NEW.`customer_note` = NEW.`notes`;
    ELSEIF NEW.`customer_note` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      SET NEW.`customer_note` = NEW.`notes`;
    ELSE
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      SET NEW.`notes` = NEW.`customer_note`;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_orders_update` BEFORE UPDATE ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- updated by the new application
      IF NEW.`status__migc_new` IS NULL AND OLD.`status__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`customer_note` <=> OLD.`customer_note`) THEN
        SET NEW.`notes` = NEW.`customer_note`;
      END IF;
      IF NOT (NEW.`status__migc_new` <=> OLD.`status__migc_new`) THEN
        SET NEW.`status` = CAST(CAST(NEW.`status__migc_new` AS CHAR) AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF NOT (NEW.`notes` <=> OLD.`notes`) OR NEW.`customer_note` IS NULL THEN
        SET NEW.`customer_note` = NEW.`notes`;
      END IF;
    ELSE
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'refunded' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF (NOT (NEW.`notes` <=> OLD.`notes`) OR NEW.`customer_note` IS NULL) AND NOT (NOT (NEW.`customer_note` <=> OLD.`customer_note`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`customer_note` = NEW.`notes`;
      ELSEIF (NOT (NEW.`customer_note` <=> OLD.`customer_note`)) AND NOT (NOT (NEW.`notes` <=> OLD.`notes`)) THEN
        -- the new application's
        SET NEW.`notes` = NEW.`customer_note`;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [83] undo: drop column `addresses.house_number`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:36:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'house_number') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` ADD COLUMN `house_number` varchar(16) NULL AFTER `line2`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` ADD COLUMN `house_number` varchar(16) NULL AFTER `line2`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'house_number') THEN
        UPDATE `addresses` SET `house_number` = '' WHERE `house_number` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'house_number') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` MODIFY COLUMN `house_number` varchar(16) NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` MODIFY COLUMN `house_number` varchar(16) NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [82] undo: drop column `addresses.street`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:35:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'street') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` ADD COLUMN `street` text NULL AFTER `line2`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` ADD COLUMN `street` text NULL AFTER `line2`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'street') THEN
        UPDATE `addresses` SET `street` = `line1` WHERE `street` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'street') THEN
        IF algo = 0 THEN
          ALTER TABLE `addresses` MODIFY COLUMN `street` text NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `addresses` MODIFY COLUMN `street` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [81] undo: remove the dual-write trigger on `addresses`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/users.mig:28:7
DROP TRIGGER IF EXISTS `migc_sync_addresses_insert`;
DROP TRIGGER IF EXISTS `migc_sync_addresses_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_addresses_insert` BEFORE INSERT ON `addresses` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`line1` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''line1'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`street` = NEW.`line1`;
      SET NEW.`house_number` = '';
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
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
    IF COALESCE(@migc_app, '') = 'migc_ead8aada0f99' THEN
      -- updated by the new application
      IF NEW.`line1` IS NULL AND OLD.`line1` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''line1'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`line1` <=> OLD.`line1`) THEN
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '';
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_073fbcdad024' THEN
      -- updated by the old application
      IF NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL THEN
        SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
      END IF;
    ELSE
      IF (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`) OR NEW.`line1` IS NULL) AND NOT (NOT (NEW.`line1` <=> OLD.`line1`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`line1` = concat(NEW.`street`, ' ', NEW.`house_number`);
      ELSEIF (NOT (NEW.`line1` <=> OLD.`line1`)) AND NOT (NOT (NEW.`street` <=> OLD.`street`) OR NOT (NEW.`house_number` <=> OLD.`house_number`)) THEN
        -- the new application's
        SET NEW.`street` = NEW.`line1`;
        SET NEW.`house_number` = '';
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [80] undo: let `addresses.house_number` accept null before the dual-write trigger goes
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: no; from the deployed schema
-- addresses.house_number stays nullable: NOT NULL on addresses (STORED generated columns) copies it

-- [79] undo: let `addresses.street` accept null before the dual-write trigger goes
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: no; from the deployed schema
-- addresses.street stays nullable: NOT NULL on addresses (STORED generated columns) copies it

-- [78] undo: keep showing table `stock_levels` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`stock_levels`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND COLUMN_NAME IN ('product_id', 'quantity', 'reserved', 'warehouse_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`stock_levels` (`product_id`, `warehouse_id`, `quantity`, `reserved`) AS SELECT `product_id`, `warehouse_id`, `quantity`, `reserved` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`stock`');
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

-- [77] undo: keep showing table `orders` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_ead8aada0f99`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`orders`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME IN ('created_at', 'customer_note', 'id', 'placed_at', 'shipping_address_id', 'status__migc_new', 'total', 'updated_at', 'user_id')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`orders` (`id`, `user_id`, `shipping_address_id`, `status`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at`) AS SELECT `id`, `user_id`, `shipping_address_id`, `status__migc_new`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`orders`');
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

-- [76] undo: stop showing view `product_stock` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`product_stock`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'product_stock' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'product_stock') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`product_stock` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`product_stock`');
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

-- [75] undo: stop showing view `order_totals` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`order_totals`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_totals' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_totals') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`order_totals` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`order_totals`');
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

-- [74] undo: stop showing view `customer_directory` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`customer_directory`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer_directory' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer_directory') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`customer_directory` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`customer_directory`');
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

-- [73] undo: stop showing view `active_products` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`active_products`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'active_products' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'active_products') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`active_products` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`active_products`');
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

-- [72] undo: stop showing table `warehouses` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`warehouses`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'warehouses' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'warehouses' AND COLUMN_NAME IN ('code', 'country', 'id', 'name')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`warehouses` (`id`, `code`, `name`, `country`) AS SELECT `id`, `code`, `name`, `country` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`warehouses`');
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

-- [71] undo: stop showing table `users` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`users`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME IN ('created_at', 'email', 'first_name', 'id', 'is_admin', 'last_name', 'marketing_opt_in', 'password_hash', 'phone', 'updated_at')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`users` (`id`, `email`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at`) AS SELECT `id`, `email`, `first_name`, `last_name`, `phone`, `password_hash`, `is_admin`, `marketing_opt_in`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`users`');
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

-- [70] undo: stop showing table `stock` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`stock`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND COLUMN_NAME IN ('product_id', 'quantity', 'reserved', 'warehouse_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`stock` (`product_id`, `warehouse_id`, `quantity`, `reserved`) AS SELECT `product_id`, `warehouse_id`, `quantity`, `reserved` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`stock`');
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

-- [69] undo: stop showing table `products` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`products`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'products' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'products' AND COLUMN_NAME IN ('attributes', 'category_id', 'created_at', 'description', 'id', 'is_active', 'name', 'price', 'sku', 'updated_at')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`products` (`id`, `category_id`, `sku`, `name`, `description`, `price`, `is_active`, `attributes`, `created_at`, `updated_at`) AS SELECT `id`, `category_id`, `sku`, `name`, `description`, `price`, `is_active`, `attributes`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`products`');
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

-- [68] undo: stop showing table `payments` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`payments`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND COLUMN_NAME IN ('amount_cents', 'created_at', 'currency', 'id', 'method', 'order_id', 'paid_at', 'provider_ref', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`payments` (`id`, `order_id`, `method`, `amount_cents`, `currency`, `provider_ref`, `paid_at`, `created_at`, `updated_at`) AS SELECT `id`, `order_id`, `method`, `amount_cents`, `currency`, `provider_ref`, `paid_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`payments`');
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

-- [67] undo: stop showing table `orders` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`orders`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME IN ('created_at', 'id', 'notes', 'placed_at', 'shipping_address_id', 'status', 'total', 'updated_at', 'user_id')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`orders` (`id`, `user_id`, `shipping_address_id`, `status`, `total`, `notes`, `placed_at`, `created_at`, `updated_at`) AS SELECT `id`, `user_id`, `shipping_address_id`, `status`, `total`, `notes`, `placed_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`orders`');
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

-- [66] undo: stop showing table `order_items` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`order_items`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND COLUMN_NAME IN ('line', 'order_id', 'product_id', 'quantity', 'unit_price')) = 5 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`order_items` (`order_id`, `line`, `product_id`, `quantity`, `unit_price`) AS SELECT `order_id`, `line`, `product_id`, `quantity`, `unit_price` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`order_items`');
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

-- [65] undo: stop showing table `countries` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`countries`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'countries' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'countries' AND COLUMN_NAME IN ('code', 'name', 'ships_to')) = 3 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`countries` (`code`, `name`, `ships_to`) AS SELECT `code`, `name`, `ships_to` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`countries`');
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

-- [64] undo: stop showing table `categories` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`categories`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'categories' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'categories' AND COLUMN_NAME IN ('id', 'name', 'parent_id', 'position', 'slug')) = 5 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`categories` (`id`, `parent_id`, `name`, `slug`, `position`) AS SELECT `id`, `parent_id`, `name`, `slug`, `position` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`categories`');
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

-- [63] undo: stop showing table `addresses` to the old application (the version's database for `migc_073fbcdad024`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`addresses`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME IN ('city', 'country', 'created_at', 'house_number', 'id', 'is_default', 'postal_code', 'recipient', 'street', 'updated_at', 'user_id')) = 11 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`addresses` (`id`, `user_id`, `recipient`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at`) AS SELECT `id`, `user_id`, `recipient`, `street`, `house_number`, `city`, `postal_code`, `country`, `is_default`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`addresses`');
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
