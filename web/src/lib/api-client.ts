import { safeParse, type core } from "zod/mini";
import { ApiError, toApiError } from "./api-error";
import { getSession, type Session } from "./session";

export { ApiError } from "./api-error";

export interface ApiFetchOptions<S extends core.$ZodType | undefined> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Parses the 2xx body; without it the result is `undefined` (e.g. a 204). */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends core.$ZodType ? core.output<S> : undefined;

/**
 * The one way the SPA calls the BFF: same-origin `/api` path, bearer token, JSON both ways,
 * zod-checked answers, and every failure as a typed ApiError. No toasts here: callers decide
 * what a failure means to the user.
 */
export async function apiFetch<S extends core.$ZodType | undefined = undefined>(
  path: `/api/${string}`,
  options: ApiFetchOptions<S> = {},
  session: Session = getSession(),
): Promise<Result<S>> {
  let response = await send(path, options, await session.getToken());
  if (response.status === 401) {
    // Demo tokens expire or get swapped by the dev switcher: mint once and retry once.
    const fresh = await session.renew();
    if (fresh) response = await send(path, options, fresh);
  }
  if (!response.ok) throw await toApiError(response);
  if (!options.schema || response.status === 204) return undefined as Result<S>;

  const json: unknown = await response.json().catch(() => {
    throw new ApiError(response.status, "bad_response", "The server's answer was not JSON");
  });
  const parsed = safeParse(options.schema, json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "bad_response",
      "The server's answer had an unexpected shape",
      parsed.error.issues,
    );
  }
  return parsed.data as Result<S>;
}

async function send(
  path: string,
  { method = "GET", body, signal }: ApiFetchOptions<core.$ZodType | undefined>,
  token: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: `Bearer ${token}`,
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "network_error", "Could not reach the server");
  }
}
