import type { QboClient, QboLogger } from "./client.js";
import { createQboClient } from "./client.js";
import { type QboConfig, configureIntuitOAuth } from "./config.js";
import { createLimiter } from "./limiter.js";
import { type TokenManager, type TokenStore, createTokenManager } from "./token-manager.js";

export interface Qbo {
  config: QboConfig;
  client: QboClient;
  store: TokenStore;
  tokens: TokenManager;
}

/** Wires the QuickBooks integration once per process: OAuth statics, tokens, limiter, client. */
export function createQbo(
  config: QboConfig,
  sandboxUrl: string,
  store: TokenStore,
  logger: QboLogger,
): Qbo {
  configureIntuitOAuth(config, sandboxUrl);
  const tokens = createTokenManager(config, store);
  const client = createQboClient({ config, tokens, limiter: createLimiter(), logger });
  return { config, client, store, tokens };
}
