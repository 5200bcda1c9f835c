/**
 * A process whose event loop gets stuck, for watchdog.test.ts. `node --import tsx
 * watchdog-victim.ts <exitAfterMs> <blockMs>`: starts the watchdog (warning after 200 ms), then
 * blocks its main thread for blockMs (forever if 0) and exits normally if it gets back.
 */
import { createLogger } from "../lib/logger.js";
import { startWatchdog } from "../lib/watchdog.js";

const [exitAfterMs = "0", blockMs = "0"] = process.argv.slice(2);
const logger = createLogger({ level: "info" });
const watchdog = startWatchdog({
  logger,
  warnAfterMs: 200,
  exitAfterMs: Number(exitAfterMs),
  beatMs: 50,
});
setTimeout(() => {
  console.error("blocking");
  const until = Number(blockMs) > 0 ? Date.now() + Number(blockMs) : Infinity;
  while (Date.now() < until) {
    // Stuck, as a thread spinning on a full disk is.
  }
  // Back: let the main thread's next beat notice the gap, then leave.
  setTimeout(() => void watchdog.stop().then(() => process.exit(0)), 200);
}, 200);
