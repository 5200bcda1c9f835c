import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The one lease of background work (docs/decisions/0010-background-work.md). A row that a
 * worker runs (an import, an undo, an export, an invoice send, a stock adjustment) carries a
 * time until which its runner holds it. The runner renews it while it works; a runner that
 * dies simply lets it lapse, and the feature's sweep hands the row to a worker again. Every
 * take is one conditional UPDATE, so two processes never both hold a row.
 */

/** The lease a runner takes or renews: held for `seconds` from the database's now. */
export const leaseFor = (seconds: number): SQL => sql`now() + make_interval(secs => ${seconds})`;

/** A lease given back on purpose (shutdown, a pause): already lapsed, so the next taker may. */
export const leaseGivenBack = (): SQL => sql`now() - interval '1 second'`;

/** Nobody holds it: never leased, or the lease lapsed. */
export const leaseFree = (column: AnyColumn): SQL => sql`(${column} is null or ${column} < now())`;

/** Held once, lapsed since: its runner stopped without giving it back. */
export const leaseLapsed = (column: AnyColumn): SQL => sql`${column} < now()`;
