CREATE TABLE "unit_follow_up_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"possibly_missed_after_min" integer NOT NULL,
	"late_after_min" integer NOT NULL,
	"deviation_deadlines" jsonb NOT NULL,
	"lex_sarah_deadlines" jsonb NOT NULL,
	"follow_up_deviation_share" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "unit_follow_up_settings" ADD CONSTRAINT "unit_follow_up_settings_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;