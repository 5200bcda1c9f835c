/**
 * Everything a running sandbox holds. One state per app; persistence saves the parts that must
 * survive a restart (companies as recipe + written rows, OAuth grants and tokens).
 */
import { Clock } from "./clock.js";
import type { Company, EntityName } from "./company.js";
import type { GenerateSpec } from "./company-recipe.js";
import { buildDemoCompany, DEMO_COMPANY_NAME, DEMO_REALM_ID } from "./demo-company.js";
import { generateCompany } from "./generate-company.js";
import type { EmitFn, WriteCtx } from "./entity-context.js";
import { FaultBook } from "./faults.js";
import { Limiter } from "./limiter.js";
import { OAuthStore } from "./oauth-store.js";
import { realmIdFor } from "./random.js";
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
): Company {
  const c = buildDemoCompany(realmId, name, state.clock.now());
  state.companies.set(c.realmId, c);
  return c;
}

export interface CreateCompanyInput {
  name?: string;
  seed?: string;
  counts?: Omit<GenerateSpec, "seed" | "name">;
}

/** Creating again with the same spec replaces the company with a fresh copy (same realmId). */
export function createCompany(state: SandboxState, input: CreateCompanyInput): Company {
  if (!input.counts) {
    if (input.seed === undefined && input.name === undefined) return addDemoCompany(state);
    const realmId = realmIdFor(JSON.stringify(["demo", input.seed ?? "", input.name ?? ""]));
    return addDemoCompany(
      state,
      realmId,
      input.name ?? `${DEMO_COMPANY_NAME} ${input.seed ?? ""}`.trim(),
    );
  }
  const spec: GenerateSpec = { seed: input.seed ?? "default", ...input.counts };
  if (input.name !== undefined) spec.name = input.name;
  const c = generateCompany(spec, state.clock.now());
  state.companies.set(c.realmId, c);
  return c;
}

/** Builds the write context; every write event goes to webhooks (with ISO lastUpdated). */
export function writeCtx(
  state: SandboxState,
  company: Company,
  allowDuplicateDocNum = false,
): WriteCtx {
  const emit: EmitFn = (name: EntityName, id, operation, ms) =>
    state.webhooks.enqueue(company.realmId, {
      name,
      id,
      operation,
      lastUpdated: new Date(ms).toISOString(),
    });
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
  state.limiter.reset();
  state.replay.clear();
  state.clock.offsetMs = 0;
  if (state.options.seedDemo) addDemoCompany(state);
}
