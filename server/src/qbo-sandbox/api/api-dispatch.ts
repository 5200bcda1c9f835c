/**
 * Maps `/v3/company/{realmId}/…` paths to operations (docs/quickbooks.md §2): read by id,
 * create/update (`POST /{entity}`, `?operation=update|delete|void`), query, batch, cdc,
 * companyinfo and preferences. Returns the success envelope without `time`.
 */
import type { Company } from "../companies/company.js";
import {
  createOrUpdate,
  deleteEntity,
  entityFromPath,
  readEntity,
  updateEntity,
  voidEntity,
} from "../entities/entity-operations.js";
import { errors } from "./errors.js";
import type { JsonObject } from "../json.js";
import { runQuery } from "../query/query-execute.js";
import type { SandboxState } from "../state.js";
import { writeCtx } from "../state.js";
import { runBatch } from "./api-batch.js";
import { runCdc } from "./api-cdc.js";

export interface ApiRequest {
  method: string;
  segments: string[];
  query: Record<string, unknown>;
  body: unknown;
}

const param = (q: Record<string, unknown>, key: string): string | undefined => {
  const v = q[key];
  return typeof v === "string" ? v : undefined;
};

export function routeKey(req: ApiRequest): string {
  const [first = "", second] = req.segments;
  const op = param(req.query, "operation");
  const path = `/${first.toLowerCase()}${second !== undefined ? "/:id" : ""}`;
  return `${req.method} ${path}${op ? `?operation=${op.toLowerCase()}` : ""}`;
}

export function dispatch(state: SandboxState, company: Company, req: ApiRequest): JsonObject {
  const [first = "", second, ...extra] = req.segments;
  const resource = first.toLowerCase();
  if (extra.length) throw errors.unsupported(`Unsupported path /${req.segments.join("/")}`);
  if (resource === "query") {
    const text =
      typeof req.body === "string" && req.body.trim() ? req.body : param(req.query, "query");
    if (text === undefined || text.trim() === "") throw errors.requiredParam("query");
    return { QueryResponse: runQuery(company, text) };
  }
  if (req.method === "GET" && resource === "companyinfo") {
    if (second !== undefined && second !== company.realmId && second !== "1")
      throw errors.readNotFound("CompanyInfo", second);
    return { CompanyInfo: company.companyInfo.e };
  }
  if (req.method === "GET" && resource === "preferences")
    return { Preferences: company.preferences.e };
  if (req.method === "GET" && resource === "cdc")
    return runCdc(company, state.clock.now(), req.query.entities, req.query.changedSince);
  if (req.method === "POST" && resource === "batch" && second === undefined)
    return runBatch(state, company, req.body);
  const type = entityFromPath(first);
  if (!type)
    throw errors.unsupported(`Unsupported Operation: ${req.method} /${req.segments.join("/")}`);
  if (req.method === "GET" && second !== undefined)
    return { [type]: readEntity({ company }, type, second) };
  if (req.method !== "POST" || second !== undefined)
    throw errors.unsupported(`Unsupported Operation: ${req.method} /${req.segments.join("/")}`);
  const include = (param(req.query, "include") ?? "").toLowerCase();
  const ctx = writeCtx(state, company, include.split(",").includes("allowduplicatedocnum"));
  const op = (param(req.query, "operation") ?? "").toLowerCase();
  const result =
    op === "delete"
      ? deleteEntity(ctx, type, req.body)
      : op === "void"
        ? voidEntity(ctx, type, req.body)
        : op === "update"
          ? updateEntity(ctx, type, req.body)
          : op === "" || op === "create"
            ? createOrUpdate(ctx, type, req.body)
            : undefined;
  if (!result) throw errors.unsupported(`Operation ${op} is not supported.`);
  return { [type]: result };
}
