-- migc 0.1.0: backfill phase (up) for mysql
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: mariadb DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [50] copy the rows of `payments` to its copy `payments__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v2/orders.mig:39:54
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_currency_check')) THEN
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `payments` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `payments__migc_progress` SET whole = 1;
          ELSE
            UPDATE `payments__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `payments`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `payments__migc` (`id`, `order_id`, `method`, `amount_cents`, `currency`, `amount`, `provider_ref`, `paid_at`, `created_at`, `updated_at`)
            SELECT `id`, `order_id`, `method`, `amount_cents`, `currency`, `amount`, `provider_ref`, `paid_at`, `created_at`, `updated_at` FROM `payments` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `payments__migc`.`id`;
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

-- [51] backfill `status__migc_new` on `orders`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:9:7
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
        UPDATE `orders` SET `status__migc_new` = COALESCE(`orders`.`status__migc_new`, CAST(CASE CAST(`orders`.`status` AS CHAR) WHEN 'completed' THEN 'paid' ELSE CAST(`orders`.`status` AS CHAR) END AS CHAR))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`orders`.`status__migc_new` IS NULL);
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

-- [52] backfill `amount_cents` on `payments`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/orders.mig:33:7
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
      SELECT `id` INTO max_0 FROM `payments` ORDER BY `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL;
        SELECT b.`id` INTO upto_0
          FROM (SELECT `id` FROM `payments`
                WHERE (started = 0 OR `id` > last_0) AND `id` <= max_0
                ORDER BY `id` LIMIT batch_size) AS b
          ORDER BY b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `payments` SET `amount_cents` = COALESCE(`payments`.`amount_cents`, round(`payments`.`amount` * 100))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`payments`.`amount_cents` IS NULL);
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

-- [53] backfill `first_name`, `last_name` on `users`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/users.mig:4:7
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
        UPDATE `users` SET `first_name` = COALESCE(`users`.`first_name`, substring_index(substring_index(`users`.`full_name`, ' ', 1), ' ', -1)), `last_name` = COALESCE(`users`.`last_name`, substring_index(substring_index(`users`.`full_name`, ' ', 2), ' ', -1))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`users`.`first_name` IS NULL OR `users`.`last_name` IS NULL);
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
