DROP INDEX `quiz_attempts_user_quiz_idx`;--> statement-breakpoint
DROP INDEX `quiz_attempts_quiz_idx`;--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_quiz_score_idx` ON `quiz_attempts` (`user_id`,`quiz_id`,`percent`,`finished_at`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_quiz_score_idx` ON `quiz_attempts` (`quiz_id`,`percent`,`passed`);--> statement-breakpoint
CREATE INDEX `learning_events_type_subject_idx` ON `learning_events` (`type`,`subject`,`user_id`,`at`);