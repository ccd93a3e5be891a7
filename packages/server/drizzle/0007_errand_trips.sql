ALTER TABLE "care_plan_visit" ADD COLUMN "errand" text;--> statement-breakpoint
ALTER TABLE "visit" ADD COLUMN "errand" text;--> statement-breakpoint
ALTER TABLE "visit" ADD COLUMN "errand_trip" text;