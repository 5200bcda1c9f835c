import { z } from "zod";

/**
 * The only reader of process.env. Parsed once at boot; a bad value stops the process with a
 * readable list instead of failing later in a request.
 */
const csv = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default(".data"),
  SESSION_SECRET: z.string().min(32).optional(),
  SHOPMONKEY_ORIGINS: csv,
  DATABASE_URL: z.string().url().optional(),
  QBO_ENVIRONMENT: z.enum(["local", "sandbox", "production"]).default("local"),
  QBO_CLIENT_ID: z.string().default("demo-client-id"),
  QBO_CLIENT_SECRET: z.string().default("demo-client-secret"),
  QBO_REDIRECT_URI: z.string().url().optional(),
  QBO_SANDBOX_URL: z.string().url().optional(),
  QBO_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  QBO_WEBHOOK_VERIFIER_TOKEN: z.string().default("demo-verifier-token"),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes, base64")
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** An import whose worker stops renewing for this long is resumed by another (or the next) process. */
  IMPORT_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** Intuit's monthly CorePlus (read) allowance per app on the Builder tier; Health warns at 80%. */
  QBO_MONTHLY_READ_BUDGET: z.coerce.number().int().min(1).default(500_000),
  /** Rows per QuickBooks query page in imports (Intuit's maximum is 1000). */
  IMPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  /**
   * Rows per import write transaction. Unset: 250 on the embedded database (one connection:
   * every request waits for an open transaction), the whole page on PostgreSQL (decision 0012).
   */
  IMPORT_CHUNK_ROWS: z.coerce.number().int().min(1).max(1000).optional(),
  /** Each connected company gets a change-data-capture catch-up at least this often (missed webhooks). */
  SYNC_CATCH_UP_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
  /** How often the sync scheduler looks for due catch-ups, reconnects and leftover webhook work. */
  SYNC_TICK_SECONDS: z.coerce.number().min(0.2).max(3600).default(10),
  /**
   * Fairness between shops on one server: a shop's requests beyond this many at once wait in its
   * own queue, so a burst from one shop never makes another wait behind it.
   */
  SHOP_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /** Beyond this many waiting, a shop's further requests are shed: 503 `too_busy` + Retry-After. */
  SHOP_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(64),
  /** The embedded database's disk: imports pause (storage_full) while less than this is free. */
  STORAGE_MIN_FREE_MB: z.coerce.number().min(0).max(1_000_000).default(64),
  /** A main thread stuck this long is reported (from a watchdog thread; /healthz can't answer). */
  EVENT_LOOP_WARN_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  /** …and this long ends the process (SIGKILL) for its supervisor to restart; 0 = never. */
  EVENT_LOOP_EXIT_SECONDS: z.coerce.number().min(0).max(86400).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Outside demo mode the token key must come from the operator: a key generated into DATA_DIR
 * differs per container and per replica, and every stored Intuit token would be unreadable
 * in the next one (QuickBooks calls and even Disconnect failed for every shop).
 */
const ConfigSchema = EnvSchema.superRefine((env, ctx) => {
  if (env.SESSION_SECRET !== undefined && env.TOKEN_ENCRYPTION_KEY === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["TOKEN_ENCRYPTION_KEY"],
      message:
        "required when SESSION_SECRET is set (outside demo mode): the same 32-byte base64 key " +
        "for every process and restart, e.g. from `openssl rand -base64 32`",
    });
});

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = ConfigSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Demo mode: no Shopmonkey secret configured, so this server plays the Shopmonkey host. */
export const isDemoMode = (env: Env): boolean => env.SESSION_SECRET === undefined;

export const publicUrl = (env: Env): string => env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

export const sandboxUrl = (env: Env): string =>
  env.QBO_SANDBOX_URL ?? `http://127.0.0.1:${env.QBO_SANDBOX_PORT}`;
