/**
 * OAuth grants and tokens (docs/quickbooks.md §1.6). A grant is one consent (realm + client); codes,
 * access tokens and refresh tokens hang off it, so revoking or a reused code kills them all.
 *
 * Refresh rotation: each refresh issues a new refresh token; the previous one stays usable
 * for `refreshGraceSeconds` (Intuit: "previous refresh tokens expire 24 hours after you receive
 * a new one") and, when used during that grace, answers with the SAME newest pair instead of
 * minting another chain (a fresh access token only if that pair's one has expired).
 */
import { randomToken } from "../companies/random.js";

export interface CodeRec {
  clientId: string;
  redirectUri: string;
  realmId: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  grantId?: string;
}
export interface GrantRec {
  realmId: string;
  clientId: string;
  scope: string;
  createdAt: number;
  revoked: boolean;
}
export interface AccessRec {
  grantId: string;
  expiresAt: number;
}
export interface RefreshRec {
  grantId: string;
  expiresAt: number;
  accessToken: string;
  successor?: string;
  rotatedAt?: number;
  revoked?: boolean;
}

export interface Lifetimes {
  accessTtlMs: number;
  refreshTtlMs: number;
  graceMs: number;
  codeTtlMs: number;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: "bearer";
  expires_in: number;
  x_refresh_token_expires_in: number;
  x_refresh_token_hard_expires_in: number;
}

export type OAuthResult =
  | { ok: true; pair: TokenPair; realmId: string }
  | { ok: false; error: "invalid_grant"; description: string };

/** Intuit's refresh tokens carry a 5-year absolute cap since 2023 (docs/quickbooks.md §1.6). */
const HARD_CAP_MS = 5 * 365 * 24 * 3600 * 1000;

export class OAuthStore {
  codes = new Map<string, CodeRec>();
  grants = new Map<string, GrantRec>();
  access = new Map<string, AccessRec>();
  refresh = new Map<string, RefreshRec>();

  constructor(public lifetimes: Lifetimes) {}

  issueCode(rec: Omit<CodeRec, "expiresAt" | "used">, now: number): string {
    const code = `AB11${Math.floor(now / 1000)}${randomToken(36)}`;
    this.codes.set(code, { ...rec, expiresAt: now + this.lifetimes.codeTtlMs, used: false });
    return code;
  }

  exchangeCode(code: string, clientId: string, redirectUri: string, now: number): OAuthResult {
    const rec = this.codes.get(code);
    if (!rec || rec.clientId !== clientId) return fail("Invalid authorization code");
    if (rec.used) {
      // Re-using a code revokes what it issued (Intuit, oauth-jsclient #173).
      if (rec.grantId) this.revokeGrant(rec.grantId);
      return fail("Authorization code has already been used");
    }
    rec.used = true;
    if (rec.expiresAt <= now) return fail("Authorization code has expired");
    if (rec.redirectUri !== redirectUri)
      return fail("redirect_uri does not match the authorization request");
    const grantId = randomToken(24);
    this.grants.set(grantId, {
      realmId: rec.realmId,
      clientId,
      scope: rec.scope,
      createdAt: now,
      revoked: false,
    });
    rec.grantId = grantId;
    return { ok: true, realmId: rec.realmId, pair: this.mint(grantId, now) };
  }

  refreshToken(token: string, clientId: string, now: number): OAuthResult {
    const rec = this.refresh.get(token);
    const grant = rec ? this.grants.get(rec.grantId) : undefined;
    if (!rec || !grant || grant.revoked || rec.revoked || grant.clientId !== clientId)
      return fail("Incorrect or invalid refresh token");
    if (rec.expiresAt <= now || grant.createdAt + HARD_CAP_MS <= now)
      return fail("Refresh token expired");
    if (rec.successor === undefined) {
      const pair = this.mint(rec.grantId, now);
      rec.successor = pair.refresh_token;
      rec.rotatedAt = now;
      return { ok: true, realmId: grant.realmId, pair };
    }
    if ((rec.rotatedAt ?? 0) + this.lifetimes.graceMs <= now)
      return fail("Refresh token was rotated more than the grace period ago");
    let newest = rec.successor;
    for (let next = this.refresh.get(newest); next?.successor; next = this.refresh.get(newest))
      newest = next.successor;
    const head = this.refresh.get(newest);
    if (!head || head.revoked || head.expiresAt <= now)
      return fail("Incorrect or invalid refresh token");
    const access = this.access.get(head.accessToken);
    if (!access || access.expiresAt <= now) {
      head.accessToken = this.newAccess(head.grantId, now);
    }
    return { ok: true, realmId: grant.realmId, pair: this.pairOf(newest, head, now) };
  }

