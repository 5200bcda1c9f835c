import { ExportScopeSchema, IdParamsSchema, canManageQuickBooks } from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody, parseParams } from "../../http/validate.js";
import { previewExport } from "./create-export.js";
import * as service from "./exports.service.js";
import type { RunExportDeps } from "./run-export.js";
import { createItemForPart } from "./single-create.js";

const manage = requireRole(
  canManageQuickBooks,
  "Only owners and admins can create items in QuickBooks",
);

/** Create parts in QuickBooks: one from its page, or many through batches. */
export function exportsRouter(deps: RunExportDeps): Router {
  const router = Router();
  // POST because the scope can name thousands of parts; it writes nothing.
  router.post("/quickbooks/exports/preview", manage, async (req, res) => {
    const scope = parseBody(ExportScopeSchema, req);
    res.json(await previewExport(deps, sessionOf(req).shopId, scope));
  });
  router.post("/quickbooks/exports", manage, async (req, res) => {
    const scope = parseBody(ExportScopeSchema, req);
    res.status(202).json(await service.startExport(deps, sessionOf(req), scope));
  });
  router.get("/quickbooks/exports", async (req, res) => {
    res.json(await service.listExports(deps, sessionOf(req).shopId));
  });
  router.get("/quickbooks/exports/:id", async (req, res) => {
    const { id } = parseParams(IdParamsSchema, req);
    res.json(await service.getExport(deps, sessionOf(req).shopId, id));
  });
  router.get("/quickbooks/exports/:id/records", async (req, res) => {
    const { id } = parseParams(IdParamsSchema, req);
    res.json(await service.exportRecords(deps, sessionOf(req).shopId, id));
  });
  router.post("/quickbooks/exports/:id/retry", manage, async (req, res) => {
    const { id } = parseParams(IdParamsSchema, req);
    res.json(await service.retryExport(deps, sessionOf(req).shopId, id));
  });
  router.post("/inventory/:id/quickbooks-item", manage, async (req, res) => {
    const { id } = parseParams(IdParamsSchema, req);
    res.status(201).json(await createItemForPart(deps, sessionOf(req).shopId, id));
  });
  return router;
}
