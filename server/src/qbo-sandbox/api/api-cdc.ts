/**
 * `GET /cdc?entities=Item,Customer&changedSince=…` (docs/quickbooks.md §7.1): full payloads of changed
 * entities and `{domain, status:"Deleted", Id, MetaData}` for deleted ones, at most 1000
 * objects per entity, look-back limited to 30 days.
 */
import type { Company, Row } from "../companies/company.js";
import { errors } from "./errors.js";
import type { Entity, JsonObject } from "../json.js";
import { entityFromPath } from "../entities/entity-operations.js";
import { isoSeconds, parseTimestamp } from "../time.js";

const WINDOW_MS = 30 * 24 * 3600 * 1000;
const MAX_OBJECTS = 1000;

export function runCdc(
  company: Company,
  now: number,
  entitiesParam: unknown,
  changedSinceParam: unknown,
): JsonObject {
  if (typeof entitiesParam !== "string" || entitiesParam.trim() === "")
    throw errors.requiredParam("entities");
  if (typeof changedSinceParam !== "string" || changedSinceParam.trim() === "")
    throw errors.requiredParam("changedSince");
  const since = parseTimestamp(changedSinceParam);
  if (Number.isNaN(since)) throw errors.invalidProperty(`changedSince (${changedSinceParam})`);
  // Unverified what Intuit does past 30 days; we refuse rather than silently truncate.
  if (since < now - WINDOW_MS)
    throw errors.business("changedSince must be within the last 30 days.");
  const responses: JsonObject[] = [];
  for (const raw of entitiesParam
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const type = entityFromPath(raw);
    if (!type) throw errors.notQueryable(`value ${raw} is not a supported CDC entity`);
    const changed: { ms: number; e: Entity }[] = [];
    const consider = (row: Row) => {
      if (row.updatedMs >= since) changed.push({ ms: row.updatedMs, e: row.e });
    };
    for (const row of company.tables[type].values()) consider(row);
    for (const [id, ms] of company.tombstones[type]) {
      if (ms >= since)
        changed.push({
          ms,
          e: {
            domain: "QBO",
            status: "Deleted",
            Id: id,
            MetaData: { LastUpdatedTime: isoSeconds(ms) },
          },
        });
    }
    changed.sort((a, b) => a.ms - b.ms);
    const list = changed.slice(0, MAX_OBJECTS).map((c) => c.e);
    responses.push(
      list.length
        ? { [type]: list, startPosition: 1, maxResults: list.length, totalCount: list.length }
        : {},
    );
  }
  return { CDCResponse: [{ QueryResponse: responses }] };
}
