ALTER TABLE "quickbooks_export_items" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "quickbooks_export_items" ADD COLUMN "reason_params" jsonb;