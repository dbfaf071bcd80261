CREATE TABLE "post_mortem_flag_dismissals" (
	"post_mortem_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"flag_key" text NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by_id" uuid NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_mortem_flag_dismissals_post_mortem_id_revision_flag_key_pk" PRIMARY KEY("post_mortem_id","revision","flag_key")
);
--> statement-breakpoint
ALTER TABLE "post_mortem_flag_dismissals" ADD CONSTRAINT "post_mortem_flag_dismissals_post_mortem_id_post_mortems_id_fk" FOREIGN KEY ("post_mortem_id") REFERENCES "public"."post_mortems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_mortem_flag_dismissals" ADD CONSTRAINT "post_mortem_flag_dismissals_dismissed_by_id_users_id_fk" FOREIGN KEY ("dismissed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;