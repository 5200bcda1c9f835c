DROP INDEX "parts_search_trgm";--> statement-breakpoint
ALTER TABLE "parts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(description || ' ' || part_number)) STORED;--> statement-breakpoint
CREATE INDEX "parts_search_text_trgm" ON "parts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Added by hand (drizzle cannot express INCLUDE): the sort indexes carry the filter columns, so a
-- deep page of a filtered list (linked, kind, low stock) is an index-only scan, not 25k+ heap reads.
DROP INDEX "parts_shop_description";--> statement-breakpoint
CREATE INDEX "parts_shop_description" ON "parts" USING btree ("shop_id","description","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_part_number_sort";--> statement-breakpoint
CREATE INDEX "parts_shop_part_number_sort" ON "parts" USING btree ("shop_id","part_number","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_cost";--> statement-breakpoint
CREATE INDEX "parts_shop_cost" ON "parts" USING btree ("shop_id","cost","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_retail_cost";--> statement-breakpoint
CREATE INDEX "parts_shop_retail_cost" ON "parts" USING btree ("shop_id","retail_cost","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_quantity";--> statement-breakpoint
CREATE INDEX "parts_shop_quantity" ON "parts" USING btree ("shop_id","quantity_available","id") INCLUDE ("kind","quickbooks_item_ref","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_quantity_desc";--> statement-breakpoint
CREATE INDEX "parts_shop_quantity_desc" ON "parts" USING btree ("shop_id","quantity_available" DESC NULLS LAST,"id" DESC NULLS LAST) INCLUDE ("kind","quickbooks_item_ref","critical_quantity");--> statement-breakpoint
DROP INDEX "parts_shop_updated_at";--> statement-breakpoint
CREATE INDEX "parts_shop_updated_at" ON "parts" USING btree ("shop_id","updated_at","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity");
