import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../test/fake-server";
import { renderApp } from "../test/render-app";

afterEach(() => vi.unstubAllGlobals());

describe("the demo identity switcher", () => {
  it("mints a token for the chosen role, remembers the choice (not the token) and refetches", async () => {
    let role = "owner";
    const fetch = fakeServer({
      "POST /api/demo/session": ({ init }) => {
        role = (JSON.parse(init?.body as string) as { role: string }).role;
        const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
        return json({ token: `token-${role}`, expiresAt });
      },
      "GET /api/me": () =>
        json({ ...demoMe, role, name: role === "technician" ? "Taylor Tech" : demoMe.name }),
    });
    const user = userEvent.setup();
    renderApp("/orders");

    await user.selectOptions(await screen.findByRole("combobox", { name: "Role" }), "technician");

    await waitFor(() =>
      expect(screen.getByText("Signed in as Taylor Tech, Technician")).toBeTruthy(),
    );
    expect(JSON.parse(localStorage.getItem("qbo.demoIdentity") ?? "null")).toEqual({
      shop: "demo-shop",
      role: "technician",
    });
    expect(JSON.stringify(localStorage)).not.toContain("token-");
    const lastMe = fetch.mock.calls.filter(([url]) => url === "/api/me").at(-1);
    expect(new Headers(lastMe?.[1]?.headers).get("Authorization")).toBe("Bearer token-technician");
  });
});
