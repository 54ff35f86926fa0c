ALTER TABLE "scoring_models" ADD COLUMN "previous_version" integer;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD COLUMN "comparison" jsonb;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD COLUMN "fitted_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD COLUMN "rescored_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD CONSTRAINT "scoring_models_fitted_by_staff_id_advisors_id_fk" FOREIGN KEY ("fitted_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;