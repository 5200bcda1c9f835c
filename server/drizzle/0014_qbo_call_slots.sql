-- "if not exists": the shared limiter created this table itself before it was a migration.
CREATE TABLE IF NOT EXISTS "qbo_call_slots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"realm_id" text NOT NULL,
	"holder" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"finished_at" timestamp with time zone,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "qbo_call_slots_realm_started" ON "qbo_call_slots" USING btree ("realm_id","started_at");
