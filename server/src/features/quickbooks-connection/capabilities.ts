import type { Capabilities } from "@app/shared";
import type { QboClient } from "../../integrations/qbo/client.js";
import { readCapabilities } from "../../integrations/qbo/capabilities.js";

/**
 * The connected company's capabilities, read live from QuickBooks and kept in memory: read on
 * connect and on each catch-up (so a company moved from Plus to Essentials is seen from the
 * next catch-up), and again when the copy is older than TTL_MS. Nothing is stored in the
 * database; a restarted process asks QuickBooks again (two CorePlus reads).
 */
const TTL_MS = 10 * 60_000;

interface Entry {
  realmId: string;
  value: Capabilities;
  at: number;
}

/** One cache per client (one per app), so test apps and processes never share answers. */
const caches = new WeakMap<QboClient, Map<string, Entry>>();

function cacheOf(client: QboClient): Map<string, Entry> {
  let cache = caches.get(client);
  if (!cache) {
    cache = new Map();
    caches.set(client, cache);
  }
  return cache;
}

/** Asks QuickBooks now; undefined when it can't answer (the previous copy is kept). */
export async function refreshCapabilities(
  client: QboClient,
  shopId: string,
  realmId: string,
): Promise<Capabilities | undefined> {
  try {
    const value = await readCapabilities(client, shopId, realmId);
    cacheOf(client).set(shopId, { realmId, value, at: Date.now() });
    return value;
  } catch {
    return undefined;
  }
}

/** The fresh copy, else a live read, else the last copy for this company, else undefined. */
export async function capabilitiesOf(
  client: QboClient,
  shopId: string,
  realmId: string,
): Promise<Capabilities | undefined> {
  const hit = cacheOf(client).get(shopId);
  const same = hit?.realmId === realmId ? hit : undefined;
  if (same && Date.now() - same.at < TTL_MS) return same.value;
  return (await refreshCapabilities(client, shopId, realmId)) ?? same?.value;
}
