-- migc 0.1.0: backfill phase (up) for mysql
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: mariadb DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [60] copy the rows of `orders` to its copy `orders__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v4/orders.mig:16:45
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND CONSTRAINT_NAME = 'orders_total_cents_check')) THEN
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `orders` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `orders__migc_progress` SET whole = 1;
          ELSE
            UPDATE `orders__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `orders`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `orders__migc` (`id`, `user_id`, `shipping_address_id`, `status`, `total_cents`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at`)
            SELECT `id`, `user_id`, `shipping_address_id`, `status`, `total_cents`, `total`, `customer_note`, `placed_at`, `created_at`, `updated_at` FROM `orders` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `orders__migc`.`id`;
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [61] copy the rows of `stock_levels` to its copy `stock_levels__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v4/inventory.mig:16:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stock_levels' AND CONSTRAINT_NAME = 'stock_reserved_le_quantity__migc')) THEN
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
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [62] backfill `total_cents` on `orders`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/orders.mig:10:7
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 bigint;
      DECLARE max_0 bigint;
      DECLARE upto_0 bigint;
      DECLARE started INT DEFAULT 0;
      DECLARE batches INT DEFAULT 0;
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
      SET @migc_backfill = 'on';
      SELECT `id` INTO max_0 FROM `orders` ORDER BY `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL;
        SELECT b.`id` INTO upto_0
          FROM (SELECT `id` FROM `orders`
                WHERE (started = 0 OR `id` > last_0) AND `id` <= max_0
                ORDER BY `id` LIMIT batch_size) AS b
          ORDER BY b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `orders` SET `total_cents` = COALESCE(`orders`.`total_cents`, round(`orders`.`total` * 100))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`orders`.`total_cents` IS NULL);
        COMMIT;
        SET last_0 = upto_0, started = 1, batches = batches + 1, attempt = 0;
        SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
        IF NOT fixed_size THEN
          SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
        END IF;
        IF pause_ms IS NOT NULL THEN
          DO SLEEP(pause_ms / 1000);
        ELSEIF batch_took > 0.4 THEN
          DO SLEEP(LEAST(batch_took, 5));
        END IF;
      END WHILE;
      SET @migc_backfill = NULL;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET @migc_backfill = NULL;

-- [63] backfill `reserved_quantity` on `stock_levels`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/inventory.mig:9:7
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 bigint;
      DECLARE max_0 bigint;
      DECLARE upto_0 bigint;
      DECLARE last_1 int;
      DECLARE max_1 int;
      DECLARE upto_1 int;
      DECLARE started INT DEFAULT 0;
      DECLARE batches INT DEFAULT 0;
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
      SET @migc_backfill = 'on';
      SELECT `product_id`, `warehouse_id` INTO max_0, max_1 FROM `stock_levels` ORDER BY `product_id` DESC, `warehouse_id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL, upto_1 = NULL;
        SELECT b.`product_id`, b.`warehouse_id` INTO upto_0, upto_1
          FROM (SELECT `product_id`, `warehouse_id` FROM `stock_levels`
                WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (`product_id`, `warehouse_id`) <= (max_0, max_1)
                ORDER BY `product_id`, `warehouse_id` LIMIT batch_size) AS b
          ORDER BY b.`product_id` DESC, b.`warehouse_id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `stock_levels` SET `reserved_quantity` = COALESCE(`stock_levels`.`reserved_quantity`, `stock_levels`.`reserved`)
          WHERE (started = 0 OR (`product_id`, `warehouse_id`) > (last_0, last_1)) AND (`product_id`, `warehouse_id`) <= (upto_0, upto_1) AND (`stock_levels`.`reserved_quantity` IS NULL);
        COMMIT;
        SET last_0 = upto_0, last_1 = upto_1, started = 1, batches = batches + 1, attempt = 0;
        SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
        IF NOT fixed_size THEN
          SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
        END IF;
        IF pause_ms IS NOT NULL THEN
          DO SLEEP(pause_ms / 1000);
        ELSEIF batch_took > 0.4 THEN
          DO SLEEP(LEAST(batch_took, 5));
        END IF;
      END WHILE;
      SET @migc_backfill = NULL;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET @migc_backfill = NULL;

-- [64] backfill `role` on `users`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v4/users.mig:7:7
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 bigint;
      DECLARE max_0 bigint;
      DECLARE upto_0 bigint;
      DECLARE started INT DEFAULT 0;
      DECLARE batches INT DEFAULT 0;
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
      SET @migc_backfill = 'on';
      SELECT `id` INTO max_0 FROM `users` ORDER BY `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL;
        SELECT b.`id` INTO upto_0
          FROM (SELECT `id` FROM `users`
                WHERE (started = 0 OR `id` > last_0) AND `id` <= max_0
                ORDER BY `id` LIMIT batch_size) AS b
          ORDER BY b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `users` SET `role` = COALESCE(`users`.`role`, CASE WHEN `users`.`is_admin` THEN 'admin' ELSE 'customer' END)
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`users`.`role` IS NULL);
        COMMIT;
        SET last_0 = upto_0, started = 1, batches = batches + 1, attempt = 0;
        SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
        IF NOT fixed_size THEN
          SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
        END IF;
        IF pause_ms IS NOT NULL THEN
          DO SLEEP(pause_ms / 1000);
        ELSEIF batch_took > 0.4 THEN
          DO SLEEP(LEAST(batch_took, 5));
        END IF;
      END WHILE;
      SET @migc_backfill = NULL;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET @migc_backfill = NULL;
