-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [18] check `audit_log.target` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
-- audit_log.target: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [19] validate that `audit_log.target` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
-- audit_log_target_not_null: nothing to validate, SET NOT NULL checks the rows

-- [20] set `audit_log.target` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/security.mig:28:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target') THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `target` text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [21] check `audit_log.payload__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- audit_log.payload__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [22] validate that `audit_log.payload__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- audit_log_payload__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [23] set `audit_log.payload__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/security.mig:32:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `payload__migc_new` json NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [24] check `tasks.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- tasks.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [25] validate that `tasks.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- tasks_status__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [26] set `tasks.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/projects.mig:36:3
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE `tasks` MODIFY COLUMN `status__migc_new` enum('todo','in_progress','blocked','done') NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [27] check `tenants.display_name` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/tenants.mig:11:3
-- tenants.display_name: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [28] validate that `tenants.display_name` holds no null
--     lock: none; rewrite: no; scan: no; from v3/tenants.mig:11:3
-- tenants_display_name_not_null: nothing to validate, SET NOT NULL checks the rows

-- [29] set `tenants.display_name` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v3/tenants.mig:11:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'display_name' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `tenants__migc_progress`;
          CREATE TABLE `tenants__migc` LIKE `tenants`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `tenants__migc` MODIFY COLUMN `display_name` text NOT NULL, ALGORITHM=COPY;
          SET SESSION foreign_key_checks = 1;
        END IF;
        CREATE TABLE IF NOT EXISTS `tenants__migc_progress` (id TINYINT PRIMARY KEY, whole TINYINT NOT NULL DEFAULT 0, claimed_0 char(36) NULL) ENGINE=InnoDB;
        INSERT IGNORE INTO `tenants__migc_progress` (id) VALUES (1);
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tenants_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tenants_insert` AFTER INSERT ON `tenants` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tenants__migc` (`id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`slug`, NEW.`display_name`, NEW.`name`, NEW.`plan`, NEW.`seat_limit`, NEW.`region`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `slug` = VALUES(`slug`), `display_name` = VALUES(`display_name`), `name` = VALUES(`name`), `plan` = VALUES(`plan`), `seat_limit` = VALUES(`seat_limit`), `region` = VALUES(`region`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tenants_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tenants_update` AFTER UPDATE ON `tenants` FOR EACH ROW IF NEW.`id` <=> OLD.`id` THEN IF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tenants__migc` (`id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`slug`, NEW.`display_name`, NEW.`name`, NEW.`plan`, NEW.`seat_limit`, NEW.`region`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `slug` = VALUES(`slug`), `display_name` = VALUES(`display_name`), `name` = VALUES(`name`), `plan` = VALUES(`plan`), `seat_limit` = VALUES(`seat_limit`), `region` = VALUES(`region`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF; ELSEIF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN IF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN UPDATE `tenants__migc` SET `id` = NEW.`id`, `slug` = NEW.`slug`, `display_name` = NEW.`display_name`, `name` = NEW.`name`, `plan` = NEW.`plan`, `seat_limit` = NEW.`seat_limit`, `region` = NEW.`region`, `created_at` = NEW.`created_at`, `updated_at` = NEW.`updated_at`, `deleted_at` = NEW.`deleted_at` WHERE `id` = OLD.`id`; IF ROW_COUNT() = 0 THEN INSERT INTO `tenants__migc` (`id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`slug`, NEW.`display_name`, NEW.`name`, NEW.`plan`, NEW.`seat_limit`, NEW.`region`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `slug` = VALUES(`slug`), `display_name` = VALUES(`display_name`), `name` = VALUES(`name`), `plan` = VALUES(`plan`), `seat_limit` = VALUES(`seat_limit`), `region` = VALUES(`region`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF; ELSE DELETE FROM `tenants__migc` WHERE `id` = OLD.`id`; END IF; ELSEIF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR NEW.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN INSERT INTO `tenants__migc` (`id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) VALUES (NEW.`id`, NEW.`slug`, NEW.`display_name`, NEW.`name`, NEW.`plan`, NEW.`seat_limit`, NEW.`region`, NEW.`created_at`, NEW.`updated_at`, NEW.`deleted_at`) ON DUPLICATE KEY UPDATE `id` = VALUES(`id`), `slug` = VALUES(`slug`), `display_name` = VALUES(`display_name`), `name` = VALUES(`name`), `plan` = VALUES(`plan`), `seat_limit` = VALUES(`seat_limit`), `region` = VALUES(`region`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`), `deleted_at` = VALUES(`deleted_at`); END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tenants_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tenants_delete` AFTER DELETE ON `tenants` FOR EACH ROW IF EXISTS (SELECT 1 FROM `tenants__migc_progress` AS p WHERE p.whole = 1 OR OLD.`id` <= p.claimed_0 LOCK IN SHARE MODE) THEN DELETE FROM `tenants__migc` WHERE `id` = OLD.`id`; END IF';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, batch_rows = 0;
          SELECT b.`id`, COUNT(*) OVER () INTO upto_0, batch_rows
            FROM (SELECT `id` FROM `tenants` WHERE (started = 0 OR `id` > last_0) ORDER BY `id` LIMIT batch_size) AS b
            ORDER BY b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `tenants__migc_progress` SET whole = 1;
          ELSE
            UPDATE `tenants__migc_progress` SET claimed_0 = upto_0 WHERE claimed_0 IS NULL OR claimed_0 < upto_0;
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `tenants`
            WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0) FOR UPDATE;
          INSERT INTO `tenants__migc` (`id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`)
            SELECT `id`, `slug`, `display_name`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at` FROM `tenants` WHERE (started = 0 OR `id` > last_0) AND (upto_0 IS NULL OR `id` <= upto_0)
            ON DUPLICATE KEY UPDATE `id` = `tenants__migc`.`id`;
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `api_keys` ADD CONSTRAINT `api_keys_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `api_keys` DROP FOREIGN KEY `api_keys_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `api_keys` DROP FOREIGN KEY `api_keys_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `audit_log` DROP FOREIGN KEY `audit_log_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `audit_log` DROP FOREIGN KEY `audit_log_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations` ADD CONSTRAINT `invitations_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `invitations` DROP FOREIGN KEY `invitations_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `members` ADD CONSTRAINT `members_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `members` DROP FOREIGN KEY `members_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `members` DROP FOREIGN KEY `members_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `projects` ADD CONSTRAINT `projects_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `projects` DROP FOREIGN KEY `projects_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `projects` DROP FOREIGN KEY `projects_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey__migc') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `roles` ADD CONSTRAINT `roles_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants__migc` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey' AND REFERENCED_TABLE_NAME = 'tenants') THEN
          IF algo = 0 THEN
            ALTER TABLE `roles` DROP FOREIGN KEY `roles_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `roles` DROP FOREIGN KEY `roles_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_tenants_insert') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tenants_insert__migc` BEFORE INSERT ON `tenants__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_bc49d849327a'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`display_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''display_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`name` = NEW.`display_name`;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_01958c00df9b'' THEN
      -- written by the old application
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF NEW.`display_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`display_name` = NEW.`name`;
    ELSE
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tenants_update__migc` BEFORE UPDATE ON `tenants__migc` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_bc49d849327a'' THEN
      -- updated by the new application
      IF NEW.`display_name` IS NULL AND OLD.`display_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''display_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`display_name` <=> OLD.`display_name`) THEN
        SET NEW.`name` = NEW.`display_name`;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_01958c00df9b'' THEN
      -- updated by the old application
      IF NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL THEN
        SET NEW.`display_name` = NEW.`name`;
      END IF;
    ELSEIF (NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL) AND NOT (NOT (NEW.`display_name` <=> OLD.`display_name`)) THEN
      -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF (NOT (NEW.`display_name` <=> OLD.`display_name`)) AND NOT (NOT (NEW.`name` <=> OLD.`name`)) THEN
      -- the new application''s
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
        END IF;
        RENAME TABLE `tenants` TO `tenants__migc_old`, `tenants__migc` TO `tenants`;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants__migc_old' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE `tenants__migc_old`;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
        DROP TABLE IF EXISTS `tenants__migc_progress`;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `api_keys` ADD CONSTRAINT `api_keys_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND CONSTRAINT_NAME = 'api_keys_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `api_keys` DROP FOREIGN KEY `api_keys_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `api_keys` DROP FOREIGN KEY `api_keys_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND INDEX_NAME = 'api_keys_tenant_id_fkey__migc') THEN
          ALTER TABLE `api_keys` DROP INDEX `api_keys_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'audit_log_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `audit_log` DROP FOREIGN KEY `audit_log_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `audit_log` DROP FOREIGN KEY `audit_log_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND INDEX_NAME = 'audit_log_tenant_id_fkey__migc') THEN
          ALTER TABLE `audit_log` DROP INDEX `audit_log_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND CONSTRAINT_NAME = 'invitations_tenant_id_fkey') THEN
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
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `members` ADD CONSTRAINT `members_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND CONSTRAINT_NAME = 'members_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `members` DROP FOREIGN KEY `members_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `members` DROP FOREIGN KEY `members_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND INDEX_NAME = 'members_tenant_id_fkey__migc') THEN
          ALTER TABLE `members` DROP INDEX `members_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `projects` ADD CONSTRAINT `projects_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND CONSTRAINT_NAME = 'projects_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `projects` DROP FOREIGN KEY `projects_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `projects` DROP FOREIGN KEY `projects_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'projects' AND INDEX_NAME = 'projects_tenant_id_fkey__migc') THEN
          ALTER TABLE `projects` DROP INDEX `projects_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey__migc') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `roles` ADD CONSTRAINT `roles_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND CONSTRAINT_NAME = 'roles_tenant_id_fkey__migc') THEN
          IF algo = 0 THEN
            ALTER TABLE `roles` DROP FOREIGN KEY `roles_tenant_id_fkey__migc`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `roles` DROP FOREIGN KEY `roles_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'roles' AND INDEX_NAME = 'roles_tenant_id_fkey__migc') THEN
          ALTER TABLE `roles` DROP INDEX `roles_tenant_id_fkey__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'migc_sync_tenants_insert__migc') THEN
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_insert`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tenants_insert` BEFORE INSERT ON `tenants` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_bc49d849327a'' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`display_name` IS NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''display_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`name` = NEW.`display_name`;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_01958c00df9b'' THEN
      -- written by the old application
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF NEW.`display_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`display_name` = NEW.`name`;
    ELSE
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_insert__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_update`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'CREATE TRIGGER `migc_sync_tenants_update` BEFORE UPDATE ON `tenants` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '''') <> ''on'' THEN
    IF COALESCE(@migc_app, '''') = ''migc_bc49d849327a'' THEN
      -- updated by the new application
      IF NEW.`display_name` IS NULL AND OLD.`display_name` IS NOT NULL THEN
        SIGNAL SQLSTATE ''23000'' SET MESSAGE_TEXT = ''Column ''''display_name'''' cannot be null'', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`display_name` <=> OLD.`display_name`) THEN
        SET NEW.`name` = NEW.`display_name`;
      END IF;
    ELSEIF COALESCE(@migc_app, '''') = ''migc_01958c00df9b'' THEN
      -- updated by the old application
      IF NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL THEN
        SET NEW.`display_name` = NEW.`name`;
      END IF;
    ELSEIF (NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL) AND NOT (NOT (NEW.`display_name` <=> OLD.`display_name`)) THEN
      -- updated by a connection of neither version: the old application''s (or a row the backfill has not reached yet)
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF (NOT (NEW.`display_name` <=> OLD.`display_name`)) AND NOT (NOT (NEW.`name` <=> OLD.`name`)) THEN
      -- the new application''s
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
          SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_sync_tenants_update__migc`';
          PREPARE migc_stmt FROM @migc_sql;
          EXECUTE migc_stmt;
          DEALLOCATE PREPARE migc_stmt;
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
