import type { SyncStatus } from "@app/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const status = (notices: SyncStatus["notices"]): SyncStatus => ({
  categories: [
    { category: "inventory", keepInSync: true, imported: true },
    { category: "non_inventory", keepInSync: false, imported: false },
  ],
  lastChange: null,
  recentChanges: [],
  lastCatchUpAt: null,
  notices,
});

const merged: SyncStatus["notices"][number] = {
  id: "00000000-0000-4000-8000-000000000077",
  partId: "p1",
  partDescription: "Oil filter (old)",
  quickBooksItemRef: "20",
  kind: "merged",
  mergedIntoRef: "21",
  createdAt: "2026-11-28T10:00:00.000Z",
};

describe("Keep in sync", () => {
  it("says which way stock goes, and asks which part keeps a merged item", async () => {
    const decisions: unknown[] = [];
    fakeServer({
      "GET /api/quickbooks/connection": () =>
        json({ status: "connected", realmId: "1", companyName: "Riverside" }),
      "GET /api/quickbooks/starting-situation": () => json({ situation: null }),
      ...Object.fromEntries(
        (["customers", "inventory", "non_inventory"] as const).map((c) => [
          `GET /api/quickbooks/imports?category=${c}&limit=10`,
          () => json({ items: [] }),
        ]),
      ),
      "GET /api/quickbooks/sync": () => json(status(decisions.length ? [] : [merged])),
      [`POST /api/quickbooks/sync/notices/${merged.id}`]: ({ init }) => {
        decisions.push(JSON.parse(init?.body as string));
        return json(status([]));
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    expect(
      await screen.findByText(
        /stock counted here is sent to QuickBooks as an inventory adjustment/,
      ),
    ).toBeTruthy();
    const region = await screen.findByRole("region", { name: "Needs your decision" });
    expect(
      within(region).getByText(
        "“Oil filter (old)” followed item 20, which was merged in QuickBooks into item 21. Another part already follows item 21.",
      ),
    ).toBeTruthy();
    await user.click(
      within(region).getByRole("button", { name: "Link “Oil filter (old)” instead" }),
    );
    expect(decisions).toEqual([{ decision: "relink" }]);
    expect(await screen.findByText("“Oil filter (old)” now follows item 21.")).toBeTruthy();
  });
});
