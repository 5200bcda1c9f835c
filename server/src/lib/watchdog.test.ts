import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const VICTIM = fileURLToPath(new URL("../testing/watchdog-victim.ts", import.meta.url));

/** Runs the victim to its end: how it ended, and what it wrote. */
function run(exitAfterMs: number, blockMs: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", VICTIM, String(exitAfterMs), String(blockMs)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe("the event-loop watchdog", () => {
  it("reports a stuck main thread from another thread, then kills the process so it is restarted", async () => {
    const ended = await run(1500, 0); // stuck for good
    expect(ended.signal).toBe("SIGKILL");
    expect(ended.stderr).toContain("blocking");
    expect(ended.stderr).toContain('"msg":"event loop blocked: the server answers nothing');
    expect(ended.stderr).toContain('"msg":"event loop blocked too long: exiting');
  });

  it("only reports a block that ends, and logs how long it was once back", async () => {
    const ended = await run(0, 3000);
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain('"msg":"event loop blocked: the server answers nothing');
    expect(ended.stderr).not.toContain("exiting");
    const back = ended.stdout
      .split("\n")
      .filter((l) => l.includes("event loop was blocked"))
      .map((l) => JSON.parse(l) as { blockedMs: number });
    // (A starved machine may delay a beat past the warning too; the block itself is the longest.)
    expect(Math.max(...back.map((b) => b.blockedMs))).toBeGreaterThanOrEqual(3000);
  });
});
