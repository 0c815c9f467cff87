CREATE TABLE "admission_episode_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"step" text NOT NULL,
	"owner_side" text NOT NULL,
	"owner_organisation_id" uuid,
	"due_on" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"done_on" text,
	"method" text,
	"counterpart" text,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"scheduled_at" timestamp with time zone,
	"participants" text,
	"minutes" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"hospital_point_id" uuid NOT NULL,
	"care_office_point_id" uuid,
	"rule_version_id" uuid NOT NULL,
	"admitted_on" text NOT NULL,
	"ward" text,
	"expected_discharge_on" text,
	"discharged_on" text,
	"outcome" text,
	"needs_conference" boolean DEFAULT false NOT NULL,
	"transferred_from_id" uuid,
	"notes" text,
	"opened_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_episode_steps" ADD CONSTRAINT "admission_episode_steps_episode_id_admission_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "admission_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episode_steps" ADD CONSTRAINT "admission_episode_steps_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episode_steps" ADD CONSTRAINT "admission_episode_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episode_steps" ADD CONSTRAINT "admission_episode_steps_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_team_id_care_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "care_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_hospital_point_id_service_points_id_fk" FOREIGN KEY ("hospital_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_care_office_point_id_service_points_id_fk" FOREIGN KEY ("care_office_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_rule_version_id_admission_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "admission_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_transferred_from_id_admission_episodes_id_fk" FOREIGN KEY ("transferred_from_id") REFERENCES "admission_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episodes" ADD CONSTRAINT "admission_episodes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_episode_steps_step_idx" ON "admission_episode_steps" USING btree ("episode_id","step");--> statement-breakpoint
CREATE INDEX "admission_episode_steps_owner_due_idx" ON "admission_episode_steps" USING btree ("owner_organisation_id","due_on") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "admission_episode_steps_due_idx" ON "admission_episode_steps" USING btree ("due_on") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "admission_episodes_team_idx" ON "admission_episodes" USING btree ("team_id","admitted_on");--> statement-breakpoint
CREATE INDEX "admission_episodes_hospital_idx" ON "admission_episodes" USING btree ("hospital_point_id","admitted_on");