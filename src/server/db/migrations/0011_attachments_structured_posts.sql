CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"team_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attached_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_post_attachments" (
	"post_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "team_post_attachments_post_id_file_id_pk" PRIMARY KEY("post_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "patient_consents" ADD COLUMN "document_file_id" uuid;--> statement-breakpoint
ALTER TABLE "team_post_revisions" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "team_posts" ADD COLUMN "kind" text DEFAULT 'text' NOT NULL;--> statement-breakpoint
ALTER TABLE "team_posts" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_team_id_care_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "care_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_post_attachments" ADD CONSTRAINT "team_post_attachments_post_id_team_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "team_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_post_attachments" ADD CONSTRAINT "team_post_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_patient_idx" ON "stored_files" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "stored_files_unattached_idx" ON "stored_files" USING btree ("created_at") WHERE "stored_files"."attached_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "team_post_attachments_file_idx" ON "team_post_attachments" USING btree ("file_id");--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_document_file_id_stored_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;