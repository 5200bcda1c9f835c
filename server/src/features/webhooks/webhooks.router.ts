import express, { Router } from "express";
import { AppError, unauthenticated } from "../../http/errors.js";
import type { SyncQueue } from "../sync/sync.worker.js";
import { parseWebhookBody } from "./payload.js";
import { verifyIntuitSignature } from "./signature.js";
import { type WebhookDeps, receiveWebhook } from "./webhooks.service.js";

export interface WebhookRouterDeps extends WebhookDeps {
  env: { QBO_WEBHOOK_VERIFIER_TOKEN: string };
  syncQueue?: SyncQueue;
}

/**
 * POST /api/quickbooks/webhooks — no session: Intuit's signature is the authentication.
 * Mounted before the JSON parser because the signature covers the raw bytes.
 */
export function webhooksRouter(deps: WebhookRouterDeps): Router {
  const router = Router();
  router.post(
    "/quickbooks/webhooks",
    express.raw({ type: () => true, limit: "1mb" }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (
        !verifyIntuitSignature(
          deps.env.QBO_WEBHOOK_VERIFIER_TOKEN,
          raw,
          req.get("intuit-signature"),
        )
      )
        throw unauthenticated("The webhook signature is invalid");
      let json: unknown;
      try {
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new AppError(400, "validation_failed", "The webhook body is not JSON");
      }
      const events = parseWebhookBody(json);
      if (!events) throw new AppError(400, "validation_failed", "Unknown webhook format");
      const shops = await receiveWebhook(deps, raw, events);
      res.status(200).json({ received: events.length });
      // The wake-up happens after the answer; the rows are already durable.
      for (const shopId of shops)
        void deps.syncQueue
          ?.notify(shopId)
          .catch((err: unknown) => deps.logger.warn({ err, shopId }, "sync wake-up failed"));
    },
  );
  return router;
}
