-- migc 0.1.0: contract phase (up) for mysql
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: mariadb DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [79] drop the table `orders` was copied from
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/orders.mig:16:45
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TRIGGER IF EXISTS `migc_copy_orders_back_insert`;
        DROP TRIGGER IF EXISTS `migc_copy_orders_back_update`;
        DROP TRIGGER IF EXISTS `migc_copy_orders_back_delete`;
        DROP TABLE IF EXISTS `orders__migc_back`, `orders__migc`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `orders__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `order_items` ADD CONSTRAINT `order_items_order_id_fkey` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_order_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_order_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND INDEX_NAME = 'order_items_order_id_fkey__migc') THEN
          ALTER TABLE `order_items` DROP INDEX `order_items_order_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `payments` ADD CONSTRAINT `payments_order_id_fkey` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND INDEX_NAME = 'payments_order_id_fkey__migc') THEN
          ALTER TABLE `payments` DROP INDEX `payments_order_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_orders_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_orders_insert` BEFORE INSERT ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`total_cents` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''total_cents'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`total` = NEW.`total_cents` / 100.0;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the old application
      SET NEW.`total_cents` = round(NEW.`total` * 100);
    ELSEIF NEW.`total_cents` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`total_cents` = round(NEW.`total` * 100);
    ELSE
      SET NEW.`total` = NEW.`total_cents` / 100.0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_orders_update` BEFORE UPDATE ON `orders` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- updated by the new application
      IF NEW.`total_cents` IS NULL AND OLD.`total_cents` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''total_cents'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`total_cents` <=> OLD.`total_cents`) THEN
        SET NEW.`total` = NEW.`total_cents` / 100.0;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the old application
      IF NOT (NEW.`total` <=> OLD.`total`) OR NEW.`total_cents` IS NULL THEN
        SET NEW.`total_cents` = round(NEW.`total` * 100);
      END IF;
    ELSE
      IF (NOT (NEW.`total` <=> OLD.`total`) OR NEW.`total_cents` IS NULL) AND NOT (NOT (NEW.`total_cents` <=> OLD.`total_cents`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`total_cents` = round(NEW.`total` * 100);
      ELSEIF (NOT (NEW.`total_cents` <=> OLD.`total_cents`)) AND NOT (NOT (NEW.`total` <=> OLD.`total`)) THEN
        -- the new application''s
        SET NEW.`total` = NEW.`total_cents` / 100.0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey__migc_copy') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey__migc_copy`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_user_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_user_id_fkey__migc_copy') THEN
          ALTER TABLE `orders` DROP INDEX `orders_user_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `orders` ADD CONSTRAINT `orders_shipping_address_id_fkey` FOREIGN KEY (`shipping_address_id`) REFERENCES `addresses` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey__migc_copy') THEN
          IF algo = 0 THEN
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey__migc_copy`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `orders` DROP FOREIGN KEY `orders_shipping_address_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_shipping_address_id_fkey__migc_copy') THEN
          ALTER TABLE `orders` DROP INDEX `orders_shipping_address_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [80] drop the table `stock_levels` was copied from
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/inventory.mig:16:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_insert`;
        DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_update`;
        DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_delete`;
        DROP TABLE IF EXISTS `stock_levels__migc_back`, `stock_levels__migc`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `stock_levels__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_stock_levels_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_insert` BEFORE INSERT ON `stock_levels` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`reserved_quantity` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the old application
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSEIF NEW.`reserved_quantity` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSE
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_update` BEFORE UPDATE ON `stock_levels` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- updated by the new application
      IF NEW.`reserved_quantity` IS NULL AND OLD.`reserved_quantity` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`) THEN
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the old application
      IF NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL THEN
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      END IF;
    ELSE
      IF (NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL) AND NOT (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      ELSEIF (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) AND NOT (NOT (NEW.`reserved` <=> OLD.`reserved`)) THEN
        -- the new application''s
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey__migc_copy') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_product_id_fkey__migc_copy`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_product_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND INDEX_NAME = 'stock_levels_product_id_fkey__migc_copy') THEN
          ALTER TABLE `stock_levels` DROP INDEX `stock_levels_product_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_warehouse_id_fkey` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey__migc_copy') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey__migc_copy`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND INDEX_NAME = 'stock_levels_warehouse_id_fkey__migc_copy') THEN
          ALTER TABLE `stock_levels` DROP INDEX `stock_levels_warehouse_id_fkey__migc_copy`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [81] stop showing table `addresses` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`addresses`');
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

