import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { vendors } from "../../../db/schema/index.js";
import { countRows, queryPages } from "../../../integrations/qbo/pager.js";
import type { QboClient } from "../../../integrations/qbo/client.js";
import { QboVendorSchema } from "../../../integrations/qbo/schemas.js";

/** Inactive vendors too: an item's preferred vendor may have been made inactive (docs/product.md). */
const ALL_VENDORS = "Vendor where Active in (true, false)";

/**
 * Resolves an item's PrefVendorRef to our vendor: by QuickBooks vendor id, else an unlinked
 * vendor with exactly that name (then linked), else a new vendor carrying the reference.
 * The company's vendors are read from QuickBooks once per run (a few hundred at most).
 */
export interface VendorLinker {
  /** Our vendor ids for these QuickBooks vendor refs, creating or linking inside `tx`. */
  ensure(tx: Db, refs: readonly { value: string; name?: string }[]): Promise<Map<string, string>>;
  /** True when every ref is already linked and committed: `ensure` will write nothing for them. */
  knowsAll(refs: Iterable<string>): boolean;
  /** Call after `tx` committed: what `ensure` wrote in it becomes visible to later pages. */
  commit(tx: Db): void;
}

export async function createVendorLinker(
  db: Db,
  client: QboClient,
  shopId: string,
  realmId: string,
): Promise<VendorLinker> {
  const qboNames = new Map<string, string>();
  const total = await countRows(client, shopId, ALL_VENDORS);
  for await (const page of queryPages<unknown>(client, shopId, {
    from: ALL_VENDORS,
    entity: "Vendor",
    total,
  })) {
    for (const raw of page.rows) {
      const v = QboVendorSchema.safeParse(raw);
      if (v.success) qboNames.set(v.data.Id, v.data.DisplayName);
    }
  }
  const local = await db
    .select({ id: vendors.id, name: vendors.name, ref: vendors.quickBooksVendorRef })
    .from(vendors)
    .where(eq(vendors.shopId, shopId));
  const byRef = new Map(local.filter((v) => v.ref !== null).map((v) => [v.ref as string, v.id]));
  // What each open transaction linked or created, until it commits (another transaction must
  // not reference a vendor row it cannot see yet).
  const staged = new Map<Db, Map<string, string>>();

  return {
    async ensure(tx, refs) {
      const out = new Map<string, string>();
      for (const ref of refs) {
        const known = byRef.get(ref.value) ?? staged.get(tx)?.get(ref.value) ?? out.get(ref.value);
        if (known) {
          out.set(ref.value, known);
          continue;
        }
        const name = qboNames.get(ref.value) ?? ref.name ?? `QuickBooks vendor ${ref.value}`;
        out.set(ref.value, await linkOrCreate(tx, shopId, realmId, ref.value, name));
      }
      const mine = staged.get(tx) ?? new Map<string, string>();
      for (const [k, v] of out) if (!byRef.has(k)) mine.set(k, v);
      if (mine.size > 0) staged.set(tx, mine);
      return out;
    },
    knowsAll(refs) {
      for (const ref of refs) if (!byRef.has(ref)) return false;
      return true;
    },
    commit(tx) {
      for (const [k, v] of staged.get(tx) ?? []) byRef.set(k, v);
      staged.delete(tx);
    },
  };
}

async function linkOrCreate(
  tx: Db,
  shopId: string,
  realmId: string,
  ref: string,
  name: string,
): Promise<string> {
  const unlinked = await tx
    .select({ id: vendors.id })
    .from(vendors)
    .where(
      and(eq(vendors.shopId, shopId), isNull(vendors.quickBooksVendorRef), eq(vendors.name, name)),
    )
    .orderBy(vendors.createdAt, vendors.id)
    .limit(1);
  if (unlinked[0]) {
    await tx
      .update(vendors)
      .set({ quickBooksVendorRef: ref, quickBooksRealmId: realmId, updatedAt: sql`now()` })
      .where(eq(vendors.id, unlinked[0].id));
    return unlinked[0].id;
  }
  const created = await tx
    .insert(vendors)
    .values({ shopId, name, quickBooksVendorRef: ref, quickBooksRealmId: realmId })
    .onConflictDoUpdate({
      target: [vendors.shopId, vendors.quickBooksVendorRef],
      set: { updatedAt: sql`now()` },
    })
    .returning({ id: vendors.id });
  return created[0]!.id;
}
