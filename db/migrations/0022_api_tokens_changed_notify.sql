-- Each app process remembers API tokens for a moment (server/api-tokens/authenticate.ts). A change to
-- what a token may do — revoked, expired, narrowed, deleted (a team's deletion cascades), from any
-- process or by hand — tells every process to forget them. "Last used" is not such a change.
CREATE OR REPLACE FUNCTION daytwo_notify_api_token_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('daytwo_api_tokens_changed', COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER api_tokens_changed_notify
  AFTER UPDATE OF name, scopes, role, team_id, actor_user_id, owner_id, requests_per_minute, expires_at, revoked_at OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION daytwo_notify_api_token_changed();
