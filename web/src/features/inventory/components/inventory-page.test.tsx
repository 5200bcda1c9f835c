import type { Part, PartList } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { fakeServer, json } from "../../../test/fake-server";
import { aPart } from "../../../test/records";
import { renderApp } from "../../../test/render-app";

const part = aPart;

const linked = part({
  id: "00000000-0000-4000-8000-000000000002",
  description: "Brake pads",
  quickBooksItemRef: "123",
});
const unlinked = part({
  description: "Valve stem",
  partNumber: "TVS-413",
  quantityAvailable: "3",
  criticalQuantity: "50",
});
const page = (items: Part[]): PartList => ({
  items,
  total: items.length,
  totalExact: true,
  page: 1,
  pageSize: 50,
});

/** The BFF answers every list request with `answer(query)`, recording the query strings. */
function serve(answer: (q: URLSearchParams) => Part[] | PartList) {
  const seen: URLSearchParams[] = [];
  const mock = fakeServer();
  const base = mock.getMockImplementation();
  mock.mockImplementation((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("/api/inventory?"))
      return base ? base(input, init) : Promise.reject(new Error("no base"));
    const q = new URLSearchParams(url.split("?")[1]);
    seen.push(q);
    try {
      const answered = answer(q);
      return Promise.resolve(json(Array.isArray(answered) ? page(answered) : answered));
    } catch {
      return Promise.resolve(json({ error: { code: "internal_error", message: "Down" } }, 500));
    }
  });
  return seen;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

describe("the inventory list", () => {
  it("shows the QuickBooks icon, with its accessible name, exactly on linked rows", async () => {
    serve(() => [linked, unlinked]);
    renderApp("/inventory");
    const table = await screen.findByRole("table", { name: "Parts" });
    const [linkedRow, unlinkedRow] = within(table).getAllByRole("row").slice(1);
    expect(
      within(linkedRow!).getByRole("img", { name: "Synced with QuickBooks (item 123)" }),
    ).toBeTruthy();
    expect(within(unlinkedRow!).queryByRole("img")).toBeNull();
    expect(within(table).getAllByRole("img")).toHaveLength(1);
    // Low stock is said in words, not only by color.
    expect(within(unlinkedRow!).getByText("Low stock")).toBeTruthy();
    expect(within(linkedRow!).queryByText("Low stock")).toBeNull();
    expect(within(linkedRow!).getByText("$3.25")).toBeTruthy();
  });

  it("names the icon in French: « Synchronisé avec QuickBooks (article 123) »", async () => {
    await i18n.changeLanguage("fr");
    serve(() => [linked]);
    renderApp("/inventory");
    expect(
      await screen.findByRole("img", { name: "Synchronisé avec QuickBooks (article 123)" }),
    ).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: /Quantité disponible/ })).toBeTruthy();
  });

  it("filters and sorts on the server, keeping the choices in the URL", async () => {
    const seen = serve((q) => (q.get("linked") === "true" ? [linked] : [linked, unlinked]));
    const user = userEvent.setup();
    const { router } = renderApp("/inventory?page=2");
    await screen.findByRole("table");
    expect(seen.at(-1)?.get("page")).toBe("2");

    await user.selectOptions(screen.getByRole("combobox", { name: "QuickBooks" }), "linked");
    await waitFor(() => expect(router.state.location.search).toBe("?linked=true"));
    await waitFor(() => expect(screen.queryByText("Valve stem")).toBeNull());
    expect(seen.at(-1)?.get("page")).toBe("1"); // a new filter starts over at page 1

    await user.click(screen.getByRole("checkbox", { name: "Low stock only" }));
    await waitFor(() => expect(router.state.location.search).toBe("?linked=true&lowStock=true"));

    const header = screen.getByRole("columnheader", { name: /Cost/ });
    expect(header.getAttribute("aria-sort")).toBe("none");
    await user.click(within(header).getByRole("button"));
    await waitFor(() => expect(seen.at(-1)?.get("sort")).toBe("cost"));
    expect(screen.getByRole("columnheader", { name: /^Cost/ }).getAttribute("aria-sort")).toBe(
      "ascending",
    );
  });

  it("asks the server for what was typed in the search box, and says when nothing matches", async () => {
    // How long the box waits after the last keystroke is the SearchBox's own test (fake
    // timers); here, what the user sees: the typed words reach the server and the result shows.
    const seen = serve(() => []);
    const user = userEvent.setup();
    const { router } = renderApp("/inventory");
    await screen.findByRole("heading", { name: "No parts yet" });
    await user.type(screen.getByRole("searchbox", { name: "Search parts" }), "brake");
    await waitFor(() => expect(router.state.location.search).toBe("?search=brake"));
    await waitFor(() => expect(seen.at(-1)?.get("search")).toBe("brake"));
    expect(await screen.findByRole("heading", { name: "No parts match" })).toBeTruthy();
  });

  it("says 'of more than 1,000' for a large inventory, and Next asks for the parts after the last one shown", async () => {
    const seen = serve((q) => ({
      ...page([linked, unlinked]),
      total: q.get("page") === "2" ? 1_002 : 1_000,
      totalExact: q.get("page") === "2",
      page: Number(q.get("page")),
      pageSize: 2,
    }));
    const user = userEvent.setup();
    const { router } = renderApp("/inventory?pageSize=2");
    expect(await screen.findByText("1–2 of more than 1,000")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?pageSize=2&page=2&after=${unlinked.id}`),
    );
    // The URL changes first; the page's request follows it.
    await waitFor(() => expect(seen.at(-1)?.get("after")).toBe(unlinked.id));
    expect(await screen.findByText("3–4 of 1,002")).toBeTruthy();
    // Going back is by number, and any other change forgets the cursor.
    await user.click(screen.getByRole("button", { name: "Previous" }));
    await waitFor(() => expect(router.state.location.search).toBe("?pageSize=2"));
  });

  it("says « sur plus de 1 000 » in French", async () => {
    await i18n.changeLanguage("fr");
    serve(() => ({ ...page([linked]), total: 1_000, totalExact: false, pageSize: 1 }));
    renderApp("/inventory");
    expect(await screen.findByText(/^1–1 sur plus de 1\s000$/)).toBeTruthy();
  });

  it("says when the list could not load, and retries", async () => {
    let calls = 0;
    serve(() => {
      calls += 1;
      if (calls <= 3) throw new Error("down"); // the first load and its two automatic retries
      return [linked];
    });
    const user = userEvent.setup();
    renderApp("/inventory");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The parts could not be loaded")).toBeTruthy();
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Brake pads" })).toBeTruthy();
  });
});
