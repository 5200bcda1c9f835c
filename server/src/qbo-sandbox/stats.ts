/** Per-realm request statistics for `GET /_sandbox/stats` (README.md). */
export interface RealmStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  throttled: number;
  tokenRefreshes: number;
  byPath: Record<string, number>;
}

export type StatsView = Omit<RealmStats, "inFlight">;

export class StatsBook {
  private readonly realms = new Map<string, RealmStats>();

  of(realmId: string): RealmStats {
    let s = this.realms.get(realmId);
    if (!s) {
      s = { requests: 0, inFlight: 0, maxInFlight: 0, throttled: 0, tokenRefreshes: 0, byPath: {} };
      this.realms.set(realmId, s);
    }
    return s;
  }

  request(realmId: string, path: string): void {
    const s = this.of(realmId);
    s.requests++;
    s.byPath[path] = (s.byPath[path] ?? 0) + 1;
  }

  enter(realmId: string): void {
    const s = this.of(realmId);
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
  }

  leave(realmId: string): void {
    const s = this.of(realmId);
    s.inFlight = Math.max(0, s.inFlight - 1);
  }

  view(realmId?: string): StatsView {
    const list = realmId === undefined ? [...this.realms.values()] : [this.of(realmId)];
    const out: StatsView = {
      requests: 0,
      maxInFlight: 0,
      throttled: 0,
      tokenRefreshes: 0,
      byPath: {},
    };
    for (const s of list) {
      out.requests += s.requests;
      out.maxInFlight = Math.max(out.maxInFlight, s.maxInFlight);
      out.throttled += s.throttled;
      out.tokenRefreshes += s.tokenRefreshes;
      for (const [p, n] of Object.entries(s.byPath)) out.byPath[p] = (out.byPath[p] ?? 0) + n;
    }
    return out;
  }

  reset(): void {
    this.realms.clear();
  }
}
