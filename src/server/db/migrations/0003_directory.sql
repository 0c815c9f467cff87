CREATE TABLE "care_manager_times" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid NOT NULL,
	"physician_name" text DEFAULT '' NOT NULL,
	"weekday" text NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"channels" text[] NOT NULL,
	"notes" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rejected_rows" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	"raw" text NOT NULL,
	CONSTRAINT "import_rejected_rows_run_id_line_pk" PRIMARY KEY("run_id","line")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"checksum" text NOT NULL,
	"layout" text,
	"encoding" text,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"repairs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "service_point_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid NOT NULL,
	"organisation_id" uuid,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"base_version" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "service_point_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"changed_by" uuid,
	"import_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"identity_scheme" text NOT NULL,
	"official_code" text NOT NULL,
	"service_code" text NOT NULL,
	"service_name" text,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"municipality_code" text,
	"prefecture" text,
	"municipality" text,
	"address" text DEFAULT '' NOT NULL,
	"building" text,
	"area_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"fax" text,
	"url" text,
	"email" text,
	"corporate_number" text,
	"corporate_name" text,
	"open_weekdays" integer DEFAULT 0 NOT NULL,
	"hours" text,
	"hours_note" text,
	"capacity" integer,
	"beds" integer,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"procedures" text[] DEFAULT '{}'::text[] NOT NULL,
	"vacancy" integer,
	"vacancy_updated_at" timestamp with time zone,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"care_manager_time_public" boolean DEFAULT false NOT NULL,
	"maintained_at" timestamp with time zone,
	"source_note" text,
	"imported_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"sort_key" text COLLATE "C" NOT NULL,
	"name_text" text NOT NULL,
	"address_text" text NOT NULL,
	"search_tokens" integer[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_manager_times" ADD CONSTRAINT "care_manager_times_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejected_rows" ADD CONSTRAINT "import_rejected_rows_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_change_requests" ADD CONSTRAINT "service_point_change_requests_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_change_requests" ADD CONSTRAINT "service_point_change_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_change_requests" ADD CONSTRAINT "service_point_change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_change_requests" ADD CONSTRAINT "service_point_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_versions" ADD CONSTRAINT "service_point_versions_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_versions" ADD CONSTRAINT "service_point_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_manager_times_point_idx" ON "care_manager_times" USING btree ("service_point_id");--> statement-breakpoint
CREATE INDEX "care_manager_times_weekday_idx" ON "care_manager_times" USING btree ("weekday","start_minute");--> statement-breakpoint
CREATE INDEX "import_runs_started_idx" ON "import_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "service_point_change_requests_status_idx" ON "service_point_change_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "service_point_change_requests_point_idx" ON "service_point_change_requests" USING btree ("service_point_id");--> statement-breakpoint
CREATE INDEX "service_point_versions_point_idx" ON "service_point_versions" USING btree ("service_point_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_points_identity_idx" ON "service_points" USING btree ("identity_scheme","official_code","service_code");--> statement-breakpoint
CREATE INDEX "service_points_sort_idx" ON "service_points" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "service_points_org_idx" ON "service_points" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_points_tokens_idx" ON "service_points" USING gin ("search_tokens");--> statement-breakpoint
-- The search plans from the statistics of the token array (see features/directory/search.ts): keep
-- enough of its most common elements that a rare bigram is told apart from a common one.
ALTER TABLE "service_points" ALTER COLUMN "search_tokens" SET STATISTICS 1000;
