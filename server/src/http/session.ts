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

/**
 * Verifies the Shopmonkey session token (HS256, `Authorization: Bearer`). The shop id in it is
 * the only tenant key any repository ever sees.
 */
export function requireSession(opts: {
  secret: Uint8Array;
  onShopSeen: (session: Session) => Promise<void>;
}): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match?.[1]) throw unauthenticated();
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], opts.secret, {
        algorithms: ["HS256"],
        requiredClaims: ["exp"],
      }));
    } catch {
      throw unauthenticated("The session token is invalid or expired");
    }
    const claims = SessionClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated("The session token is missing claims");
    const { shop, sub, name, role } = claims.data;
    req.session = { shopId: shop, userId: sub, name, role };
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
