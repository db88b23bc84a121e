-- migc 0.1.0: expand phase (up) for mysql
-- Additive changes only: the old and the new application both keep working.
-- Run as-is: mariadb DATABASE < 01-expand.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [1] create enum `task_status__migc`, the new shape of `task_status` (without `archived`)
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
-- enum task_status__migc: MySQL enums are column types, nothing to do

-- [2] add column `api_keys.scopes`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:14:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'api_keys' AND COLUMN_NAME = 'scopes') THEN
        IF algo = 0 THEN
          ALTER TABLE `api_keys` ADD COLUMN `scopes` json NOT NULL DEFAULT ('["*"]') AFTER `revoked_at`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `api_keys` ADD COLUMN `scopes` json NOT NULL DEFAULT ('["*"]') AFTER `revoked_at`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [3] add column `audit_log.target` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:28:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ADD COLUMN `target` text NULL AFTER `action`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ADD COLUMN `target` text NULL AFTER `action`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [4] add shadow column `audit_log.payload__migc_new` of type `native(postgres: "jsonb", mysql: "json", sqlite: "text")` for `payload`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:32:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ADD COLUMN `payload__migc_new` json NULL AFTER `payload`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ADD COLUMN `payload__migc_new` json NULL AFTER `payload`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [5] create index `audit_log_tenant_id_target_idx` on `audit_log`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/security.mig:36:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND INDEX_NAME = 'audit_log_tenant_id_target_idx') THEN
        ALTER TABLE `audit_log` ADD INDEX `audit_log_tenant_id_target_idx` (`tenant_id`, `target`(731)), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND INDEX_NAME = 'audit_log_tenant_id_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND INDEX_NAME <> 'audit_log_tenant_id_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tenant_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 1) THEN
        ALTER TABLE `audit_log` DROP INDEX `audit_log_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [6] install the dual-write trigger on `audit_log`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:21:7
DROP TRIGGER IF EXISTS `migc_sync_audit_log_insert`;
DROP TRIGGER IF EXISTS `migc_sync_audit_log_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_audit_log_insert` BEFORE INSERT ON `audit_log` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    SET NEW.`payload__migc_new` = NEW.`payload`;
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`target` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''target'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
      SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- written by the old application
      SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
    ELSEIF NEW.`target` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
    ELSE
      SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
      SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_audit_log_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF NOT (NEW.`payload` <=> OLD.`payload`) THEN
      SET NEW.`payload__migc_new` = NEW.`payload`;
    END IF;
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- updated by the new application
      IF NEW.`target` IS NULL AND OLD.`target` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''target'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`target` <=> OLD.`target`) THEN
        SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
        SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- updated by the old application
      IF NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`) OR NEW.`target` IS NULL THEN
        SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
      END IF;
    ELSEIF (NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`) OR NEW.`target` IS NULL) AND NOT (NOT (NEW.`target` <=> OLD.`target`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
    ELSEIF (NOT (NEW.`target` <=> OLD.`target`)) AND NOT (NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`)) THEN
      -- the new application's
      SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
      SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
    END IF;
  END IF;
END//
DELIMITER ;

