import type { QboClient, QboLogger } from "./client.js";
import { createQboClient } from "./client.js";
import { type QboConfig, configureIntuitOAuth } from "./config.js";
import { type Limiter, createLimiter } from "./limiter.js";
import type { OnCall } from "./metering.js";
import { createSharedLimiter } from "./shared-limiter.js";
import { type TokenManager, type TokenStore, createTokenManager } from "./token-manager.js";

export interface Qbo {
  config: QboConfig;
  client: QboClient;
  store: TokenStore;
  tokens: TokenManager;
  /** Releases what the limiter holds (the shared limiter's connections). */
  close(): Promise<void>;
}

/**
 * Wires the QuickBooks integration once per process: OAuth statics, tokens, limiter, client.
 * With `sharedLimitsUrl` (a PostgreSQL every BFF process shares), Intuit's per-company limits
 * are kept across processes too; the in-process limiter still queues this process's callers.
 */
export function createQbo(
  config: QboConfig,
  sandboxUrl: string,
  store: TokenStore,
  logger: QboLogger,
  sharedLimitsUrl?: string,
  onCall?: OnCall,
): Qbo {
  configureIntuitOAuth(config, sandboxUrl);
  const tokens = createTokenManager(config, store);
  const local = createLimiter();
  const shared = sharedLimitsUrl ? createSharedLimiter(sharedLimitsUrl) : undefined;
  const limiter: Limiter = shared
    ? { run: (realmId, fn) => local.run(realmId, () => shared.run(realmId, fn)) }
    : local;
  const client = createQboClient({ config, tokens, limiter, logger, onCall });
  return { config, client, store, tokens, close: async () => shared?.close() };
}
