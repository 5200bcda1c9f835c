import type { ImportCategory, ImportJob } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { demoMe, fakeServer, type Handler, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());
// sonner captures the pointer on its toasts; jsdom has no pointer capture.
if (!("setPointerCapture" in Element.prototype))
  Object.defineProperty(Element.prototype, "setPointerCapture", {
    value: () => undefined,
    configurable: true,
  });

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: "00000000-0000-4000-8000-000000000001",
  category: "inventory",
  dryRun: false,
  status: "queued",
  total: null,
  processed: 0,
  imported: 0,
  updated: 0,
  skipped: 0,
  requestedBy: "Dana Owner",
  createdAt: "2026-11-27T18:00:00.000Z",
  ...over,
});

/** A BFF whose inventory import moves through the given states, one per poll. */
function importsServer(opts: {
  role?: ImportJob["requestedBy"];
  connection?: string;
  inventoryStates?: ImportJob[];
  extra?: Record<string, Handler>;
}) {
  const states = [...(opts.inventoryStates ?? [])];
  let started = false;
  const list =
    (category: ImportCategory): Handler =>
    () => {
      if (category !== "inventory" || !started) return json({ items: [] });
      const current = states.length > 1 ? states.shift()! : states[0]!;
      return json({ items: [current] });
    };
  const routes: Record<string, Handler> = {
    "GET /api/me": () => json({ ...demoMe, role: opts.role ?? "owner" }),
    "GET /api/quickbooks/connection": () => json({ status: opts.connection ?? "connected" }),
    "POST /api/quickbooks/imports": ({ init }) => {
      started = true;
      const body = JSON.parse(typeof init?.body === "string" ? init.body : "{}") as {
        category: ImportCategory;
        dryRun: boolean;
      };
      return json(job({ category: body.category, dryRun: body.dryRun }), 202);
    },
    ...opts.extra,
  };
  for (const c of ["customers", "inventory", "non_inventory"] as const)
    routes[`GET /api/quickbooks/imports?category=${c}&limit=10`] = list(c);
  return fakeServer(routes);
}

/** What the sonner toasts say (they live outside the page's landmarks). */
const toastText = () =>
  [...document.querySelectorAll("[data-sonner-toast]")].map((el) => el.textContent).join(" | ");

const inventoryCard = async () =>
  within((await screen.findByRole("heading", { name: "Inventory" })).closest("section")!);