-- [82] stop showing table `categories` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`categories`');
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

-- [83] stop showing table `countries` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`countries`');
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

-- [84] stop showing table `order_items` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`order_items`');
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

-- [85] stop showing table `orders` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`orders`');
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

-- [86] stop showing table `payments` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`payments`');
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

-- [87] stop showing table `products` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`products`');
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

-- [88] stop showing table `refunds` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`refunds`');
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

-- [89] stop showing table `stock_levels` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`stock_levels`');
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

-- [90] stop showing table `users` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`users`');
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

-- [91] stop showing table `warehouses` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`warehouses`');
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

-- [92] stop showing view `active_products` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`active_products`');
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

-- [93] stop showing view `customer_directory` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`customer_directory`');
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

-- [94] stop showing view `order_totals` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`order_totals`');
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

-- [95] stop showing view `product_stock` to the old application (the version's database for `migc_ead8aada0f99`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_ead8aada0f99');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`product_stock`');
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

-- [96] drop check `orders_total_check` on `orders`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP TRIGGER IF EXISTS `migc_sync_orders_insert`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update`;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_check') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` DROP CONSTRAINT `orders_total_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` DROP CONSTRAINT `orders_total_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [97] let `orders.total` accept null before the dual-write trigger goes
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'total') THEN
        ALTER TABLE `orders` MODIFY COLUMN `total` decimal(12,2) NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [98] remove the dual-write trigger on `orders`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/orders.mig:10:7
DROP TRIGGER IF EXISTS `migc_sync_orders_insert`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update`;

