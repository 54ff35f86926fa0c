CREATE TABLE "analytics_cohort_campus_monthly" (
	"day" date NOT NULL,
	"campus_id" text,
	"stage" text NOT NULL,
	"days_to_convert" integer,
	"leads" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_cohort_campus_monthly_key" UNIQUE NULLS NOT DISTINCT("day","stage","days_to_convert","campus_id"),
	CONSTRAINT "analytics_cohort_campus_monthly_month_ck" CHECK (extract(day from "analytics_cohort_campus_monthly"."day") = 1)
);
--> statement-breakpoint
CREATE TABLE "analytics_stage_monthly" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"stage" text NOT NULL,
	"arrivals" bigint DEFAULT 0 NOT NULL,
	"first_arrivals" bigint DEFAULT 0 NOT NULL,
	"departures" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_stage_monthly_key" UNIQUE NULLS NOT DISTINCT("day","stage","source","campaign_id","campus_id","course_id"),
	CONSTRAINT "analytics_stage_monthly_month_ck" CHECK (extract(day from "analytics_stage_monthly"."day") = 1)
);
--> statement-breakpoint
CREATE TABLE "analytics_value_monthly" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"new_leads" bigint DEFAULT 0 NOT NULL,
	"enrolments" bigint DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_value_monthly_key" UNIQUE NULLS NOT DISTINCT("day","source","campaign_id","campus_id","course_id"),
	CONSTRAINT "analytics_value_monthly_month_ck" CHECK (extract(day from "analytics_value_monthly"."day") = 1)
);
--> statement-breakpoint
CREATE TABLE "analytics_velocity_campus_monthly" (
	"day" date NOT NULL,
	"campus_id" text,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"visit" text NOT NULL,
	"days" integer NOT NULL,
	"steps" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_velocity_campus_monthly_key" UNIQUE NULLS NOT DISTINCT("day","from_stage","to_stage","visit","days","campus_id"),
	CONSTRAINT "analytics_velocity_campus_monthly_month_ck" CHECK (extract(day from "analytics_velocity_campus_monthly"."day") = 1)
);
--> statement-breakpoint
-- Checkpoints for what is already folded, so reads of whole months are right before the next rebuild.
INSERT INTO "analytics_stage_monthly" ("day", "stage", "source", "campaign_id", "campus_id", "course_id", "arrivals", "first_arrivals", "departures")
SELECT date_trunc('month', "day")::date, "stage", "source", "campaign_id", "campus_id", "course_id", sum("arrivals"), sum("first_arrivals"), sum("departures")
FROM "analytics_stage_daily"
GROUP BY 1, "stage", "source", "campaign_id", "campus_id", "course_id";
--> statement-breakpoint
INSERT INTO "analytics_value_monthly" ("day", "source", "campaign_id", "campus_id", "course_id", "new_leads", "enrolments", "revenue_fen")
SELECT date_trunc('month', "day")::date, "source", "campaign_id", "campus_id", "course_id", sum("new_leads"), sum("enrolments"), sum("revenue_fen")
FROM "analytics_value_daily"
GROUP BY 1, "source", "campaign_id", "campus_id", "course_id";
--> statement-breakpoint
INSERT INTO "analytics_velocity_campus_monthly" ("day", "from_stage", "to_stage", "visit", "days", "campus_id", "steps")
SELECT "day", "from_stage", "to_stage", "visit", "days", "campus_id", sum("steps")
FROM "analytics_velocity_monthly"
GROUP BY "day", "from_stage", "to_stage", "visit", "days", "campus_id";
--> statement-breakpoint
INSERT INTO "analytics_cohort_campus_monthly" ("day", "stage", "days_to_convert", "campus_id", "leads")
SELECT "day", "stage", "days_to_convert", "campus_id", sum("leads")
FROM "analytics_cohort_monthly"
GROUP BY "day", "stage", "days_to_convert", "campus_id";
