CREATE TABLE "quickbooks_stock_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"part_id" uuid NOT NULL,
	"movement_id" uuid,
	"origin" text NOT NULL,
	"realm_id" text NOT NULL,
	"item_ref" text NOT NULL,
	"qty_diff" numeric NOT NULL,
	"status" text NOT NULL,
	"try" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"adjustment_id" text,
	"error_code" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sync_notices" ADD COLUMN "merged_into_ref" text;--> statement-breakpoint
ALTER TABLE "accounting_settings" ADD COLUMN "adjustment_account_id" text;--> statement-breakpoint
ALTER TABLE "quickbooks_stock_adjustments" ADD CONSTRAINT "quickbooks_stock_adjustments_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_stock_adjustments" ADD CONSTRAINT "quickbooks_stock_adjustments_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_stock_adjustments" ADD CONSTRAINT "quickbooks_stock_adjustments_movement_id_stock_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."stock_movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quickbooks_stock_adjustments_part" ON "quickbooks_stock_adjustments" USING btree ("shop_id","part_id","created_at");--> statement-breakpoint
CREATE INDEX "quickbooks_stock_adjustments_pending" ON "quickbooks_stock_adjustments" USING btree ("shop_id","part_id") WHERE "quickbooks_stock_adjustments"."status" = 'pending';