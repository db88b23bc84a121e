CREATE TABLE `customers` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `country` char(2) NOT NULL,
  `status` varchar(10) NOT NULL DEFAULT 'new' CHECK (`status` in ('new','active','closed')),
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `seen_at` datetime DEFAULT NULL,
  `born` year(4) DEFAULT NULL,
  `score` double NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
