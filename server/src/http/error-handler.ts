import type { ApiErrorBody } from "@app/shared";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { QboError } from "../integrations/qbo/errors.js";
import type { Logger } from "../lib/logger.js";
import { AppError, fieldIssue, validationFailed, zodIssues } from "./errors.js";

/** Body-parser errors carry a `type`; map them to our codes instead of HTML stack pages. */
function fromParserError(err: { type?: string }): AppError | undefined {
  if (err.type === "entity.too.large")
    return validationFailed([
      fieldIssue("body", "The request body is larger than 1 MB", { reason: "body_too_large" }),
    ]);
  if (err.type === "entity.parse.failed")
    return validationFailed([fieldIssue("body", "Malformed JSON", { reason: "malformed_json" })]);
  if (err.type === "encoding.unsupported" || err.type === "charset.unsupported")
    return validationFailed([
      fieldIssue("body", "Unsupported encoding", { reason: "unsupported_encoding" }),
    ]);
  return undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationFailed(zodIssues(err));
  if (err instanceof QboError) return fromQboError(err);
  // The router could not decode a %-escape in the path (e.g. `/api/inventory/%E0%A4%A`).
  if (err instanceof URIError)
    return validationFailed([
      fieldIssue("path", "Malformed URL encoding", { reason: "malformed_url" }),
    ]);
  if (typeof err === "object" && err !== null) {
    const parsed = fromParserError(err);
    if (parsed) return parsed;
  }
  return new AppError(500, "internal_error", "Something went wrong on our side");
}

/** The client went away before sending its whole body (body-parser's "request.aborted"). */
const clientAborted = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { type?: unknown }).type === "request.aborted";

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const log = (req as { log?: Logger }).log ?? logger;
    if (clientAborted(err)) {
      // Nobody is left to answer, and nothing failed on our side: not a 500, not an error.
      log.info(
        { method: req.method, path: req.originalUrl.split("?")[0] },
        "client aborted the request",
      );
      if (!res.headersSent) res.status(400).end();
      return;
    }
    const appError = toAppError(err);
    if (appError.status >= 500) log.error({ err }, "request failed");
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.said ?? {}),
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    };
    res.status(appError.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, "not_found", `No API route for ${req.method} ${req.path}`));
};

/** QuickBooks failures, in the words the SPA understands; Intuit's tid is kept for support. */
function fromQboError(err: QboError): AppError {
  switch (err.kind) {
    case "not_connected":
      return new AppError(409, "quickbooks_not_connected", "Connect QuickBooks first");
    case "reconnect_required":
      return new AppError(409, "quickbooks_reconnect_required", "Reconnect QuickBooks to continue");
    case "realm_changed":
      return new AppError(409, "quickbooks_company_changed", err.message);
    default:
      return new AppError(502, "quickbooks_unavailable", err.message, {
        code: err.details.code,
        detail: err.details.detail,
        intuitTid: err.details.intuitTid,
      });
  }
}
