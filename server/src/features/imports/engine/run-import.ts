import type { Db } from "../../../db/client.js";
import { isDatabaseUnavailable } from "../../../db/unavailable.js";
import type { ImportJobRow } from "../../../db/schema/index.js";
import { type QboClient, boundToRealm } from "../../../integrations/qbo/client.js";
import { countRows, queryPages } from "../../../integrations/qbo/pager.js";
import type { Logger } from "../../../lib/logger.js";
import { currentRealm } from "../../quickbooks-links/realm.repository.js";
import type { StorageGuard } from "../../../lib/storage.js";
import * as jobs from "../jobs.repository.js";
import { type RecordOutcome, insertRecords, tally } from "../records.repository.js";
import { parseCustomers, writeParsedCustomers } from "./customers.js";
import { resolveDeferredItems } from "./deferred.js";
import { describeFailure } from "./failure.js";
import { type ItemsRun, loadUnlinkedSkus, parseItems, writeParsedItems } from "./items.js";
import { clearCandidates } from "./sku-candidates.js";
import { SOURCES } from "./sources.js";
import { createVendorLinker } from "./vendors.js";

export interface ImportEngineDeps {
  db: Db;
  client: QboClient;
  logger: Logger;
  leaseSeconds: number;
  pageSize: number;
  /** Pages requested ahead of the one being written (Intuit allows 10 calls in flight). */
  prefetch: number;
  /**
   * Rows per write transaction: a whole page on PostgreSQL (row locks: nobody waits), a few
   * hundred on the embedded database, whose one connection makes every other request wait
   * until a transaction ends (decision 0012).
   */
  chunkRows: number;
  /**
   * Pages written at once (PageWriter): 2 on PostgreSQL, whose pool writes one page while the
   * previous commits; 1 on the embedded database, whose one connection runs one at a time.
   */
  pagesInFlight?: number;
  /** The embedded database's disk: a page is only written while it has room (PGlite only). */
  storage?: StorageGuard;
}

export type RunResult = "finished" | "released" | "lost" | "not_claimed";

/** One parsed chunk, ready to be written inside its transaction. */
interface ChunkWrite {
  /** Writes it, returning each record's outcome. */
  write(tx: Db): Promise<RecordOutcome[]>;
  /**
   * It writes rows the previous page's transaction may be writing too (new vendors): it starts
   * only once that page has committed, so neither waits for the other's row locks.
   */
  afterPrevious: boolean;
}

interface Handler {
  /** Parses a chunk of rows (pure, no database), outside the chunk's transaction. */
  prepare(rows: readonly unknown[], index: number, offset: number): ChunkWrite;
  finish(tx: Db): Promise<RecordOutcome[]>;
  /** After `tx` committed: what it wrote (new vendors) is visible to later transactions. */
  committed(tx: Db): void;
}

async function handlerFor(
  deps: ImportEngineDeps,
  job: ImportJobRow & { realmId: string },
): Promise<Handler> {
  const base = { jobId: job.id, shopId: job.shopId, realmId: job.realmId, dryRun: job.dryRun };
  if (job.category === "customers") {
    return {
      prepare: (rows, i, offset) => {
        const parsed = parseCustomers(rows, i, offset);
        return { write: (tx) => writeParsedCustomers(tx, base, parsed), afterPrevious: false };
      },
      finish: () => Promise.resolve([]),
      committed() {},
    };
  }
  const run: ItemsRun = {
    ...base,
    unlinkedSkus: await loadUnlinkedSkus(deps.db, job.shopId),
    vendors: job.dryRun
      ? undefined
      : await createVendorLinker(deps.db, deps.client, job.shopId, job.realmId),
  };
  return {
    prepare: (rows, i, offset) => {
      const parsed = parseItems(rows, i, offset);
      const vendorRefs = parsed.valid.flatMap((item) => item.PrefVendorRef?.value ?? []);
      return {
        write: (tx) => writeParsedItems(tx, run, parsed),
        afterPrevious: !!run.vendors && !run.vendors.knowsAll(vendorRefs),
      };
    },
    finish: (tx) => resolveDeferredItems(tx, run),
    committed: (tx) => run.vendors?.commit(tx),
  };
}

