import {
  AccountingSettingsInputSchema,
  QuickBooksItemsQuerySchema,
  canConfigureAccounting,
} from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody, parseQuery } from "../../http/validate.js";
import * as service from "./accounting.service.js";

const configure = requireRole(
  canConfigureAccounting,
  "Only owners and admins can configure accounting",
);

/** /api/quickbooks/accounting and the live item list behind its pickers. */
export function accountingRouter(deps: service.AccountingDeps): Router {
  const router = Router();
  router.get("/quickbooks/items", async (req, res) => {
    const { types } = parseQuery(QuickBooksItemsQuerySchema, req);
    res.json(await service.listQuickBooksItems(deps, sessionOf(req).shopId, types));
  });
  router.get("/quickbooks/adjustment-accounts", async (req, res) => {
    res.json(await service.listAdjustmentAccounts(deps, sessionOf(req).shopId));
  });
  router.get("/quickbooks/accounting", async (req, res) => {
    res.json(await service.getSettings(deps, sessionOf(req).shopId));
  });
  router.put("/quickbooks/accounting", configure, async (req, res) => {
    const input = parseBody(AccountingSettingsInputSchema, req);
    res.json(await service.saveSettings(deps, sessionOf(req), input));
  });
  return router;
}
