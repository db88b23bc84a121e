-- migc 0.1.0: expand phase (up) for mysql
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: mariadb DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [1] add value `revoked` to enum `invitation_state` (renamed from `cancelled`)
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/members.mig:5:53
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE upto_1 char(36);
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state' AND LOCATE(',''revoked'',', CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `invitations__migc_progress`;
          CREATE TABLE `invitations__migc` LIKE `invitations`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations__migc` MODIFY COLUMN `state` enum('pending','accepted','expired','revoked','cancelled') NOT NULL DEFAULT 'pending', ADD CONSTRAINT `invitations_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `invitations_invited_by_fkey__migc` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ADD CONSTRAINT `invitations_tenant_id_role_id_fkey__migc` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `invitations__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 char(36) NULL, claimed_1 char(36) NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `invitations__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_insert` AFTER INSERT ON `invitations` FOR EACH ROW IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_update` AFTER UPDATE ON `invitations` FOR EACH ROW IF NEW.`tenant_id` <=> OLD.`tenant_id` AND NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `invitations__migc` SET `tenant_id` = NEW.`tenant_id`, `id` = NEW.`id`, `email` = NEW.`email`, `role_id` = NEW.`role_id`, `invited_by` = NEW.`invited_by`, `token_hash` = NEW.`token_hash`, `state` = NEW.`state`, `expires_at` = NEW.`expires_at`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `invitations__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_delete` AFTER DELETE ON `invitations` FOR EACH ROW IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `invitations__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
          SELECT b.`tenant_id`, b.`id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
            FROM (SELECT `tenant_id`, `id` FROM `invitations` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
            ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL, upto_1 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `invitations__migc_progress` SET whole = 1;
          ELSE
            UPDATE `invitations__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `invitations`
            WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1)) FOR UPDATE;
          INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`)
            SELECT `tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at` FROM `invitations` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1))
            ON DUPLICATE KEY UPDATE `tenant_id` = `invitations__migc`.`tenant_id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_invitations_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_insert__migc` BEFORE INSERT ON `invitations__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`state__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_update__migc` BEFORE UPDATE ON `invitations__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NEW.`state__migc_new` IS NULL AND OLD.`state__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`state__migc_new` <=> OLD.`state__migc_new`) THEN
        SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
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
        RENAME TABLE `invitations` TO `invitations__migc_old`, `invitations__migc` TO `invitations`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `invitations__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `invitations__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_invitations_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_insert` BEFORE INSERT ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`state__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_update` BEFORE UPDATE ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NEW.`state__migc_new` IS NULL AND OLD.`state__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`state__migc_new` <=> OLD.`state__migc_new`) THEN
        SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application''s
        DO 0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_tenant_id_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_invited_by_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_invited_by_fkey` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_invited_by_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_invited_by_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_invited_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_invited_by_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_invited_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_role_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_tenant_id_role_id_fkey` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_role_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_tenant_id_role_id_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [2] create enum `invitation_state__migc`, the new shape of `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
-- enum invitation_state__migc: MySQL enums are column types, nothing to do

-- [3] create enum `project_visibility`
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:8:6
-- enum project_visibility: MySQL enums are column types, nothing to do