-- [7] add shadow column `tasks.status__migc_new` of type `task_status__migc` for `status`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:36:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `status__migc_new` enum('todo','in_progress','blocked','done') NULL AFTER `status`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `status__migc_new` enum('todo','in_progress','blocked','done') NULL AFTER `status`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [8] add column `tasks.archived_at` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:41:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'archived_at') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `archived_at` datetime(6) NULL AFTER `due_date`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `archived_at` datetime(6) NULL AFTER `due_date`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [9] create index `tasks_board__migc` on `tasks`
--     lock: none (built in place, writes go on); rewrite: no; scan: yes; from v3/projects.mig:48:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_board__migc') THEN
        ALTER TABLE `tasks` ADD INDEX `tasks_board__migc` (`tenant_id`, `project_id`, `status__migc_new`, `priority`), ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_project_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME <> 'tasks_project_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tenant_id') OR (SEQ_IN_INDEX = 2 AND COLUMN_NAME = 'project_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 2) THEN
        ALTER TABLE `tasks` DROP INDEX `tasks_project_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_assignee_fkey') AND EXISTS (SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME <> 'tasks_assignee_fkey' AND ((SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'tenant_id') OR (SEQ_IN_INDEX = 2 AND COLUMN_NAME = 'assignee_id')) GROUP BY INDEX_NAME HAVING COUNT(*) = 2) THEN
        ALTER TABLE `tasks` DROP INDEX `tasks_assignee_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [10] install the dual-write trigger on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:29:7
DROP TRIGGER IF EXISTS `migc_sync_tasks_insert`;
DROP TRIGGER IF EXISTS `migc_sync_tasks_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_tasks_insert` BEFORE INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- written by the new application (its connections set @migc_app)
      DO 0;
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- written by the old application
      SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
    ELSEIF NEW.`archived_at` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
    ELSE
      DO 0;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_tasks_update` BEFORE UPDATE ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF NOT (NEW.`status` <=> OLD.`status`) THEN
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- updated by the new application
      IF NOT (NEW.`archived_at` <=> OLD.`archived_at`) THEN
        DO 0;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) OR NOT (NEW.`updated_at` <=> OLD.`updated_at`) OR NEW.`archived_at` IS NULL THEN
        SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
      END IF;
    ELSEIF (NOT (NEW.`status` <=> OLD.`status`) OR NOT (NEW.`updated_at` <=> OLD.`updated_at`) OR NEW.`archived_at` IS NULL) AND NOT (NOT (NEW.`archived_at` <=> OLD.`archived_at`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
    ELSEIF (NOT (NEW.`archived_at` <=> OLD.`archived_at`)) AND NOT (FALSE) THEN
      -- the new application's
      DO 0;
    END IF;
  END IF;
END//
DELIMITER ;

-- [11] add column `tenants.display_name` (filled from the deployed shape)
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/tenants.mig:11:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'display_name') THEN
        IF algo = 0 THEN
          ALTER TABLE `tenants` ADD COLUMN `display_name` text NULL AFTER `slug`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tenants` ADD COLUMN `display_name` text NULL AFTER `slug`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [12] install the dual-write trigger on `tenants`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/tenants.mig:7:7
DROP TRIGGER IF EXISTS `migc_sync_tenants_insert`;
DROP TRIGGER IF EXISTS `migc_sync_tenants_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_tenants_insert` BEFORE INSERT ON `tenants` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`display_name` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''display_name'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`name` = NEW.`display_name`;
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- written by the old application
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF NEW.`display_name` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`display_name` = NEW.`name`;
    ELSE
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_tenants_update` BEFORE UPDATE ON `tenants` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_bc49d849327a' THEN
      -- updated by the new application
      IF NEW.`display_name` IS NULL AND OLD.`display_name` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''display_name'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`display_name` <=> OLD.`display_name`) THEN
        SET NEW.`name` = NEW.`display_name`;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_01958c00df9b' THEN
      -- updated by the old application
      IF NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL THEN
        SET NEW.`display_name` = NEW.`name`;
      END IF;
    ELSEIF (NOT (NEW.`name` <=> OLD.`name`) OR NEW.`display_name` IS NULL) AND NOT (NOT (NEW.`display_name` <=> OLD.`display_name`)) THEN
      -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
      SET NEW.`display_name` = NEW.`name`;
    ELSEIF (NOT (NEW.`display_name` <=> OLD.`display_name`)) AND NOT (NOT (NEW.`name` <=> OLD.`name`)) THEN
      -- the new application's
      SET NEW.`name` = NEW.`display_name`;
    END IF;
  END IF;
END//
DELIMITER ;

-- [13] drop view `open_tasks` to redefine it
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS `open_tasks`;

-- [14] create view `open_tasks` with its new query
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/projects.mig:52:6
CREATE OR REPLACE VIEW `open_tasks` AS SELECT `t`.`tenant_id`, `t`.`id`, `p`.`key`, `t`.`number`, `t`.`title`, `t`.`status`, `t`.`assignee_id`, `t`.`due_date` FROM `tasks` t JOIN `projects` p ON `p`.`tenant_id` = `t`.`tenant_id` AND `p`.`id` = `t`.`project_id` WHERE `t`.`status` IN ('todo', 'in_progress', 'blocked') AND `t`.`archived_at` IS NULL AND `p`.`deleted_at` IS NULL;
