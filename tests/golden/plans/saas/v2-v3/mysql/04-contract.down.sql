-- migc 0.1.0: contract phase (down) for mysql
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: mariadb DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [79] undo: show table `tenants` to the new application as it now is (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME IN ('created_at', 'deleted_at', 'display_name', 'id', 'plan', 'region', 'seat_limit', 'slug', 'updated_at')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tenants` (`id`, `slug`, `display_name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `slug`, `display_name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tenants`');
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

-- [78] undo: rename column `tenants.name` to `display_name` (the new application has seen it so since expand)
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'display_name') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tenants' AND COLUMN_NAME = 'name') THEN
        IF algo = 0 THEN
          ALTER TABLE `tenants` RENAME COLUMN `display_name` TO `name`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tenants` RENAME COLUMN `display_name` TO `name`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [77] undo: show view `open_tasks` to the new application as it now is (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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

-- [76] undo: recreate view `open_tasks`
--     lock: shared metadata lock; rewrite: no; scan: no; from v3/projects.mig:52:6
DROP VIEW IF EXISTS `open_tasks`;

-- [75] undo: remove the dual-write trigger on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:29:7
-- the dual-write triggers of tasks come back with the first contract step on it

-- [74] undo: set the default of `tasks.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ALTER COLUMN `status` SET DEFAULT 'todo', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ALTER COLUMN `status` SET DEFAULT 'todo', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [73] undo: put shadow column `status__migc_new` in place of `tasks.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [72] undo: give enum `task_status__migc` the name `task_status`
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:10:6
-- enum task_status__migc becomes task_status: MySQL enums are column types, nothing to do

-- [71] undo: drop column `tasks.status`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` RENAME COLUMN `status` TO `status__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` ADD COLUMN `status` enum('todo','in_progress','blocked','done','archived') NULL AFTER `description`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` ADD COLUMN `status` enum('todo','in_progress','blocked','done','archived') NULL AFTER `description`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` MODIFY COLUMN `status` enum('todo','in_progress','blocked','done','archived') NULL DEFAULT 'todo', ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` MODIFY COLUMN `status` enum('todo','in_progress','blocked','done','archived') NULL DEFAULT 'todo', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM `tasks` WHERE `status` IS NULL) THEN
          ALTER TABLE `tasks` MODIFY COLUMN `status` enum('todo','in_progress','blocked','done','archived') NOT NULL DEFAULT 'todo', ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [70] undo: drop view `open_tasks` while its tables change
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
CREATE OR REPLACE VIEW `open_tasks` AS SELECT `t`.`tenant_id`, `t`.`id`, `p`.`key`, `t`.`number`, `t`.`title`, `t`.`status`, `t`.`assignee_id`, `t`.`due_date` FROM `tasks` t JOIN `projects` p ON `p`.`tenant_id` = `t`.`tenant_id` AND `p`.`id` = `t`.`project_id` WHERE `t`.`status` IN ('todo', 'in_progress', 'blocked') AND `t`.`archived_at` IS NULL AND `p`.`deleted_at` IS NULL;

-- [69] undo: rename index `tasks_board__migc` to `tasks_board`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/projects.mig:48:3
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
      IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_board') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_board__migc') THEN
        IF algo = 0 THEN
          ALTER TABLE `tasks` RENAME INDEX `tasks_board` TO `tasks_board__migc`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `tasks` RENAME INDEX `tasks_board` TO `tasks_board__migc`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [68] undo: show table `tasks` to the new application as it now is (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME IN ('archived_at', 'assignee_id', 'created_at', 'description', 'due_date', 'estimate_minutes', 'id', 'number', 'priority', 'project_id', 'status', 'tenant_id', 'title', 'updated_at')) = 14 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tasks` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `archived_at`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `archived_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tasks`');
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

