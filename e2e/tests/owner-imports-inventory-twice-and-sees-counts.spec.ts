import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import { actAs } from "./support/identity";
import { expect, type Page, test } from "@playwright/test";

const DEMO_REALM = "9341453050298531";
const screenshot = (name: string) =>
  join(import.meta.dirname, "../../docs/screenshots", `${name}.png`);

/**
 * Works in a shop of its own that starts empty (unlike the demo shop's seeded parts) and
 * connects it through Intuit's consent popup, unless an earlier test did.
 */
async function connectQuickBooks(page: Page) {
  await page.goto("/settings/quickbooks/connection");
  // The switch refetches everything; read the connection only once it is this shop's.
  await page.waitForLoadState("networkidle");
  const connect = page.getByRole("button", { name: "Connect to QuickBooks" });
  const connected = page.getByRole("button", { name: "Disconnect" });
  await expect(connect.or(connected)).toBeVisible();
  if (await connected.isVisible()) return;
  const popupOpened = page.waitForEvent("popup");
  await connect.click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent("close");
  await popup.locator(`button[data-realm-id="${DEMO_REALM}"]`).click();
  await closed;
  await expect(connected).toBeVisible();
}

const toast = (page: Page) => page.locator("[data-sonner-toast]").last();

async function runImport(page: Page, card: string, button: string) {
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: card, exact: true }) });
  await section.getByRole("button", { name: button }).click();
  return section;
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations).toEqual([]);
}

test.describe("an owner imports inventory twice and sees the counts", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-import-counts"));
  test.use({ locale: "en-US" });

  test("first run imports, the second only updates", async ({ page }) => {
    await connectQuickBooks(page);
    await page.getByRole("tab", { name: "Import and Sync" }).click();
    await expect(
      page.getByRole("heading", { name: "Import your customers and inventory" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("import-cards"), fullPage: true });

    const card = await runImport(page, "Inventory", "Run one-time import");
    await expect(card.getByRole("button", { name: "Run one-time import" })).toBeDisabled();
    await expect(toast(page)).toContainText(/\d+ imported, 0 updated/, { timeout: 20_000 });
    const first = /(\d+) imported, 0 updated(?:, (\d+) skipped)?/.exec(
      (await toast(page).textContent()) ?? "",
    );
    const imported = Number(first?.[1]);
    expect(imported).toBeGreaterThan(0);
    await expect(card.getByText("Last run")).toBeVisible();
    await page.screenshot({ path: screenshot("import-done"), fullPage: true });

    await page
      .locator("[data-sonner-toast] button[aria-label='Close toast']")
      .first()
      .click()
      .catch(() => undefined);
    await runImport(page, "Inventory", "Run one-time import");
    await expect(toast(page)).toContainText(`0 imported, ${imported} updated`, { timeout: 20_000 });

    // The history drills down to per-record outcomes.
    await card.getByText(/^History \(\d+\)$/).click();
    await card.getByRole("button", { name: "View records" }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("cell", { name: "Updated" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("import-records"), fullPage: true });
    await dialog.getByRole("button", { name: "Close" }).click();

    // Preview: nothing written, per-record reasons listed.
    await runImport(page, "Customers", "Preview");
    const preview = page.getByRole("dialog", { name: "Preview of the Customers import" });
    await expect(preview.getByText("sub-customer (QuickBooks project)")).toBeVisible({
      timeout: 20_000,
    });
    await page.screenshot({ path: screenshot("import-preview"), fullPage: true });
    await preview.getByRole("button", { name: "Close" }).click();
  });

  test("the same in French: « importés », « mis à jour »", async ({ page }) => {
    await connectQuickBooks(page);
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("tab", { name: "Importer et synchroniser" }).click();
    await expect(
      page.getByRole("heading", { name: "Importez vos clients et votre inventaire" }),
    ).toBeVisible();

    await runImport(page, "Hors-inventaire", "Exécuter une importation unique");
    await expect(toast(page)).toContainText(/\d+ importés, 0 mis à jour/, { timeout: 20_000 });
    const n = Number(/(\d+) importés/.exec((await toast(page).textContent()) ?? "")?.[1]);
    await page
      .locator("[data-sonner-toast] button")
      .first()
      .click()
      .catch(() => undefined);
    await runImport(page, "Hors-inventaire", "Exécuter une importation unique");
    await expect(toast(page)).toContainText(`0 importé, ${n} mis à jour`, { timeout: 20_000 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshot("import-fr"), fullPage: true });
  });
});
