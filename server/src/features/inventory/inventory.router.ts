import {
  PartInputSchema,
  PartAdjustmentParamsSchema,
  PartIdParamsSchema,
  PartListQuerySchema,
  PartPatchSchema,
  canEditParts,
  canUnlinkParts,
} from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody, parseParams, parseQuery } from "../../http/validate.js";
import * as service from "./inventory.service.js";

const edit = requireRole(canEditParts, "Technicians can view parts but not change them");
const unlink = requireRole(
  canUnlinkParts,
  "Only owners and admins can unlink a part from QuickBooks",
);

/** /api/inventory (behind the session). Ids are checked by the service: malformed → 404. */
export function inventoryRouter(deps: service.InventoryDeps): Router {
  const router = Router();
  router.get("/inventory", async (req, res) => {
    const q = parseQuery(PartListQuerySchema, req);
    res.json(await service.listParts(deps, sessionOf(req).shopId, q));
  });
  router.post("/inventory", edit, async (req, res) => {
    const input = parseBody(PartInputSchema, req);
    res.status(201).json(await service.createPart(deps, sessionOf(req), input));
  });
  router.get("/inventory/:id", async (req, res) => {
    res.json(
      await service.getPart(deps, sessionOf(req).shopId, parseParams(PartIdParamsSchema, req).id),
    );
  });
  router.patch("/inventory/:id", edit, async (req, res) => {
    const patch = parseBody(PartPatchSchema, req);
    res.json(
      await service.updatePart(
        deps,
        sessionOf(req),
        parseParams(PartIdParamsSchema, req).id,
        patch,
      ),
    );
  });
  router.get("/inventory/:id/movements", async (req, res) => {
    res.json(
      await service.listMovements(
        deps,
        sessionOf(req).shopId,
        parseParams(PartIdParamsSchema, req).id,
      ),
    );
  });
  router.post("/inventory/:id/adjustments/:adjustmentId/retry", edit, async (req, res) => {
    const { id, adjustmentId } = parseParams(PartAdjustmentParamsSchema, req);
    res.json(await service.retryAdjustment(deps, sessionOf(req).shopId, id, adjustmentId));
  });
  router.post("/inventory/:id/unlink", unlink, async (req, res) => {
    res.json(
      await service.unlinkPart(
        deps,
        sessionOf(req).shopId,
        parseParams(PartIdParamsSchema, req).id,
      ),
    );
  });
  return router;
}
