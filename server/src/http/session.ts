import { type Role, SessionClaimsSchema } from "@app/shared";
import type { RequestHandler } from "express";
import { jwtVerify } from "jose";
import { forbidden, unauthenticated } from "./errors.js";

export interface Session {
  shopId: string;
  userId: string;
  name: string;
  role: Role;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own extension point
  namespace Express {
    interface Request {
      session?: Session;
    }
  }
}

/** How many verified tokens requireSession remembers (a few per user active in the last hour). */
const VERIFIED_TOKENS = 1_000;

/**
 * Verifies the Shopmonkey session token (HS256, `Authorization: Bearer`). The shop id in it is
 * the only tenant key any repository ever sees.
 *
 * A token is verified once, then remembered until it expires: the SPA sends the same token with
 * every request, and checking its signature again (a key import and WebCrypto's HMAC, a hop
 * to the thread pool) was ~0.4 ms of the ~3.4 ms an inventory page took in the server
 * (docs/performance.md). The same text under the same secret always gets the same answer, and
 * expiry is still checked every time.
 */
export function requireSession(opts: {
  secret: Uint8Array;
  onShopSeen: (session: Session) => Promise<void>;
}): RequestHandler {
  const verified = new Map<string, { session: Session; expiresAtMs: number }>();
  const verify = async (token: string): Promise<Session> => {
    const known = verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.session;
    verified.delete(token);
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, opts.secret, {
        algorithms: ["HS256"],
        requiredClaims: ["exp"],
      }));
    } catch {
      throw unauthenticated("The session token is invalid or expired");
    }
    const claims = SessionClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated("The session token is missing claims");
    const { shop, sub, name, role, exp } = claims.data;
    const session = { shopId: shop, userId: sub, name, role };
    // The oldest goes first (a Map keeps insertion order).
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
    // jose refuses a token from the second its exp names.
    verified.set(token, { session, expiresAtMs: exp * 1000 });
    return session;
  };
  return async (req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match?.[1]) throw unauthenticated();
    req.session = { ...(await verify(match[1])) };
    await opts.onShopSeen(req.session);
    next();
  };
}

/** The session set by requireSession; routers call this instead of touching req.session. */
export function sessionOf(req: { session?: Session }): Session {
  if (!req.session) throw unauthenticated();
  return req.session;
}

export const requireRole =
  (allowed: (role: Role) => boolean, message?: string): RequestHandler =>
  (req, _res, next) => {
    if (!allowed(sessionOf(req).role)) throw forbidden(message);
    next();
  };
