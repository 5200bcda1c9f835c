import {
  OrderIdParamsSchema,
  OrderInputSchema,
  OrderListQuerySchema,
  OrderPatchSchema,
  canEditOrders,
  canInvoice,
} from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody, parseParams, parseQuery } from "../../http/validate.js";
import * as service from "./orders.service.js";

const edit = requireRole(canEditOrders, "Technicians can view orders but not change them");
const invoice = requireRole(canInvoice, "Only managers, admins and owners can invoice");

/** /api/orders (behind the session). Ids are checked by the service: malformed → 404. */
export function ordersRouter(deps: service.OrdersDeps): Router {
  const router = Router();
  const idOf = (req: Parameters<typeof parseParams>[1]) => parseParams(OrderIdParamsSchema, req).id;
  router.get("/orders", async (req, res) => {
    res.json(
      await service.listOrders(deps, sessionOf(req).shopId, parseQuery(OrderListQuerySchema, req)),
    );
  });
  router.post("/orders", edit, async (req, res) => {
    const input = parseBody(OrderInputSchema, req);
    res.status(201).json(await service.createOrder(deps, sessionOf(req), input));
  });
  router.get("/orders/:id", async (req, res) => {
    res.json(await service.getOrder(deps, sessionOf(req).shopId, idOf(req)));
  });
  router.patch("/orders/:id", edit, async (req, res) => {
    const patch = parseBody(OrderPatchSchema, req);
    res.json(await service.updateOrder(deps, sessionOf(req), idOf(req), patch));
  });
  router.post("/orders/:id/invoice", invoice, async (req, res) => {
    res.json(await service.invoice(deps, sessionOf(req), idOf(req)));
  });
  router.post("/orders/:id/quickbooks", invoice, async (req, res) => {
    res.json(await service.sendToQuickBooks(deps, sessionOf(req), idOf(req)));
  });
  return router;
}
