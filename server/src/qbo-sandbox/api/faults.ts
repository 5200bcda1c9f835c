/**
 * Injected faults (admin API). Rates are applied with a deterministic accumulator instead of
 * randomness: rate 0.5 fails every 2nd request, 0.25 every 4th, 1 every request, so tests
 * can predict exactly which calls fail.
 */
export interface FaultConfig {
  latencyMs?: number;
  rate429?: number;
  rate500?: number;
  rateTimeout?: number;
  /** How long a "timeout" request hangs before the sandbox gives up with 504 (default 35 s). */
  timeoutMs?: number;
  /** Monthly CorePlus (read) calls the app may make before reads get 429 (Builder tier: 500,000). */
  readCap?: number;
}

export type RateFault = "rate429" | "rate500" | "rateTimeout";

const GLOBAL = "*";

export class FaultBook {
  private readonly scopes = new Map<string, FaultConfig>();
  private readonly accumulators = new Map<string, number>();

  set(realmId: string | undefined, config: FaultConfig): FaultConfig {
    const key = realmId ?? GLOBAL;
    const merged = { ...this.scopes.get(key), ...config };
    this.scopes.set(key, merged);
    return merged;
  }

  clear(realmId?: string): void {
    if (realmId === undefined) {
      this.scopes.clear();
      this.accumulators.clear();
    } else {
      this.scopes.delete(realmId);
    }
  }

  /** Realm-specific settings override the global ones field by field. */
  effective(realmId: string): FaultConfig {
    return { ...this.scopes.get(GLOBAL), ...this.scopes.get(realmId) };
  }

  snapshot(): Record<string, FaultConfig> {
    return Object.fromEntries(this.scopes);
  }

  roll(realmId: string, kind: RateFault): boolean {
    const rate = this.effective(realmId)[kind] ?? 0;
    if (rate <= 0) return false;
    const key = `${realmId}:${kind}`;
    const acc = (this.accumulators.get(key) ?? 0) + Math.min(1, rate);
    const hit = acc >= 1 - 1e-9;
    this.accumulators.set(key, hit ? acc - 1 : acc);
    return hit;
  }
}
