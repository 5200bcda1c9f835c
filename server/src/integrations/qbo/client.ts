import { randomUUID } from "node:crypto";
import type { QboConfig } from "./config.js";
import { QboError, realmChanged } from "./errors.js";
import type { Limiter } from "./limiter.js";
import { type OnCall, meterOf } from "./metering.js";
import { type CallOutcome, classifyStatus, decideRetry } from "./retry-policy.js";
import type { AccessGrant, TokenManager } from "./token-manager.js";

/** Intuit answers every version below 75 as 75 since Aug 2025 (docs/quickbooks.md §2). */
export const MINOR_VERSION = "75";

export interface QboRequest {
  method: "GET" | "POST";
  /** Path under /v3/company/{realmId}/, e.g. "query" or "item/12". */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Makes a write idempotent at Intuit; generated for every write when omitted. */
  requestId?: string;
  /**
   * The company the ids in this request belong to. When the shop is connected to another one
   * now, the call is refused (`realm_changed`) before anything reaches Intuit: ids are per company.
   */
  realmId?: string;
}

export interface QboLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface QboClient {
  call<T = unknown>(shopId: string, req: QboRequest): Promise<T>;
  /**
   * The same call with a grant that is not (yet) the shop's connection: connect reads the new
   * company with it before saving anything, so a grant that cannot read its company changes nothing.
   */
  callAs<T = unknown>(grant: AccessGrant, req: QboRequest): Promise<T>;
}

interface FaultBody {
  Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[]; type?: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one function every QuickBooks API call goes through: bearer token, minorversion,
 * requestid on writes, per-company limiter, one forced refresh on 401, retries by policy,
 * `intuit_tid` kept for logs and errors, typed errors out.
 */
export function createQboClient(deps: {
  config: QboConfig;
  tokens: TokenManager;
  limiter: Limiter;
  logger: QboLogger;
  maxAttempts?: number;
  timeoutMs?: number;
  random?: () => number;
  /** Told of every successful call, as Intuit meters them (docs/quickbooks.md §6). */
  onCall?: OnCall;
}): QboClient {
  const maxAttempts = deps.maxAttempts ?? 6;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const random = deps.random ?? Math.random;

  async function once(realmId: string, accessToken: string, req: QboRequest, requestId?: string) {
    const url = new URL(`${deps.config.apiBaseUrl}/v3/company/${realmId}/${req.path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    url.searchParams.set("minorversion", MINOR_VERSION);
    if (requestId) url.searchParams.set("requestid", requestId);
    return deps.limiter.run(realmId, async () => {
      const res = await fetch(url, {
        method: req.method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: "application/json",
          ...(req.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      return { status: res.status, text, intuitTid: res.headers.get("intuit_tid") ?? undefined };
    });
  }

  /** `grantFor(rejected)`: a usable grant, or a refreshed one when `rejected` was refused. */
  async function run<T>(
    grantFor: (rejected?: string) => Promise<AccessGrant>,
    req: QboRequest,
  ): Promise<T> {
    {
      const isWrite = req.method === "POST" && req.path !== "query";
      const requestId = isWrite ? (req.requestId ?? randomUUID()) : undefined;
      const expect = <G extends { realmId: string }>(g: G): G => {
        if (req.realmId !== undefined && g.realmId !== req.realmId) throw realmChanged();
        return g;
      };
      let grant = expect(await grantFor());
      let refreshed = false;
      for (let attempt = 1; ; attempt++) {
        let outcome: CallOutcome;
        let failure: QboError;
        try {
          const res = await once(grant.realmId, grant.accessToken, req, requestId);
          if (res.status < 300) deps.onCall?.(grant.realmId, meterOf(req));
          const kind = classifyStatus(res.status);
          const body = parse(res.text);
          const fault = (body as FaultBody | undefined)?.Fault;
          if (kind === "ok" && !fault) return body as T;
          if (kind === "unauthorized" && !refreshed) {
            refreshed = true; // one forced refresh, then one more try
            grant = expect(await grantFor(grant.accessToken));
            attempt -= 1;
            continue;
          }
          const first = fault?.Error?.[0];
          const details = {
            status: res.status,
            code: first?.code,
            detail: first?.Detail,
            intuitTid: res.intuitTid,
          };
          if (kind === "ok" || kind === "client_error") {
            throw new QboError(
              first?.Message ?? `QuickBooks answered ${res.status}`,
              "fault",
              details,
            );
          }
          if (kind === "unauthorized")
            throw new QboError("QuickBooks refused our access token", "unauthorized", details);
          outcome = kind;
          failure = new QboError(
            kind === "throttled"
              ? "QuickBooks is throttling requests"
              : "QuickBooks is unavailable",
            kind === "throttled" ? "throttled" : "unavailable",
            details,
          );
        } catch (err) {
          if (err instanceof QboError) throw err;
          const timedOut =
            err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
          outcome = timedOut ? "timeout" : "network";
          failure = new QboError("QuickBooks could not be reached", "unavailable", {});
        }
        const decision = decideRetry({
          attempt,
          outcome,
          isWrite,
          hasRequestId: !!requestId,
          maxAttempts,
          random,
        });
        if (!decision.retry) throw failure;
        deps.logger.warn(
          { path: req.path, attempt, outcome, intuitTid: failure.details.intuitTid },
          "retrying QuickBooks call",
        );
        await sleep(decision.delayMs);
      }
    }
  }

  return {
    call: (shopId, req) => run((rejected) => deps.tokens.access(shopId, rejected), req),
    callAs: (grant, req) => run(() => Promise.resolve(grant), req),
  };
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Intuit sometimes answers throttling in XML; the status says enough
  }
}

/**
 * The same client, held to one company: every call made through it is refused once the shop is
 * connected to another company. Long work (an import, an export, an invoice send) takes one at
 * its start, so nothing it read from company A is ever written to company B.
 */
export const boundToRealm = (client: QboClient, realmId: string): QboClient => ({
  call: (shopId, req) => client.call(shopId, { ...req, realmId }),
  callAs: (grant, req) => client.callAs(grant, { ...req, realmId }),
});
