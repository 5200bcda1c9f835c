import type { ErrorCode, FieldIssue } from "@app/shared";
import type { ZodError } from "zod";

/** The one typed error every layer throws; the error handler turns it into the API shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
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
export const conflict = (message: string, details?: unknown): AppError =>
  new AppError(409, "conflict", message, details);

export function zodIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));
}

export const validationFailed = (issues: FieldIssue[]): AppError =>
  new AppError(400, "validation_failed", "Some fields are invalid", issues);
