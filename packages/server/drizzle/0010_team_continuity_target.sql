-- The continuity target (a share from 0 to 1). Teams that already set their own weights get the
-- engine's default, so no stored row is left without one. SQL cannot ask the engine, so the
-- default is written out (weightsSchema in packages/planner/src/format/schema.ts); the test
-- "weights stored before the continuity target existed" fails when the two part.
ALTER TABLE "team_planning_weights" ADD COLUMN "continuity_target" double precision;--> statement-breakpoint
UPDATE "team_planning_weights" SET "continuity_target" = 0.9;--> statement-breakpoint
ALTER TABLE "team_planning_weights" ALTER COLUMN "continuity_target" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "team_planning_weights" DROP CONSTRAINT "team_planning_weights_not_negative";--> statement-breakpoint
ALTER TABLE "team_planning_weights" ADD CONSTRAINT "team_planning_weights_not_negative" CHECK (least("team_planning_weights"."travel_per_min", "team_planning_weights"."not_fixed_contact", "team_planning_weights"."continuity_target", "team_planning_weights"."not_known_staff", "team_planning_weights"."no_first_language", "team_planning_weights"."no_language", "team_planning_weights"."unfair_load_per_min", "team_planning_weights"."moved_from_previous", "team_planning_weights"."slack_min", "team_planning_weights"."unassigned_normal") >= 0);--> statement-breakpoint
ALTER TABLE "team_planning_weights" ADD CONSTRAINT "team_planning_weights_continuity_target_share" CHECK ("team_planning_weights"."continuity_target" <= 1);