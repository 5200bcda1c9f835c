import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customers } from "../../db/schema/index.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import { isFault } from "../../integrations/qbo/errors.js";
import { type QboCustomer, QboCustomerSchema } from "../../integrations/qbo/schemas.js";
import { toCustomerFields } from "../imports/mappers.js";
import type { ApplyOutcome } from "./apply-item.js";
import { lockItemState, saveItemState, syncTokenOf } from "./item-state.repository.js";

/** The fields a linked customer follows from QuickBooks (the note stays the shop's own). */
const FOLLOWED = [
  "firstName",
  "lastName",
  "companyName",
  "email",
  "phone",
  "address1",
  "address2",
  "city",
  "state",
  "postalCode",
  "country",
] as const;

/**
 * Customer ids and item ids are separate sequences in QuickBooks: the SyncToken of customer 5
 * is kept in the item state table under its own key, so it never meets item 5's.
 */
const stateKey = (id: string) => `customer:${id}`;

/** Is a customer of this shop linked to it? (Reading QuickBooks for nobody costs a metered read.) */
export async function isCustomerLinked(
  db: Db,
  shopId: string,
  realmId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.shopId, shopId),
        eq(customers.quickBooksRealmId, realmId),
        eq(customers.quickBooksCustomerRef, id),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The customer as QuickBooks has it now; undefined when it is gone (deleted or merged). */
export async function readCustomer(
  client: QboClient,
  shopId: string,
  id: string,
): Promise<QboCustomer | undefined> {
  try {
    const res = await client.call<{ Customer?: unknown }>(shopId, {
      method: "GET",
      path: `customer/${encodeURIComponent(id)}`,
    });
    const parsed = QboCustomerSchema.safeParse(res.Customer);
    return parsed.success ? parsed.data : undefined;
  } catch (err) {
    if (isFault(err, "610")) return undefined;
    throw err;
  }
}

/**
 * A customer linked to QuickBooks (by an import, or by an invoice send) follows its name,
 * email, phone and address there. The SyncToken orders reads: a repeated or late event changes
 * the customer at most once, and never back to an older version.
 */
export async function applyCustomerChange(
  db: Db,
  shopId: string,
  realmId: string,
  customer: QboCustomer,
): Promise<ApplyOutcome> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.shopId, shopId),
          eq(customers.quickBooksRealmId, realmId),
          eq(customers.quickBooksCustomerRef, customer.Id),
        ),
      )
      .for("update");
    if (!linked) return "not_linked";
    const key = stateKey(customer.Id);
    const { state } = await lockItemState(tx, shopId, key);
    const token = syncTokenOf(customer.SyncToken);
    if (token !== null && state.syncToken !== null && token <= state.syncToken) return "stale";
    const theirs = toCustomerFields(customer);
    const changed = Object.fromEntries(
      FOLLOWED.filter((f) => theirs[f] !== linked[f]).map((f) => [f, theirs[f]]),
    );
    if (Object.keys(changed).length > 0)
      await tx
        .update(customers)
        .set({ ...changed, updatedAt: sql`now()` })
        .where(eq(customers.id, linked.id));
    await saveItemState(tx, shopId, key, { syncToken: token });
    return Object.keys(changed).length > 0 ? "applied" : "unchanged";
  });
}
