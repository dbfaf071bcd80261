CREATE TABLE "incident_status_counts" (
	"status" "incident_status" NOT NULL,
	"is_private" boolean NOT NULL,
	"severity_id" integer NOT NULL,
	"kind" "incident_kind" NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "incident_status_counts_status_is_private_severity_id_kind_pk" PRIMARY KEY("status","is_private","severity_id","kind")
);
--> statement-breakpoint
-- Exact counts for the list's status tabs, kept in the writing transaction.
CREATE OR REPLACE FUNCTION daytwo_bump_status_count(s incident_status, p boolean, sev integer, k incident_kind, delta integer) RETURNS void AS $$
  INSERT INTO incident_status_counts (status, is_private, severity_id, kind, count) VALUES (s, p, sev, k, delta)
  ON CONFLICT (status, is_private, severity_id, kind) DO UPDATE SET count = incident_status_counts.count + EXCLUDED.count;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION daytwo_count_incident_statuses() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM daytwo_bump_status_count(NEW.status, NEW.is_private, NEW.severity_id, NEW.kind, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM daytwo_bump_status_count(OLD.status, OLD.is_private, OLD.severity_id, OLD.kind, -1);
  ELSIF (OLD.status, OLD.is_private, OLD.severity_id, OLD.kind) IS DISTINCT FROM (NEW.status, NEW.is_private, NEW.severity_id, NEW.kind) THEN
    -- Always the lower key first, so two transactions moving incidents in opposite directions
    -- take the two counter rows in the same order and cannot deadlock on them.
    IF (OLD.status::text, OLD.is_private, OLD.severity_id, OLD.kind::text) < (NEW.status::text, NEW.is_private, NEW.severity_id, NEW.kind::text) THEN
      PERFORM daytwo_bump_status_count(OLD.status, OLD.is_private, OLD.severity_id, OLD.kind, -1);
      PERFORM daytwo_bump_status_count(NEW.status, NEW.is_private, NEW.severity_id, NEW.kind, 1);
    ELSE
      PERFORM daytwo_bump_status_count(NEW.status, NEW.is_private, NEW.severity_id, NEW.kind, 1);
      PERFORM daytwo_bump_status_count(OLD.status, OLD.is_private, OLD.severity_id, OLD.kind, -1);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incidents_count_statuses AFTER INSERT OR DELETE OR UPDATE OF status, is_private, severity_id, kind ON incidents
  FOR EACH ROW EXECUTE FUNCTION daytwo_count_incident_statuses();
--> statement-breakpoint
INSERT INTO incident_status_counts (status, is_private, severity_id, kind, count)
  SELECT status, is_private, severity_id, kind, count(*)::int FROM incidents GROUP BY status, is_private, severity_id, kind;
