CREATE TYPE "public"."alert_source_kind" AS ENUM('alertmanager', 'grafana', 'pagerduty', 'generic');--> statement-breakpoint
CREATE TYPE "public"."alert_status" AS ENUM('firing', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."alert_tier" AS ENUM('info', 'warning', 'critical');--> statement-breakpoint
CREATE TABLE "alert_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "alert_source_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"hmac_secret_encrypted" text,
	"hmac_header" text DEFAULT 'X-Grafana-Alerting-Signature' NOT NULL,
	"timestamp_header" text DEFAULT '' NOT NULL,
	"tolerance_seconds" integer DEFAULT 300 NOT NULL,
	"rate_limit_per_minute" integer DEFAULT 6000 NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_source_rate" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "alert_status" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"annotations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tier" "alert_tier" DEFAULT 'info' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"source_url" text,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw" jsonb NOT NULL,
	"incident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_sources" ADD CONSTRAINT "alert_sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_source_rate" ADD CONSTRAINT "alert_source_rate_source_id_alert_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."alert_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_source_id_alert_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."alert_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_sources_created_idx" ON "alert_sources" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_fingerprint_key" ON "alerts" USING btree ("source_id","fingerprint") WHERE status = 'firing';--> statement-breakpoint
CREATE INDEX "alerts_source_fingerprint_idx" ON "alerts" USING btree ("source_id","fingerprint","started_at");--> statement-breakpoint
CREATE INDEX "alerts_last_seen_idx" ON "alerts" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "alerts_incident_idx" ON "alerts" USING btree ("incident_id");