/**
 * Runs (or resumes at its cursor) one import job. Pages stream from QuickBooks with prefetch;
 * each (or each chunk of one, see `chunkRows`) is written in one transaction together with its
 * records and the job's cursor and counts, so a crash loses at most the chunk in progress and a
 * resume counts nothing twice.
 */
export async function runImport(
  deps: ImportEngineDeps,
  jobId: string,
  workerId: string,
  shouldStop: () => boolean,
): Promise<RunResult> {
  const job = await jobs.claimJob(deps.db, jobId, workerId, deps.leaseSeconds);
  if (!job) return "not_claimed";
  const log = deps.logger.child({ importJobId: jobId, category: job.category, dryRun: job.dryRun });
  let lost = false;
  // Long QuickBooks waits (retries, throttling) must not look like a dead worker.
  const heartbeat = setInterval(
    () => {
      jobs
        .renewLease(deps.db, jobId, workerId, deps.leaseSeconds)
        .then((held) => void (held || (lost = true)))
        .catch((err: unknown) => log.warn({ err }, "import lease renewal failed"));
    },
    Math.max(200, (deps.leaseSeconds * 1000) / 3),
  );
  heartbeat.unref();
  try {
    log.info(
      { resumeAtPage: job.nextPage },
      job.nextPage > 0 ? "import resumed" : "import started",
    );
    const result = await drive(deps, job, workerId, shouldStop, () => lost);
    log.info({ result }, "import step ended");
    return result;
  } catch (err) {
    if (err instanceof jobs.LostLease) {
      log.warn("import taken over by another worker");
      return "lost";
    }
    if (isDatabaseUnavailable(err)) {
      // Restart, crash or failover: the page in progress rolled back with its cursor. Not a
      // failure of the import: give it back (if the database already answers) and the sweep
      // resumes it at its cursor; if it doesn't yet, the lease runs out and the same happens.
      log.warn({ err }, "import paused: the database is unavailable");
      await jobs.releaseJob(deps.db, jobId, workerId).catch(() => undefined);
      return "released";
    }
    const failure = describeFailure(err);
    log.error({ err, code: failure.errorCode }, "import failed");
    await jobs.endJob(deps.db, jobId, workerId, { status: "failed", ...failure });
    return "finished";
  } finally {
    clearInterval(heartbeat);
  }
}

