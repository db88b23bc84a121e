-- migc 0.1.0: expand phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 01-expand.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [49] undo: make the copy `payments__migc` of `payments`, with the change, kept in step by triggers
--     lock: exclusive metadata lock (brief): an empty copy of `payments` and triggers made; rewrite: no; scan: no; from v2/orders.mig:39:54
DROP TRIGGER IF EXISTS `migc_sync_payments_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_payments_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_payments_insert`;
DROP TRIGGER IF EXISTS `migc_copy_payments_update`;
DROP TRIGGER IF EXISTS `migc_copy_payments_delete`;
DROP TRIGGER IF EXISTS `migc_copy_payments_back_insert`;
DROP TRIGGER IF EXISTS `migc_copy_payments_back_update`;
DROP TRIGGER IF EXISTS `migc_copy_payments_back_delete`;
DROP TABLE IF EXISTS `payments__migc`, `payments__migc_back`, `payments__migc_progress`;

-- [48] undo: show view `product_stock` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [47] undo: show view `order_totals` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [46] undo: show view `customer_directory` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [45] undo: show view `active_products` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [44] undo: show table `warehouses` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [43] undo: show table `users` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [42] undo: show table `stock` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_sql = CONCAT('DROP VIEW IF EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`stock`');
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

-- [41] undo: show table `products` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [40] undo: show table `payments` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [39] undo: show table `orders` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [38] undo: show table `order_items` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [37] undo: show table `countries` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [36] undo: show table `categories` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [35] undo: show table `addresses` to the new application in its shape (the version's database for `migc_073fbcdad024`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_073fbcdad024');
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

-- [34] undo: show view `product_stock` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `product_stock` stays: its connections may be using it

-- [33] undo: show view `order_totals` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `order_totals` stays: its connections may be using it

-- [32] undo: show view `active_products` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `active_products` stays: its connections may be using it

-- [31] undo: show table `warehouses` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `warehouses` stays: its connections may be using it

-- [30] undo: show table `users` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `users` stays: its connections may be using it

-- [29] undo: show table `stock` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `stock` stays: its connections may be using it

-- [28] undo: show table `products` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `products` stays: its connections may be using it

-- [27] undo: show table `payments` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `payments` stays: its connections may be using it

-- [26] undo: show table `orders` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `orders` stays: its connections may be using it

-- [25] undo: show table `order_items` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `order_items` stays: its connections may be using it

-- [24] undo: show table `legacy_sessions` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `legacy_sessions` stays: its connections may be using it

-- [23] undo: show table `countries` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `countries` stays: its connections may be using it

-- [22] undo: show table `categories` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `categories` stays: its connections may be using it

-- [21] undo: show table `addresses` to the old application in its shape (the version's database for `migc_08b7c3145ba3`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
-- the old application's view of `addresses` stays: its connections may be using it

-- [20] undo: create view `customer_directory`
--     lock: shared metadata lock; rewrite: no; scan: no; from v2/users.mig:47:6
DROP VIEW IF EXISTS `customer_directory`;

-- [19] undo: install the dual-write trigger on `users`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/users.mig:4:7
DROP TRIGGER IF EXISTS `migc_sync_users_insert`;
DROP TRIGGER IF EXISTS `migc_sync_users_update`;

-- [18] undo: add column `users.marketing_opt_in`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/users.mig:14:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'marketing_opt_in') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` DROP COLUMN `marketing_opt_in`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` DROP COLUMN `marketing_opt_in`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [17] undo: add column `users.last_name` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/users.mig:9:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'last_name') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` DROP COLUMN `last_name`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` DROP COLUMN `last_name`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [16] undo: add column `users.first_name` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/users.mig:8:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'first_name') THEN
        IF algo = 0 THEN
          ALTER TABLE `users` DROP COLUMN `first_name`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `users` DROP COLUMN `first_name`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [15] undo: add foreign key `stock_product_id_fkey` on `stock` for new rows
