-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [70] undo: set `users.last_name` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/users.mig:9:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND INDEX_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
        ALTER TABLE `legacy_sessions` DROP INDEX `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_users_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_users_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_users_insert`;
DROP TRIGGER IF EXISTS `migc_copy_users_update`;
DROP TRIGGER IF EXISTS `migc_copy_users_delete`;
DROP TABLE IF EXISTS `users__migc`, `users__migc_old`, `users__migc_progress`;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'last_name') THEN
        ALTER TABLE `users` MODIFY COLUMN `last_name` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [69] undo: validate that `users.last_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- nothing to undo for users_last_name_not_null

-- [68] undo: check `users.last_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:9:3
-- users.last_name: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [67] undo: set `users.first_name` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/users.mig:8:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `legacy_sessions` ADD CONSTRAINT `legacy_sessions_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND CONSTRAINT_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `legacy_sessions` DROP FOREIGN KEY `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy_sessions' AND INDEX_NAME = 'legacy_sessions_user_id_fkey__migc') THEN
        ALTER TABLE `legacy_sessions` DROP INDEX `legacy_sessions_user_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
DROP TRIGGER IF EXISTS `migc_sync_users_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_users_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_users_insert`;
DROP TRIGGER IF EXISTS `migc_copy_users_update`;
DROP TRIGGER IF EXISTS `migc_copy_users_delete`;
DROP TABLE IF EXISTS `users__migc`, `users__migc_old`, `users__migc_progress`;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'first_name') THEN
        ALTER TABLE `users` MODIFY COLUMN `first_name` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [66] undo: validate that `users.first_name` holds no null
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- nothing to undo for users_first_name_not_null

-- [65] undo: check `users.first_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/users.mig:8:3
-- users.first_name: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [64] undo: validate foreign key `stock_product_id_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/inventory.mig:11:43
-- nothing to undo for stock_product_id_fkey

-- [63] undo: validate check `payments_currency_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:39:54
-- nothing to undo for payments_currency_check

-- [62] undo: validate check `payments_amount_cents_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:40
-- nothing to undo for payments_amount_cents_check

-- [61] undo: turn index `payments_provider_ref_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:41:36
-- payments: the unique index payments_provider_ref_key is the constraint in MySQL, nothing to attach

-- [60] undo: set `payments.amount_cents` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v2/orders.mig:38:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND COLUMN_NAME = 'amount_cents') THEN
        ALTER TABLE `payments` MODIFY COLUMN `amount_cents` bigint NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [59] undo: validate that `payments.amount_cents` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- nothing to undo for payments_amount_cents_not_null

-- [58] undo: check `payments.amount_cents` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:38:3
-- payments.amount_cents: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [57] undo: set `orders.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v2/orders.mig:13:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE `orders` MODIFY COLUMN `status__migc_new` enum('pending','paid','shipped','delivered','cancelled','refunded') NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [56] undo: validate that `orders.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- nothing to undo for orders_status__migc_new_not_null

-- [55] undo: check `orders.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/orders.mig:13:3
-- orders.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [54] undo: swap the copy `payments__migc` in for `payments`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v2/orders.mig:39:54
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_currency_check') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        RENAME TABLE `payments` TO `payments__migc_swap`, `payments__migc_back` TO `payments`, `payments__migc` TO `payments__migc_back`, `payments__migc_swap` TO `payments__migc`;
      END IF;
      DROP TRIGGER IF EXISTS `migc_copy_payments_back_insert`;
      DROP TRIGGER IF EXISTS `migc_copy_payments_back_update`;
      DROP TRIGGER IF EXISTS `migc_copy_payments_back_delete`;
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payments' AND CONSTRAINT_NAME = 'payments_currency_check')) THEN
        DROP TABLE IF EXISTS `payments__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
