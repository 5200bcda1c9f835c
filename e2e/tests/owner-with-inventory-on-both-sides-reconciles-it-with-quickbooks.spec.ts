import { actAs } from "./support/identity";
import {
  accountantCall,
  accountantToken,
  connectQuickBooks,
  expectNoAxeViolations,
  capture,
} from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

const SHOP = "e2e-reconcile";
// Earlier journeys share this server and company: our records carry a run-unique tag.
const TAG = `E2E${Date.now().toString(36).toUpperCase()}`;

const inventoryItem = (Name: string, Sku: string, QtyOnHand: number) => ({
  Name,
  Sku,
  Type: "Inventory",
  TrackQtyOnHand: true,
  QtyOnHand,
  InvStartDate: "2026-01-01",
  IncomeAccountRef: { value: "79" },
  ExpenseAccountRef: { value: "80" },
  AssetAccountRef: { value: "81" },
});

/** The BFF as the demo host lets the other shop's owner call it. */
async function api(page: Page) {
  const session = await page.request.post("/api/demo/session", {
    data: { shop: SHOP, role: "owner" },
  });
  const { token } = (await session.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    addPart: async (
      description: string,
      partNumber: string,
      quantityAvailable: string,
      vendorName?: string,
    ) => {
      const res = await page.request.post("/api/inventory", {
        headers,
        data: {
          kind: "inventory",
          description,
          partNumber,
          quantityAvailable,
          retailCost: "9.5",
          ...(vendorName ? { vendorName } : {}),
        },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    },
  };
}

/** Stacked toasts fade behind the newest one; let them go so the scan sees the page itself. */
async function closeToasts(page: Page) {
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
}

async function expectSettledPageAxeClean(page: Page) {
  await closeToasts(page);
  await expectNoAxeViolations(page);
}

/**
 * The assistant answers a page per section: earlier journeys may have filled the shared
 * company beyond one, so turn the section's pages until `text` shows.
 */
async function pageUntil(page: Page, section: RegExp, text: string) {
  const region = page.getByRole("region", { name: section });
  await expect(region).toBeVisible({ timeout: 15_000 });
  for (;;) {
    if ((await region.getByText(text).count()) > 0) break;
    const next = region.getByRole("button", { name: "Next" });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const range = await region.getByRole("navigation").locator("p").textContent();
    await next.click();
    await expect(region.getByRole("navigation").locator("p")).not.toHaveText(range ?? "");
  }
  await expect(region).toContainText(text);
}

/** Shows the four cards, whether or not an earlier journey chose a situation already. */
async function openWhereToStart(page: Page, change: string) {
  const group = page.getByRole("group", { name: /Where to start|Par où commencer/ });
  const changeLink = page.getByRole("button", { name: change });
  await expect(group.or(changeLink)).toBeVisible();
  if (await changeLink.isVisible()) await changeLink.click();
  return group;
}

test.describe("an owner with inventory on both sides reconciles it with QuickBooks", () => {
  test.beforeEach(({ page }) => actAs(page, SHOP));
  test.use({ locale: "en-US" });

  test("chooses Some in each, confirms the matches, applies, and every part is linked once", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await connectQuickBooks(page);
    const bff = await api(page);
    const wiper = `Wiper blade ${TAG}`;
    const cabin = `Cabin filter ${TAG}`;
    const coolant = `Coolant ${TAG}`;
    // Both parts have a vendor in Shopmonkey; QuickBooks' wiper item has none (issue 17.2).
    const vendor = `WorldPac ${TAG}`;
    await bff.addPart(wiper, `WB-${TAG}`, "4", vendor);
    await bff.addPart(cabin, `CF-${TAG}`, "2", vendor);
    const token = await accountantToken();
    await accountantCall(token, "item", inventoryItem(wiper, `WB-${TAG}`, 6));
    await accountantCall(token, "item", inventoryItem(coolant, `CL-${TAG}`, 3));

    await page.getByRole("tab", { name: "Import and Sync" }).click();
    const group = await openWhereToStart(page, "Change where to start");
    await expect(group.getByRole("radio")).toHaveCount(4);
    await group.getByRole("radio", { name: /Brand new/ }).focus();
    // Keyboard only: arrows move the choice between the cards.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(
      group.getByRole("radio", { name: /Some inventory in QuickBooks, some in Shopmonkey/ }),
    ).toBeChecked();
    await expectSettledPageAxeClean(page);
    await capture(page, "where-to-start", false);
    await page.getByRole("button", { name: "Continue" }).click();

    const steps = page.getByRole("region", { name: "Next steps" });
    await expect(steps).toContainText("Some inventory in QuickBooks, some in Shopmonkey");
    await expect(steps.getByRole("button", { name: "Chat with support" })).toBeVisible();
    await expect(steps.getByText(/steps done/)).toBeVisible();
    await expectSettledPageAxeClean(page);
    await capture(page, "where-to-start-checklist", false);
    await steps.getByRole("link", { name: "Open the assistant" }).click();

    await expect(
      page.getByRole("heading", { level: 1, name: "Match your inventory" }),
    ).toBeVisible();
    await pageUntil(page, /Proposed matches/, wiper);
    const pair = page.getByRole("checkbox", { name: `Link ${wiper} with ${wiper}` });
    await expect(pair).toBeChecked({ timeout: 15_000 });
    await pageUntil(page, /Only in QuickBooks/, coolant);
    await pageUntil(page, /Only in Shopmonkey/, cabin);
    await expect(page.getByRole("radio", { name: "QuickBooks (6)" })).toBeChecked();
    await expectSettledPageAxeClean(page);
    await capture(page, "reconcile-assistant");
    await page.getByRole("button", { name: "Apply" }).click();

    const result = page.getByRole("status").filter({ hasText: /already linked/ });
    await expect(result).toContainText(/\d+ linked/);
    await expect(result).toContainText(/In QuickBooks: \d+ created, 0 skipped/, {
      timeout: 30_000,
    });
    await expect(result).toContainText("imports run next");
    await expectSettledPageAxeClean(page);
    await capture(page, "reconcile-applied");

    // Every part of ours carries the QuickBooks icon, the QuickBooks-only item came in once.
    await page.goto(`/inventory?search=${TAG.toLowerCase()}`);
    const rows = page.getByRole("table", { name: "Parts" }).getByRole("row");
    await expect(async () => {
      await page.reload();
      await expect(rows).toHaveCount(4, { timeout: 2_000 }); // header + 3 parts
    }).toPass({ timeout: 30_000 });
    for (const name of [wiper, cabin, coolant]) {
      const row = rows.filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(row.getByRole("img", { name: /Synced with QuickBooks/ })).toBeVisible();
    }
    await capture(page, "reconcile-inventory-linked", false);
    // The imports queued after Apply kept both vendors, and the part created in QuickBooks
    // names the vendor there too.
    for (const name of [wiper, cabin]) {
      await rows
        .filter({ has: page.getByRole("link", { name, exact: true }) })
        .getByRole("link", { name, exact: true })
        .click();
      const shown = page
        .locator("dl > div")
        .filter({ has: page.getByText("Vendor", { exact: true }) });
      await expect(shown.locator("dd")).toHaveText(vendor);
      await page.goBack();
    }
    const vendors = await accountantCall<{ QueryResponse: { Vendor?: { Id: string }[] } }>(
      token,
      `query?query=${encodeURIComponent(`select * from Vendor where DisplayName = '${vendor}'`)}`,
    );
    const created = await accountantCall<{
      QueryResponse: { Item?: { PrefVendorRef?: { value: string } }[] };
    }>(token, `query?query=${encodeURIComponent(`select * from Item where Name = '${cabin}'`)}`);
    expect(created.QueryResponse.Item?.[0]?.PrefVendorRef?.value).toBe(
      vendors.QueryResponse.Vendor?.[0]?.Id,
    );
    // And no twin in QuickBooks: one item per part.
    const items = await accountantCall<{ QueryResponse: { Item?: { Name: string }[] } }>(
      token,
      `query?query=${encodeURIComponent(`select * from Item where Name like '%${TAG}%'`)}`,
    );
    expect((items.QueryResponse.Item ?? []).map((i) => i.Name).sort()).toEqual(
      [cabin, coolant, wiper].sort(),
    );
  });

  test("creates one part in QuickBooks from its page, and reads Where to start in French", async ({
    page,
  }) => {
    await connectQuickBooks(page);
    const bff = await api(page);
    const battery = `Battery ${TAG}`;
    const id = await bff.addPart(battery, `BAT-${TAG}`, "1");
    await page.goto(`/inventory/${id}`);
    await page.getByRole("button", { name: "Create in QuickBooks" }).click();
    await expect(page.locator("[data-sonner-toast]").last()).toContainText(
      "Created in QuickBooks and linked",
    );
    await expect(page.getByRole("button", { name: "Create in QuickBooks" })).toHaveCount(0);
    await expect(page.getByRole("img", { name: /Synced with QuickBooks/ })).toBeVisible();

    await page.goto("/settings/quickbooks/import");
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    const group = await openWhereToStart(page, "Modifier par où commencer");
    await expect(
      group.getByRole("radio", { name: /Tout neuf \/ aucun inventaire précédent/ }),
    ).toBeVisible();
    await expect(
      group.getByRole("radio", { name: /Une partie dans QuickBooks, une partie dans Shopmonkey/ }),
    ).toBeChecked();
    await expectSettledPageAxeClean(page);
    await capture(page, "where-to-start-fr", false);
    await page.getByRole("button", { name: "Annuler" }).click();
    await expect(page.getByRole("region", { name: "Prochaines étapes" })).toBeVisible();
  });
});
