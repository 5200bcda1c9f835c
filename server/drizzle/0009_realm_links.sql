CREATE TABLE "quickbooks_link_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid,
	"record_key" text,
	"realm_id" text NOT NULL,
	"quickbooks_id" text NOT NULL,
	"unlinked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quickbooks_link_realms" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"realm_id" text NOT NULL,
	"company_name" text DEFAULT '' NOT NULL,
	"bound_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quickbooks_pending_switches" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"realm_id" text NOT NULL,
	"company_name" text DEFAULT '' NOT NULL,
	"access_token_sealed" text NOT NULL,
	"refresh_token_sealed" text NOT NULL,
	"access_token_expires_at" timestamp with time zone NOT NULL,
	"refresh_token_expires_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parts" ADD COLUMN "quickbooks_realm_id" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "quickbooks_realm_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "quickbooks_realm_id" text;--> statement-breakpoint
ALTER TABLE "quickbooks_oauth_states" ADD COLUMN "binding_hash" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "realm_id" text;--> statement-breakpoint
ALTER TABLE "sync_pending" ADD COLUMN "realm_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "qbo_realm_id" text;--> statement-breakpoint
ALTER TABLE "quickbooks_exports" ADD COLUMN "realm_id" text;--> statement-breakpoint
-- Links made before companies were recorded belong to the company the shop is connected to now;
-- a shop with links and no connection gets an unknown company (''), so whatever it connects
-- next is treated as a switch and confirmed first.
INSERT INTO "quickbooks_link_realms" ("shop_id", "realm_id", "company_name")
  SELECT "shop_id", "realm_id", "company_name" FROM "quickbooks_connections";--> statement-breakpoint
INSERT INTO "quickbooks_link_realms" ("shop_id", "realm_id")
  SELECT DISTINCT "shop_id", '' FROM (
    SELECT "shop_id" FROM "parts" WHERE "quickbooks_item_ref" IS NOT NULL
    UNION SELECT "shop_id" FROM "customers" WHERE "quickbooks_customer_ref" IS NOT NULL
    UNION SELECT "shop_id" FROM "vendors" WHERE "quickbooks_vendor_ref" IS NOT NULL
  ) linked
  ON CONFLICT ("shop_id") DO NOTHING;--> statement-breakpoint
UPDATE "parts" p SET "quickbooks_realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = p."shop_id" AND p."quickbooks_item_ref" IS NOT NULL;--> statement-breakpoint
UPDATE "customers" c SET "quickbooks_realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = c."shop_id" AND c."quickbooks_customer_ref" IS NOT NULL;--> statement-breakpoint
UPDATE "vendors" v SET "quickbooks_realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = v."shop_id" AND v."quickbooks_vendor_ref" IS NOT NULL;--> statement-breakpoint
UPDATE "import_jobs" j SET "realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = j."shop_id";--> statement-breakpoint
UPDATE "quickbooks_exports" e SET "realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = e."shop_id";--> statement-breakpoint
UPDATE "orders" o SET "qbo_realm_id" = r."realm_id" FROM "quickbooks_link_realms" r
  WHERE r."shop_id" = o."shop_id" AND (o."qbo_invoice_id" IS NOT NULL OR o."qbo_pending" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "quickbooks_link_history" ADD CONSTRAINT "quickbooks_link_history_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_link_realms" ADD CONSTRAINT "quickbooks_link_realms_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quickbooks_pending_switches" ADD CONSTRAINT "quickbooks_pending_switches_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quickbooks_link_history_shop" ON "quickbooks_link_history" USING btree ("shop_id","unlinked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quickbooks_link_realms_shop_realm" ON "quickbooks_link_realms" USING btree ("shop_id","realm_id");--> statement-breakpoint
ALTER TABLE "parts" ADD CONSTRAINT "parts_qbo_link_realm" FOREIGN KEY ("shop_id","quickbooks_realm_id") REFERENCES "public"."quickbooks_link_realms"("shop_id","realm_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_qbo_link_realm" FOREIGN KEY ("shop_id","quickbooks_realm_id") REFERENCES "public"."quickbooks_link_realms"("shop_id","realm_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_qbo_link_realm" FOREIGN KEY ("shop_id","quickbooks_realm_id") REFERENCES "public"."quickbooks_link_realms"("shop_id","realm_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parts" ADD CONSTRAINT "parts_qbo_ref_has_realm" CHECK (("parts"."quickbooks_item_ref" is null) = ("parts"."quickbooks_realm_id" is null));--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_qbo_ref_has_realm" CHECK (("vendors"."quickbooks_vendor_ref" is null) = ("vendors"."quickbooks_realm_id" is null));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_qbo_ref_has_realm" CHECK (("customers"."quickbooks_customer_ref" is null) = ("customers"."quickbooks_realm_id" is null));