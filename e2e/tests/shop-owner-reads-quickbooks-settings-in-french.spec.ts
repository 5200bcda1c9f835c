import { capture, expectNoAxeViolations } from "./support/quickbooks";
import { expect, test } from "@playwright/test";

test.describe("a shop owner reads the QuickBooks settings in French", () => {
  test.use({ locale: "en-US" });

  test("Settings → QuickBooks → Français: the tab reads « Importer et synchroniser »", async ({
    page,
  }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Demo Auto Repair");

    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "QuickBooks" })
      .click();
    await expect(page).toHaveURL(/\/settings\/quickbooks\/connection$/);
    await expect(page.getByRole("tab", { name: "Connection" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(page.getByRole("tab", { name: "Import and Sync" })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "shell-en", false);

    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");

    await expect(page.getByRole("tab", { name: "Importer et synchroniser" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(
      page
        .getByRole("navigation", { name: "Principale" })
        .getByRole("link", { name: "Paramètres" }),
    ).toBeVisible();

    await page.getByRole("tab", { name: "Importer et synchroniser" }).click();
    await expect(page).toHaveURL(/\/settings\/quickbooks\/import$/);
    await expect(
      page.getByRole("heading", { name: "Importez vos clients et votre inventaire" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "shell-fr", false);

    // The choice survives a reload (and a deep link lands on the same tab).
    await page.reload();
    await expect(page.getByRole("tab", { name: "Importer et synchroniser" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
  });
});
