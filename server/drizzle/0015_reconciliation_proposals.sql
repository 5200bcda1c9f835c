CREATE TABLE "reconciliation_proposal_rows" (
	"proposal_id" uuid NOT NULL,
	"shop_id" text NOT NULL,
	"section" text NOT NULL,
	"seq" integer NOT NULL,
	"part_id" uuid,
	"item_id" text,
	"body" jsonb NOT NULL,
	CONSTRAINT "reconciliation_proposal_rows_proposal_id_section_seq_pk" PRIMARY KEY("proposal_id","section","seq")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"realm_id" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"counts" jsonb NOT NULL,
	"parts_total" integer NOT NULL,
	"parts_linked" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reconciliation_proposal_rows" ADD CONSTRAINT "reconciliation_proposal_rows_proposal_id_reconciliation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."reconciliation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_proposal_rows" ADD CONSTRAINT "reconciliation_proposal_rows_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_proposals" ADD CONSTRAINT "reconciliation_proposals_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_proposals_ready" ON "reconciliation_proposals" USING btree ("shop_id") WHERE "reconciliation_proposals"."ready";