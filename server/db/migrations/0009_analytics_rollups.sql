CREATE TABLE "analytics_attribution_daily" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"model" text NOT NULL,
	"channel" text,
	"touch_campaign_id" text,
	"credit_fen" bigint DEFAULT 0 NOT NULL,
	"unattributed_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_attribution_daily_key" UNIQUE NULLS NOT DISTINCT("day","model","channel","touch_campaign_id","source","campaign_id","campus_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_cohort_daily" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"stage" text NOT NULL,
	"days_to_convert" integer,
	"leads" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_cohort_daily_key" UNIQUE NULLS NOT DISTINCT("day","stage","days_to_convert","source","campaign_id","campus_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_fold_state" (
	"id" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone NOT NULL,
	"lookback_days" integer NOT NULL,
	"folded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_lead_segments" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text
);
--> statement-breakpoint
CREATE TABLE "analytics_stage_daily" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"stage" text NOT NULL,
	"arrivals" bigint DEFAULT 0 NOT NULL,
	"first_arrivals" bigint DEFAULT 0 NOT NULL,
	"departures" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_stage_daily_key" UNIQUE NULLS NOT DISTINCT("day","stage","source","campaign_id","campus_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_value_daily" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"new_leads" bigint DEFAULT 0 NOT NULL,
	"enrolments" bigint DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_value_daily_key" UNIQUE NULLS NOT DISTINCT("day","source","campaign_id","campus_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_velocity_daily" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"visit" text NOT NULL,
	"days" integer NOT NULL,
	"steps" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_velocity_daily_key" UNIQUE NULLS NOT DISTINCT("day","from_stage","to_stage","visit","days","source","campaign_id","campus_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "marketing_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_kind" text NOT NULL,
	"target" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"entered_by_staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_costs_amount_ck" CHECK ("marketing_costs"."amount_fen" >= 0),
	CONSTRAINT "marketing_costs_days_ck" CHECK ("marketing_costs"."from_day" <= "marketing_costs"."to_day")
);
--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_lead_segments" ADD CONSTRAINT "analytics_lead_segments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_costs" ADD CONSTRAINT "marketing_costs_entered_by_staff_id_advisors_id_fk" FOREIGN KEY ("entered_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_costs_days_idx" ON "marketing_costs" USING btree ("to_day","from_day");--> statement-breakpoint
CREATE INDEX "stage_transitions_recorded_idx" ON "stage_transitions" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "touchpoints_received_idx" ON "touchpoints" USING btree ("received_at");