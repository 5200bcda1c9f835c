CREATE TABLE "health_dismissals" (
	"shop_id" text NOT NULL,
	"problem_id" text NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_dismissals_shop_id_problem_id_pk" PRIMARY KEY("shop_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "qbo_call_counts" (
	"realm_id" text NOT NULL,
	"day" date NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	"writes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qbo_call_counts_realm_id_day_pk" PRIMARY KEY("realm_id","day")
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_status" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undone_by" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undone_by_id" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_removed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_restored" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_kept" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_records" ADD COLUMN "before" jsonb;--> statement-breakpoint
ALTER TABLE "import_records" ADD COLUMN "undo_outcome" text;--> statement-breakpoint
ALTER TABLE "import_records" ADD COLUMN "undo_reason" text;--> statement-breakpoint
ALTER TABLE "health_dismissals" ADD CONSTRAINT "health_dismissals_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_records_record" ON "import_records" USING btree ("shop_id","record_id");