-- [99] set the default of `stock_levels.reserved_quantity`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/inventory.mig:14:3
DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert`;
DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update`;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND COLUMN_NAME = 'reserved_quantity') THEN
        IF algo = 0 THEN
          ALTER TABLE `stock_levels` ALTER COLUMN `reserved_quantity` SET DEFAULT 0, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `stock_levels` ALTER COLUMN `reserved_quantity` SET DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [100] drop check `stock_levels_reserved_check` on `stock_levels`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_reserved_check') THEN
        IF algo = 0 THEN
          ALTER TABLE `stock_levels` DROP CONSTRAINT `stock_levels_reserved_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `stock_levels` DROP CONSTRAINT `stock_levels_reserved_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [101] drop check `stock_reserved_le_quantity` on `stock_levels`
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `stock_levels` DROP CONSTRAINT `stock_reserved_le_quantity`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `stock_levels` DROP CONSTRAINT `stock_reserved_le_quantity`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [102] rename constraint `stock_reserved_le_quantity__migc` to `stock_reserved_le_quantity` on `stock_levels`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v4/inventory.mig:16:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity') OR NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `stock_levels__migc_progress`;
          CREATE TABLE `stock_levels__migc` LIKE `stock_levels`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock_levels__migc` DROP CONSTRAINT `stock_reserved_le_quantity__migc`, ADD CONSTRAINT `stock_reserved_le_quantity` CHECK (`reserved_quantity` <= `quantity`), ADD CONSTRAINT `stock_levels_product_id_fkey__migc` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `stock_levels_warehouse_id_fkey__migc` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `stock_levels__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 bigint NULL, claimed_1 int NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `stock_levels__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_insert` AFTER INSERT ON `stock_levels` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock_levels__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_update` AFTER UPDATE ON `stock_levels` FOR EACH ROW IF NEW.`product_id` <=> OLD.`product_id` AND NEW.`warehouse_id` <=> OLD.`warehouse_id` THEN IF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock_levels__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); END IF; ELSEIF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `stock_levels__migc` SET `product_id` = NEW.`product_id`, `warehouse_id` = NEW.`warehouse_id`, `quantity` = NEW.`quantity`, `reserved_quantity` = NEW.`reserved_quantity`, `reserved` = NEW.`reserved` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; IF ROW_COUNT() = 0 THEN INSERT INTO `stock_levels__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); END IF; ELSE DELETE FROM `stock_levels__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`product_id`, NEW.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `stock_levels__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_delete` AFTER DELETE ON `stock_levels` FOR EACH ROW IF EXISTS (SELECT 1 FROM `stock_levels__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`product_id`, OLD.`warehouse_id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `stock_levels__migc` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
          SELECT b.`product_id`, b.`warehouse_id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
            FROM (SELECT `product_id`, `warehouse_id` FROM `stock_levels` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) ORDER BY `product_id`, `warehouse_id` LIMIT batch_size) AS b
            ORDER BY b.`product_id` DESC, b.`warehouse_id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL, upto_1 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `stock_levels__migc_progress` SET whole = 1;
          ELSE
            UPDATE `stock_levels__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `stock_levels`
            WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1)) FOR UPDATE;
          INSERT INTO `stock_levels__migc` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`)
            SELECT `product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved` FROM `stock_levels` WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`product_id`, `warehouse_id`) <= (upto_0, upto_1))
            ON DUPLICATE KEY UPDATE `product_id` = `stock_levels__migc`.`product_id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_stock_levels_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_insert__migc` BEFORE INSERT ON `stock_levels__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`reserved_quantity` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the old application
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSEIF NEW.`reserved_quantity` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSE
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_update__migc` BEFORE UPDATE ON `stock_levels__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- updated by the new application
      IF NEW.`reserved_quantity` IS NULL AND OLD.`reserved_quantity` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`) THEN
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the old application
      IF NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL THEN
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      END IF;
    ELSE
      IF (NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL) AND NOT (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      ELSEIF (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) AND NOT (NOT (NEW.`reserved` <=> OLD.`reserved`)) THEN
        -- the new application''s
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `stock_levels` TO `stock_levels__migc_old`, `stock_levels__migc` TO `stock_levels`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `stock_levels__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `stock_levels__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_stock_levels_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_insert` BEFORE INSERT ON `stock_levels` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`reserved_quantity` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- written by the old application
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSEIF NEW.`reserved_quantity` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`reserved_quantity` = NEW.`reserved`;
    ELSE
      SET NEW.`reserved` = NEW.`reserved_quantity`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_stock_levels_update` BEFORE UPDATE ON `stock_levels` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_5dc31f109be8'' THEN
      -- updated by the new application
      IF NEW.`reserved_quantity` IS NULL AND OLD.`reserved_quantity` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''reserved_quantity'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`) THEN
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_ead8aada0f99'' THEN
      -- updated by the old application
      IF NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL THEN
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      END IF;
    ELSE
      IF (NOT (NEW.`reserved` <=> OLD.`reserved`) OR NEW.`reserved_quantity` IS NULL) AND NOT (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`reserved_quantity` = NEW.`reserved`;
      ELSEIF (NOT (NEW.`reserved_quantity` <=> OLD.`reserved_quantity`)) AND NOT (NOT (NEW.`reserved` <=> OLD.`reserved`)) THEN
        -- the new application''s
        SET NEW.`reserved` = NEW.`reserved_quantity`;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_product_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_product_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND INDEX_NAME = 'stock_levels_product_id_fkey__migc') THEN
          ALTER TABLE `stock_levels` DROP INDEX `stock_levels_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `stock_levels` ADD CONSTRAINT `stock_levels_warehouse_id_fkey` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_levels_warehouse_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `stock_levels` DROP FOREIGN KEY `stock_levels_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND INDEX_NAME = 'stock_levels_warehouse_id_fkey__migc') THEN
          ALTER TABLE `stock_levels` DROP INDEX `stock_levels_warehouse_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [103] remove the dual-write trigger on `stock_levels`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/inventory.mig:9:7
DROP TRIGGER IF EXISTS `migc_sync_stock_levels_insert`;
DROP TRIGGER IF EXISTS `migc_sync_stock_levels_update`;

-- [104] set the default of `users.role`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/users.mig:15:3
DROP TRIGGER IF EXISTS `migc_sync_users_insert`;
DROP TRIGGER IF EXISTS `migc_sync_users_update`;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'role') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` ALTER COLUMN `role` SET DEFAULT 'customer', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` ALTER COLUMN `role` SET DEFAULT 'customer', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [105] remove the dual-write trigger on `users`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/users.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_users_insert`;
DROP TRIGGER IF EXISTS `migc_sync_users_update`;

