CREATE TABLE "sign_up_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"school_code" text,
	"first_account_claimed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_up_settings_single_row" CHECK ("sign_up_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "teacher_invites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" text,
	CONSTRAINT "teacher_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "teacher_sessions" ADD COLUMN "impersonated_by" text;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "banned" boolean DEFAULT false;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "ban_reason" text;--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "ban_expires" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teacher_invites" ADD CONSTRAINT "teacher_invites_created_by_teachers_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_invites" ADD CONSTRAINT "teacher_invites_used_by_teachers_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."teachers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_invites_created_idx" ON "teacher_invites" USING btree ("created_at");--> statement-breakpoint
-- An install that already has teachers: its oldest account becomes the admin and sign-up is closed from now on.
UPDATE "teachers" SET "role" = 'admin' WHERE "id" = (SELECT "id" FROM "teachers" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "teachers" SET "role" = 'user' WHERE "role" IS NULL;--> statement-breakpoint
INSERT INTO "sign_up_settings" ("id", "first_account_claimed_at") SELECT 1, now() WHERE EXISTS (SELECT 1 FROM "teachers");
