import { Router } from "express";
import type { AppDeps } from "../../app-deps.js";

/** /healthz: the process answers. /readyz: the database answers and migrations are applied. */
export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await deps.database.ping();
      res.json({ status: "ready", database: deps.database.kind });
    } catch (err) {
      deps.logger.warn({ err }, "readiness check failed");
      res.status(503).json({ error: { code: "internal_error", message: "Database unreachable" } });
    }
  });
  return router;
}