-- [106] drop view `active_products` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS `active_products`;

-- [107] drop column `products.attributes`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v4/catalog.mig:23:15
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'products' AND COLUMN_NAME = 'attributes') THEN
        IF algo = 0 THEN
          ALTER TABLE `products` DROP COLUMN `attributes`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `products` DROP COLUMN `attributes`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [108] recreate view `active_products`
--     lock: shared metadata lock; rewrite: no; scan: no; from v4/catalog.mig:31:6
CREATE OR REPLACE VIEW `active_products` AS SELECT `p`.`id`, `p`.`sku`, `p`.`name`, `p`.`price`, `c`.`slug` AS `category_slug` FROM `products` p JOIN `categories` c ON `c`.`id` = `p`.`category_id` WHERE `p`.`is_active` AND `p`.`deleted_at` IS NULL;

-- [109] show view `active_products` to the new application as it now is (the version's database for `migc_5dc31f109be8`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_5dc31f109be8');
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

-- [110] drop view `customer_directory` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS `customer_directory`;

-- [111] drop column `users.is_admin`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'is_admin') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` DROP COLUMN `is_admin`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` DROP COLUMN `is_admin`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [112] recreate view `customer_directory`
--     lock: shared metadata lock; rewrite: no; scan: no; from v4/users.mig:44:6
CREATE OR REPLACE VIEW `customer_directory` AS SELECT `id`, `email`, `first_name`, `last_name`, `phone` FROM `users`;

-- [113] show view `customer_directory` to the new application as it now is (the version's database for `migc_5dc31f109be8`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_5dc31f109be8');
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

-- [114] drop view `order_totals` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS `order_totals`;

-- [115] drop column `orders.total`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'total') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` DROP COLUMN `total`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` DROP COLUMN `total`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [116] recreate view `order_totals`
--     lock: shared metadata lock; rewrite: no; scan: no; from v4/orders.mig:59:6
CREATE OR REPLACE VIEW `order_totals` AS SELECT `o`.`id` AS `order_id`, `o`.`user_id`, count(*) AS `lines`, sum(`i`.`quantity` * `i`.`unit_price`) AS `items_total` FROM `orders` o JOIN `order_items` i ON `i`.`order_id` = `o`.`id` GROUP BY `o`.`id`, `o`.`user_id`;

-- [117] show view `order_totals` to the new application as it now is (the version's database for `migc_5dc31f109be8`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_5dc31f109be8');
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

-- [118] drop view `product_stock` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
DROP VIEW IF EXISTS `product_stock`;

-- [119] drop column `stock_levels.reserved`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND COLUMN_NAME = 'reserved') THEN
        IF algo = 0 THEN
          ALTER TABLE `stock_levels` DROP COLUMN `reserved`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `stock_levels` DROP COLUMN `reserved`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [120] recreate view `product_stock`
--     lock: shared metadata lock; rewrite: no; scan: no; from v4/inventory.mig:19:6
CREATE OR REPLACE VIEW `product_stock` AS SELECT `product_id`, sum(`quantity` - `reserved_quantity`) AS `available` FROM `stock_levels` GROUP BY `product_id`;

-- [121] show view `product_stock` to the new application as it now is (the version's database for `migc_5dc31f109be8`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_5dc31f109be8');
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
