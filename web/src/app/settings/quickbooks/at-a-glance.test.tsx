import type { ImportJob } from "@app/shared";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: "00000000-0000-4000-8000-000000000001",
  category: "inventory",
  dryRun: false,
  status: "succeeded",
  total: 41,
  processed: 41,
  imported: 41,
  updated: 0,
  skipped: 0,
  requestedBy: "Dana Owner",
  createdAt: "2026-11-27T18:00:05.000Z",
  ...over,
});

describe("Import and Sync at a glance", () => {
  it("shows every category's last import and sync in one table at the top", async () => {
    fakeServer({
      "GET /api/quickbooks/connection": () => json({ status: "connected" }),
      "GET /api/quickbooks/imports?category=customers&limit=10": () => json({ items: [] }),
      "GET /api/quickbooks/imports?category=inventory&limit=10": () => json({ items: [job({})] }),
      "GET /api/quickbooks/imports?category=non_inventory&limit=10": () =>
        json({
          items: [job({ category: "non_inventory", status: "running", total: 12, processed: 5 })],
        }),
      "GET /api/quickbooks/sync": () =>
        json({
          categories: [
            { category: "inventory", keepInSync: true, imported: true },
            { category: "non_inventory", keepInSync: false, imported: false },
          ],
          lastChange: null,
          recentChanges: [],
          lastCatchUpAt: null,
          notices: [],
        }),
    });
    renderApp("/settings/quickbooks/import");
    const glance = await screen.findByRole("region", { name: "At a glance" });
    const row = (name: string) =>
      within(glance).getByRole("rowheader", { name }).closest("tr") as HTMLElement;
    expect(await within(glance).findByText(/41 imported, 0 updated · .*:00:05/)).toBeTruthy();
    expect(await within(row("Inventory")).findByText("On")).toBeTruthy();
    expect(row("Customers").textContent).toContain("Never imported");
    expect(within(row("Non-inventory")).getByText("Importing… 5 of 12 records")).toBeTruthy();
    expect(within(row("Non-inventory")).getByText("Off")).toBeTruthy();
  });
});
