CREATE TYPE "public"."action_item_kind" AS ENUM('mitigate', 'prevent', 'detect', 'process');--> statement-breakpoint
CREATE TYPE "public"."action_item_priority" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."action_item_status" AS ENUM('open', 'in_progress', 'done', 'wont_do');--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"incident_id" uuid,
	"post_mortem_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"priority" "action_item_priority" DEFAULT 'medium' NOT NULL,
	"kind" "action_item_kind" DEFAULT 'prevent' NOT NULL,
	"status" "action_item_status" DEFAULT 'open' NOT NULL,
	"wont_do_reason" text,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"tracker_url" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_wont_do_reason" CHECK ("action_items"."status" <> 'wont_do' or "action_items"."wont_do_reason" is not null),
	CONSTRAINT "action_items_done_stamp" CHECK ("action_items"."status" <> 'done' or "action_items"."done_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "due_days_by_severity" jsonb DEFAULT '{"1":14,"2":30,"3":60,"4":90}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_post_mortem_id_post_mortems_id_fk" FOREIGN KEY ("post_mortem_id") REFERENCES "public"."post_mortems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_owner_due_idx" ON "action_items" USING btree ("owner_id","due_at");--> statement-breakpoint
CREATE INDEX "action_items_incident_idx" ON "action_items" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "action_items_post_mortem_idx" ON "action_items" USING btree ("post_mortem_id");--> statement-breakpoint
CREATE INDEX "action_items_open_due_idx" ON "action_items" USING btree ("due_at") WHERE "action_items"."status" in ('open', 'in_progress');