import { actAs } from "./support/identity";
import {
  accountantCall,
  accountantToken,
  capture,
  connectAndImport,
  expectNoAxeViolations,
} from "./support/quickbooks";
import { expect, test } from "@playwright/test";

/** What QuickBooks holds for an item, read as an accountant would (straight from Intuit). */
async function itemInQuickBooks(token: string, id: string) {
  const read = await accountantCall<{ Item: { Name: string; QtyOnHand: number } }>(
    token,
    `item/${id}`,
  );
  return read.Item;
}

const ITEM = "5";

test.describe("an owner counts stock on a linked part and QuickBooks follows", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-count"));
  test.use({ locale: "en-US" });

  test("a count of +5 in the part editor reaches QuickBooks as one adjustment", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await connectAndImport(page);
    // The setting says which way stock goes.
    await expect(page.getByText(/stock counted here is sent to QuickBooks/)).toBeVisible();

    const token = await accountantToken();
    const before = await itemInQuickBooks(token, ITEM);

    await page.goto("/inventory");
    await page.getByRole("searchbox", { name: "Search parts" }).fill(before.Name);
    await page
      .getByRole("table", { name: "Parts" })
      .getByRole("link", { name: before.Name })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: before.Name })).toBeVisible();
    await page.getByRole("link", { name: "Edit" }).click();
    const quantity = page.getByRole("textbox", { name: "Quantity available" });
    await expect(quantity).toHaveValue(String(before.QtyOnHand));
    await quantity.fill(String(before.QtyOnHand + 5));
    const started = Date.now();
    await page.getByRole("button", { name: "Save" }).click();

    const history = page.getByRole("region", { name: "Stock history" });
    const row = history.getByRole("row").filter({ hasText: "Manual edit" }).first();
    await expect(row).toContainText("+5");
    await expect(row.getByText("In QuickBooks")).toBeVisible({ timeout: 15_000 });
    console.log(`measured: stock count shown as in QuickBooks after ${Date.now() - started} ms`);

    await expect
      .poll(async () => (await itemInQuickBooks(token, ITEM)).QtyOnHand, { timeout: 15_000 })
      .toBe(before.QtyOnHand + 5);
    // QuickBooks' item update comes back by webhook: our own change is not applied twice.
    await page.reload();
    await expect(
      page
        .getByRole("definition")
        .filter({ hasText: String(before.QtyOnHand + 5) })
        .first(),
    ).toBeVisible();
    await expect(history.getByRole("row").filter({ hasText: "Changed in QuickBooks" })).toHaveCount(
      0,
    );
    await expectNoAxeViolations(page);
    await capture(page, "stock-count-in-quickbooks");
  });
});
