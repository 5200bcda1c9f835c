import { writeSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Logger } from "./logger.js";

/**
 * Reports, and if it lasts, ends, a blocked event loop. A process whose main thread is stuck
 * (the embedded database spinning on a full disk was one) answers nothing, /healthz included,
 * and no timer on that thread can notice. So the main thread stamps a shared clock, and a
 * worker thread, which keeps running, reads it: past `warnAfterMs` it writes a log line
 * straight to stderr (the logger lives on the blocked thread); past `exitAfterMs` it kills the
 * process with SIGKILL, so a supervisor restarts it (imports and sends resume where they were).
 */
export interface Watchdog {
  stop(): Promise<void>;
}

export interface WatchdogOptions {
  logger: Logger;
  warnAfterMs: number;
  /** 0: report only, never exit. */
  exitAfterMs: number;
  /** How often the main thread stamps the clock. */
  beatMs?: number;
}

const WATCHER = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const { beat, warnAfterMs, exitAfterMs, checkMs } = workerData;
const stamp = new BigInt64Array(beat);
let reported = false;
const line = (level, msg, extra) =>
  writeSync(2, JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }) + "\\n");
setInterval(() => {
  const blockedMs = Date.now() - Number(Atomics.load(stamp, 0));
  if (blockedMs < warnAfterMs) { reported = false; return; }
  if (!reported) {
    reported = true;
    line(50, "event loop blocked: the server answers nothing until it frees", { blockedMs });
  }
  if (exitAfterMs > 0 && blockedMs >= exitAfterMs) {
    line(60, "event loop blocked too long: exiting so the process is restarted", { blockedMs });
    process.kill(process.pid, "SIGKILL");
  }
}, checkMs);
`;

export function startWatchdog(opts: WatchdogOptions): Watchdog {
  const beatMs = opts.beatMs ?? 250;
  const beat = new SharedArrayBuffer(8);
  const stamp = new BigInt64Array(beat);
  let last = Date.now();
  Atomics.store(stamp, 0, BigInt(last));
  const timer = setInterval(() => {
    const now = Date.now();
    // Back from a block the watcher saw: say how long it was, in the regular log.
    if (now - last >= opts.warnAfterMs)
      opts.logger.warn({ blockedMs: now - last }, "event loop was blocked");
    last = now;
    Atomics.store(stamp, 0, BigInt(now));
  }, beatMs);
  timer.unref();
  const worker = new Worker(WATCHER, {
    eval: true,
    workerData: {
      beat,
      warnAfterMs: opts.warnAfterMs,
      exitAfterMs: opts.exitAfterMs,
      checkMs: Math.max(50, Math.min(beatMs, opts.warnAfterMs / 4)),
    },
  });
  worker.unref();
  worker.on("error", (err) => {
    // The watchdog failing must not take the server down; say so once.
    writeSync(2, `${JSON.stringify({ level: 40, msg: "watchdog stopped", err: String(err) })}\n`);
  });
  return {
    async stop() {
      clearInterval(timer);
      await worker.terminate();
    },
  };
}
