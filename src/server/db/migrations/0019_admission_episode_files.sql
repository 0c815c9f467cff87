CREATE TABLE "admission_episode_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_episode_files" ADD CONSTRAINT "admission_episode_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episode_files" ADD CONSTRAINT "admission_episode_files_episode_id_admission_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "admission_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_episode_files" ADD CONSTRAINT "admission_episode_files_attached_by_users_id_fk" FOREIGN KEY ("attached_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_episode_files_episode_idx" ON "admission_episode_files" USING btree ("episode_id");