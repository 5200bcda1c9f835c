ALTER TABLE "import_records" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "import_records" ADD COLUMN "reason_params" jsonb;--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD COLUMN "reason_params" jsonb;