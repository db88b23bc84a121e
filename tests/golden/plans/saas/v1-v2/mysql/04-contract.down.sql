-- migc 0.1.0: contract phase (down) for mysql
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: mariadb DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [86] undo: show view `open_tasks` to the new application as it now is (the version's database for `migc_6b981af45e06`)
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

-- [85] undo: recreate view `open_tasks`
--     lock: shared metadata lock; rewrite: no; scan: no; from v2/projects.mig:49:6
DROP VIEW IF EXISTS `open_tasks`;

-- [84] undo: drop column `tasks.estimate_hours`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'estimate_hours') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `estimate_hours` decimal(5,1) NULL AFTER `estimate_minutes`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `estimate_hours` decimal(5,1) NULL AFTER `estimate_minutes`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'estimate_hours') THEN
        UPDATE `tasks` SET `estimate_hours` = `estimate_minutes` / 60.0 WHERE `estimate_hours` IS NULL;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'estimate_hours') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` MODIFY COLUMN `estimate_hours` decimal(5,1) NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` MODIFY COLUMN `estimate_hours` decimal(5,1) NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [83] undo: drop column `tasks.body`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'body') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `body` text NULL AFTER `description`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `body` text NULL AFTER `description`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'body') THEN
        UPDATE `tasks` SET `body` = `description` WHERE `body` IS NULL;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'body') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` MODIFY COLUMN `body` text NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` MODIFY COLUMN `body` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [82] undo: drop view `open_tasks` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW `open_tasks` AS SELECT `t`.`tenant_id`, `t`.`id`, `p`.`key`, `t`.`number`, `t`.`title`, `t`.`status`, `t`.`assignee_id`, `t`.`due_date` FROM `tasks` t JOIN `projects` p ON `p`.`tenant_id` = `t`.`tenant_id` AND `p`.`id` = `t`.`project_id` WHERE `t`.`status` IN ('todo', 'in_progress', 'blocked') AND `p`.`deleted_at` IS NULL;

-- [81] undo: drop column `tenants.billing_email`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/tenants.mig:16:15
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'billing_email') THEN
        IF algo = 0 THEN
          ALTER TABLE `tenants` ADD COLUMN `billing_email` text NULL AFTER `region`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tenants` ADD COLUMN `billing_email` text NULL AFTER `region`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [80] undo: remove the dual-write trigger on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:25:7
-- the dual-write triggers of tasks come back with the first contract step on it

-- [79] undo: drop check `tasks_estimate_hours_check` on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
-- check tasks_estimate_hours_check is not restored: adding a check copies the table on MySQL
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

-- [78] undo: show table `members` to the new application as it now is (the version's database for `migc_6b981af45e06`)
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
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'SHOW VIEW');
      DECLARE CONTINUE HANDLER FOR NOT FOUND SET finished = 1;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND COLUMN_NAME IN ('joined_at', 'role_id', 'tenant_id', 'user_id')) = 4 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`members` (`tenant_id`, `user_id`, `role_id`, `joined_at`) AS SELECT `tenant_id`, `user_id`, `role_id`, `joined_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`members`');
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

