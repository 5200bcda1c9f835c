import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { startWorkers } from "../jobs/workers.js";
import type { TestApp } from "../testing/test-app.js";

/** The secrets-and-headers suite's tools: the wire tap, the SPA stand-in, the header check. */
export const VERIFIER = `verifier-${randomBytes(12).toString("hex")}`;
export const CLIENT_SECRET = `client-secret-${randomBytes(16).toString("hex")}`;
export const ORIGINS = ["https://app.shopmonkey.cloud", "https://sandbox.shopmonkey.io"];
export const CLEAR_TEXT = "QuickBooks"; // a word the SPA index carries, to prove the SPA was served

export interface Tapped {
  method: string;
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

/** Every response the server wrote, as it went onto the socket. */
export function wireTap(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  out: Tapped[],
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    // Express rewrites req.url inside mounted routers; keep what the client asked for.
    const { method = "", url = "" } = req;
    const keep = (chunk: unknown, enc?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof enc === "string" ? (enc as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array),
      );
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, enc?: unknown, cb?: unknown) => {
      keep(chunk, enc);
      return (write as (...a: unknown[]) => boolean)(chunk, enc, cb);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, enc?: unknown, cb?: unknown) => {
      keep(chunk, enc);
      return (end as (...a: unknown[]) => ServerResponse)(chunk, enc, cb);
    }) as typeof res.end;
    res.on("finish", () =>
      out.push({
        method,
        url,
        status: res.statusCode,
        headers: res.getHeaders(),
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
    handler(req, res);
  };
}

/** A built SPA stand-in: index.html and one hashed asset, served as in production. */
export function webDist(): string {
  const dir = join(tmpdir(), `qbo-web-${randomBytes(4).toString("hex")}`);
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>${CLEAR_TEXT}</title>`);
  writeFileSync(join(dir, "assets", "app-1a2b3c.js"), "console.log('app');");
  return dir;
}

/** The workers main.ts starts (jobs/workers.ts), with sweeps and ticks left to the test. */
export function startMainWorkers(t: TestApp): Promise<{ stop(): Promise<void> }> {
  return startWorkers(t.deps, { sweepSeconds: 3600, syncTickSeconds: 3600, catchUpSeconds: 3600 });
}

/** SECURITY.md's headers, on one response. */
export function expectSecurityHeaders(h: Headers, path: string, what: string) {
  const csp = h.get("content-security-policy") ?? "";
  const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
  if (path === "/api/quickbooks/oauth/callback" || path === "/api/quickbooks/oauth/start") {
    // The consent popup's landing page is never framed at all: stricter than the shell's list.
    expect(frameAncestors, what).toEqual(["'none'"]);
  } else {
    expect(frameAncestors, what).toEqual(["'self'", ...ORIGINS]);
  }
  expect(h.get("x-content-type-options"), what).toBe("nosniff");
  expect(h.get("referrer-policy"), what).toBe("no-referrer");
  expect(h.get("x-powered-by"), what).toBeNull();
  expect(h.get("strict-transport-security"), what).toMatch(/max-age=\d{7,}/);
  if (path.startsWith("/api/")) expect(h.get("cache-control"), what).toContain("no-store");
}