describe("Import and Sync", () => {
  it("runs an inventory import with live progress, then toasts the counts", async () => {
    importsServer({
      inventoryStates: [
        job({ status: "running", total: 41, processed: 20 }),
        job({ status: "succeeded", total: 41, processed: 41, imported: 12, updated: 3 }),
      ],
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = await inventoryCard();
    await user.click(await card.findByRole("button", { name: "Run one-time import" }));

    const bar = await card.findByRole("progressbar", { name: "Importing Inventory" });
    expect(bar.getAttribute("aria-valuenow")).toBe("20");
    expect(bar.getAttribute("aria-valuemax")).toBe("41");
    expect(card.getByRole("button", { name: "Run one-time import" })).toHaveProperty(
      "disabled",
      true,
    );
    // A preview writes nothing: it may look while the real run works.
    expect(card.getByRole("button", { name: "Preview" })).toHaveProperty("disabled", false);

    await waitFor(() => expect(toastText()).toContain("12 imported, 3 updated"));
    expect(card.getByText("Last run")).toBeTruthy();
    // With seconds: two runs in the same minute read apart.
    expect(card.getAllByText(/\d:\d{2}:\d{2}/).length).toBeGreaterThan(0);
  });

  it("ticks the checklist with the completion toast, not after its next poll", async () => {
    let finished = false;
    const status = () => ({
      connected: true,
      imported: { inventory: finished, nonInventory: false },
      keepInSync: { inventory: false, nonInventory: false },
      parts: { total: 0, linked: 0 },
      accountingMapped: false,
      exported: false,
      reconciled: false,
    });
    importsServer({
      inventoryStates: [
        job({ status: "running", total: 41, processed: 20 }),
        job({ status: "succeeded", total: 41, processed: 41, imported: 41 }),
      ],
      extra: {
        "GET /api/quickbooks/starting-situation": () =>
          json({ situation: "quickbooks_only", chosenAt: "2026-11-27T18:00:00.000Z" }),
        "GET /api/quickbooks/onboarding/status": () => json(status()),
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const steps = await screen.findByRole("region", { name: "Next steps" });
    expect(await within(steps).findByText(/^1 of 4 steps done/)).toBeTruthy();
    const card = await inventoryCard();
    await user.click(await card.findByRole("button", { name: "Run one-time import" }));
    await card.findByRole("progressbar", { name: "Importing Inventory" });
    finished = true;
    await waitFor(() => expect(toastText()).toContain("41 imported"), { timeout: 4000 });
    // The status poll is every 10 s: within 2 s, only the refresh on completion can tick it.
    expect(
      await within(steps).findByText(/^2 of 4 steps done/, {}, { timeout: 2000 }),
    ).toBeTruthy();
  });

  it("says it in French, with French plurals and skipped counts", async () => {
    await i18n.changeLanguage("fr");
    importsServer({
      inventoryStates: [
        job({
          status: "succeeded",
          total: 15,
          processed: 15,
          imported: 12,
          updated: 1,
          skipped: 2,
        }),
      ],
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = within(
      (await screen.findByRole("heading", { name: "Inventaire" })).closest("section")!,
    );
    await user.click(card.getByRole("button", { name: "Exécuter une importation unique" }));
    await waitFor(() => expect(toastText()).toContain("12 importés, 1 mis à jour, 2 ignorés"));
    expect(i18n.t("imports:summary.imported", { count: 0 })).toBe("0 importé");
    expect(i18n.t("imports:summary.updated", { count: 3 })).toBe("3 mis à jour");
  });

  it("toasts a failure with its reason and retries from the toast", async () => {
    const server = importsServer({
      inventoryStates: [
        job({
          status: "failed",
          error: {
            code: "quickbooks_reconnect_required",
            message: "Reconnect QuickBooks to continue",
          },
        }),
      ],
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = await inventoryCard();
    await user.click(card.getByRole("button", { name: "Run one-time import" }));
    expect(
      await screen.findByText(
        "Inventory import failed: QuickBooks needs to be reconnected. Use Reconnect in the banner.",
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() =>
      expect(
        server.mock.calls.filter(
          ([url, init]) => url === "/api/quickbooks/imports" && init?.method === "POST",
        ),
      ).toHaveLength(2),
    );
  });

  it("previews per-record outcomes and reasons before anything is written", async () => {
    const previewId = "00000000-0000-4000-8000-000000000002";
    const preview = job({
      id: previewId,
      dryRun: true,
      status: "succeeded",
      total: 3,
      processed: 3,
      imported: 1,
      updated: 1,
      skipped: 1,
    });
    importsServer({
      inventoryStates: [preview],
      extra: {
        "POST /api/quickbooks/imports": () => json({ ...preview, status: "queued" }, 202),
        [`GET /api/quickbooks/imports/${previewId}`]: () => json(preview),
        [`GET /api/quickbooks/imports/${previewId}/records?limit=100`]: () =>
          json({
            items: [
              { quickBooksId: "1", name: "Oil Filter", outcome: "updated", recordId: "p1" },
              {
                quickBooksId: "5",
                name: "Brake Pads",
                outcome: "skipped",
                reason: "conflict: 2 QuickBooks items share SKU BP-1001",
              },
              { quickBooksId: "7", name: "Rotor", outcome: "imported" },
            ],
          }),
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = await inventoryCard();
    await user.click(card.getByRole("button", { name: "Preview" }));
    const dialog = within(
      await screen.findByRole("dialog", { name: "Preview of the Inventory import" }),
    );
    expect(await dialog.findByText("conflict: 2 QuickBooks items share SKU BP-1001")).toBeTruthy();
    expect(dialog.getByText("1 imported, 1 updated, 1 skipped")).toBeTruthy();
    expect(dialog.getByRole("button", { name: "Run the import" })).toHaveProperty(
      "disabled",
      false,
    );
  });

  it("says a server refusal in French inside the French UI, from its code", async () => {
    await i18n.changeLanguage("fr");
    importsServer({
      extra: {
        "POST /api/quickbooks/imports": () =>
          json(
            {
              error: {
                code: "conflict",
                message: "An import of inventory is already running for this shop",
                reason: "import_running",
              },
            },
            409,
          ),
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = within(
      (await screen.findByRole("heading", { name: "Inventaire" })).closest("section")!,
    );
    await user.click(card.getByRole("button", { name: "Exécuter une importation unique" }));
    await waitFor(() =>
      expect(toastText()).toContain("Une importation de ce type est déjà en cours."),
    );
    expect(toastText()).not.toContain("already running");
  });

  it("shows skip reasons in French from their codes, and an old record's stored text", async () => {
    await i18n.changeLanguage("fr");
    const previewId = "00000000-0000-4000-8000-000000000003";
    const preview = job({
      id: previewId,
      dryRun: true,
      status: "succeeded",
      total: 2,
      processed: 2,
      skipped: 2,
    });
    importsServer({
      inventoryStates: [preview],
      extra: {
        "POST /api/quickbooks/imports": () => json({ ...preview, status: "queued" }, 202),
        [`GET /api/quickbooks/imports/${previewId}`]: () => json(preview),
        [`GET /api/quickbooks/imports/${previewId}/records?limit=100`]: () =>
          json({
            items: [
              {
                quickBooksId: "5",
                name: "Brake Pads",
                outcome: "skipped",
                reason: "conflict: 2 QuickBooks items share SKU BP-1001",
                reasonCode: "sku_shared_in_quickbooks",
                reasonParams: { count: 2, sku: "BP-1001" },
              },
              {
                quickBooksId: "9",
                name: "Old one",
                outcome: "skipped",
                reason: "stored before codes existed",
              },
            ],
          }),
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/import");
    const card = within(
      (await screen.findByRole("heading", { name: "Inventaire" })).closest("section")!,
    );
    await user.click(card.getByRole("button", { name: "Aperçu" }));
    const dialog = within(await screen.findByRole("dialog"));
    expect(
      await dialog.findByText("conflit : 2 articles QuickBooks partagent le SKU BP-1001"),
    ).toBeTruthy();
    expect(dialog.getByText("stored before codes existed")).toBeTruthy();
    expect(dialog.queryByText(/share SKU/)).toBeNull();
  });

  it("explains to technicians why they cannot run imports", async () => {
    importsServer({ role: "technician" });
    renderApp("/settings/quickbooks/import");
    const card = await inventoryCard();
    const run = await card.findByRole("button", { name: "Run one-time import" });
    await waitFor(() => expect(run).toHaveProperty("disabled", true));
    expect(run.getAttribute("aria-describedby")).toBeTruthy();
    expect(card.getByText("Only owners and admins can run imports.")).toBeTruthy();
  });

  it("sends the shop to the Connection tab when QuickBooks is not connected", async () => {
    importsServer({ connection: "not_connected" });
    renderApp("/settings/quickbooks/import");
    const link = await screen.findByRole("link", { name: "Go to the Connection tab" });
    expect(link.getAttribute("href")).toBe("/settings/quickbooks/connection");
    const card = await inventoryCard();
    expect(card.getByRole("button", { name: "Preview" })).toHaveProperty("disabled", true);
  });
});
