-- Added by hand (drizzle cannot express extensions): the trigram GIN indexes below need pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "parts_shop_description";--> statement-breakpoint
CREATE INDEX "parts_shop_part_number_sort" ON "parts" USING btree ("shop_id","part_number","id");--> statement-breakpoint
CREATE INDEX "parts_shop_cost" ON "parts" USING btree ("shop_id","cost","id");--> statement-breakpoint
CREATE INDEX "parts_shop_retail_cost" ON "parts" USING btree ("shop_id","retail_cost","id");--> statement-breakpoint
CREATE INDEX "parts_shop_quantity" ON "parts" USING btree ("shop_id","quantity_available","id");--> statement-breakpoint
CREATE INDEX "parts_shop_quantity_desc" ON "parts" USING btree ("shop_id","quantity_available" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "parts_shop_updated_at" ON "parts" USING btree ("shop_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "parts_shop_vendor" ON "parts" USING btree ("shop_id","vendor_id");--> statement-breakpoint
CREATE INDEX "parts_shop_low_stock" ON "parts" USING btree ("shop_id") WHERE "parts"."quantity_available" <= "parts"."critical_quantity";--> statement-breakpoint
CREATE INDEX "parts_search_trgm" ON "parts" USING gin (("description" || ' ' || "part_number") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_shop_sort_name" ON "customers" USING btree ("shop_id",lower(case when "last_name" <> '' or "first_name" <> '' then "last_name" || ' ' || "first_name" else "company_name" end),"id");--> statement-breakpoint
CREATE INDEX "customers_search_trgm" ON "customers" USING gin (("first_name" || ' ' || "last_name" || ' ' || "company_name" || ' ' || "email" || ' ' || "phone") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parts_shop_description" ON "parts" USING btree ("shop_id","description","id");