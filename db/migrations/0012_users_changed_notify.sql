-- Each app process remembers signed-in accounts for a moment (server/auth/session-user.ts). Any change
-- to an account — role, deactivation, name, from any process or by hand — tells every process to forget it.
CREATE OR REPLACE FUNCTION daytwo_notify_user_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('daytwo_users_changed', COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_changed_notify AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION daytwo_notify_user_changed();
