CREATE TABLE "client_fee_basis" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"household" text NOT NULL,
	"net_income_kr" integer NOT NULL,
	"housing_cost_kr" integer NOT NULL,
	"adjustments" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deviation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"by_name" text NOT NULL,
	"step" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"visit_id" uuid,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" uuid,
	"reported_by_name" text NOT NULL,
	"description" text NOT NULL,
	"immediate_actions" text NOT NULL,
	"investigation" jsonb,
	"actions" jsonb,
	"client_told" jsonb,
	"closed" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_year" (
	"year" smallint PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"team_id" uuid,
	"deviation_type" text,
	"title" text NOT NULL,
	"cause" text NOT NULL,
	"change" text NOT NULL,
	"prediction" text NOT NULL,
	"measure" text NOT NULL,
	"study_on" date NOT NULL,
	"state" text NOT NULL,
	"doing" jsonb,
	"study" jsonb,
	"act" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_line" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"visit_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"staff_names" text[] NOT NULL,
	"minutes" integer NOT NULL,
	"amount_ore" integer,
	"reason" text,
	"credit_month" text
);
--> statement-breakpoint
CREATE TABLE "invoice_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"state" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid
);
--> statement-breakpoint
CREATE TABLE "invoice" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"month" text NOT NULL,
	"number" text NOT NULL,
	"state" text NOT NULL,
	"language" text NOT NULL,
	"recipient" jsonb NOT NULL,
	"delivered_min" integer NOT NULL,
	"missed_min" integer NOT NULL,
	"tariff_amount_ore" integer NOT NULL,
	"fee_ore" integer NOT NULL,
	"limited_by" text NOT NULL,
	"credit_ore" integer NOT NULL,
	"total_ore" integer NOT NULL,
	"fee_if_missed_billed_ore" integer NOT NULL,
	"limits" jsonb NOT NULL,
	"has_capacity" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lex_sarah_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"deviation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"report" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" uuid NOT NULL,
	"investigation" jsonb,
	"decision" jsonb,
	"ivo_notification" jsonb,
	"closed" jsonb
);
--> statement-breakpoint
CREATE TABLE "visit_flag" (
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"team_id" uuid NOT NULL,
	"date" date NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"settled_by" uuid,
	"outcome" text,
	"deviation_id" uuid,
	CONSTRAINT "visit_flag_visit_id_kind_pk" PRIMARY KEY("visit_id","kind")
);
--> statement-breakpoint
ALTER TABLE "client_fee_basis" ADD CONSTRAINT "client_fee_basis_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_deviation_id_deviation_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement" ADD CONSTRAINT "improvement_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement" ADD CONSTRAINT "improvement_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_run_id_invoice_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."invoice_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lex_sarah_report" ADD CONSTRAINT "lex_sarah_report_deviation_id_deviation_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_flag" ADD CONSTRAINT "visit_flag_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_flag" ADD CONSTRAINT "visit_flag_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_flag" ADD CONSTRAINT "visit_flag_deviation_id_deviation_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviation_event_deviation_idx" ON "deviation_event" USING btree ("deviation_id","id");--> statement-breakpoint
CREATE INDEX "deviation_team_idx" ON "deviation" USING btree ("team_id","reported_at");--> statement-breakpoint
CREATE INDEX "deviation_client_idx" ON "deviation" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deviation_visit_type_uq" ON "deviation" USING btree ("visit_id","type");--> statement-breakpoint
CREATE INDEX "improvement_unit_idx" ON "improvement" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "invoice_line_invoice_idx" ON "invoice_line" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_line_visit_idx" ON "invoice_line" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_run_month_uq" ON "invoice_run" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_run_client_uq" ON "invoice" USING btree ("run_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_number_uq" ON "invoice" USING btree ("number");--> statement-breakpoint
CREATE INDEX "invoice_client_idx" ON "invoice" USING btree ("client_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "lex_sarah_deviation_uq" ON "lex_sarah_report" USING btree ("deviation_id");--> statement-breakpoint
CREATE INDEX "visit_flag_team_date_idx" ON "visit_flag" USING btree ("team_id","date");
--> statement-breakpoint
-- The fee years Tillit ships with (DOMAIN-FACTS.md, Fees); finance changes them as data, and a new year is a new row.
INSERT INTO "fee_year" ("year", "settings") VALUES
  (2024, '{"year": 2024, "priceBaseAmountKr": 57300, "capFactor": 0.5392, "minimumFactorSingle": 1.4789, "minimumFactorCouple": 1.2066, "tariffPerHourKr": 246, "capRounding": {"mode": "nearest", "stepOre": 100}, "minimumRounding": {"mode": "nearest", "stepOre": 100}, "feeRounding": {"mode": "nearest", "stepOre": 100}, "source": "Prisbasbelopp and cap factor: SoL 8 kap 5 §, DOMAIN-FACTS.md. Minimibelopp factors 1.4789/1.2066: implied by published 2024 amounts (unverified). Tariff 246 kr per performed hour: example municipality; confirm locally."}'::jsonb),
  (2025, '{"year": 2025, "priceBaseAmountKr": 58800, "capFactor": 0.5392, "minimumFactorSingle": 1.4789, "minimumFactorCouple": 1.2066, "tariffPerHourKr": 246, "capRounding": {"mode": "nearest", "stepOre": 100}, "minimumRounding": {"mode": "nearest", "stepOre": 100}, "feeRounding": {"mode": "nearest", "stepOre": 100}, "source": "Prisbasbelopp and cap factor: SoL 8 kap 5 §, DOMAIN-FACTS.md. Minimibelopp factors 1.4789/1.2066: implied by published 2024 amounts (unverified). Tariff 246 kr per performed hour: example municipality; confirm locally."}'::jsonb),
  (2026, '{"year": 2026, "priceBaseAmountKr": 59200, "capFactor": 0.5392, "minimumFactorSingle": 1.4789, "minimumFactorCouple": 1.2066, "tariffPerHourKr": 246, "capRounding": {"mode": "nearest", "stepOre": 100}, "minimumRounding": {"mode": "nearest", "stepOre": 100}, "feeRounding": {"mode": "nearest", "stepOre": 100}, "source": "Prisbasbelopp and cap factor: SoL 8 kap 5 §, DOMAIN-FACTS.md. Minimibelopp factors 1.4789/1.2066: implied by published 2024 amounts (unverified). Tariff 246 kr per performed hour: example municipality; confirm locally."}'::jsonb)
ON CONFLICT ("year") DO NOTHING;
