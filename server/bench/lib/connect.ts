import { type RunningSandbox, admin } from "../../src/testing/sandbox.js";

/** The browser's OAuth round trip through a server process; one helper for tests and bench. */
export { connectThrough as connectShop } from "../../src/testing/server-process.js";

/** A generated company with `n` inventory items (the sandbox builds 100k in under a second). */
export async function createCompany(sandbox: RunningSandbox, seed: string, n: number) {
  const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
    seed,
    items: { inventory: n },
  });
  return realmId;
}
