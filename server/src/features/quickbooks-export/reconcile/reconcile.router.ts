import {
  ReconciliationApplySchema,
  ReconciliationQuerySchema,
  canManageQuickBooks,
} from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../../http/session.js";
import { parseBody, parseQuery } from "../../../http/validate.js";
import type { RunExportDeps } from "../run-export.js";
import * as service from "./reconcile.service.js";

const manage = requireRole(canManageQuickBooks, "Only owners and admins can link inventory");

/** The reconciliation assistant ("some in QuickBooks, some in Shopmonkey"). */
export function reconcileRouter(deps: RunExportDeps): Router {
  const router = Router();
  router.get("/quickbooks/reconciliation", manage, async (req, res) => {
    const query = parseQuery(ReconciliationQuerySchema, req);
    res.json(await service.proposal(deps, sessionOf(req).shopId, query));
  });
  // Reads both sides again (QuickBooks included) and replaces the stored proposal.
  router.post("/quickbooks/reconciliation/refresh", manage, async (req, res) => {
    const query = parseQuery(ReconciliationQuerySchema, req);
    res.json(await service.proposal(deps, sessionOf(req).shopId, query, { refresh: true }));
  });
  router.post("/quickbooks/reconciliation", manage, async (req, res) => {
    const input = parseBody(ReconciliationApplySchema, req);
    res.status(201).json(await service.applyReconciliation(deps, sessionOf(req), input));
  });
  router.get("/quickbooks/reconciliation/runs", async (req, res) => {
    res.json(await service.runs(deps, sessionOf(req).shopId));
  });
  return router;
}
