/**
 * The sandbox HTTP app: Intuit's OAuth endpoints, the Accounting API under
 * /v3/company/{realmId}, and the sandbox's own admin API under /_sandbox.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { adminRoutes } from "./admin.js";
import { appPages } from "./app-pages.js";
import { apiRouter } from "./api/api-router.js";
import { sendJson } from "./api/api-respond.js";
import { errors, QboError } from "./api/errors.js";
import { authorizeRoutes } from "./oauth/oauth-authorize-routes.js";
import { tokenRoutes } from "./oauth/oauth-token-routes.js";
import { intuitTid } from "./companies/random.js";
import type { SandboxState } from "./state.js";

export interface SandboxAppOptions {
  /** Receives one line per unexpected server error. */
  log?: (line: string) => void;
}

export function createSandboxApp(
  state: SandboxState,
  options: SandboxAppOptions = {},
): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // Intuit sends a transaction id on every response; support asks for it (docs/quickbooks.md §5.4).
  app.use((_req, res, next) => {
    res.set("intuit_tid", intuitTid());
    next();
  });
  app.get("/", (_req, res) => {
    res.json({
      name: "QBO sandbox (offline QuickBooks Online emulator)",
      companies: [...state.companies.values()].map((c) => ({ realmId: c.realmId, name: c.name })),
      endpoints: [
        "/connect/oauth2",
        "/oauth2/v1/tokens/bearer",
        "/v2/oauth2/tokens/revoke",
        "/v1/openid_connect/userinfo",
        "/v3/company/{realmId}/…",
        "/_sandbox/…",
      ],
    });
  });
  app.use(authorizeRoutes(state));
  app.use(tokenRoutes(state));
  app.use("/_sandbox", adminRoutes(state));
  app.use("/app", appPages(state));
  app.use("/v3/company/:realmId", apiRouter(state));
  app.use((req, res) => {
    if (req.path.startsWith("/v3/"))
      return sendJson(
        res,
        404,
        errors.unsupported(`No such resource: ${req.path}`).body(state.clock.now()),
      );
    res.status(404).json({ error: "not_found", path: req.path });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const now = state.clock.now();
    const parseFailed =
      typeof err === "object" &&
      err !== null &&
      "type" in err &&
      err.type === "entity.parse.failed";
    if (parseFailed) {
      if (req.path.startsWith("/v3/"))
        return sendJson(
          res,
          400,
          errors.invalidProperty("request body is not valid JSON").body(now),
        );
      return void res
        .status(400)
        .json({ error: "invalid_request", error_description: "malformed body" });
    }
    if (err instanceof QboError) return sendJson(res, err.status, err.body(now));
    options.log?.(
      `qbo-sandbox: unexpected error on ${req.method} ${req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    sendJson(res, 500, errors.system().body(now));
  });
  return app;
}
