-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [65] swap the copy `orders__migc` in for `orders`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v4/orders.mig:16:45
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check')) THEN
        IF NOT EXISTS (SELECT 1 FROM `orders__migc_progress` WHERE whole = 1) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: the copy of orders is not filled yet: run the backfill phase first';
        END IF;
        CREATE TABLE IF NOT EXISTS `orders__migc_back` LIKE `orders`;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `order_items` ADD CONSTRAINT `order_items_order_id_fkey__migc` FOREIGN KEY (`order_id`) REFERENCES `orders__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') THEN
          IF algo = 0 THEN
            ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_order_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_order_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `payments` ADD CONSTRAINT `payments_order_id_fkey__migc` FOREIGN KEY (`order_id`) REFERENCES `orders__migc` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') THEN
          IF algo = 0 THEN
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_orders_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_orders_insert__migc` BEFORE INSERT ON `orders__migc` FOR EACH ROW
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
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_orders_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_orders_update__migc` BEFORE UPDATE ON `orders__migc` FOR EACH ROW
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
        END IF;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_orders_back_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_orders_back_insert` AFTER INSERT ON `orders__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; INSERT INTO `orders__migc_back` (`id`, `user_id`, `shipping_address_id`, `status`, `total_cents`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`shipping_address_id`, NEW.`status`, NEW.`total_cents`, NEW.`total`, NEW.`customer_note`, NEW.`placed_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `shipping_address_id` = VALUES(`shipping_address_id`), `status` = VALUES(`status`), `total_cents` = VALUES(`total_cents`), `total` = VALUES(`total`), `customer_note` = VALUES(`customer_note`), `placed_at` = VALUES(`placed_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_orders_back_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_orders_back_update` AFTER UPDATE ON `orders__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF NOT (NEW.`id` <=> OLD.`id`) THEN DELETE FROM `orders__migc_back` WHERE `id` = OLD.`id`; END IF; INSERT INTO `orders__migc_back` (`id`, `user_id`, `shipping_address_id`, `status`, `total_cents`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at`) VALUES (NEW.`id`, NEW.`user_id`, NEW.`shipping_address_id`, NEW.`status`, NEW.`total_cents`, NEW.`total`, NEW.`customer_note`, NEW.`placed_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `user_id` = VALUES(`user_id`), `shipping_address_id` = VALUES(`shipping_address_id`), `status` = VALUES(`status`), `total_cents` = VALUES(`total_cents`), `total` = VALUES(`total`), `customer_note` = VALUES(`customer_note`), `placed_at` = VALUES(`placed_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_orders_back_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_orders_back_delete` AFTER DELETE ON `orders__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; DELETE FROM `orders__migc_back` WHERE `id` = OLD.`id`; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        RENAME TABLE `orders` TO `orders__migc_swap`, `orders__migc` TO `orders`, `orders__migc_back` TO `orders__migc`, `orders__migc_swap` TO `orders__migc_back`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check') THEN
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [66] swap the copy `stock_levels__migc` in for `stock_levels`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v4/inventory.mig:16:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc')) THEN
        IF NOT EXISTS (SELECT 1 FROM `stock_levels__migc_progress` WHERE whole = 1) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: the copy of stock_levels is not filled yet: run the backfill phase first';
        END IF;
        CREATE TABLE IF NOT EXISTS `stock_levels__migc_back` LIKE `stock_levels`;
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
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_back_insert` AFTER INSERT ON `stock_levels__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; INSERT INTO `stock_levels__migc_back` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_back_update` AFTER UPDATE ON `stock_levels__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF NOT (NEW.`product_id` <=> OLD.`product_id` AND NEW.`warehouse_id` <=> OLD.`warehouse_id`) THEN DELETE FROM `stock_levels__migc_back` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; END IF; INSERT INTO `stock_levels__migc_back` (`product_id`, `warehouse_id`, `quantity`, `reserved_quantity`, `reserved`) VALUES (NEW.`product_id`, NEW.`warehouse_id`, NEW.`quantity`, NEW.`reserved_quantity`, NEW.`reserved`) ON DUPLICATE KEY UPDATE `product_id` = VALUES(`product_id`), `warehouse_id` = VALUES(`warehouse_id`), `quantity` = VALUES(`quantity`), `reserved_quantity` = VALUES(`reserved_quantity`), `reserved` = VALUES(`reserved`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_stock_levels_back_delete` AFTER DELETE ON `stock_levels__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; DELETE FROM `stock_levels__migc_back` WHERE `product_id` = OLD.`product_id` AND `warehouse_id` = OLD.`warehouse_id`; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        RENAME TABLE `stock_levels` TO `stock_levels__migc_swap`, `stock_levels__migc` TO `stock_levels`, `stock_levels__migc_back` TO `stock_levels__migc`, `stock_levels__migc_swap` TO `stock_levels__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [67] check `orders.total_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- orders.total_cents: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [68] validate that `orders.total_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- orders_total_cents_not_null: nothing to validate, SET NOT NULL checks the rows

-- [69] set `orders.total_cents` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v4/orders.mig:16:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'total_cents') THEN
        ALTER TABLE `orders` MODIFY COLUMN `total_cents` bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [70] validate check `orders_total_cents_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:45
-- orders_total_cents_check: nothing to validate, SET NOT NULL checks the rows

-- [71] check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- stock_levels.reserved_quantity: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [72] validate that `stock_levels.reserved_quantity` holds no null
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- stock_levels_reserved_quantity_not_null: nothing to validate, SET NOT NULL checks the rows

-- [73] set `stock_levels.reserved_quantity` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v4/inventory.mig:14:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND COLUMN_NAME = 'reserved_quantity') THEN
        ALTER TABLE `stock_levels` MODIFY COLUMN `reserved_quantity` int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [74] validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:47
-- stock_levels_reserved_quantity_check: nothing to validate, SET NOT NULL checks the rows

-- [75] validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:16:3
-- stock_reserved_le_quantity__migc: nothing to validate, SET NOT NULL checks the rows

-- [76] check `users.role` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- users.role: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [77] validate that `users.role` holds no null
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- users_role_not_null: nothing to validate, SET NOT NULL checks the rows

-- [78] set `users.role` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v4/users.mig:15:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'role') THEN
        ALTER TABLE `users` MODIFY COLUMN `role` enum('customer','support','admin') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