-- [4] add value `blocked` to enum `task_status`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/projects.mig:6:39
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE upto_1 char(36);
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status' AND LOCATE(',''blocked'',', CONCAT(',', SUBSTRING(COLUMN_TYPE, 6, CHAR_LENGTH(COLUMN_TYPE) - 6), ',')) > 0)) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `tasks__migc_progress`;
          CREATE TABLE `tasks__migc` LIKE `tasks`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `tasks__migc` MODIFY COLUMN `status` enum('todo','in_progress','blocked','done','archived') NOT NULL DEFAULT 'todo', ADD CONSTRAINT `tasks_project_fkey__migc` FOREIGN KEY (`tenant_id`, `project_id`) REFERENCES `projects` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `tasks__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 char(36) NULL, claimed_1 char(36) NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `tasks__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_insert` AFTER INSERT ON `tasks` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_update` AFTER UPDATE ON `tasks` FOR EACH ROW IF NEW.`tenant_id` <=> OLD.`tenant_id` AND NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `tasks__migc` SET `tenant_id` = NEW.`tenant_id`, `id` = NEW.`id`, `project_id` = NEW.`project_id`, `number` = NEW.`number`, `title` = NEW.`title`, `body` = NEW.`body`, `status` = NEW.`status`, `priority` = NEW.`priority`, `assignee_id` = NEW.`assignee_id`, `estimate_hours` = NEW.`estimate_hours`, `due_date` = NEW.`due_date`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `tasks__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_delete` AFTER DELETE ON `tasks` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `tasks__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
          SELECT b.`tenant_id`, b.`id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
            FROM (SELECT `tenant_id`, `id` FROM `tasks` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
            ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL, upto_1 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `tasks__migc_progress` SET whole = 1;
          ELSE
            UPDATE `tasks__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `tasks`
            WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1)) FOR UPDATE;
          INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`)
            SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at` FROM `tasks` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1))
            ON DUPLICATE KEY UPDATE `tenant_id` = `tasks__migc`.`tenant_id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_tasks_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tasks_insert__migc` BEFORE INSERT ON `tasks__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSEIF NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSE
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tasks_update__migc` BEFORE UPDATE ON `tasks__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`) THEN
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      END IF;
    ELSE
      IF (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL) AND NOT (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      ELSEIF (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`)) THEN
        -- the new application''s
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `tasks` TO `tasks__migc_old`, `tasks__migc` TO `tasks`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `tasks__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `tasks__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_tasks_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tasks_insert` BEFORE INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSEIF NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSE
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tasks_update` BEFORE UPDATE ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`) THEN
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      END IF;
    ELSE
      IF (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL) AND NOT (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      ELSEIF (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`)) THEN
        -- the new application''s
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tasks_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_project_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `tasks` ADD CONSTRAINT `tasks_project_fkey` FOREIGN KEY (`tenant_id`, `project_id`) REFERENCES `projects` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_project_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `tasks` DROP FOREIGN KEY `tasks_project_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `tasks` DROP FOREIGN KEY `tasks_project_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_project_fkey__migc') THEN
          ALTER TABLE `tasks` DROP INDEX `tasks_project_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [5] expose table `memberships` as `members` (an updatable view)
--     lock: shared metadata lock; rewrite: no; scan: no; from v2/members.mig:19:7
CREATE OR REPLACE VIEW `members` AS SELECT * FROM `memberships`;

-- [6] create unique index `api_keys_tenant_name_key` on `api_keys`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v2/security.mig:15:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME = 'api_keys_tenant_name_key') THEN
        ALTER TABLE `api_keys` ADD UNIQUE INDEX `api_keys_tenant_name_key` (`tenant_id`, `name`(731)), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME = 'api_keys_tenant_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME <> 'api_keys_tenant_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tenant_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `api_keys` DROP INDEX `api_keys_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME = 'api_keys_created_by_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME <> 'api_keys_created_by_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'created_by')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `api_keys` DROP INDEX `api_keys_created_by_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [7] add shadow column `invitations.state__migc_new` of type `invitation_state__migc` for `state`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:36:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` ADD COLUMN `state__migc_new` enum('pending','accepted','expired','revoked') NULL AFTER `state`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` ADD COLUMN `state__migc_new` enum('pending','accepted','expired','revoked') NULL AFTER `state`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [8] create unique index `invitations_open_per_email__migc` on `invitations`
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/members.mig:42:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE algo INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE upto_1 char(36);
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_open_per_email__migc')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `invitations__migc_progress`;
          CREATE TABLE `invitations__migc` LIKE `invitations`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations__migc` ADD COLUMN `invitations_open_per_email__migc__expr2` text AS (lower(`email`)) STORED, ADD COLUMN `invitations_open_per_email__migc__where` smallint AS (CASE WHEN `state__migc_new` = 'pending' THEN 1 END) STORED, ADD UNIQUE INDEX `invitations_open_per_email__migc` (`tenant_id`, `invitations_open_per_email__migc__expr2`(727), `invitations_open_per_email__migc__where`), ADD CONSTRAINT `invitations_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `invitations_invited_by_fkey__migc` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ADD CONSTRAINT `invitations_tenant_id_role_id_fkey__migc` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `invitations__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 char(36) NULL, claimed_1 char(36) NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `invitations__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_insert` AFTER INSERT ON `invitations` FOR EACH ROW IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`, NEW.`state__migc_new`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `state__migc_new` = VALUES(`state__migc_new`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_update` AFTER UPDATE ON `invitations` FOR EACH ROW IF NEW.`tenant_id` <=> OLD.`tenant_id` AND NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`, NEW.`state__migc_new`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `state__migc_new` = VALUES(`state__migc_new`); END IF; ELSEIF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `invitations__migc` SET `tenant_id` = NEW.`tenant_id`, `id` = NEW.`id`, `email` = NEW.`email`, `role_id` = NEW.`role_id`, `invited_by` = NEW.`invited_by`, `token_hash` = NEW.`token_hash`, `state` = NEW.`state`, `expires_at` = NEW.`expires_at`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at`, `state__migc_new` = NEW.`state__migc_new` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`, NEW.`state__migc_new`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `state__migc_new` = VALUES(`state__migc_new`); END IF; ELSE DELETE FROM `invitations__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`email`, NEW.`role_id`, NEW.`invited_by`, NEW.`token_hash`, NEW.`state`, NEW.`expires_at`, NEW.`created_at`, NEW.`updated_at`, NEW.`state__migc_new`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `email` = VALUES(`email`), `role_id` = VALUES(`role_id`), `invited_by` = VALUES(`invited_by`), `token_hash` = VALUES(`token_hash`), `state` = VALUES(`state`), `expires_at` = VALUES(`expires_at`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `state__migc_new` = VALUES(`state__migc_new`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_invitations_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_invitations_delete` AFTER DELETE ON `invitations` FOR EACH ROW IF EXISTS (SELECT 1 FROM `invitations__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `invitations__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
          SELECT b.`tenant_id`, b.`id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
            FROM (SELECT `tenant_id`, `id` FROM `invitations` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
            ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL, upto_1 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `invitations__migc_progress` SET whole = 1;
          ELSE
            UPDATE `invitations__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `invitations`
            WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1)) FOR UPDATE;
          INSERT INTO `invitations__migc` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new`)
            SELECT `tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`, `state__migc_new` FROM `invitations` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1))
            ON DUPLICATE KEY UPDATE `tenant_id` = `invitations__migc`.`tenant_id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_invitations_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_insert__migc` BEFORE INSERT ON `invitations__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`state__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_update__migc` BEFORE UPDATE ON `invitations__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NEW.`state__migc_new` IS NULL AND OLD.`state__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`state__migc_new` <=> OLD.`state__migc_new`) THEN
        SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
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
        RENAME TABLE `invitations` TO `invitations__migc_old`, `invitations__migc` TO `invitations`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `invitations__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `invitations__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_invitations_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_insert` BEFORE INSERT ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`state__migc_new` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- written by the old application
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_invitations_update` BEFORE UPDATE ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_6b981af45e06'' THEN
      -- updated by the new application
      IF NEW.`state__migc_new` IS NULL AND OLD.`state__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''state'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`state__migc_new` <=> OLD.`state__migc_new`) THEN
        SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN ''revoked'' THEN ''cancelled'' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_b4f21449a28c'' THEN
      -- updated by the old application
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN ''cancelled'' THEN ''revoked'' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application''s
        DO 0;
      END IF;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_invitations_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_tenant_id_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_invited_by_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_invited_by_fkey` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_invited_by_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_invited_by_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_invited_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_invited_by_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_invited_by_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_role_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_tenant_id_role_id_fkey` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_role_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_tenant_id_role_id_fkey__migc') THEN
          ALTER TABLE `invitations` DROP INDEX `invitations_tenant_id_role_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
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

-- [9] install the dual-write trigger on `invitations`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:29:7
DROP TRIGGER IF EXISTS `migc_sync_invitations_insert`;
DROP TRIGGER IF EXISTS `migc_sync_invitations_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_invitations_insert` BEFORE INSERT ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`state__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''state'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN 'revoked' THEN 'cancelled' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
    ELSEIF COALESCE(@migc_app, '') = 'migc_b4f21449a28c' THEN
      -- written by the old application
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSEIF TRUE THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    ELSE
      SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_invitations_update` BEFORE UPDATE ON `invitations` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- updated by the new application
      IF NEW.`state__migc_new` IS NULL AND OLD.`state__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''state'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`state__migc_new` <=> OLD.`state__migc_new`) THEN
        SET NEW.`state` = CAST(CASE CAST(NEW.`state__migc_new` AS CHAR) WHEN 'revoked' THEN 'cancelled' ELSE CAST(NEW.`state__migc_new` AS CHAR) END AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_b4f21449a28c' THEN
      -- updated by the old application
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
    ELSE
      IF NOT (NEW.`state` <=> OLD.`state`) THEN
        SET NEW.`state__migc_new` = CAST(CASE CAST(NEW.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(NEW.`state` AS CHAR) END AS CHAR);
      END IF;
      IF (FALSE OR TRUE) AND NOT (FALSE) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        DO 0;
      ELSEIF (FALSE) AND NOT (FALSE) THEN
        -- the new application's
        DO 0;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [10] add column `projects.visibility`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:17:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND COLUMN_NAME = 'visibility') THEN
        IF algo = 0 THEN
          ALTER TABLE `projects` ADD COLUMN `visibility` enum('private','tenant','public') NOT NULL DEFAULT 'private' AFTER `owner_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `projects` ADD COLUMN `visibility` enum('private','tenant','public') NOT NULL DEFAULT 'private' AFTER `owner_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [11] add column `tasks.description` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:31:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'description') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `description` text NULL AFTER `title`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `description` text NULL AFTER `title`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [12] add column `tasks.estimate_minutes` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:36:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'estimate_minutes') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `estimate_minutes` int NULL AFTER `assignee_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `estimate_minutes` int NULL AFTER `assignee_id`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [13] add check `tasks_estimate_minutes_check` on `tasks` for new rows
--     lock: none (added by the copy of the table made last in expand); rewrite: no; scan: no; from v2/projects.mig:36:37
-- tasks: check tasks_estimate_minutes_check is added by a copy of the table made last in expand, swapped in at switch

-- [14] add foreign key `tasks_assignee_fkey` on `tasks` for new rows
--     lock: none (added in place, rows not checked; `memberships` read); rewrite: no; scan: no; from v2/projects.mig:44:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_assignee_fkey') THEN
        SET SESSION foreign_key_checks = 0;
        ALTER TABLE `tasks` ADD CONSTRAINT `tasks_assignee_fkey` FOREIGN KEY (`tenant_id`, `assignee_id`) REFERENCES `memberships` (`tenant_id`, `user_id`), ALGORITHM=INPLACE, LOCK=NONE;
        SET SESSION foreign_key_checks = 1;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [15] install the dual-write trigger on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:25:7
DROP TRIGGER IF EXISTS `migc_sync_tasks_insert`;
DROP TRIGGER IF EXISTS `migc_sync_tasks_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_tasks_insert` BEFORE INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- written by the new application (its connections set @migc_app)
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    ELSEIF COALESCE(@migc_app, '') = 'migc_b4f21449a28c' THEN
      -- written by the old application
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSEIF NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`description` = NEW.`body`;
      SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
    ELSE
      SET NEW.`body` = NEW.`description`;
      SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_tasks_update` BEFORE UPDATE ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- updated by the new application
      IF NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`) THEN
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_b4f21449a28c' THEN
      -- updated by the old application
      IF NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL THEN
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      END IF;
    ELSE
      IF (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`) OR NEW.`description` IS NULL AND NEW.`estimate_minutes` IS NULL) AND NOT (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`description` = NEW.`body`;
        SET NEW.`estimate_minutes` = round(NEW.`estimate_hours` * 60);
      ELSEIF (NOT (NEW.`description` <=> OLD.`description`) OR NOT (NEW.`estimate_minutes` <=> OLD.`estimate_minutes`)) AND NOT (NOT (NEW.`body` <=> OLD.`body`) OR NOT (NEW.`estimate_hours` <=> OLD.`estimate_hours`)) THEN
        -- the new application's
        SET NEW.`body` = NEW.`description`;
        SET NEW.`estimate_hours` = NEW.`estimate_minutes` / 60.0;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [16] add column `tenants.region`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/tenants.mig:14:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'region') THEN
        IF algo = 0 THEN
          ALTER TABLE `tenants` ADD COLUMN `region` varchar(16) NOT NULL DEFAULT 'eu-central-1' AFTER `seat_limit`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tenants` ADD COLUMN `region` varchar(16) NOT NULL DEFAULT 'eu-central-1' AFTER `seat_limit`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [17] drop view `open_tasks` to redefine it
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS `open_tasks`;

-- [18] create view `open_tasks` with its new query
--     lock: shared metadata lock; rewrite: no; scan: no; from v2/projects.mig:49:6
CREATE OR REPLACE VIEW `open_tasks` AS SELECT `t`.`tenant_id`, `t`.`id`, `p`.`key`, `t`.`number`, `t`.`title`, `t`.`status`, `t`.`assignee_id`, `t`.`due_date` FROM `tasks` t JOIN `projects` p ON `p`.`tenant_id` = `t`.`tenant_id` AND `p`.`id` = `t`.`project_id` WHERE `t`.`status` IN ('todo', 'in_progress', 'blocked') AND `p`.`deleted_at` IS NULL;

-- [19] show table `api_keys` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`api_keys`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND COLUMN_NAME IN ('created_at', 'created_by', 'expires_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'secret_hash', 'tenant_id')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`api_keys` (`id`, `tenant_id`, `name`, `prefix`, `secret_hash`, `created_by`, `created_at`, `last_used_at`, `expires_at`, `revoked_at`) AS SELECT `id`, `tenant_id`, `name`, `prefix`, `secret_hash`, `created_by`, `created_at`, `last_used_at`, `expires_at`, `revoked_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`api_keys`');
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