async function drive(
  engine: ImportEngineDeps,
  claimed: ImportJobRow,
  workerId: string,
  shouldStop: () => boolean,
  isLost: () => boolean,
): Promise<RunResult> {
  // Every call and every link of this run is held to the company the job was started for: a
  // switch of company mid-run fails it (realm_changed, or the links' foreign key) instead of
  // mixing two companies' records in one run.
  const realmId = claimed.realmId ?? (await currentRealm(engine.db, claimed.shopId));
  const job = { ...claimed, realmId };
  const deps = { ...engine, client: boundToRealm(engine.client, realmId) };
  const source = SOURCES[job.category];
  // Start-up work overlaps (measured ~0.5 s when sequential): the vendors and SKUs load while
  // the items are counted, and the first item pages are requested before they finish.
  const handlerReady = handlerFor(deps, job);
  handlerReady.catch(() => undefined); // awaited below; don't report it twice
  let total = job.total;
  if (total === null) {
    total = await countRows(deps.client, job.shopId, source.from);
    await jobs.setTotal(deps.db, job.id, workerId, total);
  }
  const pages = queryPages<unknown>(deps.client, job.shopId, {
    from: source.from,
    entity: source.entity,
    total,
    startPage: job.nextPage,
    pageSize: deps.pageSize,
    prefetch: deps.prefetch,
  });
  const firstPage = pages.next();
  firstPage.catch(() => undefined);
  const handler = await handlerReady;
  const writer = new PageWriter(deps, job, workerId, handler);
  const cancelRun = async (): Promise<RunResult> => {
    await deps.db.transaction(async (tx) => {
      await clearCandidates(tx, job.id);
      await jobs.endJob(tx, job.id, workerId, { status: "canceled" });
    });
    return "finished";
  };
  try {
    for (let next = await firstPage; !next.done; next = await pages.next()) {
      if (isLost()) throw new jobs.LostLease();
      if (deps.storage && !deps.storage.hasRoom()) {
        // Paused, not failed: the job says why and goes back to the sweep, which tries again
        // until space returns; it then resumes at the cursor (nothing of this page was written).
        await writer.drain();
        log(deps, job).warn({ freeBytes: deps.storage.freeBytes() }, "import paused: storage full");
        await jobs.pauseJob(deps.db, job.id, workerId, STORAGE_FULL);
        return "released";
      }
      let cancel = (await writer.add(next.value)) === "cancel";
      if (cancel || shouldStop()) {
        cancel = (await writer.drain()) === "cancel" || cancel;
        if (cancel) return await cancelRun();
        await jobs.releaseJob(deps.db, job.id, workerId);
        return "released";
      }
    }
    if ((await writer.drain()) === "cancel") return await cancelRun();
  } catch (err) {
    await writer.settle();
    throw err;
  } finally {
    await pages.return(undefined);
  }
  // Pages are read by position: a record that leaves the list mid-run (made inactive, deleted)
  // shifts every later page by one, and the record that slid back onto an already-read page
  // is never seen, while every count still agrees with itself. So: as many rows as counted at
  // the start, and as many as QuickBooks counts now, or the company changed during the import.
  const countNow = await countRows(deps.client, job.shopId, source.from);
  await deps.db.transaction(async (tx) => {
    const records = await handler.finish(tx);
    await insertRecords(tx, job.id, job.shopId, records);
    await clearCandidates(tx, job.id);
    const read = await jobs.rowsRead(tx, job.id);
    const changed = read !== total || countNow !== read;
    if (changed)
      log(deps, job).warn({ total, read, countNow }, "the company changed during the import");
    await jobs.finishJob(
      tx,
      job.id,
      workerId,
      tally(records),
      changed ? COMPANY_CHANGED : undefined,
    );
  });
  return "finished";
}

type PageEnd = "cancel" | undefined;

/**
 * Writes pages in order, up to `pagesInFlight` at once. Each page's chunks are transactions one
 * after another; a page's first commit waits for the page before it, because the job's cursor
 * (`commitPage`) only moves forward one page at a time. So on PostgreSQL the next page's rows
 * are written while the previous page commits, and a failure of one page rolls back the page
 * behind it too: the cursor never skips a page. Why and when a page waits from its start:
 * docs/decisions/0014-two-pages-in-flight.md.
 */
class PageWriter {
  private readonly inFlight: Promise<PageEnd>[] = [];
  private previous: Promise<unknown> = Promise.resolve();
  /** The QuickBooks ids of the page written before this one. */
  private previousIds = new Set<string>();

  constructor(
    private readonly deps: ImportEngineDeps,
    private readonly job: ImportJobRow,
    private readonly workerId: string,
    private readonly handler: Handler,
  ) {}

  /** Starts writing a page; when as many are in flight as allowed, waits for the oldest. */
  async add(page: { index: number; rows: readonly unknown[] }): Promise<PageEnd> {
    // Every row an import writes is keyed by its record's QuickBooks id (the part or customer,
    // its record, its Sku candidate): a record on both pages (the company changed between the
    // two reads) would make each transaction wait for the other's row, so that page waits.
    const ids = new Set(page.rows.map(quickBooksIdOf));
    const overlaps = [...ids].some((id) => this.previousIds.has(id));
    this.previousIds = ids;
    const written = this.write(page, this.previous, overlaps);
    written.catch(() => undefined); // awaited in order below
    this.previous = written;
    this.inFlight.push(written);
    if (this.inFlight.length < inFlightLimit(this.deps)) return undefined;
    return this.inFlight.shift();
  }

