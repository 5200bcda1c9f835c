CREATE TABLE "sync_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"part_id" uuid,
	"item_ref" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"realm_id" text NOT NULL,
	"changed_since" timestamp with time zone NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	"last_catch_up_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "sync_item_state" (
	"shop_id" text NOT NULL,
	"item_ref" text NOT NULL,
	"sync_token" integer,
	"qbo_quantity" numeric,
	"qbo_updated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_item_state_shop_id_item_ref_pk" PRIMARY KEY("shop_id","item_ref")
);
--> statement-breakpoint
CREATE TABLE "sync_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"part_id" uuid NOT NULL,
	"item_ref" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "sync_own_writes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" text NOT NULL,
	"item_ref" text NOT NULL,
	"quantity_delta" numeric NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_pending" (
	"shop_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sync_pending_shop_id_entity_entity_id_pk" PRIMARY KEY("shop_id","entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "sync_settings" (
	"shop_id" text NOT NULL,
	"category" text NOT NULL,
	"keep_in_sync" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_settings_shop_id_category_pk" PRIMARY KEY("shop_id","category")
);
--> statement-breakpoint
CREATE TABLE "sync_webhook_deliveries" (
	"digest" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_changes" ADD CONSTRAINT "sync_changes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_changes" ADD CONSTRAINT "sync_changes_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_item_state" ADD CONSTRAINT "sync_item_state_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_notices" ADD CONSTRAINT "sync_notices_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_notices" ADD CONSTRAINT "sync_notices_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_own_writes" ADD CONSTRAINT "sync_own_writes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_pending" ADD CONSTRAINT "sync_pending_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_settings" ADD CONSTRAINT "sync_settings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_changes_shop_created" ON "sync_changes" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_notices_part_kind" ON "sync_notices" USING btree ("shop_id","part_id","kind");--> statement-breakpoint
CREATE INDEX "sync_notices_open" ON "sync_notices" USING btree ("shop_id") WHERE "sync_notices"."status" = 'open';--> statement-breakpoint
CREATE INDEX "sync_own_writes_item" ON "sync_own_writes" USING btree ("shop_id","item_ref","status");