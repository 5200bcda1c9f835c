import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A local `.env` at the repository root (never committed) may override defaults; a variable
 * already in the environment always wins (Node's loadEnvFile never overwrites one). Read by
 * every entry point, the launcher included, so `pnpm start` and the BFF see the same settings.
 */
export function loadDotEnv(): void {
  const file = join(dirname(fileURLToPath(import.meta.url)), "../../../.env");
  if (existsSync(file)) process.loadEnvFile(file);
}
