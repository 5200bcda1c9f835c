import { createHash, randomBytes } from "node:crypto";
import type { Connection } from "@app/shared";
import type { Db } from "../../db/client.js";
import { conflict } from "../../http/errors.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import type { QboConfig } from "../../integrations/qbo/config.js";
import { QboError } from "../../integrations/qbo/errors.js";
import {
  type TokenSet,
  authorizeUrl,
  exchangeCode,
  revokeToken,
} from "../../integrations/qbo/oauth.js";
import { QboCompanyInfoSchema } from "../../integrations/qbo/schemas.js";
import type { TokenStore } from "../../integrations/qbo/token-manager.js";
import type { Session } from "../../http/session.js";
import type { Cipher } from "../../lib/crypto.js";
import type { Logger } from "../../lib/logger.js";
import { linkRealmOf } from "../quickbooks-links/realm.repository.js";
import { hasLinks, linkedCounts, switchCompany } from "../quickbooks-links/switch-company.js";
import type { CallbackOutcome } from "./callback-page.js";
import { capabilitiesOf, refreshCapabilities } from "./capabilities.js";
import * as repo from "./connection.repository.js";

export interface ConnectionDeps {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  qbo: { config: QboConfig; client: QboClient; store: TokenStore };
}

const STATE_TTL_MS = 10 * 60_000;
/** A consent for another company waits this long for the owner's confirmation. */
const SWITCH_TTL_MS = 30 * 60_000;
const hash = (value: string) => createHash("sha256").update(value).digest("hex");

export async function getConnection(deps: ConnectionDeps, shopId: string): Promise<Connection> {
  const [row, linked, pending] = await Promise.all([
    repo.findConnection(deps.db, shopId),
    linkRealmOf(deps.db, shopId),
    repo.findPendingSwitch(deps.db, shopId),
  ]);
  const extras: Pick<Connection, "linkedCompany" | "pendingSwitch"> = {};
  if (linked && linked.realmId !== "") {
    extras.linkedCompany = { ...linked, ...(await linkedCounts(deps.db, shopId)) };
  } else if (linked) {
    // Links made before companies were recorded: which company they name is unknown.
    extras.linkedCompany = {
      realmId: "",
      companyName: "",
      ...(await linkedCounts(deps.db, shopId)),
    };
  }
  if (pending && pending.expiresAt.getTime() > Date.now()) {
    extras.pendingSwitch = {
      realmId: pending.realmId,
      companyName: pending.companyName,
      expiresAt: pending.expiresAt.toISOString(),
    };
  }
  if (!row || row.status === "disconnected") return { status: "not_connected", ...extras };
  const capabilities =
    row.status === "connected"
      ? await capabilitiesOf(deps.qbo.client, shopId, row.realmId)
      : undefined;
  return {
    status: row.status,
    realmId: row.realmId,
    companyName: row.companyName,
    connectedAt: row.connectedAt.toISOString(),
    connectedBy: row.connectedBy,
    refreshTokenExpiresAt: row.refreshTokenExpiresAt.toISOString(),
    ...extras,
    ...(capabilities ? { capabilities } : {}),
  };
}

/**
 * Starts the OAuth dance: a random single-use state bound to this shop and user. The URL is
 * our own `/oauth/start`, not Intuit's: opened in the popup, it ties the state to that browser
 * with a first-party cookie before sending it on to Intuit (docs/api.md, "Connecting").
 */
