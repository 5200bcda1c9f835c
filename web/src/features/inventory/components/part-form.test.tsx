import type { Part } from "@app/shared";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const created: Part = {
  id: "00000000-0000-4000-8000-000000000009",
  kind: "inventory",
  description: "Cabin filter",
  note: "",
  partNumber: "",
  vendor: null,
  cost: "12.5",
  retailCost: "0",
  quantityAvailable: "2.25",
  criticalQuantity: null,
  quickBooksItemRef: null,
  updatedAt: "2026-11-27T10:00:00.000Z",
};

describe("the part form", () => {
  it("shows and announces field errors from the API's own schema, then sends exact decimals", async () => {
    const bodies: unknown[] = [];
    fakeServer({
      "POST /api/inventory": ({ init }) => {
        bodies.push(JSON.parse(init?.body as string));
        return json(created, 201);
      },
      [`GET /api/inventory/${created.id}`]: () => json(created),
      [`GET /api/inventory/${created.id}/movements`]: () => json({ items: [] }),
    });
    const user = userEvent.setup();
    const { router } = renderApp("/inventory/new");
    const cost = await screen.findByRole("textbox", { name: "Cost" });
    expect(cost.getAttribute("inputmode")).toBe("decimal");
    await user.type(cost, "12.3.4");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(screen.getByRole("alert").textContent).toBe("Please fix 2 fields");
    expect(
      screen.getByRole("textbox", { name: "Part description" }).getAttribute("aria-invalid"),
    ).toBe("true");
    expect(cost.getAttribute("aria-invalid")).toBe("true");
    expect(cost.getAttribute("aria-describedby")).toContain("error");
    expect(screen.getByText("Enter a number such as 12.75")).toBeTruthy();
    expect(bodies).toEqual([]);

    await user.type(screen.getByRole("textbox", { name: "Part description" }), "Cabin filter");
    await user.clear(cost);
    await user.type(cost, "12,50"); // a French decimal comma is accepted
    await user.type(screen.getByRole("textbox", { name: "Quantity available" }), "2.25");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/inventory/${created.id}`));
    expect(bodies).toEqual([
      expect.objectContaining({
        description: "Cabin filter",
        cost: "12.50",
        retailCost: "0",
        quantityAvailable: "2.25",
        criticalQuantity: null,
        vendorName: null,
      }),
    ]);
  });
});
