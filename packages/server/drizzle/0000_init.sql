CREATE TABLE "absence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"client_id" uuid NOT NULL,
	"action" text NOT NULL,
	"what" text NOT NULL,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"service_type" text NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"duration_min" smallint NOT NULL,
	"tasks" text[] NOT NULL,
	"skills" text[] NOT NULL,
	"staff_count" smallint NOT NULL,
	"video_allowed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"decision_id" uuid,
	"summary" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"phone" text,
	"languages" text[] NOT NULL,
	"fixed_contact_staff_id" uuid,
	"key_facts" text DEFAULT '' NOT NULL,
	"preferences" text DEFAULT '' NOT NULL,
	"notification_channel" text DEFAULT 'none' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"decided_at" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"services" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "generated_day" (
	"team_id" uuid NOT NULL,
	"date" date NOT NULL,
	CONSTRAINT "generated_day_team_id_date_pk" PRIMARY KEY("team_id","date")
);
--> statement-breakpoint
CREATE TABLE "municipality" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relative" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"phone" text,
	"email" text,
	"consent_given_at" timestamp with time zone,
	"consent_withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"break_min" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"title" text NOT NULL,
	"employment_form" text NOT NULL,
	"skills" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"transport" text NOT NULL,
	"contracted_hours_per_week" real NOT NULL,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"phone" text NOT NULL,
	"kind" text NOT NULL,
	"base_lat" double precision NOT NULL,
	"base_lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid,
	"team_id" uuid,
	"staff_id" uuid,
	"client_id" uuid,
	"relative_id" uuid,
	"locale" text DEFAULT 'sv' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"care_plan_visit_id" uuid,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"service_type" text NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"duration_min" smallint NOT NULL,
	"skills" text[] NOT NULL,
	"tasks" text[] NOT NULL,
	"staff_count" smallint NOT NULL,
	"video" boolean NOT NULL,
	"status" text NOT NULL,
	"planned_start" text,
	"staff_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"actual_start" text,
	"actual_end" text,
	"missed_reason" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_visit" ADD CONSTRAINT "care_plan_visit_care_plan_id_care_plan_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client" ADD CONSTRAINT "client_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client" ADD CONSTRAINT "client_fixed_contact_staff_id_staff_id_fk" FOREIGN KEY ("fixed_contact_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generated_day" ADD CONSTRAINT "generated_day_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relative" ADD CONSTRAINT "relative_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift" ADD CONSTRAINT "shift_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_relative_id_relative_id_fk" FOREIGN KEY ("relative_id") REFERENCES "public"."relative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_care_plan_visit_id_care_plan_visit_id_fk" FOREIGN KEY ("care_plan_visit_id") REFERENCES "public"."care_plan_visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_staff_idx" ON "absence" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "access_log_client_idx" ON "access_log" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "care_plan_visit_plan_idx" ON "care_plan_visit" USING btree ("care_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_client_uq" ON "care_plan" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_team_idx" ON "client" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "decision_client_idx" ON "decision" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "relative_client_idx" ON "relative" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "shift_staff_date_idx" ON "shift" USING btree ("staff_id","date");--> statement-breakpoint
CREATE INDEX "staff_team_idx" ON "staff" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_unit_idx" ON "team" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_username_uq" ON "user_account" USING btree ("username");--> statement-breakpoint
CREATE INDEX "visit_team_date_idx" ON "visit" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "visit_client_date_idx" ON "visit" USING btree ("client_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_occurrence_uq" ON "visit" USING btree ("care_plan_visit_id","date");