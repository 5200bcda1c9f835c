import { actAs } from "./support/identity";
import {
  accountantCall,
  accountantToken,
  capture,
  connectQuickBooks,
  expectNoAxeViolations,
  sandboxCompany,
} from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

const toast = (page: Page, text: string | RegExp) =>
  page.locator("[data-sonner-toast]").filter({ hasText: text }).first();

/** What the inventory list says of itself, and the Oil filter's quantity and cost. */
async function inventoryAsSeen(page: Page) {
  await page.goto("/inventory");
  const range = page.getByText(/^\d+–\d+ of \d+$/);
  await expect(range).toBeVisible();
  const total = (await range.innerText()).split(" of ")[1];
  await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
  const row = page
    .getByRole("table", { name: "Parts" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "OF-2045", exact: true }) });
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole("cell").allInnerTexts();
  return { total, oilFilter: cells.join(" | ") };
}

/** An accountant makes an item inactive in QuickBooks, behind the app's back. */
async function deactivate(realmId: string, name: string) {
  const token = await accountantToken(realmId);
  const query = encodeURIComponent(`select * from Item where Name = '${name}'`);
  const found = await accountantCall<{
    QueryResponse: { Item: { Id: string; SyncToken: string }[] };
  }>(token, `query?query=${query}`, undefined, realmId);
  const item = found.QueryResponse.Item[0]!;
  await accountantCall(
    token,
    "item",
    { Id: item.Id, SyncToken: item.SyncToken, sparse: true, Active: false },
    realmId,
  );
}

async function mapCategories(page: Page, fees: string) {
  await page.goto("/settings/quickbooks/accounting");
  const choices: [string, string][] = [
    ["Parts", "Shop Supplies (non-inventory)"],
    ["Labor", "Labor - General Repair (service)"],
    ["Tires", "Labor - Tire Mount & Balance (service)"],
    ["Fees", fees],
    ["Subcontracts", "Sublet - Wheel Alignment (non-inventory)"],
    ["Shop supplies", "Shop Supplies (non-inventory)"],
  ];
  for (const [category, item] of choices)
    await page.getByRole("combobox", { name: category, exact: true }).selectOption({ label: item });
  const autoSend = page.getByRole("switch", { name: /Send invoices to QuickBooks automatically/ });
  if (!(await autoSend.isChecked())) await autoSend.check();
  await page.getByRole("button", { name: "Save accounting settings" }).click();
  await expect(toast(page, "Accounting settings saved")).toBeVisible();
}

test.describe("an owner takes back an import and fixes a failed invoice from Health", () => {
  test.beforeEach(({ page }) => actAs(page, "demo-shop-undo-health"));
  test.use({ locale: "en-US" });
  test.setTimeout(120_000);

  test("import, undo, see the inventory as it was; break an invoice, fix it from Health", async ({
    page,
  }) => {
    // A copy of the demo company of its own: what other journeys change in the shared demo
    // company reaches every shop linked to it, and would be "changed since the import" here.
    const realmId = await sandboxCompany("Undo Health Motors", 72);
    await connectQuickBooks(page, realmId);
    const before = await inventoryAsSeen(page);

    await page.goto("/settings/quickbooks/import");
    const card = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Inventory", exact: true }) });
    await card.getByRole("button", { name: "Run one-time import" }).click();
    await expect(toast(page, /\d+ imported, \d+ updated/)).toBeVisible({ timeout: 20_000 });
    expect(await inventoryAsSeen(page)).not.toEqual(before);

    // Two clicks: Undo this import, then Undo import after reading the preview.
    await page.goto("/settings/quickbooks/import");
    await card.getByText(/^History \(\d+\)$/).click();
    await card.getByRole("button", { name: "Undo this import" }).click();
    const dialog = page.getByRole("alertdialog", { name: /Undo the Inventory import of/ });
    await expect(dialog).toContainText(/\d+ records it created will be removed/);
    await expect(dialog).toContainText("QuickBooks is not changed.");
    await expectNoAxeViolations(page);
    await capture(page, "undo-preview");
    await dialog.getByRole("button", { name: "Undo import" }).click();
    await expect(toast(page, /Import undone: \d+ removed, \d+ restored, 0 kept/)).toBeVisible({
      timeout: 20_000,
    });
    await expect(card.getByText(/Undone by .* on /)).toBeVisible();
    expect(await inventoryAsSeen(page)).toEqual(before);

    // The fee item the shop invoices with is made inactive in QuickBooks: the send fails.
    await mapCategories(page, "Used Oil Disposal Fee (non-inventory)");
    await deactivate(realmId, "Used Oil Disposal Fee");
    await page.goto("/orders/new");
    await page.getByRole("combobox", { name: "Customer", exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Fees", exact: true }).click();
    await page.getByRole("button", { name: "Remove line 1" }).click(); // the empty part line
    await page.getByRole("textbox", { name: "Description of line 1" }).fill("Oil disposal");
    await page.getByRole("textbox", { name: "Quantity of line 1" }).fill("1");
    await page.getByRole("textbox", { name: "Unit price of line 1" }).fill("4.25");
    await page.getByRole("button", { name: "Save order" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Order #\d+/ })).toBeVisible();
    const orderUrl = page.url();
    await page.getByRole("button", { name: "Invoice", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Invoice" }).click();
    const panel = page.getByRole("region", { name: "QuickBooks" });
    await expect(panel.getByText("Failed", { exact: true })).toBeVisible({ timeout: 20_000 });

    // The banner says something needs the owner; Health says what and offers Retry.
    await page.reload();
    await page.getByRole("link", { name: "Open Health" }).click();
    await expect(page).toHaveURL(/\/settings\/quickbooks\/health$/);
    const problem = page
      .getByRole("listitem")
      .filter({ has: page.getByText("Invoice not sent to QuickBooks", { exact: true }) });
    await expect(problem).toHaveCount(1);
    await expect(page.getByRole("img", { name: /Import runs/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /QuickBooks calls per day/ })).toBeVisible();
    await expect(page.getByRole("meter", { name: "Reads used this month" })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "health");

    // The fix: fees post to an active item. Then Retry, from Health.
    await mapCategories(page, "Hazardous Waste Disposal Fee (non-inventory)");
    await page.goto("/settings/quickbooks/health");
    await problem.getByRole("button", { name: "Retry" }).click();
    await expect(problem).toHaveCount(0, { timeout: 20_000 });
    await page.goto(orderUrl);
    await expect(panel.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });
  });
});
