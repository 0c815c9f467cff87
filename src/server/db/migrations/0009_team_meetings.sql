CREATE TABLE "team_meeting_answers" (
	"option_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meeting_answers_option_id_user_id_pk" PRIMARY KEY("option_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "team_meeting_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"status" text DEFAULT 'polling' NOT NULL,
	"fixed_option_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fixed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "team_meeting_answers" ADD CONSTRAINT "team_meeting_answers_option_id_team_meeting_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "team_meeting_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting_answers" ADD CONSTRAINT "team_meeting_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting_options" ADD CONSTRAINT "team_meeting_options_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "team_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_team_id_care_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "care_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_meeting_options_meeting_idx" ON "team_meeting_options" USING btree ("meeting_id","starts_at");--> statement-breakpoint
CREATE INDEX "team_meetings_team_idx" ON "team_meetings" USING btree ("team_id","created_at");