CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"game_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"player_id" uuid NOT NULL,
	"round_index" integer NOT NULL,
	"choices" integer[] NOT NULL,
	"correct" boolean NOT NULL,
	"points" integer NOT NULL,
	"streak" integer NOT NULL,
	"response_ms" integer NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "answers_game_question_player_unique" UNIQUE("game_id","question_id","player_id")
);
--> statement-breakpoint
CREATE TABLE "game_rounds" (
	"game_id" uuid NOT NULL,
	"round_index" integer NOT NULL,
	"question_id" uuid NOT NULL,
	"option_order" integer[] NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"eligible_players" integer NOT NULL,
	CONSTRAINT "game_rounds_pk" PRIMARY KEY("game_id","round_index")
);
--> statement-breakpoint
CREATE TABLE "games" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quiz_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"host_secret_hash" text NOT NULL,
	"status" text DEFAULT 'lobby' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "games_status_check" CHECK ("games"."status" in ('lobby', 'running', 'finished', 'ended_early'))
);
--> statement-breakpoint
CREATE TABLE "players" (
	"id" uuid PRIMARY KEY NOT NULL,
	"game_id" uuid NOT NULL,
	"nickname" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"join_seq" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"final_score" integer,
	"final_rank" integer
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quiz_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt_markdown" text DEFAULT '' NOT NULL,
	"prompt_html" text NOT NULL,
	"body_html" text NOT NULL,
	"hint_html" text,
	"options" jsonb NOT NULL,
	"time_limit_sec" integer,
	"read_time_sec" integer,
	"line" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "questions_version_position_unique" UNIQUE("quiz_version_id","position")
);
--> statement-breakpoint
CREATE TABLE "quiz_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quiz_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"source_text" text NOT NULL,
	"settings" jsonb NOT NULL,
	"playable" boolean NOT NULL,
	"unplayable_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_versions_quiz_version_unique" UNIQUE("quiz_id","version"),
	CONSTRAINT "quiz_versions_quiz_hash_unique" UNIQUE("quiz_id","content_hash")
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"source" text DEFAULT 'content' NOT NULL,
	"current_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_player_id_players_id_fk" FOREIGN KEY ("player_id") REFERENCES "public"."players"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "game_rounds" ADD CONSTRAINT "game_rounds_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "game_rounds" ADD CONSTRAINT "game_rounds_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "games" ADD CONSTRAINT "games_quiz_version_id_quiz_versions_id_fk" FOREIGN KEY ("quiz_version_id") REFERENCES "public"."quiz_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "players" ADD CONSTRAINT "players_game_id_games_id_fk" FOREIGN KEY ("game_id") REFERENCES "public"."games"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_quiz_version_id_quiz_versions_id_fk" FOREIGN KEY ("quiz_version_id") REFERENCES "public"."quiz_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_versions" ADD CONSTRAINT "quiz_versions_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_game_round_idx" ON "answers" USING btree ("game_id","round_index");--> statement-breakpoint
CREATE INDEX "answers_player_idx" ON "answers" USING btree ("player_id");--> statement-breakpoint
CREATE INDEX "games_code_idx" ON "games" USING btree ("code");--> statement-breakpoint
CREATE INDEX "games_quiz_version_idx" ON "games" USING btree ("quiz_version_id");--> statement-breakpoint
CREATE INDEX "players_game_join_seq_idx" ON "players" USING btree ("game_id","join_seq");