CREATE TABLE `observation_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`observation_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observation_replies_observation_idx` ON `observation_replies` (`observation_id`,`at`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`manager_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`kind` text NOT NULL,
	`observed_on` text NOT NULL,
	`scores` text NOT NULL,
	`average_level` real NOT NULL,
	`acknowledged_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observations_user_idx` ON `observations` (`user_id`,`rubric_id`,`observed_on`);--> statement-breakpoint
CREATE TABLE `replay_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`step` integer NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `exercise_attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `replay_comments_attempt_idx` ON `replay_comments` (`attempt_id`,`step`);