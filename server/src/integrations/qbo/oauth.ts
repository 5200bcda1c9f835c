import OAuthClient from "intuit-oauth";
import type { QboConfig } from "./config.js";
import { QboError, reconnectRequired } from "./errors.js";

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
}

interface RawToken {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  x_refresh_token_expires_in?: number;
}

/** A fresh client per call: intuit-oauth instances hold one token, and shops must not share it. */
const clientFor = (config: QboConfig): OAuthClient =>
  new OAuthClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    environment: config.environment === "production" ? "production" : "sandbox",
    redirectUri: config.redirectUri,
    logging: false,
  });

function toTokenSet(raw: RawToken, now = Date.now()): TokenSet {
  if (!raw.access_token || !raw.refresh_token)
    throw new QboError("Intuit returned no tokens", "unavailable");
  return {
    accessToken: raw.access_token,
    refreshToken: raw.refresh_token,
    accessTokenExpiresAt: new Date(now + (raw.expires_in ?? 3600) * 1000),
    refreshTokenExpiresAt: new Date(now + (raw.x_refresh_token_expires_in ?? 8_726_400) * 1000),
  };
}

/** intuit-oauth rejects with an Error carrying `error` (e.g. "invalid_grant") for token calls. */
function translate(err: unknown): QboError {
  const code = (err as { error?: unknown }).error;
  if (code === "invalid_grant") return reconnectRequired("QuickBooks refused the authorization");
  return new QboError("QuickBooks sign-in could not be reached", "unavailable", {
    code: typeof code === "string" ? code : undefined,
    intuitTid: (err as { intuit_tid?: string }).intuit_tid,
  });
}

export function authorizeUrl(config: QboConfig, state: string): string {
  return clientFor(config).authorizeUri({ scope: [OAuthClient.scopes.Accounting], state });
}

export async function exchangeCode(
  config: QboConfig,
  code: string,
  realmId: string,
): Promise<TokenSet> {
  const client = clientFor(config);
  const query = new URLSearchParams({ code, realmId }).toString();
  try {
    const res = await client.createToken(`${config.redirectUri}?${query}`);
    return toTokenSet(res.json as RawToken);
  } catch (err) {
    throw translate(err);
  }
}

export async function refreshTokens(config: QboConfig, refreshToken: string): Promise<TokenSet> {
  try {
    const res = await clientFor(config).refreshUsingToken(refreshToken);
    return toTokenSet(res.json as RawToken);
  } catch (err) {
    throw translate(err);
  }
}

export async function revokeToken(config: QboConfig, refreshToken: string): Promise<void> {
  try {
    await clientFor(config).revoke({ refresh_token: refreshToken });
  } catch (err) {
    const e = translate(err);
    // A token Intuit no longer knows is as revoked as it gets.
    if (e.kind !== "reconnect_required") throw e;
  }
}
