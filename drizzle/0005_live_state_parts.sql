ALTER TABLE "live_games" ADD COLUMN "questions" jsonb;--> statement-breakpoint
ALTER TABLE "live_games" ADD COLUMN "scores" jsonb;