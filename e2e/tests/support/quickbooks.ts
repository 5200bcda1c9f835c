import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

/** The sandbox's demo company, "Riverside Auto Parts (sandbox)". */
export const DEMO_REALM = "9341453050298531";
export const SANDBOX_URL = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:4110";

export const screenshot = (name: string): string =>
  join(import.meta.dirname, "../../../docs/screenshots", `${name}.png`);

/**
 * A screenshot for docs/screenshots. A "full page" one grows the window to the page's height
 * instead of using Playwright's fullPage: that draws the sticky shell, the dialog backdrop and
 * the hidden skip link at their places in the first screen, in the middle of the picture.
 */
export async function capture(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const grow = fullPage && size !== null && height > size.height;
  if (grow) await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await page.screenshot({ path: screenshot(name) });
  if (grow) await page.setViewportSize(size);
}

/** WCAG 2 A and AA, on the whole page (toasts included). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Sonner fades the toasts stacked behind the front one; they are read when the stack expands.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    .exclude('[data-sonner-toast][data-front="false"]')
    .analyze();
  expect(axe.violations).toEqual([]);
}

/**
 * Connects the current shop to the demo company through Intuit's consent popup, unless an
 * earlier test of the same journey already did; ends on the Connection tab.
 */
export async function connectQuickBooks(page: Page): Promise<void> {
  await page.goto("/settings/quickbooks/connection");
  await page.waitForLoadState("networkidle");
  const connect = page.getByRole("button", { name: "Connect to QuickBooks" });
  const connected = page.getByRole("button", { name: "Disconnect" });
  await expect(connect.or(connected)).toBeVisible();
  if (await connect.isVisible()) {
    const popupOpened = page.waitForEvent("popup");
    await connect.click();
    const popup = await popupOpened;
    const closed = popup.waitForEvent("close");
    await popup.locator(`button[data-realm-id="${DEMO_REALM}"]`).click();
    await closed;
  }
  await expect(connected).toBeVisible();
}

/**
 * QuickBooks' side of a story: an accountant's own grant on the demo company (straight to the
 * sandbox, as Intuit's UI would be), to change items behind the app's back.
 */
export async function accountantToken(): Promise<string> {
  const redirect = "http://127.0.0.1:9/accountant";
  const authorize = new URL(`${SANDBOX_URL}/connect/oauth2`);
  authorize.search = new URLSearchParams({
    client_id: "demo-client-id",
    redirect_uri: redirect,
    response_type: "code",
    scope: "com.intuit.quickbooks.accounting",
    state: "accountant",
    auto_approve_realm: DEMO_REALM,
  }).toString();
  const consent = await fetch(authorize, { redirect: "manual" });
  const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const token = await fetch(`${SANDBOX_URL}/oauth2/v1/tokens/bearer`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("demo-client-id:demo-client-secret").toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirect }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}