-- [77] undo: rename table `memberships` to `members`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:19:7
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        RENAME TABLE `members` TO `memberships`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [76] undo: rename index `memberships_user_id_idx` to `members_user_id_idx`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:26:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND INDEX_NAME = 'members_user_id_idx') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND INDEX_NAME = 'memberships_user_id_idx') THEN
          IF algo = 0 THEN
            ALTER TABLE `memberships` RENAME INDEX `members_user_id_idx` TO `memberships_user_id_idx`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `memberships` RENAME INDEX `members_user_id_idx` TO `memberships_user_id_idx`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [75] undo: rename constraint `memberships_role_fkey` to `members_role_fkey` on `memberships`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:25:3
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'memberships_role_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `memberships` ADD CONSTRAINT `memberships_role_fkey` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_role_fkey') THEN
          IF algo = 0 THEN
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_role_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_role_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND INDEX_NAME = 'members_role_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_role_fkey') THEN
          ALTER TABLE `memberships` DROP INDEX `members_role_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [74] undo: rename constraint `memberships_user_id_fkey` to `members_user_id_fkey` on `memberships`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:21:45
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'memberships_user_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `memberships` ADD CONSTRAINT `memberships_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_user_id_fkey') THEN
          IF algo = 0 THEN
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_user_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND INDEX_NAME = 'members_user_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_user_id_fkey') THEN
          ALTER TABLE `memberships` DROP INDEX `members_user_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [73] undo: rename constraint `memberships_tenant_id_fkey` to `members_tenant_id_fkey` on `memberships`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:20:45
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'memberships_tenant_id_fkey') THEN
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `memberships` ADD CONSTRAINT `memberships_tenant_id_fkey` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
          SET SESSION foreign_key_checks = 1;
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND TABLE_TYPE = 'BASE TABLE') THEN
        IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_tenant_id_fkey') THEN
          IF algo = 0 THEN
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_tenant_id_fkey`, ALGORITHM=INSTANT;
          ELSE
            ALTER TABLE `memberships` DROP FOREIGN KEY `members_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
          END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND INDEX_NAME = 'members_tenant_id_fkey') AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'memberships' AND CONSTRAINT_NAME = 'members_tenant_id_fkey') THEN
          ALTER TABLE `memberships` DROP INDEX `members_tenant_id_fkey`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [72] undo: rename constraint `memberships_pkey` to `members_pkey` on `memberships`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:24:3
-- memberships_pkey becomes members_pkey: MySQL names every primary key PRIMARY

-- [71] undo: remove the dual-write trigger on `invitations`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:29:7
-- the dual-write triggers of invitations come back with the first contract step on it

-- [70] undo: set the default of `invitations.state`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` ALTER COLUMN `state` SET DEFAULT 'pending', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` ALTER COLUMN `state` SET DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [69] undo: put shadow column `state__migc_new` in place of `invitations.state`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` RENAME COLUMN `state` TO `state__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` RENAME COLUMN `state` TO `state__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [68] undo: give enum `invitation_state__migc` the name `invitation_state`
--     lock: none; rewrite: no; scan: no; from v2/members.mig:5:6
-- enum invitation_state__migc becomes invitation_state: MySQL enums are column types, nothing to do

-- [67] undo: drop column `invitations.state`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` RENAME COLUMN `state` TO `state__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` RENAME COLUMN `state` TO `state__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` ADD COLUMN `state` enum('pending','accepted','expired','revoked','cancelled') NULL AFTER `token_hash`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` ADD COLUMN `state` enum('pending','accepted','expired','revoked','cancelled') NULL AFTER `token_hash`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` MODIFY COLUMN `state` enum('pending','accepted','expired','revoked','cancelled') NULL DEFAULT 'pending', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` MODIFY COLUMN `state` enum('pending','accepted','expired','revoked','cancelled') NULL DEFAULT 'pending', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [66] undo: rename index `invitations_open_per_email__migc` to `invitations_open_per_email`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:42:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_open_per_email') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_open_per_email__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` RENAME INDEX `invitations_open_per_email` TO `invitations_open_per_email__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` RENAME INDEX `invitations_open_per_email` TO `invitations_open_per_email__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'invitations_open_per_email__expr2') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'invitations_open_per_email__migc__expr2') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` RENAME COLUMN `invitations_open_per_email__expr2` TO `invitations_open_per_email__migc__expr2`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` RENAME COLUMN `invitations_open_per_email__expr2` TO `invitations_open_per_email__migc__expr2`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND TABLE_TYPE = 'BASE TABLE') AND EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'invitations_open_per_email__where') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'invitations_open_per_email__migc__where') THEN
        IF algo = 0 THEN
          ALTER TABLE `invitations` RENAME COLUMN `invitations_open_per_email__where` TO `invitations_open_per_email__migc__where`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `invitations` RENAME COLUMN `invitations_open_per_email__where` TO `invitations_open_per_email__migc__where`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [65] undo: show table `invitations` to the new application as it now is (the version's database for `migc_6b981af45e06`)
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

-- [64] undo: drop index `invitations_open_per_email` on `invitations`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF NOT (EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND INDEX_NAME = 'invitations_open_per_email')) THEN
        IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations__migc' AND TABLE_TYPE = 'BASE TABLE') THEN
          DROP TABLE IF EXISTS `invitations__migc_progress`;
          CREATE TABLE `invitations__migc` LIKE `invitations`;
          SET SESSION foreign_key_checks = 0;
          ALTER TABLE `invitations__migc` ADD COLUMN `invitations_open_per_email__expr2` text AS (lower(`email`)) STORED, ADD COLUMN `invitations_open_per_email__where` smallint AS (CASE WHEN `state` = 'pending' THEN 1 END) STORED, ADD UNIQUE INDEX `invitations_open_per_email` (`tenant_id`, `invitations_open_per_email__expr2`(727), `invitations_open_per_email__where`), ADD CONSTRAINT `invitations_tenant_id_fkey__migc` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `invitations_invited_by_fkey__migc` FOREIGN KEY (`invited_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, ADD CONSTRAINT `invitations_tenant_id_role_id_fkey__migc` FOREIGN KEY (`tenant_id`, `role_id`) REFERENCES `roles` (`tenant_id`, `id`) ON DELETE CASCADE, ALGORITHM=COPY;
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

-- [63] undo: drop the view `members` standing for table `memberships`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/members.mig:19:7
CREATE OR REPLACE VIEW `members` AS SELECT * FROM `memberships`;

-- [62] undo: keep showing table `members` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_6b981af45e06`)
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

-- [61] undo: keep showing table `invitations` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_6b981af45e06`)
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

-- [60] undo: stop showing view `open_tasks` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [59] undo: stop showing table `users` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [58] undo: stop showing table `tenants` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [57] undo: stop showing table `tasks` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [56] undo: stop showing table `roles` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [55] undo: stop showing table `projects` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [54] undo: stop showing table `memberships` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [53] undo: stop showing table `invitations` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [52] undo: stop showing table `audit_log` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [51] undo: stop showing table `api_keys` to the old application (the version's database for `migc_b4f21449a28c`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [50] undo: drop the table `tasks` was copied from
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v2/projects.mig:36:37
-- tasks: the table it replaced is gone; the copy stays, with every row
