import type { ErrorCode, ErrorReason, FieldIssue, ReasonParams } from "@app/shared";
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
  }));
}

export const validationFailed = (issues: FieldIssue[]): AppError =>
  new AppError(400, "validation_failed", "Some fields are invalid", issues);
