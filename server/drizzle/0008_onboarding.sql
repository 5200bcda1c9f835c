CREATE TABLE "quickbooks_export_items" (
	"export_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"shop_id" text NOT NULL,
	"seq" integer NOT NULL,
	"batch" integer,
	"description" text NOT NULL,
	"part_number" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"quickbooks_id" text,
	CONSTRAINT "quickbooks_export_items_export_id_part_id_pk" PRIMARY KEY("export_id","part_id")
);
--> statement-breakpoint
CREATE TABLE "quickbooks_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"linked" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"batches" integer NOT NULL,
	"next_batch" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"then_import" boolean DEFAULT false NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"lease_expires_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"linked" integer NOT NULL,
	"already_linked" integer NOT NULL,
	"skipped" jsonb NOT NULL,
	"quantity_notes" jsonb NOT NULL,
	"export_id" uuid,
	"imports_queued" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "starting_situations" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"situation" text NOT NULL,
	"chosen_by" text NOT NULL,
	"chosen_by_id" text NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"situation" text,
	"message" text NOT NULL,
	"created_by" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD CONSTRAINT "quickbooks_export_items_export_id_quickbooks_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."quickbooks_exports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD CONSTRAINT "quickbooks_export_items_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD CONSTRAINT "quickbooks_export_items_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_exports" ADD CONSTRAINT "quickbooks_exports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_situations" ADD CONSTRAINT "starting_situations_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quickbooks_export_items_batch" ON "quickbooks_export_items" USING btree ("export_id","batch","seq");--> statement-breakpoint
CREATE INDEX "quickbooks_exports_shop_created" ON "quickbooks_exports" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quickbooks_exports_one_live" ON "quickbooks_exports" USING btree ("shop_id") WHERE "quickbooks_exports"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "reconciliation_runs_shop" ON "reconciliation_runs" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_shop" ON "support_requests" USING btree ("shop_id","created_at");