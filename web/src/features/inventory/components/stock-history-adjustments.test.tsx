import type { Part, StockMovement } from "@app/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const part: Part = {
  id: "00000000-0000-4000-8000-000000000021",
  kind: "inventory",
  description: "Oil filter",
  note: "",
  partNumber: "OF-1",
  vendor: null,
  cost: "4",
  retailCost: "8.99",
  quantityAvailable: "53",
  criticalQuantity: null,
  quickBooksItemRef: "1",
  updatedAt: "2026-11-28T10:00:00.000Z",
};

const count = (quickBooks: StockMovement["quickBooks"]): StockMovement => ({
  id: "00000000-0000-4000-8000-0000000000m1",
  delta: "5",
  quantityAfter: "53",
  reason: "manual",
  reference: "Dana Owner",
  source: null,
  link: null,
  createdAt: "2026-11-28T10:00:00.000Z",
  quickBooks,
});

const refused = {
  id: "00000000-0000-4000-8000-0000000000a1",
  status: "failed" as const,
  qtyDiff: "5",
  quickBooksId: null,
  errorCode: "quickbooks_610",
  error:
    "QuickBooks refused the adjustment: Object Not Found : Something you're trying to use has been made inactive.",
};

describe("the stock history", () => {
  it("shows a count QuickBooks refused with its reason, and Retry sends it again", async () => {
    const posted: string[] = [];
    let current = count(refused);
    fakeServer({
      [`GET /api/inventory/${part.id}`]: () => json(part),
      [`GET /api/inventory/${part.id}/movements`]: () => json({ items: [current] }),
      [`POST /api/inventory/${part.id}/adjustments/${refused.id}/retry`]: ({ url }) => {
        posted.push(url);
        current = count({
          ...refused,
          status: "sent",
          quickBooksId: "150",
          error: null,
          errorCode: null,
        });
        return json({ items: [count({ ...refused, status: "pending", error: null })] });
      },
    });
    const user = userEvent.setup();
    renderApp(`/inventory/${part.id}`);
    const history = await screen.findByRole("region", { name: "Stock history" });
    const row = (await within(history).findByText("Not in QuickBooks")).closest("tr")!;
    expect(within(row).getByText(/made inactive/)).toBeTruthy();
    await user.click(within(row).getByRole("button", { name: "Retry" }));
    expect(posted).toHaveLength(1);
    // Pending right away, then the history is polled until QuickBooks holds it.
    expect(await within(history).findByText("Sending to QuickBooks…")).toBeTruthy();
    expect(await within(history).findByText("In QuickBooks", {}, { timeout: 3000 })).toBeTruthy();
    expect(within(history).queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("shows nothing about QuickBooks for a change that stays in Shopmonkey", async () => {
    fakeServer({
      [`GET /api/inventory/${part.id}`]: () => json({ ...part, quickBooksItemRef: null }),
      [`GET /api/inventory/${part.id}/movements`]: () => json({ items: [count(null)] }),
    });
    renderApp(`/inventory/${part.id}`);
    expect(await screen.findByText("Manual edit")).toBeTruthy();
    expect(screen.queryByText("In QuickBooks")).toBeNull();
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("says why in French: QuickBooks' refusal inside a French sentence, a settled change", async () => {
    await i18n.changeLanguage("fr");
    const dropped = {
      ...refused,
      id: "00000000-0000-4000-8000-0000000000a2",
      status: "dropped" as const,
      errorCode: "superseded_by_take",
      error:
        "Not sent: QuickBooks' quantity was taken afterwards, so this change no longer applies.",
      reason: "adjustment_superseded_by_take" as const,
    };
    fakeServer({
      [`GET /api/inventory/${part.id}`]: () => json(part),
      [`GET /api/inventory/${part.id}/movements`]: () =>
        json({
          items: [
            count({
              ...refused,
              reason: "quickbooks_refused_adjustment",
              params: { detail: "Object Not Found" },
            }),
            { ...count(dropped), id: "00000000-0000-4000-8000-0000000000m2" },
          ],
        }),
    });
    renderApp(`/inventory/${part.id}`);
    expect(
      await screen.findByText("QuickBooks a refusé l'ajustement : Object Not Found"),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Non envoyé : la quantité de QuickBooks a été reprise ensuite, cette modification ne s'applique plus.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/refused the adjustment|Not sent/)).toBeNull();
  });
});
