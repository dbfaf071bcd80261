CREATE TABLE "post_mortem_doc_updates" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "post_mortem_doc_updates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_mortem_id" uuid NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_mortem_doc_updates" ADD CONSTRAINT "post_mortem_doc_updates_post_mortem_id_post_mortems_id_fk" FOREIGN KEY ("post_mortem_id") REFERENCES "public"."post_mortems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_mortem_doc_updates_doc_idx" ON "post_mortem_doc_updates" USING btree ("post_mortem_id","seq");