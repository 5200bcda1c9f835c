import { actAs } from "./support/identity";
import {
  accountantCall,
  accountantToken,
  capture,
  connectQuickBooks,
  expectNoAxeViolations,
} from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

/** Inventory page → the Oil filter (OF-2045, linked to QuickBooks item 1): its quantity. */
async function oilFilterQuantity(page: Page): Promise<number> {
  await page.goto("/inventory");
  await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
  const row = page
    .getByRole("table", { name: "Parts" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "OF-2045", exact: true }) });
  await row.getByRole("link").first().click();
  const value = page
    .locator("dl > div")
    .filter({ has: page.getByText("Quantity available", { exact: true }) })
    .locator("dd");
  await expect(value).toHaveText(/\d/);
  return Number((await value.innerText()).replace(/[^\d.-]/g, ""));
}

/** The accountant's own calls to the demo company, as QuickBooks' UI would make them. */

const qboOilFilters = async (token: string) =>
  (await accountantCall<{ Item: { QtyOnHand: number } }>(token, "item/1")).Item.QtyOnHand;

/** A new order of `quantity` Oil filters (OF-2045), saved and invoiced; returns its number. */
async function invoiceOilFilters(page: Page, quantity: string): Promise<number> {
  await page.goto("/orders/new");
  await page.getByRole("combobox", { name: "Customer", exact: true }).selectOption({ index: 1 });
  await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
  const partPicker = page.getByRole("combobox", { name: "Part for line 1" });
  await expect(partPicker.locator("option", { hasText: "Oil filter" })).toHaveCount(1);
  await partPicker.selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Quantity of line 1" }).fill(quantity);
  await page.getByRole("button", { name: "Save order" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /Order #\d+/ });
  await expect(heading).toBeVisible();
  const number = Number(/#(\d+)/.exec(await heading.innerText())?.[1]);
  await page.getByRole("button", { name: "Invoice", exact: true }).click();
  await page
    .getByRole("alertdialog", { name: /Invoice order #\d+\?/ })
    .getByRole("button", { name: "Invoice" })
    .click();
  return number;
}

test.describe("a manager invoices an order", () => {
  test.beforeEach(({ page }) => actAs(page, "demo-shop-invoicing"));
  test.use({ locale: "en-US" });
  test.setTimeout(120_000);

  test("map the categories, invoice an order with a linked part, see Sent and stock down once", async ({
    page,
  }) => {
    await connectQuickBooks(page);

    // Link the shop's parts to QuickBooks items (OF-2045 → item 1).
    await page.getByRole("tab", { name: "Import and Sync" }).click();
    const inventory = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Inventory", exact: true }) });
    await inventory.getByRole("button", { name: "Run one-time import" }).click();
    await expect(page.locator("[data-sonner-toast]").last()).toContainText(/imported/, {
      timeout: 20_000,
    });

    await page.getByRole("tab", { name: "Configure accounting" }).click();
    await expect(page.getByText("It moves no inventory", { exact: false })).toBeVisible();
    const choices: [string, string][] = [
      ["Parts", "Shop Supplies (non-inventory)"],
      ["Labor", "Labor - General Repair (service)"],
      ["Tires", "Labor - Tire Mount & Balance (service)"],
      ["Fees", "Hazardous Waste Disposal Fee (non-inventory)"],
      ["Subcontracts", "Sublet - Wheel Alignment (non-inventory)"],
      ["Shop supplies", "Shop Supplies (non-inventory)"],
    ];
    for (const [category, item] of choices)
      await page
        .getByRole("combobox", { name: category, exact: true })
        .selectOption({ label: item });
    const autoSend = page.getByRole("switch", {
      name: /Send invoices to QuickBooks automatically/,
    });
    if (!(await autoSend.isChecked())) await autoSend.check();
    await expectNoAxeViolations(page);
    await capture(page, "accounting-mapping");
    await page.getByRole("button", { name: "Save accounting settings" }).click();
    await expect(page.locator("[data-sonner-toast]").last()).toContainText(
      "Accounting settings saved",
    );

    const before = await oilFilterQuantity(page);

    await page.goto("/orders/new");
    await page.getByRole("combobox", { name: "Customer", exact: true }).selectOption({ index: 1 });
    await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
    const partPicker = page.getByRole("combobox", { name: "Part for line 1" });
    await expect(partPicker.locator("option", { hasText: "Oil filter" })).toHaveCount(1);
    await partPicker.selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Quantity of line 1" }).fill("2");
    await page.getByRole("button", { name: "Labor", exact: true }).click();
    await page.getByRole("textbox", { name: "Description of line 2" }).fill("Oil change");
    await page.getByRole("textbox", { name: "Quantity of line 2" }).fill("2.5");
    await page.getByRole("textbox", { name: "Unit price of line 2" }).fill("7.99");
    await expect(page.getByRole("cell", { name: "$19.98" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Save order" }).click();

    const heading = page.getByRole("heading", { level: 1, name: /Order #\d+/ });
    await expect(heading).toBeVisible();
    const orderNumber = Number(/#(\d+)/.exec(await heading.innerText())?.[1]);
    await page.getByRole("button", { name: "Invoice", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: /Invoice order #\d+\?/ });
    await expect(dialog).toContainText("stock will go down for 1 part line");
    await dialog.getByRole("button", { name: "Invoice" }).click();
    const panel = page.getByRole("region", { name: "QuickBooks" });
    await expect(panel.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByText(/Invoice no\. \d+/)).toBeVisible();
    await expect(panel.getByRole("link", { name: "Open in QuickBooks" })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "order-sent");

    await page.goto("/orders");
    await expect(page.getByRole("table", { name: "Orders, newest first" })).toContainText("Sent");

    expect(await oilFilterQuantity(page)).toBe(before - 2);

    // A bookkeeper already typed the next invoice number in QuickBooks (issue 17.1). The next
    // order still reaches QuickBooks at once, once, as SM-<number>; stock moves once per side.
    const token = await accountantToken();
    const qboBefore = await qboOilFilters(token);
    const next = String(orderNumber + 1);
    await accountantCall(token, "invoice", {
      DocNumber: next,
      CustomerRef: { value: "1" },
      Line: [
        {
          Amount: 50,
          DetailType: "SalesItemLineDetail",
          SalesItemLineDetail: { ItemRef: { value: "47" }, Qty: 1, UnitPrice: 50 },
        },
      ],
    });
    expect(await invoiceOilFilters(page, "1")).toBe(orderNumber + 1);
    const sent = page.getByRole("region", { name: "QuickBooks" });
    await expect(sent.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(sent.getByText(`Invoice no. SM-${next}`)).toBeVisible();
    await expect(
      sent.getByText(`QuickBooks already had an invoice numbered ${next}`, { exact: false }),
    ).toBeVisible();
    await expect(sent.getByRole("alert")).toHaveCount(0);
    await capture(page, "order-renumbered");
    for (const doc of [next, `SM-${next}`]) {
      const found = await accountantCall<{ QueryResponse: { Invoice?: unknown[] } }>(
        token,
        `query?query=${encodeURIComponent(`select * from Invoice where DocNumber = '${doc}'`)}`,
      );
      expect(found.QueryResponse.Invoice ?? [], `invoices numbered ${doc}`).toHaveLength(1);
    }
    expect(await qboOilFilters(token)).toBe(qboBefore - 1);
    expect(await oilFilterQuantity(page)).toBe(before - 3);
  });
});
