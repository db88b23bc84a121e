CREATE TABLE `users` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) COLLATE utf8mb4_unicode_ci NOT NULL,
  `name` varchar(255) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT NULL,
  `nickname` varchar(50) COLLATE utf8mb4_bin DEFAULT NULL,
  `is_admin` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_email_unique` (`email`),
  KEY `users_name_index` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `posts` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int(10) unsigned NOT NULL,
  `title` varchar(255) NOT NULL,
  `body` mediumtext NOT NULL,
  `code` varchar(100) DEFAULT NULL,
  `status` enum('draft','published','archived') NOT NULL DEFAULT 'draft',
  `views` bigint(20) NOT NULL DEFAULT 0 COMMENT 'page views',
  `published_at` datetime DEFAULT NULL,
  `edited_at` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),
  PRIMARY KEY (`id`),
  KEY `posts_user_id_foreign` (`user_id`),
  KEY `posts_status_published_at_index` (`status`,`published_at`),
  CONSTRAINT `posts_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='blog posts';
CREATE TABLE `settings` (
  `label` varchar(300) DEFAULT NULL,
  `k` varchar(64) NOT NULL,
  `note` varchar(100) DEFAULT NULL,
  `v` text DEFAULT NULL,
  PRIMARY KEY (`k`)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
CREATE TABLE `tags` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `slug` varchar(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `label` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tags_slug_unique` (`slug`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE `counters` (
  `tenant_id` int(11) NOT NULL,
  `seq` int(11) NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  PRIMARY KEY (`tenant_id`,`seq`),
  KEY `counters_seq_index` (`seq`),
  FULLTEXT KEY `counters_title_ft` (`title`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `events` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `hits` bigint(20) unsigned NOT NULL DEFAULT 0,
  `payload` longtext DEFAULT NULL,
  `flag` tinyint(4) NOT NULL DEFAULT 0,
  `label` varchar(100) DEFAULT NULL,
  `code` varchar(20) COLLATE utf8mb4_bin DEFAULT NULL,
  `touched_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `checked_at` timestamp NULL DEFAULT NULL,
  `country` varchar(2) NOT NULL DEFAULT 'US',
  `flags` set('new','sale','hot') DEFAULT NULL,
  `bits` set('a','b','c','d','e','f','g','h','i') DEFAULT NULL,
  `ratio` double(8,2) DEFAULT NULL,
  `ref` char(36) NOT NULL DEFAULT '',
  `seen_at` timestamp NULL DEFAULT current_timestamp(),
  PRIMARY KEY (`id`),
  KEY `events_label_index` (`label`),
  KEY `events_ref_prefix` (`ref`(8))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `articles` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `body` text DEFAULT NULL,
  `summary` varchar(100) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  FULLTEXT KEY `articles_ft` (`title`,`body`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `members` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `members_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `logs` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `msg` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
CREATE TABLE `readings` (
  `id` bigint(20) NOT NULL,
  `taken` date NOT NULL,
  `note` varchar(40) DEFAULT NULL,
  PRIMARY KEY (`id`,`taken`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
/*!50100 PARTITION BY RANGE (year(`taken`))
(PARTITION p2023 VALUES LESS THAN (2024) ENGINE = InnoDB,
 PARTITION pmax VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */;
CREATE TABLE `buckets` (
  `id` bigint(20) NOT NULL,
  `v` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
/*!50100 PARTITION BY HASH (`id`)
PARTITIONS 4 */;
CREATE TABLE `codes` (
  `id` int(10) unsigned zerofill NOT NULL AUTO_INCREMENT,
  `code` int(5) zerofill DEFAULT NULL,
  `label` varchar(10) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Views as mysqldump writes them: whose rights they run with and their check option are
-- kept, and a change of either alone makes the view again.
CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW `admins` AS select `users`.`id` AS `id`,`users`.`email` AS `email` from `users` where `users`.`is_admin` = 1;
CREATE VIEW `recent_users` AS SELECT `id`, `email` FROM `users` WHERE `id` > 100 WITH LOCAL CHECK OPTION;
CREATE SQL SECURITY INVOKER VIEW `named_users` AS SELECT `id`, `name` FROM `users` WHERE `name` IS NOT NULL WITH CASCADED CHECK OPTION;
-- A key widened in place and a new table referencing it: the foreign key waits for the wider
-- type (MariaDB refuses one between columns of different types, 1825).
CREATE TABLE `authors` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `name` varchar(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `books` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `author_id` bigint(20) NOT NULL,
  `title` varchar(200) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `books_author_id_foreign` (`author_id`),
  CONSTRAINT `books_author_id_foreign` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- A table converted to another character set (by the online copy): its columns naming no
-- collation of their own follow it, one naming its own keeps it. MySQL's concat() is null when
-- an argument is, and stays concat().
CREATE TABLE `legacy_notes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `body` varchar(200) NOT NULL,
  `code` varchar(10) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL,
  `label` varchar(220) GENERATED ALWAYS AS (concat(`body`,' #',`code`)) VIRTUAL,
  PRIMARY KEY (`id`),
  KEY `legacy_notes_body` (`body`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- A named foreign key over a column an index of its own (named after the column) covers: the
-- index is the schema's, not one InnoDB made for the key. A time given fractional seconds is
-- a widening (copied online).
CREATE TABLE `reviews` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `author_id` bigint(20) DEFAULT NULL,
  `created` datetime(3) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `author_id` (`author_id`),
  CONSTRAINT `reviews_author_fk` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- A trigger outside the model on a table the plan copies online: made again on the copy.
CREATE TABLE `note_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `note_id` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
DELIMITER ;;
CREATE TRIGGER `legacy_notes_ai` AFTER INSERT ON `legacy_notes` FOR EACH ROW BEGIN
  IF NEW.code IS NOT NULL THEN
    INSERT INTO note_log (note_id) VALUES (NEW.id);
  END IF;
END;;
DELIMITER ;
-- A generated column that becomes STORED, with an index on it: MariaDB turns neither kind
-- into the other in place (1907).
CREATE TABLE `gauges` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `reading` int(11) NOT NULL,
  `doubled` int(11) GENERATED ALWAYS AS (`reading` * 2) STORED,
  PRIMARY KEY (`id`),
  KEY `gauges_doubled` (`reading`,`doubled`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE ALGORITHM=TEMPTABLE VIEW `admin_emails` AS SELECT `email` FROM `users` WHERE `is_admin` = 1;
CREATE ALGORITHM=TEMPTABLE VIEW `user_count` AS SELECT count(*) AS `n` FROM `users`;
