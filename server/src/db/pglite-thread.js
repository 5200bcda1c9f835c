// The embedded database's own thread (docs/decisions/0012-pglite-off-the-request-thread.md).
// PGlite is PostgreSQL compiled to WASM: every query runs synchronously on the thread that owns
// it. Here, that is this worker, not the thread that serves HTTP; db/pglite-remote.ts is its
// other half and speaks the protocol below. Plain JavaScript so that it loads the same under
// tsx, vitest and node alike.
//
// Requests (each with a numeric `id`, answered once by { id, result } or { id, error }):
//   { op: "query", sql, params, rowMode, rawTypes, tx }  one statement (tx: a transaction's id)
//   { op: "exec", sql, tx }                              a parameterless script
//   { op: "begin" }                                      opens a transaction; result: its id
//   { op: "end", tx, commit }                            commits (or rolls back) and closes it
//   { op: "close" }
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const { dataDir, postgresqlconf } = workerData;
const db = new PGlite({ dataDir, extensions: { pg_trgm }, postgresqlconf });

/** Open transactions by id: PGlite's handle, how to end it, and its outcome. */
const open = new Map();
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

// drizzle asks for some types as PostgreSQL's text (timestamps, dates, intervals): it parses
// them itself. Functions can't cross threads, so the other side sends the type ids instead.
const raw = (value) => value;
function queryOptions(msg) {
  const parsers = {};
  for (const type of msg.rawTypes ?? []) parsers[type] = raw;
  return { rowMode: msg.rowMode ?? "object", parsers };
}

// Errors cross as plain objects: a thread boundary keeps an Error's message but drops the
// fields callers read (PostgreSQL's code, constraint, detail). Only plain values are kept: a
// PGlite error also carries the query's options, whose parsers are functions that can't cross.
function plainError(err) {
  if (!(err instanceof Error)) return { message: String(err) };
  const out = { name: err.name, message: err.message };
  for (const [key, value] of Object.entries(err))
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) out[key] = value;
  return out;
}

function target(tx) {
  if (tx === undefined) return db;
  const entry = open.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  return entry.tx;
}

async function handle(msg) {
  switch (msg.op) {
    case "query": {
      const r = await target(msg.tx).query(msg.sql, msg.params, queryOptions(msg));
      return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields };
    }
    case "exec": {
      const results = await target(msg.tx).exec(msg.sql);
      return results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
    }
    case "begin":
      return new Promise((opened, failed) => {
        const entry = {};
        // PGlite's own transaction: BEGIN now, and every query outside it waits until it ends,
        // exactly as it did on the request thread.
        entry.done = db.transaction((tx) =>
          new Promise((finish) => {
            Object.assign(entry, { tx, end: finish });
            open.set(msg.id, entry);
            opened(msg.id);
          }).then(async (commit) => {
            if (!commit) await tx.rollback();
          }),
        );
        entry.done.catch(failed);
      });
    case "end": {
      const entry = open.get(msg.tx);
      if (!entry) throw new Error(`transaction ${msg.tx} is not open`);
      open.delete(msg.tx);
      entry.end(msg.commit);
      await entry.done;
      return null;
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

await db.waitReady;
// A reply that can't be posted (a value that can't cross threads) becomes that query's error,
// never an exception that would end this thread and every query after it.
function reply(id, body) {
  try {
    port.postMessage({ id, ...body });
  } catch (err) {
    port.postMessage({ id, error: plainError(err) });
  }
}
port.on("message", (msg) => {
  handle(msg).then(
    (result) => reply(msg.id, { result }),
    (err) => reply(msg.id, { error: plainError(err) }),
  );
});
port.postMessage({ ready: true });
