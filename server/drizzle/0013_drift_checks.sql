CREATE TABLE "sync_drift_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"realm_id" text NOT NULL,
	"checked" integer NOT NULL,
	"found" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_drift_checks" ADD CONSTRAINT "sync_drift_checks_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_drift_checks_shop_at" ON "sync_drift_checks" USING btree ("shop_id","checked_at");