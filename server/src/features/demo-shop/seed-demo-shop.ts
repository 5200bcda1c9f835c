import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customers, parts } from "../../db/schema/index.js";
import type { Session } from "../../http/session.js";
import { DEMO_CUSTOMERS } from "../customers/demo-customers.js";
import { DEMO_PARTS } from "../inventory/demo-parts.js";
import { createPart } from "../inventory/inventory.service.js";

const SEEDER: Session = { shopId: "", userId: "demo-seed", name: "Opening stock", role: "owner" };

/**
 * Gives the demo shop a few parts and customers of its own, once: only while it has none, under
 * a transaction-scoped advisory lock so two first requests can't both seed. Parts go through
 * the same service as the UI, so each starts with an "Opening stock" movement.
 */
export async function seedDemoShop(db: Db, shopId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`demo-seed:${shopId}`}))`);
    const [hasParts] = await tx
      .select({ id: parts.id })
      .from(parts)
      .where(eq(parts.shopId, shopId))
      .limit(1);
    if (!hasParts) {
      for (const input of DEMO_PARTS) await createPart({ db: tx }, { ...SEEDER, shopId }, input);
    }
    const [hasCustomers] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.shopId, shopId))
      .limit(1);
    if (!hasCustomers) {
      await tx.insert(customers).values(DEMO_CUSTOMERS.map((c) => ({ ...c, shopId })));
    }
  });
}
