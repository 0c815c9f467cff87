CREATE TABLE "acp_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"form_version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"discussed_on" text,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"patient_id" uuid,
	"kit_id" uuid,
	"method" text NOT NULL,
	"search_id" uuid,
	"reason" text NOT NULL,
	"reason_note" text,
	"found" boolean NOT NULL,
	"ip" text NOT NULL,
	"review_outcome" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emergency_kits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"issued_on" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"organisation_id" uuid,
	"area_id" uuid,
	"eligibility" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_sheets" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"form_version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_on" text,
	"confirmed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_posts" DROP CONSTRAINT "team_posts_one_author";--> statement-breakpoint
ALTER TABLE "acp_records" ADD CONSTRAINT "acp_records_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acp_records" ADD CONSTRAINT "acp_records_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acp_records" ADD CONSTRAINT "acp_records_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_kit_id_emergency_kits_id_fk" FOREIGN KEY ("kit_id") REFERENCES "emergency_kits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_kits" ADD CONSTRAINT "emergency_kits_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_kits" ADD CONSTRAINT "emergency_kits_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_kits" ADD CONSTRAINT "emergency_kits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_kits" ADD CONSTRAINT "emergency_kits_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_kits" ADD CONSTRAINT "emergency_kits_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_sheets" ADD CONSTRAINT "emergency_sheets_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_sheets" ADD CONSTRAINT "emergency_sheets_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_sheets" ADD CONSTRAINT "emergency_sheets_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acp_records_number_idx" ON "acp_records" USING btree ("patient_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "acp_records_one_draft_idx" ON "acp_records" USING btree ("patient_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "acp_records_discussed_idx" ON "acp_records" USING btree ("discussed_on");--> statement-breakpoint
CREATE INDEX "emergency_accesses_at_idx" ON "emergency_accesses" USING btree ("at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_patient_idx" ON "emergency_accesses" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_failed_ip_idx" ON "emergency_accesses" USING btree ("ip","at") WHERE NOT found;--> statement-breakpoint
CREATE INDEX "emergency_accesses_failed_user_idx" ON "emergency_accesses" USING btree ("user_id","at") WHERE NOT found;--> statement-breakpoint
CREATE INDEX "emergency_accesses_search_user_idx" ON "emergency_accesses" USING btree ("user_id","at") WHERE method = 'search';--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_kits_token_idx" ON "emergency_kits" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_kits_code_idx" ON "emergency_kits" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_kits_in_force_idx" ON "emergency_kits" USING btree ("patient_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "emergency_kits_issued_idx" ON "emergency_kits" USING btree ("issued_on");--> statement-breakpoint
ALTER TABLE "team_posts" ADD CONSTRAINT "team_posts_one_author" CHECK (("team_posts"."author_member_id" IS NULL) <> ("team_posts"."author_family_id" IS NULL)
        OR ("team_posts"."kind" = 'notice' AND "team_posts"."author_member_id" IS NULL AND "team_posts"."author_family_id" IS NULL));