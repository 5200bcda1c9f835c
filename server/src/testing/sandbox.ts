import { startSandbox } from "../qbo-sandbox/start.js";

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A real sandbox over HTTP on a random port (tests only; the BFF never imports it). */
export const startTestSandbox = (
  opts: Parameters<typeof startSandbox>[0] = {},
): Promise<RunningSandbox> => startSandbox({ port: 0, ...opts });

/** Any sandbox reached over HTTP: one started here, or the one `pnpm start` runs beside the BFF. */
export type SandboxAt = Pick<RunningSandbox, "url">;

export async function admin<T = unknown>(
  sandbox: SandboxAt,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`sandbox admin ${method} ${path} → ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface SandboxStats {
  requests: number;
  maxInFlight: number;
  throttled: number;
  tokenRefreshes: number;
  /** Requests per route, e.g. "GET /item/:id". */
  byPath: Record<string, number>;
}

export const stats = (sandbox: SandboxAt, realmId: string) =>
  admin<SandboxStats>(sandbox, "GET", `/stats?realmId=${realmId}`);