  /** Revoking either token revokes the whole grant (access and refresh). */
  revoke(token: string): boolean {
    const grantId = this.access.get(token)?.grantId ?? this.refresh.get(token)?.grantId;
    if (grantId === undefined) return false;
    this.revokeGrant(grantId);
    return true;
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
    for (const [t, a] of this.access) if (a.grantId === grantId) this.access.delete(t);
    for (const [t, r] of this.refresh) if (r.grantId === grantId) this.refresh.delete(t);
  }

  /** `expired` vs `invalid` only changes the 401 detail text. */
  checkAccess(
    token: string,
    now: number,
  ):
    { ok: true; realmId: string; clientId: string } | { ok: false; reason: "expired" | "invalid" } {
    const rec = this.access.get(token);
    const grant = rec ? this.grants.get(rec.grantId) : undefined;
    if (!rec || !grant || grant.revoked) return { ok: false, reason: "invalid" };
    if (rec.expiresAt <= now) return { ok: false, reason: "expired" };
    return { ok: true, realmId: grant.realmId, clientId: grant.clientId };
  }

  grantRealm(grantId: string): string | undefined {
    return this.grants.get(grantId)?.realmId;
  }

  expireAccessTokens(now: number, realmId?: string): number {
    let n = 0;
    for (const a of this.access.values()) {
      if (realmId !== undefined && this.grantRealm(a.grantId) !== realmId) continue;
      if (a.expiresAt > now) {
        a.expiresAt = now;
        n++;
      }
    }
    return n;
  }

  revokeRefreshTokens(realmId?: string): number {
    let n = 0;
    for (const r of this.refresh.values()) {
      if (realmId !== undefined && this.grantRealm(r.grantId) !== realmId) continue;
      if (!r.revoked) {
        r.revoked = true;
        n++;
      }
    }
    return n;
  }

  /** Drops records that can never be used again, so long demos do not grow without bound. */
  prune(now: number): void {
    for (const [c, r] of this.codes)
      if (r.expiresAt + this.lifetimes.codeTtlMs < now) this.codes.delete(c);
    for (const [t, a] of this.access) if (a.expiresAt + 3_600_000 < now) this.access.delete(t);
    for (const [t, r] of this.refresh)
      if (
        r.expiresAt < now ||
        (r.rotatedAt !== undefined && r.rotatedAt + this.lifetimes.graceMs < now)
      )
        this.refresh.delete(t);
  }

  private newAccess(grantId: string, now: number): string {
    // Opaque; shaped like Intuit's long "eyJ…" tokens so length/format assumptions surface.
    const token = `eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..${randomToken(22)}.${randomToken(400)}.${randomToken(22)}`;
    this.access.set(token, { grantId, expiresAt: now + this.lifetimes.accessTtlMs });
    return token;
  }

  private mint(grantId: string, now: number): TokenPair {
    if (this.refresh.size % 256 === 0) this.prune(now);
    const accessToken = this.newAccess(grantId, now);
    const refreshToken = `RT1-${randomToken(2)}-H0-${Math.floor(now / 1000) + Math.floor(this.lifetimes.refreshTtlMs / 1000)}${randomToken(20).toLowerCase()}`;
    const rec: RefreshRec = { grantId, expiresAt: now + this.lifetimes.refreshTtlMs, accessToken };
    this.refresh.set(refreshToken, rec);
    return this.pairOf(refreshToken, rec, now);
  }

  private pairOf(refreshToken: string, rec: RefreshRec, now: number): TokenPair {
    const access = this.access.get(rec.accessToken);
    const grant = this.grants.get(rec.grantId);
    const secs = (ms: number) => Math.max(0, Math.floor(ms / 1000));
    return {
      access_token: rec.accessToken,
      refresh_token: refreshToken,
      token_type: "bearer",
      expires_in: secs((access?.expiresAt ?? now) - now),
      x_refresh_token_expires_in: secs(rec.expiresAt - now),
      x_refresh_token_hard_expires_in: secs((grant?.createdAt ?? now) + HARD_CAP_MS - now),
    };
  }
}

function fail(description: string): OAuthResult {
  return { ok: false, error: "invalid_grant", description };
}
