CREATE TABLE "homework_students" (
	"player_id" uuid PRIMARY KEY NOT NULL,
	"game_id" uuid NOT NULL,
	"nickname_key" text NOT NULL,
	"identifier" text,
	"attempt" integer DEFAULT 1 NOT NULL,
	"progress" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "homeworks" (
	"game_id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"settings" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	CONSTRAINT "homeworks_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "homework_students" ADD CONSTRAINT "homework_students_player_id_players_id_fk" FOREIGN KEY ("player_id") REFERENCES "public"."players"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_students" ADD CONSTRAINT "homework_students_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homeworks" ADD CONSTRAINT "homeworks_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_students_game_key_idx" ON "homework_students" USING btree ("game_id","nickname_key");--> statement-breakpoint
CREATE INDEX "homeworks_closes_idx" ON "homeworks" USING btree ("closes_at");