import { randomBytes } from "node:crypto";
import { OAuthCallbackQuerySchema, canManageQuickBooks } from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { callbackPage } from "./callback-page.js";
import * as service from "./connection.service.js";

const manage = requireRole(
  canManageQuickBooks,
  "Only owners and admins can change the QuickBooks connection",
);

/** /api/quickbooks/connection (behind the session). */
export function connectionRouter(deps: service.ConnectionDeps): Router {
  const router = Router();
  router.get("/quickbooks/connection", async (req, res) => {
    res.json(await service.getConnection(deps, sessionOf(req).shopId));
  });
  router.post("/quickbooks/connection", manage, async (req, res) => {
    res.json(await service.startConnect(deps, sessionOf(req)));
  });
  router.delete("/quickbooks/connection", manage, async (req, res) => {
    await service.disconnect(deps, sessionOf(req).shopId);
    res.status(204).end();
  });
  return router;
}

/** Intuit's browser redirect: no session (the single-use state carries shop and user). */
export function oauthCallbackRouter(deps: service.ConnectionDeps): Router {
  const router = Router();
  router.get("/quickbooks/oauth/callback", async (req, res) => {
    const parsed = OAuthCallbackQuerySchema.safeParse(req.query);
    const outcome = parsed.success
      ? await service.completeConnect(deps, parsed.data)
      : ({ ok: false, reason: "bad_request" } as const);
    const nonce = randomBytes(16).toString("base64");
    res
      .status(outcome.ok ? 200 : 400)
      .set(
        "content-security-policy",
        `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'`,
      )
      // The popup reached this page through Intuit's origin; only "unsafe-none" keeps its opener.
      .set("cross-origin-opener-policy", "unsafe-none")
      .type("html")
      .send(
        callbackPage(outcome, "/settings/quickbooks/connection").replace(
          "<script>",
          `<script nonce="${nonce}">`,
        ),
      );
  });
  return router;
}
