/**
 * What the app is made of: the one object every router, service and worker is handed. Its own
 * module so that routers can name it without importing the app that mounts them.
 */
import type { Env } from "./config/env.js";
import type { Database, Db } from "./db/client.js";
import type { AdjustmentQueue } from "./features/inventory/quickbooks/adjustment.worker.js";
import type { ImportQueue } from "./features/imports/import.worker.js";
import type { InvoiceQueue } from "./features/orders/quickbooks/invoice.worker.js";
import type { ExportQueue } from "./features/quickbooks-export/export.worker.js";
import type { CallCounter } from "./features/quickbooks-health/call-counter.js";
import type { SyncQueue } from "./features/sync/sync.worker.js";
import type { Qbo } from "./integrations/qbo/index.js";
import type { Cipher } from "./lib/crypto.js";
import type { Logger } from "./lib/logger.js";

export interface AppDeps {
  env: Env;
  database: Database;
  db: Db;
  logger: Logger;
  demoMode: boolean;
  sessionSecret: Uint8Array;
  cipher: Cipher;
  qbo: Qbo;
  /** QuickBooks calls counted per company and day (flushed to the database in batches). */
  calls: CallCounter;
  /** Set where this process runs the import worker (main.ts); without it jobs wait for a sweep. */
  importQueue?: ImportQueue;
  /** Set where this process runs the export worker; without it exports wait for a sweep. */
  exportQueue?: ExportQueue;
  /** Set where this process runs the QuickBooks sync worker; without it webhooks wait for a tick. */
  syncQueue?: SyncQueue;
  /** Set where this process runs the invoice sender; without it sends wait for a sweep. */
  invoiceQueue?: InvoiceQueue;
  /** Set where this process runs the stock adjustment sender; without it they wait for a sweep. */
  adjustmentQueue?: AdjustmentQueue;
  /** Built SPA to serve (production); omitted in tests and in dev (Vite serves it). */
  webDistDir?: string;
}
