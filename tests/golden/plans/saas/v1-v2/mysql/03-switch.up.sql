-- migc 0.1.0: switch phase (up) for mysql
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: mariadb DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [43] swap the copy `tasks__migc` in for `tasks`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v2/projects.mig:36:37
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
        IF NOT EXISTS (SELECT 1 FROM `tasks__migc_progress` WHERE whole = 1) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: the copy of tasks is not filled yet: run the backfill phase first';
        END IF;
        CREATE TABLE IF NOT EXISTS `tasks__migc_back` LIKE `tasks`;
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
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_back_insert`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_back_insert` AFTER INSERT ON `tasks__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; INSERT INTO `tasks__migc_back` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_back_update`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_back_update` AFTER UPDATE ON `tasks__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; IF NOT (NEW.`tenant_id` <=> OLD.`tenant_id` AND NEW.`id` <=> OLD.`id`) THEN DELETE FROM `tasks__migc_back` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; END IF; INSERT INTO `tasks__migc_back` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`) VALUES (NEW.`tenant_id`, NEW.`id`, NEW.`project_id`, NEW.`number`, NEW.`title`, NEW.`description`, NEW.`body`, NEW.`status`, NEW.`priority`, NEW.`assignee_id`, NEW.`estimate_minutes`, NEW.`estimate_hours`, NEW.`due_date`, NEW.`created_at`, NEW.`updated_at`) ON DUPLICATE KEY UPDATE `tenant_id` = VALUES(`tenant_id`), `id` = VALUES(`id`), `project_id` = VALUES(`project_id`), `number` = VALUES(`number`), `title` = VALUES(`title`), `description` = VALUES(`description`), `body` = VALUES(`body`), `status` = VALUES(`status`), `priority` = VALUES(`priority`), `assignee_id` = VALUES(`assignee_id`), `estimate_minutes` = VALUES(`estimate_minutes`), `estimate_hours` = VALUES(`estimate_hours`), `due_date` = VALUES(`due_date`), `created_at` = VALUES(`created_at`), `updated_at` = VALUES(`updated_at`); SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'DROP TRIGGER IF EXISTS `migc_copy_tasks_back_delete`';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = 'CREATE TRIGGER `migc_copy_tasks_back_delete` AFTER DELETE ON `tasks__migc` FOR EACH ROW BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @migc_mirror = NULL; RESIGNAL; END; IF @migc_mirror IS NULL THEN SET @migc_mirror = 1; DELETE FROM `tasks__migc_back` WHERE `tenant_id` = OLD.`tenant_id` AND `id` = OLD.`id`; SET @migc_mirror = NULL; END IF; END';
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        RENAME TABLE `tasks` TO `tasks__migc_swap`, `tasks__migc` TO `tasks`, `tasks__migc_back` TO `tasks__migc`, `tasks__migc_swap` TO `tasks__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;

-- [44] turn index `api_keys_tenant_name_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from v2/security.mig:15:3
-- api_keys: the unique index api_keys_tenant_name_key is the constraint in MySQL, nothing to attach

-- [45] check `invitations.state__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- invitations.state__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [46] validate that `invitations.state__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- invitations_state__migc_new_not_null: nothing to validate, SET NOT NULL checks the rows

-- [47] set `invitations.state__migc_new` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/members.mig:36:3
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state__migc_new' AND IS_NULLABLE = 'NO')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `invitations__migc_progress`;
          CREATE TABLE `invitations__migc` LIKE `invitations`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations__migc` MODIFY COLUMN `state__migc_new` enum('pending','accepted','expired','revoked') NOT NULL, ADD CONSTRAINT `invitations_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `invitations_invited_by_fkey__migc` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ADD CONSTRAINT `invitations_tenant_id_role_id_fkey__migc` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=COPY;
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

-- [48] validate check `tasks_estimate_minutes_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:36:37
-- tasks_estimate_minutes_check: nothing to validate, SET NOT NULL checks the rows

-- [49] validate foreign key `tasks_assignee_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/projects.mig:44:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM `tasks` AS c WHERE c.`tenant_id` IS NOT NULL AND c.`assignee_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `memberships` AS p WHERE p.`tenant_id` = c.`tenant_id` AND p.`user_id` = c.`assignee_id`)) THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'migc: rows of tasks break foreign key tasks_assignee_fkey';
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
