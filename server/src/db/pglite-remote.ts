import { Worker } from "node:worker_threads";

/**
 * PGlite on its own thread (db/pglite-thread.js), seen from the request thread as the part of
 * PGlite's interface that drizzle and pg-boss use: `query`, `exec`, `transaction`, `close`.
 * Why (docs/decisions/0012-pglite-off-the-request-thread.md): PGlite runs each query
 * synchronously in WASM; on the thread that serves HTTP, a 1,000-row import page froze every
 * shop's requests for its whole duration.
 */

export interface QueryResult {
  rows: unknown[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

interface QueryOptions {
  rowMode?: "array" | "object";
  /** Only parsers that return PostgreSQL's text as is (what drizzle asks for) can cross. */
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}

type Request =
  | { op: "query"; sql: string; params?: unknown[]; rowMode?: string; rawTypes?: number[] }
  | { op: "exec"; sql: string }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

interface Reply {
  id?: number;
  ready?: true;
  result?: unknown;
  error?: Record<string, unknown> & { message: string; name?: string };
}

/** A PostgreSQL error as the thread sent it: the same fields (`code`, `constraint`, …). */
class DatabaseError extends Error {
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    Object.assign(this, fields);
    this.name = typeof fields.name === "string" ? fields.name : "DatabaseError";
  }
}

function rawTypes(options: QueryOptions | undefined): number[] | undefined {
  const parsers = options?.parsers;
  if (!parsers) return undefined;
  return Object.entries(parsers).map(([type, parse]) => {
    if (parse("2000-01-01 00:00:00", Number(type)) !== "2000-01-01 00:00:00")
      throw new Error(`a parser for type ${type} can't run on the database's thread`);
    return Number(type);
  });
}

/** What a transaction's callback gets: the same calls, inside that transaction. */
export interface RemoteTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  exec(sql: string): Promise<QueryResult[]>;
}

export class PgliteRemote {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(dataDir: string | undefined, opts: { postgresqlconf?: string } = {}) {
    this.worker = new Worker(new URL("./pglite-thread.js", import.meta.url), {
      workerData: { dataDir, postgresqlconf: opts.postgresqlconf },
      // Plain JavaScript: no TypeScript loader is needed (or wanted: it costs memory) there.
      // A profiled server (`--cpu-prof`, bench/README.md) profiles this thread too.
      execArgv: process.execArgv.filter((flag) => flag.startsWith("--cpu-prof")),
    });
    this.waitReady = new Promise<void>((ready, failed) => {
      this.worker.on("message", (reply: Reply) => {
        if (reply.ready) return ready();
        const waiter = this.pending.get(reply.id as number);
        if (!waiter) return;
        this.pending.delete(reply.id as number);
        if (reply.error) waiter.reject(new DatabaseError(reply.error));
        else waiter.resolve(reply.result);
      });
      const fail = (cause: unknown) => {
        // The thread is gone (a WASM abort, out of memory): every caller hears it, now and later.
        const err = new Error(
          `the embedded database stopped: ${String((cause as Error)?.message ?? cause)}`,
          { cause },
        );
        this.failure ??= err;
        failed(err);
        for (const waiter of this.pending.values()) waiter.reject(err);
        this.pending.clear();
      };
      this.worker.on("error", fail);
      this.worker.on("exit", (code) => fail(`its thread exited (${code})`));
    });
    this.waitReady.catch(() => undefined);
  }

  private call<T>(request: Request & { tx?: number }): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private calls(tx?: number): RemoteTransaction {
    return {
      query: (sql, params, options) =>
        this.call<QueryResult>({
          op: "query",
          sql,
          params,
          rowMode: options?.rowMode,
          rawTypes: rawTypes(options),
          tx,
        }),
      exec: (sql) => this.call<QueryResult[]>({ op: "exec", sql, tx }),
    };
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult> {
    return this.calls().query(sql, params, options);
  }

  exec(sql: string): Promise<QueryResult[]> {
    return this.calls().exec(sql);
  }

  /** PGlite's semantics: other queries wait until this one commits or rolls back. */
  async transaction<T>(fn: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const tx = await this.call<number>({ op: "begin" });
    let result: T;
    try {
      result = await fn(this.calls(tx));
    } catch (err) {
      await this.call({ op: "end", tx, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.call({ op: "end", tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: "close" }).catch(() => undefined);
    this.failure ??= new Error("the database is closed");
    await this.worker.terminate();
  }
}
