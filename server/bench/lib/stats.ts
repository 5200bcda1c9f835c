/** Nearest-rank percentile (no interpolation): the value a reader can find in the raw data. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Milliseconds for a fixed loop of integer arithmetic: a yardstick of the CPU's speed at the
 * moment, to read a run's figures against another's (virtual machines of the same type differ).
 */
export function referenceLoopMs(): number {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < 300_000_000; i++) x += i % 7;
  if (x < 0) throw new Error("unreachable: keeps the loop from being optimized away");
  return round(performance.now() - started, 0);
}
