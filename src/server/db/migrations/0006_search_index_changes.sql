-- The directory search runs on an index each server process keeps in memory
-- (features/directory/search/). To keep it current, every insert and update stamps the row with
-- the id of its transaction: a process asks for rows stamped at or after the oldest transaction
-- still running when it last asked (pg_snapshot_xmin), so no commit is ever missed, however the
-- transactions interleave. A trigger rather than the application, so no writer can forget it.
ALTER TABLE "service_points" ADD COLUMN "changed_xid" xid8 DEFAULT pg_current_xact_id() NOT NULL;
--> statement-breakpoint
CREATE INDEX "service_points_changed_idx" ON "service_points" USING btree ("changed_xid");
--> statement-breakpoint
CREATE FUNCTION service_points_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_points_changed BEFORE UPDATE ON service_points
  FOR EACH ROW EXECUTE FUNCTION service_points_stamp_change();
