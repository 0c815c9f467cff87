CREATE TABLE "family_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"family_member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"code_hash" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"joined_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "team_posts" ALTER COLUMN "author_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "team_posts" ALTER COLUMN "author_member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "team_posts" ADD COLUMN "author_family_id" uuid;--> statement-breakpoint
ALTER TABLE "team_posts" ADD COLUMN "for_family" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "family_sessions" ADD CONSTRAINT "family_sessions_family_member_id_team_family_members_id_fk" FOREIGN KEY ("family_member_id") REFERENCES "team_family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_family_members" ADD CONSTRAINT "team_family_members_team_id_care_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "care_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_family_members" ADD CONSTRAINT "team_family_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_family_members" ADD CONSTRAINT "team_family_members_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_family_members_code_idx" ON "team_family_members" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "team_family_members_team_idx" ON "team_family_members" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "team_posts" ADD CONSTRAINT "team_posts_author_family_id_team_family_members_id_fk" FOREIGN KEY ("author_family_id") REFERENCES "team_family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_posts" ADD CONSTRAINT "team_posts_one_author" CHECK (("team_posts"."author_member_id" IS NULL) <> ("team_posts"."author_family_id" IS NULL));