import type { ImportJob } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, type Handler, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());
if (!("setPointerCapture" in Element.prototype))
  Object.defineProperty(Element.prototype, "setPointerCapture", {
    value: () => undefined,
    configurable: true,
  });

const ID = "00000000-0000-4000-8000-000000000009";
const run: ImportJob = {
  id: ID,
  category: "inventory",
  dryRun: false,
  status: "succeeded",
  total: 45,
  processed: 45,
  imported: 12,
  updated: 33,
  skipped: 0,
  requestedBy: "Dana Owner",
  createdAt: "2026-11-27T18:00:00.000Z",
  finishedAt: "2026-11-27T18:01:00.000Z",
};
const toastText = () =>
  [...document.querySelectorAll("[data-sonner-toast]")].map((el) => el.textContent).join(" | ");

function server(role = "owner") {
  let undone = false;
  const bodies: unknown[] = [];
  const routes: Record<string, Handler> = {
    "GET /api/me": () => json({ ...demoMe, role }),
    "GET /api/quickbooks/connection": () => json({ status: "connected" }),
    [`GET /api/quickbooks/imports/${ID}`]: () => json(run),
    [`POST /api/quickbooks/imports/${ID}/undo`]: ({ init }) => {
      const body = JSON.parse(typeof init?.body === "string" ? init.body : "{}") as {
        dryRun: boolean;
      };
      bodies.push(body);
      if (!body.dryRun) undone = true;
      return json({
        removed: 12,
        restored: 30,
        keptCount: 3,
        kept: [
          {
            recordId: "p1",
            name: "Oil filter",
            reason: "used on an order",
            reasonCode: "on_order",
          },
          { recordId: "p2", name: "Wiper blade", reason: "stock moved since the import" },
          { recordId: "p3", name: "Brake pad", reason: "edited since the import" },
        ],
      });
    },
  };
  for (const c of ["customers", "inventory", "non_inventory"] as const)
    routes[`GET /api/quickbooks/imports?category=${c}&limit=10`] = () =>
      json({
        items:
          c !== "inventory"
            ? []
            : [
                undone
                  ? {
                      ...run,
                      undo: {
                        status: "done",
                        by: "Dana Owner",
                        at: "2026-11-28T09:00:00.000Z",
                        removed: 12,
                        restored: 30,
                        kept: 3,
                      },
                    }
                  : run,
              ],
      });
  fakeServer(routes);
  return bodies;
}

describe("Undo this import", () => {
  it("previews what it would do, undoes on confirmation, toasts the counts and shows who undid it", async () => {
    const bodies = server();
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = within(
      (await screen.findByRole("heading", { name: "Inventory" })).closest("section")!,
    );
    await user.click(await card.findByText("History (1)"));
    await user.click(card.getByRole("button", { name: "Undo this import" }));

    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("12 records it created will be removed");
    expect(dialog.textContent).toContain("30 records restored to their values before the import");
    expect(dialog.textContent).toContain("3 kept because they changed since");
    expect(dialog.textContent).toContain("Oil filter: used on an order");
    expect(dialog.textContent).toContain("QuickBooks is not changed.");
    expect(bodies).toEqual([{ dryRun: true }]);

    await user.click(within(dialog).getByRole("button", { name: "Undo import" }));
    await waitFor(() =>
      expect(toastText()).toContain("Import undone: 12 removed, 30 restored, 3 kept"),
    );
    expect(bodies).toEqual([{ dryRun: true }, { dryRun: false }]);
    expect(await card.findByText(/Undone by Dana Owner on/)).toBeTruthy();
    expect(card.queryByRole("button", { name: "Undo this import" })).toBeNull();
  });

  it("opens a run's records from the Health page's link", async () => {
    server();
    renderApp(`/settings/quickbooks/import?run=${ID}`);
    expect(
      await screen.findByRole("dialog", { name: /Inventory: records of the run/ }),
    ).toBeTruthy();
  });

  it("is not offered to a technician", async () => {
    server("technician");
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = within(
      (await screen.findByRole("heading", { name: "Inventory" })).closest("section")!,
    );
    await user.click(await card.findByText("History (1)"));
    expect(card.getByRole("button", { name: "View records" })).toBeTruthy();
    expect(card.queryByRole("button", { name: "Undo this import" })).toBeNull();
  });
});
