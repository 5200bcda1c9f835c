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
  // A toast is read by axe mid-fade (its text lighter than the user reads it) while it comes in
  // or goes away. Hovering the toasts holds them (sonner pauses their timers, as for a reader),
  // then the finite animations are waited out. Spinners never end, so they are not waited for.
  if ((await page.locator("[data-sonner-toast]").count()) > 0)
    await page
      .locator("[data-sonner-toaster]")
      .first()
      .hover({ timeout: 2_000 })
      .catch(() => undefined); // the last toast went away meanwhile: nothing to hold
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Sonner fades the toasts stacked behind the front one, and the one it is taking away.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    .exclude('[data-sonner-toast][data-front="false"]')
    .exclude('[data-sonner-toast][data-removed="true"]')
    .analyze();
  expect(axe.violations).toEqual([]);
}

/**
 * A company of the offline QuickBooks, made the way a test makes one (its admin API): with
 * `inventory`, that many generated items; without, a copy of the demo company's records.
 */
export async function sandboxCompany(
  name: string,
  seed: number,
  inventory?: number,
): Promise<string> {
  const res = await fetch(`${SANDBOX_URL}/_sandbox/companies`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name,
      seed,
      ...(inventory === undefined ? {} : { items: { inventory } }),
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { realmId: string }).realmId;
}

/** Intuit's consent popup, opened from the Connection tab: choose this company. */
export async function consent(page: Page, realmId: string): Promise<void> {
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Connect to QuickBooks" }).click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent("close");
  await popup.locator(`button[data-realm-id="${realmId}"]`).click();
  await closed;
}

/**
 * Connects the current shop to a company (the demo one unless told) through Intuit's consent
 * popup, unless an earlier test of the same journey already did; ends on the Connection tab.
 */
export async function connectQuickBooks(page: Page, realmId = DEMO_REALM): Promise<void> {
  await page.goto("/settings/quickbooks/connection");
  await page.waitForLoadState("networkidle");
  const connect = page.getByRole("button", { name: "Connect to QuickBooks" });
  const connected = page.getByRole("button", { name: "Disconnect" });
  await expect(connect.or(connected)).toBeVisible();
  if (await connect.isVisible()) await consent(page, realmId);
  await expect(connected).toBeVisible();
}

/**
 * QuickBooks' side of a story: an accountant's own grant on a company (straight to the
 * sandbox, as Intuit's UI would be), to change items behind the app's back.
 */
export async function accountantToken(realmId = DEMO_REALM): Promise<string> {
  const redirect = "http://127.0.0.1:9/accountant";
  const authorize = new URL(`${SANDBOX_URL}/connect/oauth2`);
  authorize.search = new URLSearchParams({
    client_id: "demo-client-id",
    redirect_uri: redirect,
    response_type: "code",
    scope: "com.intuit.quickbooks.accounting",
    state: "accountant",
    auto_approve_realm: realmId,
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

/**
 * One Accounting API call as the accountant: GET without a body, POST with one. The grant
 * shares the app's client id, so the app's own imports can use up the company's per-minute
 * budget and Intuit answers 429 (ThrottleExceeded): like any client, wait and ask again.
 */
export async function accountantCall<T>(
  token: string,
  path: string,
  body?: unknown,
  realmId = DEMO_REALM,
): Promise<T> {
  let res!: Response;
  await expect
    .poll(
      async () => {
        res = await fetch(`${SANDBOX_URL}/v3/company/${realmId}/${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return res.status;
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 5_000] },
    )
    .not.toBe(429);
  const json = (await res.json()) as T;
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/**
 * Connects the demo company and imports its Inventory once, unless an earlier test of the
 * journey did (the import turns "Keep Inventory in sync" on); ends on Import and Sync with that
 * switch, which it answers.
 */
export async function connectAndImport(page: Page) {
  await connectQuickBooks(page);
  await page.getByRole("tab", { name: "Import and Sync" }).click();
  const toggle = page.getByRole("switch", { name: "Keep Inventory in sync" });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute("aria-checked")) !== "true") {
    const card = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Inventory", exact: true }) });
    await card.getByRole("button", { name: "Run one-time import" }).click();
    await expect(toggle).toHaveAttribute("aria-checked", "true", { timeout: 30_000 });
  }
  return toggle;
}
