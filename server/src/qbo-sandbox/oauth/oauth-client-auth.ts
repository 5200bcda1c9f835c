/** HTTP Basic client authentication for the token and revoke endpoints (docs/quickbooks.md §1.5). */
import type { Request } from "express";
import type { SandboxOptions } from "../state.js";

export function basicClient(req: Request, options: SandboxOptions): string | undefined {
  const header = req.get("authorization") ?? "";
  const m = /^Basic\s+(.+)$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const sep = decoded.indexOf(":");
  if (sep < 0) return undefined;
  const id = decoded.slice(0, sep),
    secret = decoded.slice(sep + 1);
  return id === options.clientId && secret === options.clientSecret ? id : undefined;
}

/** The registered app accepts any http://localhost or http://127.0.0.1 redirect (README.md). */
export function redirectAllowed(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === "http:" && (u.hostname === "localhost" || u.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}
