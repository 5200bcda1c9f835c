/**
 * `GET /connect/oauth2` (consent page, or instant approval with `auto_approve_realm`) and the
 * consent form's POST. Bad client_id / redirect_uri get an error page (never a redirect to an
 * unverified URI); other errors redirect back with `error=` as OAuth 2.0 specifies.
 */
import express, { type Request, type Response } from "express";
import type { SandboxState } from "../state.js";
import { redirectAllowed } from "./oauth-client-auth.js";
import { consentPage, errorPage, type AuthorizeParams } from "./oauth-consent-page.js";

const ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";

function field(src: Record<string, unknown>, key: string): string {
  const v = src[key];
  return typeof v === "string" ? v : "";
}

function redirectWith(
  res: Response,
  redirectUri: string,
  params: Record<string, string | undefined>,
): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  res.redirect(302, url.toString());
}

/** Validates; on failure answers and returns undefined. */
function validated(
  state: SandboxState,
  src: Record<string, unknown>,
  res: Response,
): AuthorizeParams | undefined {
  const p: AuthorizeParams = {
    client_id: field(src, "client_id"),
    redirect_uri: field(src, "redirect_uri"),
    scope: field(src, "scope"),
    state: field(src, "state"),
  };
  if (p.client_id !== state.options.clientId) {
    res
      .status(400)
      .type("html")
      .send(errorPage(`Unknown client_id "${p.client_id}" (invalid_client).`));
    return undefined;
  }
  if (!redirectAllowed(p.redirect_uri)) {
    res
      .status(400)
      .type("html")
      .send(
        errorPage(
          `redirect_uri "${p.redirect_uri}" is not registered: use http://localhost… or http://127.0.0.1….`,
        ),
      );
    return undefined;
  }
  const responseType = field(src, "response_type");
  if (responseType !== "" && responseType !== "code") {
    redirectWith(res, p.redirect_uri, { error: "unsupported_response_type", state: p.state });
    return undefined;
  }
  if (!p.scope.split(/[\s+]+/).includes(ACCOUNTING_SCOPE)) {
    redirectWith(res, p.redirect_uri, { error: "invalid_scope", state: p.state });
    return undefined;
  }
  return p;
}

function approve(state: SandboxState, p: AuthorizeParams, realmId: string, res: Response): void {
  if (!state.companies.has(realmId)) {
    res
      .status(400)
      .type("html")
      .send(errorPage(`No sandbox company with realmId ${realmId}.`));
    return;
  }
  const code = state.oauth.issueCode(
    { clientId: p.client_id, redirectUri: p.redirect_uri, realmId, scope: p.scope },
    state.clock.now(),
  );
  state.onChange();
  redirectWith(res, p.redirect_uri, { code, state: p.state, realmId });
}

export function authorizeRoutes(state: SandboxState): express.Router {
  const router = express.Router();
  router.get("/connect/oauth2", (req: Request, res: Response) => {
    const src = req.query as Record<string, unknown>;
    if (field(src, "response_type") === "") {
      res.status(400).type("html").send(errorPage("response_type=code is required."));
      return;
    }
    const p = validated(state, src, res);
    if (!p) return;
    const auto = field(src, "auto_approve_realm");
    if (auto) return approve(state, p, auto, res);
    res.type("html").send(consentPage(p, [...state.companies.values()]));
  });
  router.post(
    "/connect/oauth2/decision",
    express.urlencoded({ extended: false }),
    (req: Request, res: Response) => {
      const src = (req.body ?? {}) as Record<string, unknown>;
      const p = validated(state, { ...src, response_type: "code" }, res);
      if (!p) return;
      if (field(src, "decision") !== "approve") {
        redirectWith(res, p.redirect_uri, { error: "access_denied", state: p.state });
        return;
      }
      approve(state, p, field(src, "realmId"), res);
    },
  );
  return router;
}
