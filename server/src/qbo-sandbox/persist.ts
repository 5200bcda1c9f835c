/**
 * Saves state to one JSON file (debounced; written to a temp file then renamed, so a crash
 * never leaves half a file). Companies are saved as their recipe plus the rows written since,
 * so a 100,000-item generated company costs a few bytes until it is edited.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { type Company, ENTITY_NAMES, type EntityName } from "./companies/company.js";
import type { Recipe } from "./companies/company-recipe.js";
import { changeEdition } from "./companies/company-edition.js";
import type { Edition } from "./companies/edition.js";
import { buildDemoCompany } from "./companies/demo-company.js";
import { generateCompany } from "./companies/generate-company.js";
import type { Entity } from "./json.js";
import type { AccessRec, CodeRec, GrantRec, RefreshRec } from "./oauth/oauth-store.js";
import type { SandboxState } from "./state.js";
import type { WebhookFormat } from "./webhooks.js";

interface SavedCompany {
  realmId: string;
  name: string;
  recipe: Recipe;
  /** The plan/country set after creation, with when (CompanyInfo's LastUpdatedTime). */
  changedEdition?: { edition: Edition; ms: number };
  createdMs: number;
  nextIds: Record<EntityName, number>;
  nextDocNumber: number;
  rows: [EntityName, number, Entity][];
  tombstones: [EntityName, string, number][];
}

interface SavedState {
  version: 1;
  clockOffsetMs: number;
  companies: SavedCompany[];
  oauth: {
    codes: [string, CodeRec][];
    grants: [string, GrantRec][];
    access: [string, AccessRec][];
    refresh: [string, RefreshRec][];
  };
  webhook: { url: string | null; verifierToken: string; format?: WebhookFormat };
}

function saveCompany(c: Company): SavedCompany {
  const rows: SavedCompany["rows"] = [];
  const tombstones: SavedCompany["tombstones"] = [];
  for (const key of c.touched) {
    const sep = key.indexOf(":");
    const type = key.slice(0, sep) as EntityName,
      id = key.slice(sep + 1);
    const row = c.get(type, id);
    if (row) rows.push([type, row.updatedMs, row.e]);
    else {
      const ms = c.tombstones[type].get(id);
      if (ms !== undefined) tombstones.push([type, id, ms]);
    }
  }
  return {
    realmId: c.realmId,
    name: c.name,
    recipe: c.recipe,
    ...(c.changedEdition
      ? { changedEdition: { edition: c.changedEdition, ms: c.companyInfo.updatedMs } }
      : {}),
    createdMs: c.createdMs,
    nextIds: { ...c.nextIds },
    nextDocNumber: c.nextDocNumber,
    rows,
    tombstones,
  };
}

function restoreCompany(s: SavedCompany): Company {
  const c =
    s.recipe.kind === "demo"
      ? buildDemoCompany(s.realmId, s.name, s.createdMs, s.recipe.edition)
      : generateCompany(s.recipe.spec, s.createdMs, s.recipe.edition);
  if (s.changedEdition) changeEdition(c, s.changedEdition.edition, s.changedEdition.ms);
  for (const [type, ms, e] of s.rows) c.put(type, e, ms, true);
  for (const [type, id, ms] of s.tombstones) {
    if (c.get(type, id)) c.remove(type, id, ms);
    else {
      c.tombstones[type].set(id, ms);
      c.touched.add(`${type}:${id}`);
    }
  }
  for (const type of ENTITY_NAMES)
    c.nextIds[type] = Math.max(c.nextIds[type], s.nextIds[type] ?? 1);
  c.nextDocNumber = Math.max(c.nextDocNumber, s.nextDocNumber);
  return c;
}

export function serializeState(state: SandboxState): SavedState {
  const o = state.oauth;
  return {
    version: 1,
    clockOffsetMs: state.clock.offsetMs,
    companies: [...state.companies.values()].map(saveCompany),
    oauth: {
      codes: [...o.codes],
      grants: [...o.grants],
      access: [...o.access],
      refresh: [...o.refresh],
    },
    webhook: {
      url: state.webhooks.url ?? null,
      verifierToken: state.webhooks.verifierToken,
      format: state.webhooks.format,
    },
  };
}

export function restoreState(state: SandboxState, saved: SavedState): void {
  state.clock.offsetMs = saved.clockOffsetMs;
  state.companies.clear();
  for (const s of saved.companies) state.companies.set(s.realmId, restoreCompany(s));
  state.oauth.codes = new Map(saved.oauth.codes);
  state.oauth.grants = new Map(saved.oauth.grants);
  state.oauth.access = new Map(saved.oauth.access);
  state.oauth.refresh = new Map(saved.oauth.refresh);
  // Explicit configuration (options) wins over a saved webhook registration.
  if (!state.webhooks.url && saved.webhook.url) state.webhooks.url = saved.webhook.url;
  if (saved.webhook.format) state.webhooks.format = saved.webhook.format;
}

export interface Persister {
  flush(): void;
  close(): void;
}

/** Loads `path` if present, then saves after every change (debounced). */
export function attachPersistence(state: SandboxState, path: string, debounceMs = 250): Persister {
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, "utf8")) as SavedState;
    if (saved.version === 1) restoreState(state, saved);
  }
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(serializeState(state)));
    renameSync(tmp, path);
  };
  state.onChange = () => {
    timer ??= setTimeout(flush, debounceMs);
  };
  return {
    flush,
    close: () => {
      if (timer) flush();
      state.onChange = () => undefined;
    },
  };
}
