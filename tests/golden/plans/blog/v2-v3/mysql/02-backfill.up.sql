-- migc 0.1.0: backfill phase (up) for mysql
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: mariadb DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [34] backfill `author_name__migc_new` on `comments`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/comments.mig:6:7
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
      SELECT `id` INTO max_0 FROM `comments` ORDER BY `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL;
        SELECT b.`id` INTO upto_0
          FROM (SELECT `id` FROM `comments`
                WHERE (started = 0 OR `id` > last_0) AND `id` <= max_0
                ORDER BY `id` LIMIT batch_size) AS b
          ORDER BY b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `comments` SET `author_name__migc_new` = COALESCE(`comments`.`author_name__migc_new`, SUBSTR(`comments`.`author_name`, 1, 100))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`comments`.`author_name__migc_new` IS NULL);
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

-- [35] backfill `topic_id` on `post_tags`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:54:7
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
      SELECT `post_id`, `tag_id` INTO max_0, max_1 FROM `post_tags` ORDER BY `post_id` DESC, `tag_id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL, upto_1 = NULL;
        SELECT b.`post_id`, b.`tag_id` INTO upto_0, upto_1
          FROM (SELECT `post_id`, `tag_id` FROM `post_tags`
                WHERE (started = 0 OR (`post_id`, `tag_id`) > (last_0, last_1)) AND (`post_id`, `tag_id`) <= (max_0, max_1)
                ORDER BY `post_id`, `tag_id` LIMIT batch_size) AS b
          ORDER BY b.`post_id` DESC, b.`tag_id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `post_tags` SET `topic_id` = COALESCE(`post_tags`.`topic_id`, `post_tags`.`tag_id`)
          WHERE (started = 0 OR (`post_id`, `tag_id`) > (last_0, last_1)) AND (`post_id`, `tag_id`) <= (upto_0, upto_1) AND (`post_tags`.`topic_id` IS NULL);
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

-- [36] backfill `summary` on `posts`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v3/posts.mig:7:7
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
      SELECT `id` INTO max_0 FROM `posts` ORDER BY `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL;
        SELECT b.`id` INTO upto_0
          FROM (SELECT `id` FROM `posts`
                WHERE (started = 0 OR `id` > last_0) AND `id` <= max_0
                ORDER BY `id` LIMIT batch_size) AS b
          ORDER BY b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `posts` SET `summary` = COALESCE(`posts`.`summary`, coalesce(`posts`.`excerpt`, SUBSTR(`posts`.`body_markdown`, 1, 280)))
          WHERE (started = 0 OR `id` > last_0) AND `id` <= upto_0 AND (`posts`.`summary` IS NULL);
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
