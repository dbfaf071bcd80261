ALTER TABLE "post_mortems" DROP CONSTRAINT "post_mortems_template_id_post_mortem_templates_id_fk";
--> statement-breakpoint
ALTER TABLE "post_mortems" ADD CONSTRAINT "post_mortems_template_id_post_mortem_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."post_mortem_templates"("id") ON DELETE set null ON UPDATE no action;