CREATE TYPE "public"."alert_auto_resolve_mode" AS ENUM('event', 'monitoring', 'resolve');--> statement-breakpoint
CREATE TABLE "alert_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"matchers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tier" "alert_tier",
	"severity_id" integer,
	"service_label" text DEFAULT 'service' NOT NULL,
	"group_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"window_minutes" integer DEFAULT 30 NOT NULL,
	"join_acknowledged_within_hours" integer,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_alerts" ADD COLUMN "alert_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_sources" ADD COLUMN "auto_resolve" "alert_auto_resolve_mode" DEFAULT 'event' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "group_key" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "rule_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_routing_rules" ADD CONSTRAINT "alert_routing_rules_severity_id_severities_id_fk" FOREIGN KEY ("severity_id") REFERENCES "public"."severities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_routing_rules_position_idx" ON "alert_routing_rules" USING btree ("position");--> statement-breakpoint
ALTER TABLE "incident_alerts" ADD CONSTRAINT "incident_alerts_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_alerts_alert_key" ON "incident_alerts" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "alerts_group_idx" ON "alerts" USING btree ("group_key","last_seen_at") WHERE "alerts"."incident_id" is not null;--> statement-breakpoint
CREATE INDEX "alerts_created_idx" ON "alerts" USING btree ("created_at");--> statement-breakpoint
-- The account alert routing acts as on timelines and in the audit log ("Daytwo alerts"). It is
-- deactivated, so it can never sign in and is offered in no picker.
INSERT INTO "users" ("id", "email", "name", "role", "deactivated_at") VALUES ('00000000-0000-4000-8000-00000000a1e7', 'alerts@daytwo.invalid', 'Daytwo alerts', 'responder', now()) ON CONFLICT DO NOTHING;
