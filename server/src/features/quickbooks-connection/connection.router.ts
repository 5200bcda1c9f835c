import { randomBytes } from "node:crypto";
import {
  OAuthCallbackQuerySchema,
  OAuthStartQuerySchema,
  type ReaderLanguage,
  canManageQuickBooks,
  readerLanguage,
} from "@app/shared";
import { type Request, type Response, Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { type CallbackOutcome, callbackPage } from "./callback-page.js";
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
  router.post("/quickbooks/connection/switch", manage, async (req, res) => {
    res.json(await service.confirmSwitch(deps, sessionOf(req)));
  });
  router.delete("/quickbooks/connection/switch", manage, async (req, res) => {
    await service.cancelSwitch(deps, sessionOf(req).shopId);
    res.status(204).end();
  });
  return router;
}

/** Where the popup's language travels from /oauth/start to the callback (Intuit's redirect drops our query). */
const LANG_COOKIE = "qbo_oauth_lang";

/** The language the app asked for at the start, else the browser's own (Accept-Language). */
function pageLanguage(req: Request, asked?: ReaderLanguage): ReaderLanguage {
  const cookie = parseCookies(req.headers.cookie).get(LANG_COOKIE);
  return (
    asked ??
    (cookie === "fr" || cookie === "en" ? cookie : undefined) ??
    readerLanguage(req.get("accept-language"))
  );
}

/** Intuit's browser redirect: no session (the single-use state carries shop and user). */
export function oauthCallbackRouter(deps: service.ConnectionDeps): Router {
  const router = Router();
  const secure = new URL(deps.qbo.config.redirectUri).protocol === "https:";
  // The popup's first stop, on our origin, top-level: a first-party cookie ties the state to
  // this browser, then Intuit's consent page. Lax: it must come back on Intuit's redirect.
  router.get("/quickbooks/oauth/start", async (req, res) => {
    const parsed = OAuthStartQuerySchema.safeParse(req.query);
    const bound = parsed.success
      ? await service.bindBrowser(deps, parsed.data.state, {
          autoApproveRealm: parsed.data.auto_approve_realm,
        })
      : undefined;
    const lang = pageLanguage(req, parsed.success ? parsed.data.lang : undefined);
    if (!parsed.success || !bound) {
      sendPage(res, { ok: false, reason: "state_invalid" }, lang);
      return;
    }
    if (parsed.data.lang)
      res.cookie(LANG_COOKIE, parsed.data.lang, {
        httpOnly: true,
        sameSite: "lax",
        secure,
        path: "/api/quickbooks/oauth",
        maxAge: 10 * 60_000,
      });
    res.cookie(service.bindingCookieName(parsed.data.state), bound.cookie, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/api/quickbooks/oauth",
      maxAge: 10 * 60_000,
    });
    // Like the landing page, the popup's first stop is never framed.
    res.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    res.redirect(302, bound.redirect);
  });
  router.get("/quickbooks/oauth/callback", async (req, res) => {
    const parsed = OAuthCallbackQuerySchema.safeParse(req.query);
    const cookies = parseCookies(req.headers.cookie);
    const outcome = parsed.success
      ? await service.completeConnect(deps, parsed.data, (state) =>
          cookies.get(service.bindingCookieName(state)),
        )
      : ({ ok: false, reason: "bad_request" } as const);
    if (parsed.success && parsed.data.state)
      res.clearCookie(service.bindingCookieName(parsed.data.state), {
        path: "/api/quickbooks/oauth",
      });
    sendPage(res, outcome, pageLanguage(req));
  });
  return router;
}

function sendPage(res: Response, outcome: CallbackOutcome, lang: ReaderLanguage): void {
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
    .set("content-language", lang)
    .send(
      callbackPage(outcome, "/settings/quickbooks/connection", lang).replace(
        "<script>",
        `<script nonce="${nonce}">`,
      ),
    );
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}
