import {
  type ErrorCode,
  type ErrorReason,
  ErrorReasonSchema,
  type FieldIssue,
  type ReasonParams,
} from "@app/shared";
import type { ZodError } from "zod";

/** The precise case and its parameters, which the web says in the reader's language. */
export interface Said {
  reason: ErrorReason;
  params?: ReasonParams;
}

/** The one typed error every layer throws; the error handler turns it into the API shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly said?: Said,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Resource"): AppError =>
  new AppError(404, "not_found", `${what} not found`);
export const forbidden = (message = "You are not allowed to do this"): AppError =>
  new AppError(403, "forbidden", message);
export const unauthenticated = (message = "A valid session is required"): AppError =>
  new AppError(401, "unauthenticated", message);
export const conflict = (message: string, said?: Said, details?: unknown): AppError =>
  new AppError(409, "conflict", message, details, said);

export function zodIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
    ...fieldReason(i),
  }));
}

/** A zod issue as a reason the web can say in the reader's language (docs/api.md). */
function fieldReason(issue: ZodError["issues"][number]): Said {
  if (issue.code === "custom") {
    const named = ErrorReasonSchema.safeParse(issue.params?.reason);
    return { reason: named.success ? named.data : "invalid_value" };
  }
  if (issue.code === "too_small") {
    const minimum = Number(issue.minimum);
    if (issue.origin === "string")
      return minimum <= 1 ? { reason: "required" } : { reason: "too_short", params: { minimum } };
    if (issue.origin === "array" || issue.origin === "set")
      return { reason: "too_few", params: { minimum } };
    return { reason: "too_small", params: { minimum } };
  }
  if (issue.code === "too_big") {
    const maximum = Number(issue.maximum);
    if (issue.origin === "string") return { reason: "too_long", params: { maximum } };
    if (issue.origin === "array" || issue.origin === "set")
      return { reason: "too_many", params: { maximum } };
    return { reason: "too_large", params: { maximum } };
  }
  return { reason: "invalid_value" };
}

/** A field issue of our own: the English message and the reason the web says. */
export const fieldIssue = (path: string, message: string, said: Said): FieldIssue => ({
  path,
  message,
  ...said,
});

export const validationFailed = (issues: FieldIssue[]): AppError =>
  new AppError(400, "validation_failed", "Some fields are invalid", issues);
