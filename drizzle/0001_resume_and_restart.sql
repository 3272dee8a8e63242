CREATE TABLE "live_games" (
	"game_id" uuid PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "games" DROP CONSTRAINT "games_status_check";--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "client_answer_id" uuid;--> statement-breakpoint
ALTER TABLE "players" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "live_games" ADD CONSTRAINT "live_games_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "games" ADD CONSTRAINT "games_status_check" CHECK ("games"."status" in ('lobby', 'running', 'finished', 'ended_early', 'host_left'));