--     lock: none (added in place, rows not checked; `products` read); rewrite: no; scan: no; from v2/inventory.mig:11:43
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
        IF algo = 0 THEN
          ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `stock` DROP FOREIGN KEY `stock_product_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND INDEX_NAME = 'stock_product_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
        ALTER TABLE `stock` DROP INDEX `stock_product_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [14] undo: widen `products.price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/catalog.mig:20:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_product_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_product_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `order_items` ADD CONSTRAINT `order_items_product_id_fkey` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND CONSTRAINT_NAME = 'order_items_product_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_product_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_items' AND INDEX_NAME = 'order_items_product_id_fkey__migc') THEN
        ALTER TABLE `order_items` DROP INDEX `order_items_product_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock' AND CONSTRAINT_NAME = 'stock_product_id_fkey') THEN
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
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_products_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_products_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_products_insert`;
DROP TRIGGER IF EXISTS `migc_copy_products_update`;
DROP TRIGGER IF EXISTS `migc_copy_products_delete`;
DROP TABLE IF EXISTS `products__migc`, `products__migc_old`, `products__migc_progress`;
-- products.price stays decimal(12,2): narrowing it back copies the table

-- [13] undo: install the dual-write trigger on `payments`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/orders.mig:33:7
DROP TRIGGER IF EXISTS `migc_sync_payments_insert`;
DROP TRIGGER IF EXISTS `migc_sync_payments_update`;

-- [12] undo: add check `payments_currency_check` on `payments` for new rows
--     lock: none (added by the copy of the table made last in expand); rewrite: no; scan: no; from v2/orders.mig:39:54
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_currency_check') THEN
        IF algo = 0 THEN
          ALTER TABLE `payments` DROP CONSTRAINT `payments_currency_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `payments` DROP CONSTRAINT `payments_currency_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [11] undo: add check `payments_amount_cents_check` on `payments` for new rows
--     lock: none (added by the copy for check `payments_currency_check`); rewrite: no; scan: no; from v2/orders.mig:38:40
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_amount_cents_check') THEN
        IF algo = 0 THEN
          ALTER TABLE `payments` DROP CONSTRAINT `payments_amount_cents_check`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `payments` DROP CONSTRAINT `payments_amount_cents_check`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [10] undo: create unique index `payments_provider_ref_key` on `payments`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/orders.mig:41:36
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND INDEX_NAME = 'payments_provider_ref_key') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_order_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND INDEX_NAME <> 'payments_provider_ref_key' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'order_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `payments` ADD INDEX `payments_order_id_fkey` (`order_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `payments` DROP INDEX `payments_provider_ref_key`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [9] undo: add column `payments.currency`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/orders.mig:39:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND COLUMN_NAME = 'currency') THEN
        IF algo = 0 THEN
          ALTER TABLE `payments` DROP COLUMN `currency`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `payments` DROP COLUMN `currency`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [8] undo: add column `payments.amount_cents` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/orders.mig:38:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND COLUMN_NAME = 'amount_cents') THEN
        IF algo = 0 THEN
          ALTER TABLE `payments` DROP COLUMN `amount_cents`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `payments` DROP COLUMN `amount_cents`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [7] undo: install the dual-write trigger on `orders`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/orders.mig:9:7
DROP TRIGGER IF EXISTS `migc_sync_orders_insert`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update`;

-- [6] undo: create index `orders_pending__migc` on `orders`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/orders.mig:20:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME = 'orders_pending__migc') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_user_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME <> 'orders_pending__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'user_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `orders` ADD INDEX `orders_user_id_fkey` (`user_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_shipping_address_id_fkey') AND NOT EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME <> 'orders_pending__migc' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'shipping_address_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
          ALTER TABLE `orders` ADD INDEX `orders_shipping_address_id_fkey` (`shipping_address_id`), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        ALTER TABLE `orders` DROP INDEX `orders_pending__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [5] undo: add shadow column `orders.status__migc_new` of type `order_status__migc` for `status`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/orders.mig:13:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `orders` DROP COLUMN `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `orders` DROP COLUMN `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [4] undo: widen `order_items.unit_price` from `decimal(10, 2)` to `decimal(12, 2)`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/orders.mig:28:3
DROP TRIGGER IF EXISTS `migc_sync_order_items_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_order_items_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_order_items_insert`;
DROP TRIGGER IF EXISTS `migc_copy_order_items_update`;
DROP TRIGGER IF EXISTS `migc_copy_order_items_delete`;
DROP TABLE IF EXISTS `order_items__migc`, `order_items__migc_old`, `order_items__migc_progress`;
-- order_items.unit_price stays decimal(12,2): narrowing it back copies the table

-- [3] undo: create enum `order_status__migc`, the new shape of `order_status`
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:5:6
-- enum order_status__migc: MySQL enums are column types, nothing to do

-- [2] undo: add value `delivered` to enum `order_status`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/orders.mig:5:68
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
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_orders_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_orders_insert`;
DROP TRIGGER IF EXISTS `migc_copy_orders_update`;
DROP TRIGGER IF EXISTS `migc_copy_orders_delete`;
DROP TABLE IF EXISTS `orders__migc`, `orders__migc_old`, `orders__migc_progress`;
-- value 'delivered' stays in enum order_status: removing an enum member copies the table

-- [1] undo: add value `paid` to enum `order_status` (renamed from `completed`)
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/orders.mig:5:30
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
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_orders_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_orders_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_orders_insert`;
DROP TRIGGER IF EXISTS `migc_copy_orders_update`;
DROP TRIGGER IF EXISTS `migc_copy_orders_delete`;
DROP TABLE IF EXISTS `orders__migc`, `orders__migc_old`, `orders__migc_progress`;
-- value 'paid' stays in enum order_status: removing an enum member copies the table
