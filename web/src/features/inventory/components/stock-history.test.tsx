import type { Part, StockMovement } from "@app/shared";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const PART = "00000000-0000-4000-8000-000000000009";
const ORDER = "fb0cf014-1111-4000-8000-000000000001";
const part: Part = {
  id: PART,
  kind: "inventory",
  description: "Wiper blades",
  note: "",
  partNumber: "",
  vendor: null,
  cost: "5",
  retailCost: "9",
  quantityAvailable: "24",
  criticalQuantity: null,
  quickBooksItemRef: "11",
  updatedAt: "2026-11-28T20:55:00.000Z",
};
const move = (over: Partial<StockMovement>): StockMovement => ({
  id: Math.random().toString(36),
  delta: "-1",
  quantityAfter: "24",
  reason: "invoice",
  reference: null,
  quickBooks: null,
  source: null,
  link: null,
  createdAt: "2026-11-28T20:52:14.000Z",
  ...over,
});

describe("a part's stock history", () => {
  it("names the order (a link), the import with seconds, and QuickBooks: no internal ids", async () => {
    fakeServer({
      [`GET /api/inventory/${PART}`]: () => json(part),
      [`GET /api/inventory/${PART}/movements`]: () =>
        json({
          items: [
            move({
              reason: "quickbooks",
              reference: "Changed in QuickBooks",
              source: { type: "quickbooks", via: "sync" },
            }),
            move({
              reference: "Order #1001",
              source: { type: "order", number: 1001 },
              link: { type: "order", id: ORDER },
            }),
            move({
              reason: "import",
              delta: "25",
              quantityAfter: "25",
              reference: "Inventory import, Nov 28, 8:52:14 PM UTC",
              source: {
                type: "import",
                category: "inventory",
                startedAt: "2026-11-28T20:52:14.000Z",
              },
            }),
          ],
        }),
    });
    renderApp(`/inventory/${PART}`);
    const history = await screen.findByRole("region", { name: "Stock history" });
    const order = await within(history).findByRole("link", { name: "Order #1001" });
    expect(order.getAttribute("href")).toBe(`/orders/${ORDER}`);
    expect(within(history).getByText("Changed in QuickBooks")).toBeTruthy();
    expect(within(history).getByText(/^Inventory import, .*:52:14/)).toBeTruthy();
    expect(history.textContent).not.toMatch(/order:|quickbooks:item|fb0cf014/);
  });
});
