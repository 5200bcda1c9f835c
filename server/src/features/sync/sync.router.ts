import {
  DriftFixRequestSchema,
  DriftQuerySchema,
  NoticeDecisionRequestSchema,
  NoticeIdParamsSchema,
  SyncSettingRequestSchema,
  canManageQuickBooks,
} from "@app/shared";
import { Router } from "express";
import type { Db } from "../../db/client.js";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody, parseParams, parseQuery } from "../../http/validate.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import type { Logger } from "../../lib/logger.js";
import { fixDrift } from "./drift-fix.service.js";
import { driftReport } from "./drift.service.js";
import { setKeepInSync } from "./settings.repository.js";
import { decideNotice, syncStatus } from "./status.service.js";

const manage = requireRole(
  canManageQuickBooks,
  "Only owners and admins can change QuickBooks sync",
);

export interface SyncRouterDeps {
  db: Db;
  qbo: { client: QboClient };
  logger: Logger;
}

/** /api/quickbooks/sync (behind the session): status, Keep in sync, notices, drift report. */
export function syncRouter(deps: SyncRouterDeps): Router {
  const router = Router();
  const qbo = { db: deps.db, client: deps.qbo.client, logger: deps.logger };
  router.get("/quickbooks/sync", async (req, res) => {
    res.json(await syncStatus(deps.db, sessionOf(req).shopId));
  });
  router.put("/quickbooks/sync/settings", manage, async (req, res) => {
    const body = parseBody(SyncSettingRequestSchema, req);
    const shopId = sessionOf(req).shopId;
    await setKeepInSync(deps.db, shopId, body.category, body.keepInSync);
    res.json(await syncStatus(deps.db, shopId));
  });
  router.post("/quickbooks/sync/notices/:id", manage, async (req, res) => {
    const { id } = parseParams(NoticeIdParamsSchema, req);
    const { decision } = parseBody(NoticeDecisionRequestSchema, req);
    await decideNotice(deps.db, sessionOf(req), id, decision);
    res.json(await syncStatus(deps.db, sessionOf(req).shopId));
  });
  router.get("/quickbooks/sync/drift", async (req, res) => {
    res.json(await driftReport(qbo, sessionOf(req).shopId, parseQuery(DriftQuerySchema, req)));
  });
  router.post("/quickbooks/sync/drift/fix", manage, async (req, res) => {
    res.json(await fixDrift(qbo, sessionOf(req).shopId, parseBody(DriftFixRequestSchema, req)));
  });
  return router;
}
