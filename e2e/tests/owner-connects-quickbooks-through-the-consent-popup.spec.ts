import { actAs } from "./support/identity";
import { capture, expectNoAxeViolations } from "./support/quickbooks";
import { expect, test } from "@playwright/test";

test.describe("a shop owner connects QuickBooks", () => {
  test.use({ locale: "en-US" });

  test("connect through Intuit's consent popup, see the company, then disconnect", async ({
    page,
  }) => {
    await actAs(page, "demo-shop-connect");
    await page.goto("/settings/quickbooks/connection");
    const connect = page.getByRole("button", { name: "Connect to QuickBooks" });
    await expect(connect).toBeVisible();

    const popupOpened = page.waitForEvent("popup");
    await connect.click();
    const popup = await popupOpened;
    await expect(popup.getByText("Riverside Auto Parts (sandbox)")).toBeVisible();
    const closed = popup.waitForEvent("close");
    await popup.locator('button[data-realm-id="9341453050298531"]').click();
    await closed;

    await expect(page.getByText("QuickBooks is connected.")).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Riverside Auto Parts (sandbox)" }),
    ).toBeVisible();
    await expect(page.getByText("Dana Owner", { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "connection-connected", false);

    await page.getByRole("button", { name: "Disconnect" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Disconnect QuickBooks?" });
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByRole("button", { name: "Connect to QuickBooks" })).toBeVisible();
  });

  // A shop of its own: whatever the journey above left behind, this one starts unconnected.
  test("cancelling at Intuit says so and changes nothing", async ({ page }) => {
    await actAs(page, "demo-shop-connect-cancel");
    await page.goto("/settings/quickbooks/connection");
    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Connect to QuickBooks" }).click();
    const popup = await popupOpened;
    await popup.getByRole("button", { name: "Cancel" }).click();
    await expect(
      page.getByText("Connecting was cancelled in QuickBooks. Nothing changed."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Connect to QuickBooks" })).toBeVisible();
  });
});
