/**
 * Everything a running sandbox holds. One state per app; persistence saves the parts that must
 * survive a restart (companies as recipe + written rows, OAuth grants and tokens).
 */
import { Clock } from "./clock.js";
import type { Company, EntityName } from "./companies/company.js";
import type { GenerateSpec } from "./companies/company-recipe.js";
import { buildDemoCompany, DEMO_COMPANY_NAME, DEMO_REALM_ID } from "./companies/demo-company.js";
import { DEFAULT_EDITION, isDefaultEdition, type Edition } from "./companies/edition.js";
import { generateCompany } from "./companies/generate-company.js";
import type { EmitFn, WriteCtx } from "./entities/entity-context.js";
import { FaultBook } from "./api/faults.js";
import { Limiter } from "./api/limiter.js";
import { Meter } from "./api/metering.js";
import { OAuthStore } from "./oauth/oauth-store.js";
import { realmIdFor } from "./companies/random.js";
import { Sleeper } from "./sleeper.js";
import { StatsBook } from "./stats.js";
import { WebhookDispatcher } from "./webhooks.js";

export interface SandboxOptions {
  clientId: string;
  clientSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  refreshGraceSeconds: number;
  codeTtlSeconds: number;
  webhookUrl?: string;
  webhookVerifierToken: string;
  webhookBatchMs: number;
  webhookRetryDelaysMs: readonly number[];
  seedDemo: boolean;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  clientId: "demo-client-id",
  clientSecret: "demo-client-secret",
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 8_726_400, // ≈101 days, Intuit's sample value
  refreshGraceSeconds: 24 * 3600,
  codeTtlSeconds: 600,
  webhookVerifierToken: "demo-verifier-token",
  webhookBatchMs: 200,
  webhookRetryDelaysMs: [250, 1000, 3000, 10_000],
  seedDemo: true,
};

export interface ReplayEntry {
  status: number;
  body: unknown;
}

export interface SandboxState {
  options: SandboxOptions;
  clock: Clock;
  companies: Map<string, Company>;
  oauth: OAuthStore;
  faults: FaultBook;
  stats: StatsBook;
  /** CorePlus/Core calls per app, realm and month (Intuit's App Partner Program metering). */
  meter: Meter;
  limiter: Limiter;
  /** `realmId:requestid` → first response (docs/quickbooks.md §2: requestid replays it). */
  replay: Map<string, ReplayEntry>;
  webhooks: WebhookDispatcher;
  sleeper: Sleeper;
  /** Called after every state change; persistence debounces on it. */
  onChange: () => void;
}

export function createSandboxState(partial: Partial<SandboxOptions> = {}): SandboxState {
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...partial };
  const state: SandboxState = {
    options,
    clock: new Clock(),
    companies: new Map(),
    oauth: new OAuthStore({
      accessTtlMs: options.accessTokenTtlSeconds * 1000,
      refreshTtlMs: options.refreshTokenTtlSeconds * 1000,
      graceMs: options.refreshGraceSeconds * 1000,
      codeTtlMs: options.codeTtlSeconds * 1000,
    }),
    faults: new FaultBook(),
    stats: new StatsBook(),
    meter: new Meter(),
    limiter: new Limiter(),
    replay: new Map(),
    webhooks: new WebhookDispatcher(options.webhookUrl, options.webhookVerifierToken, {
      batchMs: options.webhookBatchMs,
      retryDelaysMs: options.webhookRetryDelaysMs,
      timeoutMs: 3000,
    }),
    sleeper: new Sleeper(),
    onChange: () => undefined,
  };
  if (options.seedDemo) addDemoCompany(state);
  return state;
}

export function addDemoCompany(
  state: SandboxState,
  realmId = DEMO_REALM_ID,
  name = DEMO_COMPANY_NAME,
  edition: Edition = DEFAULT_EDITION,
): Company {
  const c = buildDemoCompany(realmId, name, state.clock.now(), edition);
  state.companies.set(c.realmId, c);
  return c;
}

export interface CreateCompanyInput {
  name?: string;
  seed?: string;
  counts?: Omit<GenerateSpec, "seed" | "name">;
  edition?: Edition;
}

/** Creating again with the same spec replaces the company with a fresh copy (same realmId). */
export function createCompany(state: SandboxState, input: CreateCompanyInput): Company {
  const edition = input.edition ?? DEFAULT_EDITION;
  if (!input.counts) {
    const plain = isDefaultEdition(edition);
    if (input.seed === undefined && input.name === undefined && plain) return addDemoCompany(state);
    const key = ["demo", input.seed ?? "", input.name ?? ""];
    // Plus/US copies keep the realmIds they had before plans existed.
    if (!plain) key.push(edition.plan, edition.country);
    return addDemoCompany(
      state,
      realmIdFor(JSON.stringify(key)),
      input.name ?? `${DEMO_COMPANY_NAME} ${input.seed ?? ""}`.trim(),
      edition,
    );
  }
  const spec: GenerateSpec = { seed: input.seed ?? "default", ...input.counts };
  if (input.name !== undefined) spec.name = input.name;
  const c = generateCompany(spec, state.clock.now(), edition);
  state.companies.set(c.realmId, c);
  return c;
}

/**
 * Entities Intuit sends webhooks for (docs/quickbooks.md §7.2); InventoryAdjustment is not among them, its
 * effect reaches clients as an Item Update (docs/decisions/0006-sandbox-inventory-adjustments.md).
 */
const WEBHOOK_ENTITIES = new Set<EntityName>(["Account", "Item", "Customer", "Vendor", "Invoice"]);

/** Builds the write context; every write event goes to webhooks (with ISO lastUpdated). */
export function writeCtx(
  state: SandboxState,
  company: Company,
  allowDuplicateDocNum = false,
): WriteCtx {
  const emit: EmitFn = (name: EntityName, id, operation, ms, deletedId) => {
    if (!WEBHOOK_ENTITIES.has(name)) return;
    state.webhooks.enqueue(company.realmId, {
      name,
      id,
      operation,
      lastUpdated: new Date(ms).toISOString(),
      ...(deletedId !== undefined ? { deletedId } : {}),
    });
  };
  return { company, now: state.clock.now(), emit, allowDuplicateDocNum };
}

/** `POST /_sandbox/reset`: companies, tokens, faults, stats, replay cache and clock start over. */
export function resetState(state: SandboxState): void {
  state.companies.clear();
  state.oauth.codes.clear();
  state.oauth.grants.clear();
  state.oauth.access.clear();
  state.oauth.refresh.clear();
  state.faults.clear();
  state.stats.reset();
  state.meter.reset();
  state.limiter.reset();
  state.replay.clear();
  state.clock.offsetMs = 0;
  if (state.options.seedDemo) addDemoCompany(state);
}
