import type { OnboardingStatus, StartingSituationState } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { demoMe, fakeServer, type Handler, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());
const bodyOf = (body: BodyInit | null | undefined) => (typeof body === "string" ? body : "{}");
const urlOf = (url: RequestInfo | URL) =>
  typeof url === "string" ? url : url instanceof URL ? url.href : url.url;
// user-event moves between radios of one name through CSS.escape, which jsdom lacks.
if (typeof CSS === "undefined" || !("escape" in CSS))
  vi.stubGlobal("CSS", { escape: (s: string) => s.replace(/[^\w-]/g, "\\$&") });
if (!("setPointerCapture" in Element.prototype))
  Object.defineProperty(Element.prototype, "setPointerCapture", {
    value: () => undefined,
    configurable: true,
  });

const status = (over: Partial<OnboardingStatus> = {}): OnboardingStatus => ({
  connected: true,
  imported: { inventory: false, nonInventory: false },
  keepInSync: { inventory: false, nonInventory: false },
  parts: { total: 4, linked: 1 },
  accountingMapped: true,
  exported: false,
  reconciled: false,
  ...over,
});

function server(opts: {
  situation?: StartingSituationState;
  role?: string;
  extra?: Record<string, Handler>;
}) {
  let state: StartingSituationState = opts.situation ?? { situation: null };
  return fakeServer({
    "GET /api/me": () => json({ ...demoMe, role: opts.role ?? "owner" }),
    "GET /api/quickbooks/connection": () => json({ status: "connected" }),
    "GET /api/quickbooks/starting-situation": () => json(state),
    "PUT /api/quickbooks/starting-situation": ({ init }) => {
      const body = JSON.parse(bodyOf(init?.body)) as {
        situation: StartingSituationState["situation"];
      };
      state = {
        situation: body.situation,
        chosenBy: "Dana Owner",
        chosenAt: "2026-11-27T18:00:00.000Z",
      };
      return json(state);
    },
    "GET /api/quickbooks/onboarding/status": () => json(status()),
    ...opts.extra,
  });
}

describe("Where to start", () => {
  it("offers four keyboard-accessible radio cards, saves the choice and shows its checklist", async () => {
    const fetch = server({});
    renderApp("/settings/quickbooks/import");
    const group = await screen.findByRole("group", { name: "Where to start" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((r) => r.closest("label")?.textContent)).toEqual([
      expect.stringContaining("Brand new / no previous inventory"),
      expect.stringContaining("Inventory currently in QuickBooks only"),
      expect.stringContaining("Inventory currently in Shopmonkey only"),
      expect.stringContaining("Some inventory in QuickBooks, some in Shopmonkey"),
    ]);
    const user = userEvent.setup();
    await user.click(radios[0]!);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(radios[2]?.matches(":checked")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Continue" }));

    expect(await screen.findByRole("heading", { name: "Next steps" })).toBeTruthy();
    const put = fetch.mock.calls.find(([, init]) => init?.method === "PUT");
    expect(JSON.parse(bodyOf(put?.[1]?.body))).toEqual({ situation: "shopmonkey_only" });
    expect(screen.getByText(/Chosen by Dana Owner/)).toBeTruthy();
    // Ticks come from the server's facts: connected and accounting done, export not yet.
    expect(await screen.findByText("2 of 3 steps done")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Export to QuickBooks" }).getAttribute("href")).toBe(
      "/settings/quickbooks/export-to-quickbooks",
    );
    await user.click(screen.getByRole("button", { name: "Change where to start" }));
    expect(screen.getByRole<HTMLInputElement>("radio", { name: /Shopmonkey only/ }).checked).toBe(
      true,
    );
  });

  it("shows technicians the choices without letting them save", async () => {
    server({ role: "technician" });
    renderApp("/settings/quickbooks/import");
    expect(await screen.findByText("An owner or admin chooses where to start.")).toBeTruthy();
    expect(screen.getAllByRole("radio")[0]!.matches(":disabled")).toBe(true);
    expect(screen.queryByRole("button", { name: "Continue" })).toBeNull();
  });

  it("keeps the support chat entry for Shopmonkey-only and confirms the sent message", async () => {
    const fetch = server({
      situation: {
        situation: "shopmonkey_only",
        chosenBy: "Dana Owner",
        chosenAt: "2026-11-27T18:00:00.000Z",
      },
      extra: {
        "POST /api/quickbooks/support-requests": ({ init }) =>
          json(
            {
              id: "s1",
              situation: "shopmonkey_only",
              message: (JSON.parse(bodyOf(init?.body)) as { message: string }).message,
              createdBy: "Dana Owner",
              createdAt: "2026-11-27T18:05:00.000Z",
            },
            201,
          ),
      },
    });
    renderApp("/settings/quickbooks/import");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Chat with support" }));
    const dialog = screen.getByRole("dialog", { name: "Chat with Shopmonkey support" });
    await user.type(within(dialog).getByLabelText("Your message"), "Please move my 300 parts");
    await user.click(within(dialog).getByRole("button", { name: "Send" }));
    expect(await within(dialog).findByText(/We received your message/)).toBeTruthy();
    expect(within(dialog).getByText("Please move my 300 parts")).toBeTruthy();
    expect(fetch.mock.calls.some(([url]) => urlOf(url).endsWith("/support-requests"))).toBe(true);
  });

  it("turns on inventory sync from the brand-new checklist", async () => {
    let on = false;
    server({
      situation: {
        situation: "brand_new",
        chosenBy: "Dana Owner",
        chosenAt: "2026-11-27T18:00:00.000Z",
      },
      extra: {
        "GET /api/quickbooks/onboarding/status": () =>
          json(status({ keepInSync: { inventory: on, nonInventory: on } })),
        "POST /api/quickbooks/onboarding/inventory-sync": () => {
          on = true;
          return json(status({ keepInSync: { inventory: true, nonInventory: true } }));
        },
      },
    });
    renderApp("/settings/quickbooks/import");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Turn on" }));
    await waitFor(() => expect(screen.getByText("3 of 4 steps done")).toBeTruthy());
    expect(screen.getByText(/Turn on inventory sync/).textContent).toContain("Done");
  });

  it("speaks French", async () => {
    server({});
    await i18n.changeLanguage("fr");
    renderApp("/settings/quickbooks/import");
    expect(await screen.findByRole("group", { name: "Par où commencer" })).toBeTruthy();
    expect(screen.getByText("Une partie dans QuickBooks, une partie dans Shopmonkey")).toBeTruthy();
  });
});
