ALTER TABLE "answers" ADD COLUMN "answer" jsonb;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "details" jsonb;--> statement-breakpoint
-- Ordering questions can be played now: quizzes saved as unplayable only because of them become hostable.
UPDATE "quiz_versions" SET "playable" = true, "unplayable_reason" = NULL WHERE "playable" = false AND "unplayable_reason" LIKE '%ordering questions can''t be played yet.%';
