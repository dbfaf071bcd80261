CREATE TABLE "follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"incident_id" uuid,
	"service_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_one_target" CHECK (num_nonnulls("follows"."incident_id", "follows"."service_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follows_user_incident_key" ON "follows" USING btree ("user_id","incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_user_service_key" ON "follows" USING btree ("user_id","service_id");--> statement-breakpoint
CREATE INDEX "follows_incident_idx" ON "follows" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "follows_service_idx" ON "follows" USING btree ("service_id");