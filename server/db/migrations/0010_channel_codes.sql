CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"campus_id" uuid NOT NULL,
	"campaign_id" text,
	"advisor_id" uuid,
	"landing_page" text NOT NULL,
	"scene" text NOT NULL,
	"code_png" "bytea",
	"code_page" text,
	"created_by_staff_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channels_scene_unique" UNIQUE("scene")
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "source_channel_id" uuid;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_advisor_id_advisors_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_created_by_staff_id_advisors_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channels_campus_created_idx" ON "channels" USING btree ("campus_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "channels_advisor_idx" ON "channels" USING btree ("advisor_id") WHERE "channels"."advisor_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_source_channel_idx" ON "leads" USING btree ("source_channel_id") WHERE "leads"."source_channel_id" is not null;--> statement-breakpoint
CREATE INDEX "touchpoints_channel_type_idx" ON "touchpoints" USING btree ("channel_id","type") WHERE "touchpoints"."channel_id" is not null;