/**
 * Boots a sandbox in-process (BFF integration tests, e2e setup, `pnpm sandbox`).
 * `port: 0` picks a free port; `close()` cancels hanging fault requests and flushes state.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxApp } from "./app.js";
import { DEMO_REALM_ID } from "./companies/demo-company.js";
import { INTUIT_LIMITS, Limiter, type Limits } from "./api/limiter.js";
import { attachPersistence, type Persister } from "./persist.js";
import { createSandboxState, type SandboxOptions, type SandboxState } from "./state.js";

export interface StartSandboxOptions {
  port?: number;
  /** Interface to bind; defaults to 127.0.0.1 (the sandbox is for local use). */
  host?: string;
  clientId?: string;
  clientSecret?: string;
  persistPath?: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  refreshGraceSeconds?: number;
  webhookUrl?: string;
  webhookVerifierToken?: string;
  /** Default true: create the demo company. */
  seedDemo?: boolean;
  /** Webhook retry schedule (ms); Intuit's is 10 s, 20 s, 30 s, … */
  webhookRetryDelaysMs?: number[];
  /** Override Intuit's throttles (10 in flight, 10/s, 500/min); keep the defaults unless a test needs speed. */
  limits?: Partial<Limits>;
  log?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  port: number;
  demoRealmId: string;
  close(): Promise<void>;
  /** For white-box tests only. */
  state: SandboxState;
}

export async function startSandbox(opts: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const partial: Partial<SandboxOptions> = {};
  const keys = [
    "clientId",
    "clientSecret",
    "accessTokenTtlSeconds",
    "refreshTokenTtlSeconds",
    "refreshGraceSeconds",
    "webhookUrl",
    "webhookVerifierToken",
    "seedDemo",
    "webhookRetryDelaysMs",
  ] as const;
  for (const k of keys) if (opts[k] !== undefined) Object.assign(partial, { [k]: opts[k] });
  const state = createSandboxState(partial);
  if (opts.limits) state.limiter = new Limiter({ ...INTUIT_LIMITS, ...opts.limits });
  let persister: Persister | undefined;
  if (opts.persistPath) persister = attachPersistence(state, opts.persistPath);
  const app = createSandboxApp(state, opts.log ? { log: opts.log } : {});
  const host = opts.host ?? "127.0.0.1";
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    demoRealmId: DEMO_REALM_ID,
    state,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        state.sleeper.cancelAll();
        state.webhooks.close();
        persister?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
