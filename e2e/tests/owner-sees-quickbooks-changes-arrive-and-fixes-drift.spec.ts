import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import { actAs } from "./support/identity";
import { expect, type Page, test } from "@playwright/test";

const DEMO_REALM = "9341453050298531";
const SANDBOX = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:4110";
const screenshot = (name: string) =>
  join(import.meta.dirname, "../../docs/screenshots", `${name}.png`);

/** QuickBooks' side of the story: an accountant edits items in the company (own OAuth grant). */
async function quickBooksToken(): Promise<string> {
  const redirect = "http://127.0.0.1:9/accountant";
  const authorize = new URL(`${SANDBOX}/connect/oauth2`);
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
  const token = await fetch(`${SANDBOX}/oauth2/v1/tokens/bearer`, {
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

async function editItem(token: string, id: string, fields: Record<string, unknown>) {
  const base = `${SANDBOX}/v3/company/${DEMO_REALM}`;
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const read = (await (await fetch(`${base}/item/${id}`, { headers })).json()) as {
    Item: { Name: string; SyncToken: string };
  };
  await fetch(`${base}/item`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ Id: id, SyncToken: read.Item.SyncToken, sparse: true, ...fields }),
  });
  return read.Item.Name;
}

async function connectAndImport(page: Page) {
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
    await expect(connected).toBeVisible();
  }
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

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations).toEqual([]);
}

test.describe("an owner sees QuickBooks changes arrive and fixes drift", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-drift"));
  test.use({ locale: "en-US" });

  test("a price changed in QuickBooks shows up within seconds; a hidden change is fixed from the drift report", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const toggle = await connectAndImport(page);
    const token = await quickBooksToken();

    const started = Date.now();
    const name = await editItem(token, "2", { UnitPrice: 88.88 });
    const last = page.locator("section").filter({ hasText: "Last change received" });
    await expect(last.getByText(name).first()).toBeVisible({ timeout: 15_000 });
    await expect(last.getByText(/Retail cost: .* → 88\.88/)).toBeVisible();
    console.log(
      `measured: QuickBooks price change visible in the UI after ${Date.now() - started} ms`,
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("sync-last-change"), fullPage: true });

    // Turn following off, then change a cost in QuickBooks: the two systems drift apart.
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    const drifted = await editItem(token, "3", { PurchaseCost: 12.34 });
    await page.waitForTimeout(1500);

    await page.getByRole("button", { name: "Check now" }).click();
    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ hasText: drifted });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row.getByRole("cell").filter({ hasText: "(differs)" })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("sync-drift-report"), fullPage: true });

    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Take QuickBooks' value" }).first().click();
    await expect(page.getByText("No differences: Shopmonkey and QuickBooks agree.")).toBeVisible({
      timeout: 15_000,
    });
    await page.screenshot({ path: screenshot("sync-drift-fixed"), fullPage: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
  });
});

test.describe("en français", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-drift"));
  test.use({ locale: "fr-FR" });

  test("the sync section and the drift report read in French, without axe violations", async ({
    page,
  }) => {
    await page.goto("/settings/quickbooks/import");
    await expect(page.getByRole("heading", { name: "Garder synchronisé" })).toBeVisible({
      timeout: 15_000,
    });
    await page.getByRole("button", { name: "Vérifier maintenant" }).click();
    await expect(page.getByText(/Comparé .* pièces liées/)).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("sync-fr"), fullPage: true });
  });
});
