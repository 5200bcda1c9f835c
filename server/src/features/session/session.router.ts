import { DemoSessionRequestSchema, type DemoSession, type Me } from "@app/shared";
import { Router } from "express";
import type { AppDeps } from "../../app-deps.js";
import { AppError } from "../../http/errors.js";
import { sessionOf } from "../../http/session.js";
import { parseBody } from "../../http/validate.js";
import { signSessionToken } from "../../lib/session-token.js";
import { findShop } from "./shops.repository.js";

/** GET /api/me: who is using the app (no secrets). */
export function meRouter(deps: AppDeps): Router {
  const router = Router();
  router.get("/me", async (req, res) => {
    const s = sessionOf(req);
    const shop = await findShop(deps.db, s.shopId);
    const me: Me = {
      shopId: s.shopId,
      shopName: shop?.name ?? s.shopId,
      userId: s.userId,
      name: s.name,
      role: s.role,
      demoMode: deps.demoMode,
      quickBooksAppUrl: deps.qbo.config.appBaseUrl,
    };
    res.json(me);
  });
  return router;
}

const DEMO_NAMES: Record<string, string> = {
  owner: "Dana Owner",
  admin: "Alex Admin",
  manager: "Morgan Manager",
  technician: "Taylor Tech",
};

/**
 * The demo host: in demo mode this server plays Shopmonkey's shell and hands out session
 * tokens for any demo shop and role. Refused outright outside demo mode.
 */
export function demoHostRouter(deps: AppDeps): Router {
  const router = Router();
  router.post("/session", async (req, res) => {
    if (!deps.demoMode) throw new AppError(404, "not_found", "Demo mode is off");
    const { shop, role } = parseBody(DemoSessionRequestSchema, req);
    const { token, expiresAt } = await signSessionToken(deps.sessionSecret, {
      shop,
      sub: `${shop}-${role}`,
      name: DEMO_NAMES[role] ?? role,
      role,
    });
    const body: DemoSession = { token, expiresAt: expiresAt.toISOString() };
    res.json(body);
  });
  return router;
}
