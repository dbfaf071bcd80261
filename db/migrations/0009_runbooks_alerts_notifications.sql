CREATE TABLE "incident_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"title" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attached_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "incident_runbooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"runbook_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"attached_by_id" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runbook_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"runbook_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runbook_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"runbook_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"restored_from" integer,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runbook_services" (
	"runbook_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "runbook_services_runbook_id_service_id_pk" PRIMARY KEY("runbook_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "runbook_step_states" (
	"incident_runbook_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_by_id" uuid,
	"done_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runbook_step_states_incident_runbook_id_step_id_pk" PRIMARY KEY("incident_runbook_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "runbooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"owner_team_id" uuid,
	"incident_kinds" "incident_kind"[] DEFAULT '{}' NOT NULL,
	"severity_ids" integer[] DEFAULT '{}' NOT NULL,
	"alert_matchers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_interval_days" integer DEFAULT 90 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"last_reviewed_at" timestamp with time zone,
	"last_reviewed_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "runbooks"."title"), 'A') || setweight(to_tsvector('english', "runbooks"."summary"), 'B') || to_tsvector('english', "runbooks"."body_text")) STORED,
	CONSTRAINT "runbooks_review_interval" CHECK ("runbooks"."review_interval_days" between 1 and 730)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"href" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"rule_key" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"notification_id" uuid,
	"email_to" text,
	"email_subject" text,
	"email_text" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"emailed_at" timestamp with time zone,
	"email_error" text
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "runbook_id" uuid;--> statement-breakpoint
ALTER TABLE "incident_alerts" ADD CONSTRAINT "incident_alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_alerts" ADD CONSTRAINT "incident_alerts_attached_by_id_users_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbooks" ADD CONSTRAINT "incident_runbooks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbooks" ADD CONSTRAINT "incident_runbooks_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbooks" ADD CONSTRAINT "incident_runbooks_attached_by_id_users_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_feedback" ADD CONSTRAINT "runbook_feedback_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_feedback" ADD CONSTRAINT "runbook_feedback_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_feedback" ADD CONSTRAINT "runbook_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_revisions" ADD CONSTRAINT "runbook_revisions_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_revisions" ADD CONSTRAINT "runbook_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_services" ADD CONSTRAINT "runbook_services_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_services" ADD CONSTRAINT "runbook_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_step_states" ADD CONSTRAINT "runbook_step_states_incident_runbook_id_incident_runbooks_id_fk" FOREIGN KEY ("incident_runbook_id") REFERENCES "public"."incident_runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_step_states" ADD CONSTRAINT "runbook_step_states_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_last_reviewed_by_id_users_id_fk" FOREIGN KEY ("last_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_alerts_incident_idx" ON "incident_alerts" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_runbooks_key" ON "incident_runbooks" USING btree ("incident_id","runbook_id");--> statement-breakpoint
CREATE INDEX "incident_runbooks_runbook_idx" ON "incident_runbooks" USING btree ("runbook_id");--> statement-breakpoint
CREATE UNIQUE INDEX "runbook_feedback_once_key" ON "runbook_feedback" USING btree ("runbook_id","incident_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "runbook_revisions_number_key" ON "runbook_revisions" USING btree ("runbook_id","number");--> statement-breakpoint
CREATE INDEX "runbook_services_service_idx" ON "runbook_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "runbooks_search_idx" ON "runbooks" USING gin ("search");--> statement-breakpoint
CREATE INDEX "runbooks_owner_team_idx" ON "runbooks" USING btree ("owner_team_id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "reminder_deliveries_email_pending_idx" ON "reminder_deliveries" USING btree ("created_at") WHERE "reminder_deliveries"."emailed_at" is null and "reminder_deliveries"."email_to" is not null;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_runbook_idx" ON "action_items" USING btree ("runbook_id") WHERE "action_items"."runbook_id" is not null;