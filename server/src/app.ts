import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, Router } from "express";
import helmet from "helmet";
import type { AppDeps } from "./app-deps.js";

import {
  connectionRouter,
  oauthCallbackRouter,
} from "./features/quickbooks-connection/connection.router.js";
import { customersRouter } from "./features/customers/customers.router.js";
import { seedDemoShop } from "./features/demo-shop/seed-demo-shop.js";
import { onboardingRouter } from "./features/onboarding/onboarding.router.js";
import { exportsRouter } from "./features/quickbooks-export/exports.router.js";
import { reconcileRouter } from "./features/quickbooks-export/reconcile/reconcile.router.js";
import { syncRouter } from "./features/sync/sync.router.js";
import { webhooksRouter } from "./features/webhooks/webhooks.router.js";
import { healthRouter } from "./features/health/health.router.js";
import { accountingRouter } from "./features/accounting/accounting.router.js";
import { importsRouter } from "./features/imports/imports.router.js";
import { inventoryRouter } from "./features/inventory/inventory.router.js";
import { ordersRouter } from "./features/orders/orders.router.js";
import { demoHostRouter, meRouter } from "./features/session/session.router.js";
import { ensureShop } from "./features/session/shops.repository.js";
import { apiNotFound, errorHandler } from "./http/error-handler.js";
import { noStore } from "./http/no-store.js";
import { requestContext } from "./http/request-context.js";
import { createShopGate, shopFairness } from "./http/shop-fairness.js";
import { requireSession } from "./http/session.js";
import { quickbooksHealthRouter } from "./features/quickbooks-health/health.router.js";

/** Feature routers mounted behind the session; each later issue adds its own. */
function apiRouters(deps: AppDeps): Router[] {
  return [
    meRouter(deps),
    connectionRouter(deps),
    importsRouter(deps),
    inventoryRouter(deps),
    customersRouter(deps),
    syncRouter(deps),
    accountingRouter(deps),
    ordersRouter(deps),
    onboardingRouter(deps),
    exportsRouter(deps),
    reconcileRouter(deps),
    quickbooksHealthRouter(deps),
  ];
}

/** Paths that name a file, never an SPA route. */
const STATIC_FILE =
  /\.(?:js|mjs|css|map|json|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|webmanifest)$/i;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // Every API answer is no-store (http/no-store.ts), so none is ever revalidated: hashing each
  // body for an ETag (a 50-part inventory page is 17 kB) would be work for nothing.
  app.set("etag", false);
  app.set("trust proxy", "loopback");
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "frame-ancestors": ["'self'", ...deps.env.SHOPMONKEY_ORIGINS],
          "connect-src": ["'self'"],
          "img-src": ["'self'", "data:"],
        },
      },
      // The shell frames us from another origin; frame-ancestors above is the real control.
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      // Intuit's consent opens in a popup that must keep `window.opener` to report back.
      crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
    }),
  );
  app.use(requestContext(deps.logger));
  app.use(healthRouter(deps));

  const api = Router();
  api.use(noStore);
  // Webhooks and the OAuth callback are mounted before JSON parsing/session by their features.
  // The webhook signature covers the raw bytes, so it must see the body before JSON parsing.
  api.use(webhooksRouter(deps));
  api.use(express.json({ limit: "1mb", strict: true }));
  api.use("/demo", demoHostRouter(deps));
  api.use(oauthCallbackRouter(deps));
  const knownShops = new Set<string>();
  api.use(
    requireSession({
      secret: deps.sessionSecret,
      onShopSeen: async (s) => {
        if (knownShops.has(s.shopId)) return;
        // "demo-shop" and its copies ("demo-shop-<anything>", one per e2e journey so journeys
        // never see each other's rows) start with the demo parts and customers.
        const demoCopy = s.shopId === "demo-shop" || s.shopId.startsWith("demo-shop-");
        await ensureShop(deps.db, s.shopId, demoCopy ? "Demo Auto Repair" : s.shopId);
        if (deps.demoMode && demoCopy) await seedDemoShop(deps.db, s.shopId);
        knownShops.add(s.shopId);
      },
    }),
  );
  api.use(
    shopFairness(
      createShopGate({ inFlight: deps.env.SHOP_MAX_IN_FLIGHT, queued: deps.env.SHOP_MAX_QUEUED }),
    ),
  );
  for (const router of apiRouters(deps)) api.use(router);
  api.use(apiNotFound);
  app.use("/api", api);

  if (deps.webDistDir && existsSync(join(deps.webDistDir, "index.html"))) {
    const dist = deps.webDistDir;
    app.use(express.static(dist, { index: false, maxAge: "1h" }));
    // History fallback: every non-API GET renders the SPA, which owns the routing. A missing
    // file is a 404, not the SPA's HTML: a stale tab asking for an old build's chunk must fail
    // as a missing script (which the SPA's loader reports), not parse HTML as JavaScript.
    app.get(/^\/(?!api\/).*/, (req, res) => {
      if (req.path.startsWith("/assets/") || STATIC_FILE.test(req.path))
        return void res.status(404).type("text/plain").send("Not found");
      res.sendFile(join(dist, "index.html"));
    });
  }
  app.use(errorHandler(deps.logger));
  return app;
}
