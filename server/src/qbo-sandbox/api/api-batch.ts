/**
 * `POST /batch` (docs/quickbooks.md §6): at most 30 items (else 400 code 1040). Each item runs on its
 * own; failures come back per item as a Fault inside an HTTP 200 response.
 */
import type { Company } from "../companies/company.js";
import { ENTITY_NAMES } from "../companies/company.js";
import {
  createOrUpdate,
  deleteEntity,
  updateEntity,
  voidEntity,
} from "../entities/entity-operations.js";
import { errors, QboError } from "./errors.js";
import type { JsonObject } from "../json.js";
import { getStr, isObject } from "../json.js";
import { runQuery } from "../query/query-execute.js";
import type { SandboxState } from "../state.js";
import { writeCtx } from "../state.js";

export const MAX_BATCH_ITEMS = 30;

export function batchSize(body: unknown): number {
  const items = isObject(body) ? body.BatchItemRequest : undefined;
  return Array.isArray(items) ? items.length : 1;
}

export function runBatch(state: SandboxState, company: Company, body: unknown): JsonObject {
  const items = isObject(body) ? body.BatchItemRequest : undefined;
  if (!Array.isArray(items)) throw errors.requiredParam("BatchItemRequest");
  if (items.length > MAX_BATCH_ITEMS) throw errors.batchTooLarge(items.length);
  const responses = items.map((item): JsonObject => {
    const bId = isObject(item) ? (getStr(item, "bId") ?? "") : "";
    try {
      if (!isObject(item)) throw errors.invalidProperty("BatchItemRequest");
      const out: JsonObject = { bId, ...runItem(state, company, item) };
      return out;
    } catch (err) {
      if (err instanceof QboError) {
        const fault: JsonObject = { bId, Fault: err.faultObject() };
        return fault;
      }
      throw err;
    }
  });
  return { BatchItemResponse: responses };
}

function runItem(state: SandboxState, company: Company, item: JsonObject): JsonObject {
  const query = getStr(item, "Query");
  if (query !== undefined) return { QueryResponse: runQuery(company, query) };
  const type = ENTITY_NAMES.find((n) => item[n] !== undefined);
  if (!type) throw errors.invalidProperty("BatchItemRequest (no entity or Query)");
  const ctx = writeCtx(state, company);
  const op = (getStr(item, "operation") ?? "create").toLowerCase();
  const body = item[type];
  switch (op) {
    case "create":
      return { [type]: createOrUpdate(ctx, type, body) };
    case "update":
      return { [type]: updateEntity(ctx, type, body) };
    case "delete":
      return { [type]: deleteEntity(ctx, type, body) };
    case "void":
      return { [type]: voidEntity(ctx, type, body) };
    default:
      throw errors.unsupported(`Operation ${op} is not supported in batch.`);
  }
}
