import type { Page } from "@playwright/test";

/**
 * Journeys share one server and database, so each acts in a shop of its own: the demo host
 * mints tokens for any shop id, and "demo-shop-<name>" shops start with the demo parts and
 * customers. Set before the first page load; the dev switcher can still change it later.
 */
export async function actAs(page: Page, shop: string, role = "owner"): Promise<void> {
  await page.addInitScript(
    ([s, r]) => {
      if (!window.localStorage.getItem("qbo.demoIdentity")) {
        window.localStorage.setItem("qbo.demoIdentity", JSON.stringify({ shop: s, role: r }));
      }
    },
    [shop, role] as const,
  );
}
