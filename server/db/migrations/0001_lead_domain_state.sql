ALTER TABLE "leads" ADD COLUMN "campus_reach" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "lifecycle_arrivals" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "journey_state" jsonb DEFAULT '{}'::jsonb NOT NULL;