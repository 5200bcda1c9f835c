import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * In demo mode nobody configures secrets, yet tokens must stay readable across restarts: the
 * session secret and the token encryption key are generated once into the data directory.
 */
export interface DemoSecrets {
  sessionSecret: string;
  tokenEncryptionKey: string;
}

export function loadOrCreateDemoSecrets(dataDir: string): DemoSecrets {
  const file = join(dataDir, "demo-secrets.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
  } catch {
    const secrets: DemoSecrets = {
      sessionSecret: randomBytes(32).toString("base64url"),
      tokenEncryptionKey: randomBytes(32).toString("base64"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    return secrets;
  }
}