-- [67] undo: drop index `tasks_board` on `tasks`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND INDEX_NAME = 'tasks_board') THEN
        ALTER TABLE `tasks` ADD INDEX `tasks_board` (`tenant_id`, `project_id`, `status`, `priority`), ALGORITHM=INPLACE, LOCK=NONE;
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
DROP TRIGGER IF EXISTS `migc_sync_tasks_insert`;
DROP TRIGGER IF EXISTS `migc_sync_tasks_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_tasks_insert` BEFORE INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_156ae90ae671' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`status__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`status` = CAST(CAST(NEW.`status__migc_new` AS CHAR) AS CHAR);
    ELSEIF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- written by the old application
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
    ELSEIF NEW.`archived_at` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
    ELSE
      SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_tasks_update` BEFORE UPDATE ON `tasks` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_156ae90ae671' THEN
      -- updated by the new application
      IF NEW.`status__migc_new` IS NULL AND OLD.`status__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''status'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`status__migc_new` <=> OLD.`status__migc_new`) THEN
        SET NEW.`status` = CAST(CAST(NEW.`status__migc_new` AS CHAR) AS CHAR);
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- updated by the old application
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF NOT (NEW.`status` <=> OLD.`status`) OR NOT (NEW.`updated_at` <=> OLD.`updated_at`) OR NEW.`archived_at` IS NULL THEN
        SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
      END IF;
    ELSE
      IF NOT (NEW.`status` <=> OLD.`status`) THEN
        SET NEW.`status__migc_new` = CAST(CASE CAST(NEW.`status` AS CHAR) WHEN 'archived' THEN NULL ELSE CAST(NEW.`status` AS CHAR) END AS CHAR);
      END IF;
      IF (NOT (NEW.`status` <=> OLD.`status`) OR NOT (NEW.`updated_at` <=> OLD.`updated_at`) OR NEW.`archived_at` IS NULL) AND NOT (NOT (NEW.`archived_at` <=> OLD.`archived_at`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`archived_at` = CASE WHEN NEW.`status` = 'archived' THEN NEW.`updated_at` END;
      ELSEIF (NOT (NEW.`archived_at` <=> OLD.`archived_at`)) AND NOT (FALSE) THEN
        -- the new application's
        DO 0;
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [66] undo: drop column `audit_log.target_id`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:30:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ADD COLUMN `target_id` text NULL AFTER `target`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ADD COLUMN `target_id` text NULL AFTER `target`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_id') THEN
        UPDATE `audit_log` SET `target_id` = substring_index(substring_index(`target`, ':', 2), ':', -1) WHERE `target_id` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_id') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `target_id` text NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` MODIFY COLUMN `target_id` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM `audit_log` WHERE `target_id` IS NULL) THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `target_id` text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [65] undo: drop column `audit_log.target_type`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:29:3
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_type') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ADD COLUMN `target_type` varchar(32) NULL AFTER `target`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ADD COLUMN `target_type` varchar(32) NULL AFTER `target`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_type') THEN
        UPDATE `audit_log` SET `target_type` = substring_index(substring_index(`target`, ':', 1), ':', -1) WHERE `target_type` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_type') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `target_type` varchar(32) NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` MODIFY COLUMN `target_type` varchar(32) NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM `audit_log` WHERE `target_type` IS NULL) THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `target_type` varchar(32) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [64] undo: remove the dual-write trigger on `audit_log`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from v3/security.mig:21:7
-- the dual-write triggers of audit_log come back with the first contract step on it

-- [63] undo: set the default of `audit_log.payload`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ALTER COLUMN `payload` SET DEFAULT ('{}'), ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ALTER COLUMN `payload` SET DEFAULT ('{}'), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [62] undo: put shadow column `payload__migc_new` in place of `audit_log.payload`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` RENAME COLUMN `payload` TO `payload__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` RENAME COLUMN `payload` TO `payload__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [61] undo: drop column `audit_log.payload`
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` RENAME COLUMN `payload` TO `payload__migc_new`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` RENAME COLUMN `payload` TO `payload__migc_new`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') AND EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND CONSTRAINT_NAME = 'payload') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `payload__migc_new` json NOT NULL, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` MODIFY COLUMN `payload__migc_new` json NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` ADD COLUMN `payload` json NULL AFTER `target_id`, ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` ADD COLUMN `payload` json NULL AFTER `target_id`, ALGORITHM=INPLACE, LOCK=NONE;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') THEN
        UPDATE `audit_log` SET `payload` = `payload__migc_new` WHERE `payload` IS NULL;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload') THEN
        IF algo = 0 THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `payload` json NULL DEFAULT ('{}'), ALGORITHM=INSTANT;
        ELSE
          ALTER TABLE `audit_log` MODIFY COLUMN `payload` json NULL DEFAULT ('{}'), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM `audit_log` WHERE `payload` IS NULL) THEN
          ALTER TABLE `audit_log` MODIFY COLUMN `payload` json NOT NULL DEFAULT ('{}'), ALGORITHM=INPLACE, LOCK=NONE;
        END IF;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [60] undo: let `audit_log.target_id` accept null before the dual-write trigger goes
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_id') AND NOT EXISTS (SELECT 1 FROM `audit_log` WHERE `target_id` IS NULL) THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `target_id` text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [59] undo: let `audit_log.target_type` accept null before the dual-write trigger goes
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target_type') AND NOT EXISTS (SELECT 1 FROM `audit_log` WHERE `target_type` IS NULL) THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `target_type` varchar(32) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [58] undo: show table `audit_log` to the new application as it now is (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME IN ('action', 'actor_id', 'api_key_id', 'id', 'ip_address', 'occurred_at', 'payload', 'target', 'tenant_id')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`audit_log` (`id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target`, `payload`, `ip_address`, `occurred_at`) AS SELECT `id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target`, `payload`, `ip_address`, `occurred_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`audit_log`');
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