  /** Waits for every page in flight; "cancel" if any of them saw a cancel request. */
  async drain(): Promise<PageEnd> {
    let end: PageEnd;
    while (this.inFlight.length > 0) end = (await this.inFlight.shift()) ?? end;
    return end;
  }

  /** After a failure: lets the pages in flight end (they roll back), whatever they say. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inFlight.splice(0));
  }

  private async write(
    page: { index: number; rows: readonly unknown[] },
    before: Promise<unknown>,
    overlaps: boolean,
  ): Promise<PageEnd> {
    const { deps, job, handler } = this;
    const starts = chunkStarts(
      page.rows.length,
      page.index === job.nextPage ? job.nextRow : 0,
      deps.chunkRows,
    );
    const prepare = (from: number) =>
      handler.prepare(page.rows.slice(from, from + deps.chunkRows), page.index, from);
    let prepared = prepare(starts[0] as number);
    for (const [n, from] of starts.entries()) {
      const rows = Math.min(deps.chunkRows, page.rows.length - from);
      const current = prepared;
      // The next chunk is parsed while this one's statements run on the database (at the
      // transaction's first wait), not while its transaction holds everyone else.
      const next = starts[n + 1];
      const nextPrepared =
        next === undefined
          ? undefined
          : new Promise<ChunkWrite>((done, fail) =>
              setImmediate(() => {
                try {
                  done(prepare(next));
                } catch (err) {
                  fail(err instanceof Error ? err : new Error(String(err)));
                }
              }),
            );
      nextPrepared?.catch(() => undefined); // awaited below, unless this chunk fails first
      if (n === 0 && (overlaps || current.afterPrevious)) await before;
      let written: Db | undefined;
      const { cancelRequested } = await deps.db.transaction(async (tx) => {
        written = tx;
        const records = await current.write(tx);
        await insertRecords(tx, job.id, job.shopId, records);
        // The previous page must be committed before this one moves the cursor past it.
        if (n === 0) await before;
        return jobs.commitPage(tx, {
          jobId: job.id,
          workerId: this.workerId,
          pageIndex: page.index,
          fromRow: from,
          rows,
          pageDone: from + rows >= page.rows.length,
          counts: tally(records),
          leaseSeconds: deps.leaseSeconds,
        });
      });
      handler.committed(written as Db);
      if (cancelRequested) return "cancel";
      if (nextPrepared) prepared = await nextPrepared;
    }
    return undefined;
  }
}

/** Two at most: a page's overlap check (PageWriter.add) looks at the page before it only. */
const inFlightLimit = (deps: ImportEngineDeps) => Math.min(2, Math.max(1, deps.pagesInFlight ?? 1));

const quickBooksIdOf = (row: unknown): string => {
  const id = (row as { Id?: unknown } | null)?.Id;
  return typeof id === "string" ? id : JSON.stringify(id ?? null);
};

/**
 * Where each write transaction of a page starts: from `start` (a resumed page starts where its
 * last committed chunk ended), every `size` rows; at least one, so an empty page still moves
 * the cursor on.
 */
export function chunkStarts(length: number, start: number, size: number): number[] {
  const out: number[] = [];
  for (let from = start; from < length; from += size) out.push(from);
  return out.length > 0 ? out : [start];
}

const STORAGE_FULL = {
  errorCode: "storage_full",
  errorMessage:
    "The server's disk is full. The import is paused and resumes by itself once space is freed.",
};

const COMPANY_CHANGED = {
  errorCode: "records_changed",
  errorMessage:
    "The company changed in QuickBooks during the import, so some records may have been missed. Run it again.",
};

const log = (deps: ImportEngineDeps, job: ImportJobRow) =>
  deps.logger.child({ importJobId: job.id, category: job.category, dryRun: job.dryRun });
