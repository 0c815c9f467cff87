ALTER TABLE "care_team_members" ADD COLUMN "unread" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "team_posts_urgent_idx" ON "team_posts" USING btree ("team_id","created_at") WHERE "team_posts"."urgent";--> statement-breakpoint
-- The counts of the members already in teams, by the definition the column keeps.
UPDATE "care_team_members" m SET "unread" = (
  SELECT count(*) FROM "team_posts" p
  WHERE p."team_id" = m."team_id" AND p."author_id" IS DISTINCT FROM m."user_id" AND p."retracted_at" IS NULL
    AND p."created_at" >= m."joined_at"
    AND NOT EXISTS (SELECT 1 FROM "team_post_reads" r WHERE r."post_id" = p."id" AND r."user_id" = m."user_id")
) WHERE m."status" = 'active';
