import { actAs } from "./support/identity";
import { SANDBOX_URL, expectNoAxeViolations } from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

async function sandbox(method: string, path: string, body?: object): Promise<unknown> {
  const res = await fetch(`${SANDBOX_URL}/_sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Intuit's consent popup, opened by `button`: choose this company. */
async function consent(page: Page, button: ReturnType<Page["getByRole"]>, realmId: string) {
  const popupOpened = page.waitForEvent("popup");
  await button.click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent("close");
  await popup.locator(`button[data-realm-id="${realmId}"]`).click();
  await closed;
}

test.describe("an owner whose QuickBooks grant was revoked", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-reconnect-banner"));
  test.use({ locale: "en-US" });

  test("is told at once, on any page, and reconnects from the banner in one click", async ({
    page,
  }) => {
    const { realmId } = (await sandbox("POST", "/companies", {
      name: "Banner Motors",
      seed: 40,
      items: { inventory: 3, service: 1 },
    })) as { realmId: string };
    await page.goto("/settings/quickbooks/connection");
    await consent(page, page.getByRole("button", { name: "Connect to QuickBooks" }), realmId);
    await expect(page.getByRole("heading", { name: "Banner Motors" })).toBeVisible();

    // QuickBooks revokes the grant (a user removed the app there): the next call learns it.
    await sandbox("POST", "/faults", {
      realmId,
      expireAccessTokens: true,
      revokeRefreshTokens: true,
    });
    try {
      await page.getByRole("tab", { name: "Configure accounting" }).click();
      const banner = page.getByRole("alert").filter({ hasText: "stopped accepting" });
      await expect(banner).toBeVisible();

      // The banner follows the owner to every page, Reconnect included.
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Inventory" })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
      await expect(banner).toBeVisible();
      await expectNoAxeViolations(page);
      await sandbox("DELETE", "/faults");
      await consent(page, banner.getByRole("button", { name: "Reconnect" }), realmId);
      await expect(
        page.locator("[data-sonner-toast]").filter({ hasText: "QuickBooks is connected." }),
      ).toHaveCount(1);
      await expect(banner).toBeHidden();

      // The Connection tab says connected again, with no stale "needs reconnecting".
      await page.goto("/settings/quickbooks/connection");
      await expect(page.getByText("Connected", { exact: true })).toBeVisible();
      await expect(page.getByText("Needs reconnecting")).toBeHidden();
    } finally {
      await sandbox("DELETE", "/faults");
    }
  });
});
