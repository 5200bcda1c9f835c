/**
 * Runs a parsed query against a company. Filtered+sorted Id lists are cached per table
 * version, so paging a 100k-item catalog costs one scan, then O(page) per page.
 */
import type { Company, EntityName, Row } from "../companies/company.js";
import { errors } from "../api/errors.js";
import type { Entity, JsonObject } from "../json.js";
import { compareScalars, fieldValue, predicate } from "./query-compare.js";
import {
  ACTIVE_BY_DEFAULT,
  canonicalEntity,
  canonicalField,
  isFilterable,
} from "./query-fields.js";
import { parseQuery, type ParsedQuery } from "./query-parser.js";

export const MAX_RESULTS_CAP = 1000;
const DEFAULT_MAX_RESULTS = 100;
const CACHE_ENTRIES = 16;

export function runQuery(company: Company, text: string): JsonObject {
  const q = parseQuery(text);
  const entity = canonicalEntity(q.entity);
  if (entity === undefined)
    throw errors.notQueryable(`value ${q.entity} is not a supported entity`);
  normalizeFields(entity, q);
  const ids = matchingRows(company, entity, q);
  if (q.count) return { totalCount: ids.length };
  const start = Math.max(1, q.startPosition ?? 1);
  const max = Math.min(MAX_RESULTS_CAP, Math.max(1, q.maxResults ?? DEFAULT_MAX_RESULTS));
  const page = ids.slice(start - 1, start - 1 + max);
  if (page.length === 0) return {};
  const rows: Entity[] = page.map((r) => r.e);
  // `maxResults` is the number of rows returned (node-quickbooks pages while it equals the limit).
  return { [entity]: rows, startPosition: start, maxResults: rows.length };
}

function normalizeFields(entity: string, q: ParsedQuery): void {
  for (const c of q.where) {
    const f = canonicalField(entity, c.field);
    if (f === undefined || !isFilterable(entity, f))
      throw errors.notQueryable(`property '${c.field}' is not queryable`);
    c.field = f;
  }
  for (const o of q.orderBy) {
    const f = canonicalField(entity, o.field);
    if (f === undefined) throw errors.notQueryable(`property '${o.field}' is not sortable`);
    o.field = f;
  }
}

function sourceRows(company: Company, entity: string): { rows: Iterable<Row>; version: number } {
  if (entity === "CompanyInfo")
    return { rows: [company.companyInfo], version: company.companyInfo.updatedMs };
  if (entity === "Preferences")
    return { rows: [company.preferences], version: company.preferences.updatedMs };
  const type = entity as EntityName;
  return { rows: company.tables[type].values(), version: company.versions[type] };
}

function matchingRows(company: Company, entity: string, q: ParsedQuery): Row[] {
  const { rows, version } = sourceRows(company, entity);
  const key = JSON.stringify([entity, q.where, q.orderBy]);
  const cached = company.queryCache.get(key);
  if (cached && cached.version === version) return cached.rows;
  const conds = q.where.map(predicate);
  if (ACTIVE_BY_DEFAULT.has(entity) && !q.where.some((c) => c.field === "Active"))
    conds.push((row) => row.e.Active !== false);
  const out: Row[] = [];
  for (const row of rows) if (conds.every((p) => p(row))) out.push(row);
  const order = q.orderBy.length ? q.orderBy : [{ field: "Id", desc: false }];
  out.sort((a, b) => {
    for (const o of order) {
      const va = fieldValue(a, o.field),
        vb = fieldValue(b, o.field);
      // Rows without the property sort last whatever the direction.
      if (va === undefined || vb === undefined) {
        if (va !== vb) return va === undefined ? 1 : -1;
        continue;
      }
      const cmp = compareScalars(va, vb);
      if (cmp !== 0) return o.desc ? -cmp : cmp;
    }
    return compareScalars(fieldValue(a, "Id") ?? "", fieldValue(b, "Id") ?? "");
  });
  if (company.queryCache.size >= CACHE_ENTRIES) {
    const oldest = company.queryCache.keys().next().value;
    if (oldest !== undefined) company.queryCache.delete(oldest);
  }
  company.queryCache.set(key, { version, rows: out });
  return out;
}
