/** The sandbox's own admin API under `/_sandbox` (README.md), JSON in and out. Not Intuit's. */
import express, { type Request, type Response } from "express";
import { z } from "zod";
import { COUNTRIES, DEFAULT_EDITION, PLANS } from "./companies/edition.js";
import type { SandboxState } from "./state.js";
import { createCompany, resetState, writeCtx } from "./state.js";
import { changeEdition } from "./companies/company-edition.js";
import { MergeError, mergeRecords } from "./entities/merge.js";
import { isoMillis } from "./time.js";

const count = z.number().int().min(0).max(500_000);
const CompanyBody = z.object({
  name: z.string().min(1).max(100).optional(),
  seed: z.union([z.string(), z.number()]).transform(String).optional(),
  items: z
    .object({
      inventory: count.optional(),
      nonInventory: count.optional(),
      service: count.optional(),
    })
    .optional(),
  customers: count.optional(),
  vendors: count.optional(),
  plan: z.enum(PLANS).optional(),
  country: z.enum(COUNTRIES).optional(),
});
const EditionBody = z.object({
  plan: z.enum(PLANS).optional(),
  country: z.enum(COUNTRIES).optional(),
});
const rate = z.number().min(0).max(1);
const FaultBody = z.object({
  realmId: z.string().optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  rate429: rate.optional(),
  rate500: rate.optional(),
  rateTimeout: rate.optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  readCap: z.number().int().min(0).optional(),
  expireAccessTokens: z.boolean().optional(),
  revokeRefreshTokens: z.boolean().optional(),
});
const WebhookBody = z.object({
  url: z.url().nullable(),
  verifierToken: z.string().min(1).optional(),
  format: z.enum(["legacy", "cloudevents"]).optional(),
});
const MergeBody = z.object({
  realmId: z.string().min(1),
  entity: z.enum(["Item", "Customer", "Vendor"]),
  fromId: z.string().min(1),
  toId: z.string().min(1),
});
const ClockBody = z.object({ advanceSeconds: z.number() });

function parse<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const r = schema.safeParse(req.body ?? {});
  if (r.success) return r.data;
  res.status(400).json({ error: "invalid_request", details: z.prettifyError(r.error) });
  return undefined;
}

export function adminRoutes(state: SandboxState): express.Router {
  const r = express.Router();
  r.use(express.json());

  r.post("/companies", (req, res) => {
    const b = parse(CompanyBody, req, res);
    if (!b) return;
    const hasCounts = b.items !== undefined || b.customers !== undefined || b.vendors !== undefined;
    const counts = hasCounts
      ? {
          inventory: b.items?.inventory ?? 0,
          nonInventory: b.items?.nonInventory ?? 0,
          service: b.items?.service ?? 0,
          customers: b.customers ?? 0,
          vendors: b.vendors ?? 0,
        }
      : undefined;
    const c = createCompany(state, {
      ...(b.name ? { name: b.name } : {}),
      ...(b.seed !== undefined ? { seed: b.seed } : {}),
      ...(counts ? { counts } : {}),
      edition: {
        plan: b.plan ?? DEFAULT_EDITION.plan,
        country: b.country ?? DEFAULT_EDITION.country,
      },
    });
    state.onChange();
    res.status(201).json({ realmId: c.realmId, name: c.name, ...c.edition });
  });
  r.patch("/companies/:realmId", (req, res) => {
    const b = parse(EditionBody, req, res);
    if (!b) return;
    const company = state.companies.get(req.params.realmId);
    if (!company) return void res.status(404).json({ error: "unknown_realm" });
    changeEdition(company, { ...company.edition, ...b }, state.clock.now());
    state.onChange();
    res.json({ realmId: company.realmId, name: company.name, ...company.edition });
  });
  r.get("/companies", (_req, res) => {
    res.json({
      items: [...state.companies.values()].map((c) => ({
        realmId: c.realmId,
        name: c.name,
        ...c.edition,
        counts: c.counts(),
      })),
    });
  });

  r.post("/faults", (req, res) => {
    const b = parse(FaultBody, req, res);
    if (!b) return;
    const { realmId, expireAccessTokens, revokeRefreshTokens, ...config } = b;
    state.faults.set(realmId, config);
    const expired = expireAccessTokens
      ? state.oauth.expireAccessTokens(state.clock.now(), realmId)
      : 0;
    const revoked = revokeRefreshTokens ? state.oauth.revokeRefreshTokens(realmId) : 0;
    if (expired || revoked) state.onChange();
    res.json({
      faults: state.faults.snapshot(),
      expiredAccessTokens: expired,
      revokedRefreshTokens: revoked,
    });
  });
  r.delete("/faults", (req, res) => {
    const realmId = typeof req.query.realmId === "string" ? req.query.realmId : undefined;
    state.faults.clear(realmId);
    res.json({ faults: state.faults.snapshot() });
  });

  r.get("/stats", (req, res) => {
    const realmId =
      typeof req.query.realmId === "string" && req.query.realmId ? req.query.realmId : undefined;
    res.json({
      ...state.stats.view(realmId),
      metered: state.meter.view(realmId),
      webhooks: { delivered: state.webhooks.delivered, failed: state.webhooks.failed },
    });
  });

  r.post("/reset", (_req, res) => {
    resetState(state);
    state.onChange();
    res.json({ ok: true, companies: [...state.companies.keys()] });
  });

  r.put("/webhook", (req, res) => {
    const b = parse(WebhookBody, req, res);
    if (!b) return;
    state.webhooks.url = b.url ?? undefined;
    if (b.verifierToken) state.webhooks.verifierToken = b.verifierToken;
    if (b.format) state.webhooks.format = b.format;
    state.onChange();
    res.json({ url: state.webhooks.url ?? null, format: state.webhooks.format });
  });

  r.post("/merge", (req, res) => {
    const b = parse(MergeBody, req, res);
    if (!b) return;
    const company = state.companies.get(b.realmId);
    if (!company) return void res.status(404).json({ error: "unknown_realm" });
    try {
      const merged = mergeRecords(writeCtx(state, company), b.entity, b.fromId, b.toId);
      state.onChange();
      res.json({ [b.entity]: merged, deletedId: b.fromId });
    } catch (err) {
      if (!(err instanceof MergeError)) throw err;
      res.status(400).json({ error: "invalid_merge", details: err.message });
    }
  });

  r.get("/clock", (_req, res) => {
    res.json({ now: isoMillis(state.clock.now()), offsetSeconds: state.clock.offsetMs / 1000 });
  });
  r.post("/clock", (req, res) => {
    const b = parse(ClockBody, req, res);
    if (!b) return;
    state.clock.advance(b.advanceSeconds);
    state.onChange();
    res.json({ now: isoMillis(state.clock.now()), offsetSeconds: state.clock.offsetMs / 1000 });
  });
  return r;
}
