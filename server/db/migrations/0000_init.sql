CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"journey_stage" text NOT NULL,
	"is_gated" boolean DEFAULT false NOT NULL,
	"summary" text,
	"body" text,
	"cover_url" text,
	"download_url" text,
	"course_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text,
	"unionid" text,
	"name" text,
	"phone" text,
	"phone_verified_at" timestamp with time zone,
	"role" text DEFAULT 'unknown' NOT NULL,
	"grade_band" text DEFAULT 'unknown' NOT NULL,
	"city" text,
	"course_interest" text,
	"budget_band" text DEFAULT 'unknown' NOT NULL,
	"timeline" text DEFAULT 'unknown' NOT NULL,
	"decision_maker" text DEFAULT 'unknown' NOT NULL,
	"need" text DEFAULT 'unknown' NOT NULL,
	"consent_policy_version" text,
	"consent_agreed_at" timestamp with time zone,
	"lifecycle_stage" text DEFAULT 'awareness' NOT NULL,
	"lifecycle_stage_at" timestamp with time zone DEFAULT now() NOT NULL,
	"journey_stage" text DEFAULT 'unaware' NOT NULL,
	"journey_stage_at" timestamp with time zone DEFAULT now() NOT NULL,
	"score_state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score_total" real DEFAULT 0 NOT NULL,
	"score_fit" real DEFAULT 0 NOT NULL,
	"score_engagement" real DEFAULT 0 NOT NULL,
	"scoring_model_version" integer,
	"scored_at" timestamp with time zone,
	"owner_advisor_id" uuid,
	"owner_assigned_at" timestamp with time zone,
	"owner_accepted_at" timestamp with time zone,
	"sla_due_at" timestamp with time zone,
	"campus_id" uuid,
	"referrer_lead_id" uuid,
	"source" text,
	"source_campaign_id" text,
	"last_activity_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_openid_unique" UNIQUE("openid")
);
--> statement-breakpoint
CREATE TABLE "message_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"step_id" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"variant" text,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"errcode" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"lead_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"granted_count" integer DEFAULT 0 NOT NULL,
	"spent_count" integer DEFAULT 0 NOT NULL,
	"last_granted_at" timestamp with time zone,
	"last_spent_at" timestamp with time zone,
	"last_rejected_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_lead_id_template_id_pk" PRIMARY KEY("lead_id","template_id"),
	CONSTRAINT "subscriptions_spent_ck" CHECK ("subscriptions"."spent_count" >= 0 and "subscriptions"."spent_count" <= "subscriptions"."granted_count")
);
--> statement-breakpoint
CREATE TABLE "advisors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text,
	"name" text NOT NULL,
	"phone" text,
	"role" text DEFAULT 'advisor' NOT NULL,
	"campus_id" uuid NOT NULL,
	"course_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"capacity" integer DEFAULT 50 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	CONSTRAINT "advisors_openid_unique" UNIQUE("openid")
);
--> statement-breakpoint
CREATE TABLE "campuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"address" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"description" text,
	"price_fen" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "routing_cursors" (
	"key" text PRIMARY KEY NOT NULL,
	"last_advisor_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"signal_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"dimension" text NOT NULL,
	"points" double precision NOT NULL,
	"model_version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_models" (
	"version" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stage_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"model" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"ordinal" integer NOT NULL,
	"cause" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text,
	"campaign_id" text,
	"content_id" uuid,
	"referrer" text,
	"props" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trial_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"campus_id" uuid NOT NULL,
	"teacher_advisor_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trial_sessions_seats_ck" CHECK ("trial_sessions"."seats_taken" >= 0 and "trial_sessions"."seats_taken" <= "trial_sessions"."capacity")
);
--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_advisor_id_advisors_id_fk" FOREIGN KEY ("owner_advisor_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_referrer_lead_id_leads_id_fk" FOREIGN KEY ("referrer_lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisors" ADD CONSTRAINT "advisors_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_cursors" ADD CONSTRAINT "routing_cursors_last_advisor_id_advisors_id_fk" FOREIGN KEY ("last_advisor_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_ledger" ADD CONSTRAINT "score_ledger_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_trial_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."trial_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_sessions" ADD CONSTRAINT "trial_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_sessions" ADD CONSTRAINT "trial_sessions_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_sessions" ADD CONSTRAINT "trial_sessions_teacher_advisor_id_advisors_id_fk" FOREIGN KEY ("teacher_advisor_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_items_stage_published_idx" ON "content_items" USING btree ("journey_stage","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "content_items_topic_idx" ON "content_items" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "leads_owner_score_idx" ON "leads" USING btree ("owner_advisor_id","score_total" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leads_campus_stage_idx" ON "leads" USING btree ("campus_id","lifecycle_stage");--> statement-breakpoint
CREATE INDEX "leads_stage_score_idx" ON "leads" USING btree ("lifecycle_stage","score_total" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leads_journey_stage_idx" ON "leads" USING btree ("journey_stage");--> statement-breakpoint
CREATE INDEX "leads_last_activity_idx" ON "leads" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "leads_sla_due_idx" ON "leads" USING btree ("sla_due_at");--> statement-breakpoint
CREATE INDEX "leads_referrer_idx" ON "leads" USING btree ("referrer_lead_id");--> statement-breakpoint
CREATE INDEX "leads_phone_idx" ON "leads" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_outbox_campaign_step_lead_uq" ON "message_outbox" USING btree ("campaign_id","step_id","lead_id");--> statement-breakpoint
CREATE INDEX "message_outbox_due_idx" ON "message_outbox" USING btree ("scheduled_at") WHERE "message_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "message_outbox_lead_sent_idx" ON "message_outbox" USING btree ("lead_id","sent_at");--> statement-breakpoint
CREATE INDEX "advisors_campus_active_idx" ON "advisors" USING btree ("campus_id","is_active");--> statement-breakpoint
CREATE INDEX "advisors_course_ids_idx" ON "advisors" USING gin ("course_ids");--> statement-breakpoint
CREATE INDEX "campuses_city_idx" ON "campuses" USING btree ("city");--> statement-breakpoint
CREATE INDEX "score_ledger_lead_at_idx" ON "score_ledger" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "score_ledger_signal_idx" ON "score_ledger" USING btree ("signal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_models_one_active_uq" ON "scoring_models" USING btree ("is_active") WHERE "scoring_models"."is_active";--> statement-breakpoint
CREATE UNIQUE INDEX "stage_transitions_ordinal_uq" ON "stage_transitions" USING btree ("lead_id","model","to_stage","ordinal");--> statement-breakpoint
CREATE INDEX "stage_transitions_lead_at_idx" ON "stage_transitions" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "stage_transitions_model_stage_at_idx" ON "stage_transitions" USING btree ("model","to_stage","at");--> statement-breakpoint
CREATE INDEX "touchpoints_lead_occurred_idx" ON "touchpoints" USING btree ("lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_type_occurred_idx" ON "touchpoints" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_campaign_idx" ON "touchpoints" USING btree ("campaign_id","occurred_at") WHERE "touchpoints"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "touchpoints_content_idx" ON "touchpoints" USING btree ("content_id") WHERE "touchpoints"."content_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_session_lead_active_uq" ON "bookings" USING btree ("session_id","lead_id") WHERE "bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "bookings_lead_created_idx" ON "bookings" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "trial_sessions_starts_idx" ON "trial_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "trial_sessions_campus_starts_idx" ON "trial_sessions" USING btree ("campus_id","starts_at");--> statement-breakpoint
CREATE INDEX "trial_sessions_course_starts_idx" ON "trial_sessions" USING btree ("course_id","starts_at");