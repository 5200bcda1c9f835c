-- A stock movement hangs off its part and an import record off its run: both already reach the
-- shop through their parent's key (and its cascade). The second key to shops was checked once
-- more for every row an import writes (docs/performance.md, "Where the time goes").
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_shop_id_shops_id_fk";
--> statement-breakpoint
ALTER TABLE "import_records" DROP CONSTRAINT "import_records_shop_id_shops_id_fk";
