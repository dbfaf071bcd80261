-- Reference data every workspace needs, demo or not.
INSERT INTO severities (id, name, rank, description) VALUES
  (1, 'SEV1', 1, 'Critical: a core service is down or data is at risk for many customers.'),
  (2, 'SEV2', 2, 'Major: a core feature is degraded for many customers.'),
  (3, 'SEV3', 3, 'Minor: a feature is degraded for some customers; a workaround exists.'),
  (4, 'SEV4', 4, 'Low: little or no customer impact; needs follow-up.')
ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
INSERT INTO incident_role_types (key, name, guide, is_builtin, sort_order) VALUES
  ('commander', 'Incident commander', 'Owns the response: sets priorities, assigns roles, decides. Does not debug.', true, 1),
  ('communications', 'Communications lead', 'Posts status updates for stakeholders on a steady rhythm and answers their questions.', true, 2),
  ('scribe', 'Scribe', 'Keeps the timeline complete: notes decisions, findings and who is doing what.', true, 3),
  ('operations', 'Operations lead', 'Leads the hands-on work to mitigate: coordinates the people changing systems.', true, 4)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO workspace (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- The timeline is append-only, like the audit log: corrections are new events.
CREATE TRIGGER incident_events_append_only
  BEFORE UPDATE OR DELETE ON incident_events
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
