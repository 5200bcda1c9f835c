/**
 * Runs `task` every `seconds` until the returned stop is called: the sweeps and ticks that
 * recover work after a crash. A failed round is logged as a warning and the next one tries
 * again; the timer never keeps the process alive.
 */
export function every(
  seconds: number,
  task: () => Promise<unknown>,
  log: { warn(obj: object, msg: string): void },
  what: string,
): () => void {
  const timer = setInterval(
    () => void task().catch((err: unknown) => log.warn({ err }, `${what} failed`)),
    seconds * 1000,
  );
  timer.unref();
  return () => clearInterval(timer);
}
