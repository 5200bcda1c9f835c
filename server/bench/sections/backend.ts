import type { RunningSandbox } from "../../src/testing/sandbox.js";
import { type Backend, createBenchDatabase } from "../lib/bench-database.js";
import { type BenchContext, newSecrets, tokenMinter } from "../lib/context.js";
import { withInProcessDeps } from "../lib/in-process.js";
import { round } from "../lib/stats.js";
import type { ImportResult } from "./import-result.js";
import { startChildServer } from "../lib/child-server.js";
import { INVOICE_SHOP, type InvoiceResult, prepareInvoiceShop, runInvoices } from "./invoices.js";
import { seedParts } from "./list-seed.js";
import { LIST_SHOP, type ListResult, runLists } from "./lists.js";
import { runNaiveImport } from "./naive-import.js";
import { type NaiveTarget, runRealImport } from "./real-import.js";

export interface ImportPair {
  items: number;
  real: ImportResult;
  naive: ImportResult;
  /** How many times faster the product's import is than the naive one. */
  speedup: number;
}

export interface BackendResult {
  backend: Backend;
  imports: ImportPair[];
  listParts: number;
  listSeedMs: number;
  lists: ListResult[];
  invoices: InvoiceResult;
}

export interface BackendOptions {
  sizes: number[];
  listParts: number;
  listSeconds: number;
  port: number;
  log: (line: string) => void;
}

/** Every measured section on one backend, on its own throwaway database. */
export async function runBackend(
  sandbox: RunningSandbox,
  backend: Backend,
  opts: BackendOptions,
): Promise<BackendResult> {
  const database = await createBenchDatabase(backend);
  const secrets = newSecrets();
  const ctx: BenchContext = {
    sandbox,
    database,
    secrets,
    port: opts.port,
    token: tokenMinter(secrets),
  };
  try {
    const real: ImportResult[] = [];
    const targets: NaiveTarget[] = [];
    for (const items of opts.sizes) {
      opts.log(`[${backend}] import of ${items} items (server in a child process)…`);
      const { result, naive } = await runRealImport(ctx, items);
      opts.log(`[${backend}]   ${result.wallMs} ms, ${result.ratioToFloor}× the floor`);
      real.push(result);
      targets.push(naive);
    }
    const { naive, seedMs, invoiceSeed } = await withInProcessDeps(ctx, async (deps) => {
      const naive: ImportResult[] = [];
      for (const target of targets) {
        opts.log(`[${backend}] naive import of ${target.items} items…`);
        naive.push(await runNaiveImport(ctx, deps.db, deps.qbo.client, target));
      }
      opts.log(`[${backend}] seeding ${opts.listParts} parts for the list…`);
      const t0 = performance.now();
      await seedParts(deps.db, LIST_SHOP, opts.listParts);
      const seedMs = Math.round(performance.now() - t0);
      return { naive, seedMs, invoiceSeed: await prepareInvoiceShop(deps.db, sandbox) };
    });
    const server = await startChildServer({
      port: ctx.port,
      dataDir: database.dataDir,
      databaseUrl: database.url,
      sandboxUrl: sandbox.url,
      secrets,
    });
    let lists: ListResult[];
    let invoices: InvoiceResult;
    try {
      opts.log(`[${backend}] list endpoint under autocannon…`);
      lists = await runLists(server.url, await ctx.token(LIST_SHOP), opts.listSeconds);
      opts.log(`[${backend}] invoicing 50 orders at once…`);
      invoices = await runInvoices(sandbox, server.url, await ctx.token(INVOICE_SHOP), invoiceSeed);
    } finally {
      await server.stop();
    }
    return {
      backend,
      imports: real.map((r, i) => {
        const n = naive[i] as ImportResult;
        return { items: r.items, real: r, naive: n, speedup: round(n.wallMs / r.wallMs, 1) };
      }),
      listParts: opts.listParts,
      listSeedMs: seedMs,
      lists,
      invoices,
    };
  } finally {
    await database.drop();
  }
}
