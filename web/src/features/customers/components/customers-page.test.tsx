import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { aCustomer } from "../../../test/records";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const customer = aCustomer;

describe("the customers list", () => {
  it("shows name or company, contact, city, and the QuickBooks icon only on linked customers", async () => {
    const items = [
      customer({
        firstName: "Maria",
        lastName: "Gonzalez",
        email: "maria@example.com",
        city: "Eugene",
        quickBooksCustomerRef: "1",
      }),
      customer({
        id: "00000000-0000-4000-8000-000000000002",
        companyName: "Coastal Delivery Co.",
        phone: "(541) 555-0175",
      }),
    ];
    fakeServer({
      "GET /api/customers?page=1&pageSize=50": () =>
        json({ items, total: 2, page: 1, pageSize: 50 }),
    });
    renderApp("/customers");
    const table = await screen.findByRole("table", { name: "Customers" });
    const [maria, coastal] = within(table).getAllByRole("row").slice(1);
    expect(within(maria!).getByRole("link", { name: "Maria Gonzalez" })).toBeTruthy();
    expect(
      within(maria!).getByRole("img", { name: "Synced with QuickBooks (customer 1)" }),
    ).toBeTruthy();
    expect(within(coastal!).getByRole("link", { name: "Coastal Delivery Co." })).toBeTruthy();
    expect(within(coastal!).queryByRole("img")).toBeNull();
    expect(screen.getByText("1–2 of 2")).toBeTruthy();
  });
});
