ALTER TABLE "care_plan_visit" ADD COLUMN "interval_weeks" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "care_plan_visit" ADD COLUMN "week_anchor" date;--> statement-breakpoint
ALTER TABLE "care_plan_visit" ADD CONSTRAINT "care_plan_visit_interval_weeks" CHECK ("care_plan_visit"."interval_weeks" between 1 and 4);