CREATE TYPE "public"."post_mortem_status" AS ENUM('draft', 'in_review', 'published');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('pending', 'approved', 'changes_requested');--> statement-breakpoint
CREATE TABLE "post_mortem_reviews" (
	"post_mortem_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" "review_decision" DEFAULT 'pending' NOT NULL,
	"comment" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "post_mortem_reviews_post_mortem_id_revision_reviewer_id_pk" PRIMARY KEY("post_mortem_id","revision","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "post_mortem_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sections" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_mortems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"template_id" uuid,
	"status" "post_mortem_status" DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"owner_id" uuid NOT NULL,
	"sections" jsonb NOT NULL,
	"document_state" "bytea",
	"content" jsonb,
	"review_due_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_mortem_reviews" ADD CONSTRAINT "post_mortem_reviews_post_mortem_id_post_mortems_id_fk" FOREIGN KEY ("post_mortem_id") REFERENCES "public"."post_mortems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortem_reviews" ADD CONSTRAINT "post_mortem_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortems" ADD CONSTRAINT "post_mortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortems" ADD CONSTRAINT "post_mortems_template_id_post_mortem_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."post_mortem_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortems" ADD CONSTRAINT "post_mortems_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortems" ADD CONSTRAINT "post_mortems_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_mortem_reviews_reviewer_idx" ON "post_mortem_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_mortems_incident_key" ON "post_mortems" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "post_mortems_status_idx" ON "post_mortems" USING btree ("status","updated_at" DESC NULLS LAST);