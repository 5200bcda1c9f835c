import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * True when an error means "the database can't be reached right now" (restart, crash,
 * failover, network), not "this query is wrong": the work should wait and resume, and the
 * process should stay up. Only drizzle's wrapper is looked through (it keeps the driver's error
 * as `cause`); a QuickBooks call's network error comes wrapped in its own error and is not
 * the database's.
 */
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
// admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is connection_exception.
const SERVER = new Set(["57P01", "57P02", "57P03"]);
// node-postgres' own words for a connection that died under it, and PostgreSQL's for a
// database closed to new connections (ALTER DATABASE … ALLOW_CONNECTIONS false, code 55000).
const MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed)|is not currently accepting connections/;

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err instanceof DrizzleQueryError ? err.cause : err;
  if (!e || typeof e !== "object") return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (NETWORK.has(code) || SERVER.has(code) || code.startsWith("08")))
    return true;
  return typeof message === "string" && MESSAGES.test(message);
}

/**
 * The process-wide net for a database outage, where a library gives us no other hook:
 * pg-boss 10 marks a finished job done without awaiting the write (an unhandled rejection when
 * the database is down), and pg-boss's own pool's clients are out of our reach. Either would
 * end the process (our own pools listen for their clients' errors: db/client.ts); during an outage it must
 * stay up (/readyz answers 503, every job resumes from its rows). Anything else is a bug and
 * still ends the process, as Node's default would.
 */
export function surviveDatabaseOutages(log: {
  warn(obj: object, msg: string): void;
  fatal(obj: object, msg: string): void;
}): void {
  const handle = (kind: string) => (err: unknown) => {
    if (isDatabaseUnavailable(err)) {
      log.warn({ err }, `${kind} while the database is unavailable; carrying on`);
      return;
    }
    log.fatal({ err }, kind);
    process.exit(1);
  };
  process.on("unhandledRejection", handle("unhandled promise rejection"));
  process.on("uncaughtException", handle("uncaught exception"));
}
