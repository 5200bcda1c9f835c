import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";

const WORDS = `'{Oil,Brake,Wiper,Spark,Battery,Filter,Rotor,Pad,Belt,Hose,Sensor,Bulb,Pump,Gasket,
  Bearing,Axle,Mirror,Fluid,Coolant,Thermostat,Valve,Clamp,Bracket,Switch,Relay}'::text[]`;

/**
 * `parts` parts for `shop` (plus a fifth as many in a neighbour shop, so the indexes are shared
 * as in production) in two INSERT … SELECT generate_series statements: seconds, not an import.
 * Descriptions are two of 25 words (a search for one word matches ~8%), 1 in 5 is
 * non-inventory, 60% are linked, 2 in 3 have a vendor, and some are at or under their reorder point.
 */
export async function seedParts(db: Db, shop: string, parts: number): Promise<void> {
  await db.execute(sql`insert into shops (id, name) values (${shop}, 'Bench'), ('noise', 'Noise')
    on conflict do nothing`);
  // A linked part names its company, and the company must be the one the shop's links belong to.
  await db.execute(sql`insert into quickbooks_link_realms (shop_id, realm_id)
    values (${shop}, 'bench-realm'), ('noise', 'bench-realm') on conflict do nothing`);
  await db.execute(sql`insert into vendors (shop_id, name)
    select ${shop}, 'Vendor ' || i from generate_series(1, 200) i`);
  for (const [owner, n] of [
    [shop, parts],
    ["noise", Math.round(parts / 5)],
  ] as const) {
    await db.execute(sql`
      with v as (select array_agg(id order by name) as ids from vendors where shop_id = ${shop})
      insert into parts (shop_id, kind, description, note, part_number, vendor_id, cost, retail_cost,
                         quantity_available, critical_quantity, quickbooks_item_ref, quickbooks_realm_id, updated_at)
      select ${owner},
        case when i % 5 = 0 then 'non_inventory' else 'inventory' end,
        (${sql.raw(WORDS)})[1 + i % 25] || ' ' || (${sql.raw(WORDS)})[1 + (i / 25) % 25] || ' ' || i,
        '', 'PN-' || lpad(i::text, 6, '0'),
        case when ${owner} = ${shop} and i % 3 <> 0 then v.ids[1 + i % 200] end,
        round((i % 9973) / 37.0, 2), round((i % 9973) / 17.0, 2),
        case when i % 5 = 0 then null else (i % 97)::numeric end,
        case when i % 5 = 0 then null else 4 end,
        case when i % 10 < 6 then 'L' || i end,
        case when i % 10 < 6 then 'bench-realm' end,
        now() - (i || ' minutes')::interval
      from generate_series(1, ${n}) i, v`);
  }
  // Autovacuum would do this within a minute of a bulk load; index-only scans need its visibility map.
  await db.execute(sql`vacuum analyze`);
}
