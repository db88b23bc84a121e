-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [33] undo: turn index `users_email_normalized_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/users.mig:18:3
-- users: the unique index users_email_normalized_key is the constraint in MySQL, nothing to attach

-- [32] undo: set `users.email_normalized` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v3/users.mig:9:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'email_normalized') THEN
        ALTER TABLE users MODIFY COLUMN email_normalized text NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [31] undo: validate that `users.email_normalized` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/users.mig:9:3
-- nothing to undo for users_email_normalized_not_null

-- [30] undo: check `users.email_normalized` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/users.mig:9:3
-- users.email_normalized: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [29] undo: set `orders.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v3/orders.mig:16:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE orders MODIFY COLUMN status__migc_new enum('pending', 'paid', 'shipped', 'delivered', 'cancelled') NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [28] undo: validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/orders.mig:16:3
-- nothing to undo for orders_status__migc_new_not_null

-- [27] undo: check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/orders.mig:16:3
-- orders.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [26] undo: set `addresses.line1` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from examples/shop/v3/users.mig:33:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'addresses' AND COLUMN_NAME = 'line1') THEN
        ALTER TABLE addresses MODIFY COLUMN line1 text NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [25] undo: validate that `addresses.line1` holds no null
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/users.mig:33:3
-- nothing to undo for addresses_line1_not_null

-- [24] undo: check `addresses.line1` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from examples/shop/v3/users.mig:33:3
-- addresses.line1: no check needed, SET NOT NULL checks the rows while it rebuilds in place
