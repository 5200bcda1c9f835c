/**
 * The Accounting API pipeline, in Intuit's order: bearer token (401, code 3200) → token's realm
 * (403, code 3100) → throttles (429, code 3001) → monthly read cap (429) → injected faults →
 * requestid replay → operation; successful calls are metered (metering.ts). Injected latency
 * happens while the request counts as in flight, so a client making more than 10 concurrent
 * slow calls sees 429s, as on Intuit.
 */
import express, { type Request, type Response } from "express";
import { gatewayFault, QboError, errors } from "./errors.js";
import type { SandboxState } from "../state.js";
import { isoMillis } from "../time.js";
import { batchSize } from "./api-batch.js";
import { dispatch, routeKey, type ApiRequest } from "./api-dispatch.js";
import { sendJson } from "./api-respond.js";
import { classify } from "./metering.js";

const DEFAULT_TIMEOUT_FAULT_MS = 35_000;

export function apiRouter(state: SandboxState): express.Router {
  const router = express.Router({ mergeParams: true });
  router.use(express.json({ limit: "10mb", type: ["application/json", "application/*+json"] }));
  router.use(express.text({ limit: "1mb", type: ["application/text", "text/plain"] }));
  router.use((req: Request, res: Response) => handle(state, req, res));
  return router;
}

async function handle(state: SandboxState, req: Request, res: Response): Promise<void> {
  const realmId = String(req.params.realmId ?? "");
  const now = state.clock.now();
  const token = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1] ?? "";
  const check = state.oauth.checkAccess(token, now);
  if (!check.ok) return sendJson(res, 401, gatewayFault(now, check.reason));
  const company = state.companies.get(realmId);
  if (check.realmId !== realmId || !company) return sendJson(res, 403, gatewayFault(now, "realm"));

  const apiReq: ApiRequest = {
    method: req.method,
    segments: req.path.split("/").filter(Boolean).map(decodeURIComponent),
    query: req.query,
    body: req.body,
  };
  state.stats.request(realmId, routeKey(apiReq));
  const limiterKey = `${realmId}:${check.clientId}`;
  const isBatch = apiReq.segments[0]?.toLowerCase() === "batch";
  const weight = isBatch ? Math.max(1, batchSize(req.body)) : 1;
  if (!state.limiter.tryAcquire(limiterKey, now, weight, isBatch ? realmId : undefined)) {
    state.stats.of(realmId).throttled++;
    return sendJson(res, 429, errors.throttled().body(now));
  }
  state.stats.enter(realmId);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    state.limiter.release(limiterKey);
    state.stats.leave(realmId);
  };
  res.on("finish", release);
  res.on("close", release);

  const faults = state.faults.effective(realmId);
  const metered = classify(apiReq);
  if (
    faults.readCap !== undefined &&
    metered.corePlus > 0 &&
    state.meter.corePlusThisMonth(check.clientId, now) + metered.corePlus > faults.readCap
  ) {
    state.stats.of(realmId).throttled++;
    return sendJson(res, 429, errors.throttled().body(now));
  }
  if (faults.latencyMs && faults.latencyMs > 0 && !(await state.sleeper.sleep(faults.latencyMs)))
    return void res.destroy();
  if (state.faults.roll(realmId, "rateTimeout")) {
    // Hang past a client's usual 30 s timeout; shutdown cancels the sleep.
    if (!(await state.sleeper.sleep(faults.timeoutMs ?? DEFAULT_TIMEOUT_FAULT_MS)))
      return void res.destroy();
    return sendJson(res, 504, errors.system().body(state.clock.now()));
  }
  if (state.faults.roll(realmId, "rate429")) {
    state.stats.of(realmId).throttled++;
    return sendJson(res, 429, errors.throttled().body(state.clock.now()));
  }
  if (state.faults.roll(realmId, "rate500"))
    return sendJson(res, 500, errors.system().body(state.clock.now()));

  const requestId = typeof req.query.requestid === "string" ? req.query.requestid : undefined;
  const replayKey = requestId ? `${realmId}:${requestId}` : undefined;
  const cached = replayKey ? state.replay.get(replayKey) : undefined;
  if (cached) return sendJson(res, cached.status, cached.body);

  let status = 200;
  let body: unknown;
  try {
    body = { ...dispatch(state, company, apiReq), time: isoMillis(state.clock.now()) };
  } catch (err) {
    if (!(err instanceof QboError)) throw err;
    status = err.status;
    body = err.body(state.clock.now());
  }
  if (replayKey) remember(state, replayKey, { status, body });
  if (status < 300) state.meter.add(check.clientId, realmId, now, metered);
  if (req.method !== "GET") state.onChange();
  sendJson(res, status, body);
}

const REPLAY_CAP = 10_000;

function remember(
  state: SandboxState,
  key: string,
  entry: { status: number; body: unknown },
): void {
  if (state.replay.size >= REPLAY_CAP) {
    const oldest = state.replay.keys().next().value;
    if (oldest !== undefined) state.replay.delete(oldest);
  }
  state.replay.set(key, entry);
}
