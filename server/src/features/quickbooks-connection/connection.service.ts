import { createHash, randomBytes } from "node:crypto";
import type { Connection } from "@app/shared";
import type { Db } from "../../db/client.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import type { QboConfig } from "../../integrations/qbo/config.js";
import { QboError } from "../../integrations/qbo/errors.js";
import { authorizeUrl, exchangeCode, revokeToken } from "../../integrations/qbo/oauth.js";
import { QboCompanyInfoSchema } from "../../integrations/qbo/schemas.js";
import type { TokenStore } from "../../integrations/qbo/token-manager.js";
import type { Session } from "../../http/session.js";
import type { Cipher } from "../../lib/crypto.js";
import type { Logger } from "../../lib/logger.js";
import type { CallbackOutcome } from "./callback-page.js";
import * as repo from "./connection.repository.js";

export interface ConnectionDeps {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  qbo: { config: QboConfig; client: QboClient; store: TokenStore };
}

const STATE_TTL_MS = 10 * 60_000;
const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export async function getConnection(deps: ConnectionDeps, shopId: string): Promise<Connection> {
  const row = await repo.findConnection(deps.db, shopId);
  if (!row || row.status === "disconnected") return { status: "not_connected" };
  return {
    status: row.status,
    realmId: row.realmId,
    companyName: row.companyName,
    connectedAt: row.connectedAt.toISOString(),
    connectedBy: row.connectedBy,
    refreshTokenExpiresAt: row.refreshTokenExpiresAt.toISOString(),
  };
}

/** Starts the OAuth dance: a random single-use state bound to this shop and user. */
export async function startConnect(
  deps: ConnectionDeps,
  session: Session,
): Promise<{ authorizeUrl: string }> {
  const state = randomBytes(24).toString("base64url");
  await repo.insertState(deps.db, {
    stateHash: hashState(state),
    shopId: session.shopId,
    userId: session.userId,
    userName: session.name,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return { authorizeUrl: authorizeUrl(deps.qbo.config, state) };
}

/** Intuit's redirect. The state is consumed first, so a replay or a forgery changes nothing. */
export async function completeConnect(
  deps: ConnectionDeps,
  q: { code?: string; state?: string; realmId?: string; error?: string },
): Promise<CallbackOutcome> {
  const state = q.state ? await repo.consumeState(deps.db, hashState(q.state)) : undefined;
  if (!state) return { ok: false, reason: "state_invalid" };
  if (q.error) return { ok: false, reason: "access_denied" };
  if (!q.code || !q.realmId || !/^\d{1,32}$/.test(q.realmId))
    return { ok: false, reason: "bad_request" };
  try {
    const tokens = await exchangeCode(deps.qbo.config, q.code, q.realmId);
    await repo.saveNewConnection(deps.db, deps.cipher, {
      shopId: state.shopId,
      realmId: q.realmId,
      companyName: "",
      connectedBy: state.userName,
      tokens,
    });
    await refreshCompanyName(deps, state.shopId, q.realmId);
    deps.logger.info({ shopId: state.shopId, realmId: q.realmId }, "QuickBooks connected");
    return { ok: true };
  } catch (err) {
    deps.logger.warn(
      { err: err instanceof QboError ? err.message : String(err), shopId: state.shopId },
      "QuickBooks connect failed",
    );
    return { ok: false, reason: "exchange_failed" };
  }
}

async function refreshCompanyName(
  deps: ConnectionDeps,
  shopId: string,
  realmId: string,
): Promise<void> {
  const raw = await deps.qbo.client.call(shopId, { method: "GET", path: `companyinfo/${realmId}` });
  const info = QboCompanyInfoSchema.safeParse(raw);
  if (info.success) await repo.setCompanyName(deps.db, shopId, info.data.CompanyInfo.CompanyName);
}

/** Revokes the grant at Intuit and forgets the tokens; imported records and links stay. */
export async function disconnect(deps: ConnectionDeps, shopId: string): Promise<void> {
  const stored = await deps.qbo.store.read(shopId);
  if (!stored || stored.status === "disconnected") return;
  try {
    // An unreadable token (sealed under another key) has nothing left to revoke.
    if (stored.tokens.refreshToken) await revokeToken(deps.qbo.config, stored.tokens.refreshToken);
  } catch (err) {
    // Forgetting our copy still ends the connection for this shop; Intuit expires the rest.
    deps.logger.warn(
      { shopId, err: err instanceof Error ? err.message : String(err) },
      "revoke at Intuit failed",
    );
  }
  await repo.deleteConnection(deps.db, shopId);
}
