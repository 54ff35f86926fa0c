ALTER TABLE "courses" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "syllabus" jsonb DEFAULT '[]'::jsonb NOT NULL;