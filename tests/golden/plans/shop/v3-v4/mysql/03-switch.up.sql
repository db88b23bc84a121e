-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [29] check `orders.total_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/orders.mig:16:3
-- orders.total_cents: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [30] validate that `orders.total_cents` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/orders.mig:16:3
-- orders_total_cents_not_null: nothing to validate, SET NOT NULL checks the rows

-- [31] set `orders.total_cents` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v4/orders.mig:16:3
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
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'total_cents') THEN
        ALTER TABLE orders MODIFY COLUMN total_cents bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [32] validate check `orders_total_cents_check` on existing rows
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/orders.mig:16:45
-- orders_total_cents_check: nothing to validate, SET NOT NULL checks the rows

-- [33] check `stock_levels.reserved_quantity` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/inventory.mig:14:3
-- stock_levels.reserved_quantity: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [34] validate that `stock_levels.reserved_quantity` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/inventory.mig:14:3
-- stock_levels_reserved_quantity_not_null: nothing to validate, SET NOT NULL checks the rows

-- [35] set `stock_levels.reserved_quantity` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v4/inventory.mig:14:3
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
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND COLUMN_NAME = 'reserved_quantity') THEN
        ALTER TABLE stock_levels MODIFY COLUMN reserved_quantity int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [36] validate check `stock_levels_reserved_quantity_check` on existing rows
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/inventory.mig:14:47
-- stock_levels_reserved_quantity_check: nothing to validate, SET NOT NULL checks the rows

-- [37] validate check `stock_reserved_le_quantity__migc` on existing rows
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/inventory.mig:16:3
-- stock_reserved_le_quantity__migc: nothing to validate, SET NOT NULL checks the rows

-- [38] check `users.role` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/users.mig:15:3
-- users.role: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [39] validate that `users.role` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v4/users.mig:15:3
-- users_role_not_null: nothing to validate, SET NOT NULL checks the rows

-- [40] set `users.role` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v4/users.mig:15:3
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
        IF attempt >= 10 THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'role') THEN
        ALTER TABLE users MODIFY COLUMN role enum('customer', 'support', 'admin') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
