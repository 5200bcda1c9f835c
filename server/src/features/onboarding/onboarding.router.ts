import {
  StartingSituationInputSchema,
  SupportRequestInputSchema,
  canManageQuickBooks,
} from "@app/shared";
import { Router } from "express";
import { requireRole, sessionOf } from "../../http/session.js";
import { parseBody } from "../../http/validate.js";
import * as service from "./onboarding.service.js";
import { onboardingStatus } from "./status.service.js";

const manage = requireRole(
  canManageQuickBooks,
  "Only owners and admins can change QuickBooks settings",
);

/** Where to start, the checklist's facts and the support chat entry. */
export function onboardingRouter(deps: service.OnboardingDeps): Router {
  const router = Router();
  router.get("/quickbooks/starting-situation", async (req, res) => {
    res.json(await service.getSituation(deps, sessionOf(req).shopId));
  });
  router.put("/quickbooks/starting-situation", manage, async (req, res) => {
    const input = parseBody(StartingSituationInputSchema, req);
    res.json(await service.putSituation(deps, sessionOf(req), input));
  });
  router.get("/quickbooks/onboarding/status", async (req, res) => {
    res.json(await onboardingStatus(deps.db, sessionOf(req).shopId));
  });
  router.post("/quickbooks/onboarding/inventory-sync", manage, async (req, res) => {
    const { shopId } = sessionOf(req);
    await service.turnOnInventorySync(deps, shopId);
    res.json(await onboardingStatus(deps.db, shopId));
  });
  // Anyone who can see the page may ask for help; support decides what to change.
  router.post("/quickbooks/support-requests", async (req, res) => {
    const input = parseBody(SupportRequestInputSchema, req);
    res.status(201).json(await service.openSupportRequest(deps, sessionOf(req), input));
  });
  router.get("/quickbooks/support-requests", async (req, res) => {
    res.json(await service.supportRequests(deps, sessionOf(req).shopId));
  });
  return router;
}
