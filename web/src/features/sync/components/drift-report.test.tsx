import type { DriftReport as Report, DriftRow } from "@app/shared";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Providers } from "../../../app/providers";
import { createQueryClient } from "../../../lib/query-client";
import { fakeServer, json } from "../../../test/fake-server";
import { DriftReport } from "./drift-report";

afterEach(() => vi.unstubAllGlobals());

const row = (over: Partial<DriftRow>): DriftRow => ({
  partId: "00000000-0000-4000-8000-000000000001",
  description: "Oil filter",
  partNumber: "OF-1",
  quickBooksItemRef: "12",
  shopmonkey: { quantity: "40", cost: "28.5", retailCost: "45" },
  quickBooks: { quantity: "46", cost: "28.5", retailCost: "45" },
  differences: ["quantity"],
  fixes: { take_quickbooks: ["quantity"], push_shopmonkey: [] },
  blocked: [{ field: "quantity", reason: "quantity_push_unsupported" }],
  ...over,
});

describe("the drift report", () => {
  it("shows money as money, offers only the fixes that work, and says why not", async () => {
    const report: Report = {
      items: [
        row({}),
        row({
          partId: "00000000-0000-4000-8000-000000000002",
          description: "Wiper blades",
          quickBooksItemRef: "11",
          shopmonkey: { quantity: "5", cost: "3.1", retailCost: "9" },
          quickBooks: { quantity: "5", cost: "3.25", retailCost: "9" },
          differences: ["cost"],
          fixes: { take_quickbooks: ["cost"], push_shopmonkey: ["cost"] },
          blocked: [],
        }),
      ],
      linkedParts: 2,
      checkedAt: "2026-11-28T20:00:00.000Z",
    };
    const server = fakeServer({
      "GET /api/quickbooks/sync/drift?show=different": () => json(report),
      "POST /api/quickbooks/sync/drift/fix": () => json({ results: [] }),
    });
    render(
      <Providers queryClient={createQueryClient()}>
        <DriftReport connected canManage />
      </Providers>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Check now" }));
    const oil = (await screen.findByRole("rowheader", { name: /Oil filter/ })).closest("tr")!;
    expect(within(oil).getAllByText("$28.50")).toHaveLength(2);
    expect(oil.textContent).not.toContain("28.5 ");
    expect(within(oil).getByRole("button", { name: "Take QuickBooks' value" })).toBeTruthy();
    expect(within(oil).queryByRole("button", { name: "Push Shopmonkey's value" })).toBeNull();
    expect(within(oil).getByText(/Quantity can't be pushed/)).toBeTruthy();

    const wipers = screen.getByRole("rowheader", { name: /Wiper blades/ }).closest("tr")!;
    expect(within(wipers).getByText("$3.10")).toBeTruthy();
    await user.click(within(wipers).getByRole("button", { name: "Push Shopmonkey's value" }));
    const post = server.mock.calls.find(
      ([url]) => typeof url === "string" && url.endsWith("/drift/fix"),
    );
    const body = post?.[1]?.body;
    expect(JSON.parse(typeof body === "string" ? body : "{}")).toEqual({
      action: "push_shopmonkey",
      partIds: ["00000000-0000-4000-8000-000000000002"],
      fields: ["cost"],
    });
  });
});
