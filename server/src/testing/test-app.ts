import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { Role } from "@app/shared";
import type { Express } from "express";
import type { AppDeps } from "../app-deps.js";
import { createApp } from "../app.js";
import { buildDeps } from "../boot.js";
import { parseEnv } from "../config/env.js";
import { createLogger } from "../lib/logger.js";
import { signSessionToken } from "../lib/session-token.js";
import { type Backend, createTestDatabase } from "./test-database.js";

export interface TestApp {
  app: Express;
  deps: AppDeps;
  /** Every log line the app wrote, as text (to prove secrets never reach logs). */
  logs: string[];
  token(shop: string, role?: Role, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real database, with a configured session secret (not demo mode). */
export async function createTestApp(
  backend: Backend,
  envOverrides: Record<string, string | undefined> = {},
  depOverrides: Partial<AppDeps> = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString("utf8"));
      cb();
    },
  });
  const secret = randomBytes(32).toString("base64url");
  const env = parseEnv({
    NODE_ENV: "test",
    SESSION_SECRET: secret,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "info",
    DATA_DIR: `/tmp/qbo-test-${randomBytes(4).toString("hex")}`,
    ...envOverrides,
  });
  const database = await createTestDatabase(backend);
  const logger = createLogger({ level: env.LOG_LEVEL, destination: sink });
  const deps = await buildDeps(env, logger, { database, ...depOverrides });
  const app = createApp(deps);
  return {
    app,
    deps,
    logs,
    token: async (shop, role = "owner", ttlSeconds = 600) =>
      (
        await signSessionToken(
          deps.sessionSecret,
          { shop, sub: `${shop}-${role}`, name: `${role} of ${shop}`, role },
          ttlSeconds,
        )
      ).token,
    close: async () => {
      await deps.qbo.close();
      await deps.calls.flush();
      await database.close();
    },
  };
}
