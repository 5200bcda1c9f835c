import { randomBytes } from "node:crypto";
import { signSessionToken } from "../../src/lib/session-token.js";
import type { RunningSandbox } from "../../src/testing/sandbox.js";
import type { BenchDatabase } from "./bench-database.js";
import type { ServerSecrets } from "./child-server.js";

/** What every section of one backend's run shares. */
export interface BenchContext {
  sandbox: RunningSandbox;
  database: BenchDatabase;
  secrets: ServerSecrets;
  /** A free port for the child server (reused: one child at a time). */
  port: number;
  token(shop: string): Promise<string>;
}

export function newSecrets(): ServerSecrets {
  return {
    sessionSecret: randomBytes(32).toString("base64url"),
    tokenKey: randomBytes(32).toString("base64"),
  };
}

/** Mints an owner's session token the way the Shopmonkey shell would. */
export function tokenMinter(secrets: ServerSecrets) {
  const key = new TextEncoder().encode(secrets.sessionSecret);
  return async (shop: string) =>
    (await signSessionToken(key, { shop, sub: `${shop}-owner`, name: "Bench", role: "owner" }))
      .token;
}