-- [20] show table `audit_log` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`audit_log`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME IN ('action', 'actor_id', 'api_key_id', 'id', 'ip_address', 'occurred_at', 'payload', 'target_id', 'target_type', 'tenant_id')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`audit_log` (`id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target_type`, `target_id`, `payload`, `ip_address`, `occurred_at`) AS SELECT `id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target_type`, `target_id`, `payload`, `ip_address`, `occurred_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`audit_log`');
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

-- [21] show table `invitations` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`invitations`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME IN ('created_at', 'email', 'expires_at', 'id', 'invited_by', 'role_id', 'state', 'tenant_id', 'token_hash', 'updated_at')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`invitations` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`invitations`');
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

-- [22] show table `memberships` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`memberships`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND COLUMN_NAME IN ('joined_at', 'role_id', 'tenant_id', 'user_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`memberships` (`tenant_id`, `user_id`, `role_id`, `joined_at`) AS SELECT `tenant_id`, `user_id`, `role_id`, `joined_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`memberships`');
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

-- [23] show table `projects` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`projects`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND COLUMN_NAME IN ('created_at', 'deleted_at', 'description', 'id', 'key', 'name', 'owner_id', 'tenant_id', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`projects` (`tenant_id`, `id`, `key`, `name`, `description`, `owner_id`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `tenant_id`, `id`, `key`, `name`, `description`, `owner_id`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`projects`');
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

-- [24] show table `roles` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`roles`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND COLUMN_NAME IN ('id', 'is_builtin', 'name', 'permissions', 'tenant_id')) = 5 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`roles` (`tenant_id`, `id`, `name`, `permissions`, `is_builtin`) AS SELECT `tenant_id`, `id`, `name`, `permissions`, `is_builtin` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`roles`');
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

-- [25] show table `tasks` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tasks`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME IN ('assignee_id', 'body', 'created_at', 'due_date', 'estimate_hours', 'id', 'number', 'priority', 'project_id', 'status', 'tenant_id', 'title', 'updated_at')) = 13 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tasks` (`tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `body`, `status`, `priority`, `assignee_id`, `estimate_hours`, `due_date`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tasks`');
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

-- [26] show table `tenants` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tenants`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME IN ('billing_email', 'created_at', 'deleted_at', 'id', 'name', 'plan', 'seat_limit', 'slug', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tenants` (`id`, `slug`, `name`, `plan`, `seat_limit`, `billing_email`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `slug`, `name`, `plan`, `seat_limit`, `billing_email`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tenants`');
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

-- [27] show table `users` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME IN ('created_at', 'display_name', 'email', 'id', 'last_login_at', 'updated_at')) = 6 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`users` (`id`, `email`, `display_name`, `last_login_at`, `created_at`, `updated_at`) AS SELECT `id`, `email`, `display_name`, `last_login_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`users`');
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

-- [28] show view `open_tasks` to the old application in its shape (the version's database for `migc_b4f21449a28c`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_b4f21449a28c');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`open_tasks`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'open_tasks' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'open_tasks') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`open_tasks` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`open_tasks`');
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

-- [29] show table `api_keys` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`api_keys`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND COLUMN_NAME IN ('created_at', 'created_by', 'expires_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'secret_hash', 'tenant_id')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`api_keys` (`id`, `tenant_id`, `name`, `prefix`, `secret_hash`, `created_by`, `created_at`, `last_used_at`, `expires_at`, `revoked_at`) AS SELECT `id`, `tenant_id`, `name`, `prefix`, `secret_hash`, `created_by`, `created_at`, `last_used_at`, `expires_at`, `revoked_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`api_keys`');
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

-- [30] show table `audit_log` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`audit_log`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME IN ('action', 'actor_id', 'api_key_id', 'id', 'ip_address', 'occurred_at', 'payload', 'target_id', 'target_type', 'tenant_id')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`audit_log` (`id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target_type`, `target_id`, `payload`, `ip_address`, `occurred_at`) AS SELECT `id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target_type`, `target_id`, `payload`, `ip_address`, `occurred_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`audit_log`');
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

-- [31] show table `invitations` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`invitations`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME IN ('created_at', 'email', 'expires_at', 'id', 'invited_by', 'role_id', 'state__migc_new', 'tenant_id', 'token_hash', 'updated_at')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`invitations` (`tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state`, `expires_at`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `email`, `role_id`, `invited_by`, `token_hash`, `state__migc_new`, `expires_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`invitations`');
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

-- [32] show table `members` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`members`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND COLUMN_NAME IN ('joined_at', 'role_id', 'tenant_id', 'user_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`members` (`tenant_id`, `user_id`, `role_id`, `joined_at`) AS SELECT `tenant_id`, `user_id`, `role_id`, `joined_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`memberships`');
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

-- [33] show table `projects` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`projects`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND COLUMN_NAME IN ('created_at', 'deleted_at', 'description', 'id', 'key', 'name', 'owner_id', 'tenant_id', 'updated_at', 'visibility')) = 10 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`projects` (`tenant_id`, `id`, `key`, `name`, `description`, `owner_id`, `visibility`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `tenant_id`, `id`, `key`, `name`, `description`, `owner_id`, `visibility`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`projects`');
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

-- [34] show table `roles` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`roles`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND COLUMN_NAME IN ('id', 'is_builtin', 'name', 'permissions', 'tenant_id')) = 5 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`roles` (`tenant_id`, `id`, `name`, `permissions`, `is_builtin`) AS SELECT `tenant_id`, `id`, `name`, `permissions`, `is_builtin` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`roles`');
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

-- [35] show table `tasks` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tasks`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME IN ('assignee_id', 'created_at', 'description', 'due_date', 'estimate_minutes', 'id', 'number', 'priority', 'project_id', 'status', 'tenant_id', 'title', 'updated_at')) = 13 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tasks` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tasks`');
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

-- [36] show table `tenants` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`tenants`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME IN ('created_at', 'deleted_at', 'id', 'name', 'plan', 'region', 'seat_limit', 'slug', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tenants` (`id`, `slug`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `slug`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tenants`');
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

-- [37] show table `users` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME IN ('created_at', 'display_name', 'email', 'id', 'last_login_at', 'updated_at')) = 6 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`users` (`id`, `email`, `display_name`, `last_login_at`, `created_at`, `updated_at`) AS SELECT `id`, `email`, `display_name`, `last_login_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`users`');
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

-- [38] show view `open_tasks` to the new application in its shape (the version's database for `migc_6b981af45e06`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_6b981af45e06');
      DECLARE granted_to VARCHAR(400);
      DECLARE granted VARCHAR(64);
      DECLARE granted_on VARCHAR(200);
      DECLARE finished INT DEFAULT 0;
      DECLARE grants CURSOR FOR
        SELECT GRANTEE, PRIVILEGE_TYPE, '*' FROM information_schema.SCHEMA_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW')
        UNION ALL
        SELECT GRANTEE, PRIVILEGE_TYPE, '`open_tasks`' FROM information_schema.TABLE_PRIVILEGES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'open_tasks' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'open_tasks') THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`open_tasks` AS SELECT * FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`open_tasks`');
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

-- [39] make the copy `tasks__migc` of `tasks`, with the change, kept in step by triggers
--     lock: exclusive metadata lock (brief): an empty copy of `tasks` and triggers made; rewrite: no; scan: no; from v2/projects.mig:36:37
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_estimate_minutes_check')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `tasks__migc_progress`;
          CREATE TABLE `tasks__migc` LIKE `tasks`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `tasks__migc` ADD CONSTRAINT `tasks_estimate_minutes_check` CHECK (`estimate_minutes` >= 0), ADD CONSTRAINT `tasks_project_fkey__migc_copy` FOREIGN KEY (`tenant_id`, `project_id`) REFERENCES `projects` (`tenant_id`, `id`) ON DELETE CASCADE, ADD CONSTRAINT `tasks_assignee_fkey__migc_copy` FOREIGN KEY (`tenant_id`, `assignee_id`) REFERENCES `memberships` (`tenant_id`, `user_id`), ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `tasks__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 char(36) NULL, claimed_1 char(36) NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `tasks__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_insert` AFTER INSERT ON `tasks` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_update` AFTER UPDATE ON `tasks` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF NEW.`tenant_id` <=> OLD.`tenant_id` AND NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN UPDATE `tasks__migc` SET `tenant_id` = NEW.`tenant_id`, `id` = NEW.`id`, `project_id` = NEW.`project_id`, `number` = NEW.`number`, `title` = NEW.`title`, `description` = NEW.`description`, `body` = NEW.`body`, `status` = NEW.`status`, `priority` = NEW.`priority`, `assignee_id` = NEW.`assignee_id`, `estimate_minutes` = NEW.`estimate_minutes`, `estimate_hours` = NEW.`estimate_hours`, `due_date` = NEW.`due_date`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; ELSE DELETE FROM `tasks__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (NEW.`tenant_id`, NEW.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); END IF; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_delete` AFTER DELETE ON `tasks` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF EXISTS (SELECT 1 FROM `tasks__migc_progress` AS p WHERE p.whole = 1 OR (OLD.`tenant_id`, OLD.`id`) <= (p.claimed_0, p.claimed_1) LOCK IN SHARE MODE) THEN DELETE FROM `tasks__migc` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; SET @migc_mirror = NULL; END IF; END';
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
