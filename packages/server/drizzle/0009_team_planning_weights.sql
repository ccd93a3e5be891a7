CREATE TABLE "team_planning_weights" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"travel_per_min" double precision NOT NULL,
	"not_fixed_contact" double precision NOT NULL,
	"not_known_staff" double precision NOT NULL,
	"no_first_language" double precision NOT NULL,
	"no_language" double precision NOT NULL,
	"unfair_load_per_min" double precision NOT NULL,
	"moved_from_previous" double precision NOT NULL,
	"slack_min" double precision NOT NULL,
	"unassigned_normal" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "team_planning_weights_not_negative" CHECK (least("team_planning_weights"."travel_per_min", "team_planning_weights"."not_fixed_contact", "team_planning_weights"."not_known_staff", "team_planning_weights"."no_first_language", "team_planning_weights"."no_language", "team_planning_weights"."unfair_load_per_min", "team_planning_weights"."moved_from_previous", "team_planning_weights"."slack_min", "team_planning_weights"."unassigned_normal") >= 0)
);
--> statement-breakpoint
ALTER TABLE "team_planning_weights" ADD CONSTRAINT "team_planning_weights_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;