CREATE TABLE "content_files" (
	"content_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_duplicates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"duplicate_of_lead_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lead_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_lead_id" uuid NOT NULL,
	"absorbed_lead_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"reason" text NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversed_by_advisor_id" uuid
);
--> statement-breakpoint
ALTER TABLE "touchpoints" DROP CONSTRAINT "touchpoints_pkey";--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_lead_id_id_pk" PRIMARY KEY("lead_id","id");--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "merged_into_lead_id" uuid;--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_duplicates" ADD CONSTRAINT "lead_duplicates_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_duplicates" ADD CONSTRAINT "lead_duplicates_duplicate_of_lead_id_leads_id_fk" FOREIGN KEY ("duplicate_of_lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_merges" ADD CONSTRAINT "lead_merges_survivor_lead_id_leads_id_fk" FOREIGN KEY ("survivor_lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_merges" ADD CONSTRAINT "lead_merges_absorbed_lead_id_leads_id_fk" FOREIGN KEY ("absorbed_lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_merges" ADD CONSTRAINT "lead_merges_reversed_by_advisor_id_advisors_id_fk" FOREIGN KEY ("reversed_by_advisor_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_duplicates_pair_uq" ON "lead_duplicates" USING btree ("lead_id","duplicate_of_lead_id");--> statement-breakpoint
CREATE INDEX "lead_duplicates_of_idx" ON "lead_duplicates" USING btree ("duplicate_of_lead_id");--> statement-breakpoint
CREATE INDEX "lead_merges_survivor_idx" ON "lead_merges" USING btree ("survivor_lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_merges_absorbed_active_uq" ON "lead_merges" USING btree ("absorbed_lead_id") WHERE "lead_merges"."reversed_at" is null;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_merged_into_lead_id_leads_id_fk" FOREIGN KEY ("merged_into_lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" DROP COLUMN "download_url";