export async function startConnect(
  deps: ConnectionDeps,
  session: Session,
): Promise<{ authorizeUrl: string }> {
  const state = randomBytes(24).toString("base64url");
  await repo.insertState(deps.db, {
    stateHash: hash(state),
    shopId: session.shopId,
    userId: session.userId,
    userName: session.name,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  const start = new URL("/api/quickbooks/oauth/start", deps.qbo.config.redirectUri);
  start.searchParams.set("state", state);
  return { authorizeUrl: start.toString() };
}

/** The cookie that carries a state's browser binding; one per state, so two tabs don't clash. */
export const bindingCookieName = (state: string) => `qbo_oauth_${hash(state).slice(0, 16)}`;

/**
 * The popup's first stop: binds the state to this browser (once) and answers where to go at
 * Intuit, with the cookie value to set. Undefined when the link was used, expired or forged.
 */
export async function bindBrowser(
  deps: ConnectionDeps,
  state: string,
  extra: { autoApproveRealm?: string },
): Promise<{ cookie: string; redirect: string } | undefined> {
  const cookie = randomBytes(24).toString("base64url");
  if (!(await repo.bindState(deps.db, hash(state), hash(cookie)))) return undefined;
  const url = new URL(authorizeUrl(deps.qbo.config, state));
  // Our offline sandbox's scripted consent (docs/api.md); Intuit has no such parameter.
  if (deps.qbo.config.environment === "local" && extra.autoApproveRealm)
    url.searchParams.set("auto_approve_realm", extra.autoApproveRealm);
  return { cookie, redirect: url.toString() };
}

/**
 * Intuit's redirect. The state is consumed first, so a replay or a forgery changes nothing; it
 * must come back to the browser that started it. The new grant is checked (it must read its
 * company) before anything is saved, so a failed connect leaves the previous connection as it
 * was. A grant for another company than the shop's links waits for the owner's confirmation.
 */
export async function completeConnect(
  deps: ConnectionDeps,
  q: { code?: string; state?: string; realmId?: string; error?: string },
  bindingCookie: (state: string) => string | undefined,
): Promise<CallbackOutcome> {
  const state = q.state ? await repo.consumeState(deps.db, hash(q.state)) : undefined;
  if (!state || !q.state) return { ok: false, reason: "state_invalid" };
  const cookie = bindingCookie(q.state);
  if (!state.bindingHash || !cookie || hash(cookie) !== state.bindingHash)
    return { ok: false, reason: "other_browser" };
  if (q.error) return { ok: false, reason: "access_denied" };
  if (!q.code || !q.realmId || !/^\d{1,32}$/.test(q.realmId))
    return { ok: false, reason: "bad_request" };
  const realmId = q.realmId;
  let tokens: TokenSet;
  try {
    tokens = await exchangeCode(deps.qbo.config, q.code, realmId);
  } catch (err) {
    deps.logger.warn({ err: describe(err), shopId: state.shopId }, "QuickBooks connect failed");
    return { ok: false, reason: "exchange_failed" };
  }
  const companyName = await readCompanyName(deps, realmId, tokens.accessToken);
  if (companyName === undefined) {
    await revoke(deps, tokens.refreshToken, state.shopId);
    return { ok: false, reason: "company_unreadable" };
  }
  const linked = await linkRealmOf(deps.db, state.shopId);
  const counts = await linkedCounts(deps.db, state.shopId);
  if (linked && linked.realmId !== realmId && hasLinks(counts)) {
    const replaced = await repo.savePendingSwitch(deps.db, deps.cipher, state.shopId, {
      realmId,
      companyName,
      requestedBy: state.userName,
      expiresAt: new Date(Date.now() + SWITCH_TTL_MS),
      tokens,
    });
    if (replaced) await revoke(deps, replaced.tokens.refreshToken, state.shopId);
    deps.logger.info({ shopId: state.shopId, realmId }, "QuickBooks switch waits for confirmation");
    return { ok: true, confirm: true };
  }
  await adopt(deps, state.shopId, { realmId, companyName, tokens, by: state.userName });
  return { ok: true };
}

/** The owner confirmed: the waiting company becomes the shop's, the old links become history. */
export async function confirmSwitch(deps: ConnectionDeps, session: Session): Promise<Connection> {
  const pending = await repo.takePendingSwitch(deps.db, deps.cipher, session.shopId);
  if (!pending || pending.expiresAt.getTime() <= Date.now()) {
    if (pending) await revoke(deps, pending.tokens.refreshToken, session.shopId);
    throw conflict("No change of QuickBooks company is waiting; connect again", {
      reason: "no_company_switch_waiting",
    });
  }
  await adopt(deps, session.shopId, { ...pending, by: session.name });
  return getConnection(deps, session.shopId);
}

/** The owner kept the current company: the waiting grant is revoked at Intuit. */
export async function cancelSwitch(deps: ConnectionDeps, shopId: string): Promise<void> {
  const pending = await repo.takePendingSwitch(deps.db, deps.cipher, shopId);
  if (pending) await revoke(deps, pending.tokens.refreshToken, shopId);
}

/**
 * Makes a checked grant the shop's connection. One transaction moves the links (history for a
 * different company) and saves the grant; a grant replaced for ANOTHER company is revoked at
 * Intuit afterwards. The same company's old grant is not: Intuit's revoke ends the app's access
 * to that company, which would take the new grant with it (docs/quickbooks.md).
 */
async function adopt(
  deps: ConnectionDeps,
  shopId: string,
  next: { realmId: string; companyName: string; tokens: TokenSet; by: string },
): Promise<void> {
  const previous = await deps.qbo.store.read(shopId).catch(() => undefined);
  await deps.db.transaction(async (tx) => {
    await switchCompany(
      tx,
      shopId,
      { realmId: next.realmId, companyName: next.companyName },
      next.by,
    );
    await repo.saveNewConnection(tx, deps.cipher, {
      shopId,
      realmId: next.realmId,
      companyName: next.companyName,
      connectedBy: next.by,
      tokens: next.tokens,
    });
  });
  if (previous && previous.realmId !== next.realmId && previous.status !== "disconnected")
    await revoke(deps, previous.tokens.refreshToken, shopId);
  await refreshCapabilities(deps.qbo.client, shopId, next.realmId);
  deps.logger.info({ shopId, realmId: next.realmId }, "QuickBooks connected");
}

async function readCompanyName(
  deps: ConnectionDeps,
  realmId: string,
  accessToken: string,
): Promise<string | undefined> {
  try {
    const raw = await deps.qbo.client.callAs(
      { realmId, accessToken },
      { method: "GET", path: `companyinfo/${realmId}` },
    );
    const info = QboCompanyInfoSchema.safeParse(raw);
    return info.success ? info.data.CompanyInfo.CompanyName : undefined;
  } catch (err) {
    deps.logger.warn(
      { err: describe(err), realmId },
      "the new QuickBooks grant cannot read its company",
    );
    return undefined;
  }
}

async function revoke(deps: ConnectionDeps, refreshToken: string, shopId: string): Promise<void> {
  // An unreadable token (sealed under another key) has nothing left to revoke.
  if (!refreshToken) return;
  try {
    await revokeToken(deps.qbo.config, refreshToken);
  } catch (err) {
    // Our copy is gone either way; Intuit expires an unused grant on its own.
    deps.logger.warn({ shopId, err: describe(err) }, "revoke at Intuit failed");
  }
}

const describe = (err: unknown) =>
  err instanceof QboError || err instanceof Error ? err.message : String(err);

/** Revokes the grant at Intuit and forgets the tokens; imported records and links stay. */
export async function disconnect(deps: ConnectionDeps, shopId: string): Promise<void> {
  await cancelSwitch(deps, shopId);
  const stored = await deps.qbo.store.read(shopId);
  if (!stored || stored.status === "disconnected") return;
  await revoke(deps, stored.tokens.refreshToken, shopId);
  await repo.deleteConnection(deps.db, shopId);
}
