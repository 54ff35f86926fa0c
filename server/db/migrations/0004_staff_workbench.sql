CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"enrolled_on" date NOT NULL,
	"recorded_by_staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrolments_amount_ck" CHECK ("enrolments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "institution_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "lead_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"advisor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"sla_due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "lead_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid,
	"list_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"encoding" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"error_count" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"lead_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"action" text NOT NULL,
	"lead_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"campus_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_all_campuses" boolean DEFAULT false NOT NULL,
	"capacity" integer DEFAULT 50 NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_staff_id" uuid,
	CONSTRAINT "staff_invitations_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"template_id" text,
	"errcode" integer,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "leads_owner_score_idx";--> statement-breakpoint
DROP INDEX "advisors_campus_active_idx";--> statement-breakpoint
ALTER TABLE "advisors" ALTER COLUMN "campus_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "nurture_hold_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "next_follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "rank_activity_at" timestamp with time zone GENERATED ALWAYS AS (coalesce(last_activity_at, created_at)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "advisors" ADD COLUMN "campus_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "advisors" ADD COLUMN "is_all_campuses" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_recorded_by_staff_id_advisors_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_settings" ADD CONSTRAINT "institution_settings_updated_by_staff_id_advisors_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_advisor_id_advisors_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."advisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD CONSTRAINT "lead_imports_staff_id_advisors_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_actions" ADD CONSTRAINT "staff_actions_staff_id_advisors_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."advisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_actions" ADD CONSTRAINT "staff_actions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_audit_log" ADD CONSTRAINT "staff_audit_log_staff_id_advisors_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."advisors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_audit_log" ADD CONSTRAINT "staff_audit_log_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_created_by_staff_id_advisors_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_used_by_staff_id_advisors_id_fk" FOREIGN KEY ("used_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_staff_id_advisors_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."advisors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_lead_idx" ON "enrolments" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "enrolments_on_idx" ON "enrolments" USING btree ("enrolled_on");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_assignments_one_open_uq" ON "lead_assignments" USING btree ("lead_id") WHERE "lead_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "lead_assignments_lead_idx" ON "lead_assignments" USING btree ("lead_id","assigned_at");--> statement-breakpoint
CREATE INDEX "lead_assignments_advisor_idx" ON "lead_assignments" USING btree ("advisor_id","assigned_at");--> statement-breakpoint
CREATE INDEX "staff_actions_lead_kind_idx" ON "staff_actions" USING btree ("lead_id","kind");--> statement-breakpoint
CREATE INDEX "staff_actions_staff_idx" ON "staff_actions" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "staff_audit_log_lead_idx" ON "staff_audit_log" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "staff_audit_log_staff_idx" ON "staff_audit_log" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "staff_notifications_pending_idx" ON "staff_notifications" USING btree ("created_at") WHERE "staff_notifications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "leads_owner_rank_idx" ON "leads" USING btree ("owner_advisor_id","score_total" DESC NULLS LAST,"rank_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "leads"."phone" is not null and "leads"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "leads_pool_rank_idx" ON "leads" USING btree ("score_total" DESC NULLS LAST,"rank_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "leads"."owner_advisor_id" is null and "leads"."phone" is not null and "leads"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "leads_contact_rank_idx" ON "leads" USING btree ("score_total" DESC NULLS LAST,"rank_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "leads"."phone" is not null and "leads"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "advisors_campus_ids_idx" ON "advisors" USING gin ("campus_ids");
--> statement-breakpoint
-- Staff work for campuses (plural); an advisor keeps the campus they had.
UPDATE "advisors" SET "campus_ids" = ARRAY["campus_id"] WHERE "campus_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "advisors" DROP CONSTRAINT "advisors_campus_id_campuses_id_fk";
--> statement-breakpoint
ALTER TABLE "advisors" DROP COLUMN "campus_id";