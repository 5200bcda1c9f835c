import { actAs } from "./support/identity";
import {
  accountantCall,
  accountantToken,
  connectAndImport,
  expectNoAxeViolations,
  capture,
} from "./support/quickbooks";
import { expect, test } from "@playwright/test";

async function editItem(token: string, id: string, fields: Record<string, unknown>) {
  const read = await accountantCall<{ Item: { Name: string; SyncToken: string } }>(
    token,
    `item/${id}`,
  );
  await accountantCall(token, "item", {
    Id: id,
    SyncToken: read.Item.SyncToken,
    sparse: true,
    ...fields,
  });
  return read.Item.Name;
}

test.describe("an owner sees QuickBooks changes arrive and fixes drift", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-drift"));
  test.use({ locale: "en-US" });

  test("a price changed in QuickBooks shows up within seconds; a hidden change is fixed from the drift report", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const toggle = await connectAndImport(page);
    const token = await accountantToken();

    const started = Date.now();
    const name = await editItem(token, "2", { UnitPrice: 88.88 });
    const last = page.locator("section").filter({ hasText: "Last change received" });
    await expect(last.getByText(name).first()).toBeVisible({ timeout: 15_000 });
    await expect(last.getByText(/Retail cost: .* → \$88\.88/)).toBeVisible();
    console.log(
      `measured: QuickBooks price change visible in the UI after ${Date.now() - started} ms`,
    );
    await expectNoAxeViolations(page);
    await capture(page, "sync-last-change");

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
    await expect(row).toContainText("$12.34"); // money as the app shows it, not "12.34"
    await expectNoAxeViolations(page);
    await capture(page, "sync-drift-report");

    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Take QuickBooks' value" }).first().click();
    await expect(page.getByText("No differences: Shopmonkey and QuickBooks agree.")).toBeVisible({
      timeout: 15_000,
    });
    await capture(page, "sync-drift-fixed");
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
    await capture(page, "sync-fr");
  });
});