-- [57] undo: drop index `audit_log_tenant_id_target_type_target_id_idx` on `audit_log`
--     lock: exclusive metadata lock (brief); rewrite: no; scan: no; from the deployed schema
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND TABLE_TYPE = 'BASE TABLE') AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND INDEX_NAME = 'audit_log_tenant_id_target_type_target_id_idx') THEN
        ALTER TABLE `audit_log` ADD INDEX `audit_log_tenant_id_target_type_target_id_idx` (`tenant_id`, `target_type`, `target_id`(699)), ALGORITHM=INPLACE, LOCK=NONE;
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
DROP TRIGGER IF EXISTS `migc_sync_audit_log_insert`;
DROP TRIGGER IF EXISTS `migc_sync_audit_log_update`;
DELIMITER //
CREATE TRIGGER `migc_sync_audit_log_insert` BEFORE INSERT ON `audit_log` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_156ae90ae671' THEN
      -- written by the new application (its connections set @migc_app)
      IF NEW.`target` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''target'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`payload__migc_new` IS NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''payload'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
      SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
      SET NEW.`payload` = NEW.`payload__migc_new`;
    ELSEIF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- written by the old application
      SET NEW.`payload__migc_new` = NEW.`payload`;
      SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
    ELSEIF NEW.`target` IS NULL THEN
      -- written by a connection of neither version, told by the columns it fills
      SET NEW.`payload__migc_new` = NEW.`payload`;
      SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
    ELSE
      SET NEW.`payload__migc_new` = NEW.`payload`;
      SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
      SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
    END IF;
  END IF;
