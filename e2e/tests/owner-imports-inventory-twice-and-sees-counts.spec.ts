import { actAs } from "./support/identity";
import { connectQuickBooks, expectNoAxeViolations, capture } from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

/** The toast that says this, whichever others are still on screen. */
const toast = (page: Page, text: string | RegExp) =>
  page.locator("[data-sonner-toast]").filter({ hasText: text }).first();

async function runImport(page: Page, card: string, button: string) {
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: card, exact: true }) });
  await section.getByRole("button", { name: button }).click();
  return section;
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
    await capture(page, "import-cards");

    const card = await runImport(page, "Inventory", "Run one-time import");
    await expect(card.getByRole("button", { name: "Run one-time import" })).toBeDisabled();
    const done = toast(page, /\d+ imported, 0 updated/);
    await expect(done).toBeVisible({ timeout: 20_000 });
    const first = /(\d+) imported, 0 updated(?:, (\d+) skipped)?/.exec(
      (await done.textContent()) ?? "",
    );
    const imported = Number(first?.[1]);
    expect(imported).toBeGreaterThan(0);
    await expect(card.getByText("Last run")).toBeVisible();
    await capture(page, "import-done");

    await page
      .locator("[data-sonner-toast] button[aria-label='Close toast']")
      .first()
      .click()
      .catch(() => undefined);
    await runImport(page, "Inventory", "Run one-time import");
    await expect(toast(page, `0 imported, ${imported} updated`)).toBeVisible({ timeout: 20_000 });

    // The history drills down to per-record outcomes.
    await card.getByText(/^History \(\d+\)$/).click();
    await card.getByRole("button", { name: "View records" }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("cell", { name: "Updated" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "import-records");
    await dialog.getByRole("button", { name: "Close" }).click();

    // Preview: nothing written, per-record reasons listed.
    const customers = await runImport(page, "Customers", "Preview");
    const preview = page.getByRole("dialog", { name: "Preview of the Customers import" });
    await expect(preview.getByText("sub-customer (QuickBooks project)")).toBeVisible({
      timeout: 20_000,
    });
    await expectNoAxeViolations(page);
    await capture(page, "import-preview");

    // Keyboard only: Tab and Shift+Tab never leave the dialog, Escape still closes it after
    // tabbing around, and focus goes back to the Preview button.
    const focusInside = () => preview.evaluate((d) => d.contains(document.activeElement));
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInside()).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInside()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(preview).toBeHidden();
    await expect(customers.getByRole("button", { name: "Preview" })).toBeFocused();
  });

  test("the same in French: « importés », « mis à jour »", async ({ page }) => {
    await connectQuickBooks(page);
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("tab", { name: "Importer et synchroniser" }).click();
    await expect(
      page.getByRole("heading", { name: "Importez vos clients et votre inventaire" }),
    ).toBeVisible();

    await runImport(page, "Hors-inventaire", "Exécuter une importation unique");
    const done = toast(page, /\d+ importés, 0 mis à jour/);
    await expect(done).toBeVisible({ timeout: 20_000 });
    const n = Number(/(\d+) importés/.exec((await done.textContent()) ?? "")?.[1]);
    await page
      .locator("[data-sonner-toast] button")
      .first()
      .click()
      .catch(() => undefined);
    await runImport(page, "Hors-inventaire", "Exécuter une importation unique");
    await expect(toast(page, `0 importé, ${n} mis à jour`)).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await capture(page, "import-fr");
  });
});
