/**
 * Token, revoke and userinfo endpoints. Token errors: 401 {"error":"invalid_client"} for bad
 * Basic auth, 400 {"error":"invalid_grant"|"invalid_request"|"unsupported_grant_type"}.
 */
import express, { type Request, type Response } from "express";
import { gatewayFault } from "../api/errors.js";
import type { SandboxState } from "../state.js";
import { basicClient } from "./oauth-client-auth.js";

function oauthError(res: Response, status: number, error: string, description?: string): void {
  res.status(status).json(description ? { error, error_description: description } : { error });
}

function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === "string" ? v : "";
}

export function tokenRoutes(state: SandboxState): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false });

  router.post("/oauth2/v1/tokens/bearer", form, (req: Request, res: Response) => {
    const clientId = basicClient(req, state.options);
    if (!clientId) return oauthError(res, 401, "invalid_client");
    const now = state.clock.now();
    const grantType = str(req.body, "grant_type");
    let result;
    if (grantType === "authorization_code") {
      const code = str(req.body, "code"),
        redirectUri = str(req.body, "redirect_uri");
      if (!code || !redirectUri)
        return oauthError(res, 400, "invalid_request", "code and redirect_uri are required");
      result = state.oauth.exchangeCode(code, clientId, redirectUri, now);
    } else if (grantType === "refresh_token") {
      const token = str(req.body, "refresh_token");
      if (!token) return oauthError(res, 400, "invalid_request", "refresh_token is required");
      result = state.oauth.refreshToken(token, clientId, now);
      if (result.ok) state.stats.of(result.realmId).tokenRefreshes++;
    } else {
      return oauthError(res, 400, "unsupported_grant_type");
    }
    state.onChange();
    if (!result.ok) return oauthError(res, 400, result.error, result.description);
    const { x_refresh_token_hard_expires_in: hard, ...pair } = result.pair;
    // Intuit returns the 5-year cap only when asked for it (docs/quickbooks.md §1.6).
    const wantsHard = req.get("x-include-refresh-token-hard-expires-in") === "true";
    res
      .set({ "Cache-Control": "no-store", Pragma: "no-cache" })
      .json(wantsHard ? { ...pair, x_refresh_token_hard_expires_in: hard } : pair);
  });

  router.post("/v2/oauth2/tokens/revoke", form, express.json(), (req: Request, res: Response) => {
    if (!basicClient(req, state.options)) return oauthError(res, 401, "invalid_client");
    const token = str(req.body, "token");
    if (!token) return oauthError(res, 400, "invalid_request", "token is required");
    state.oauth.revoke(token);
    state.onChange();
    // Intuit answers 200 with an empty body (oauth-jsclient #170), also for unknown tokens.
    res.status(200).end();
  });

  router.get("/v1/openid_connect/userinfo", (req: Request, res: Response) => {
    const now = state.clock.now();
    const token = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1] ?? "";
    const check = state.oauth.checkAccess(token, now);
    if (!check.ok) {
      res.status(401).json(gatewayFault(now, check.reason));
      return;
    }
    res.json({
      sub: `sandbox-user-${check.realmId}`,
      email: "owner@riverside-auto.example",
      emailVerified: true,
      givenName: "Riley",
      familyName: "Sandbox",
      phoneNumber: "+1 5415550100",
      phoneNumberVerified: false,
      address: {
        streetAddress: "2150 W 6th Ave",
        locality: "Eugene",
        region: "OR",
        postalCode: "97402",
        country: "US",
      },
    });
  });
  return router;
}