END//
CREATE TRIGGER `migc_sync_audit_log_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW
BEGIN
  IF COALESCE(@migc_backfill, '') <> 'on' THEN
    IF COALESCE(@migc_app, '') = 'migc_156ae90ae671' THEN
      -- updated by the new application
      IF NEW.`target` IS NULL AND OLD.`target` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''target'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NEW.`payload__migc_new` IS NULL AND OLD.`payload__migc_new` IS NOT NULL THEN
        SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Column ''payload'' cannot be null', MYSQL_ERRNO = 1048;
      END IF;
      IF NOT (NEW.`target` <=> OLD.`target`) THEN
        SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
        SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
      END IF;
      IF NOT (NEW.`payload__migc_new` <=> OLD.`payload__migc_new`) THEN
        SET NEW.`payload` = NEW.`payload__migc_new`;
      END IF;
    ELSEIF COALESCE(@migc_app, '') = 'migc_6b981af45e06' THEN
      -- updated by the old application
      IF NOT (NEW.`payload` <=> OLD.`payload`) THEN
        SET NEW.`payload__migc_new` = NEW.`payload`;
      END IF;
      IF NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`) OR NEW.`target` IS NULL THEN
        SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
      END IF;
    ELSE
      IF NOT (NEW.`payload` <=> OLD.`payload`) THEN
        SET NEW.`payload__migc_new` = NEW.`payload`;
      END IF;
      IF (NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`) OR NEW.`target` IS NULL) AND NOT (NOT (NEW.`target` <=> OLD.`target`)) THEN
        -- updated by a connection of neither version: the old application's (or a row the backfill has not reached yet)
        SET NEW.`target` = concat(NEW.`target_type`, ':', NEW.`target_id`);
      ELSEIF (NOT (NEW.`target` <=> OLD.`target`)) AND NOT (NOT (NEW.`target_type` <=> OLD.`target_type`) OR NOT (NEW.`target_id` <=> OLD.`target_id`)) THEN
        -- the new application's
        SET NEW.`target_type` = substring_index(substring_index(NEW.`target`, ':', 1), ':', -1);
        SET NEW.`target_id` = substring_index(substring_index(NEW.`target`, ':', 2), ':', -1);
      END IF;
    END IF;
  END IF;
END//
DELIMITER ;

-- [56] undo: keep showing table `tenants` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tenants` (`id`, `slug`, `display_name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at`) AS SELECT `id`, `slug`, `name`, `plan`, `seat_limit`, `region`, `created_at`, `updated_at`, `deleted_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tenants`');
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

-- [55] undo: keep showing table `tasks` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME IN ('archived_at', 'assignee_id', 'created_at', 'description', 'due_date', 'estimate_minutes', 'id', 'number', 'priority', 'project_id', 'status__migc_new', 'tenant_id', 'title', 'updated_at')) = 14 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`tasks` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `archived_at`, `created_at`, `updated_at`) AS SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `status__migc_new`, `priority`, `assignee_id`, `estimate_minutes`, `due_date`, `archived_at`, `created_at`, `updated_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`tasks`');
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

-- [54] undo: keep showing table `audit_log` to the new application in its shape (what a rollback of contract restores) (the version's database for `migc_156ae90ae671`)
--     lock: shared metadata lock; rewrite: no; scan: no; from the deployed schema
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE vdb VARCHAR(64) DEFAULT CONCAT(IF(CHAR_LENGTH(DATABASE()) <= 45, DATABASE(), CONCAT(LEFT(DATABASE(), 36), '_', LEFT(SHA2(DATABASE(), 256), 8))), '__migc_156ae90ae671');
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
      IF (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME IN ('action', 'actor_id', 'api_key_id', 'id', 'ip_address', 'occurred_at', 'payload__migc_new', 'target', 'tenant_id')) = 9 THEN
        SET @migc_sql = CONCAT('CREATE DATABASE IF NOT EXISTS ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'));
        PREPARE migc_stmt FROM @migc_sql;
        EXECUTE migc_stmt;
        DEALLOCATE PREPARE migc_stmt;
        SET @migc_sql = CONCAT('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW ', CONCAT('`', REPLACE(vdb, '`', '``'), '`'), '.`audit_log` (`id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target`, `payload`, `ip_address`, `occurred_at`) AS SELECT `id`, `tenant_id`, `actor_id`, `api_key_id`, `action`, `target`, `payload__migc_new`, `ip_address`, `occurred_at` FROM ', CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`'), '.`audit_log`');
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

-- [53] undo: stop showing view `open_tasks` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [52] undo: stop showing table `users` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [51] undo: stop showing table `tenants` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [50] undo: stop showing table `tasks` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [49] undo: stop showing table `roles` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [48] undo: stop showing table `projects` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [47] undo: stop showing table `members` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [46] undo: stop showing table `invitations` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [45] undo: stop showing table `audit_log` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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

-- [44] undo: stop showing table `api_keys` to the old application (the version's database for `migc_6b981af45e06`)
--     lock: exclusive metadata lock (on the view); rewrite: no; scan: no; from the deployed schema
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
