/**
 * Intuit's throttles per (realmId, app): at most 10 requests in flight, 10 per rolling second
 * and 500 per rolling minute (docs/quickbooks.md §6); on top, at most 120 batch requests per
 * rolling minute per realmId whatever the app ("API call limits and throttles",
 * https://developer.intuit.com/app/developer/qbo/docs/learn/limits-and-throttles;
 * in production since 2025-10-31). Rejected requests are not counted in the windows, so a
 * client that backs off recovers as the window rolls.
 */
export interface Limits {
  concurrent: number;
  perSecond: number;
  perMinute: number;
  batchPerMinute: number;
}

export const INTUIT_LIMITS: Limits = {
  concurrent: 10,
  perSecond: 10,
  perMinute: 500,
  batchPerMinute: 120,
};

interface Bucket {
  inFlight: number;
  second: number[];
  minute: number[];
}

export class Limiter {
  private readonly buckets = new Map<string, Bucket>();
  /** realmId → times of accepted batch requests in the last minute. */
  private readonly batches = new Map<string, number[]>();

  constructor(private readonly limits: Limits = INTUIT_LIMITS) {}

  /**
   * `weight` > 1 for batch requests: each batch item is metered toward the minute limit.
   * `batchRealm` is set for a batch request: it also counts toward the realm's batch window.
   */
  tryAcquire(key: string, now: number, weight = 1, batchRealm?: string): boolean {
    const b = this.bucket(key);
    while (b.second.length && (b.second[0] ?? 0) <= now - 1000) b.second.shift();
    while (b.minute.length && (b.minute[0] ?? 0) <= now - 60_000) b.minute.shift();
    if (b.inFlight >= this.limits.concurrent) return false;
    if (b.second.length >= this.limits.perSecond) return false;
    if (b.minute.length + weight > this.limits.perMinute) return false;
    if (batchRealm !== undefined) {
      const times = this.batches.get(batchRealm) ?? [];
      while (times.length && (times[0] ?? 0) <= now - 60_000) times.shift();
      if (times.length >= this.limits.batchPerMinute) return false;
      times.push(now);
      this.batches.set(batchRealm, times);
    }
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
    this.batches.clear();
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
