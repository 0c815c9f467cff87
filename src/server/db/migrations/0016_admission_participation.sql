CREATE TABLE "admission_participation" (
	"service_point_id" uuid PRIMARY KEY NOT NULL,
	"participates" boolean NOT NULL,
	"window_department" text,
	"window_phone" text,
	"window_fax" text,
	"window_hours" text,
	"social_worker_on_staff" boolean DEFAULT false NOT NULL,
	"discharge_nurse_on_staff" boolean DEFAULT false NOT NULL,
	"notes" text,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_participation" ADD CONSTRAINT "admission_participation_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_participation" ADD CONSTRAINT "admission_participation_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;