import { CustomerIdParamsSchema, CustomerListQuerySchema } from "@app/shared";
import { Router } from "express";
import { sessionOf } from "../../http/session.js";
import { parseParams, parseQuery } from "../../http/validate.js";
import * as service from "./customers.service.js";

/** /api/customers (behind the session): read-only; customers arrive by import. */
export function customersRouter(deps: service.CustomersDeps): Router {
  const router = Router();
  router.get("/customers", async (req, res) => {
    const q = parseQuery(CustomerListQuerySchema, req);
    res.json(await service.listCustomers(deps, sessionOf(req).shopId, q));
  });
  router.get("/customers/:id", async (req, res) => {
    res.json(
      await service.getCustomer(
        deps,
        sessionOf(req).shopId,
        parseParams(CustomerIdParamsSchema, req).id,
      ),
    );
  });
  return router;
}
