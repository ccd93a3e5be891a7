CREATE TABLE "weekly_letter" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"week" text NOT NULL,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"made_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "weekly_letter" ADD CONSTRAINT "weekly_letter_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_letter_version_uq" ON "weekly_letter" USING btree ("client_id","week","version");--> statement-breakpoint
CREATE INDEX "weekly_letter_team_week_idx" ON "weekly_letter" USING btree ("team_id","week");