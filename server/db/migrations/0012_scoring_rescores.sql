CREATE TABLE "scoring_rescores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "scoring_rescores_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"failed_batches" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"started_by_staff_id" uuid
);
--> statement-breakpoint
ALTER TABLE "scoring_rescores" ADD CONSTRAINT "scoring_rescores_version_scoring_models_version_fk" FOREIGN KEY ("version") REFERENCES "public"."scoring_models"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rescores" ADD CONSTRAINT "scoring_rescores_started_by_staff_id_advisors_id_fk" FOREIGN KEY ("started_by_staff_id") REFERENCES "public"."advisors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_rescores_one_running_uq" ON "scoring_rescores" USING btree ((true)) WHERE "scoring_rescores"."finished_at" is null;