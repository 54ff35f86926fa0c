CREATE TABLE "analytics_cohort_monthly" (
	"day" date NOT NULL,
	"source" text,
	"campaign_id" text,
	"campus_id" text,
	"course_id" text,
	"stage" text NOT NULL,
	"days_to_convert" integer,
	"leads" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_cohort_monthly_key" UNIQUE NULLS NOT DISTINCT("day","stage","days_to_convert","source","campaign_id","campus_id","course_id"),
	CONSTRAINT "analytics_cohort_monthly_month_ck" CHECK (extract(day from "analytics_cohort_monthly"."day") = 1)
);
--> statement-breakpoint
CREATE TABLE "analytics_velocity_monthly" (
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
	CONSTRAINT "analytics_velocity_monthly_key" UNIQUE NULLS NOT DISTINCT("day","from_stage","to_stage","visit","days","source","campaign_id","campus_id","course_id"),
	CONSTRAINT "analytics_velocity_monthly_month_ck" CHECK (extract(day from "analytics_velocity_monthly"."day") = 1)
);
--> statement-breakpoint
-- Checkpoints for what is already folded, so reads of whole months are right before the next rebuild.
INSERT INTO "analytics_velocity_monthly" ("day", "from_stage", "to_stage", "visit", "days", "source", "campaign_id", "campus_id", "course_id", "steps")
SELECT date_trunc('month', "day")::date, "from_stage", "to_stage", "visit", "days", "source", "campaign_id", "campus_id", "course_id", sum("steps")
FROM "analytics_velocity_daily"
GROUP BY 1, "from_stage", "to_stage", "visit", "days", "source", "campaign_id", "campus_id", "course_id";
--> statement-breakpoint
INSERT INTO "analytics_cohort_monthly" ("day", "stage", "days_to_convert", "source", "campaign_id", "campus_id", "course_id", "leads")
SELECT date_trunc('month', "day")::date, "stage", "days_to_convert", "source", "campaign_id", "campus_id", "course_id", sum("leads")
FROM "analytics_cohort_daily"
GROUP BY 1, "stage", "days_to_convert", "source", "campaign_id", "campus_id", "course_id";
