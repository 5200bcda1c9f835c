import { ApiErrorBodySchema, type ErrorCode } from "@app/shared";

/** Failures that never reached (or never came back from) the BFF's error handler. */
export type ClientErrorCode = "network_error" | "bad_response";

/** Every failed /api call surfaces as this one type, so UI code branches on `code`, not on text. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  /** The precise case behind `code` and its parameters, for the reader's words (docs/api.md). */
  readonly reason?: string;
  readonly params?: Record<string, string | number>;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    details?: unknown,
    said?: { reason?: string; params?: Record<string, string | number> },
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    if (said?.reason) this.reason = said.reason;
    if (said?.params) this.params = said.params;
  }
}

/**
 * Reads a non-2xx response. The BFF always answers `{ error: { code, message, details? } }`;
 * anything else (a proxy's HTML page, an empty 502) still becomes a typed error.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: fall through to the generic error below.
  }
  const parsed = ApiErrorBodySchema.safeParse(json);
  if (parsed.success) {
    const { code, message, details, reason, params } = parsed.data.error;
    return new ApiError(response.status, code, message, details, { reason, params });
  }
  return new ApiError(
    response.status,
    "bad_response",
    `Unexpected ${response.status} answer from the server`,
  );
}
