/**
 * Keeps our calls under Intuit's per-company limits (docs/quickbooks.md §6): at most 10 in flight,
 * 10 per second and 500 per minute per realm and app. Callers wait here instead of being
 * answered 429. Windows are measured from when a call starts, with a small safety margin
 * because Intuit counts arrivals, which network jitter can bunch together.
 */
export interface LimiterOptions {
  maxInFlight: number;
  perSecond: number;
  perMinute: number;
  marginMs: number;
}

export const INTUIT_LIMITS: LimiterOptions = {
  maxInFlight: 10,
  perSecond: 10,
  perMinute: 500,
  marginMs: 40,
};

interface Lane {
  inFlight: number;
  starts: number[]; // start times within the last minute, oldest first
  waiters: ((startedAt: number) => void)[];
  timer?: NodeJS.Timeout;
}

export interface Limiter {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createLimiter(
  opts: LimiterOptions = INTUIT_LIMITS,
  now = () => Date.now(),
): Limiter {
  const lanes = new Map<string, Lane>();
  const secondMs = 1000 + opts.marginMs;
  const minuteMs = 60_000 + opts.marginMs;

  /** Milliseconds until a call may start in this lane (0 = now). */
  function waitFor(lane: Lane): number {
    const t = now();
    while (lane.starts.length && (lane.starts[0] ?? 0) <= t - minuteMs) lane.starts.shift();
    if (lane.inFlight >= opts.maxInFlight) return Infinity; // woken by a finishing call
    if (lane.starts.length >= opts.perMinute) return (lane.starts[0] ?? t) + minuteMs - t;
    const lastSecond = lane.starts.filter((s) => s > t - secondMs);
    if (lastSecond.length >= opts.perSecond) return (lastSecond[0] ?? t) + secondMs - t;
    return 0;
  }

  function pump(lane: Lane): void {
    while (lane.waiters.length) {
      const wait = waitFor(lane);
      if (wait > 0) {
        if (wait !== Infinity && !lane.timer) {
          lane.timer = setTimeout(() => {
            lane.timer = undefined;
            pump(lane);
          }, wait);
        }
        return;
      }
      lane.inFlight += 1;
      const at = now();
      lane.starts.push(at);
      lane.waiters.shift()?.(at);
    }
  }

  return {
    async run(key, fn) {
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { inFlight: 0, starts: [], waiters: [] }));
      const l = lane;
      const startedAt = await new Promise<number>((resolve) => {
        l.waiters.push(resolve);
        pump(l);
      });
      try {
        return await fn();
      } finally {
        // Intuit counts a call when it arrives, which can be well after we granted it (a busy
        // event loop delays the actual send). Re-stamping it at completion, the latest it can
        // have arrived, keeps our windows at least as full as Intuit's, so we never trip 429.
        const i = l.starts.indexOf(startedAt);
        if (i >= 0) {
          l.starts.splice(i, 1);
          l.starts.push(now());
        }
        l.inFlight -= 1;
        pump(l);
      }
    },
  };
}
