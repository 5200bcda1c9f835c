import type { QboConfig } from "./config.js";
import { QboError, notConnected, reconnectRequired } from "./errors.js";
import { type TokenSet, refreshTokens } from "./oauth.js";

export interface StoredConnection {
  realmId: string;
  status: "connected" | "needs_reconnect" | "disconnected";
  tokens: TokenSet;
}

/** Persistence the token manager needs; implemented by the connection feature's repository. */
export interface TokenStore {
  read(shopId: string): Promise<StoredConnection | undefined>;
  /**
   * Runs `fn` while holding the shop's connection row lock (SELECT … FOR UPDATE), handing it
   * the row as it is now, so two processes never refresh the same grant at once.
   */
  withLock<T>(
    shopId: string,
    fn: (
      current: StoredConnection | undefined,
      save: (tokens: TokenSet) => Promise<void>,
    ) => Promise<T>,
  ): Promise<T>;
  markNeedsReconnect(shopId: string): Promise<void>;
}

export interface AccessGrant {
  realmId: string;
  accessToken: string;
}

export interface TokenManager {
  /** A usable access token; `rejected` = the token a 401 just refused (forces a refresh). */
  access(shopId: string, rejected?: string): Promise<AccessGrant>;
}

/** Refresh this long before the access token expires, so calls never race its expiry. */
const REFRESH_AHEAD_MS = 5 * 60_000;

export function createTokenManager(
  config: QboConfig,
  store: TokenStore,
  now = () => Date.now(),
  refresh: (config: QboConfig, refreshToken: string) => Promise<TokenSet> = refreshTokens,
): TokenManager {
  const inFlight = new Map<string, Promise<AccessGrant>>();

  const usable = (c: StoredConnection, rejected?: string): boolean =>
    c.tokens.accessToken !== rejected &&
    c.tokens.accessTokenExpiresAt.getTime() - REFRESH_AHEAD_MS > now();

  function check(c: StoredConnection | undefined): StoredConnection {
    if (!c || c.status === "disconnected") throw notConnected();
    if (c.status === "needs_reconnect") throw reconnectRequired();
    return c;
  }

  async function refreshLocked(shopId: string, rejected?: string): Promise<AccessGrant> {
    const outcome = await store.withLock(shopId, async (row, save) => {
      const current = check(row);
      // Another process may have refreshed while we waited for the lock: re-read wins.
      if (usable(current, rejected)) return { grant: current };
      try {
        const tokens = await refresh(config, current.tokens.refreshToken);
        // Persist the newest refresh token before anyone uses the new access token.
        await save(tokens);
        return { grant: { ...current, tokens } };
      } catch (err) {
        if (err instanceof QboError && err.kind === "reconnect_required") return { reconnect: err };
        throw err;
      }
    });
    if ("reconnect" in outcome) {
      await store.markNeedsReconnect(shopId);
      throw outcome.reconnect;
    }
    return { realmId: outcome.grant.realmId, accessToken: outcome.grant.tokens.accessToken };
  }

  return {
    async access(shopId, rejected) {
      const current = check(await store.read(shopId));
      if (usable(current, rejected))
        return { realmId: current.realmId, accessToken: current.tokens.accessToken };
      // Single flight per shop inside this process; the row lock serializes across processes.
      let pending = inFlight.get(shopId);
      if (!pending) {
        pending = refreshLocked(shopId, rejected).finally(() => inFlight.delete(shopId));
        inFlight.set(shopId, pending);
      }
      return pending;
    },
  };
}
