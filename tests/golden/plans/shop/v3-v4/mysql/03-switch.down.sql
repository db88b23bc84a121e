-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [78] undo: set `users.role` not null
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
        ALTER TABLE `users` MODIFY COLUMN `role` enum('customer','support','admin') NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [77] undo: validate that `users.role` holds no null
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- nothing to undo for users_role_not_null

-- [76] undo: check `users.role` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/users.mig:15:3
-- users.role: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [75] undo: validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:16:3
-- nothing to undo for stock_reserved_le_quantity__migc

-- [74] undo: validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:47
-- nothing to undo for stock_levels_reserved_quantity_check

-- [73] undo: set `stock_levels.reserved_quantity` not null
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
        ALTER TABLE `stock_levels` MODIFY COLUMN `reserved_quantity` int NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [72] undo: validate that `stock_levels.reserved_quantity` holds no null
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- nothing to undo for stock_levels_reserved_quantity_not_null

-- [71] undo: check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/inventory.mig:14:3
-- stock_levels.reserved_quantity: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [70] undo: validate check `orders_total_cents_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:45
-- nothing to undo for orders_total_cents_check

-- [69] undo: set `orders.total_cents` not null
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
        ALTER TABLE `orders` MODIFY COLUMN `total_cents` bigint NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [68] undo: validate that `orders.total_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- nothing to undo for orders_total_cents_not_null

-- [67] undo: check `orders.total_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v4/orders.mig:16:3
-- orders.total_cents: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [66] undo: swap the copy `stock_levels__migc` in for `stock_levels`; the old table follows it until contract
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        RENAME TABLE `stock_levels` TO `stock_levels__migc_swap`, `stock_levels__migc_back` TO `stock_levels`, `stock_levels__migc` TO `stock_levels__migc_back`, `stock_levels__migc_swap` TO `stock_levels__migc`;
      END IF;
      DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_insert`;
      DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_update`;
      DROP TRIGGER IF EXISTS `migc_copy_stock_levels_back_delete`;
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc')) THEN
        DROP TABLE IF EXISTS `stock_levels__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [65] undo: swap the copy `orders__migc` in for `orders`; the old table follows it until contract
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_order_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `order_items` ADD CONSTRAINT `order_items_order_id_fkey__migc` FOREIGN KEY (`order_id`) REFERENCES `orders__migc_back` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
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
          ALTER TABLE `payments` ADD CONSTRAINT `payments_order_id_fkey__migc` FOREIGN KEY (`order_id`) REFERENCES `orders__migc_back` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey' AND REFERENCED_TABLE_NAME = 'orders') THEN
          IF algo = 0 THEN
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `payments` DROP FOREIGN KEY `payments_order_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        RENAME TABLE `orders` TO `orders__migc_swap`, `orders__migc_back` TO `orders`, `orders__migc` TO `orders__migc_back`, `orders__migc_swap` TO `orders__migc`;
      END IF;
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
      DROP TRIGGER IF EXISTS `migc_copy_orders_back_insert`;
      DROP TRIGGER IF EXISTS `migc_copy_orders_back_update`;
      DROP TRIGGER IF EXISTS `migc_copy_orders_back_delete`;
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check')) THEN
        DROP TABLE IF EXISTS `orders__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
