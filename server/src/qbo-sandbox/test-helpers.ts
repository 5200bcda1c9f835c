/** Shared helpers for the sandbox's contract tests (real HTTP against startSandbox). */
import type { RunningSandbox } from "./start.js";

export const CLIENT_ID = "demo-client-id";
export const CLIENT_SECRET = "demo-client-secret";
export const REDIRECT_URI = "http://localhost:5173/api/quickbooks/callback";
export const ACCOUNTING = "com.intuit.quickbooks.accounting";

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  token_type: string;
}

export function basic(id = CLIENT_ID, secret = CLIENT_SECRET): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

/** Authorize with auto-approval; returns the code and the redirect's query. */
export async function authorize(
  sb: RunningSandbox,
  realmId: string,
  state = "st4te",
): Promise<URLSearchParams> {
  const q = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: "code",
    redirect_uri: REDIRECT_URI,
    scope: ACCOUNTING,
    state,
    auto_approve_realm: realmId,
  });
  const res = await fetch(`${sb.url}/connect/oauth2?${q.toString()}`, { redirect: "manual" });
  if (res.status !== 302) throw new Error(`authorize: ${res.status}`);
  return new URL(res.headers.get("location") ?? "").searchParams;
}

export async function tokenRequest(
  sb: RunningSandbox,
  form: Record<string, string>,
  auth = basic(),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.url}/oauth2/v1/tokens/bearer`, {
    method: "POST",
    headers: {
      Authorization: auth,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function connect(sb: RunningSandbox, realmId = sb.demoRealmId): Promise<Tokens> {
  const params = await authorize(sb, realmId);
  const r = await tokenRequest(sb, {
    grant_type: "authorization_code",
    code: params.get("code") ?? "",
    redirect_uri: REDIRECT_URI,
  });
  if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as unknown as Tokens;
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the Accounting API; `body` objects are sent as JSON, strings as application/text. */
export async function api<T = Record<string, unknown>>(
  sb: RunningSandbox,
  token: string,
  realmId: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
  };
  let body: string | undefined;
  if (typeof init.body === "string") {
    headers["Content-Type"] = "application/text";
    body = init.body;
  } else if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${sb.url}/v3/company/${realmId}/${path}`, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

export async function query<T = Record<string, unknown>>(
  sb: RunningSandbox,
  token: string,
  realmId: string,
  q: string,
): Promise<ApiResult<T>> {
  return api<T>(sb, token, realmId, `query?query=${encodeURIComponent(q)}&minorversion=75`);
}

export async function admin(
  sb: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The Fault envelope's first error, for compact assertions. */
export function firstError(body: unknown): {
  Message: string;
  Detail: string;
  code: string;
  element: string;
} {
  const fault = (
    body as {
      Fault: { Error: { Message: string; Detail: string; code: string; element: string }[] };
    }
  ).Fault;
  const e = fault.Error[0];
  if (!e) throw new Error("no Fault.Error[0]");
  return e;
}
