/**
 * Intuit's throttles per (realmId, app): at most 10 requests in flight, 10 per rolling second
 * and 500 per rolling minute (docs/quickbooks.md §6). Rejected requests are not counted in the
 * windows, so a client that backs off recovers as the window rolls.
 */
export interface Limits {
  concurrent: number;
  perSecond: number;
  perMinute: number;
}

export const INTUIT_LIMITS: Limits = { concurrent: 10, perSecond: 10, perMinute: 500 };

interface Bucket {
  inFlight: number;
  second: number[];
  minute: number[];
}

export class Limiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limits: Limits = INTUIT_LIMITS) {}

  /** `weight` > 1 for batch requests: each batch item is metered toward the minute limit. */
  tryAcquire(key: string, now: number, weight = 1): boolean {
    const b = this.bucket(key);
    while (b.second.length && (b.second[0] ?? 0) <= now - 1000) b.second.shift();
    while (b.minute.length && (b.minute[0] ?? 0) <= now - 60_000) b.minute.shift();
    if (b.inFlight >= this.limits.concurrent) return false;
    if (b.second.length >= this.limits.perSecond) return false;
    if (b.minute.length + weight > this.limits.perMinute) return false;
    b.inFlight++;
    b.second.push(now);
    for (let i = 0; i < weight; i++) b.minute.push(now);
    return true;
  }

  release(key: string): void {
    const b = this.buckets.get(key);
    if (b && b.inFlight > 0) b.inFlight--;
  }

  reset(): void {
    this.buckets.clear();
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { inFlight: 0, second: [], minute: [] };
      this.buckets.set(key, b);
    }
    return b;
  }
}
