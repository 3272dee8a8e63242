CREATE TABLE "pictures" (
	"hash" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_pictures" (
	"quiz_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_pictures_pk" PRIMARY KEY("quiz_id","name")
);
--> statement-breakpoint
CREATE TABLE "quiz_version_pictures" (
	"quiz_version_id" uuid NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "quiz_version_pictures_pk" PRIMARY KEY("quiz_version_id","hash")
);
--> statement-breakpoint
ALTER TABLE "quiz_pictures" ADD CONSTRAINT "quiz_pictures_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_pictures" ADD CONSTRAINT "quiz_pictures_hash_pictures_hash_fk" FOREIGN KEY ("hash") REFERENCES "public"."pictures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_version_pictures" ADD CONSTRAINT "quiz_version_pictures_quiz_version_id_quiz_versions_id_fk" FOREIGN KEY ("quiz_version_id") REFERENCES "public"."quiz_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_version_pictures" ADD CONSTRAINT "quiz_version_pictures_hash_pictures_hash_fk" FOREIGN KEY ("hash") REFERENCES "public"."pictures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quiz_pictures_hash_idx" ON "quiz_pictures" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "quiz_version_pictures_hash_idx" ON "quiz_version_pictures" USING btree ("hash");