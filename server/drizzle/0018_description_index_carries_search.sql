-- Added by hand (drizzle cannot express INCLUDE): the default order's index also carries the
-- search text, so a search walks that index alone to fill its page and count its matches,
-- instead of reading the table row of every part it passes (docs/performance.md).
DROP INDEX "parts_shop_description";--> statement-breakpoint
CREATE INDEX "parts_shop_description" ON "parts" USING btree ("shop_id","description","id") INCLUDE ("kind","quickbooks_item_ref","quantity_available","critical_quantity","search_text");
