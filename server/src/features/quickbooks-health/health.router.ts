import { ProblemIdParamsSchema, canManageQuickBooks } from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseParams } from "../../http/validate.js";
import * as service from "./health.service.js";

const manage = requireRole(canManageQuickBooks, "Only owners and admins can act on sync problems");

/** /api/quickbooks/health (behind the session): the Health page, Retry and dismiss. */
export function quickbooksHealthRouter(deps: service.HealthDeps): Router {
  const router = Router();
  router.get("/quickbooks/health", async (req, res) => {
    res.json(await service.getHealth(deps, sessionOf(req).shopId));
  });
  router.post("/quickbooks/health/problems/:id/retry", manage, async (req, res) => {
    const { id } = parseParams(ProblemIdParamsSchema, req);
    await service.retryProblem(deps, sessionOf(req), id);
    res.status(202).json({ retried: id });
  });
  router.post("/quickbooks/health/problems/:id/dismiss", manage, async (req, res) => {
    const { id } = parseParams(ProblemIdParamsSchema, req);
    await service.dismissProblem(deps, sessionOf(req).shopId, id);
    res.status(204).end();
  });
  return router;
}
